/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The LCP option codec (RFC 1661 section 6) and LCP's extra codes
 * (Protocol-Reject, Echo, Discard). It plugs into the automaton of fsm.h
 * through the option callbacks of struct ipcp_neg_fsm_ops; the link glue
 * supplies the rest (layer signals, xmit, timer):
 *
 *	static const struct ipcp_neg_fsm_ops lcp_ops = {
 *		IPCP_NEG_LCP_CODEC_OPS,
 *		.tlu = ..., .tld = ..., .xmit = ..., ...
 *	};
 *
 * Every function here runs under the lock that serialises the automaton.
 */
#ifndef _IPCP_NEG_LCP_H
#define _IPCP_NEG_LCP_H

#include <linux/container_of.h>
#include <linux/types.h>

#include "proto.h"
#include "fsm.h"

/*
 * MRU (4) + ACCM (6) + Magic-Number (6) + PFC (2) + ACFC (2): the longest
 * request we build
 */
#define IPCP_NEG_LCP_CR_MAX	20

/**
 * struct ipcp_neg_lcp_conf - what we may request and accept
 * @mru: MRU to request; 0 or IPCP_NEG_DEFAULT_MRU: not requested (default 0)
 * @req_accm: request @accm (default false: the option is not sent, so the
 *	RFC 1662 default of all 32 control characters escaped applies)
 * @accm: the ACCM to request when @req_accm is set
 * @accept_pfc: Ack Protocol-Field-Compression (default false: Reject it)
 * @accept_acfc: Ack Address-and-Control-Field-Compression (default false:
 *	Reject it; PPPoE forbids it)
 * @req_pfc: request Protocol-Field-Compression (default false): the peer
 *	may then send us compressed protocol fields
 * @req_acfc: request Address-and-Control-Field-Compression (default false)
 * @rej_accm: Reject the peer's ACCM (default false: Ack it; RFC 2516
 *	forbids it on PPPoE)
 *
 * A Magic-Number is always requested. Authentication and Quality-Protocol
 * are always Rejected. What a link sets here on each transport is
 * lcp_policy.c's.
 */
struct ipcp_neg_lcp_conf {
	u16 mru;
	bool req_accm;
	u32 accm;
	bool accept_pfc;
	bool accept_acfc;
	bool req_pfc;
	bool req_acfc;
	bool rej_accm;
};

/**
 * struct ipcp_neg_lcp_opts - one side's options
 * @neg_mru: MRU requested
 * @neg_accm: ACCM requested
 * @neg_magic: Magic-Number requested
 * @pfc: Protocol-Field-Compression requested
 * @acfc: Address-and-Control-Field-Compression requested
 * @mru: the MRU (IPCP_NEG_DEFAULT_MRU when not requested)
 * @accm: the ACCM (0xffffffff when not requested)
 * @magic: the Magic-Number (0 when not requested)
 */
struct ipcp_neg_lcp_opts {
	bool neg_mru;
	bool neg_accm;
	bool neg_magic;
	bool pfc;
	bool acfc;
	u16 mru;
	u32 accm;
	u32 magic;
};

/**
 * struct ipcp_neg_lcp_stats - LCP counters beyond the automaton's
 * @loop_suspects: Configure-Requests that carried our own Magic-Number
 * @loop_echo: Echo-Requests and Echo-Replies received in Opened that
 *	carried our own Magic-Number (a looped-back line)
 * @echo_replies: Echo-Replies accepted (they reset @echo_missed)
 * @discard_reqs: Discard-Requests received
 * @protrej_rx: Protocol-Rejects acted upon
 * @nomem: Echo-Replies or Protocol-Rejects not sent for lack of memory
 *
 * Short or out-of-state extra-code packets count in the automaton's
 * malformed and discarded counters.
 */
struct ipcp_neg_lcp_stats {
	u32 loop_suspects;
	u32 loop_echo;
	u32 echo_replies;
	u32 discard_reqs;
	u32 protrej_rx;
	u32 nomem;
};

