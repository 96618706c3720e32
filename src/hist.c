// SPDX-License-Identifier: GPL-2.0
/*
 * A link's packet history (hist.h): recording a control packet into the
 * ring, and decoding the ring into text, one line per packet, for sysfs
 * "packets" (link_sysfs.c). Decoding trusts nothing of what was kept: the
 * bytes are the peer's, and only a prefix of each packet is kept.
 */

#include <linux/build_bug.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/minmax.h>
#include <linux/overflow.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <kunit/visibility.h>
#include <ipcp_neg_names.h>

#include "compat.h"
#include "hist.h"
#include "proto.h"

/* The history: the ring */

/**
 * ipcp_neg_hist_size - bytes of a ring
 * @depth: packets it keeps, 1 to IPCP_NEG_HIST_LEN_MAX
 *
 * Return: the size ipcp_neg_hist_alloc() allocates for @depth.
 */
size_t ipcp_neg_hist_size(unsigned int depth)
{
	return struct_size_t(struct ipcp_neg_hist, ent, depth);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_hist_size);

/**
 * ipcp_neg_hist_alloc - an empty ring
 * @depth: packets it keeps, 1 to IPCP_NEG_HIST_LEN_MAX (a link with
 *	history_depth 0 allocates none)
 * @gfp: allocation flags
 *
 * Free it with kfree().
 *
 * Return: the ring, or NULL (no memory, or @depth out of bounds).
 */
struct ipcp_neg_hist *ipcp_neg_hist_alloc(unsigned int depth, gfp_t gfp)
{
	struct ipcp_neg_hist *h;

	if (!depth || depth > IPCP_NEG_HIST_LEN_MAX)
		return NULL;
	h = kzalloc(ipcp_neg_hist_size(depth), gfp);
	if (h)
		h->len = depth;
	return h;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_hist_alloc);

/* The history: recording */

/**
 * ipcp_neg_hist_add - record one control packet
 * @h: the history, or NULL: none is kept
 * @tx: sent by us (else received)
 * @proto: its PPP protocol
 * @hdr: the packet's first bytes (its header, as far as it goes)
 * @hlen: bytes at @hdr
 * @data: the bytes that follow @hdr
 * @dlen: bytes at @data
 *
 * The packet is @hdr followed by @data; the first IPCP_NEG_HIST_CAP bytes
 * are kept, replacing the oldest packet when the ring is full.
 *
 * Context: any; the caller serialises calls on @h (link->lock).
 */
void ipcp_neg_hist_add(struct ipcp_neg_hist *h, bool tx, u16 proto,
		       const u8 *hdr, unsigned int hlen, const u8 *data,
		       unsigned int dlen)
{
	unsigned int c = min_t(unsigned int, hlen, IPCP_NEG_HIST_CAP);
	unsigned int d = min_t(unsigned int, dlen, IPCP_NEG_HIST_CAP - c);
	struct ipcp_neg_hist_ent *ent;

	if (!h)
		return;
	ent = &h->ent[h->next];
	ent->ns = ktime_get_boottime_ns();
	ent->proto = proto;
	ent->tx = tx;
	ent->wirelen = min_t(unsigned int, hlen + dlen, U16_MAX);
	memcpy(ent->pkt, hdr, c);
	if (d)
		memcpy(ent->pkt + c, data, d);
	ent->caplen = c + d;
	h->next = (h->next + 1) % h->len;
	if (h->count < h->len)
		h->count++;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_hist_add);

/* The history: decoding */

/* ipcp_neg_names.h lists the codes in value order, from 1 */
#define HIST_CODE(v, suffix, name, lcp_only)	name,
static const char * const hist_codes[] = {
	"?", IPCP_NEG_CODE_NAMES(HIST_CODE)
};

static_assert(ARRAY_SIZE(hist_codes) == IPCP_NEG_DISCREQ + 1);

/* A line under construction; scnprintf() keeps it within @size */
struct hist_line {
	char *buf;
	size_t size;
	int len;
};

