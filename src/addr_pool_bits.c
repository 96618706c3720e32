// SPDX-License-Identifier: GPL-2.0
/*
 * The address store of a pool range: one bit per address, set = used
 * (leased, reserved, or past the end of the range).
 *
 * Data structure: the range is cut into chunks of IPCP_NEG_POOL_CHUNK_BITS
 * offsets (32768: 512 words of 64 bits, one 4 KiB page). A chunk is
 * allocated when an address in it is first leased and freed when its last
 * lease is released, so a range costs its directory (one pointer per chunk,
 * 4 KiB for a /8) plus 4 KiB and a small header per chunk holding a lease.
 * A chunk that does not exist is free but for the reserved addresses in
 * it, which are marked used whenever it is allocated.
 *
 * Search: three levels, as before chunks: the range keeps one bit per
 * chunk (set = the chunk exists and is full), each chunk one bit per word
 * (set = the word is all ones) and the words themselves. A search for a
 * free offset skips full chunks 64 at a time, full words 64 at a time
 * within a chunk: a full /8 is searched in at most 8 + 8 + 8 word reads and
 * one chunk allocation.
 *
 * Allocation: the range itself with GFP_KERNEL_ACCOUNT at configuration;
 * chunks with the caller's flags (addr_pool.c takes addresses in softirq
 * context: GFP_ATOMIC | __GFP_ACCOUNT). A chunk that cannot be allocated
 * makes its addresses unavailable to that search only.
 *
 * Offsets are relative to the range's first address; addresses are host
 * order.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "addr_pool_bits.h"

#define POOL_WORD_BITS		64
#define POOL_CHUNK_WORDS	(IPCP_NEG_POOL_CHUNK_BITS / POOL_WORD_BITS)

/**
 * struct ipcp_neg_pool_chunk - IPCP_NEG_POOL_CHUNK_BITS offsets of a range
 * @leased: offsets leased (set, and neither reserved nor padding)
 * @nwords: words in @words: the chunk's offsets rounded up to 64
 * @nfull: words of @words that are all ones
 * @full: one bit per word of @words, set = that word is all ones
 * @words: one bit per offset, set = used; bits past the range are set
 *
 * Protected by the lock that serialises calls on the range.
 */
struct ipcp_neg_pool_chunk {
	u32 leased;
	u32 nwords;
	u32 nfull;
	unsigned long full[BITS_TO_LONGS(POOL_CHUNK_WORDS)];
	u64 *words;
};

/* Offsets of chunk @ci of @r */
static u32 chunk_len(const struct ipcp_neg_pool_range *r, u32 ci)
{
	return min_t(u32, r->size - (ci << IPCP_NEG_POOL_CHUNK_SHIFT),
		     IPCP_NEG_POOL_CHUNK_BITS);
}

/* Set bit @o of chunk @ci, keeping both summaries */
static void chunk_set(struct ipcp_neg_pool_range *r, u32 ci, u32 o)
{
	struct ipcp_neg_pool_chunk *c = r->chunk[ci];
	u32 w = o / POOL_WORD_BITS;

	if (c->words[w] == ~0ULL)
		return;
	c->words[w] |= BIT_ULL(o % POOL_WORD_BITS);
	if (c->words[w] != ~0ULL)
		return;
	__set_bit(w, c->full);
	if (++c->nfull == c->nwords)
		__set_bit(ci, r->cfull);
}

static void chunk_clear(struct ipcp_neg_pool_range *r, u32 ci, u32 o)
{
	struct ipcp_neg_pool_chunk *c = r->chunk[ci];
	u32 w = o / POOL_WORD_BITS;

	if (c->words[w] == ~0ULL) {
		__clear_bit(w, c->full);
		c->nfull--;
		__clear_bit(ci, r->cfull);
	}
	c->words[w] &= ~BIT_ULL(o % POOL_WORD_BITS);
}

/*
 * The reserved addresses of @r, @resv's and the implicit ones, into @a;
 * returns how many, duplicates included
 */
static unsigned int resv_list(const struct ipcp_neg_pool_range *r,
			      const struct ipcp_neg_pool_resv *resv, u32 *a)
{
	unsigned int n = 0, i;

	a[n++] = 0;
	a[n++] = U32_MAX;
	if (r->prefix) {
		a[n++] = r->first;
		a[n++] = r->last;
	}
	for (i = 0; i < resv->n; i++)
		a[n++] = resv->addr[i];
	return n;
}

#define POOL_RESV_MAX	(4 + IPCP_NEG_POOL_MAX_RESERVED)

/**
 * ipcp_neg_pool_bits_nreserved - reserved addresses among some offsets
 * @r: the range
 * @resv: its pool's reserved addresses
 * @from: first offset
 * @to: offset past the last one, at most @r->size
 *
 * Return: how many distinct reserved addresses lie at offsets [@from, @to).
 */
