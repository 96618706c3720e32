// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the address pools (suite ipcp_neg_pool, pool_test.c):
 * ranges and prefixes, reserved addresses, release errors, the memory
 * the bitmaps take as leases come and go, the bound on namespaces of other
 * user namespaces, and what the sysfs files read.
 */

#include <linux/sizes.h>

#include "../params.h"

#include "pool_test.h"

/* ---- ranges ---- */

/**
 * pool_test_bad_ranges - bad ranges
 * @test: the test
 */
void pool_test_bad_ranges(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	unsigned int i;

	/* first above last */
	KUNIT_EXPECT_EQ(test, pt_range(p, A4(10, 0, 0, 5), A4(10, 0, 0, 4)),
			-EINVAL);
	/* prefix length above 32 */
	KUNIT_EXPECT_EQ(test, pt_prefix(p, A4(10, 0, 0, 0), 33), -EINVAL);
	/* host bits set */
	KUNIT_EXPECT_EQ(test, pt_prefix(p, A4(10, 0, 0, 1), 24), -EINVAL);
	/* bigger than a /8 */
	KUNIT_EXPECT_EQ(test, pt_prefix(p, A4(10, 0, 0, 0), 7), -E2BIG);
	KUNIT_EXPECT_EQ(test, pt_prefix(p, 0, 0), -E2BIG);
	KUNIT_EXPECT_EQ(test, pt_range(p, A4(10, 0, 0, 0), A4(11, 0, 0, 0)),
			-E2BIG);
	KUNIT_EXPECT_EQ(test, pt_range(p, 0, U32_MAX), -E2BIG);
	PT_USAGE(test, p, 0, 0);
	for (i = 0; i < IPCP_NEG_POOL_MAX_RANGES; i++)
		KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 1, 0, i * 2),
					       A4(10, 1, 0, i * 2)), 0);
	KUNIT_EXPECT_EQ(test, pt_range(p, A4(10, 1, 1, 0), A4(10, 1, 1, 0)),
			-ENOSPC);
	PT_USAGE(test, p, IPCP_NEG_POOL_MAX_RANGES, 0);
}

/**
 * pool_test_overlap - overlap
 * @test: the test
 */
void pool_test_overlap(struct kunit *test)
{
	struct ipcp_neg_pool *a = pt_new(test, 0, "a");
	struct ipcp_neg_pool *b = pt_new(test, 0, "b");
	struct ipcp_neg_pool *c = pt_new(test, 1, "c");

	KUNIT_ASSERT_EQ(test, pt_prefix(a, A4(10, 0, 0, 0), 24), 0);
	/* shares the broadcast address of the /24 */
	KUNIT_EXPECT_EQ(test, pt_range(a, A4(10, 0, 0, 255), A4(10, 0, 1, 5)),
			-EEXIST);
	/* adjacent is fine */
	KUNIT_EXPECT_EQ(test, pt_range(a, A4(10, 0, 1, 0), A4(10, 0, 1, 5)), 0);
	/* inside, around, and touching the ends of a's ranges from b */
	KUNIT_EXPECT_EQ(test, pt_prefix(b, A4(10, 0, 0, 128), 25), -EEXIST);
	KUNIT_EXPECT_EQ(test, pt_prefix(b, A4(10, 0, 0, 0), 23), -EEXIST);
	KUNIT_EXPECT_EQ(test, pt_range(b, A4(9, 255, 255, 250),
				       A4(10, 0, 0, 0)), -EEXIST);
	KUNIT_EXPECT_EQ(test, pt_range(b, A4(10, 0, 1, 5), A4(10, 0, 1, 9)),
			-EEXIST);
	KUNIT_EXPECT_EQ(test, pt_range(b, A4(10, 0, 1, 6), A4(10, 0, 1, 9)), 0);
	/* another namespace may use the same addresses */
	KUNIT_EXPECT_EQ(test, pt_prefix(c, A4(10, 0, 0, 0), 23),
			IS_ENABLED(CONFIG_NET_NS) ? 0 : -EEXIST);
	PT_USAGE(test, a, 254 + 6, 0);
	PT_USAGE(test, b, 4, 0);
}