static __printf(2, 3) void hist_put(struct hist_line *l, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	l->len += vscnprintf(l->buf + l->len, l->size - l->len, fmt, args);
	va_end(args);
}

static void hist_code(struct hist_line *l, u16 proto, u8 code)
{
	u8 last = proto == IPCP_NEG_PROTO_LCP ? IPCP_NEG_DISCREQ :
		  IPCP_NEG_CODEREJ;

	if (code >= IPCP_NEG_CONFREQ && code <= last)
		hist_put(l, " %s", hist_codes[code]);
	else
		hist_put(l, " unknown-%u", code);
}

/* One LCP option of a known type and exact length; false if not */
static bool hist_lcp_opt(struct hist_line *l, const u8 *o)
{
	switch (o[0]) {
	case IPCP_NEG_LCP_MRU:
		if (o[1] != 4)
			return false;
		hist_put(l, " mru=%u", get_unaligned_be16(o + 2));
		return true;
	case IPCP_NEG_LCP_ACCM:
	case IPCP_NEG_LCP_MAGIC:
		if (o[1] != 6)
			return false;
		hist_put(l, " %s=0x%08x", o[0] == IPCP_NEG_LCP_ACCM ? "accm" :
			 "magic", get_unaligned_be32(o + 2));
		return true;
	case IPCP_NEG_LCP_AUTH:
		if (o[1] < 4)
			return false;
		hist_put(l, " auth=0x%04x", get_unaligned_be16(o + 2));
		return true;
	case IPCP_NEG_LCP_PFC:
	case IPCP_NEG_LCP_ACFC:
		if (o[1] != 2)
			return false;
		hist_put(l, o[0] == IPCP_NEG_LCP_PFC ? " pfc" : " acfc");
		return true;
	}
	return false;
}

static const char * const hist_ipcp_srv[] = { "dns1", "nbns1", "dns2",
					       "nbns2" };

/* One IPCP option of a known type and exact length; false if not */
static bool hist_ipcp_opt(struct hist_line *l, const u8 *o)
{
	switch (o[0]) {
	case IPCP_NEG_IPCP_ADDRS:
		if (o[1] != 10)
			return false;
		hist_put(l, " addrs=%pI4,%pI4", o + 2, o + 6);
		return true;
	case IPCP_NEG_IPCP_COMP:
		if (o[1] < 4)
			return false;
		hist_put(l, " compress=0x%04x", get_unaligned_be16(o + 2));
		return true;
	case IPCP_NEG_IPCP_ADDR:
	case IPCP_NEG_IPCP_DNS1 ... IPCP_NEG_IPCP_NBNS2:
		if (o[1] != 6)
			return false;
		hist_put(l, " %s=%pI4", o[0] == IPCP_NEG_IPCP_ADDR ? "addr" :
			 hist_ipcp_srv[o[0] - IPCP_NEG_IPCP_DNS1], o + 2);
		return true;
	}
	return false;
}

/*
 * The options of a Configure-* packet: @optlen bytes by its Length field,
 * of which @cap were kept. A list that breaks the framing rules ends with
 * "bad-options"; one that goes on past what was kept ends with "...".
 */
static void hist_opts(struct hist_line *l, u16 proto, const u8 *opts,
		      unsigned int optlen, unsigned int cap)
{
	unsigned int off = 0;
	const u8 *o;
	bool known;

	while (off < optlen) {
		o = opts + off;
		if (off + 2 > cap) {
			hist_put(l, cap < optlen ? " ..." : " bad-options");
			return;
		}
		if (o[1] < 2 || off + o[1] > optlen) {
			hist_put(l, " bad-options");
			return;
		}
		if (off + o[1] > cap) {
			hist_put(l, " ...");
			return;
		}
		known = proto == IPCP_NEG_PROTO_LCP ? hist_lcp_opt(l, o) :
			hist_ipcp_opt(l, o);
		if (!known)
			hist_put(l, " opt%u/%u", o[0], o[1]);
		off += o[1];
	}
}

