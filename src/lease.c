// SPDX-License-Identifier: GPL-2.0
/*
 * The lease policy of a server link (see lease.h): one pool address per
 * link at a time, for its peer.
 *
 * - The peer's request for a usable address is granted if that address is
 *   free in the link's pool or its chain; the lease held before goes back.
 * - Otherwise the peer gets the address held now, else the one held last
 *   if it is free again (sticky across IPCP flaps), else any free address,
 *   next fit (addr_pool.c).
 * - The link's own address is never its peer's, whether it lies in the
 *   pool from the start or becomes the local address later: it is never
 *   granted, not taken as the sticky address, and a lease held that has
 *   become the local address is released (not remembered) and replaced.
 *   When next fit yields it, it stays taken while the next address is
 *   taken, then goes back: the cursor moves past it, nothing leaks, and
 *   the pool's counters never include it.
 *
 * The local address is the caller's (the IPCP configuration's), passed to
 * each call rather than copied here, so the two cannot disagree. The pool's
 * reserved list (ipcp_neg_pool_reserve()) is not used for it: many server
 * links of an access concentrator share one local address and one pool,
 * but links with addresses of their own would overflow its 16 entries, and
 * a reservation is never undone, so each change of a link's local address
 * would lose an address of the pool for good.
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <kunit/visibility.h>

#include "addr_pool.h"
#include "lease.h"

/**
 * ipcp_neg_lease_init - a lease that holds nothing yet
 * @l: the lease
 * @pool: the pool (a reference @l takes over), or NULL
 *
 * Context: any; before @l is shared.
 */
void ipcp_neg_lease_init(struct ipcp_neg_lease *l, struct ipcp_neg_pool *pool)
{
	l->pool = pool;
	l->addr = 0;
	l->owner = NULL;
	l->last = 0;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lease_init);

/* Give @l's address back without remembering it */
static void lease_forget(struct ipcp_neg_lease *l)
{
	if (!l->addr)
		return;
	ipcp_neg_pool_release(l->owner, l->addr);
	l->addr = 0;
	l->owner = NULL;
}

/**
 * ipcp_neg_lease_drop - give the peer's address back to its pool
 * @l: the lease
 *
 * The address is remembered as the one tried first next time (sticky).
 * Called when IPCP goes down; does nothing if @l holds no address.
 *
 * Context: under the owner's lock.
 */
void ipcp_neg_lease_drop(struct ipcp_neg_lease *l)
{
	if (!l->addr)
		return;
	l->last = l->addr;
	lease_forget(l);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lease_drop);

/**
 * ipcp_neg_lease_uninit - release what a lease holds
 * @l: the lease
 *
 * Gives the address back and drops the reference on the pool.
 *
 * Context: any but hard IRQ; nobody else uses @l any more.
 */
void ipcp_neg_lease_uninit(struct ipcp_neg_lease *l)
{
	ipcp_neg_lease_drop(l);
	ipcp_neg_pool_put(l->pool);
	ipcp_neg_lease_init(l, NULL);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lease_uninit);

/* Take @addr for the peer; the old lease goes back on success */
static int lease_take(struct ipcp_neg_lease *l, __be32 addr)
{
	struct ipcp_neg_pool *owner;

	if (ipcp_neg_pool_take(l->pool, addr, &owner))
		return -ENOSPC;
	ipcp_neg_lease_drop(l);
	l->addr = addr;
	l->owner = owner;
	return 0;
}

/* Next fit, passing over @local (held while the next one is taken) */
static __be32 lease_take_any(struct ipcp_neg_pool *pool, __be32 local,
			     struct ipcp_neg_pool **owner)
{
	struct ipcp_neg_pool *skipped;
	__be32 a;

	a = ipcp_neg_pool_take_any(pool, owner);
	if (!a || a != local)
		return a;
	skipped = *owner;
	a = ipcp_neg_pool_take_any(pool, owner);
	ipcp_neg_pool_release(skipped, local);
	return a;
}