/**
 * pool_test_zero_prefix - zero prefix
 * @test: the test
 */
void pool_test_zero_prefix(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *q, *owner;

	/* 0.0.0.0 is the network address and 0.0.0.3 the broadcast */
	KUNIT_ASSERT_EQ(test, pt_prefix(p, 0, 30), 0);
	PT_USAGE(test, p, 2, 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, 0, &owner), -EPERM);
	KUNIT_EXPECT_NULL(test, owner);
	KUNIT_EXPECT_EQ(test, pt_take(p, 3, &owner), -EPERM);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 1);
	KUNIT_EXPECT_PTR_EQ(test, owner, p);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 2);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	KUNIT_EXPECT_NULL(test, owner);
	KUNIT_EXPECT_EQ(test, pt_release(p, 1), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, 2), 0);
	pt_delete(test, p, "p");
	/* as a plain range, only 0.0.0.0 itself is reserved */
	q = pt_new(test, 0, "q");
	KUNIT_ASSERT_EQ(test, pt_range(q, 0, 3), 0);
	PT_USAGE(test, q, 3, 0);
	KUNIT_EXPECT_EQ(test, pt_take(q, 0, &owner), -EPERM);
	KUNIT_EXPECT_EQ(test, pt_take(q, 3, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_release(q, 3), 0);
}

/**
 * pool_test_prefix24 - prefix24
 * @test: the test
 */
void pool_test_prefix24(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *owner;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 1, 2, 0), 24), 0);
	PT_USAGE(test, p, 254, 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 1, 2, 0), &owner), -EPERM);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 1, 2, 255), &owner), -EPERM);
	/* a fresh pool hands its addresses out in order */
	for (i = 1; i <= 254; i++)
		KUNIT_ASSERT_EQ(test, pt_take_any(p, &owner), A4(10, 1, 2, i));
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	PT_USAGE(test, p, 254, 254);
	for (i = 1; i <= 254; i++)
		KUNIT_ASSERT_EQ(test, pt_release(p, A4(10, 1, 2, i)), 0);
	PT_USAGE(test, p, 254, 0);
}

/**
 * pool_test_top_of_space - top of space
 * @test: the test
 */
void pool_test_top_of_space(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *q, *owner;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, pt_range(p, A4(255, 255, 255, 250), U32_MAX), 0);
	PT_USAGE(test, p, 5, 0);
	for (i = 250; i < 255; i++)
		KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner),
				A4(255, 255, 255, i));
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, U32_MAX, &owner), -EPERM);
	KUNIT_EXPECT_EQ(test, pt_release(p, U32_MAX), -EINVAL);
	for (i = 250; i < 255; i++)
		KUNIT_EXPECT_EQ(test, pt_release(p, A4(255, 255, 255, i)), 0);
	pt_delete(test, p, "p");
	q = pt_new(test, 0, "q");
	/* as a prefix the network address is reserved as well */
	KUNIT_ASSERT_EQ(test, pt_prefix(q, A4(255, 255, 255, 252), 30), 0);
	PT_USAGE(test, q, 2, 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(q, &owner), A4(255, 255, 255, 253));
	KUNIT_EXPECT_EQ(test, pt_take_any(q, &owner), A4(255, 255, 255, 254));
	KUNIT_EXPECT_EQ(test, pt_take_any(q, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_release(q, A4(255, 255, 255, 253)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(q, A4(255, 255, 255, 254)), 0);
}

/**
 * pool_test_prefix31_32 - prefix31 32
 * @test: the test
 */
void pool_test_prefix31_32(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *owner;

	/* RFC 3021: both addresses of a /31 are usable; a /32 is one host */
	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 2, 0, 0), 31), 0);
	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 2, 0, 5), 32), 0);
	PT_USAGE(test, p, 3, 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 2, 0, 0), &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 2, 0, 1), &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 2, 0, 5));
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 2, 0, 0)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 2, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 2, 0, 5)), 0);
}

/**
 * pool_test_reserve - reserve
 * @test: the test
 */
