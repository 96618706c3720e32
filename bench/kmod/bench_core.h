/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The loops the benchmarks time, shared by the kernel bench module
 * (bench.c) and its user-space twin (../user/bench_user.c, over the shim
 * of src/tests/shim): two engines back to back negotiating (the pair of
 * src/tests/pair.h), and address pool churn.
 * ipcp_neg_bench_run() runs them all and reports each figure, timed with
 * the caller's clock, through the caller's callbacks.
 *
 * Single-threaded: the caller serialises every call on one pair or pool
 * run, as the link glue does for an engine.
 */
#ifndef _IPCP_NEG_BENCH_CORE_H
#define _IPCP_NEG_BENCH_CORE_H

#include <linux/types.h>

#include "tests/pair.h"

struct ipcp_neg_pool;

/* Deliveries allowed to one phase (start or stop) of one negotiation */
#define IPCP_NEG_BENCH_STEPS	256

struct net;

/**
 * struct ipcp_neg_bench_env - what the kernel module and the user-space
 *	program give ipcp_neg_bench_run()
 * @prefix: the figures' key prefix ("kernel", "user")
 * @net: the namespace of the pools (of the initial user namespace)
 * @n: negotiations per engine run
 * @pool_ops: release+take pairs per pool figure
 * @ring: leases held while churning a pool
 * @reps: runs of each timed loop; the fastest is reported
 * @full8: also fill the /8 completely for its full-pool figure
 * @now_ns: the clock, in nanoseconds
 * @alloc: memory for the pair and the lease tables (up to 64 MiB)
 * @free: gives @alloc's back
 * @figure: print one figure: key, value, unit
 * @error: report what broke
 * @idle: called between batches of negotiations and after each pool, or
 *	NULL
 */
struct ipcp_neg_bench_env {
	const char *prefix;
	struct net *net;
	u32 n;
	u32 pool_ops;
	u32 ring;
	u32 reps;
	bool full8;
	u64 (*now_ns)(void);
	void *(*alloc)(size_t size);
	void (*free)(void *p);
	void (*figure)(const char *key, u64 value, const char *unit);
	void (*error)(const char *msg);
	void (*idle)(void);
};

void ipcp_neg_bench_init(struct ipcp_neg_pair *bp);
int ipcp_neg_bench_negotiate(struct ipcp_neg_pair *bp);

int ipcp_neg_bench_pool_fill(struct ipcp_neg_pool *p, __be32 *ring,
			     u32 n);
int ipcp_neg_bench_pool_churn(struct ipcp_neg_pool *p, __be32 *ring,
			      u32 n, u32 iters, bool random);
void ipcp_neg_bench_pool_drain(struct ipcp_neg_pool *p, __be32 *ring,
			       u32 n);

int ipcp_neg_bench_run(const struct ipcp_neg_bench_env *env);

#endif /* _IPCP_NEG_BENCH_CORE_H */
