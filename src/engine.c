// SPDX-License-Identifier: GPL-2.0
/*
 * One link's PPP control plane: LCP and IPCP wired as RFC 1661 section 3
 * and 4 describe, on top of the automaton of fsm.c and the codecs of lcp.c
 * and ipcp.c.
 *
 * Behaviour where the contract or the RFCs leave a choice:
 * - start opens IPCP, then opens LCP and signals LCP's lower layer Up if
 *   LCP is in Initial or Starting. After finished() the owner normally
 *   calls lower_down() (the link is torn down) before starting again; a
 *   start from Closed sends a Configure-Request at once, one from Stopped
 *   waits for the peer's.
 * - stop closes LCP (one Terminate-Request exchange; IPCP goes down with
 *   LCP, without an IPCP Terminate-Request), then closes IPCP, which is
 *   then in Initial or Starting and sends nothing.
 * - IPCP finishing (Protocol-Reject, restart counter out, the peer closing
 *   it, our pool_empty policy) never closes LCP: the owner decides.
 * - IPCP's automaton runs with the restart option, so renegotiate_ipcp()
 *   (Close, Open) from Opened or a negotiating state sends its
 *   Terminate-Request and then a fresh Configure-Request at once, instead
 *   of waiting passively in Stopping.
 * - ipcp_up() is not called while e->ipcp.fail is set (IPCP is then closed
 *   right after the packet), and ipcp_down() is called only after an
 *   ipcp_up(), so the two always pair.
 * - The automaton judges a Configure-Request received in Opened (calling
 *   assign()) before it runs that event's This-Layer-Down. The engine then
 *   calls ipcp_down() before assign(), so an owner that releases the peer's
 *   address in ipcp_down() takes it again (sticky) in that assign(): every
 *   ipcp_up() follows an assign() made after the last ipcp_down().
 * - No address (e->ipcp.fail): a server's assign() found none, or a
 *   client's IP-Address was Rejected or Acked as 0.0.0.0. Both roles apply
 *   e->pool_empty once the IPCP packet has been processed, when IPCP is
 *   negotiating or Opened (so at most once per attempt). The flag stays set
 *   (ipcp.c clears it) until start or renegotiate_ipcp, which clear it.
 * - Packets of protocols other than LCP and IPCP given to input() are
 *   dropped; the owner rejects them with ipcp_neg_engine_reject_proto(),
 *   which never rejects LCP itself.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/build_bug.h>
#include <linux/container_of.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/net.h>
#include <linux/printk.h>
#include <kunit/visibility.h>

#include "engine.h"
#include <ipcp_neg_names.h>

/* ipcp_neg_names.h lists the reasons in value order, from 0 */
#define ENGINE_REASON_NAME(v, code, text)	text,
static const char * const engine_reason_names[] = {
	IPCP_NEG_REASON_NAMES(ENGINE_REASON_NAME)
};

/* The same reasons as the one-word codes of sysfs and uevents (the ABI) */
#define ENGINE_REASON_CODE(v, code, text)	code,
static const char * const engine_reason_codes[] = {
	IPCP_NEG_REASON_NAMES(ENGINE_REASON_CODE)
};

static_assert(ARRAY_SIZE(engine_reason_names) == IPCP_NEG_REASON_COUNT);
static_assert(IPCP_NEG_REASON_ECHO == 10);

static struct ipcp_neg_engine *lcp_engine(struct ipcp_neg_fsm *f)
{
	return container_of(f, struct ipcp_neg_engine, lcp.fsm);
}

static struct ipcp_neg_engine *ipcp_engine(struct ipcp_neg_fsm *f)
{
	return container_of(f, struct ipcp_neg_engine, ipcp.fsm);
}

/* An explicit decision: it is the reason, whatever follows */
static void engine_decide(struct ipcp_neg_engine *e, u8 reason)
{
	e->reason = reason;
	e->cause = reason;
}

/* A layer went down or finished: the first cause since it was up counts */
static void engine_note_down(struct ipcp_neg_engine *e)
{
	if (e->reason == IPCP_NEG_REASON_NONE)
		e->reason = e->cause;
}

