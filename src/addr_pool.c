// SPDX-License-Identifier: GPL-2.0
/*
 * Named IPv4 address pools: namespaces, configuration and lifetime. The
 * addresses themselves (reserve, take, release) are in addr_pool_lease.c,
 * their bitmaps in addr_pool_bits.c.
 *
 * Data structure: each range keeps its addresses in a chunked three-level
 * bitmap (addr_pool_bits.c), allocated as leases need it. Reserved
 * addresses are never counted as usable: 0.0.0.0, 255.255.255.255, the
 * network and broadcast addresses of a range added as a prefix of length
 * <= 30, and those given to ipcp_neg_pool_reserve(). Addresses are host
 * order inside these files and __be32 at their boundary.
 *
 * Namespaces: the pools of one namespace hang off its struct pool_ns,
 * found by the namespace's address in a small hash table; no walk ever
 * visits another namespace's pools. A namespace not owned by the initial
 * user namespace may hold at most ipcp_neg_param_userns_pool_addrs()
 * addresses in its ranges, all its pools together, deleted pools included
 * until they are freed.
 *
 * Memory: everything is charged to a memory cgroup: configuration to the
 * caller's, a chunk allocated when an address is taken (in softirq context,
 * GFP_ATOMIC) to that of the task that created the pool.
 *
 * Locking:
 *  - pool_ns_lock (BH) protects the hash table of namespaces; nothing else
 *    is taken under it.
 *  - ns->lock (BH) protects the namespace's list of pools and serialises
 *    their configuration: adding ranges and reserved addresses, setting
 *    next pools, deleting. Allocation happens before it is taken.
 *  - pool->lock (BH) protects the pool's bitmaps, counters and cursor.
 *  - Lock order: ns->lock, then one pool->lock. Never two pool locks at
 *    once: a walk down an overflow chain locks one pool at a time.
 *  - Lookups and chain walks run under RCU.
 *
 * Lifetime: a pool holds one reference for its configuration entry from
 * ipcp_neg_pool_create() until ipcp_neg_pool_delete(); more belong to
 * holders (create, get), to each lease and to the pool whose next pointer
 * names it. Delete marks the pool dead (no lookup finds it, no new lease
 * comes from it) and drops the configuration reference. The last put unlinks
 * the pool from its namespace and frees it after an RCU grace period. Until
 * then its ranges still count in overlap checks, so its leased addresses
 * cannot be handed out by another pool of the namespace. Each pool holds a
 * reference on its struct pool_ns, freed after the last pool.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/hash.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/memcontrol.h>
#include <linux/minmax.h>
#include <linux/printk.h>
#include <linux/rculist.h>
#include <linux/refcount.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/user_namespace.h>
#include <net/net_namespace.h>
#include <kunit/visibility.h>

#include "addr_pool.h"
#include "addr_pool_bits.h"
#include "addr_pool_int.h"
#include "params.h"

#define POOL_NS_HASH_BITS	6

/* Namespaces that have pools; written under pool_ns_lock, read under RCU */
static struct hlist_head pool_ns_table[1 << POOL_NS_HASH_BITS];
/* Protects pool_ns_table; taken with BH off, innermost */
static DEFINE_SPINLOCK(pool_ns_lock);

/* ---- namespaces ---- */

static struct hlist_head *pool_ns_bucket(const struct net *net)
{
	return &pool_ns_table[hash_ptr(net, POOL_NS_HASH_BITS)];
}

/* @net's pools, or NULL; under RCU or pool_ns_lock */
static struct pool_ns *pool_ns_find(const struct net *net)
{
	struct pool_ns *ns;

	hlist_for_each_entry_rcu(ns, pool_ns_bucket(net), node,
				 lockdep_is_held(&pool_ns_lock))
		if (ns->net == net)
			return ns;
	return NULL;
}

/* @net's pools with a new reference, made if needed; or NULL */
static struct pool_ns *pool_ns_get(struct net *net)
{
	struct pool_ns *ns, *new;

