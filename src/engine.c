// SPDX-License-Identifier: GPL-2.0
/*
 * One link's PPP control plane as the phases of RFC 1661 section 3: Dead,
 * Establish (LCP), Authenticate, Network (every NCP of the table in
 * ncp.h) and Terminate, on top of the automaton of fsm.c and the codecs
 * of lcp.c and the NCPs (ipcp.c through ncp_ipcp.c).
 *
 * Phases: start leaves Dead for Establish (LCP's Up and Open). LCP's
 * This-Layer-Up enters Authenticate; no authentication protocol is
 * negotiated yet, so the engine passes straight on to Network, where every
 * NCP gets its Up event (with LCP's peer MRU). LCP's This-Layer-Down takes
 * every NCP down and returns to Establish; while LCP sends or answers a
 * Terminate-Request the phase is Terminate, and This-Layer-Finished ends
 * in Dead. ipcp_neg_engine_phase() reports it.
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
 * - IPCP's own rules (ipcp_up()/ipcp_down() pairing, assign(), the
 *   pool_empty policy) are in ncp_ipcp.c, its entry of the NCP table.
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

#include "engine_int.h"
#include "ncp.h"
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

#define ENGINE_PHASE_NAME(v, name)	name,
static const char * const engine_phase_names[] = {
	IPCP_NEG_PHASE_NAMES(ENGINE_PHASE_NAME)
};

static_assert(ARRAY_SIZE(engine_phase_names) == IPCP_NEG_PHASE_COUNT);
static_assert(IPCP_NEG_REASON_ECHO == 10);

static struct ipcp_neg_engine *lcp_engine(struct ipcp_neg_fsm *f)
{
	return container_of(f, struct ipcp_neg_engine, lcp.fsm);
}

/* Network phase: every NCP gets LCP's peer MRU and its Up event */
static void engine_network(struct ipcp_neg_engine *e)
{
	const struct ipcp_neg_ncp *ncp;
	struct ipcp_neg_fsm *f;
	int i;

	e->phase = IPCP_NEG_PHASE_NETWORK;
	for (i = 0; i < IPCP_NEG_NCP_COUNT && (ncp = ipcp_neg_ncps[i]); i++) {
		f = ncp->fsm(e);
		f->peer_mru = e->lcp.fsm.peer_mru;
		if (f->state <= IPCP_NEG_ST_STARTING)
			ipcp_neg_fsm_up(f);
	}
}

/*
 * Authenticate phase: the slot of the authentication protocols. None is
 * negotiated yet (LCP rejects Authentication-Protocol), so it passes
 * straight on to Network.
 */
static void engine_authenticate(struct ipcp_neg_engine *e)
{
	e->phase = IPCP_NEG_PHASE_AUTHENTICATE;
	engine_network(e);
}

static void engine_lcp_tlu(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = lcp_engine(f);

	e->reason = IPCP_NEG_REASON_NONE;
	/* a new LCP: Echo-Requests of the last one count no more */
	e->lcp.echo_missed = 0;
	engine_authenticate(e);
}

static void engine_lcp_tld(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = lcp_engine(f);
	const struct ipcp_neg_ncp *ncp;
	int i;

	ipcp_neg_engine_note_down(e);
	for (i = 0; i < IPCP_NEG_NCP_COUNT && (ncp = ipcp_neg_ncps[i]); i++)
		if (ncp->fsm(e)->state >= IPCP_NEG_ST_CLOSED)
			ipcp_neg_fsm_down(ncp->fsm(e));
}

