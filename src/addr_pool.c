// SPDX-License-Identifier: GPL-2.0
/*
 * Named IPv4 address pools.
 *
 * Data structure: each range keeps a word array, one bit per address
 * (set = used: leased, reserved, or past the end of the range), a summary
 * bitmap with one bit per word (set = that word is full) and a second
 * summary with one bit per word of the first (set = all ones). A search
 * for a free address skips full words 64 at a time through the summary and
 * full summary words 4096 at a time through the second one, so even a
 * full /8 is searched in at most 64 + 64 + 64 word reads; a /8 takes 2 MiB
 * of words, 32 KiB of summary and 512 bytes of second summary.
 * Addresses are host order inside this file and __be32 at its boundary.
 *
 * Reserved addresses are marked used at the time a range is added (or at
 * the time they are reserved) and are never counted as usable: 0.0.0.0,
 * 255.255.255.255, the network and broadcast addresses of a range added as
 * a prefix of length <= 30, and those given to ipcp_neg_pool_reserve().
 *
 * Next fit: a pool keeps a cursor just past the last address that
 * ipcp_neg_pool_take_any() handed out; the next search starts there and
 * wraps around the pool's ranges in the order they were added, so a freed
 * address is reused only after the others. Taking a specific address does
 * not move the cursor.
 *
 * Locking:
 *  - ipcp_neg_pools_lock (BH) protects the list of pools and serialises
 *    configuration: adding ranges and reserved addresses, setting next
 *    pools, deleting. Allocation happens before it is taken.
 *  - pool->lock (BH) protects the pool's bitmaps, counters and cursor.
 *  - Lock order: ipcp_neg_pools_lock, then one pool->lock. Never two pool
 *    locks at once: a walk down an overflow chain locks one pool at a time.
 *  - Lookups and chain walks run under RCU.
 *
 * Lifetime: a pool holds one reference for its configuration entry from
 * ipcp_neg_pool_create() until ipcp_neg_pool_delete(); more belong to
 * holders (create, get), to each lease and to the pool whose next pointer
 * names it. Delete marks the pool dead (no lookup finds it, no new lease
 * comes from it) and drops the configuration reference. The last put unlinks
 * the pool from the list and frees it after an RCU grace period. Until then
 * its ranges still count in overlap checks, so its leased addresses cannot
 * be handed out by another pool of the namespace.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/ctype.h>
#include <linux/lockdep.h>
#include <linux/mm.h>
#include <linux/rculist.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <net/net_namespace.h>
#include <kunit/visibility.h>

#include "addr_pool.h"

#define POOL_WORD_BITS	64

/**
 * struct ipcp_neg_pool_range - consecutive addresses of a pool
 * @first: first address, host order
 * @last: last address, host order, not below @first
 * @size: number of addresses, @last - @first + 1
 * @nwords: number of words in @words
 * @prefix: added as a prefix of length <= 30: @first and @last are its
 *	network and broadcast addresses, both reserved
 * @words: one bit per address, set = used; bits past @size are set
 * @full: one bit per word of @words, set = that word is all ones
 * @full2: one bit per word of @full, set = that word is all ones
 * @mem: bytes allocated for this range
 *
 * Everything but the bitmaps is constant once the range is in a pool.
 */
struct ipcp_neg_pool_range {
	u32 first;
	u32 last;
	u32 size;
	u32 nwords;
	bool prefix;
	u64 *words;
	unsigned long *full;
	unsigned long *full2;
	size_t mem;
};

/**
 * struct ipcp_neg_pool - a named set of address ranges
 * @node: entry in ipcp_neg_pools; written under ipcp_neg_pools_lock, read
 *	under RCU
 * @net: namespace the pool belongs to; compared, never dereferenced
 * @name: unique among the live pools of @net; constant
 * @ref: see "Lifetime" above
 * @next: overflow pool, whose reference this pool holds; written under
 *	ipcp_neg_pools_lock, read under RCU
 * @rcu: frees the pool after the last reference is gone
 * @lock: protects the fields below, and the bitmaps of @ranges
 * @dead: deleted; written under ipcp_neg_pools_lock and @lock. A pool that
 *	is not dead holds its configuration reference, so under @lock with
 *	@dead false its reference count is at least one.
 * @nranges: ranges in use in @ranges; written under ipcp_neg_pools_lock and
 *	@lock, so either lock is enough to read it
 * @cur_range: next-fit cursor: range where the next search starts
 * @cur_off: next-fit cursor: offset in that range, may equal its size
 * @total: usable addresses, reserved ones excluded
 * @used: leased addresses
 * @nreserved: entries in @reserved
 * @reserved: addresses given to ipcp_neg_pool_reserve(), host order;
 *	written under ipcp_neg_pools_lock and @lock
 * @ranges: the ranges, in the order they were added
 */