	spin_lock_bh(&pool_ns_lock);
	ns = pool_ns_find(net);
	if (ns)
		refcount_inc(&ns->ref);	/* at 0 it is no longer in the table */
	spin_unlock_bh(&pool_ns_lock);
	if (ns)
		return ns;
	new = kzalloc(sizeof(*new), GFP_KERNEL_ACCOUNT);
	if (!new)
		return NULL;
	new->net = net;
	new->bounded = net->user_ns != &init_user_ns;
	refcount_set(&new->ref, 1);
	spin_lock_init(&new->lock);
	INIT_LIST_HEAD(&new->pools);
	spin_lock_bh(&pool_ns_lock);
	ns = pool_ns_find(net);
	if (ns)
		refcount_inc(&ns->ref);
	else
		hlist_add_head_rcu(&new->node, pool_ns_bucket(net));
	spin_unlock_bh(&pool_ns_lock);
	if (!ns)
		return new;
	kfree(new);
	return ns;
}

static void pool_ns_free_rcu(struct rcu_head *head)
{
	kfree(container_of(head, struct pool_ns, rcu));
}

static void pool_ns_put(struct pool_ns *ns)
{
	bool last;

	spin_lock_bh(&pool_ns_lock);
	last = refcount_dec_and_test(&ns->ref);
	if (last)
		hlist_del_rcu(&ns->node);
	spin_unlock_bh(&pool_ns_lock);
	if (last)
		call_rcu(&ns->rcu, pool_ns_free_rcu);
}

/* ---- names ---- */

/* Does @name fit a pool's name buffer? Bounds pool_find()'s strcmp() */
static bool pool_name_fits(const char *name)
{
	return strnlen(name, IPCP_NEG_POOL_NAME_SIZE) < IPCP_NEG_POOL_NAME_SIZE;
}

static bool pool_name_valid(const char *name)
{
	size_t len = strnlen(name, IPCP_NEG_POOL_NAME_SIZE);
	size_t i;

	if (!len || len == IPCP_NEG_POOL_NAME_SIZE)
		return false;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return false;
	/* isalnum() alone would take Latin-1 letters (lib/ctype.c) */
	for (i = 0; i < len; i++)
		if (!(isascii(name[i]) && isalnum(name[i])) &&
		    !strchr("_.-", name[i]))
			return false;
	return true;
}

/* ---- the pools of a namespace, configuration ---- */

static struct ipcp_neg_pool *pool_next_locked(const struct ipcp_neg_pool *p)
{
	return rcu_dereference_protected(p->next,
					 lockdep_is_held(&p->ns->lock));
}

/* The live pool @name of @ns; under @ns->lock or RCU */
static struct ipcp_neg_pool *pool_find(struct pool_ns *ns, const char *name)
{
	struct ipcp_neg_pool *p;

	list_for_each_entry_rcu(p, &ns->pools, node,
				lockdep_is_held(&ns->lock))
		if (!READ_ONCE(p->dead) && !strcmp(p->name, name))
			return p;
	return NULL;
}

/* The first live pool of @ns */
static struct ipcp_neg_pool *pool_first_live(struct pool_ns *ns)
{
	struct ipcp_neg_pool *p;

	lockdep_assert_held(&ns->lock);
	list_for_each_entry(p, &ns->pools, node)
		if (!p->dead)
			return p;
	return NULL;
}

/* Does @first..@last meet a range of any pool of @ns, dead ones too? */
static bool pool_overlaps(struct pool_ns *ns, u32 first, u32 last)
{
	struct ipcp_neg_pool_range *r;
	struct ipcp_neg_pool *p;
	unsigned int i;

	lockdep_assert_held(&ns->lock);
	list_for_each_entry(p, &ns->pools, node) {
		for (i = 0; i < p->nranges; i++) {
			r = p->ranges[i];
			if (first <= r->last && last >= r->first)
				return true;
		}
	}
	return false;
}