void pool_test_reserve(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *owner;
	unsigned int i;
	u32 a;

	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 3, 0, 0), 29), 0);
	PT_USAGE(test, p, 6, 0);
	/* the server's local address */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 3, 0, 1))),
			0);
	PT_USAGE(test, p, 5, 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 3, 0, 1), &owner), -EPERM);
	/* again, or an address reserved anyway: nothing changes */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 3, 0, 1))),
			0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 3, 0, 7))),
			0);
	PT_USAGE(test, p, 5, 0);
	/* a leased address cannot be reserved */
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 3, 0, 2), &owner), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 3, 0, 2))),
			-EBUSY);
	/* reserved before its range is added */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 3, 0, 9))),
			0);
	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 3, 0, 8), A4(10, 3, 0, 10)),
			0);
	PT_USAGE(test, p, 7, 1);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 3, 0, 9), &owner), -EPERM);
	while ((a = pt_take_any(p, &owner))) {
		KUNIT_EXPECT_NE(test, a, A4(10, 3, 0, 1));
		KUNIT_EXPECT_NE(test, a, A4(10, 3, 0, 9));
	}
	PT_USAGE(test, p, 7, 7);
	for (i = 2; i <= 10; i++)
		if (i != 7 && i != 9)
			KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 3, 0, i)), 0);
	PT_USAGE(test, p, 7, 0);
	/* two entries used so far; the list holds IPCP_NEG_POOL_MAX_RESERVED */
	for (i = 2; i < IPCP_NEG_POOL_MAX_RESERVED; i++)
		KUNIT_EXPECT_EQ(test,
				ipcp_neg_pool_reserve(p, htonl(A4(10, 4, 0, i))),
				0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 4, 1, 0))),
			-ENOSPC);
}

/**
 * pool_test_release_errors - release errors
 * @test: the test
 */
void pool_test_release_errors(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *owner;

	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 5, 0, 0), 30), 0);
	/* reserved, free, and outside the pool */
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 5, 0, 0)), -EINVAL);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 5, 0, 1)), -EINVAL);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 6, 0, 1)), -ENOENT);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 5, 0, 1), &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 5, 0, 1)), 0);
	/* a second release must not drop the lease's reference twice */
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 5, 0, 1)), -EINVAL);
	PT_USAGE(test, p, 2, 0);
}

/* ---- memory: bitmap chunks follow the leases ---- */

/* Offsets per bitmap chunk (addr_pool_bits.h): 4 KiB of bitmap */
#define PT_CHUNK	32768U

/**
 * pool_test_chunks - chunks
 * @test: the test
 */
void pool_test_chunks(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "chunks");
	struct ipcp_neg_pool *owner;
	size_t base, one;
	u32 a, i;

	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 0, 0, 0), 8), 0);
	base = ipcp_neg_pool_mem(p);
	/* the first lease of a chunk allocates its 4 KiB, the second nothing */
	KUNIT_ASSERT_EQ(test, pt_take(p, A4(10, 1, 0, 7), &owner), 0);
	one = ipcp_neg_pool_mem(p);
	KUNIT_EXPECT_GE(test, one - base, (size_t)SZ_4K);
	KUNIT_EXPECT_LE(test, one - base, (size_t)(SZ_4K + 256));
	KUNIT_ASSERT_EQ(test, pt_take(p, A4(10, 1, 0, 8), &owner), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_mem(p), one);
	/* a lease in another chunk costs another one */
	KUNIT_ASSERT_EQ(test, pt_take(p, A4(10, 200, 0, 1), &owner), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_mem(p), base + 2 * (one - base));
	/* freed with its last lease, not before */
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 1, 0, 7)), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_mem(p), base + 2 * (one - base));
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 1, 0, 8)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 200, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_mem(p), base);
	/*
	 * Next fit fills the first chunk (its network address reserved),
	 * then moves on to the second; the reserved address is marked again
	 * when the first chunk comes back.
	 */
	for (i = 1; i < PT_CHUNK; i++)
		KUNIT_ASSERT_EQ(test, pt_take_any(p, &owner), A4(10, 0, 0, 0) + i);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_mem(p), one);
	a = pt_take_any(p, &owner);
	KUNIT_EXPECT_EQ(test, a, A4(10, 0, 0, 0) + PT_CHUNK);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_mem(p), base + 2 * (one - base));
	for (i = 1; i < PT_CHUNK; i++)
		KUNIT_ASSERT_EQ(test, pt_release(p, A4(10, 0, 0, 0) + i), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_mem(p), one);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 0, 0, 5), &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 0, 0, 0), &owner), -EPERM);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 0, 0, 0)), -EINVAL);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 0, 0, 5)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, a), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_mem(p), base);
	PT_USAGE(test, p, (1U << 24) - 2, 0);
}

