// SPDX-License-Identifier: GPL-2.0
/*
 * IPCP as an entry of the NCP table (ncp.h): the option codec is ipcp.c;
 * this file wires IPCP's automaton into the engine: its layer callbacks,
 * the owner's assign() and ipcp_up()/ipcp_down(), and the pool_empty
 * policy when IPCP finds no address.
 *
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
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/container_of.h>
#include <linux/export.h>
#include <linux/net.h>
#include <linux/printk.h>
#include <kunit/visibility.h>

#include "engine_int.h"
#include "ncp.h"

static struct ipcp_neg_engine *ipcp_engine(struct ipcp_neg_fsm *f)
{
	return container_of(f, struct ipcp_neg_engine, ipcp.fsm);
}

static void ncp_ipcp_tlu(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_engine *e = ipcp_engine(f);

	if (e->ipcp.fail)
		return;		/* closed after this packet, see the top */
	e->reason = IPCP_NEG_REASON_NONE;
	e->ip_up = true;
	e->ops->ipcp_up(e);
}

/* ipcp_down(), once per ipcp_up() */
static void ncp_ipcp_down(struct ipcp_neg_engine *e)
{
	ipcp_neg_engine_note_down(e);
	if (!e->ip_up)
		return;
	e->ip_up = false;
	e->ops->ipcp_down(e);
}

static void ncp_ipcp_tld(struct ipcp_neg_fsm *f)
{
	ncp_ipcp_down(ipcp_engine(f));
}

static void ncp_ipcp_tlf(struct ipcp_neg_fsm *f)
{
	ipcp_neg_engine_note_down(ipcp_engine(f));
}

static const struct ipcp_neg_fsm_ops ncp_ipcp_fsm_ops = {
	IPCP_NEG_IPCP_CODEC_OPS,
	IPCP_NEG_ENGINE_NCP_GLUE_OPS,
	.tlu = ncp_ipcp_tlu,
	.tld = ncp_ipcp_tld,
	.tlf = ncp_ipcp_tlf,
};

static int ncp_ipcp_assign(struct ipcp_neg_ipcp *ip, __be32 wanted,
			   __be32 *out)
{
	struct ipcp_neg_engine *e = container_of(ip, struct ipcp_neg_engine,
						 ipcp);

	/* a request judged in Opened: its tld is certain, run it first */
	if (ip->fsm.state == IPCP_NEG_ST_OPENED)
		ncp_ipcp_down(e);
	return e->ops->assign(e, wanted, out);
}

static void ncp_ipcp_log_no_addr(const struct ipcp_neg_engine *e, bool term)
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
static void ncp_ipcp_input_done(struct ipcp_neg_engine *e)
{
	bool term = e->pool_empty == IPCP_NEG_POOL_EMPTY_TERMINATE;

	if (e->ipcp.fail == IPCP_NEG_IPCP_FAIL_NONE ||
	    e->ipcp.fsm.state < IPCP_NEG_ST_REQSENT)
		return;
	ncp_ipcp_log_no_addr(e, term);
	ipcp_neg_engine_decide(e, IPCP_NEG_REASON_NO_ADDR);
	ipcp_neg_fsm_close(term ? &e->lcp.fsm : &e->ipcp.fsm);
}

static struct ipcp_neg_fsm *ncp_ipcp_fsm(struct ipcp_neg_engine *e)
{
	return &e->ipcp.fsm;
}

/* IPCP's automaton runs with the restart option (see engine.c) */
static void ncp_ipcp_init(struct ipcp_neg_engine *e, int role)
{
	ipcp_neg_ipcp_init(&e->ipcp, &ncp_ipcp_fsm_ops, role, e);
	e->ipcp.fsm.conf.restart_option = true;
	if (e->ops->assign)
		e->ipcp.assign = ncp_ipcp_assign;
}

static void ncp_ipcp_start(struct ipcp_neg_engine *e)
{
	e->ipcp.fail = IPCP_NEG_IPCP_FAIL_NONE;
}

static bool ncp_ipcp_up(const struct ipcp_neg_engine *e)
{
	return e->ip_up && e->ipcp.fsm.state == IPCP_NEG_ST_OPENED;
}

/* IPCP's entry of the NCP table (ncp.c) */
const struct ipcp_neg_ncp ipcp_neg_ncp_ipcp = {
	.id = IPCP_NEG_NCP_IPCP,
	.name = "IPCP",
	.proto = IPCP_NEG_PROTO_IPCP,
	.data = { IPCP_NEG_PROTO_IP },
	.fsm = ncp_ipcp_fsm,
	.init = ncp_ipcp_init,
	.start = ncp_ipcp_start,
	.up = ncp_ipcp_up,
	.input_done = ncp_ipcp_input_done,
};
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ncp_ipcp);
