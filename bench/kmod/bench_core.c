// SPDX-License-Identifier: GPL-2.0
/*
 * The loops the benchmarks time (see bench_core.h). The same file builds
 * into the kernel bench module and, over the user-space shim
 * (src/tests/shim), into the user-space benchmark, so both run exactly the
 * same code around the module's engine and pool sources.
 *
 * A negotiation: both engines are initialised (server: fixed addresses and
 * a DNS server to hand out; client: asks for its address and DNS), started,
 * and their packets delivered alternately until both have IPCP Opened with
 * the expected addresses; then both are stopped and the Terminate exchange
 * delivered until both finished(). The two engines are the pair harness
 * the KUnit suites and the fuzz targets use too (src/tests/pair.c).
 */

#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/string.h>

#include "addr_pool.h"
#include "bench_core.h"
#include "tests/rand.h"

#define BENCH_ADDR(a, b, c, d)	htonl((a) << 24 | (b) << 16 | (c) << 8 | (d))
#define BENCH_SERVER_ADDR	BENCH_ADDR(10, 0, 0, 1)
#define BENCH_CLIENT_ADDR	BENCH_ADDR(10, 0, 0, 2)
#define BENCH_DNS_ADDR		BENCH_ADDR(10, 0, 0, 53)

static void bench_side_init(struct ipcp_neg_pair *p, unsigned int i)
{
	struct ipcp_neg_pair_side *s = &p->s[i];

	ipcp_neg_pair_side_init(s, i ? IPCP_NEG_IPCP_CLIENT :
				IPCP_NEG_IPCP_SERVER, NULL);
	if (i) {
		s->e.ipcp.conf.req_dns = true;
	} else {
		s->e.ipcp.conf.local = BENCH_SERVER_ADDR;
		s->e.ipcp.conf.remote = BENCH_CLIENT_ADDR;
		s->e.ipcp.conf.srv[IPCP_NEG_IPCP_O_DNS1] = BENCH_DNS_ADDR;
	}
}

static bool bench_opened(const struct ipcp_neg_pair *p)
{
	const struct ipcp_neg_pair_side *srv = &p->s[0], *cli = &p->s[1];

	return srv->e.ip_up && cli->e.ip_up &&
	       srv->e.ipcp.fsm.state == IPCP_NEG_ST_OPENED &&
	       cli->e.ipcp.fsm.state == IPCP_NEG_ST_OPENED;
}

static bool bench_finished_both(const struct ipcp_neg_pair *p)
{
	return p->s[0].finished && p->s[1].finished;
}

/* The results a real link would apply: addresses and DNS as configured */
static bool bench_results_ok(const struct ipcp_neg_pair *p)
{
	const struct ipcp_neg_ipcp *srv = &p->s[0].e.ipcp;
	const struct ipcp_neg_ipcp *cli = &p->s[1].e.ipcp;

	return srv->peer == BENCH_CLIENT_ADDR &&
	       cli->local == BENCH_CLIENT_ADDR &&
	       cli->peer == BENCH_SERVER_ADDR &&
	       cli->srv[IPCP_NEG_IPCP_O_DNS1] == BENCH_DNS_ADDR;
}

/**
 * ipcp_neg_bench_init - a pair for ipcp_neg_bench_negotiate()
 * @bp: the pair, zeroed or not
 */
void ipcp_neg_bench_init(struct ipcp_neg_pair *bp)
{
	ipcp_neg_pair_init(bp, NULL, NULL);
}

/**
 * ipcp_neg_bench_negotiate - one full negotiation of two fresh engines
 * @bp: the pair (ipcp_neg_bench_init()); its engines are (re)initialised
 *	here
 *
 * Init and start both engines, deliver until both have IPCP Opened with the
 * configured addresses and DNS server, stop both and deliver until both
 * finished(). @bp->packets counts the packets delivered, @bp->lost those
 * that found no room, @bp->timeouts the restart timers that had to fire.
 *
 * Return: 0; -EIO if either phase did not complete or the results are not
 * the configured ones.
 */
