// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target engine: two engines (src/engine.c, with src/fsm.c, lcp.c,
 * ipcp.c) back to back. What one transmits is queued for the other; the
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
#include "lease.h"
#include "params.h"
#include "shim.h"

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
#define QLEN		32
#define PUMP_STEPS	2000
#define PUMP_TIMERS	64

enum { ASSIGN_NONE, ASSIGN_POOL, ASSIGN_ONE, ASSIGN_FAIL };

static const u16 lf_mru[] = { 0, 1492, 296, 100 };

struct pkt {
	u16 proto;
	u16 len;
	u8 data[FUZZ_MAX_PKT];
};

/**
 * struct side - one engine and what its owner keeps
 * @e: the engine
 * @t: restart timers, LCP and IPCP
 * @ip_up: between ipcp_up() and ipcp_down()
 * @finished: finished() was called
 * @assign_mode: ASSIGN_*
 * @lease: the link's lease (src/lease.h)
 * @q: packets on their way to this side, a ring from @qhead
 * @qhead: the first
 * @qlen: how many
 */
struct side {
	struct ipcp_neg_engine e;
	struct fuzz_track t[2];
	bool ip_up;
	bool finished;
	u8 assign_mode;
	struct ipcp_neg_lease lease;
	struct pkt *q;
	unsigned int qhead;
	unsigned int qlen;
};

static struct {
	struct side s[2];
	struct ipcp_neg_pool *pool;	/* POOL_FIRST-POOL_LAST, then one */
	struct ipcp_neg_pool *one;	/* POOL_ONE */
	u32 assign_fail;
	unsigned int assign_calls;
	bool live;
	struct pkt in;
} h;

/* owned by the initial user namespace: its pools are not bounded */
static struct net fuzz_net = { .user_ns = &init_user_ns };

/*
 * params.c (module parameters) is not built here; the pool code asks for
 * this bound only for a namespace that fuzz_net is not
 */
unsigned int ipcp_neg_param_userns_pool_addrs(void)
{
	return IPCP_NEG_USERNS_POOL_ADDRS_DEFAULT;
}

/* The queues, outside h: cleared by setting their lengths to 0 */
static struct pkt queues[2][QLEN];

static struct side *side_of(struct ipcp_neg_engine *e)
{
	return container_of(e, struct side, e);
}

static struct side *peer_of(struct side *s)
{
	return s == &h.s[0] ? &h.s[1] : &h.s[0];
}

static struct pkt *q_at(struct side *s, unsigned int i)
{
	return &s->q[(s->qhead + i) % QLEN];
}

static struct ipcp_neg_fsm *fsm_of(struct ipcp_neg_engine *e, u16 proto)
{
	return proto == IPCP_NEG_PROTO_LCP ? &e->lcp.fsm : &e->ipcp.fsm;
}

static unsigned int proto_idx(u16 proto)
{
	return proto != IPCP_NEG_PROTO_LCP;
}

/* ---- the owner's callbacks ---- */

static void h_xmit(struct ipcp_neg_engine *e, u16 proto, u8 code, u8 id,
		   const u8 *data, unsigned int len)
{
	struct side *to = peer_of(side_of(e));
	u32 magic = e->lcp.got.neg_magic ? e->lcp.got.magic : 0;
	struct pkt *p;

	fuzz_check_tx(fsm_of(e, proto), proto, code, id, data, len, magic);
	if (to->qlen == QLEN)
		return;				/* lost */
	p = q_at(to, to->qlen++);
	p->proto = proto;
	p->len = IPCP_NEG_HDRLEN + len;
	p->data[0] = code;
	p->data[1] = id;
	put_unaligned_be16(p->len, p->data + 2);
	if (len)
		memcpy(p->data + IPCP_NEG_HDRLEN, data, len);
}

static void h_timer_start(struct ipcp_neg_engine *e, u16 proto,
			  unsigned int ms)
{
	struct fuzz_track *t = &side_of(e)->t[proto_idx(proto)];

	t->timer = true;
	t->ms = ms;
}

