/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What addr_pool.c (namespaces, configuration, lifetime) and
 * addr_pool_lease.c (reserving, taking and releasing addresses) share: the
 * structures of a pool and of a namespace's pools. Not for other files:
 * they use addr_pool.h. See addr_pool.c for the locking and lifetime rules.
 */
#ifndef _IPCP_NEG_ADDR_POOL_INT_H
#define _IPCP_NEG_ADDR_POOL_INT_H

#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include "addr_pool.h"
#include "addr_pool_bits.h"

struct mem_cgroup;
struct net;

/**
 * struct pool_ns - the pools of one network namespace
 * @node: entry in pool_ns_table; written under pool_ns_lock, read under RCU
 * @net: the namespace; compared, never dereferenced after creation
 * @ref: one per pool on @pools; the last put frees it after a grace period
 * @bounded: not owned by the initial user namespace, so bound by
 *	ipcp_neg_param_userns_pool_addrs(); constant
 * @rcu: frees it
 * @lock: BH; protects @pools and @addrs, serialises configuration
 * @pools: its pools, live or dead, until their last put; read under RCU
 * @addrs: addresses in the ranges of @pools
 */
struct pool_ns {
	struct hlist_node node;
	const struct net *net;
	refcount_t ref;
	bool bounded;
	struct rcu_head rcu;

	spinlock_t lock;	/* BH; protects the fields below */
	struct list_head pools;
	u64 addrs;
};

/**
 * struct ipcp_neg_pool - a named set of address ranges
 * @node: entry in @ns->pools; written under @ns->lock, read under RCU
 * @ns: its namespace's pools; constant
 * @name: unique among the live pools of its namespace; constant
 * @ref: see "Lifetime" above
 * @next: overflow pool, whose reference this pool holds; written under
 *	@ns->lock, read under RCU
 * @memcg: memory cgroup of the task that created the pool, charged for
 *	the chunks allocated when addresses are taken; constant, referenced
 * @rcu: frees the pool after the last reference is gone
 * @lock: protects the fields below, and the bitmaps of @ranges
 * @dead: deleted; written under @ns->lock and @lock. A pool that
 *	is not dead holds its configuration reference, so under @lock with
 *	@dead false its reference count is at least one.
 * @nranges: ranges in use in @ranges; written under @ns->lock and @lock, so
 *	either lock is enough to read it
 * @addrs: addresses in @ranges, reserved ones included; as @nranges
 * @cur_range: next-fit cursor: range where the next search starts
 * @cur_off: next-fit cursor: offset in that range, may equal its size
 * @total: usable addresses, reserved ones excluded
 * @used: leased addresses
 * @nreserved: entries in @reserved
 * @reserved: addresses given to ipcp_neg_pool_reserve(), host order;
 *	written under @ns->lock and @lock
 * @ranges: the ranges, in the order they were added
 */
struct ipcp_neg_pool {
	struct list_head node;
	struct pool_ns *ns;
	char name[IPCP_NEG_POOL_NAME_SIZE];
	refcount_t ref;
	struct ipcp_neg_pool __rcu *next;
	struct mem_cgroup *memcg;
	struct rcu_head rcu;

	spinlock_t lock;	/* BH; protects the fields below */
	bool dead;
	unsigned int nranges;
	u64 addrs;
	unsigned int cur_range;
	u32 cur_off;
	u32 total;
	u32 used;
	unsigned int nreserved;
	u32 reserved[IPCP_NEG_POOL_MAX_RESERVED];
	struct ipcp_neg_pool_range *ranges[IPCP_NEG_POOL_MAX_RANGES];
};

/* The reserved addresses of @p, for addr_pool_bits.h; under @p->lock */
static inline struct ipcp_neg_pool_resv
ipcp_neg_pool_resv(const struct ipcp_neg_pool *p)
{
	return (struct ipcp_neg_pool_resv){ p->reserved, p->nreserved };
}

#endif /* _IPCP_NEG_ADDR_POOL_INT_H */
