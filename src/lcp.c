// SPDX-License-Identifier: GPL-2.0
/*
 * The LCP option codec (RFC 1661 section 6) and LCP's extra codes:
 * Protocol-Reject, Echo-Request/Reply and Discard-Request (section 5.7-5.9).
 *
 * Choices made where RFC 1661 is silent or leaves room:
 * - An option whose length is wrong for its type (MRU not 4, ACCM or
 *   Magic-Number not 6, PFC or ACFC not 2, Authentication- or
 *   Quality-Protocol under 4) is Rejected verbatim, as pppd does; only a
 *   list whose framing is broken (length 0 or 1, overrun) drops the packet,
 *   and that is the automaton's job before recv_cr is called.
 * - The second and later copies of an option in one Configure-Request are
 *   Rejected; the first copy is judged normally.
 * - A peer MRU under 128 is Nak'd with 128, the closest value we accept.
 *   We Ack any MRU from 128 up. When we send a Configure-Ack the peer's
 *   options are committed to lcp->his and fsm.peer_mru is set from them
 *   (1500 when the peer named no MRU); a later Nak or Reject of a new
 *   request leaves the last Ack'd values in place.
 * - Authentication is not supported: the option is Rejected with one
 *   ratelimited warning naming the protocol. A peer that insists on
 *   authenticating (pppd "auth") then closes LCP itself.
 * - Magic-Number 0 or equal to ours is Nak'd with a fresh random value.
 *   Under Max-Failure the Nak of a magic equal to ours is NOT turned into a
 *   Reject (as in pppd): that would let a looped-back line open. Instead,
 *   after fsm.conf.max_failure consecutive Configure-Requests carrying our
 *   magic the line is taken as looped back (lcp->looped, one ratelimited
 *   warning) and Naks of our magic are discarded from then on, so only the
 *   restart timer sends Configure-Requests and the Max-Configure rule ends
 *   the negotiation with This-Layer-Finished.
 * - A Configure-Nak may name options we did not request (RFC 1661 5.3):
 *   they are ignored. For options we did request, a wrong length makes the
 *   whole Nak invalid. A Nak'd MRU is taken only within [128, ours]; a
 *   Nak'd ACCM is OR-ed into ours (escaping more is always safe); a Nak'd
 *   PFC or ACFC (they have no value to change) is no longer requested, as
 *   after a Reject (pppd does the same).
 * - A Configure-Reject must repeat options of our last request verbatim,
 *   each at most once (their order is not checked); otherwise it is invalid.
 * - Protocol-Reject, Echo-Reply and Discard-Request are acted on only in
 *   Opened (RFC 1661 5.7, 5.8); elsewhere they are counted and discarded.
 *   Extra-code packets too short for their fixed fields are counted as
 *   malformed and dropped.
 * - An Echo-Request or Echo-Reply in Opened whose Magic-Number is the one
 *   the peer Acked for us means the line is looped back: it is counted in
 *   stats.loop_echo with a ratelimited warning. Such an Echo-Reply does
 *   not reset echo_missed, so the glue's echo timer declares the link
 *   dead. Such an Echo-Request is still answered, as RFC 1661 5.8 requires
 *   in Opened (pppd answers it too); on a looped line that answer comes
 *   back as an Echo-Reply with our magic, which is counted likewise.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/net.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "compat.h"
#include "lcp.h"
#include "opt.h"

#define LCP_ACCM_DEFAULT	0xffffffff
#define LCP_MAGIC_LEN		4
#define LCP_PROTO_PAP		0xc023
#define LCP_PROTO_CHAP		0xc223
#define LCP_PROTO_EAP		0xc227

/* Verdict on one option of a peer's Configure-Request */
enum lcp_verdict {
	LCP_ACK,
	LCP_NAK,
	LCP_REJ,
};

/* Where a Configure-Ack/Nak/Reject's options are written */
struct lcp_reply {
	u8 *buf;
	unsigned int len;
	unsigned int room;
};

/* Exact length an option type requires; 0 for "at least 4" types */
static unsigned int lcp_opt_len(u8 type)
{
	switch (type) {
	case IPCP_NEG_LCP_MRU:
		return 4;
	case IPCP_NEG_LCP_ACCM:
	case IPCP_NEG_LCP_MAGIC:
		return 6;
	case IPCP_NEG_LCP_PFC:
	case IPCP_NEG_LCP_ACFC:
		return 2;
	}
	return 0;
}