/* The first lease of an attempt: the last one again if free, else any */
static int lease_new(struct ipcp_neg_lease *l, __be32 local)
{
	struct ipcp_neg_pool *owner;
	__be32 a;

	if (l->last && l->last != local && !lease_take(l, l->last))
		return 0;
	a = lease_take_any(l->pool, local, &owner);
	if (!a)
		return -ENOSPC;
	l->addr = a;
	l->owner = owner;
	return 0;
}

/**
 * ipcp_neg_lease_assign - the address a server's peer gets
 * @l: the link's lease
 * @wanted: the address the peer asks for, or 0 for any
 * @local: the link's own address, never handed to the peer; 0 if none
 * @out: set to the address on success
 *
 * The policy at the top of lease.c, with the semantics of the engine's
 * assign() callback (ipcp_neg_ipcp_assign_t): one address per link,
 * idempotent, so it may be called for each request of one negotiation.
 *
 * Context: under the owner's lock; softirq or process context.
 * Return: 0; -ENOSPC if @l has no pool or its chain has no free address
 * but @local.
 */
int ipcp_neg_lease_assign(struct ipcp_neg_lease *l, __be32 wanted,
			  __be32 local, __be32 *out)
{
	int err = 0;

	if (!l->pool)
		return -ENOSPC;
	if (local && l->addr == local)
		lease_forget(l);
	if (wanted && wanted != local && wanted != l->addr &&
	    !lease_take(l, wanted)) {
		*out = wanted;
		return 0;
	}
	if (!l->addr)
		err = lease_new(l, local);
	if (!err)
		*out = l->addr;
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lease_assign);

/**
 * ipcp_neg_lease_set_src - change the pool the peer's address comes from
 * @l: the lease
 * @pool: the new pool (a reference @l takes over), or NULL for none
 * @in_use: IPCP is up: the peer still uses the address held
 *
 * The address held goes back to its pool now unless @in_use, else with the
 * next ipcp_neg_lease_drop() (IPCP down). The sticky address is forgotten.
 *
 * Context: under the owner's lock.
 * Return: the pool @l held before, for the caller to put (outside any
 * lock it likes, ipcp_neg_pool_put() may free it).
 */
struct ipcp_neg_pool *ipcp_neg_lease_set_src(struct ipcp_neg_lease *l,
					     struct ipcp_neg_pool *pool,
					     bool in_use)
{
	struct ipcp_neg_pool *old = l->pool;

	l->pool = pool;
	if (!in_use)
		ipcp_neg_lease_drop(l);
	l->last = 0;
	return old;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lease_set_src);

/**
 * ipcp_neg_lease_set_local - may the link's own address become @local?
 * @l: the link's lease
 * @local: the new local address, 0 for none
 *
 * An address leased from @l's pool chain to another link's peer is
 * refused. If @l holds @local for its own peer, the address goes back to
 * the pool now: the caller sets the new local address and renegotiates
 * IPCP under the same lock, and the peer gets another address. @local is
 * no longer the sticky address either.
 *
 * Context: under the owner's lock, or before @l is shared (link creation).
 * Return: 0, the caller may use @local; -EADDRINUSE if another link's peer
 * has it.
 */
int ipcp_neg_lease_set_local(struct ipcp_neg_lease *l, __be32 local)
{
	struct ipcp_neg_pool *owner;
	int err;

	if (!local)
		return 0;
	if (l->pool && l->addr != local) {
		/* a free address is taken and given back at once */
		err = ipcp_neg_pool_take(l->pool, local, &owner);
		if (err == -EBUSY)
			return -EADDRINUSE;
		if (!err)
			ipcp_neg_pool_release(owner, local);
	}
	if (l->addr == local)
		lease_forget(l);
	if (l->last == local)
		l->last = 0;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lease_set_local);