/**
 * struct ipcp_neg_lcp - one link's LCP
 * @fsm: its automaton; the codec callbacks find @lcp with container_of()
 * @conf: configuration, read by reset_ci and recv_cr
 * @want: what we request now (from @conf, then adjusted by Naks/Rejects)
 * @got: what the peer acked of ours (a copy of @want at the Configure-Ack);
 *	cleared by reset_ci
 * @his: what the peer requested and we acked (committed when we send a
 *	Configure-Ack; fsm.peer_mru is set from @his.mru at the same time)
 * @proto_rej: called when the peer Protocol-Rejects a protocol other than
 *	LCP in Opened (the glue stops that protocol); may be NULL. It runs
 *	inside the LCP automaton's callbacks, so it must not re-enter LCP.
 * @magic_next: test hook: when non-zero, every Magic-Number this codec draws
 *	(ours, and those it suggests in Naks) is this value, which is then
 *	incremented (skipping 0), instead of get_random_u32(). Leave 0.
 * @loop_count: consecutive Configure-Requests that carried our magic
 * @looped: @loop_count reached fsm.conf.max_failure: the line is taken as
 *	looped back, and Naks of our Magic-Number are discarded from then on,
 *	so no new Configure-Request goes out but on the restart timer and the
 *	Max-Configure rule ends the negotiation (This-Layer-Finished).
 *	Cleared by a Configure-Request without our magic.
 * @echo_missed: Echo-Requests sent since the last accepted Echo-Reply or
 *	since LCP last opened
 *	(the glue's echo timer reads it to declare the link dead)
 * @xid: identifier of the next packet the codec sends by itself
 *	(Echo-Request, Protocol-Reject)
 * @last_cr_len: length of @last_cr
 * @last_cr: the options of our last Configure-Request, to check Acks,
 *	Naks and Rejects against
 * @stats: counters
 */
struct ipcp_neg_lcp {
	struct ipcp_neg_fsm fsm;
	struct ipcp_neg_lcp_conf conf;
	struct ipcp_neg_lcp_opts want;
	struct ipcp_neg_lcp_opts got;
	struct ipcp_neg_lcp_opts his;
	void (*proto_rej)(struct ipcp_neg_lcp *lcp, u16 proto);
	u32 magic_next;
	unsigned int loop_count;
	bool looped;
	unsigned int echo_missed;
	u8 xid;
	u8 last_cr_len;
	u8 last_cr[IPCP_NEG_LCP_CR_MAX];
	struct ipcp_neg_lcp_stats stats;
};

void ipcp_neg_lcp_init(struct ipcp_neg_lcp *lcp,
		       const struct ipcp_neg_fsm_ops *ops, void *priv);
void ipcp_neg_lcp_reset_ci(struct ipcp_neg_fsm *f);
unsigned int ipcp_neg_lcp_build_cr(struct ipcp_neg_fsm *f, u8 *buf,
				   unsigned int size);
u8 ipcp_neg_lcp_recv_cr(struct ipcp_neg_fsm *f, const u8 *opts,
			unsigned int len, u8 *reply, unsigned int *reply_len,
			bool reject_if_disagree);
int ipcp_neg_lcp_recv_ack(struct ipcp_neg_fsm *f, const u8 *opts,
			  unsigned int len);
int ipcp_neg_lcp_recv_nak(struct ipcp_neg_fsm *f, const u8 *opts,
			  unsigned int len, bool rej);
int ipcp_neg_lcp_extcode(struct ipcp_neg_fsm *f, u8 code, u8 id,
			 const u8 *data, unsigned int len);
void ipcp_neg_lcp_ser(struct ipcp_neg_fsm *f, u8 id, const u8 *data,
		      unsigned int len);
void ipcp_neg_lcp_send_echo(struct ipcp_neg_lcp *lcp);
void ipcp_neg_lcp_send_protrej(struct ipcp_neg_lcp *lcp, u16 proto,
			       const u8 *info, unsigned int len);

/* The codec's members of struct ipcp_neg_fsm_ops */
#define IPCP_NEG_LCP_CODEC_OPS				\
	.name = "LCP",					\
	.reset_ci = ipcp_neg_lcp_reset_ci,		\
	.build_cr = ipcp_neg_lcp_build_cr,		\
	.recv_cr = ipcp_neg_lcp_recv_cr,		\
	.recv_ack = ipcp_neg_lcp_recv_ack,		\
	.recv_nak = ipcp_neg_lcp_recv_nak,		\
	.extcode = ipcp_neg_lcp_extcode,		\
	.ser = ipcp_neg_lcp_ser

/**
 * ipcp_neg_lcp_from_fsm - the LCP an automaton belongs to
 * @f: the automaton, &lcp->fsm
 *
 * Return: the enclosing struct ipcp_neg_lcp.
 */
static inline struct ipcp_neg_lcp *ipcp_neg_lcp_from_fsm(struct ipcp_neg_fsm *f)
{
	return container_of(f, struct ipcp_neg_lcp, fsm);
}

#endif /* _IPCP_NEG_LCP_H */