static void lcp_opts_default(struct ipcp_neg_lcp_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->mru = IPCP_NEG_DEFAULT_MRU;
	o->accm = LCP_ACCM_DEFAULT;
}

/* Read an option list whose lengths are all right for their types */
static void lcp_opts_parse(struct ipcp_neg_lcp_opts *o, const u8 *opts,
			   unsigned int len)
{
	struct ipcp_neg_opt_iter it;
	const u8 *opt;

	lcp_opts_default(o);
	ipcp_neg_for_each_opt(opt, it, opts, len) {
		if (opt[1] != lcp_opt_len(opt[0]))
			continue;
		switch (opt[0]) {
		case IPCP_NEG_LCP_MRU:
			o->neg_mru = true;
			o->mru = get_unaligned_be16(opt + 2);
			break;
		case IPCP_NEG_LCP_ACCM:
			o->neg_accm = true;
			o->accm = get_unaligned_be32(opt + 2);
			break;
		case IPCP_NEG_LCP_MAGIC:
			o->neg_magic = true;
			o->magic = get_unaligned_be32(opt + 2);
			break;
		case IPCP_NEG_LCP_PFC:
			o->pfc = true;
			break;
		case IPCP_NEG_LCP_ACFC:
			o->acfc = true;
			break;
		}
	}
}

/* A non-zero magic differing from @avoid1 and @avoid2 (see magic_next) */
static u32 lcp_draw_magic(struct ipcp_neg_lcp *lcp, u32 avoid1, u32 avoid2)
{
	u32 m;

	do {
		if (lcp->magic_next) {
			m = lcp->magic_next++;
			if (!lcp->magic_next)
				lcp->magic_next = 1;
		} else {
			m = get_random_u32();
		}
	} while (!m || m == avoid1 || m == avoid2);
	return m;
}

/* The magic the peer acked, for Echo packets; 0 if none was negotiated */
static u32 lcp_our_magic(const struct ipcp_neg_lcp *lcp)
{
	return lcp->got.neg_magic ? lcp->got.magic : 0;
}

/* Does @opt carry the Magic-Number we are requesting (loopback)? */
static bool lcp_opt_loops(const struct ipcp_neg_lcp *lcp, const u8 *opt)
{
	return opt[0] == IPCP_NEG_LCP_MAGIC && opt[1] == 6 &&
	       lcp->want.neg_magic &&
	       get_unaligned_be32(opt + 2) == lcp->want.magic;
}

static void lcp_log_auth(const u8 *opt)
{
	u16 proto = get_unaligned_be16(opt + 2);
	const char *name = "unknown";

	if (proto == LCP_PROTO_PAP)
		name = "PAP";
	else if (proto == LCP_PROTO_CHAP)
		name = "CHAP";
	else if (proto == LCP_PROTO_EAP)
		name = "EAP";
	if (net_ratelimit())
		pr_warn("LCP: peer requires authentication (%s, 0x%04x) which ipcp_neg does not support; rejected\n",
			name, proto);
}

/* Judge one option on its own; @seen tracks types met earlier */
static enum lcp_verdict lcp_judge(const struct ipcp_neg_lcp *lcp,
				  const u8 *opt, u32 *seen)
{
	unsigned int need = lcp_opt_len(opt[0]);
	u32 magic;

	if (opt[0] < 32) {
		if (*seen & BIT(opt[0]))
			return LCP_REJ;
		*seen |= BIT(opt[0]);
	}
	if (need ? opt[1] != need : opt[1] < 4)
		return LCP_REJ;
	switch (opt[0]) {
	case IPCP_NEG_LCP_MRU:
		return get_unaligned_be16(opt + 2) < IPCP_NEG_MIN_MRU ?
		       LCP_NAK : LCP_ACK;
	case IPCP_NEG_LCP_ACCM:
		return lcp->conf.rej_accm ? LCP_REJ : LCP_ACK;
	case IPCP_NEG_LCP_MAGIC:
		magic = get_unaligned_be32(opt + 2);
		return !magic || lcp_opt_loops(lcp, opt) ? LCP_NAK : LCP_ACK;
	case IPCP_NEG_LCP_PFC:
		return lcp->conf.accept_pfc ? LCP_ACK : LCP_REJ;
	case IPCP_NEG_LCP_ACFC:
		return lcp->conf.accept_acfc ? LCP_ACK : LCP_REJ;
	}
	return LCP_REJ;		/* Authentication, Quality, unknown */
}