int ipcp_neg_bench_negotiate(struct ipcp_neg_pair *bp)
{
	bench_side_init(bp, 0);
	bench_side_init(bp, 1);
	ipcp_neg_pair_start(bp);
	if (ipcp_neg_pair_run(bp, IPCP_NEG_BENCH_STEPS, bench_opened) ||
	    !bench_results_ok(bp))
		return -EIO;
	ipcp_neg_engine_stop(&bp->s[0].e);
	ipcp_neg_engine_stop(&bp->s[1].e);
	if (ipcp_neg_pair_run(bp, IPCP_NEG_BENCH_STEPS, bench_finished_both) ||
	    bp->errors)
		return -EIO;
	return 0;
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
		k = random ? ipcp_neg_test_rand(&rnd) % n : i % n;
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

/* @count events in @ns nanoseconds, per second */
static u64 bench_rate(u64 count, u64 ns)
{
	return ns ? div64_u64(count * 1000000000ULL, ns) : 0;
}

static void bench_figure(const struct ipcp_neg_bench_env *env,
			 const char *what, u64 value, const char *unit)
{
	char key[96];

	snprintf(key, sizeof(key), "%s_%s", env->prefix, what);
	env->figure(key, value, unit);
}

/* The fastest of env->reps runs of env->n negotiations */
static int bench_engine(const struct ipcp_neg_bench_env *env)
{
	struct ipcp_neg_pair *bp = env->alloc(sizeof(*bp));
	unsigned int i = 0, rep;
	u64 t0, ns = 0;
	char msg[64];
	int err = 0;

	if (!bp)
		return -ENOMEM;
	ipcp_neg_bench_init(bp);
	for (rep = 0; rep < env->reps && !err; rep++) {
		t0 = env->now_ns();
		for (i = 0; i < env->n && !err; i++) {
			err = ipcp_neg_bench_negotiate(bp);
			if (env->idle && i % 256 == 255)
				env->idle();
		}
		t0 = env->now_ns() - t0;
		if (!rep || t0 < ns)
			ns = t0;
	}
	if (err) {
		snprintf(msg, sizeof(msg), "negotiation %u failed (lost %llu)",
			 i, (unsigned long long)bp->lost);
		env->error(msg);
	} else {
		bench_figure(env, "engine_negotiations", env->n, "count");
		bench_figure(env, "engine_ns", ns, "ns");
		bench_figure(env, "engine_neg_per_s", bench_rate(env->n, ns),
			     "negotiations/s");
		bench_figure(env, "engine_packets_per_neg",
			     div64_u64(bp->packets, (u64)env->n * env->reps),
			     "packets");
		bench_figure(env, "engine_timeouts", bp->timeouts, "count");
		bench_figure(env, "engine_struct_bytes",
			     sizeof(struct ipcp_neg_engine), "bytes");
	}
	env->free(bp);
	return err;
}

/* The fastest of env->reps runs of env->pool_ops release+take pairs */
static int bench_churn(const struct ipcp_neg_bench_env *env,
		       struct ipcp_neg_pool *p, __be32 *leases, u32 nr,
		       bool random, const char *key)
{
	char name[64];
	unsigned int rep;
	u64 t0, ns = 0;
	int err = 0;

	for (rep = 0; rep < env->reps && !err; rep++) {
		t0 = env->now_ns();
		err = ipcp_neg_bench_pool_churn(p, leases, nr, env->pool_ops,
						random);
		t0 = env->now_ns() - t0;
		if (!rep || t0 < ns)
			ns = t0;
	}
	if (err) {
		snprintf(name, sizeof(name), "%s: churn failed", key);
		env->error(name);
		return err;
	}
	snprintf(name, sizeof(name), "%s_ops_per_s", key);
	bench_figure(env, name, bench_rate(2ULL * env->pool_ops, ns), "ops/s");
	return 0;
}

/* Fill @p completely, then churn it with random releases */
static int bench_full(const struct ipcp_neg_bench_env *env,
		      struct ipcp_neg_pool *p, u32 total, const char *key)
{
	__be32 *leases = env->alloc((size_t)total * sizeof(*leases));
	char name[64];
	u64 t0, ns;
	int err;

	if (!leases)
		return -ENOMEM;
	t0 = env->now_ns();
	err = ipcp_neg_bench_pool_fill(p, leases, total);
	ns = env->now_ns() - t0;
	if (!err) {
		snprintf(name, sizeof(name), "%s_fill_takes_per_s", key);
		bench_figure(env, name, bench_rate(total, ns), "ops/s");
		snprintf(name, sizeof(name), "%s_full", key);
		err = bench_churn(env, p, leases, total, true, name);
	}
	ipcp_neg_bench_pool_drain(p, leases, total);
	env->free(leases);
	return err;
}

/* One pool of @prefix/@plen: memory, FIFO churn, optionally full churn */
static int bench_pool(const struct ipcp_neg_bench_env *env,
		      const char *pname, u32 prefix, u8 plen, bool full)
{
	struct ipcp_neg_pool *p;
	char key[32], name[64];
	u32 total, used;
	__be32 *leases;
	int err;

	p = ipcp_neg_pool_create(env->net, pname);
	if (IS_ERR(p))
		return PTR_ERR(p);
	err = ipcp_neg_pool_add_prefix(p, htonl(prefix), plen);
	if (err)
		goto out_delete;
	ipcp_neg_pool_usage(p, &total, &used);
	snprintf(key, sizeof(key), "pool%u", plen);
	snprintf(name, sizeof(name), "%s_addresses", key);
	bench_figure(env, name, total, "count");
	snprintf(name, sizeof(name), "%s_mem", key);
	bench_figure(env, name, ipcp_neg_pool_mem(p), "bytes");

	err = -ENOMEM;
	leases = env->alloc((size_t)env->ring * sizeof(*leases));
	if (!leases)
		goto out_delete;
	err = ipcp_neg_bench_pool_fill(p, leases, env->ring);
	if (!err) {
		snprintf(name, sizeof(name), "%s_fifo", key);
		err = bench_churn(env, p, leases, env->ring, false, name);
	}
	ipcp_neg_bench_pool_drain(p, leases, env->ring);
	env->free(leases);
	if (!err && full)
		err = bench_full(env, p, total, key);
out_delete:
	ipcp_neg_pool_delete(env->net, pname);
	ipcp_neg_pool_put(p);
	if (env->idle)
		env->idle();
	return err;
}

/**
 * ipcp_neg_bench_run - every benchmark, each figure reported once
 * @env: the caller's clock, memory, output and parameters
 *
 * The engine figure (env->n negotiations), then a /16 pool (10.0.0.0/16,
 * FIFO and full churn) and a /8 (11.0.0.0/8, FIFO, and full churn with
 * env->full8); last the figure "<prefix>_bench_ok". Keys are prefixed
 * with env->prefix.
 *
 * Return: 0, or the first error (reported through env->error).
 */
int ipcp_neg_bench_run(const struct ipcp_neg_bench_env *env)
{
	int err;

	err = bench_engine(env);
	if (!err)
		err = bench_pool(env, "bench16", 0x0a000000, 16, true);
	if (!err)
		err = bench_pool(env, "bench8", 0x0b000000, 8, env->full8);
	bench_figure(env, "bench_ok", !err, "bool");
	return err;
}
