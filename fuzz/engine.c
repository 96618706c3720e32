// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target engine: two engines (src/engine.c, with src/fsm.c, lcp.c,
 * ipcp.c) back to back, joined by the pair harness the KUnit suite and the
 * benchmarks use too (src/tests/pair.c). What one transmits is queued for
 * the other; the
 * input decides what is delivered, dropped, duplicated, corrupted or
 * reordered, injects raw packets into either side, fires restart timers
 * and drives the owner's calls (start, stop, lower_down, renegotiate,
 * Echo-Request, Protocol-Reject). Addresses come from real pools
 * (src/addr_pool.c) through the module's lease policy (src/lease.c, what
 * src/link.c's assign() calls): pool mode takes from 10.0.0.1-10.0.0.7,
 * which holds A's local address, overflowing to 10.0.0.8; one-address mode
 * from 10.0.0.8 alone.
 *
 * Input: a 30-byte header, then operations. Header bytes 0 and 1 configure
 * IPCP of side A and B (CF_* below), 2 and 3 their LCP and address source
 * (LF_*), 4 the automata's counters (bits 0-5) with bit 6 for the RFC
 * defaults and bit 7 for the liveness mode, 5 misc flags (MF_*), 6-21 the
 * random tape, 22-25 the allocation failure pattern, 26-29 which assign()
 * calls fail.
 *
 * An operation is one byte: bit 7 picks the side (A or B), bits 0-3 the
 * operation, bits 4-6 an argument:
 *	0, 1, 15 deliver the first packet queued for the side
 *	2	drop it
 *	3	duplicate it
 *	4	corrupt it: byte offset (8 bits), xor value (8 bits)
 *	5	inject a packet: protocol (arg & 3: LCP, IPCP, IPv4, 16 bits),
 *		then as fsm_lcp's raw (arg & 4 clear) or framed packet
 *	6	restart timer of LCP (arg & 1 clear) or IPCP expires, if armed
 *		(arg & 2: even if not)
 *	7	pump: deliver everything, firing timers when idle, bounded
 *	8-11	start, stop, lower_down (arg & 1: both sides, queues flushed),
 *		renegotiate_ipcp
 *	12	Echo-Request
 *	13	reject_proto: protocol (16 bits), length (11 bits), bytes
 *	14	swap the first two packets queued for the side
 *
 * Checked: every packet (fuzz_check_tx()), after each operation both
 * engines (automata, timers, LCP Opened exactly when IPCP's lower layer is
 * up, ipcp_up()/ipcp_down() pairing with IPCP Opened, MRU propagation),
 * at ipcp_up() the addresses (usable, the lease for a pooled server, never
 * the server's own), after each operation that the pools count exactly the
 * leases the sides hold, and no memory left at the end.
 *
 * Liveness mode (header byte 4 bit 7): side A is a server with an address
 * source and B a client, nothing is lost or injected, RFC default
 * counters; operations only choose which side receives next (timers fire
 * only when nothing is in flight). At the end both must have IPCP Opened
 * with matching addresses, DNS/NBNS servers and MRU.
 */

#include <stdlib.h>

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include <net/net_namespace.h>

#include "addr_pool.h"
#include "check.h"
#include "engine.h"
#include "shim.h"
#include "tests/pair.h"

/* Header bytes 0 and 1: IPCP */
#define CF_CLIENT	BIT(0)
#define CF_FORCED	BIT(1)
#define CF_ACCEPT_LOCAL	BIT(2)	/* flip the role's default */
#define CF_DNS		BIT(3)
#define CF_NBNS		BIT(4)
#define CF_LOCAL	BIT(5)
#define CF_REMOTE	BIT(6)
#define CF_SRV		BIT(7)
/* Header bytes 2 and 3: LCP and address source */
#define LF_MRU		0x03	/* index into lf_mru[] */
#define LF_ACCM		BIT(2)
#define LF_PFC		BIT(3)
#define LF_ACFC		BIT(4)
#define LF_ASSIGN	0x60	/* none, pool, one-address pool, failing */
#define LF_TERMINATE	BIT(7)	/* pool_empty: terminate the link */
/* Header byte 4 */
#define FF_RFC		BIT(6)
#define FF_LIVE		BIT(7)
/* Header byte 5 */
#define MF_KMEM		BIT(0)	/* allocations fail as bytes 22-25 say */
#define MF_NO_START_A	BIT(1)
#define MF_NO_START_B	BIT(2)

#define ADDR(a, b, c, d)	htonl((a) << 24 | (b) << 16 | (c) << 8 | (d))
#define POOL_FIRST	ADDR(10, 0, 0, 1)	/* A's local address */
#define POOL_LAST	ADDR(10, 0, 0, 7)
#define POOL_ONE	ADDR(10, 0, 0, 8)	/* overflow, one-address */
#define PUMP_STEPS	2000
#define PUMP_TIMERS	64

enum { ASSIGN_NONE, ASSIGN_POOL, ASSIGN_ONE, ASSIGN_FAIL };

static const u16 lf_mru[] = { 0, 1492, 296, 100 };

_Static_assert(IPCP_NEG_PAIR_PKT == FUZZ_MAX_PKT, "the pair's packets");

static struct {
	u8 assign_mode[2];		/* ASSIGN_*, by side */
	struct ipcp_neg_pool *pool;	/* POOL_FIRST-POOL_LAST, then one */
	struct ipcp_neg_pool *one;	/* POOL_ONE */
	u32 assign_fail;
	unsigned int assign_calls;
	u64 pump_t0;
	bool live;
	struct ipcp_neg_pair_pkt in;
} h;

/* The two engines (src/tests/pair.c), outside h: its queues are large */
static struct ipcp_neg_pair pair;

/* owned by the initial user namespace: its pools are not bounded */
static struct net fuzz_net = { .user_ns = &init_user_ns };

static unsigned int side_idx(const struct ipcp_neg_pair_side *s)
{
	return s - pair.s;
}

static struct ipcp_neg_fsm *fsm_of(struct ipcp_neg_engine *e, u16 proto)
{
	return proto == IPCP_NEG_PROTO_LCP ? &e->lcp.fsm : &e->ipcp.fsm;
}

/* ---- the pair's hooks ---- */

/* Every packet is checked, then queued for the peer */
static void h_tx(struct ipcp_neg_pair_side *from,
		 const struct ipcp_neg_pair_pkt *p)
{
	struct ipcp_neg_engine *e = &from->e;
	u32 magic = e->lcp.got.neg_magic ? e->lcp.got.magic : 0;

	fuzz_check_tx(fsm_of(e, p->proto), p->proto, p->data[0], p->data[1],
		      p->data + IPCP_NEG_HDRLEN, p->len - IPCP_NEG_HDRLEN,
		      magic);
	ipcp_neg_pair_enqueue(ipcp_neg_pair_peer(from), p);
}

/* Fed from a block of its exact size, framed for the packet oracle */
static void feed(struct ipcp_neg_pair_side *s,
		 const struct ipcp_neg_pair_pkt *p)
{
	u8 *pkt = fuzz_dup(p->data, p->len);

	fuzz_log(" rx %c %04x code %u id %u len %u", side_idx(s) ? 'B' : 'A',
		 p->proto, p->len ? pkt[0] : 0, p->len > 1 ? pkt[1] : 0,
		 p->len);
	fuzz_rx_begin(p->proto, pkt, p->len);
	ipcp_neg_engine_input(&s->e, p->proto, pkt, p->len);
	fuzz_rx_end();
	free(pkt);
}

static bool addr_ok_or_0(__be32 a)
{
	return !a || ipcp_neg_ipcp_addr_ok(a);
}

/* The pair checks the pairing and a server's lease; the rest here */
static void h_up(struct ipcp_neg_pair_side *s)
{
	struct ipcp_neg_engine *e = &s->e;
	const struct ipcp_neg_ipcp *ip = &e->ipcp;
	int i;

	FUZZ_ASSERT(ip->fail == IPCP_NEG_IPCP_FAIL_NONE);
	FUZZ_ASSERT(e->lcp.fsm.state == IPCP_NEG_ST_OPENED);
	FUZZ_ASSERT(!ip->local || ip->local != ip->peer);
	if (ip->conf.role == IPCP_NEG_IPCP_CLIENT) {
		FUZZ_ASSERT(ipcp_neg_ipcp_addr_ok(ip->local));
		for (i = IPCP_NEG_IPCP_O_DNS1; i < IPCP_NEG_IPCP_O_COUNT; i++)
			FUZZ_ASSERT(addr_ok_or_0(ip->srv[i]));
		return;
	}
	FUZZ_ASSERT(ipcp_neg_ipcp_addr_ok(ip->peer));
	FUZZ_ASSERT(ip->peer != ip->conf.local);
}

/* The assign() calls the input makes fail */
static bool h_refuse(struct ipcp_neg_pair_side *s)
{
	return h.assign_fail & BIT(h.assign_calls++ % 32);
}

static const struct ipcp_neg_pair_ops h_ops = {
	.tx = h_tx,
	.rx = feed,
	.up = h_up,
	.refuse = h_refuse,
};

/* ---- set-up ---- */

static void conf_fsm(struct ipcp_neg_fsm *f, u8 ff)
{
	bool restart = f->conf.restart_option;

	ipcp_neg_fsm_conf_default(&f->conf);
	f->conf.restart_option = restart;
	if (ff & (FF_RFC | FF_LIVE))
		return;
	f->conf.max_failure = ff & 3;
	f->conf.max_configure = 1 + (ff >> 2 & 3);
	f->conf.max_terminate = ff >> 4 & 3;
}

static void conf_ipcp(struct ipcp_neg_pair_side *s, u8 cf, bool a)
{
	struct ipcp_neg_ipcp_conf *c = &s->e.ipcp.conf;

	c->forced = cf & CF_FORCED;
	c->accept_local ^= !!(cf & CF_ACCEPT_LOCAL);
	c->req_dns = cf & CF_DNS;
	c->req_nbns = cf & CF_NBNS;
	/* A is 10.0.0.1 and gives 10.0.0.77; B is 10.0.0.66, gives .88 */
	c->local = cf & CF_LOCAL ? ADDR(10, 0, 0, a ? 1 : 66) : 0;
	c->remote = cf & CF_REMOTE ? ADDR(10, 0, 0, a ? 77 : 88) : 0;
	if (cf & CF_SRV) {
		c->srv[IPCP_NEG_IPCP_O_DNS1] = ADDR(192, 0, 2, 53);
		c->srv[IPCP_NEG_IPCP_O_NBNS2] = ADDR(192, 0, 2, 138);
	}
}

static void conf_lcp(struct ipcp_neg_pair_side *s, u8 lf)
{
	struct ipcp_neg_lcp_conf *c = &s->e.lcp.conf;

	c->mru = lf_mru[lf & LF_MRU];
	c->req_accm = lf & LF_ACCM;
	c->accm = 0x000a0000;
	c->accept_pfc = lf & LF_PFC;
	c->accept_acfc = lf & LF_ACFC;
	/* a tty's policy (lcp_policy.c): what we accept, we also ask */
	c->req_pfc = c->accept_pfc;
	c->req_acfc = c->accept_acfc;
	s->e.pool_empty = lf & LF_TERMINATE ? IPCP_NEG_POOL_EMPTY_TERMINATE :
			  IPCP_NEG_POOL_EMPTY_IPCP_CLOSE;
}

/* Liveness: A serves with an address source, B is a plain client */
static void conf_live(u8 *cf, u8 *lf)
{
	cf[0] &= ~(CF_CLIENT | CF_ACCEPT_LOCAL);
	if (!(cf[0] & CF_REMOTE) && (lf[0] & LF_ASSIGN) == 0)
		lf[0] |= 0x20;			/* ASSIGN_POOL */
	if ((lf[0] & LF_ASSIGN) == 0x60)
		lf[0] &= ~0x40;			/* not the failing one */
	cf[1] |= CF_CLIENT;
	cf[1] &= ~(CF_LOCAL | CF_ACCEPT_LOCAL);
}

/* The pools both sides take from, made before allocations may fail */
static void pools_new(void)
{
	h.pool = ipcp_neg_pool_create(&fuzz_net, "pool");
	h.one = ipcp_neg_pool_create(&fuzz_net, "one");
	FUZZ_ASSERT(!IS_ERR(h.pool) && !IS_ERR(h.one));
	FUZZ_ASSERT(!ipcp_neg_pool_add_range(h.pool, POOL_FIRST, POOL_LAST));
	FUZZ_ASSERT(!ipcp_neg_pool_add_range(h.one, POOL_ONE, POOL_ONE));
	FUZZ_ASSERT(!ipcp_neg_pool_set_next(h.pool, h.one));
}

static void pools_free(void)
{
	ipcp_neg_pair_uninit(&pair);
	FUZZ_ASSERT(!ipcp_neg_pool_delete(&fuzz_net, "pool"));
	FUZZ_ASSERT(!ipcp_neg_pool_delete(&fuzz_net, "one"));
	ipcp_neg_pool_put(h.pool);
	ipcp_neg_pool_put(h.one);
	fuzz_rcu_quiesce();
}

/* The pools count exactly the addresses the leases hold */
static void check_pools(void)
{
	u32 total, used, used_one;

	ipcp_neg_pool_usage(h.pool, &total, &used);
	ipcp_neg_pool_usage(h.one, &total, &used_one);
	FUZZ_ASSERT(used + used_one ==
		    !!pair.s[0].lease.addr + !!pair.s[1].lease.addr);
}

/* A's or B's engine, with a lease on the pool its address source says */
static void setup_side(unsigned int i, u8 cf, u8 lf, u8 ff)
{
	struct ipcp_neg_pair_side *s = &pair.s[i];
	struct ipcp_neg_pool *p = NULL;

	h.assign_mode[i] = (lf & LF_ASSIGN) >> 5;
	if (h.assign_mode[i] == ASSIGN_POOL)
		p = h.pool;
	else if (h.assign_mode[i] == ASSIGN_ONE)
		p = h.one;
	if (p)
		ipcp_neg_pool_hold(p);
	/* ASSIGN_NONE and ASSIGN_FAIL: a lease with no pool, as link.c's */
	ipcp_neg_pair_side_init(s, cf & CF_CLIENT ? IPCP_NEG_IPCP_CLIENT :
				IPCP_NEG_IPCP_SERVER, p);
	conf_ipcp(s, cf, !i);
	conf_lcp(s, lf);
	conf_fsm(&s->e.lcp.fsm, ff);
	conf_fsm(&s->e.ipcp.fsm, ff);
	if (h.live)	/* distinct magic numbers: no false loopback */
		s->e.lcp.magic_next = i ? 0x2000 : 0x1000;
}

static void setup(struct fuzz_in *in)
{
	u8 cf[2], lf[2], ff, mf;
	u32 tape[FUZZ_RANDOM_TAPE], kmem;
	int i;

	cf[0] = fuzz_u8(in);
	cf[1] = fuzz_u8(in);
	lf[0] = fuzz_u8(in);
	lf[1] = fuzz_u8(in);
	ff = fuzz_u8(in);
	mf = fuzz_u8(in);
	for (i = 0; i < FUZZ_RANDOM_TAPE; i++)
		tape[i] = fuzz_u32(in);
	kmem = fuzz_u32(in);
	memset(&h, 0, offsetof(typeof(h), in));
	pools_new();
	h.assign_fail = fuzz_u32(in);
	h.live = ff & FF_LIVE;
	if (h.live) {
		conf_live(cf, lf);
		h.assign_fail = 0;
		mf = 0;
	}
	fuzz_random_seed(tape, tape[2] ^ tape[3]);
	ipcp_neg_pair_init(&pair, &h_ops, NULL);
	for (i = 0; i < 2; i++)
		setup_side(i, cf[i], lf[i], ff);
	fuzz_kmem_fail_pattern(mf & MF_KMEM ? kmem : 0);
	if (!(mf & MF_NO_START_A))
		ipcp_neg_engine_start(&pair.s[0].e);
	if (!(mf & MF_NO_START_B))
		ipcp_neg_engine_start(&pair.s[1].e);
}

/* ---- operations ---- */

static void q_dup(struct ipcp_neg_pair_side *s)
{
	struct ipcp_neg_pair_pkt *p = ipcp_neg_pair_peek(s, 0);

	if (p && s->qlen < IPCP_NEG_PAIR_QLEN)
		ipcp_neg_pair_enqueue(s, p);
}

static void q_corrupt(struct ipcp_neg_pair_side *s, struct fuzz_in *in)
{
	u8 pos = fuzz_u8(in), x = fuzz_u8(in);
	struct ipcp_neg_pair_pkt *p = ipcp_neg_pair_peek(s, 0);

	if (p && p->len)
		p->data[pos % p->len] ^= x;
}

static void fire(struct ipcp_neg_pair_side *s, unsigned int t, bool spurious)
{
	if (s->armed[t] || spurious)
		ipcp_neg_pair_expire(s, t);
}

static bool pump_done(const struct ipcp_neg_pair *p)
{
	return p->timeouts - h.pump_t0 > PUMP_TIMERS;
}

/* Deliver everything, firing timers when idle, bounded */
static void pump(void)
{
	h.pump_t0 = pair.timeouts;
	ipcp_neg_pair_run(&pair, PUMP_STEPS, pump_done);
}

static void inject(struct ipcp_neg_pair_side *s, struct fuzz_in *in, u8 arg)
{
	static const u16 protos[] = {
		IPCP_NEG_PROTO_LCP, IPCP_NEG_PROTO_IPCP, IPCP_NEG_PROTO_IP
	};
	struct ipcp_neg_pair_pkt *p = &h.in;
	unsigned int len;

	p->proto = (arg & 3) < 3 ? protos[arg & 3] : fuzz_u16(in);
	if (arg & 4) {
		p->data[0] = fuzz_u8(in);
		p->data[1] = fuzz_u8(in);
		len = fuzz_u8(in);
		len = fuzz_bytes(in, p->data + IPCP_NEG_HDRLEN, len);
		p->len = IPCP_NEG_HDRLEN + len;
		put_unaligned_be16(p->len, p->data + 2);
	} else {
		len = fuzz_u16(in) % (FUZZ_MAX_PKT + 1);
		p->len = fuzz_bytes(in, p->data, len);
	}
	feed(s, p);
}

static void reject_proto(struct ipcp_neg_pair_side *s, struct fuzz_in *in)
{
	u16 proto = fuzz_u16(in);
	unsigned int len = fuzz_u16(in) % 2048;
	static u8 buf[2048];
	u8 *info;

	memset(buf, 0x3c, len);
	fuzz_bytes(in, buf, len);
	info = fuzz_dup(buf, len);
	ipcp_neg_engine_reject_proto(&s->e, proto, info, len);
	free(info);
}

static void lower_down(struct ipcp_neg_pair_side *s, u8 arg)
{
	ipcp_neg_engine_lower_down(&s->e);
	if (!(arg & 1))
		return;
	ipcp_neg_engine_lower_down(&ipcp_neg_pair_peer(s)->e);
	ipcp_neg_pair_flush(&pair);
}

static void op_run(struct ipcp_neg_pair_side *s, u8 op, struct fuzz_in *in)
{
	u8 arg = op >> 4 & 7;

	switch (op & 0x0f) {
	case 2:
		ipcp_neg_pair_drop(s);
		break;
	case 3:
		q_dup(s);
		break;
	case 4:
		q_corrupt(s, in);
		break;
	case 5:
		inject(s, in, arg);
		break;
	case 6:
		fire(s, arg & 1, arg & 2);
		break;
	case 7:
		pump();
		break;
	case 8:
		ipcp_neg_engine_start(&s->e);
		break;
	case 9:
		ipcp_neg_engine_stop(&s->e);
		break;
	case 10:
		lower_down(s, arg);
		break;
	case 11:
		ipcp_neg_engine_renegotiate_ipcp(&s->e);
		break;
	case 12:
		ipcp_neg_lcp_send_echo(&s->e.lcp);
		break;
	case 13:
		reject_proto(s, in);
		break;
	case 14:
		ipcp_neg_pair_swap(s, 0, 1);
		break;
	default:
		ipcp_neg_pair_deliver(s);
	}
}

/* Liveness mode: only the order of delivery is the input's */
static void op_live(struct ipcp_neg_pair_side *s)
{
	pair.turn = side_idx(s);
	ipcp_neg_pair_step(&pair);
}

/* ---- checks ---- */

static void trace(u8 op)
{
	const struct ipcp_neg_engine *a = &pair.s[0].e, *b = &pair.s[1].e;

	fuzz_log("op %02x: A %s/%s, B %s/%s, queued %u/%u", op,
		 ipcp_neg_fsm_state_name(a->lcp.fsm.state),
		 ipcp_neg_fsm_state_name(a->ipcp.fsm.state),
		 ipcp_neg_fsm_state_name(b->lcp.fsm.state),
		 ipcp_neg_fsm_state_name(b->ipcp.fsm.state),
		 pair.s[0].qlen, pair.s[1].qlen);
}

static void check_side(struct ipcp_neg_pair_side *s)
{
	struct ipcp_neg_engine *e = &s->e;
	bool lcp_open = e->lcp.fsm.state == IPCP_NEG_ST_OPENED;

	fuzz_check_fsm(&e->lcp.fsm, s->armed[IPCP_NEG_PAIR_T_LCP]);
	fuzz_check_fsm(&e->ipcp.fsm, s->armed[IPCP_NEG_PAIR_T_IPCP]);
	FUZZ_ASSERT((s->ups != s->downs) == e->ip_up);
	FUZZ_ASSERT(e->ip_up == (e->ipcp.fsm.state == IPCP_NEG_ST_OPENED));
	FUZZ_ASSERT(ipcp_neg_engine_ip_ok(e) == e->ip_up);
	FUZZ_ASSERT(lcp_open == (e->ipcp.fsm.state >= IPCP_NEG_ST_CLOSED));
	FUZZ_ASSERT(e->lcp.fsm.peer_mru >= IPCP_NEG_MIN_MRU);
	FUZZ_ASSERT(e->lcp.fsm.peer_mru == e->lcp.his.mru);
	if (lcp_open)
		FUZZ_ASSERT(e->ipcp.fsm.peer_mru == e->lcp.fsm.peer_mru);
	FUZZ_ASSERT(strcmp(ipcp_neg_engine_reason_name(e->reason), "?"));
}

/*
 * Both sides, and what the pair saw: ipcp_up()/ipcp_down() in turn, a
 * server up with the address it holds, no packet over FUZZ_MAX_PKT
 */
static void check_pair(void)
{
	check_side(&pair.s[0]);
	check_side(&pair.s[1]);
	FUZZ_ASSERT(!pair.errors);
	FUZZ_ASSERT(!pair.too_long);
}

static void check_live(void)
{
	const struct ipcp_neg_engine *a = &pair.s[0].e, *b = &pair.s[1].e;
	u16 mru = b->lcp.conf.mru;
	int i;

	if (!a->ip_up || !b->ip_up)
		fuzz_fail("liveness: IPCP not up: A %s/%s, B %s/%s",
			  ipcp_neg_fsm_state_name(a->lcp.fsm.state),
			  ipcp_neg_fsm_state_name(a->ipcp.fsm.state),
			  ipcp_neg_fsm_state_name(b->lcp.fsm.state),
			  ipcp_neg_fsm_state_name(b->ipcp.fsm.state));
	FUZZ_ASSERT(a->ipcp.peer == b->ipcp.local);
	FUZZ_ASSERT(b->ipcp.peer == a->ipcp.conf.local);
	for (i = IPCP_NEG_IPCP_O_DNS1; i < IPCP_NEG_IPCP_O_COUNT; i++) {
		bool asked = i == IPCP_NEG_IPCP_O_DNS1 ||
			     i == IPCP_NEG_IPCP_O_DNS2 ?
			     b->ipcp.conf.req_dns : b->ipcp.conf.req_nbns;

		FUZZ_ASSERT(b->ipcp.srv[i] ==
			    (asked ? a->ipcp.conf.srv[i] : 0));
	}
	if (!mru || mru == IPCP_NEG_DEFAULT_MRU)
		mru = IPCP_NEG_DEFAULT_MRU;
	FUZZ_ASSERT(a->lcp.fsm.peer_mru == max_t(u16, mru, IPCP_NEG_MIN_MRU));
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in;
	struct ipcp_neg_pair_side *s;
	u8 op;

	fuzz_start(&in, data, size);
	setup(&in);
	while (in.left) {
		op = fuzz_u8(&in);
		s = &pair.s[op >> 7];
		if (h.live)
			op_live(s);
		else
			op_run(s, op, &in);
		trace(op);
		check_pair();
		check_pools();
	}
	if (h.live) {
		pump();
		check_pair();
		check_live();
	}
	fuzz_kmem_fail_pattern(0);
	pools_free();
	FUZZ_ASSERT(fuzz_kmem_live == 0);
	return 0;
}