/* lcp_judge() with Max-Failure turning Naks into Rejects */
static enum lcp_verdict lcp_verdict(const struct ipcp_neg_lcp *lcp,
				    const u8 *opt, u32 *seen, bool rid)
{
	enum lcp_verdict v = lcp_judge(lcp, opt, seen);

	if (v == LCP_NAK && rid && !lcp_opt_loops(lcp, opt))
		v = LCP_REJ;
	return v;
}

/*
 * Append @opt verbatim to the reply. A reply is a sub-list of the request:
 * every option in it is a copy of one request option of the same length
 * (a Nak then patches the value in place), so with room for the request's
 * length it cannot overflow. The check only guards that reasoning.
 */
static u8 *lcp_reply_put(struct lcp_reply *r, const u8 *opt)
{
	u8 *p = r->buf + r->len;

	if (WARN_ON_ONCE(opt[1] > r->room - r->len))
		return NULL;
	memcpy(p, opt, opt[1]);
	r->len += opt[1];
	return p;
}

/* Write our suggestion into a Nak'd option copied at @p */
static void lcp_nak_value(struct ipcp_neg_lcp *lcp, u8 *p)
{
	u32 magic;

	switch (p[0]) {
	case IPCP_NEG_LCP_MRU:
		put_unaligned_be16(IPCP_NEG_MIN_MRU, p + 2);
		break;
	case IPCP_NEG_LCP_MAGIC:
		magic = lcp_draw_magic(lcp, lcp->want.magic,
				       get_unaligned_be32(p + 2));
		put_unaligned_be32(magic, p + 2);
		break;
	}
}

/* Count Configure-Requests carrying our magic; see lcp->looped */
static void lcp_note_loop(struct ipcp_neg_lcp *lcp, bool loops)
{
	if (!loops) {
		lcp->loop_count = 0;
		lcp->looped = false;
		return;
	}
	lcp->stats.loop_suspects++;
	lcp->loop_count++;
	if (lcp->looped || lcp->loop_count < max(lcp->fsm.conf.max_failure, 1U))
		return;
	lcp->looped = true;
	if (net_ratelimit())
		pr_warn("LCP: line looped back (%u Configure-Requests carried our magic number)\n",
			lcp->loop_count);
}

/* First pass: copy the Rejected options; tell whether any is Nak'd */
static u8 lcp_cr_rejects(struct ipcp_neg_lcp *lcp, const u8 *opts,
			 unsigned int len, struct lcp_reply *r, bool rid)
{
	struct ipcp_neg_opt_iter it;
	bool rej = false, nak = false, loops = false;
	enum lcp_verdict v;
	const u8 *opt;
	u32 seen = 0;

	ipcp_neg_for_each_opt(opt, it, opts, len) {
		v = lcp_verdict(lcp, opt, &seen, rid);
		if (v == LCP_NAK) {
			nak = true;
			loops |= lcp_opt_loops(lcp, opt);
		} else if (v == LCP_REJ) {
			rej = true;
			if (opt[0] == IPCP_NEG_LCP_AUTH && opt[1] >= 4)
				lcp_log_auth(opt);
			lcp_reply_put(r, opt);
		}
	}
	lcp_note_loop(lcp, loops);
	if (rej)
		return IPCP_NEG_CONFREJ;
	return nak ? IPCP_NEG_CONFNAK : IPCP_NEG_CONFACK;
}

/* Second pass, when nothing was Rejected: the Nak'd options */
static void lcp_cr_naks(struct ipcp_neg_lcp *lcp, const u8 *opts,
			unsigned int len, struct lcp_reply *r, bool rid)
{
	struct ipcp_neg_opt_iter it;
	const u8 *opt;
	u32 seen = 0;
	u8 *p;

	ipcp_neg_for_each_opt(opt, it, opts, len) {
		if (lcp_verdict(lcp, opt, &seen, rid) != LCP_NAK)
			continue;
		p = lcp_reply_put(r, opt);
		if (p)
			lcp_nak_value(lcp, p);
	}
}