static void engine_lcp_tlf(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = lcp_engine(f);

	if (e->lcp.looped && e->reason == IPCP_NEG_REASON_NONE)
		e->reason = IPCP_NEG_REASON_LOOPBACK;
	ipcp_neg_engine_note_down(e);
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
	const struct ipcp_neg_ncp *ncp = ipcp_neg_ncp_by_proto(proto);

	if (!ncp || ncp->fsm(e)->state < IPCP_NEG_ST_CLOSED)
		return;
	if (proto == IPCP_NEG_PROTO_IPCP)
		ipcp_neg_engine_decide(e, IPCP_NEG_REASON_PROTO_REJ);
	ipcp_neg_fsm_event(ncp->fsm(e), IPCP_NEG_EV_RXJ_MINUS);
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

/* The NCP whose automaton @f is */
static const struct ipcp_neg_ncp *engine_ncp_of(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = ipcp_neg_fsm_engine(f);
	const struct ipcp_neg_ncp *ncp;
	int i;

	for (i = 0; i < IPCP_NEG_NCP_COUNT && (ncp = ipcp_neg_ncps[i]); i++)
		if (ncp->fsm(e) == f)
			return ncp;
	return NULL;
}

/**
 * ipcp_neg_engine_ncp_xmit - an NCP's automaton sends a packet
 * @f: the automaton, one of the NCP table's
 * @code: the packet's Code
 * @id: its Identifier
 * @data: what follows the header (may be NULL when @len is 0)
 * @len: bytes at @data
 *
 * Hands the packet to the owner's xmit() under the NCP's protocol number.
 */
void ipcp_neg_engine_ncp_xmit(struct ipcp_neg_fsm *f, u8 code, u8 id,
			      const u8 *data, unsigned int len)
{
	struct ipcp_neg_engine *e = ipcp_neg_fsm_engine(f);

	e->ops->xmit(e, engine_ncp_of(f)->proto, code, id, data, len);
}

/**
 * ipcp_neg_engine_ncp_timer_start - an NCP's automaton arms its timer
 * @f: the automaton, one of the NCP table's
 * @ms: milliseconds
 */
void ipcp_neg_engine_ncp_timer_start(struct ipcp_neg_fsm *f, unsigned int ms)
{
	struct ipcp_neg_engine *e = ipcp_neg_fsm_engine(f);

	e->ops->timer_start(e, engine_ncp_of(f)->proto, ms);
}

/**
 * ipcp_neg_engine_ncp_timer_stop - an NCP's automaton stops its timer
 * @f: the automaton, one of the NCP table's
 */
void ipcp_neg_engine_ncp_timer_stop(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = ipcp_neg_fsm_engine(f);

	e->ops->timer_stop(e, engine_ncp_of(f)->proto);
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
	const struct ipcp_neg_ncp *ncp;
	int i;

	memset(e, 0, sizeof(*e));
	e->ops = ops;
	e->priv = priv;
	e->pool_empty = IPCP_NEG_POOL_EMPTY_IPCP_CLOSE;
	ipcp_neg_lcp_init(&e->lcp, &engine_lcp_ops, e);
	e->lcp.proto_rej = engine_proto_rej;
	for (i = 0; i < IPCP_NEG_NCP_COUNT && (ncp = ipcp_neg_ncps[i]); i++)
		ncp->init(e, role);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_init);

/**
 * ipcp_neg_engine_start - the link is up: open LCP and every NCP
 * @e: the engine
 *
 * Administrative Open of the NCPs and LCP, then LCP's Up if LCP was in
 * Initial or Starting: LCP sends its first Configure-Request (Establish
 * phase), and the NCPs start once LCP is Opened. Clears @e->reason and
 * what each NCP's last attempt left (the IPCP failure flag).
 */
void ipcp_neg_engine_start(struct ipcp_neg_engine *e)
{
	const struct ipcp_neg_ncp *ncp;
	int i;

	ipcp_neg_engine_decide(e, IPCP_NEG_REASON_NONE);
	for (i = 0; i < IPCP_NEG_NCP_COUNT && (ncp = ipcp_neg_ncps[i]); i++) {
		if (ncp->start)
			ncp->start(e);
		ipcp_neg_fsm_open(ncp->fsm(e));
	}
	ipcp_neg_fsm_open(&e->lcp.fsm);
	if (e->lcp.fsm.state <= IPCP_NEG_ST_STARTING)
		ipcp_neg_fsm_up(&e->lcp.fsm);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_start);

/**
 * ipcp_neg_engine_stop - administrative close of the link
 * @e: the engine
 *
 * Closes LCP: from Opened, the NCPs go down (ipcp_down()) and an LCP
 * Terminate-Request goes out (Terminate phase); finished() follows the
 * peer's Terminate-Ack or the restart counter running out. Then closes
 * every NCP, which sends nothing. @e->reason becomes
 * IPCP_NEG_REASON_ADMIN.
 */
void ipcp_neg_engine_stop(struct ipcp_neg_engine *e)
{
	const struct ipcp_neg_ncp *ncp;
	int i;

	ipcp_neg_engine_decide(e, IPCP_NEG_REASON_ADMIN);
	ipcp_neg_fsm_close(&e->lcp.fsm);
	for (i = 0; i < IPCP_NEG_NCP_COUNT && (ncp = ipcp_neg_ncps[i]); i++)
		ipcp_neg_fsm_close(ncp->fsm(e));
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
	ipcp_neg_engine_decide(e, IPCP_NEG_REASON_LOWER_DOWN);
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
	ipcp_neg_engine_decide(e, IPCP_NEG_REASON_ECHO);
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
	const struct ipcp_neg_ncp *ncp = ipcp_neg_ncps[IPCP_NEG_NCP_IPCP];

	ipcp_neg_engine_decide(e, IPCP_NEG_REASON_RENEGOTIATE);
	ncp->start(e);
	ipcp_neg_fsm_close(ncp->fsm(e));
	ipcp_neg_fsm_open(ncp->fsm(e));
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_renegotiate_ipcp);

/**
 * ipcp_neg_engine_input - process one received control packet
 * @e: the engine
 * @proto: its PPP protocol: IPCP_NEG_PROTO_LCP or an NCP's of the table
 * @pkt: the packet from its Code field; never read past @len
 * @len: bytes at @pkt
 *
 * Other protocols are dropped (the owner checks data protocols with
 * ipcp_neg_engine_data_ok() and rejects the rest with
 * ipcp_neg_engine_reject_proto()). After an NCP's packet its input_done
 * hook runs (IPCP: the pool_empty policy if IPCP found no address).
 */
void ipcp_neg_engine_input(struct ipcp_neg_engine *e, u16 proto,
			   const u8 *pkt, unsigned int len)
{
	const struct ipcp_neg_ncp *ncp;

	e->cause = len && pkt[0] == IPCP_NEG_TERMREQ ?
		   IPCP_NEG_REASON_PEER_TERM : IPCP_NEG_REASON_PEER;
	if (proto == IPCP_NEG_PROTO_LCP) {
		ipcp_neg_fsm_input(&e->lcp.fsm, pkt, len);
		return;
	}
	ncp = ipcp_neg_ncp_by_proto(proto);
	if (!ncp) {
		net_dbg_ratelimited("engine: protocol 0x%04x dropped\n", proto);
		return;
	}
	ipcp_neg_fsm_input(ncp->fsm(e), pkt, len);
	if (ncp->input_done)
		ncp->input_done(e);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_input);

/**
 * ipcp_neg_engine_timeout - a restart timer expired
 * @e: the engine
 * @proto: whose: IPCP_NEG_PROTO_LCP or an NCP's of the table
 *
 * Harmless if the automaton no longer runs its timer (an expiry that raced
 * with timer_stop).
 */
void ipcp_neg_engine_timeout(struct ipcp_neg_engine *e, u16 proto)
{
	const struct ipcp_neg_ncp *ncp = ipcp_neg_ncp_by_proto(proto);

	e->cause = IPCP_NEG_REASON_TIMEOUT;
	if (proto == IPCP_NEG_PROTO_LCP)
		ipcp_neg_fsm_timeout(&e->lcp.fsm);
	else if (ncp)
		ipcp_neg_fsm_timeout(ncp->fsm(e));
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
	return ipcp_neg_engine_data_ok(e, IPCP_NEG_PROTO_IP);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_ip_ok);

/**
 * ipcp_neg_engine_data_ok - may frames of a data protocol flow?
 * @e: the engine
 * @proto: a PPP protocol number
 *
 * Return: true if an NCP of the table opens @proto and is up (between its
 * up and down hooks: for IPCP, ipcp_up() to ipcp_down()).
 */
bool ipcp_neg_engine_data_ok(const struct ipcp_neg_engine *e, u16 proto)
{
	const struct ipcp_neg_ncp *ncp = ipcp_neg_ncp_by_data(proto);

	return ncp && ncp->up(e);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_data_ok);

/**
 * ipcp_neg_engine_phase - the link's phase (RFC 1661 section 3.2)
 * @e: the engine
 *
 * Derived from LCP's state, so it is always consistent with it: Dead
 * while LCP is Initial, Starting or Closed; Establish while it negotiates
 * (or waits in Stopped for the peer); Terminate while it is Closing or
 * Stopping; in Opened, Authenticate, then Network.
 *
 * Return: an enum ipcp_neg_phase.
 */
u8 ipcp_neg_engine_phase(const struct ipcp_neg_engine *e)
{
	switch (e->lcp.fsm.state) {
	case IPCP_NEG_ST_OPENED:
		return e->phase;
	case IPCP_NEG_ST_CLOSING:
	case IPCP_NEG_ST_STOPPING:
		return IPCP_NEG_PHASE_TERMINATE;
	case IPCP_NEG_ST_STOPPED:
	case IPCP_NEG_ST_REQSENT:
	case IPCP_NEG_ST_ACKRCVD:
	case IPCP_NEG_ST_ACKSENT:
		return IPCP_NEG_PHASE_ESTABLISH;
	default:
		return IPCP_NEG_PHASE_DEAD;
	}
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_phase);

/**
 * ipcp_neg_engine_phase_name - the name of an enum ipcp_neg_phase
 * @phase: any value
 *
 * Return: "dead", "establish", "authenticate", "network", "terminate",
 * or "unknown" for a value out of range.
 */
const char *ipcp_neg_engine_phase_name(u8 phase)
{
	return phase < IPCP_NEG_PHASE_COUNT ? engine_phase_names[phase] :
	       "unknown";
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_engine_phase_name);

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