struct ipcp_neg_pool {
	struct list_head node;
	possible_net_t net;
	char name[IPCP_NEG_POOL_NAME_SIZE];
	refcount_t ref;
	struct ipcp_neg_pool __rcu *next;
	struct rcu_head rcu;

	spinlock_t lock;	/* BH; protects the fields below */
	bool dead;
	unsigned int nranges;
	unsigned int cur_range;
	u32 cur_off;
	u32 total;
	u32 used;
	unsigned int nreserved;
	u32 reserved[IPCP_NEG_POOL_MAX_RESERVED];
	struct ipcp_neg_pool_range *ranges[IPCP_NEG_POOL_MAX_RANGES];
};

/* All pools of all namespaces, live or dead, until their last put. */
static LIST_HEAD(ipcp_neg_pools);
/* Protects ipcp_neg_pools and serialises configuration; taken with BH off */
static DEFINE_SPINLOCK(ipcp_neg_pools_lock);

/* ---- one range: the three-level bitmap ---- */

static bool range_test(const struct ipcp_neg_pool_range *r, u32 off)
{
	return r->words[off / POOL_WORD_BITS] & BIT_ULL(off % POOL_WORD_BITS);
}

static void range_set(struct ipcp_neg_pool_range *r, u32 off)
{
	u32 w = off / POOL_WORD_BITS;

	r->words[w] |= BIT_ULL(off % POOL_WORD_BITS);
	if (r->words[w] != ~0ULL)
		return;
	__set_bit(w, r->full);
	if (r->full[BIT_WORD(w)] == ~0UL)
		__set_bit(BIT_WORD(w), r->full2);
}

static void range_clear(struct ipcp_neg_pool_range *r, u32 off)
{
	u32 w = off / POOL_WORD_BITS;

	r->words[w] &= ~BIT_ULL(off % POOL_WORD_BITS);
	__clear_bit(w, r->full);
	__clear_bit(BIT_WORD(w), r->full2);
}

/*
 * The first word of @r at or after @w that is not full, or a value >= @wend
 * if there is none before @wend. Whole words of the summary that are all
 * ones are skipped through the second summary.
 */
static unsigned long range_next_word(const struct ipcp_neg_pool_range *r,
				     unsigned long w, unsigned long wend)
{
	unsigned long fw = BIT_WORD(w);
	unsigned long nfw = BITS_TO_LONGS(r->nwords);
	unsigned long bits;

	if (w >= wend)
		return wend;
	bits = ~r->full[fw] & BITMAP_FIRST_WORD_MASK(w);
	if (!bits) {
		fw = find_next_zero_bit(r->full2, nfw, fw + 1);
		if (fw >= nfw)
			return wend;
		bits = ~r->full[fw];
	}
	return fw * BITS_PER_LONG + __ffs(bits);
}

/*
 * First free offset in [@from, @to) of @r, into @off. Full words are
 * skipped through the summary bitmap.
 */
static bool range_find(const struct ipcp_neg_pool_range *r, u32 from, u32 to,
		       u32 *off)
{
	unsigned long w = from / POOL_WORD_BITS;
	unsigned long wend = DIV_ROUND_UP(to, POOL_WORD_BITS);
	u64 free;

	if (from >= to)
		return false;
	free = ~r->words[w] & (~0ULL << (from % POOL_WORD_BITS));
	while (!free) {
		w = range_next_word(r, w + 1, wend);
		if (w >= wend)
			return false;
		free = ~r->words[w];
	}
	*off = w * POOL_WORD_BITS + __ffs64(free);
	return *off < to;
}

static void range_free(struct ipcp_neg_pool_range *r)
{
	kvfree(r->words);
	kfree(r);
}