/* Everything Acked: the reply repeats the request; commit the peer's side */
static void lcp_cr_ack(struct ipcp_neg_lcp *lcp, const u8 *opts,
		       unsigned int len, struct lcp_reply *r)
{
	memcpy(r->buf, opts, len);
	r->len = len;
	lcp_opts_parse(&lcp->his, opts, len);
	lcp->fsm.peer_mru = lcp->his.mru;
}

/**
 * ipcp_neg_lcp_recv_cr - judge a peer's Configure-Request (ops->recv_cr)
 * @f: the LCP automaton
 * @opts: the request's options, framing already validated
 * @len: their length
 * @reply: where the reply's options go; room for at least @len +
 *	IPCP_NEG_REPLY_EXTRA bytes, of which LCP uses at most @len
 * @reply_len: set to the length written to @reply, never above @len
 * @reject_if_disagree: Max-Failure reached: Reject what would be Nak'd
 *	(except a Magic-Number equal to ours, see the top of this file)
 *
 * If any option is Rejected the reply is a Configure-Reject carrying
 * exactly the Rejected options, verbatim; else if any is Nak'd, a
 * Configure-Nak carrying exactly the Nak'd options with our values; else a
 * Configure-Ack, and the peer's options are committed to lcp->his.
 *
 * Return: IPCP_NEG_CONFACK, IPCP_NEG_CONFNAK or IPCP_NEG_CONFREJ.
 */
u8 ipcp_neg_lcp_recv_cr(struct ipcp_neg_fsm *f, const u8 *opts,
			unsigned int len, u8 *reply, unsigned int *reply_len,
			bool reject_if_disagree)
{
	struct ipcp_neg_lcp *lcp = ipcp_neg_lcp_from_fsm(f);
	struct lcp_reply r = { .buf = reply, .len = 0, .room = len };
	u8 code;

	code = lcp_cr_rejects(lcp, opts, len, &r, reject_if_disagree);
	if (code == IPCP_NEG_CONFNAK)
		lcp_cr_naks(lcp, opts, len, &r, reject_if_disagree);
	else if (code == IPCP_NEG_CONFACK)
		lcp_cr_ack(lcp, opts, len, &r);
	*reply_len = r.len;
	return code;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_recv_cr);

/**
 * ipcp_neg_lcp_reset_ci - start a fresh negotiation (ops->reset_ci)
 * @f: the LCP automaton
 *
 * Sets what we request from lcp->conf (an MRU under 128 is raised to 128),
 * draws a new Magic-Number, forgets what the peer acked of ours and the
 * loopback suspicions. What we acked of the peer (lcp->his) stays until the
 * next Configure-Ack we send.
 */
void ipcp_neg_lcp_reset_ci(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_lcp *lcp = ipcp_neg_lcp_from_fsm(f);
	const struct ipcp_neg_lcp_conf *c = &lcp->conf;
	struct ipcp_neg_lcp_opts *w = &lcp->want;

	lcp_opts_default(w);
	if (c->mru && c->mru != IPCP_NEG_DEFAULT_MRU) {
		w->neg_mru = true;
		w->mru = max_t(u16, c->mru, IPCP_NEG_MIN_MRU);
	}
	if (c->req_accm) {
		w->neg_accm = true;
		w->accm = c->accm;
	}
	w->neg_magic = true;
	w->magic = lcp_draw_magic(lcp, 0, 0);
	w->pfc = c->req_pfc;
	w->acfc = c->req_acfc;
	lcp_opts_default(&lcp->got);
	lcp->last_cr_len = 0;
	lcp->loop_count = 0;
	lcp->looped = false;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_reset_ci);

/**
 * ipcp_neg_lcp_build_cr - our Configure-Request's options (ops->build_cr)
 * @f: the LCP automaton
 * @buf: where to write them
 * @size: room in @buf
 *
 * Writes MRU, ACCM, Magic-Number, PFC and ACFC, each if wanted, and keeps
 * a copy to check the peer's Ack, Nak or Reject against.
 *
 * Return: their length (at most IPCP_NEG_LCP_CR_MAX); 0 if @size is too
 * small, which the automaton never does.
 */