/* Would @ns hold more addresses than it may with @size more? */
static bool pool_over_quota(const struct pool_ns *ns, u32 size)
{
	lockdep_assert_held(&ns->lock);
	return ns->bounded &&
	       ns->addrs + size > ipcp_neg_param_userns_pool_addrs();
}

/* Count in @p the reserved addresses of the new range @r, and publish it */
static int pool_add_locked(struct ipcp_neg_pool *p,
			   struct ipcp_neg_pool_range *r)
{
	struct ipcp_neg_pool_resv resv = ipcp_neg_pool_resv(p);
	u32 nres;

	lockdep_assert_held(&p->ns->lock);
	if (p->dead)
		return -ENOENT;
	if (p->nranges == IPCP_NEG_POOL_MAX_RANGES)
		return -ENOSPC;
	if (pool_overlaps(p->ns, r->first, r->last))
		return -EEXIST;
	if (pool_over_quota(p->ns, r->size))
		return -EDQUOT;
	nres = ipcp_neg_pool_bits_nreserved(r, &resv, 0, r->size);
	p->ns->addrs += r->size;
	spin_lock(&p->lock);
	p->ranges[p->nranges++] = r;
	p->addrs += r->size;
	p->total += r->size - nres;
	spin_unlock(&p->lock);
	return 0;
}

static int pool_add(struct ipcp_neg_pool *p, u32 first, u32 last, bool prefix)
{
	struct ipcp_neg_pool_range *r;
	int err;

	if (first > last)
		return -EINVAL;
	if (last - first >= IPCP_NEG_POOL_MAX_RANGE_SIZE)
		return -E2BIG;
	r = ipcp_neg_pool_bits_alloc(first, last, prefix);
	if (!r)
		return -ENOMEM;
	spin_lock_bh(&p->ns->lock);
	err = pool_add_locked(p, r);
	spin_unlock_bh(&p->ns->lock);
	if (err)
		ipcp_neg_pool_bits_free(r);
	return err;
}

/* Length of the longest chain of pools that ends at @p, @p included */
static unsigned int pool_depth(const struct ipcp_neg_pool *p)
{
	const struct ipcp_neg_pool *q, *s;
	unsigned int depth = 1, n;

	lockdep_assert_held(&p->ns->lock);
	list_for_each_entry(q, &p->ns->pools, node) {
		for (s = q, n = 1; s && s != p; s = pool_next_locked(s))
			n++;
		if (s)
			depth = max(depth, n);
	}
	return depth;
}

static int pool_check_next(const struct ipcp_neg_pool *p,
			   const struct ipcp_neg_pool *next)
{
	const struct ipcp_neg_pool *q;
	unsigned int len;

	lockdep_assert_held(&p->ns->lock);
	/* another namespace's @next is read, not locked: held, and answered
	 * -ENOENT or -EINVAL, both right for a pool deleted meanwhile
	 */
	if (p->dead || (next && READ_ONCE(next->dead)))
		return -ENOENT;
	if (!next)
		return 0;
	if (p->ns != next->ns)
		return -EINVAL;
	len = pool_depth(p);
	for (q = next; q; q = pool_next_locked(q))
		if (q == p || ++len > IPCP_NEG_POOL_MAX_CHAIN)
			return -ELOOP;
	return 0;
}

/* Mark @p dead: no lookup finds it and no new lease comes from it */
static void pool_kill(struct ipcp_neg_pool *p)
{
	lockdep_assert_held(&p->ns->lock);
	spin_lock(&p->lock);
	WRITE_ONCE(p->dead, true);
	spin_unlock(&p->lock);
}

static void pool_free_rcu(struct rcu_head *head)
{
	struct ipcp_neg_pool *p = container_of(head, struct ipcp_neg_pool, rcu);
	unsigned int i;

	for (i = 0; i < p->nranges; i++)
		ipcp_neg_pool_bits_free(p->ranges[i]);
	mem_cgroup_put(p->memcg);
	kfree(p);
}