/* A range of @first..@last, all free but for the padding of its last word */
static struct ipcp_neg_pool_range *range_alloc(u32 first, u32 last,
					       bool prefix)
{
	struct ipcp_neg_pool_range *r;
	u32 size = last - first + 1;
	u32 nwords = DIV_ROUND_UP(size, POOL_WORD_BITS);
	u32 nfull = BITS_TO_LONGS(nwords);
	size_t bytes = nwords * sizeof(u64) +
		       (nfull + BITS_TO_LONGS(nfull)) * sizeof(unsigned long);

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return NULL;
	r->words = kvzalloc(bytes, GFP_KERNEL);
	if (!r->words) {
		kfree(r);
		return NULL;
	}
	r->full = (unsigned long *)(r->words + nwords);
	r->full2 = r->full + nfull;
	r->first = first;
	r->last = last;
	r->size = size;
	r->nwords = nwords;
	r->prefix = prefix;
	r->mem = sizeof(*r) + bytes;
	if (size % POOL_WORD_BITS)
		r->words[nwords - 1] = ~0ULL << (size % POOL_WORD_BITS);
	return r;
}

/* Mark @a used in @r if it lies there and is free; 1 if it was marked */
static u32 range_reserve(struct ipcp_neg_pool_range *r, u32 a)
{
	if (a < r->first || a > r->last || range_test(r, a - r->first))
		return 0;
	range_set(r, a - r->first);
	return 1;
}

/* ---- one pool ---- */

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

/* Lease offset @off of range @ri and move the cursor past it */
static u32 pool_lease(struct ipcp_neg_pool *p, unsigned int ri, u32 off)
{
	struct ipcp_neg_pool_range *r = p->ranges[ri];

	lockdep_assert_held(&p->lock);
	range_set(r, off);
	p->used++;
	p->cur_range = ri;
	p->cur_off = off + 1;
	return r->first + off;
}

/* Next fit: lease the first free address at or after the cursor; 0 if none */
static u32 pool_next_fit(struct ipcp_neg_pool *p)
{
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

		if (range_find(r, from, to, &off))
			return pool_lease(p, ri, off);
	}
	return 0;
}

static int pool_take_locked(struct ipcp_neg_pool *p, u32 a)
{
	struct ipcp_neg_pool_range *r;
	u32 off;

	lockdep_assert_held(&p->lock);
	if (p->dead)
		return -ENOENT;
	r = pool_range_of(p, a, &off);
	if (!r)
		return -ENOENT;
	if (pool_is_reserved(p, r, a))
		return -EPERM;
	if (range_test(r, off))
		return -EBUSY;
	range_set(r, off);
	p->used++;
	return 0;
}

static int pool_release_locked(struct ipcp_neg_pool *p, u32 a)
{
	struct ipcp_neg_pool_range *r;
	u32 off;

	lockdep_assert_held(&p->lock);
	r = pool_range_of(p, a, &off);
	if (!r)
		return -ENOENT;
	if (pool_is_reserved(p, r, a) || !range_test(r, off))
		return -EINVAL;
	range_clear(r, off);
	p->used--;
	return 0;
}

static int pool_reserve_locked(struct ipcp_neg_pool *p, u32 a)
{
	struct ipcp_neg_pool_range *r;
	u32 off;

	lockdep_assert_held(&ipcp_neg_pools_lock);
	lockdep_assert_held(&p->lock);
	if (p->dead)
		return -ENOENT;
	r = pool_range_of(p, a, &off);
	if (pool_is_reserved(p, r, a))
		return 0;
	if (p->nreserved == IPCP_NEG_POOL_MAX_RESERVED)
		return -ENOSPC;
	if (r && range_test(r, off))
		return -EBUSY;
	p->reserved[p->nreserved++] = a;
	if (r) {
		range_set(r, off);
		p->total--;
	}
	return 0;
}

/* ---- the list of pools, configuration ---- */

static struct ipcp_neg_pool *pool_next_locked(const struct ipcp_neg_pool *p)
{
	return rcu_dereference_protected(p->next,
					 lockdep_is_held(&ipcp_neg_pools_lock));
}

/* The next pool of a chain walk under RCU, NULL past the walk's bound */
static struct ipcp_neg_pool *pool_chain_next(struct ipcp_neg_pool *p,
					     unsigned int *hops)
{
	if (++*hops >= IPCP_NEG_POOL_MAX_CHAIN)
		return NULL;
	return rcu_dereference(p->next);
}

