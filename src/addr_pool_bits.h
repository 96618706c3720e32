/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The address store of one pool range: which offsets of the range are
 * used, in bitmap chunks allocated on first use and freed when their last
 * lease goes (addr_pool_bits.c). Used by addr_pool.c only.
 *
 * Reserved addresses are not stored: every call that may allocate a chunk
 * gets the range's reserved addresses (struct ipcp_neg_pool_resv) and marks
 * them used in the new chunk, so a chunk exists exactly while it holds a
 * lease.
 *
 * Locking: the caller serialises every call on one range (in addr_pool.c,
 * the pool's lock), except ipcp_neg_pool_bits_alloc() and
 * ipcp_neg_pool_bits_free() on a range no one else sees yet or any more.
 */
#ifndef _IPCP_NEG_ADDR_POOL_BITS_H
#define _IPCP_NEG_ADDR_POOL_BITS_H

#include <linux/bits.h>
#include <linux/types.h>

#include "addr_pool.h"

struct ipcp_neg_pool_chunk;

/**
 * struct ipcp_neg_pool_range - consecutive addresses of a pool
 * @first: first address, host order
 * @last: last address, host order, not below @first
 * @size: number of addresses, @last - @first + 1
 * @prefix: added as a prefix of length <= 30: @first and @last are its
 *	network and broadcast addresses, both reserved
 * @nchunks: entries in @chunk
 * @mem: bytes allocated for the range and its chunks, as the allocator
 *	rounds them
 * @cfull: one bit per chunk, set = that chunk exists and is all used
 * @chunk: the chunks, IPCP_NEG_POOL_CHUNK_BITS offsets each (the last one
 *	fewer); NULL = no lease there
 *
 * @first, @last, @size, @prefix and @nchunks are constant.
 */
struct ipcp_neg_pool_range {
	u32 first;
	u32 last;
	u32 size;
	bool prefix;
	u32 nchunks;
	size_t mem;
	unsigned long *cfull;
	struct ipcp_neg_pool_chunk *chunk[];
};

/* Offsets per chunk: 512 words of 64 bits, one page of bitmap */
#define IPCP_NEG_POOL_CHUNK_SHIFT	15
#define IPCP_NEG_POOL_CHUNK_BITS	BIT(IPCP_NEG_POOL_CHUNK_SHIFT)

/**
 * struct ipcp_neg_pool_resv - the reserved addresses of a range's pool
 * @addr: addresses given to ipcp_neg_pool_reserve(), host order
 * @n: entries in @addr
 *
 * 0.0.0.0, 255.255.255.255 and, for a range added as a prefix, its first
 * and last addresses are reserved as well without being listed here.
 */
struct ipcp_neg_pool_resv {
	const u32 *addr;
	unsigned int n;
};

struct ipcp_neg_pool_range *ipcp_neg_pool_bits_alloc(u32 first, u32 last,
						     bool prefix);
void ipcp_neg_pool_bits_free(struct ipcp_neg_pool_range *r);
u32 ipcp_neg_pool_bits_nreserved(const struct ipcp_neg_pool_range *r,
				 const struct ipcp_neg_pool_resv *resv,
				 u32 from, u32 to);
bool ipcp_neg_pool_bits_test(const struct ipcp_neg_pool_range *r, u32 off);
bool ipcp_neg_pool_bits_take_first(struct ipcp_neg_pool_range *r, u32 from,
				   u32 to,
				   const struct ipcp_neg_pool_resv *resv,
				   gfp_t gfp, u32 *off);
int ipcp_neg_pool_bits_take(struct ipcp_neg_pool_range *r, u32 off,
			    const struct ipcp_neg_pool_resv *resv, gfp_t gfp);
void ipcp_neg_pool_bits_release(struct ipcp_neg_pool_range *r, u32 off);
void ipcp_neg_pool_bits_reserve(struct ipcp_neg_pool_range *r, u32 off);

#endif /* _IPCP_NEG_ADDR_POOL_BITS_H */