unsigned int ipcp_neg_lcp_build_cr(struct ipcp_neg_fsm *f, u8 *buf,
				   unsigned int size)
{
	struct ipcp_neg_lcp *lcp = ipcp_neg_lcp_from_fsm(f);
	const struct ipcp_neg_lcp_opts *w = &lcp->want;
	u8 *p = lcp->last_cr;

	if (w->neg_mru) {
		*p++ = IPCP_NEG_LCP_MRU;
		*p++ = 4;
		put_unaligned_be16(w->mru, p);
		p += 2;
	}
	if (w->neg_accm) {
		*p++ = IPCP_NEG_LCP_ACCM;
		*p++ = 6;
		put_unaligned_be32(w->accm, p);
		p += 4;
	}
	if (w->neg_magic) {
		*p++ = IPCP_NEG_LCP_MAGIC;
		*p++ = 6;
		put_unaligned_be32(w->magic, p);
		p += 4;
	}
	if (w->pfc) {
		*p++ = IPCP_NEG_LCP_PFC;
		*p++ = 2;
	}
	if (w->acfc) {
		*p++ = IPCP_NEG_LCP_ACFC;
		*p++ = 2;
	}
	lcp->last_cr_len = p - lcp->last_cr;
	if (WARN_ON_ONCE(lcp->last_cr_len > size))
		lcp->last_cr_len = 0;
	memcpy(buf, lcp->last_cr, lcp->last_cr_len);
	return lcp->last_cr_len;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_build_cr);

/**
 * ipcp_neg_lcp_recv_ack - check a Configure-Ack (ops->recv_ack)
 * @f: the LCP automaton
 * @opts: the Ack's options
 * @len: their length
 *
 * On success what the peer acked is recorded in lcp->got.
 *
 * Return: 0 if @opts are byte for byte our last request, -EINVAL if not.
 */
int ipcp_neg_lcp_recv_ack(struct ipcp_neg_fsm *f, const u8 *opts,
			  unsigned int len)
{
	struct ipcp_neg_lcp *lcp = ipcp_neg_lcp_from_fsm(f);

	if (len != lcp->last_cr_len || memcmp(opts, lcp->last_cr, len))
		return -EINVAL;
	lcp_opts_parse(&lcp->got, lcp->last_cr, lcp->last_cr_len);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_recv_ack);

/* The option of type @type in our last request, or NULL */
static const u8 *lcp_sent(const struct ipcp_neg_lcp *lcp, u8 type)
{
	struct ipcp_neg_opt_iter it;
	const u8 *opt;

	ipcp_neg_for_each_opt(opt, it, lcp->last_cr, lcp->last_cr_len)
		if (opt[0] == type)
			return opt;
	return NULL;
}

static int lcp_nak_check(const struct ipcp_neg_lcp *lcp, const u8 *opts,
			 unsigned int len)
{
	struct ipcp_neg_opt_iter it;
	const u8 *opt;

	ipcp_neg_for_each_opt(opt, it, opts, len) {
		if (!lcp_sent(lcp, opt[0]))
			continue;	/* not requested: a hint, ignored */
		if (opt[1] != lcp_opt_len(opt[0]))
			return -EINVAL;
		if (opt[0] == IPCP_NEG_LCP_MAGIC && lcp->looped)
			return -ELOOP;
	}
	return 0;
}

static void lcp_rej_apply(struct ipcp_neg_lcp *lcp, const u8 *opt);

static void lcp_nak_apply(struct ipcp_neg_lcp *lcp, const u8 *opt)
{
	struct ipcp_neg_lcp_opts *w = &lcp->want;
	u16 mru;

	switch (opt[0]) {
	case IPCP_NEG_LCP_MRU:
		mru = get_unaligned_be16(opt + 2);
		if (mru >= IPCP_NEG_MIN_MRU && mru <= w->mru)
			w->mru = mru;
		break;
	case IPCP_NEG_LCP_ACCM:
		w->accm |= get_unaligned_be32(opt + 2);
		break;
	case IPCP_NEG_LCP_MAGIC:
		w->magic = lcp_draw_magic(lcp, w->magic,
					  get_unaligned_be32(opt + 2));
		break;
	case IPCP_NEG_LCP_PFC:
	case IPCP_NEG_LCP_ACFC:
		lcp_rej_apply(lcp, opt);
		break;
	}
}

