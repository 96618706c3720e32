// SPDX-License-Identifier: GPL-2.0
/*
 * Named IPv4 address pools: the addresses themselves. Reserving, taking
 * (next fit or a given address, down an overflow chain), releasing, and
 * what a pool reports. Namespaces, configuration and lifetime are in
 * addr_pool.c, whose locking rules apply here.
 *
 * Next fit: a pool keeps a cursor just past the last address that
 * ipcp_neg_pool_take_any() handed out; the next search starts there and
 * wraps around the pool's ranges in the order they were added, so a freed
 * address is reused only after the others. Taking a specific address does
 * not move the cursor.
 *
 * Memory: a range's bitmap chunks are allocated when an address in them is
 * first taken, in any context but hard IRQ, so with GFP_ATOMIC; they are
 * charged to the memory cgroup of the task that created the pool.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/lockdep.h>
#include <linux/memcontrol.h>
#include <linux/rcupdate.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <kunit/visibility.h>

#include "addr_pool.h"
#include "addr_pool_bits.h"
#include "addr_pool_int.h"

/* Chunks are allocated in softirq context, charged to the pool's memcg */
#define POOL_GFP_TAKE	(GFP_ATOMIC | __GFP_ACCOUNT)

/* The range of @p holding @a, and @a's offset there; caller locks @p */
static struct ipcp_neg_pool_range *
pool_range_of(const struct ipcp_neg_pool *p, u32 a, u32 *off)
{
	struct ipcp_neg_pool_range *r;
	unsigned int i;

	for (i = 0; i < p->nranges; i++) {
		r = p->ranges[i];
		if (a >= r->first && a <= r->last) {
			*off = a - r->first;
			return r;
		}
	}
	return NULL;
}

/* Is @a, which lies in @r (or in no range if @r is NULL), reserved? */
static bool pool_is_reserved(const struct ipcp_neg_pool *p,
			     const struct ipcp_neg_pool_range *r, u32 a)
{
	unsigned int i;

	if (a == 0 || a == U32_MAX)
		return true;
	if (r && r->prefix && (a == r->first || a == r->last))
		return true;
	for (i = 0; i < p->nreserved; i++)
		if (p->reserved[i] == a)
			return true;
	return false;
}

/* Next fit: lease the first free address at or after the cursor; 0 if none */
static u32 pool_next_fit(struct ipcp_neg_pool *p)
{
	struct ipcp_neg_pool_resv resv = ipcp_neg_pool_resv(p);
	unsigned int i, n = p->nranges;
	u32 off;

	lockdep_assert_held(&p->lock);
	if (p->dead || !n || p->used == p->total)
		return 0;
	for (i = 0; i <= n; i++) {
		unsigned int ri = (p->cur_range + i) % n;
		struct ipcp_neg_pool_range *r = p->ranges[ri];
		u32 from = i ? 0 : p->cur_off;
		u32 to = i < n ? r->size : p->cur_off;

		if (ipcp_neg_pool_bits_take_first(r, from, to, &resv,
						  POOL_GFP_TAKE, &off)) {
			p->used++;
			p->cur_range = ri;
			p->cur_off = off + 1;
			return r->first + off;
		}
	}
	return 0;
}

static int pool_take_locked(struct ipcp_neg_pool *p, u32 a)
{
	struct ipcp_neg_pool_resv resv = ipcp_neg_pool_resv(p);
	struct ipcp_neg_pool_range *r;
	u32 off;
	int err;

	lockdep_assert_held(&p->lock);
	if (p->dead)
		return -ENOENT;
	r = pool_range_of(p, a, &off);
	if (!r)
		return -ENOENT;
	if (pool_is_reserved(p, r, a))
		return -EPERM;
	err = ipcp_neg_pool_bits_take(r, off, &resv, POOL_GFP_TAKE);
	if (!err)
		p->used++;
	return err;
}

static int pool_release_locked(struct ipcp_neg_pool *p, u32 a)
{
	struct ipcp_neg_pool_range *r;
	u32 off;

	lockdep_assert_held(&p->lock);
	r = pool_range_of(p, a, &off);
	if (!r)
		return -ENOENT;
	if (pool_is_reserved(p, r, a) || !ipcp_neg_pool_bits_test(r, off))
		return -EINVAL;
	ipcp_neg_pool_bits_release(r, off);
	p->used--;
	return 0;
}

static int pool_reserve_locked(struct ipcp_neg_pool *p, u32 a)
{
	struct ipcp_neg_pool_range *r;
	u32 off;

	lockdep_assert_held(&p->ns->lock);
	lockdep_assert_held(&p->lock);
	if (p->dead)
		return -ENOENT;
	r = pool_range_of(p, a, &off);
	if (pool_is_reserved(p, r, a))
		return 0;
	if (p->nreserved == IPCP_NEG_POOL_MAX_RESERVED)
		return -ENOSPC;
	if (r && ipcp_neg_pool_bits_test(r, off))
		return -EBUSY;
	p->reserved[p->nreserved++] = a;
	if (r) {
		ipcp_neg_pool_bits_reserve(r, off);
		p->total--;
	}
	return 0;
}