/* The live pool @name of @net; under ipcp_neg_pools_lock or RCU */
static struct ipcp_neg_pool *pool_find(const struct net *net,
				       const char *name)
{
	struct ipcp_neg_pool *p;

	list_for_each_entry_rcu(p, &ipcp_neg_pools, node,
				lockdep_is_held(&ipcp_neg_pools_lock))
		if (!READ_ONCE(p->dead) && net_eq(read_pnet(&p->net), net) &&
		    !strcmp(p->name, name))
			return p;
	return NULL;
}

/* The first live pool of @net, or of any namespace if @net is NULL */
static struct ipcp_neg_pool *pool_first_live(const struct net *net)
{
	struct ipcp_neg_pool *p;

	lockdep_assert_held(&ipcp_neg_pools_lock);
	list_for_each_entry(p, &ipcp_neg_pools, node)
		if (!p->dead && (!net || net_eq(read_pnet(&p->net), net)))
			return p;
	return NULL;
}

/* Does @first..@last meet a range of any pool of @net, dead ones too? */
static bool pool_overlaps(const struct net *net, u32 first, u32 last)
{
	struct ipcp_neg_pool_range *r;
	struct ipcp_neg_pool *p;
	unsigned int i;

	lockdep_assert_held(&ipcp_neg_pools_lock);
	list_for_each_entry(p, &ipcp_neg_pools, node) {
		if (!net_eq(read_pnet(&p->net), net))
			continue;
		for (i = 0; i < p->nranges; i++) {
			r = p->ranges[i];
			if (first <= r->last && last >= r->first)
				return true;
		}
	}
	return false;
}

/* Reserve in the new range @r what @p reserves, and publish it */
static int pool_add_locked(struct ipcp_neg_pool *p,
			   struct ipcp_neg_pool_range *r)
{
	u32 nres;
	unsigned int i;

	lockdep_assert_held(&ipcp_neg_pools_lock);
	if (p->dead)
		return -ENOENT;
	if (p->nranges == IPCP_NEG_POOL_MAX_RANGES)
		return -ENOSPC;
	if (pool_overlaps(read_pnet(&p->net), r->first, r->last))
		return -EEXIST;
	nres = range_reserve(r, 0) + range_reserve(r, U32_MAX);
	if (r->prefix)
		nres += range_reserve(r, r->first) + range_reserve(r, r->last);
	for (i = 0; i < p->nreserved; i++)
		nres += range_reserve(r, p->reserved[i]);
	spin_lock(&p->lock);
	p->ranges[p->nranges++] = r;
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
	r = range_alloc(first, last, prefix);
	if (!r)
		return -ENOMEM;
	spin_lock_bh(&ipcp_neg_pools_lock);
	err = pool_add_locked(p, r);
	spin_unlock_bh(&ipcp_neg_pools_lock);
	if (err)
		range_free(r);
	return err;
}