/**
 * pool_test_mem_64_slash8 - The 128 MiB of configuration in the issue: 64 /8s,
 * no lease
 * @test: the test
 */
void pool_test_mem_64_slash8(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "big");
	unsigned int i;
	size_t mem;

	for (i = 0; i < IPCP_NEG_POOL_MAX_RANGES; i++)
		KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(64 + i, 0, 0, 0), 8), 0);
	mem = ipcp_neg_pool_mem(p);
	kunit_info(test, "64 /8s take %zu bytes with no lease\n", mem);
	KUNIT_EXPECT_LE(test, mem, (size_t)(IPCP_NEG_POOL_MAX_RANGES * SZ_16K));
}

/* Add @n addresses from @first on to @p, as ranges of at most a /8 */
static int pt_fill_addrs(struct ipcp_neg_pool *p, u32 first, u64 n)
{
	u32 len;
	int err;

	for (; n; n -= len, first += len) {
		len = min_t(u64, n, IPCP_NEG_POOL_MAX_RANGE_SIZE);
		err = pt_range(p, first, first + len - 1);
		if (err)
			return err;
	}
	return 0;
}

/**
 * pool_test_userns_bound - userns bound
 * @test: the test
 */
void pool_test_userns_bound(struct kunit *test)
{
	u64 max = ipcp_neg_param_userns_pool_addrs();
	struct ipcp_neg_pool *a, *b, *c, *owner;

	/* one pool of 64 /8s holds 2^30 addresses; leave room past the bound */
	if (max >= (u64)(IPCP_NEG_POOL_MAX_RANGES - 1) *
		   IPCP_NEG_POOL_MAX_RANGE_SIZE)
		kunit_skip(test, "userns_pool_addrs=%llu is too big to reach", max);
	a = pt_new(test, 1, "a");
	b = pt_new(test, 1, "b");
	/* up to the bound, over two pools, then not one address more */
	KUNIT_ASSERT_EQ(test, pt_range(a, A4(10, 0, 0, 1), A4(10, 0, 0, 1)),
			max ? 0 : -EDQUOT);
	KUNIT_ASSERT_EQ(test, pt_fill_addrs(b, A4(64, 0, 0, 0), max - !!max),
			0);
	KUNIT_EXPECT_EQ(test, pt_range(a, A4(10, 0, 0, 2), A4(10, 0, 0, 2)),
			-EDQUOT);
	KUNIT_EXPECT_EQ(test, pt_prefix(a, A4(11, 0, 0, 0), 8), -EDQUOT);
	/* the namespace owned by the initial user namespace is not bound */
	c = pt_new(test, 0, "c");
	KUNIT_EXPECT_EQ(test, pt_fill_addrs(c, A4(64, 0, 0, 0), max + 1), 0);
	if (!max)
		return;
	/* a deleted pool's addresses count while a lease keeps it */
	KUNIT_ASSERT_EQ(test, pt_take(a, A4(10, 0, 0, 1), &owner), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 1), "a"), 0);
	pt_drop(test, a);
	a = pt_new(test, 1, "a2");
	KUNIT_EXPECT_EQ(test, pt_range(a, A4(10, 0, 0, 9), A4(10, 0, 0, 9)),
			-EDQUOT);
	KUNIT_EXPECT_EQ(test, pt_release(owner, A4(10, 0, 0, 1)), 0);
	/* and no longer once it is freed */
	KUNIT_EXPECT_EQ(test, pt_range(a, A4(10, 0, 0, 9), A4(10, 0, 0, 9)), 0);
}