/* The next pool of a chain walk under RCU, NULL past the walk's bound */
static struct ipcp_neg_pool *pool_chain_next(struct ipcp_neg_pool *p,
					     unsigned int *hops)
{
	if (++*hops >= IPCP_NEG_POOL_MAX_CHAIN)
		return NULL;
	return rcu_dereference(p->next);
}

/**
 * ipcp_neg_pool_reserve - never hand out an address
 * @p: the pool
 * @addr: the address, e.g. the server's own local address
 *
 * The address need not lie in a range of @p yet: it is remembered and also
 * reserved in ranges added later. A reserved address no longer counts as
 * usable. Reserving an address that is reserved already does nothing.
 *
 * Context: process context.
 * Return: 0; -EBUSY if @addr is leased now; -ENOSPC if @p reserves
 * IPCP_NEG_POOL_MAX_RESERVED addresses already; -ENOENT if @p was deleted.
 */
int ipcp_neg_pool_reserve(struct ipcp_neg_pool *p, __be32 addr)
{
	int err;

	spin_lock_bh(&p->ns->lock);
	spin_lock(&p->lock);
	err = pool_reserve_locked(p, be32_to_cpu(addr));
	spin_unlock(&p->lock);
	spin_unlock_bh(&p->ns->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_reserve);

/**
 * ipcp_neg_pool_get_next - a pool's overflow pool
 * @p: the pool, held by the caller
 *
 * The next pool may have been deleted since it was set: the chain still
 * passes through it (see ipcp_neg_pool_set_next()).
 *
 * Context: any but hard IRQ.
 * Return: the pool @p names as next, with a new reference to be dropped
 * with ipcp_neg_pool_put(), or NULL if @p names none.
 */
struct ipcp_neg_pool *ipcp_neg_pool_get_next(struct ipcp_neg_pool *p)
{
	struct ipcp_neg_pool *next;

	rcu_read_lock();
	next = rcu_dereference(p->next);
	if (next && !refcount_inc_not_zero(&next->ref))
		next = NULL;
	rcu_read_unlock();
	return next;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_get_next);

/**
 * ipcp_neg_pool_range - one range of a pool, by position
 * @p: the pool
 * @i: position, from 0, in the order the ranges were added; ranges are
 *	never removed, so counting @i up from 0 visits each range once
 * @first: set to the range's first address
 * @last: set to its last address; for a range added as a prefix, @first and
 *	@last are the prefix's network and broadcast addresses
 *
 * Context: any but hard IRQ.
 * Return: 0, or -ENOENT if @p has no range at position @i.
 */
int ipcp_neg_pool_range(struct ipcp_neg_pool *p, unsigned int i,
			__be32 *first, __be32 *last)
{
	int err = -ENOENT;

	spin_lock_bh(&p->lock);
	if (i < p->nranges) {
		*first = cpu_to_be32(p->ranges[i]->first);
		*last = cpu_to_be32(p->ranges[i]->last);
		err = 0;
	}
	spin_unlock_bh(&p->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_range);

/**
 * ipcp_neg_pool_name - a pool's name, for messages
 * @p: the pool
 *
 * Return: the name, valid as long as the caller holds a reference.
 */
const char *ipcp_neg_pool_name(const struct ipcp_neg_pool *p)
{
	return p->name;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_name);

/* Lease any free address of @p alone, with a reference; 0 if none */
static u32 pool_take_any_one(struct ipcp_neg_pool *p)
{
	struct mem_cgroup *old = set_active_memcg(p->memcg);
	u32 a;

	spin_lock_bh(&p->lock);
	a = pool_next_fit(p);
	if (a)
		refcount_inc(&p->ref);	/* @p is live: count >= 1 */
	spin_unlock_bh(&p->lock);
	set_active_memcg(old);
	return a;
}

/**
 * ipcp_neg_pool_take_any - lease a free address from a pool or its chain
 * @p: the pool, held by the caller
 * @owner: set to the pool the address came from (@p or a pool down its
 *	overflow chain), or to NULL if none is free
 *
 * Each pool is searched next fit from its cursor. Deleted pools on the
 * chain hand out nothing. The lease holds a reference on @owner, which
 * ipcp_neg_pool_release() drops. Free addresses whose bitmap chunk cannot
 * be allocated (GFP_ATOMIC) are passed over.
 *
 * Context: any but hard IRQ.
 * Return: the address, or 0 if every pool of the chain is exhausted.
 */
__be32 ipcp_neg_pool_take_any(struct ipcp_neg_pool *p,
			      struct ipcp_neg_pool **owner)
{
	struct ipcp_neg_pool *q;
	unsigned int hops = 0;
	u32 a = 0;

	rcu_read_lock();
	for (q = p; q; q = pool_chain_next(q, &hops)) {
		a = pool_take_any_one(q);
		if (a)
			break;
	}
	rcu_read_unlock();
	*owner = q;
	return cpu_to_be32(a);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_take_any);

static int pool_take_one(struct ipcp_neg_pool *p, u32 a)
{
	struct mem_cgroup *old = set_active_memcg(p->memcg);
	int err;

	spin_lock_bh(&p->lock);
	err = pool_take_locked(p, a);
	if (!err)
		refcount_inc(&p->ref);	/* @p is live: count >= 1 */
	spin_unlock_bh(&p->lock);
	set_active_memcg(old);
	return err;
}

/**
 * ipcp_neg_pool_take - lease a given address from a pool or its chain
 * @p: the pool, held by the caller
 * @addr: the address: the one the peer asks for, or the one its link held
 *	last (sticky)
 * @owner: set to the pool of the chain that holds @addr, or to NULL on
 *	failure
 *
 * The address may come from any pool of @p's chain, full or not. The lease
 * holds a reference on @owner, which ipcp_neg_pool_release() drops. The
 * next-fit cursor does not move.
 *
 * Context: any but hard IRQ.
 * Return: 0; -EBUSY if @addr is leased; -EPERM if it is reserved; -ENOENT
 * if no live pool of the chain holds it; -ENOMEM if the pool that holds it
 * could not allocate the bitmap chunk for it (GFP_ATOMIC).
 */
int ipcp_neg_pool_take(struct ipcp_neg_pool *p, __be32 addr,
		       struct ipcp_neg_pool **owner)
{
	u32 a = be32_to_cpu(addr);
	struct ipcp_neg_pool *q;
	unsigned int hops = 0;
	int err = -ENOENT;

	rcu_read_lock();
	for (q = p; q; q = pool_chain_next(q, &hops)) {
		err = pool_take_one(q, a);
		if (err != -ENOENT)
			break;
	}
	rcu_read_unlock();
	*owner = err ? NULL : q;
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_take);

static int pool_release_one(struct ipcp_neg_pool *p, u32 a)
{
	int err;

	spin_lock_bh(&p->lock);
	err = pool_release_locked(p, a);
	spin_unlock_bh(&p->lock);
	return err;
}

/**
 * ipcp_neg_pool_release - give a leased address back
 * @p: the owner returned with the lease (best), or a pool whose chain
 *	leads to it
 * @addr: the address
 *
 * The address goes back to whichever pool of the chain holds it, deleted or
 * not, and the lease's reference on that pool is dropped: the pool may be
 * freed, so the caller must not use the owner pointer afterwards unless it
 * holds a reference of its own. The owner is found through the chain as it
 * is now: pass the owner if the chain may have changed since the lease.
 *
 * Context: any but hard IRQ.
 * Return: 0; -EINVAL if @addr is free or reserved (nothing is dropped);
 * -ENOENT if no pool of the chain holds it.
 */
int ipcp_neg_pool_release(struct ipcp_neg_pool *p, __be32 addr)
{
	u32 a = be32_to_cpu(addr);
	struct ipcp_neg_pool *q;
	unsigned int hops = 0;
	int err = -ENOENT;

	rcu_read_lock();
	for (q = p; q; q = pool_chain_next(q, &hops)) {
		err = pool_release_one(q, a);
		if (err != -ENOENT)
			break;
	}
	rcu_read_unlock();
	if (!err)
		ipcp_neg_pool_put(q);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_release);

/**
 * ipcp_neg_pool_usage - a pool's counters, its chain not included
 * @p: the pool
 * @total: set to its usable addresses (reserved ones excluded)
 * @used: set to its leased addresses; @total - @used are free
 *
 * Context: any but hard IRQ.
 */
void ipcp_neg_pool_usage(struct ipcp_neg_pool *p, u32 *total, u32 *used)
{
	spin_lock_bh(&p->lock);
	*total = p->total;
	*used = p->used;
	spin_unlock_bh(&p->lock);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_usage);

/**
 * ipcp_neg_pool_mem - memory a pool takes
 * @p: the pool
 *
 * A range's bitmap is allocated in chunks as addresses are leased (see
 * addr_pool_bits.c), so this follows the leases.
 *
 * Context: any but hard IRQ.
 * Return: bytes allocated now for the pool, its ranges and their bitmap
 * chunks, as the allocator rounds them up.
 */
size_t ipcp_neg_pool_mem(struct ipcp_neg_pool *p)
{
	size_t bytes = kmalloc_size_roundup(sizeof(*p));
	unsigned int i;

	spin_lock_bh(&p->lock);
	for (i = 0; i < p->nranges; i++)
		bytes += p->ranges[i]->mem;
	spin_unlock_bh(&p->lock);
	return bytes;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_mem);