/*
 * The last reference to @p is gone: unlink it, free it after a grace period
 * and return its next pool, whose reference it held.
 */
static struct ipcp_neg_pool *pool_unlink(struct ipcp_neg_pool *p)
{
	struct pool_ns *ns = p->ns;
	struct ipcp_neg_pool *next;

	spin_lock_bh(&ns->lock);
	list_del_rcu(&p->node);
	ns->addrs -= p->addrs;
	next = pool_next_locked(p);
	spin_unlock_bh(&ns->lock);
	call_rcu(&p->rcu, pool_free_rcu);
	pool_ns_put(ns);
	return next;
}

/* Kill the live pools of @ns and drop their entries' references */
static void pool_kill_ns(struct pool_ns *ns)
{
	struct ipcp_neg_pool *p;

	do {
		spin_lock_bh(&ns->lock);
		p = pool_first_live(ns);
		if (p)
			pool_kill(p);
		spin_unlock_bh(&ns->lock);
		ipcp_neg_pool_put(p);
	} while (p);
}

/*
 * A namespace in bucket @b (only @net, if not NULL) that has a live pool,
 * with a new reference; or NULL
 */
static struct pool_ns *pool_ns_next_live(unsigned int b, const struct net *net)
{
	struct ipcp_neg_pool *p;
	struct pool_ns *ns;

	rcu_read_lock();
	hlist_for_each_entry_rcu(ns, &pool_ns_table[b], node) {
		if (net && ns->net != net)
			continue;
		list_for_each_entry_rcu(p, &ns->pools, node)
			if (!READ_ONCE(p->dead) &&
			    refcount_inc_not_zero(&ns->ref))
				goto out;
	}
	ns = NULL;
out:
	rcu_read_unlock();
	return ns;
}

/* Kill the live pools of @net, or of every namespace if @net is NULL */
static void pool_kill_all(const struct net *net)
{
	unsigned int b = net ? hash_ptr(net, POOL_NS_HASH_BITS) : 0;
	unsigned int end = net ? b + 1 : ARRAY_SIZE(pool_ns_table);
	struct pool_ns *ns;

	for (; b < end; b++) {
		while ((ns = pool_ns_next_live(b, net))) {
			pool_kill_ns(ns);
			pool_ns_put(ns);
		}
	}
}

/**
 * ipcp_neg_pool_create - create an empty pool
 * @net: namespace the pool belongs to; only its user_ns is read, once per
 *	namespace, to tell whether ipcp_neg_param_userns_pool_addrs() bounds
 *	it; otherwise only compared
 * @name: 1 to 31 characters of [A-Za-z0-9_.-], neither "." nor ".."
 *
 * The pool has no range yet. It holds two references: one for its
 * configuration entry, dropped by ipcp_neg_pool_delete(), and one for the
 * caller, who drops it with ipcp_neg_pool_put(). Its memory, and that of
 * the addresses it hands out, is charged to the caller's memory cgroup.
 *
 * Context: process context, may sleep.
 * Return: the pool, or ERR_PTR(-EINVAL) for a bad name, ERR_PTR(-EEXIST)
 * if @net has a live pool called @name, ERR_PTR(-ENOMEM).
 */
struct ipcp_neg_pool *ipcp_neg_pool_create(struct net *net, const char *name)
{
	struct ipcp_neg_pool *p;
	struct pool_ns *ns;

	if (!name || !pool_name_valid(name))
		return ERR_PTR(-EINVAL);
	p = kzalloc(sizeof(*p), GFP_KERNEL_ACCOUNT);
	if (!p)
		return ERR_PTR(-ENOMEM);
	ns = pool_ns_get(net);
	if (!ns) {
		kfree(p);
		return ERR_PTR(-ENOMEM);
	}
	p->ns = ns;
	strscpy(p->name, name, sizeof(p->name));
	refcount_set(&p->ref, 2);
	spin_lock_init(&p->lock);