/**
 * ipcp_neg_hist_format - one packet of the history as a line of text
 * @ent: the packet
 * @buf: where the line goes, without a newline
 * @size: room at @buf (the line is truncated to fit, NUL-terminated)
 *
 * ``<seconds.microseconds> <rx|tx> <LCP|IPCP> <code> id=<n> len=<n>
 * [<option>...]``, where len is the packet's Length field. A packet of
 * fewer than 4 bytes is ``... <LCP|IPCP> truncated len=<bytes>``; one whose
 * Length field is under 4 ends with ``bad-length``, one shorter than its
 * Length field with ``truncated``. Options are decoded for codes 1-4 only.
 *
 * Return: the length of the line.
 */
int ipcp_neg_hist_format(const struct ipcp_neg_hist_ent *ent, char *buf,
			 size_t size)
{
	struct hist_line l = { .buf = buf, .size = size };
	unsigned int plen, cap;
	u32 us;
	u64 s;

	if (!size)
		return 0;
	buf[0] = '\0';
	s = div_u64_rem(ent->ns, NSEC_PER_SEC, &us);
	hist_put(&l, "%llu.%06u %s %s", s, us / 1000,
		 ent->tx ? "tx" : "rx",
		 ent->proto == IPCP_NEG_PROTO_LCP ? "LCP" : "IPCP");
	if (ent->caplen < IPCP_NEG_HDRLEN) {
		hist_put(&l, " truncated len=%u", ent->wirelen);
		return l.len;
	}
	hist_code(&l, ent->proto, ent->pkt[0]);
	plen = get_unaligned_be16(ent->pkt + 2);
	hist_put(&l, " id=%u len=%u", ent->pkt[1], plen);
	if (plen < IPCP_NEG_HDRLEN) {
		hist_put(&l, " bad-length");
		return l.len;
	}
	if (plen > ent->wirelen) {
		hist_put(&l, " truncated");
		return l.len;
	}
	if (ent->pkt[0] < IPCP_NEG_CONFREQ || ent->pkt[0] > IPCP_NEG_CONFREJ)
		return l.len;
	cap = min_t(unsigned int, ent->caplen, plen) - IPCP_NEG_HDRLEN;
	hist_opts(&l, ent->proto, ent->pkt + IPCP_NEG_HDRLEN,
		  plen - IPCP_NEG_HDRLEN, cap);
	return l.len;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_hist_format);

/* Room for one line: the longest is well under 400 bytes */
#define HIST_LINE_MAX	512

static const struct ipcp_neg_hist_ent *hist_nth(const struct ipcp_neg_hist *h,
						unsigned int n)
{
	unsigned int first = h->next + h->len - h->count;

	return &h->ent[(first + n) % h->len];
}

/**
 * ipcp_neg_hist_show - the history as text, oldest packet first
 * @h: the history, or NULL: none is kept (no text)
 * @buf: where the text goes
 * @size: room at @buf (PAGE_SIZE for sysfs)
 *
 * One line per packet (see ipcp_neg_hist_format()), each ending with a
 * newline. When they do not all fit, the oldest are left out.
 *
 * Context: process context (uses a heap buffer).
 * Return: bytes written (no NUL counted), or -ENOMEM.
 */
ssize_t ipcp_neg_hist_show(const struct ipcp_neg_hist *h, char *buf,
			   size_t size)
{
	unsigned int n, keep;
	size_t total = 0, len;
	char *line;

	if (!h) {
		if (size)
			buf[0] = '\0';
		return 0;
	}
	n = min(h->count, h->len);
	line = kmalloc(HIST_LINE_MAX, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	for (keep = 0; keep < n; keep++) {
		len = ipcp_neg_hist_format(hist_nth(h, n - 1 - keep), line,
					   HIST_LINE_MAX) + 1;
		if (total + len >= size)
			break;
		total += len;
	}
	kfree(line);
	total = 0;
	for (; keep; keep--) {
		total += ipcp_neg_hist_format(hist_nth(h, n - keep),
					      buf + total, size - total);
		buf[total++] = '\n';
	}
	if (total < size)
		buf[total] = '\0';
	return total;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_hist_show);
