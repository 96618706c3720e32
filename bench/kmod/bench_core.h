/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The loops the benchmarks time, shared by the kernel bench module
 * (bench.c) and its user-space twin (../user/bench_user.c, over the fuzz
 * shim): two engines back to back negotiating, and address pool churn.
 * They take no time themselves: the callers time them with their own clock.
 *
 * Single-threaded: the caller serialises every call on one pair or pool
 * run, as the link glue does for an engine.
 */
#ifndef _IPCP_NEG_BENCH_CORE_H
#define _IPCP_NEG_BENCH_CORE_H

#include <linux/types.h>

#include "engine.h"

struct ipcp_neg_pool;

/* Packets in flight towards one engine */
#define IPCP_NEG_BENCH_QLEN	16
/* Longest packet the queues carry (a clean negotiation sends < 64 bytes) */
#define IPCP_NEG_BENCH_PKT	128
/* Deliveries allowed to one phase (start or stop) of one negotiation */
#define IPCP_NEG_BENCH_STEPS	256

/**
 * struct ipcp_neg_bench_pkt - one control packet in flight
 * @proto: its PPP protocol
 * @len: bytes in @data, the 4-byte header included
 * @data: the packet from its Code field
 */
struct ipcp_neg_bench_pkt {
	u16 proto;
	u16 len;
	u8 data[IPCP_NEG_BENCH_PKT];
};

/**
 * struct ipcp_neg_bench_side - one engine and what its owner keeps
 * @e: the engine
 * @q: packets on their way to @e, a ring from @qhead
 * @qhead: the first of them
 * @qlen: how many
 * @timer: restart timers armed, LCP ([0]) and IPCP ([1])
 * @up: ipcp_up() was called and ipcp_down() not yet
 * @finished: finished() was called
 */
struct ipcp_neg_bench_side {
	struct ipcp_neg_engine e;
	struct ipcp_neg_bench_pkt q[IPCP_NEG_BENCH_QLEN];
	unsigned int qhead;
	unsigned int qlen;
	bool timer[2];
	bool up;
	bool finished;
};

/**
 * struct ipcp_neg_bench_pair - a server and a client back to back
 * @s: the server ([0]) and the client ([1])
 * @packets: packets delivered, all negotiations
 * @lost: packets that did not fit a queue or a slot (0 in a clean run)
 * @timeouts: restart timers fired to get a stalled run going (0 in a
 *	clean run: nothing is lost)
 */
struct ipcp_neg_bench_pair {
	struct ipcp_neg_bench_side s[2];
	u64 packets;
	u64 lost;
	u64 timeouts;
};

int ipcp_neg_bench_negotiate(struct ipcp_neg_bench_pair *bp);

int ipcp_neg_bench_pool_fill(struct ipcp_neg_pool *p, __be32 *ring,
			     u32 n);
int ipcp_neg_bench_pool_churn(struct ipcp_neg_pool *p, __be32 *ring,
			      u32 n, u32 iters, bool random);
void ipcp_neg_bench_pool_drain(struct ipcp_neg_pool *p, __be32 *ring,
			       u32 n);

#endif /* _IPCP_NEG_BENCH_CORE_H */