static void h_timer_stop(struct ipcp_neg_engine *e, u16 proto)
{
	side_of(e)->t[proto_idx(proto)].timer = false;
}

static bool addr_ok_or_0(__be32 a)
{
	return !a || ipcp_neg_ipcp_addr_ok(a);
}

static void h_ipcp_up(struct ipcp_neg_engine *e)
{
	struct side *s = side_of(e);
	const struct ipcp_neg_ipcp *ip = &e->ipcp;
	int i;

	FUZZ_ASSERT(!s->ip_up);
	FUZZ_ASSERT(ip->fail == IPCP_NEG_IPCP_FAIL_NONE);
	FUZZ_ASSERT(e->lcp.fsm.state == IPCP_NEG_ST_OPENED);
	FUZZ_ASSERT(!ip->local || ip->local != ip->peer);
	s->ip_up = true;
	if (ip->conf.role == IPCP_NEG_IPCP_CLIENT) {
		FUZZ_ASSERT(ipcp_neg_ipcp_addr_ok(ip->local));
		for (i = IPCP_NEG_IPCP_O_DNS1; i < IPCP_NEG_IPCP_O_COUNT; i++)
			FUZZ_ASSERT(addr_ok_or_0(ip->srv[i]));
		return;
	}
	FUZZ_ASSERT(ipcp_neg_ipcp_addr_ok(ip->peer));
	FUZZ_ASSERT(ip->peer != ip->conf.local);
	if (ip->conf.remote)
		FUZZ_ASSERT(ip->peer == ip->conf.remote);
	else if (s->assign_mode != ASSIGN_NONE)
		FUZZ_ASSERT(ip->peer == s->lease.addr);
}

static void h_ipcp_down(struct ipcp_neg_engine *e)
{
	struct side *s = side_of(e);

	FUZZ_ASSERT(s->ip_up);
	s->ip_up = false;
	ipcp_neg_lease_drop(&s->lease);
}

static void h_finished(struct ipcp_neg_engine *e)
{
	side_of(e)->finished = true;
}

/* src/link.c's assign(), with the failures the input asks for */
static int h_assign(struct ipcp_neg_engine *e, __be32 wanted, __be32 *out)
{
	struct side *s = side_of(e);
	unsigned int n = h.assign_calls++;

	if (s->assign_mode == ASSIGN_FAIL || (h.assign_fail & BIT(n % 32)))
		return -ENOSPC;
	return ipcp_neg_lease_assign(&s->lease, wanted, e->ipcp.conf.local,
				     out);
}

static const struct ipcp_neg_engine_ops h_ops = {
	.xmit = h_xmit,
	.timer_start = h_timer_start,
	.timer_stop = h_timer_stop,
	.ipcp_up = h_ipcp_up,
	.ipcp_down = h_ipcp_down,
	.finished = h_finished,
	.assign = h_assign,
};

static const struct ipcp_neg_engine_ops h_ops_fixed = {
	.xmit = h_xmit,
	.timer_start = h_timer_start,
	.timer_stop = h_timer_stop,
	.ipcp_up = h_ipcp_up,
	.ipcp_down = h_ipcp_down,
	.finished = h_finished,
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

static void conf_ipcp(struct side *s, u8 cf, bool a)
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

static void conf_lcp(struct side *s, u8 lf)
{
	struct ipcp_neg_lcp_conf *c = &s->e.lcp.conf;

	c->mru = lf_mru[lf & LF_MRU];
	c->req_accm = lf & LF_ACCM;
	c->accm = 0x000a0000;
	c->accept_pfc = lf & LF_PFC;
	c->accept_acfc = lf & LF_ACFC;
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
	int i;

	for (i = 0; i < 2; i++)
		ipcp_neg_lease_uninit(&h.s[i].lease);
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
		    !!h.s[0].lease.addr + !!h.s[1].lease.addr);
}

static void setup_lease(struct side *s)
{
	struct ipcp_neg_pool *p = NULL;

	if (s->assign_mode == ASSIGN_POOL)
		p = h.pool;
	else if (s->assign_mode == ASSIGN_ONE)
		p = h.one;
	if (p)
		ipcp_neg_pool_hold(p);
	ipcp_neg_lease_init(&s->lease, p);
}