static void engine_lcp_tlu(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = lcp_engine(f);

	e->reason = IPCP_NEG_REASON_NONE;
	/* a new LCP: Echo-Requests of the last one count no more */
	e->lcp.echo_missed = 0;
	e->ipcp.fsm.peer_mru = f->peer_mru;
	if (e->ipcp.fsm.state <= IPCP_NEG_ST_STARTING)
		ipcp_neg_fsm_up(&e->ipcp.fsm);
}

static void engine_lcp_tld(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = lcp_engine(f);

	engine_note_down(e);
	if (e->ipcp.fsm.state >= IPCP_NEG_ST_CLOSED)
		ipcp_neg_fsm_down(&e->ipcp.fsm);
}

static void engine_lcp_tlf(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = lcp_engine(f);

	if (e->lcp.looped && e->reason == IPCP_NEG_REASON_NONE)
		e->reason = IPCP_NEG_REASON_LOOPBACK;
	engine_note_down(e);
	e->ops->finished(e);
}

static void engine_lcp_xmit(struct ipcp_neg_fsm *f, u8 code, u8 id,
			    const u8 *data, unsigned int len)
{
	struct ipcp_neg_engine *e = lcp_engine(f);

	e->ops->xmit(e, IPCP_NEG_PROTO_LCP, code, id, data, len);
}

static void engine_lcp_timer_start(struct ipcp_neg_fsm *f, unsigned int ms)
{
	struct ipcp_neg_engine *e = lcp_engine(f);

	e->ops->timer_start(e, IPCP_NEG_PROTO_LCP, ms);
}

static void engine_lcp_timer_stop(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = lcp_engine(f);

	e->ops->timer_stop(e, IPCP_NEG_PROTO_LCP);
}

/* LCP in Opened got a Protocol-Reject (inside LCP's automaton) */
static void engine_proto_rej(struct ipcp_neg_lcp *lcp, u16 proto)
{
	struct ipcp_neg_engine *e = container_of(lcp, struct ipcp_neg_engine,
						 lcp);

	if (proto != IPCP_NEG_PROTO_IPCP ||
	    e->ipcp.fsm.state < IPCP_NEG_ST_CLOSED)
		return;
	engine_decide(e, IPCP_NEG_REASON_PROTO_REJ);
	ipcp_neg_fsm_event(&e->ipcp.fsm, IPCP_NEG_EV_RXJ_MINUS);
}

static const struct ipcp_neg_fsm_ops engine_lcp_ops = {
	IPCP_NEG_LCP_CODEC_OPS,
	.tlu = engine_lcp_tlu,
	.tld = engine_lcp_tld,
	.tlf = engine_lcp_tlf,
	.xmit = engine_lcp_xmit,
	.timer_start = engine_lcp_timer_start,
	.timer_stop = engine_lcp_timer_stop,
};

static void engine_ipcp_tlu(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = ipcp_engine(f);

	if (e->ipcp.fail)
		return;		/* closed after this packet, see the top */
	e->reason = IPCP_NEG_REASON_NONE;
	e->ip_up = true;
	e->ops->ipcp_up(e);
}

/* ipcp_down(), once per ipcp_up() */
static void engine_ip_down(struct ipcp_neg_engine *e)
{
	engine_note_down(e);
	if (!e->ip_up)
		return;
	e->ip_up = false;
	e->ops->ipcp_down(e);
}

static void engine_ipcp_tld(struct ipcp_neg_fsm *f)
{
	engine_ip_down(ipcp_engine(f));
}

static void engine_ipcp_tlf(struct ipcp_neg_fsm *f)
{
	engine_note_down(ipcp_engine(f));
}

static void engine_ipcp_xmit(struct ipcp_neg_fsm *f, u8 code, u8 id,
			     const u8 *data, unsigned int len)
{
	struct ipcp_neg_engine *e = ipcp_engine(f);

	e->ops->xmit(e, IPCP_NEG_PROTO_IPCP, code, id, data, len);
}

