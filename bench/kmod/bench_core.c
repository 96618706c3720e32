// SPDX-License-Identifier: GPL-2.0
/*
 * The loops the benchmarks time (see bench_core.h). The same file builds
 * into the kernel bench module and, over the fuzz shim, into the user-space
 * benchmark, so both run exactly the same code around the module's engine
 * and pool sources.
 *
 * A negotiation: both engines are initialised (server: fixed addresses and
 * a DNS server to hand out; client: asks for its address and DNS), started,
 * and their packets delivered alternately until both have IPCP Opened with
 * the expected addresses; then both are stopped and the Terminate exchange
 * delivered until both finished(). What one engine transmits is queued for
 * the other and delivered from this loop, never from inside the xmit
 * callback, so no engine is re-entered.
 */

#include <linux/container_of.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "compat.h"
#include "addr_pool.h"
#include "bench_core.h"

#define BENCH_ADDR(a, b, c, d)	htonl((a) << 24 | (b) << 16 | (c) << 8 | (d))
#define BENCH_SERVER_ADDR	BENCH_ADDR(10, 0, 0, 1)
#define BENCH_CLIENT_ADDR	BENCH_ADDR(10, 0, 0, 2)
#define BENCH_DNS_ADDR		BENCH_ADDR(10, 0, 0, 53)

static struct ipcp_neg_bench_side *bench_side(struct ipcp_neg_engine *e)
{
	return container_of(e, struct ipcp_neg_bench_side, e);
}

static struct ipcp_neg_bench_pair *bench_pair(struct ipcp_neg_bench_side *s)
{
	return s->e.priv;
}

static struct ipcp_neg_bench_side *bench_peer(struct ipcp_neg_bench_side *s)
{
	struct ipcp_neg_bench_pair *bp = bench_pair(s);

	return s == &bp->s[0] ? &bp->s[1] : &bp->s[0];
}

static void bench_xmit(struct ipcp_neg_engine *e, u16 proto, u8 code, u8 id,
		       const u8 *data, unsigned int len)
{
	struct ipcp_neg_bench_side *to = bench_peer(bench_side(e));
	struct ipcp_neg_bench_pkt *p;

	if (to->qlen == IPCP_NEG_BENCH_QLEN ||
	    len > IPCP_NEG_BENCH_PKT - IPCP_NEG_HDRLEN) {
		bench_pair(to)->lost++;
		return;
	}
	p = &to->q[(to->qhead + to->qlen++) % IPCP_NEG_BENCH_QLEN];
	p->proto = proto;
	p->len = IPCP_NEG_HDRLEN + len;
	p->data[0] = code;
	p->data[1] = id;
	put_unaligned_be16(p->len, p->data + 2);
	if (len)
		memcpy(p->data + IPCP_NEG_HDRLEN, data, len);
}

static void bench_timer_start(struct ipcp_neg_engine *e, u16 proto,
			      unsigned int ms)
{
	bench_side(e)->timer[proto != IPCP_NEG_PROTO_LCP] = true;
}

static void bench_timer_stop(struct ipcp_neg_engine *e, u16 proto)
{
	bench_side(e)->timer[proto != IPCP_NEG_PROTO_LCP] = false;
}

static void bench_ipcp_up(struct ipcp_neg_engine *e)
{
	bench_side(e)->up = true;
}

static void bench_ipcp_down(struct ipcp_neg_engine *e)
{
	bench_side(e)->up = false;
}

static void bench_finished(struct ipcp_neg_engine *e)
{
	bench_side(e)->finished = true;
}

static const struct ipcp_neg_engine_ops bench_ops = {
	.xmit = bench_xmit,
	.timer_start = bench_timer_start,
	.timer_stop = bench_timer_stop,
	.ipcp_up = bench_ipcp_up,
	.ipcp_down = bench_ipcp_down,
	.finished = bench_finished,
};

static void bench_side_init(struct ipcp_neg_bench_pair *bp, unsigned int i)
{
	struct ipcp_neg_bench_side *s = &bp->s[i];

	s->qhead = 0;
	s->qlen = 0;
	s->timer[0] = false;
	s->timer[1] = false;
	s->up = false;
	s->finished = false;
	ipcp_neg_engine_init(&s->e, &bench_ops,
			     i ? IPCP_NEG_IPCP_CLIENT : IPCP_NEG_IPCP_SERVER,
			     bp);
	if (i) {
		s->e.ipcp.conf.req_dns = true;
	} else {
		s->e.ipcp.conf.local = BENCH_SERVER_ADDR;
		s->e.ipcp.conf.remote = BENCH_CLIENT_ADDR;
		s->e.ipcp.conf.srv[IPCP_NEG_IPCP_O_DNS1] = BENCH_DNS_ADDR;
	}
}

/* Deliver the first packet queued for @s; false if there is none */
static bool bench_deliver(struct ipcp_neg_bench_pair *bp,
			  struct ipcp_neg_bench_side *s)
{
	struct ipcp_neg_bench_pkt *p;

	if (!s->qlen)
		return false;
	p = &s->q[s->qhead];
	/* the engine's output goes to the peer's queue, never to this one */
	ipcp_neg_engine_input(&s->e, p->proto, p->data, p->len);
	s->qhead = (s->qhead + 1) % IPCP_NEG_BENCH_QLEN;
	s->qlen--;
	bp->packets++;
	return true;
}