static void setup_side(struct side *s, u8 cf, u8 lf, u8 ff, bool a)
{
	s->assign_mode = (lf & LF_ASSIGN) >> 5;
	setup_lease(s);
	ipcp_neg_engine_init(&s->e, s->assign_mode ? &h_ops : &h_ops_fixed,
			     cf & CF_CLIENT ? IPCP_NEG_IPCP_CLIENT :
					      IPCP_NEG_IPCP_SERVER, NULL);
	conf_ipcp(s, cf, a);
	conf_lcp(s, lf);
	conf_fsm(&s->e.lcp.fsm, ff);
	conf_fsm(&s->e.ipcp.fsm, ff);
	if (h.live)	/* distinct magic numbers: no false loopback */
		s->e.lcp.magic_next = a ? 0x1000 : 0x2000;
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
	for (i = 0; i < 2; i++) {
		h.s[i].q = queues[i];
		setup_side(&h.s[i], cf[i], lf[i], ff, !i);
	}
	fuzz_kmem_fail_pattern(mf & MF_KMEM ? kmem : 0);
	if (!(mf & MF_NO_START_A))
		ipcp_neg_engine_start(&h.s[0].e);
	if (!(mf & MF_NO_START_B))
		ipcp_neg_engine_start(&h.s[1].e);
}

/* ---- operations ---- */

static void feed(struct side *s, const struct pkt *p)
{
	u8 *pkt = fuzz_dup(p->data, p->len);

	fuzz_log(" rx %c %04x code %u id %u len %u", s == h.s ? 'A' : 'B',
		 p->proto, p->len ? pkt[0] : 0, p->len > 1 ? pkt[1] : 0,
		 p->len);
	fuzz_rx_begin(p->proto, pkt, p->len);
	ipcp_neg_engine_input(&s->e, p->proto, pkt, p->len);
	fuzz_rx_end();
	free(pkt);
}

static void q_pop(struct side *s)
{
	if (!s->qlen)
		return;
	s->qhead = (s->qhead + 1) % QLEN;
	s->qlen--;
}

static bool deliver(struct side *s)
{
	struct pkt *p = q_at(s, 0);

	if (!s->qlen)
		return false;
	h.in.proto = p->proto;
	h.in.len = p->len;
	memcpy(h.in.data, p->data, p->len);
	q_pop(s);
	feed(s, &h.in);
	return true;
}

static void q_dup(struct side *s)
{
	struct pkt *p = q_at(s, 0), *d = q_at(s, s->qlen);

	if (!s->qlen || s->qlen == QLEN)
		return;
	s->qlen++;
	d->proto = p->proto;
	d->len = p->len;
	memcpy(d->data, p->data, p->len);
}

static void q_swap(struct side *s)
{
	struct pkt *a = q_at(s, 0), *b = q_at(s, 1);

	if (s->qlen < 2)
		return;
	h.in = *a;
	*a = *b;
	*b = h.in;
}

static void q_corrupt(struct side *s, struct fuzz_in *in)
{
	u8 pos = fuzz_u8(in), x = fuzz_u8(in);
	struct pkt *p = q_at(s, 0);

	if (s->qlen && p->len)
		p->data[pos % p->len] ^= x;
}

static bool fire(struct side *s, unsigned int i, bool spurious)
{
	static const u16 protos[] = { IPCP_NEG_PROTO_LCP, IPCP_NEG_PROTO_IPCP };

	if (!s->t[i].timer && !spurious)
		return false;
	s->t[i].timer = false;
	ipcp_neg_engine_timeout(&s->e, protos[i]);
	return true;
}

/* The first armed timer of either side expires */
static bool fire_any(void)
{
	int i;

	for (i = 0; i < 4; i++)
		if (fire(&h.s[i / 2], i % 2, false))
			return true;
	return false;
}