	spin_lock_bh(&ns->lock);
	if (pool_find(ns, name)) {
		spin_unlock_bh(&ns->lock);
		pool_ns_put(ns);
		kfree(p);
		return ERR_PTR(-EEXIST);
	}
	list_add_tail_rcu(&p->node, &ns->pools);
	spin_unlock_bh(&ns->lock);
	p->memcg = get_mem_cgroup_from_mm(current->mm);
	return p;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_create);

/**
 * ipcp_neg_pool_add_range - add the addresses @first to @last to a pool
 * @p: the pool
 * @first: first address
 * @last: last address, not below @first
 *
 * 0.0.0.0, 255.255.255.255 and the addresses already given to
 * ipcp_neg_pool_reserve() are reserved inside the range.
 *
 * Context: process context, may sleep.
 * Return: 0; -EINVAL if @first is above @last; -E2BIG if the range holds
 * more than IPCP_NEG_POOL_MAX_RANGE_SIZE addresses; -ENOSPC if @p has
 * IPCP_NEG_POOL_MAX_RANGES ranges already; -EEXIST if the range meets one of
 * any pool of the same namespace (a deleted pool's ranges count until its
 * last reference is gone); -EDQUOT if the namespace is not owned by the
 * initial user namespace and its pools would then hold more than
 * ipcp_neg_param_userns_pool_addrs() addresses (counted the same way);
 * -ENOENT if @p was deleted; -ENOMEM.
 */
int ipcp_neg_pool_add_range(struct ipcp_neg_pool *p, __be32 first,
			    __be32 last)
{
	return pool_add(p, be32_to_cpu(first), be32_to_cpu(last), false);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_add_range);

/**
 * ipcp_neg_pool_add_prefix - add the addresses of a prefix to a pool
 * @p: the pool
 * @addr: the prefix, with no bit set past its length
 * @plen: its length, 8 to 32
 *
 * Like ipcp_neg_pool_add_range(); when @plen is 30 or less, the network and
 * broadcast addresses of the prefix are reserved as well. A /31 (RFC 3021)
 * and a /32 reserve nothing of their own.
 *
 * Context: process context, may sleep.
 * Return: as ipcp_neg_pool_add_range(), and -EINVAL if @plen is above 32
 * or @addr has host bits set; -E2BIG for @plen below 8.
 */
int ipcp_neg_pool_add_prefix(struct ipcp_neg_pool *p, __be32 addr, u8 plen)
{
	u32 a = be32_to_cpu(addr);
	u32 host;

	if (plen > 32)
		return -EINVAL;
	host = plen == 32 ? 0 : U32_MAX >> plen;
	if (a & host)
		return -EINVAL;
	return pool_add(p, a, a | host, plen <= 30);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_add_prefix);

/**
 * ipcp_neg_pool_set_next - set or clear the overflow pool of a pool
 * @p: the pool
 * @next: the pool ipcp_neg_pool_take_any() turns to when @p is full, or
 *	NULL for none; @p takes a reference on it
 *
 * A chain passes through a pool deleted later, and ends where a pool names
 * no next pool.
 *
 * Context: process context.
 * Return: 0; -ELOOP if @next's chain leads back to @p or a chain would then
 * be longer than IPCP_NEG_POOL_MAX_CHAIN pools; -EINVAL if @next belongs to
 * another namespace; -ENOENT if @p or @next was deleted.
 */
int ipcp_neg_pool_set_next(struct ipcp_neg_pool *p,
			   struct ipcp_neg_pool *next)
{
	struct ipcp_neg_pool *old = NULL;
	int err;

	spin_lock_bh(&p->ns->lock);
	err = pool_check_next(p, next);
	if (!err) {
		if (next)
			refcount_inc(&next->ref);
		old = rcu_replace_pointer(p->next, next,
					  lockdep_is_held(&p->ns->lock));
	}
	spin_unlock_bh(&p->ns->lock);
	ipcp_neg_pool_put(old);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_set_next);