static void engine_ipcp_timer_start(struct ipcp_neg_fsm *f, unsigned int ms)
{
	struct ipcp_neg_engine *e = ipcp_engine(f);

	e->ops->timer_start(e, IPCP_NEG_PROTO_IPCP, ms);
}

static void engine_ipcp_timer_stop(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = ipcp_engine(f);

	e->ops->timer_stop(e, IPCP_NEG_PROTO_IPCP);
}

static const struct ipcp_neg_fsm_ops engine_ipcp_ops = {
	IPCP_NEG_IPCP_CODEC_OPS,
	.tlu = engine_ipcp_tlu,
	.tld = engine_ipcp_tld,
	.tlf = engine_ipcp_tlf,
	.xmit = engine_ipcp_xmit,
	.timer_start = engine_ipcp_timer_start,
	.timer_stop = engine_ipcp_timer_stop,
};

static int engine_assign(struct ipcp_neg_ipcp *ip, __be32 wanted,
			 __be32 *out)
{
	struct ipcp_neg_engine *e = container_of(ip, struct ipcp_neg_engine,
						 ipcp);

	/* a request judged in Opened: its tld is certain, run it first */
	if (ip->fsm.state == IPCP_NEG_ST_OPENED)
		engine_ip_down(e);
	return e->ops->assign(e, wanted, out);
}

static void engine_log_no_addr(const struct ipcp_neg_engine *e, bool term)
{
	const char *action = term ? "terminating the link" : "closing IPCP";

	if (!net_ratelimit())
		return;
	if (e->ipcp.fail == IPCP_NEG_IPCP_FAIL_ASSIGN)
		pr_warn("IPCP: no address for the peer (%d): %s\n",
			e->ipcp.assign_err, action);
	else
		pr_warn("IPCP: the peer gave us no address: %s\n", action);
}

/* After an IPCP packet: apply e->pool_empty if IPCP found no address */
static void engine_check_addr(struct ipcp_neg_engine *e)
{
	bool term = e->pool_empty == IPCP_NEG_POOL_EMPTY_TERMINATE;

	if (e->ipcp.fail == IPCP_NEG_IPCP_FAIL_NONE ||
	    e->ipcp.fsm.state < IPCP_NEG_ST_REQSENT)
		return;
	engine_log_no_addr(e, term);
	engine_decide(e, IPCP_NEG_REASON_NO_ADDR);
	ipcp_neg_fsm_close(term ? &e->lcp.fsm : &e->ipcp.fsm);
}

/**
 * ipcp_neg_engine_init - set up a link's control plane, LCP and IPCP Initial
 * @e: the engine; any previous content is overwritten
 * @ops: the owner's callbacks; all but @ops->assign are required
 * @role: IPCP server (assigns the peer's address) or client
 * @priv: the owner's pointer, stored in @e->priv
 *
 * LCP and IPCP get their codecs' defaults, IPCP's automaton the restart
 * option, @e->pool_empty IPCP_NEG_POOL_EMPTY_IPCP_CLOSE. The owner then
 * sets @e->lcp.conf, @e->ipcp.conf, the automata's conf and @e->pool_empty.
 */
void ipcp_neg_engine_init(struct ipcp_neg_engine *e,
			  const struct ipcp_neg_engine_ops *ops,
			  enum ipcp_neg_ipcp_role role, void *priv)
{
	memset(e, 0, sizeof(*e));
	e->ops = ops;
	e->priv = priv;
	e->pool_empty = IPCP_NEG_POOL_EMPTY_IPCP_CLOSE;
	ipcp_neg_lcp_init(&e->lcp, &engine_lcp_ops, e);
	e->lcp.proto_rej = engine_proto_rej;
	ipcp_neg_ipcp_init(&e->ipcp, &engine_ipcp_ops, role, e);
	e->ipcp.fsm.conf.restart_option = true;
	if (ops->assign)
		e->ipcp.assign = engine_assign;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_init);