static void pump(void)
{
	unsigned int steps, timers = 0;

	for (steps = 0; steps < PUMP_STEPS; steps++) {
		if (deliver(&h.s[steps % 2]) || deliver(&h.s[1 - steps % 2]))
			continue;
		if (timers++ == PUMP_TIMERS || !fire_any())
			break;
	}
}

static void inject(struct side *s, struct fuzz_in *in, u8 arg)
{
	static const u16 protos[] = {
		IPCP_NEG_PROTO_LCP, IPCP_NEG_PROTO_IPCP, IPCP_NEG_PROTO_IP
	};
	struct pkt *p = &h.in;
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

static void reject_proto(struct side *s, struct fuzz_in *in)
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

static void lower_down(struct side *s, u8 arg)
{
	ipcp_neg_engine_lower_down(&s->e);
	if (!(arg & 1))
		return;
	ipcp_neg_engine_lower_down(&peer_of(s)->e);
	h.s[0].qlen = 0;
	h.s[1].qlen = 0;
}

static void op_run(struct side *s, u8 op, struct fuzz_in *in)
{
	u8 arg = op >> 4 & 7;

	switch (op & 0x0f) {
	case 2:
		q_pop(s);
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
		q_swap(s);
		break;
	default:
		deliver(s);
	}
}

/* Liveness mode: only the order of delivery is the input's */
static void op_live(struct side *s)
{
	if (!deliver(s) && !deliver(peer_of(s)))
		fire_any();
}

/* ---- checks ---- */

static void trace(u8 op)
{
	const struct ipcp_neg_engine *a = &h.s[0].e, *b = &h.s[1].e;

	fuzz_log("op %02x: A %s/%s, B %s/%s, queued %u/%u", op,
		 ipcp_neg_fsm_state_name(a->lcp.fsm.state),
		 ipcp_neg_fsm_state_name(a->ipcp.fsm.state),
		 ipcp_neg_fsm_state_name(b->lcp.fsm.state),
		 ipcp_neg_fsm_state_name(b->ipcp.fsm.state),
		 h.s[0].qlen, h.s[1].qlen);
}

static void check_side(struct side *s)
{
	struct ipcp_neg_engine *e = &s->e;
	bool lcp_open = e->lcp.fsm.state == IPCP_NEG_ST_OPENED;

	fuzz_check_fsm(&e->lcp.fsm, &s->t[0]);
	fuzz_check_fsm(&e->ipcp.fsm, &s->t[1]);
	FUZZ_ASSERT(s->ip_up == e->ip_up);
	FUZZ_ASSERT(e->ip_up == (e->ipcp.fsm.state == IPCP_NEG_ST_OPENED));
	FUZZ_ASSERT(ipcp_neg_engine_ip_ok(e) == e->ip_up);
	FUZZ_ASSERT(lcp_open == (e->ipcp.fsm.state >= IPCP_NEG_ST_CLOSED));
	FUZZ_ASSERT(e->lcp.fsm.peer_mru >= IPCP_NEG_MIN_MRU);
	FUZZ_ASSERT(e->lcp.fsm.peer_mru == e->lcp.his.mru);
	if (lcp_open)
		FUZZ_ASSERT(e->ipcp.fsm.peer_mru == e->lcp.fsm.peer_mru);
	FUZZ_ASSERT(strcmp(ipcp_neg_engine_reason_name(e->reason), "?"));
}

static void check_live(void)
{
	const struct ipcp_neg_engine *a = &h.s[0].e, *b = &h.s[1].e;
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
	struct side *s;
	u8 op;

	fuzz_start(&in, data, size);
	setup(&in);
	while (in.left) {
		op = fuzz_u8(&in);
		s = &h.s[op >> 7];
		if (h.live)
			op_live(s);
		else
			op_run(s, op, &in);
		trace(op);
		check_side(&h.s[0]);
		check_side(&h.s[1]);
		check_pools();
	}
	if (h.live) {
		pump();
		check_side(&h.s[0]);
		check_side(&h.s[1]);
		check_live();
	}
	fuzz_kmem_fail_pattern(0);
	pools_free();
	FUZZ_ASSERT(fuzz_kmem_live == 0);
	return 0;
}
