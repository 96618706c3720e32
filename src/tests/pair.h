/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Two engines back to back, the one harness the KUnit engine suite
 * (engine_test.c), the fuzz target engine (fuzz/engine.c) and the
 * benchmarks (bench/kmod/bench_core.c, in the kernel and in user space)
 * share. It builds in the kernel and, over the user-space shim in shim/,
 * in user space.
 *
 * It wires the module's own code only: each side is a real engine
 * (engine.c) whose owner callbacks do what the link glue (link.c) does
 * with them, and nothing more. A server's peer address comes from
 * ipcp_neg_lease_assign() (lease.c) on the side's lease, which is given
 * back with ipcp_neg_lease_drop() when IPCP goes down; one set of engine
 * callbacks serves fixed and pool servers and clients, as link.c's does.
 *
 * What one engine transmits is queued for the other and delivered from the
 * caller's loop (ipcp_neg_pair_step(), ipcp_neg_pair_run()), never from
 * inside the xmit callback, so no engine is re-entered. Restart timers run
 * on a virtual clock: when nothing is in flight the clock jumps to the
 * earliest armed deadline and that timer fires.
 *
 * The owner may hook what goes onto the wire (to lose, duplicate, reorder
 * or check packets) and how a packet is fed (struct ipcp_neg_pair_ops).
 *
 * Single-threaded: the caller serialises every call on one pair, as the
 * link glue serialises the calls on one engine.
 */
#ifndef _IPCP_NEG_TESTS_PAIR_H
#define _IPCP_NEG_TESTS_PAIR_H

#include <linux/types.h>

#include "../engine.h"
#include "../lease.h"

/* Packets in flight towards one side */
#define IPCP_NEG_PAIR_QLEN	32
/* Longest packet the queues carry, header included; the fuzz build sets it */
#ifndef IPCP_NEG_PAIR_PKT
#define IPCP_NEG_PAIR_PKT	128
#endif
/* Timer index of each automaton */
#define IPCP_NEG_PAIR_T_LCP	0
#define IPCP_NEG_PAIR_T_IPCP	1

struct ipcp_neg_pair;

/**
 * struct ipcp_neg_pair_pkt - one control packet in flight
 * @proto: its PPP protocol
 * @len: bytes in @data, the 4-byte header included
 * @data: the packet from its Code field
 */
struct ipcp_neg_pair_pkt {
	u16 proto;
	u16 len;
	u8 data[IPCP_NEG_PAIR_PKT];
};

/**
 * struct ipcp_neg_pair_side - one engine and what its owner keeps
 * @e: the engine
 * @pair: the pair it belongs to
 * @lease: a server's lease (lease.h); without a pool for a fixed server
 *	or a client
 * @q: packets on their way to @e, a ring from @qhead
 * @qhead: the first of them
 * @qlen: how many
 * @armed: restart timers armed, by IPCP_NEG_PAIR_T_*
 * @ms: the time each was last armed with
 * @deadline: when each expires on the pair's clock
 * @ntx: packets @e transmitted
 * @ups: ipcp_up() calls
 * @downs: ipcp_down() calls
 * @finished: finished() calls
 */
struct ipcp_neg_pair_side {
	struct ipcp_neg_engine e;
	struct ipcp_neg_pair *pair;
	struct ipcp_neg_lease lease;
	struct ipcp_neg_pair_pkt q[IPCP_NEG_PAIR_QLEN];
	unsigned int qhead;
	unsigned int qlen;
	bool armed[2];
	unsigned int ms[2];
	u64 deadline[2];
	unsigned int ntx;
	unsigned int ups;
	unsigned int downs;
	unsigned int finished;
};

/**
 * struct ipcp_neg_pair_ops - the owner's hooks, each optional
 * @tx: a packet @from transmitted, in place of queuing it for the peer:
 *	the hook queues it (ipcp_neg_pair_enqueue()) as often as it likes
 * @rx: feed @p to @to's engine, in place of ipcp_neg_engine_input()
 * @up: after the pair's own bookkeeping of @s's ipcp_up()
 * @refuse: fault injection: true makes this assign() call of @s fail with
 *	-ENOSPC before the lease is asked
 */
struct ipcp_neg_pair_ops {
	void (*tx)(struct ipcp_neg_pair_side *from,
		   const struct ipcp_neg_pair_pkt *p);
	void (*rx)(struct ipcp_neg_pair_side *to,
		   const struct ipcp_neg_pair_pkt *p);
	void (*up)(struct ipcp_neg_pair_side *s);
	bool (*refuse)(struct ipcp_neg_pair_side *s);
};

/**
 * struct ipcp_neg_pair - a server ([0]) and a client ([1]) back to back
 * @s: the two sides (either may be given either role)
 * @ops: the owner's hooks, or NULL
 * @priv: the owner's pointer
 * @now: the virtual clock, in milliseconds
 * @turn: the side ipcp_neg_pair_step() tries first next time
 * @steps: deliveries and expiries of ipcp_neg_pair_run()
 * @packets: packets delivered
 * @timeouts: restart timers fired by the clock
 * @lost: packets that found a queue full
 * @too_long: packets longer than IPCP_NEG_PAIR_PKT (not queued)
 * @errors: broken rules of the glue: an ipcp_up() or ipcp_down() out of
 *	turn, or a server up with a peer address it does not hold
 */
struct ipcp_neg_pair {
	struct ipcp_neg_pair_side s[2];
	const struct ipcp_neg_pair_ops *ops;
	void *priv;
	u64 now;
	bool turn;
	unsigned int steps;
	u64 packets;
	u64 timeouts;
	u64 lost;
	u64 too_long;
	u64 errors;
};

void ipcp_neg_pair_init(struct ipcp_neg_pair *p,
			const struct ipcp_neg_pair_ops *ops, void *priv);
void ipcp_neg_pair_side_init(struct ipcp_neg_pair_side *s,
			     enum ipcp_neg_ipcp_role role,
			     struct ipcp_neg_pool *pool);
void ipcp_neg_pair_uninit(struct ipcp_neg_pair *p);
struct ipcp_neg_pair_side *ipcp_neg_pair_peer(struct ipcp_neg_pair_side *s);
void ipcp_neg_pair_start(struct ipcp_neg_pair *p);
bool ipcp_neg_pair_enqueue(struct ipcp_neg_pair_side *to,
			   const struct ipcp_neg_pair_pkt *pkt);
struct ipcp_neg_pair_pkt *ipcp_neg_pair_peek(struct ipcp_neg_pair_side *s,
					     unsigned int i);
void ipcp_neg_pair_swap(struct ipcp_neg_pair_side *s, unsigned int i,
			unsigned int j);
bool ipcp_neg_pair_drop(struct ipcp_neg_pair_side *s);
bool ipcp_neg_pair_deliver(struct ipcp_neg_pair_side *s);
void ipcp_neg_pair_flush(struct ipcp_neg_pair *p);
void ipcp_neg_pair_expire(struct ipcp_neg_pair_side *s, unsigned int t);
bool ipcp_neg_pair_fire(struct ipcp_neg_pair *p);
bool ipcp_neg_pair_step(struct ipcp_neg_pair *p);
int ipcp_neg_pair_run(struct ipcp_neg_pair *p, unsigned int max_steps,
		      bool (*done)(const struct ipcp_neg_pair *p));
bool ipcp_neg_pair_quiet(const struct ipcp_neg_pair *p);

#endif /* _IPCP_NEG_TESTS_PAIR_H */