/* Nothing in flight: fire an armed restart timer, if any */
static bool bench_fire_timer(struct ipcp_neg_bench_pair *bp)
{
	unsigned int i, t;

	for (i = 0; i < 2; i++) {
		for (t = 0; t < 2; t++) {
			if (!bp->s[i].timer[t])
				continue;
			bp->s[i].timer[t] = false;
			bp->timeouts++;
			ipcp_neg_engine_timeout(&bp->s[i].e, t ?
						IPCP_NEG_PROTO_IPCP :
						IPCP_NEG_PROTO_LCP);
			return true;
		}
	}
	return false;
}

/* Deliver alternately until @done holds or nothing moves; 0 if @done */
static int bench_pump(struct ipcp_neg_bench_pair *bp,
		      bool (*done)(const struct ipcp_neg_bench_pair *bp))
{
	unsigned int step;
	bool moved;

	for (step = 0; step < IPCP_NEG_BENCH_STEPS; step++) {
		if (done(bp))
			return 0;
		moved = bench_deliver(bp, &bp->s[step & 1]);
		moved |= bench_deliver(bp, &bp->s[!(step & 1)]);
		if (!moved && !bench_fire_timer(bp))
			break;
	}
	return done(bp) ? 0 : -EIO;
}

static bool bench_opened(const struct ipcp_neg_bench_pair *bp)
{
	const struct ipcp_neg_bench_side *srv = &bp->s[0], *cli = &bp->s[1];

	return srv->up && cli->up &&
	       srv->e.ipcp.fsm.state == IPCP_NEG_ST_OPENED &&
	       cli->e.ipcp.fsm.state == IPCP_NEG_ST_OPENED;
}

static bool bench_finished_both(const struct ipcp_neg_bench_pair *bp)
{
	return bp->s[0].finished && bp->s[1].finished;
}

/* The results a real link would apply: addresses and DNS as configured */
static bool bench_results_ok(const struct ipcp_neg_bench_pair *bp)
{
	const struct ipcp_neg_ipcp *srv = &bp->s[0].e.ipcp;
	const struct ipcp_neg_ipcp *cli = &bp->s[1].e.ipcp;

	return srv->peer == BENCH_CLIENT_ADDR &&
	       cli->local == BENCH_CLIENT_ADDR &&
	       cli->peer == BENCH_SERVER_ADDR &&
	       cli->srv[IPCP_NEG_IPCP_O_DNS1] == BENCH_DNS_ADDR;
}

/**
 * ipcp_neg_bench_negotiate - one full negotiation of two fresh engines
 * @bp: the pair; its engines are (re)initialised here
 *
 * Init and start both engines, deliver until both have IPCP Opened with the
 * configured addresses and DNS server, stop both and deliver until both
 * finished(). @bp->packets counts the packets delivered.
 *
 * Return: 0; -EIO if either phase did not complete or the results are not
 * the configured ones.
 */
int ipcp_neg_bench_negotiate(struct ipcp_neg_bench_pair *bp)
{
	bench_side_init(bp, 0);
	bench_side_init(bp, 1);
	ipcp_neg_engine_start(&bp->s[0].e);
	ipcp_neg_engine_start(&bp->s[1].e);
	if (bench_pump(bp, bench_opened) || !bench_results_ok(bp))
		return -EIO;
	ipcp_neg_engine_stop(&bp->s[0].e);
	ipcp_neg_engine_stop(&bp->s[1].e);
	return bench_pump(bp, bench_finished_both);
}

/**
 * ipcp_neg_bench_pool_fill - lease @n addresses of a pool
 * @p: the pool, held by the caller
 * @ring: where the addresses go, room for @n
 * @n: how many
 *
 * Return: 0; -ENOSPC if the pool ran out first (what was leased stays in
 * @ring, zeroes after it).
 */
int ipcp_neg_bench_pool_fill(struct ipcp_neg_pool *p, __be32 *ring, u32 n)
{
	struct ipcp_neg_pool *owner;
	u32 i;

	memset(ring, 0, n * sizeof(*ring));
	for (i = 0; i < n; i++) {
		ring[i] = ipcp_neg_pool_take_any(p, &owner);
		if (!ring[i])
			return -ENOSPC;
	}
	return 0;
}

/* xorshift32: the same cheap sequence in the kernel and in user space */
static u32 bench_next_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

/**
 * ipcp_neg_bench_pool_churn - release and take again, @iters times
 * @p: the pool, held by the caller, with the @n leases of @ring
 * @ring: the addresses leased (ipcp_neg_bench_pool_fill())
 * @n: how many, at least 1
 * @iters: release+take pairs to run
 * @random: release a random lease of @ring (a full pool: the next-fit
 *	search has to find the one free address); otherwise the oldest
 *	(first in, first out: links coming and going)
 *
 * Each iteration is one ipcp_neg_pool_release() and one
 * ipcp_neg_pool_take_any(): two pool operations.
 *
 * Return: 0; -EIO if a release failed or a take found nothing.
 */
int ipcp_neg_bench_pool_churn(struct ipcp_neg_pool *p, __be32 *ring, u32 n,
			      u32 iters, bool random)
{
	struct ipcp_neg_pool *owner;
	u32 i, k, rnd = 2463534242u;

	for (i = 0; i < iters; i++) {
		k = random ? bench_next_rand(&rnd) % n : i % n;
		if (ipcp_neg_pool_release(p, ring[k]))
			return -EIO;
		ring[k] = ipcp_neg_pool_take_any(p, &owner);
		if (!ring[k])
			return -EIO;
	}
	return 0;
}

/**
 * ipcp_neg_bench_pool_drain - release every lease of @ring
 * @p: the pool, held by the caller
 * @ring: the addresses leased; zero entries are skipped
 * @n: entries in @ring
 */
void ipcp_neg_bench_pool_drain(struct ipcp_neg_pool *p, __be32 *ring, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		if (ring[i])
			ipcp_neg_pool_release(p, ring[i]);
}
