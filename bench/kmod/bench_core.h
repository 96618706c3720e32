/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The loops the benchmarks time, shared by the kernel bench module
 * (bench.c) and its user-space twin (../user/bench_user.c, over the shim
 * of src/tests/shim): two engines back to back negotiating (the pair of
 * src/tests/pair.h), and address pool churn.
 * They take no time themselves: the callers time them with their own clock.
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

void ipcp_neg_bench_init(struct ipcp_neg_pair *bp);
int ipcp_neg_bench_negotiate(struct ipcp_neg_pair *bp);

int ipcp_neg_bench_pool_fill(struct ipcp_neg_pool *p, __be32 *ring,
			     u32 n);
int ipcp_neg_bench_pool_churn(struct ipcp_neg_pool *p, __be32 *ring,
			      u32 n, u32 iters, bool random);
void ipcp_neg_bench_pool_drain(struct ipcp_neg_pool *p, __be32 *ring,
			       u32 n);

#endif /* _IPCP_NEG_BENCH_CORE_H */
