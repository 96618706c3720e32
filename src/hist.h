/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A link's packet history: a ring of its last control packets as they
 * were on the wire, and their decoding into the lines of sysfs "packets"
 * (hist.c). The link records under its lock; decoding works on a copy.
 */
#ifndef _IPCP_NEG_HIST_H
#define _IPCP_NEG_HIST_H

#include <linux/compiler.h>
#include <linux/gfp_types.h>
#include <linux/types.h>

/*
 * Control packets the history keeps by default (module parameter
 * history_depth), at most, and option bytes kept of each
 */
#define IPCP_NEG_HIST_LEN	32
#define IPCP_NEG_HIST_LEN_MAX	256
#define IPCP_NEG_HIST_OPTS	64
#define IPCP_NEG_HIST_CAP	(4 + IPCP_NEG_HIST_OPTS)

/**
 * struct ipcp_neg_hist_ent - one control packet as it was on the wire
 * @ns: CLOCK_BOOTTIME nanoseconds when it was received or sent
 * @proto: PPP protocol (LCP or IPCP)
 * @wirelen: its length from the Code field on (capped at U16_MAX)
 * @tx: sent by us
 * @caplen: bytes kept in @pkt: the first IPCP_NEG_HIST_CAP at most
 * @pkt: the packet from its Code field
 */
struct ipcp_neg_hist_ent {
	u64 ns;
	u16 proto;
	u16 wirelen;
	u8 tx;
	u8 caplen;
	u8 pkt[IPCP_NEG_HIST_CAP];
};

/**
 * struct ipcp_neg_hist - a ring of the last @len packets, allocated apart
 *	from its link (ipcp_neg_hist_alloc()); a link keeping no history
 *	has none (NULL), which every function here takes as empty
 * @len: the ring's depth, 1 to IPCP_NEG_HIST_LEN_MAX, fixed
 * @next: the slot the next packet goes to
 * @count: slots used
 * @ent: the packets
 */
struct ipcp_neg_hist {
	unsigned int len;
	unsigned int next;
	unsigned int count;
	struct ipcp_neg_hist_ent ent[] __counted_by(len);
};

size_t ipcp_neg_hist_size(unsigned int depth);
struct ipcp_neg_hist *ipcp_neg_hist_alloc(unsigned int depth, gfp_t gfp);
void ipcp_neg_hist_add(struct ipcp_neg_hist *h, bool tx, u16 proto,
		       const u8 *hdr, unsigned int hlen, const u8 *data,
		       unsigned int dlen);
int ipcp_neg_hist_format(const struct ipcp_neg_hist_ent *ent, char *buf,
			 size_t size);
ssize_t ipcp_neg_hist_show(const struct ipcp_neg_hist *h, char *buf,
			   size_t size);

#endif /* _IPCP_NEG_HIST_H */