/**
 * ipcp_neg_pool_delete - delete a pool's configuration entry
 * @net: the namespace
 * @name: the pool's name
 *
 * The name is free again at once, no lookup finds the pool and it hands out
 * no new address. Addresses leased from it stay valid until released; the
 * pool's memory is freed when its last reference is gone.
 *
 * Context: process context.
 * Return: 0, -EINVAL if @name is too long to name a pool (no NUL within
 * IPCP_NEG_POOL_NAME_SIZE bytes), or -ENOENT if @net has no live pool
 * called @name.
 */
int ipcp_neg_pool_delete(struct net *net, const char *name)
{
	struct ipcp_neg_pool *p;
	struct pool_ns *ns;

	if (!name)
		return -ENOENT;
	if (!pool_name_fits(name))
		return -EINVAL;
	rcu_read_lock();
	ns = pool_ns_find(net);
	p = NULL;
	if (ns) {
		spin_lock_bh(&ns->lock);
		p = pool_find(ns, name);
		if (p)
			pool_kill(p);
		spin_unlock_bh(&ns->lock);
	}
	rcu_read_unlock();
	if (!p)
		return -ENOENT;
	ipcp_neg_pool_put(p);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_delete);

/**
 * ipcp_neg_pool_cleanup_net - delete every pool of a namespace
 * @net: the namespace, e.g. from a pernet exit method; NULL does nothing
 *
 * Context: process context.
 */
void ipcp_neg_pool_cleanup_net(struct net *net)
{
	if (net)
		pool_kill_all(net);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_cleanup_net);

/**
 * ipcp_neg_pool_exit - delete every pool, at module exit
 *
 * Context: process context, sleeps.
 *
 * Call it once every holder and lease is gone. It waits for the RCU
 * callbacks that free pools, and warns about pools still referenced.
 */
void ipcp_neg_pool_exit(void)
{
	bool busy = false;
	unsigned int b;

	pool_kill_all(NULL);
	spin_lock_bh(&pool_ns_lock);
	for (b = 0; b < ARRAY_SIZE(pool_ns_table); b++)
		busy |= !hlist_empty(&pool_ns_table[b]);
	spin_unlock_bh(&pool_ns_lock);
	if (busy)
		pr_warn("address pools still referenced at exit\n");
	rcu_barrier();
}

/**
 * ipcp_neg_pool_get - look a pool up by name
 * @net: the namespace
 * @name: the pool's name
 *
 * Context: any but hard IRQ.
 * Return: the live pool called @name in @net with a new reference, to be
 * dropped with ipcp_neg_pool_put(); NULL if there is none, or if @name is
 * too long to name a pool (no NUL within IPCP_NEG_POOL_NAME_SIZE bytes).
 */
struct ipcp_neg_pool *ipcp_neg_pool_get(struct net *net, const char *name)
{
	struct ipcp_neg_pool *p;
	struct pool_ns *ns;

	if (!name || !pool_name_fits(name))
		return NULL;
	rcu_read_lock();
	ns = pool_ns_find(net);
	p = ns ? pool_find(ns, name) : NULL;
	if (p && !refcount_inc_not_zero(&p->ref))
		p = NULL;
	rcu_read_unlock();
	return p;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_get);

/**
 * ipcp_neg_pool_put - drop a reference to a pool
 * @p: the pool, or NULL
 *
 * The last put unlinks the pool, drops its reference to its next pool and
 * frees it after an RCU grace period.
 *
 * Context: any but hard IRQ.
 */
void ipcp_neg_pool_put(struct ipcp_neg_pool *p)
{
	while (p && refcount_dec_and_test(&p->ref))
		p = pool_unlink(p);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_put);

/**
 * ipcp_neg_pool_hold - take another reference to a pool
 * @p: a pool the caller holds a reference to
 *
 * Drop it with ipcp_neg_pool_put().
 *
 * Context: any but hard IRQ.
 */
void ipcp_neg_pool_hold(struct ipcp_neg_pool *p)
{
	refcount_inc(&p->ref);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_hold);