/* ---- what the sysfs files read: ranges, next, extra references ---- */

/* Expect range @i of @p to be @first..@last */
static void pt_expect_range(struct kunit *test, struct ipcp_neg_pool *p,
			    unsigned int i, u32 first, u32 last)
{
	__be32 f = 0, l = 0;

	KUNIT_ASSERT_EQ_MSG(test, ipcp_neg_pool_range(p, i, &f, &l), 0,
			    "range %u", i);
	KUNIT_EXPECT_EQ_MSG(test, be32_to_cpu(f), first, "range %u", i);
	KUNIT_EXPECT_EQ_MSG(test, be32_to_cpu(l), last, "range %u", i);
}

/**
 * pool_test_range_iter - range iter
 * @test: the test
 */
void pool_test_range_iter(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	__be32 f = cpu_to_be32(1), l = cpu_to_be32(2);

	/* an empty pool has no range 0, and the outputs stay untouched */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_range(p, 0, &f, &l), -ENOENT);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(f), 1U);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(l), 2U);
	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 70, 0, 5), A4(10, 70, 0, 9)),
			0);
	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 71, 0, 0), 24), 0);
	/* a refused range is not listed */
	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 70, 0, 9), A4(10, 70, 0, 9)),
			-EEXIST);
	KUNIT_ASSERT_EQ(test, pt_range(p, A4(9, 0, 0, 0), A4(9, 0, 0, 1)), 0);
	/* in the order added; a prefix shows its network and broadcast */
	pt_expect_range(test, p, 0, A4(10, 70, 0, 5), A4(10, 70, 0, 9));
	pt_expect_range(test, p, 1, A4(10, 71, 0, 0), A4(10, 71, 0, 255));
	pt_expect_range(test, p, 2, A4(9, 0, 0, 0), A4(9, 0, 0, 1));
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_range(p, 3, &f, &l), -ENOENT);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_range(p, UINT_MAX, &f, &l),
			-ENOENT);
}

/**
 * pool_test_get_next - get next
 * @test: the test
 */
void pool_test_get_next(struct kunit *test)
{
	struct ipcp_neg_pool *a = pt_new(test, 0, "a");
	struct ipcp_neg_pool *b = pt_new(test, 0, "b");
	struct ipcp_neg_pool *n;

	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get_next(a));
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(a, b), 0);
	n = ipcp_neg_pool_get_next(a);
	KUNIT_EXPECT_PTR_EQ(test, n, b);
	ipcp_neg_pool_put(n);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get_next(b));
	/* a deleted next pool is still the next one, with its name */
	pt_delete(test, b, "b");
	n = ipcp_neg_pool_get_next(a);
	KUNIT_ASSERT_NOT_NULL(test, n);
	KUNIT_EXPECT_STREQ(test, ipcp_neg_pool_name(n), "b");
	ipcp_neg_pool_put(n);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(a, NULL), 0);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get_next(a));
}

/**
 * pool_test_hold - hold
 * @test: the test
 */
void pool_test_hold(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *q, *owner;

	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 72, 0, 1), A4(10, 72, 0, 1)),
			0);
	ipcp_neg_pool_hold(p);
	/* config and create references gone: the held one keeps it alive */
	pt_delete(test, p, "p");
	KUNIT_EXPECT_STREQ(test, ipcp_neg_pool_name(p), "p");
	PT_USAGE(test, p, 1, 0);
	/* deleted: it hands nothing out, and its range still blocks others */
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 0), "p"));
	q = pt_new(test, 0, "q");
	KUNIT_EXPECT_EQ(test, pt_range(q, A4(10, 72, 0, 1),
				       A4(10, 72, 0, 1)), -EEXIST);
	ipcp_neg_pool_put(p);
	/* the last put freed it: the range is free for others again */
	KUNIT_EXPECT_EQ(test, pt_range(q, A4(10, 72, 0, 1),
				       A4(10, 72, 0, 1)), 0);
}