/**
 * ipcp_neg_engine_start - the link is up: open LCP and IPCP
 * @e: the engine
 *
 * Administrative Open of IPCP and LCP, then LCP's Up if LCP was in Initial
 * or Starting: LCP sends its first Configure-Request, and IPCP starts once
 * LCP is Opened. Clears @e->reason and the IPCP failure flag.
 */
void ipcp_neg_engine_start(struct ipcp_neg_engine *e)
{
	engine_decide(e, IPCP_NEG_REASON_NONE);
	e->ipcp.fail = IPCP_NEG_IPCP_FAIL_NONE;
	ipcp_neg_fsm_open(&e->ipcp.fsm);
	ipcp_neg_fsm_open(&e->lcp.fsm);
	if (e->lcp.fsm.state <= IPCP_NEG_ST_STARTING)
		ipcp_neg_fsm_up(&e->lcp.fsm);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_start);

/**
 * ipcp_neg_engine_stop - administrative close of the link
 * @e: the engine
 *
 * Closes LCP: from Opened, IPCP goes down (ipcp_down()) and an LCP
 * Terminate-Request goes out; finished() follows the peer's Terminate-Ack
 * or the restart counter running out. Then closes IPCP, which sends
 * nothing. @e->reason becomes IPCP_NEG_REASON_ADMIN.
 */
void ipcp_neg_engine_stop(struct ipcp_neg_engine *e)
{
	engine_decide(e, IPCP_NEG_REASON_ADMIN);
	ipcp_neg_fsm_close(&e->lcp.fsm);
	ipcp_neg_fsm_close(&e->ipcp.fsm);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_stop);

/**
 * ipcp_neg_engine_lower_down - the transport is gone
 * @e: the engine
 *
 * LCP's Down event (and through it IPCP's): ipcp_down() if IPCP was up, no
 * packet, no finished(). Does nothing if LCP's lower layer was not up.
 * ipcp_neg_engine_start() brings the link up again.
 */
void ipcp_neg_engine_lower_down(struct ipcp_neg_engine *e)
{
	engine_decide(e, IPCP_NEG_REASON_LOWER_DOWN);
	if (e->lcp.fsm.state >= IPCP_NEG_ST_CLOSED)
		ipcp_neg_fsm_down(&e->lcp.fsm);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_lower_down);

/**
 * ipcp_neg_engine_echo_timeout - the peer stopped answering LCP Echo
 * @e: the engine
 *
 * The owner gave up on the peer: LCP's Down event as in
 * ipcp_neg_engine_lower_down() (no packet: nobody answers), with
 * @e->reason IPCP_NEG_REASON_ECHO, so ipcp_down() sees that reason.
 */
void ipcp_neg_engine_echo_timeout(struct ipcp_neg_engine *e)
{
	engine_decide(e, IPCP_NEG_REASON_ECHO);
	if (e->lcp.fsm.state >= IPCP_NEG_ST_CLOSED)
		ipcp_neg_fsm_down(&e->lcp.fsm);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_echo_timeout);

/**
 * ipcp_neg_engine_renegotiate_ipcp - start a fresh IPCP negotiation
 * @e: the engine
 *
 * IPCP Close then Open (LCP is untouched): from Opened, ipcp_down(), an
 * IPCP Terminate-Request and a new Configure-Request; from Closed or
 * Stopped (e.g. after the pool_empty policy), a new Configure-Request; while
 * LCP is not Opened, IPCP simply starts with LCP. Clears the IPCP failure
 * flag.
 */
void ipcp_neg_engine_renegotiate_ipcp(struct ipcp_neg_engine *e)
{
	engine_decide(e, IPCP_NEG_REASON_RENEGOTIATE);
	e->ipcp.fail = IPCP_NEG_IPCP_FAIL_NONE;
	ipcp_neg_fsm_close(&e->ipcp.fsm);
	ipcp_neg_fsm_open(&e->ipcp.fsm);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_renegotiate_ipcp);