u32 ipcp_neg_pool_bits_nreserved(const struct ipcp_neg_pool_range *r,
				 const struct ipcp_neg_pool_resv *resv,
				 u32 from, u32 to)
{
	u32 a[POOL_RESV_MAX], n = 0;
	unsigned int na, i, j;

	na = resv_list(r, resv, a);
	for (i = 0; i < na; i++) {
		if (a[i] < r->first || a[i] - r->first < from ||
		    a[i] - r->first >= to)
			continue;
		for (j = 0; j < i && a[j] != a[i]; j++)
			;
		n += j == i;
	}
	return n;
}

static void chunk_free(struct ipcp_neg_pool_range *r, u32 ci)
{
	struct ipcp_neg_pool_chunk *c = r->chunk[ci];

	r->mem -= kmalloc_size_roundup(sizeof(*c)) +
		  kmalloc_size_roundup(c->nwords * sizeof(u64));
	kfree(c->words);
	kfree(c);
	r->chunk[ci] = NULL;
	__clear_bit(ci, r->cfull);
}

/* Allocate chunk @ci of @r, its reserved and padding bits set; or NULL */
static struct ipcp_neg_pool_chunk *
chunk_alloc(struct ipcp_neg_pool_range *r, u32 ci,
	    const struct ipcp_neg_pool_resv *resv, gfp_t gfp)
{
	u32 len = chunk_len(r, ci), base = ci << IPCP_NEG_POOL_CHUNK_SHIFT;
	u32 a[POOL_RESV_MAX], o;
	struct ipcp_neg_pool_chunk *c;
	unsigned int na, i;

	c = kzalloc(sizeof(*c), gfp | __GFP_NOWARN);
	if (!c)
		return NULL;
	c->nwords = DIV_ROUND_UP(len, POOL_WORD_BITS);
	c->words = kcalloc(c->nwords, sizeof(u64), gfp | __GFP_NOWARN);
	if (!c->words) {
		kfree(c);
		return NULL;
	}
	r->chunk[ci] = c;
	r->mem += kmalloc_size_roundup(sizeof(*c)) +
		  kmalloc_size_roundup(c->nwords * sizeof(u64));
	for (o = len; o % POOL_WORD_BITS; o++)
		chunk_set(r, ci, o);
	na = resv_list(r, resv, a);
	for (i = 0; i < na; i++)
		if (a[i] >= r->first + base && a[i] - r->first - base < len)
			chunk_set(r, ci, a[i] - r->first - base);
	return c;
}

/* First clear bit in [@from, @to) of chunk @c, into @o */
static bool chunk_find(const struct ipcp_neg_pool_chunk *c, u32 from, u32 to,
		       u32 *o)
{
	unsigned long w = from / POOL_WORD_BITS;
	unsigned long wend = DIV_ROUND_UP(to, POOL_WORD_BITS);
	u64 free = ~c->words[w] & (~0ULL << (from % POOL_WORD_BITS));

	while (!free) {
		w = find_next_zero_bit(c->full, wend, w + 1);
		if (w >= wend)
			return false;
		free = ~c->words[w];
	}
	*o = w * POOL_WORD_BITS + __ffs64(free);
	return *o < to;
}

/**
 * ipcp_neg_pool_bits_alloc - a range with every address free
 * @first: first address, host order
 * @last: last address, at most IPCP_NEG_POOL_MAX_RANGE_SIZE - 1 above @first
 * @prefix: see struct ipcp_neg_pool_range
 *
 * Allocates the directory only, charged to the caller's memory cgroup.
 *
 * Context: process context, may sleep.
 * Return: the range, or NULL.
 */
struct ipcp_neg_pool_range *ipcp_neg_pool_bits_alloc(u32 first, u32 last,
						     bool prefix)
{
	u32 size = last - first + 1;
	u32 nchunks = DIV_ROUND_UP(size, IPCP_NEG_POOL_CHUNK_BITS);
	struct ipcp_neg_pool_range *r;
	size_t bytes;

	bytes = sizeof(*r) + nchunks * sizeof(r->chunk[0]) +
		BITS_TO_LONGS(nchunks) * sizeof(unsigned long);
	r = kvzalloc(bytes, GFP_KERNEL_ACCOUNT);
	if (!r)
		return NULL;
	r->first = first;
	r->last = last;
	r->size = size;
	r->prefix = prefix;
	r->nchunks = nchunks;
	r->mem = kmalloc_size_roundup(bytes);
	r->cfull = (unsigned long *)&r->chunk[nchunks];
	return r;
}

/**
 * ipcp_neg_pool_bits_free - free a range and its chunks
 * @r: the range, or NULL
 */
void ipcp_neg_pool_bits_free(struct ipcp_neg_pool_range *r)
{
	u32 ci;

	if (!r)
		return;
	for (ci = 0; ci < r->nchunks; ci++)
		if (r->chunk[ci])
			chunk_free(r, ci);
	kvfree(r);
}

/**
 * ipcp_neg_pool_bits_test - is an offset used?
 * @r: the range
 * @off: the offset, below @r->size
 *
 * Return: true if @off is leased, or reserved in a chunk that exists.
 */