static int lcp_rej_check(const struct ipcp_neg_lcp *lcp, const u8 *opts,
			 unsigned int len)
{
	struct ipcp_neg_opt_iter it;
	const u8 *opt, *sent;
	u32 seen = 0;

	ipcp_neg_for_each_opt(opt, it, opts, len) {
		sent = lcp_sent(lcp, opt[0]);
		if (!sent || sent[1] != opt[1] || memcmp(sent, opt, opt[1]))
			return -EINVAL;
		/* a sent type is MRU, ACCM, Magic-Number, PFC or ACFC: < 32 */
		if (seen & BIT(opt[0]))
			return -EINVAL;
		seen |= BIT(opt[0]);
	}
	return 0;
}

static void lcp_rej_apply(struct ipcp_neg_lcp *lcp, const u8 *opt)
{
	struct ipcp_neg_lcp_opts *w = &lcp->want;

	switch (opt[0]) {
	case IPCP_NEG_LCP_MRU:
		w->neg_mru = false;
		w->mru = IPCP_NEG_DEFAULT_MRU;
		break;
	case IPCP_NEG_LCP_ACCM:
		w->neg_accm = false;
		w->accm = LCP_ACCM_DEFAULT;
		break;
	case IPCP_NEG_LCP_MAGIC:
		w->neg_magic = false;
		w->magic = 0;
		break;
	case IPCP_NEG_LCP_PFC:
		w->pfc = false;
		break;
	case IPCP_NEG_LCP_ACFC:
		w->acfc = false;
		break;
	}
}

/**
 * ipcp_neg_lcp_recv_nak - apply a Configure-Nak or -Reject (ops->recv_nak)
 * @f: the LCP automaton
 * @opts: its options
 * @len: their length
 * @rej: true for a Configure-Reject
 *
 * The whole list is checked before anything is applied. A Nak changes
 * only options we requested (see the top of this file); a Reject stops
 * our asking for each option it lists.
 *
 * Return: 0 if applied; -EINVAL if the framing is broken, a Nak'd option
 * we requested has the wrong length, or a Reject lists an option we did
 * not send (verbatim) or lists one twice; -ELOOP if a Nak names our
 * Magic-Number on a line taken as looped back.
 */