/**
 * ipcp_neg_engine_input - process one received control packet
 * @e: the engine
 * @proto: its PPP protocol: IPCP_NEG_PROTO_LCP or IPCP_NEG_PROTO_IPCP
 * @pkt: the packet from its Code field; never read past @len
 * @len: bytes at @pkt
 *
 * Other protocols are dropped (the owner checks IPv4 data with
 * ipcp_neg_engine_ip_ok() and rejects the rest with
 * ipcp_neg_engine_reject_proto()). After an IPCP packet the pool_empty
 * policy is applied if IPCP found no address.
 */
void ipcp_neg_engine_input(struct ipcp_neg_engine *e, u16 proto,
			   const u8 *pkt, unsigned int len)
{
	e->cause = len && pkt[0] == IPCP_NEG_TERMREQ ?
		   IPCP_NEG_REASON_PEER_TERM : IPCP_NEG_REASON_PEER;
	switch (proto) {
	case IPCP_NEG_PROTO_LCP:
		ipcp_neg_fsm_input(&e->lcp.fsm, pkt, len);
		break;
	case IPCP_NEG_PROTO_IPCP:
		ipcp_neg_fsm_input(&e->ipcp.fsm, pkt, len);
		engine_check_addr(e);
		break;
	default:
		net_dbg_ratelimited("engine: protocol 0x%04x dropped\n", proto);
	}
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_input);

/**
 * ipcp_neg_engine_timeout - a restart timer expired
 * @e: the engine
 * @proto: whose: IPCP_NEG_PROTO_LCP or IPCP_NEG_PROTO_IPCP
 *
 * Harmless if the automaton no longer runs its timer (an expiry that raced
 * with timer_stop).
 */
void ipcp_neg_engine_timeout(struct ipcp_neg_engine *e, u16 proto)
{
	e->cause = IPCP_NEG_REASON_TIMEOUT;
	if (proto == IPCP_NEG_PROTO_LCP)
		ipcp_neg_fsm_timeout(&e->lcp.fsm);
	else if (proto == IPCP_NEG_PROTO_IPCP)
		ipcp_neg_fsm_timeout(&e->ipcp.fsm);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_timeout);

/**
 * ipcp_neg_engine_ip_ok - may IPv4 packets flow?
 * @e: the engine
 *
 * Return: true from ipcp_up() to ipcp_down(): IPCP is Opened with an
 * address.
 */
bool ipcp_neg_engine_ip_ok(const struct ipcp_neg_engine *e)
{
	return e->ip_up && e->ipcp.fsm.state == IPCP_NEG_ST_OPENED;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_ip_ok);

/**
 * ipcp_neg_engine_reject_proto - tell the peer we do not run a protocol
 * @e: the engine
 * @proto: the protocol of the frame received (never LCP: ignored)
 * @info: the frame's information field, after the protocol number
 * @len: its length; truncated to fit the peer's MRU
 *
 * Sends an LCP Protocol-Reject, only in LCP Opened (RFC 1661 5.7).
 */
void ipcp_neg_engine_reject_proto(struct ipcp_neg_engine *e, u16 proto,
				  const u8 *info, unsigned int len)
{
	if (proto != IPCP_NEG_PROTO_LCP)
		ipcp_neg_lcp_send_protrej(&e->lcp, proto, info, len);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_reject_proto);

/**
 * ipcp_neg_engine_reason_name - printable enum ipcp_neg_engine_reason
 * @reason: any value
 *
 * Return: a short text, or "?" if out of range.
 */
const char *ipcp_neg_engine_reason_name(u32 reason)
{
	return reason < IPCP_NEG_REASON_COUNT ? engine_reason_names[reason] :
	       "?";
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_reason_name);

/**
 * ipcp_neg_engine_reason_code - one-word code of an enum ipcp_neg_engine_reason
 * @reason: any value
 *
 * These codes are ABI: sysfs state/reason and the uevents' IPCP_NEG_REASON.
 *
 * Return: the code, "unknown" for a value out of range.
 */
const char *ipcp_neg_engine_reason_code(u32 reason)
{
	return reason < IPCP_NEG_REASON_COUNT ? engine_reason_codes[reason] :
	       "unknown";
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_reason_code);