bool ipcp_neg_pool_bits_test(const struct ipcp_neg_pool_range *r, u32 off)
{
	const struct ipcp_neg_pool_chunk *c;
	u32 o = off & (IPCP_NEG_POOL_CHUNK_BITS - 1);

	c = r->chunk[off >> IPCP_NEG_POOL_CHUNK_SHIFT];
	return c && (c->words[o / POOL_WORD_BITS] & BIT_ULL(o % POOL_WORD_BITS));
}

/* Lease offset @o of chunk @ci, which exists and has it free */
static void chunk_lease(struct ipcp_neg_pool_range *r, u32 ci, u32 o)
{
	chunk_set(r, ci, o);
	r->chunk[ci]->leased++;
}

/* Lease the first free offset of [@from, @to) in chunk @ci; or false */
static bool chunk_take_first(struct ipcp_neg_pool_range *r, u32 ci, u32 from,
			     u32 to, const struct ipcp_neg_pool_resv *resv,
			     gfp_t gfp, u32 *off)
{
	u32 base = ci << IPCP_NEG_POOL_CHUNK_SHIFT, o;

	if (test_bit(ci, r->cfull))
		return false;
	if (!r->chunk[ci]) {
		/* allocate only if an unreserved address waits there */
		if (to - from == ipcp_neg_pool_bits_nreserved(r, resv, from, to))
			return false;
		if (!chunk_alloc(r, ci, resv, gfp))
			return false;
	}
	if (!chunk_find(r->chunk[ci], from - base, to - base, &o))
		return false;
	chunk_lease(r, ci, o);
	*off = base + o;
	return true;
}

/**
 * ipcp_neg_pool_bits_take_first - lease the first free offset in a span
 * @r: the range
 * @from: first offset to try
 * @to: offset past the last one to try, at most @r->size
 * @resv: the reserved addresses, marked in a chunk this allocates
 * @gfp: allocation flags for a chunk
 * @off: set to the offset leased
 *
 * A chunk that is needed and cannot be allocated is skipped.
 *
 * Return: true if an offset was leased.
 */
bool ipcp_neg_pool_bits_take_first(struct ipcp_neg_pool_range *r, u32 from,
				   u32 to,
				   const struct ipcp_neg_pool_resv *resv,
				   gfp_t gfp, u32 *off)
{
	u32 ci, end;

	while (from < to) {
		ci = from >> IPCP_NEG_POOL_CHUNK_SHIFT;
		end = min(to, (ci + 1) << IPCP_NEG_POOL_CHUNK_SHIFT);
		if (chunk_take_first(r, ci, from, end, resv, gfp, off))
			return true;
		ci = find_next_zero_bit(r->cfull, r->nchunks, ci + 1);
		if (ci >= r->nchunks)
			return false;
		from = ci << IPCP_NEG_POOL_CHUNK_SHIFT;
	}
	return false;
}

/**
 * ipcp_neg_pool_bits_take - lease one offset
 * @r: the range
 * @off: the offset, below @r->size, not reserved
 * @resv: the reserved addresses, marked in a chunk this allocates
 * @gfp: allocation flags for a chunk
 *
 * Return: 0; -EBUSY if @off is used; -ENOMEM if its chunk was needed and
 * could not be allocated.
 */
int ipcp_neg_pool_bits_take(struct ipcp_neg_pool_range *r, u32 off,
			    const struct ipcp_neg_pool_resv *resv, gfp_t gfp)
{
	u32 ci = off >> IPCP_NEG_POOL_CHUNK_SHIFT;

	if (ipcp_neg_pool_bits_test(r, off))
		return -EBUSY;
	if (!r->chunk[ci] && !chunk_alloc(r, ci, resv, gfp))
		return -ENOMEM;
	chunk_lease(r, ci, off % IPCP_NEG_POOL_CHUNK_BITS);
	return 0;
}

/**
 * ipcp_neg_pool_bits_release - give a leased offset back
 * @r: the range
 * @off: the offset, leased (the caller has checked)
 *
 * Frees the offset's chunk if that was its last lease.
 */
void ipcp_neg_pool_bits_release(struct ipcp_neg_pool_range *r, u32 off)
{
	u32 ci = off >> IPCP_NEG_POOL_CHUNK_SHIFT;

	chunk_clear(r, ci, off % IPCP_NEG_POOL_CHUNK_BITS);
	if (!--r->chunk[ci]->leased)
		chunk_free(r, ci);
}

/**
 * ipcp_neg_pool_bits_reserve - mark a newly reserved, free offset used
 * @r: the range
 * @off: the offset, below @r->size
 *
 * Only a chunk that exists is marked: one allocated later marks the
 * offset from the list of reserved addresses it is given.
 */
void ipcp_neg_pool_bits_reserve(struct ipcp_neg_pool_range *r, u32 off)
{
	u32 ci = off >> IPCP_NEG_POOL_CHUNK_SHIFT;

	if (r->chunk[ci])
		chunk_set(r, ci, off % IPCP_NEG_POOL_CHUNK_BITS);
}