/* Length of the longest chain of pools that ends at @p, @p included */
static unsigned int pool_depth(const struct ipcp_neg_pool *p)
{
	const struct ipcp_neg_pool *q, *s;
	unsigned int depth = 1, n;

	lockdep_assert_held(&ipcp_neg_pools_lock);
	list_for_each_entry(q, &ipcp_neg_pools, node) {
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

	lockdep_assert_held(&ipcp_neg_pools_lock);
	if (p->dead || (next && next->dead))
		return -ENOENT;
	if (!next)
		return 0;
	if (!net_eq(read_pnet(&p->net), read_pnet(&next->net)))
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
	lockdep_assert_held(&ipcp_neg_pools_lock);
	spin_lock(&p->lock);
	WRITE_ONCE(p->dead, true);
	spin_unlock(&p->lock);
}

static void pool_free_rcu(struct rcu_head *head)
{
	struct ipcp_neg_pool *p = container_of(head, struct ipcp_neg_pool, rcu);
	unsigned int i;

	for (i = 0; i < p->nranges; i++)
		range_free(p->ranges[i]);
	kfree(p);
}

/*
 * The last reference to @p is gone: unlink it, free it after a grace period
 * and return its next pool, whose reference it held.
 */
static struct ipcp_neg_pool *pool_unlink(struct ipcp_neg_pool *p)
{
	struct ipcp_neg_pool *next;

	spin_lock_bh(&ipcp_neg_pools_lock);
	list_del_rcu(&p->node);
	next = pool_next_locked(p);
	spin_unlock_bh(&ipcp_neg_pools_lock);
	call_rcu(&p->rcu, pool_free_rcu);
	return next;
}

/* Kill the live pools of @net (all if NULL) and drop their entries' refs */
static void pool_kill_all(const struct net *net)
{
	struct ipcp_neg_pool *p;

	do {
		spin_lock_bh(&ipcp_neg_pools_lock);
		p = pool_first_live(net);
		if (p)
			pool_kill(p);
		spin_unlock_bh(&ipcp_neg_pools_lock);
		ipcp_neg_pool_put(p);
	} while (p);
}

/**
 * ipcp_neg_pool_create - create an empty pool
 * @net: namespace the pool belongs to; only compared, never dereferenced
 * @name: 1 to 31 characters of [A-Za-z0-9_.-], neither "." nor ".."
 *
 * The pool has no range yet. It holds two references: one for its
 * configuration entry, dropped by ipcp_neg_pool_delete(), and one for the
 * caller, who drops it with ipcp_neg_pool_put().
 *
 * Context: process context, may sleep.
 * Return: the pool, or ERR_PTR(-EINVAL) for a bad name, ERR_PTR(-EEXIST)
 * if @net has a live pool called @name, ERR_PTR(-ENOMEM).
 */
struct ipcp_neg_pool *ipcp_neg_pool_create(struct net *net, const char *name)
{
	struct ipcp_neg_pool *p;

	if (!name || !pool_name_valid(name))
		return ERR_PTR(-EINVAL);
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return ERR_PTR(-ENOMEM);
	write_pnet(&p->net, net);
	strscpy(p->name, name, sizeof(p->name));
	refcount_set(&p->ref, 2);
	spin_lock_init(&p->lock);

	spin_lock_bh(&ipcp_neg_pools_lock);
	if (pool_find(net, name)) {
		spin_unlock_bh(&ipcp_neg_pools_lock);
		kfree(p);
		return ERR_PTR(-EEXIST);
	}
	list_add_tail_rcu(&p->node, &ipcp_neg_pools);
	spin_unlock_bh(&ipcp_neg_pools_lock);
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
 * last reference is gone); -ENOENT if @p was deleted; -ENOMEM.
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

	spin_lock_bh(&ipcp_neg_pools_lock);
	spin_lock(&p->lock);
	err = pool_reserve_locked(p, be32_to_cpu(addr));
	spin_unlock(&p->lock);
	spin_unlock_bh(&ipcp_neg_pools_lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_reserve);

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

	spin_lock_bh(&ipcp_neg_pools_lock);
	err = pool_check_next(p, next);
	if (!err) {
		if (next)
			refcount_inc(&next->ref);
		old = rcu_replace_pointer(p->next, next,
					  lockdep_is_held(&ipcp_neg_pools_lock));
	}
	spin_unlock_bh(&ipcp_neg_pools_lock);
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

	if (!name)
		return -ENOENT;
	if (!pool_name_fits(name))
		return -EINVAL;
	spin_lock_bh(&ipcp_neg_pools_lock);
	p = pool_find(net, name);
	if (p)
		pool_kill(p);
	spin_unlock_bh(&ipcp_neg_pools_lock);
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
	bool busy;

	pool_kill_all(NULL);
	spin_lock_bh(&ipcp_neg_pools_lock);
	busy = !list_empty(&ipcp_neg_pools);
	spin_unlock_bh(&ipcp_neg_pools_lock);
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

	if (!name || !pool_name_fits(name))
		return NULL;
	rcu_read_lock();
	p = pool_find(net, name);
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
	u32 a;

	spin_lock_bh(&p->lock);
	a = pool_next_fit(p);
	if (a)
		refcount_inc(&p->ref);	/* @p is live: count >= 1 */
	spin_unlock_bh(&p->lock);
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
 * ipcp_neg_pool_release() drops.
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
	int err;

	spin_lock_bh(&p->lock);
	err = pool_take_locked(p, a);
	if (!err)
		refcount_inc(&p->ref);	/* @p is live: count >= 1 */
	spin_unlock_bh(&p->lock);
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
 * if no live pool of the chain holds it.
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
 * Context: any but hard IRQ.
 * Return: bytes allocated for the pool and its ranges.
 */
size_t ipcp_neg_pool_mem(struct ipcp_neg_pool *p)
{
	size_t bytes = sizeof(*p);
	unsigned int i;

	spin_lock_bh(&p->lock);
	for (i = 0; i < p->nranges; i++)
		bytes += p->ranges[i]->mem;
	spin_unlock_bh(&p->lock);
	return bytes;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_mem);