int ipcp_neg_lcp_recv_nak(struct ipcp_neg_fsm *f, const u8 *opts,
			  unsigned int len, bool rej)
{
	struct ipcp_neg_lcp *lcp = ipcp_neg_lcp_from_fsm(f);
	struct ipcp_neg_opt_iter it;
	const u8 *opt;
	int err;

	if (ipcp_neg_opts_check(opts, len))
		return -EINVAL;
	err = rej ? lcp_rej_check(lcp, opts, len) :
		    lcp_nak_check(lcp, opts, len);
	if (err)
		return err;
	ipcp_neg_for_each_opt(opt, it, opts, len) {
		if (rej)
			lcp_rej_apply(lcp, opt);
		else if (lcp_sent(lcp, opt[0]))
			lcp_nak_apply(lcp, opt);
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_recv_nak);

/* Extra-code packets start with a field of @need bytes */
static bool lcp_long_enough(struct ipcp_neg_fsm *f, unsigned int len,
			    unsigned int need)
{
	if (len >= need)
		return true;
	f->stats.malformed++;
	return false;
}

static bool lcp_opened(struct ipcp_neg_fsm *f)
{
	if (f->state == IPCP_NEG_ST_OPENED)
		return true;
	f->stats.discarded++;
	return false;
}

static int lcp_rx_protrej(struct ipcp_neg_lcp *lcp, const u8 *data,
			  unsigned int len)
{
	u16 proto;

	if (!lcp_long_enough(&lcp->fsm, len, 2) || !lcp_opened(&lcp->fsm))
		return IPCP_NEG_EV_COUNT;
	proto = get_unaligned_be16(data);
	lcp->stats.protrej_rx++;
	net_dbg_ratelimited("LCP: peer rejected protocol 0x%04x\n",
			    proto);
	if (proto == IPCP_NEG_PROTO_LCP)
		return IPCP_NEG_EV_RXJ_MINUS;
	if (lcp->proto_rej)
		lcp->proto_rej(lcp, proto);
	return IPCP_NEG_EV_RXJ_PLUS;
}

/* Does an Echo packet (@what) carry our own magic? Count and log it */
static bool lcp_echo_looped(struct ipcp_neg_lcp *lcp, const u8 *data,
			    const char *what)
{
	if (!lcp->got.neg_magic || get_unaligned_be32(data) != lcp->got.magic)
		return false;
	lcp->stats.loop_echo++;
	if (net_ratelimit())
		pr_warn("LCP: %s carries our magic number: line looped back\n",
			what);
	return true;
}

static int lcp_rx_echoreq(struct ipcp_neg_lcp *lcp, const u8 *data,
			  unsigned int len)
{
	struct ipcp_neg_fsm *f = &lcp->fsm;

	if (!lcp_long_enough(f, len, LCP_MAGIC_LEN))
		return IPCP_NEG_EV_COUNT;
	if (f->state == IPCP_NEG_ST_OPENED)
		lcp_echo_looped(lcp, data, "Echo-Request");
	return IPCP_NEG_EV_RXR;		/* answered even so: RFC 1661 5.8 */
}

static void lcp_rx_echorep(struct ipcp_neg_lcp *lcp, const u8 *data)
{
	if (lcp_echo_looped(lcp, data, "Echo-Reply"))
		return;
	lcp->stats.echo_replies++;
	lcp->echo_missed = 0;
}

/**
 * ipcp_neg_lcp_extcode - LCP's codes beyond Code-Reject (ops->extcode)
 * @f: the LCP automaton
 * @code: the packet's code
 * @id: its identifier
 * @data: its data, after the 4-byte header
 * @len: length of @data
 *
 * Protocol-Reject of LCP itself gives RXJ-; of another protocol, calls
 * lcp->proto_rej and gives RXJ+. Echo-Request gives RXR (the automaton
 * then calls ipcp_neg_lcp_ser() in Opened). An Echo-Request or Echo-Reply
 * carrying our own magic in Opened counts as a loopback (see the top of
 * this file); any other Echo-Reply resets lcp->echo_missed.
 * Discard-Request is counted. Packets too short for their fixed field
 * (protocol, magic) are counted as malformed and dropped.
 *
 * Return: the event caused, IPCP_NEG_EV_COUNT if none, -1 for an unknown
 * code.
 */
int ipcp_neg_lcp_extcode(struct ipcp_neg_fsm *f, u8 code, u8 id,
			 const u8 *data, unsigned int len)
{
	struct ipcp_neg_lcp *lcp = ipcp_neg_lcp_from_fsm(f);

	switch (code) {
	case IPCP_NEG_PROTREJ:
		return lcp_rx_protrej(lcp, data, len);
	case IPCP_NEG_ECHOREQ:
		return lcp_rx_echoreq(lcp, data, len);
	case IPCP_NEG_ECHOREP:
		if (lcp_long_enough(f, len, LCP_MAGIC_LEN) && lcp_opened(f))
			lcp_rx_echorep(lcp, data);
		return IPCP_NEG_EV_COUNT;
	case IPCP_NEG_DISCREQ:
		if (lcp_long_enough(f, len, LCP_MAGIC_LEN) && lcp_opened(f))
			lcp->stats.discard_reqs++;
		return IPCP_NEG_EV_COUNT;
	}
	return -1;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_extcode);

/* Send a packet the codec builds itself, counted like the automaton's */
static void lcp_xmit(struct ipcp_neg_lcp *lcp, u8 code, u8 id,
		     const u8 *data, unsigned int len)
{
	struct ipcp_neg_fsm *f = &lcp->fsm;

	f->ops->xmit(f, code, id, data, len);
	f->stats.tx[code]++;
}

/* Send @head then @len bytes of @data as one packet */
static void lcp_xmit2(struct ipcp_neg_lcp *lcp, u8 code, u8 id,
		      const u8 *head, unsigned int hlen,
		      const u8 *data, unsigned int len)
{
	u8 *buf;

	buf = kmalloc(hlen + len, GFP_ATOMIC);
	if (!buf) {
		lcp->stats.nomem++;
		return;
	}
	memcpy(buf, head, hlen);
	memcpy(buf + hlen, data, len);
	lcp_xmit(lcp, code, id, buf, hlen + len);
	kfree(buf);
}

/**
 * ipcp_neg_lcp_ser - Send-Echo-Reply (ops->ser)
 * @f: the LCP automaton, in Opened
 * @id: the Echo-Request's identifier, reused
 * @data: the Echo-Request's data: its magic, then anything
 * @len: length of @data
 *
 * The reply carries our magic (0 if none was negotiated) and the request's
 * data after its magic, the whole packet truncated to the peer's MRU (at
 * most 1500, the automaton's limit for what it sends).
 */
void ipcp_neg_lcp_ser(struct ipcp_neg_fsm *f, u8 id, const u8 *data,
		      unsigned int len)
{
	struct ipcp_neg_lcp *lcp = ipcp_neg_lcp_from_fsm(f);
	unsigned int room = ipcp_neg_fsm_tx_max(f) - IPCP_NEG_HDRLEN -
			    LCP_MAGIC_LEN;
	u8 magic[LCP_MAGIC_LEN];

	if (!lcp_long_enough(f, len, LCP_MAGIC_LEN))
		return;
	put_unaligned_be32(lcp_our_magic(lcp), magic);
	lcp_xmit2(lcp, IPCP_NEG_ECHOREP, id, magic, sizeof(magic),
		  data + LCP_MAGIC_LEN, min(len - LCP_MAGIC_LEN, room));
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_ser);

/**
 * ipcp_neg_lcp_send_echo - send an Echo-Request (the glue's echo timer)
 * @lcp: the LCP, under the link's lock
 *
 * Only in Opened. The request carries our magic (0 if none was negotiated)
 * and a new identifier; lcp->echo_missed counts it until a reply comes.
 */
void ipcp_neg_lcp_send_echo(struct ipcp_neg_lcp *lcp)
{
	u8 magic[LCP_MAGIC_LEN];

	if (lcp->fsm.state != IPCP_NEG_ST_OPENED)
		return;
	put_unaligned_be32(lcp_our_magic(lcp), magic);
	lcp->echo_missed++;
	lcp_xmit(lcp, IPCP_NEG_ECHOREQ, lcp->xid++, magic, sizeof(magic));
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_send_echo);

/**
 * ipcp_neg_lcp_send_protrej - send a Protocol-Reject
 * @lcp: the LCP, under the link's lock
 * @proto: the protocol we do not run
 * @info: the rejected packet's information field
 * @len: length of @info
 *
 * Only in Opened (RFC 1661 5.7). @info is truncated so that the packet
 * fits the peer's MRU (at most 1500, as for the automaton's packets).
 */
void ipcp_neg_lcp_send_protrej(struct ipcp_neg_lcp *lcp, u16 proto,
			       const u8 *info, unsigned int len)
{
	unsigned int room = ipcp_neg_fsm_tx_max(&lcp->fsm) - IPCP_NEG_HDRLEN - 2;
	u8 head[2];

	if (lcp->fsm.state != IPCP_NEG_ST_OPENED)
		return;
	put_unaligned_be16(proto, head);
	lcp_xmit2(lcp, IPCP_NEG_PROTREJ, lcp->xid++, head, sizeof(head),
		  info, min(len, room));
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_send_protrej);

/**
 * ipcp_neg_lcp_init - set up a link's LCP
 * @lcp: the LCP to set up
 * @ops: the automaton's operations, built with IPCP_NEG_LCP_CODEC_OPS
 * @priv: the owner's pointer, stored in lcp->fsm.priv
 *
 * Initialises the automaton and the default configuration: no MRU or ACCM
 * requested, PFC and ACFC Rejected, a random Magic-Number requested. The
 * caller may then change lcp->conf and set lcp->proto_rej.
 */
void ipcp_neg_lcp_init(struct ipcp_neg_lcp *lcp,
		       const struct ipcp_neg_fsm_ops *ops, void *priv)
{
	memset(lcp, 0, sizeof(*lcp));
	ipcp_neg_fsm_init(&lcp->fsm, ops, priv);
	lcp->fsm.peer_mru = IPCP_NEG_DEFAULT_MRU;
	lcp_opts_default(&lcp->want);
	lcp_opts_default(&lcp->got);
	lcp_opts_default(&lcp->his);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_init);
