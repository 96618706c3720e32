/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of the ipcp_neg_pool KUnit suite share (pool_test.c holds
 * the suite, names and namespaces, and taking addresses; pool_range_test.c
 * ranges, reserved addresses, memory and what the sysfs files read;
 * pool_chain_test.c chains, lifetime and the model run): the fake
 * namespaces of each test and short forms of the pool calls, in host order.
 */
#ifndef _IPCP_NEG_TESTS_POOL_TEST_H
#define _IPCP_NEG_TESTS_POOL_TEST_H

#include <kunit/test.h>
#include <linux/err.h>
#include <net/net_namespace.h>

#include "../addr_pool.h"
#include "test_util.h"

/* A host-order IPv4 address from its four bytes */
#define A4(a, b, c, d) \
	((u32)(a) << 24 | (u32)(b) << 16 | (u32)(c) << 8 | (u32)(d))

#define POOL_TEST_MAX_POOLS	24
#define POOL_TEST_INIT_NET_NAME	"kunit-ipcp-neg-pool"

struct pool_test_ctx {
	struct net *nets[2];	/* fake namespaces, see above */
	unsigned long userns;	/* the second one's owner, never read */
	struct ipcp_neg_pool *pools[POOL_TEST_MAX_POOLS];
	unsigned int npools;
};

static inline struct net *pt_net(struct kunit *test, unsigned int i)
{
	struct pool_test_ctx *ctx = test->priv;

	return ctx->nets[i];
}

/* Remember @p so that the exit method drops the reference create gave */
static inline void pt_track(struct kunit *test, struct ipcp_neg_pool *p)
{
	struct pool_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_LT(test, ctx->npools, POOL_TEST_MAX_POOLS);
	ctx->pools[ctx->npools++] = p;
}

static inline struct ipcp_neg_pool *pt_new(struct kunit *test, unsigned int net,
					   const char *name)
{
	struct ipcp_neg_pool *p = ipcp_neg_pool_create(pt_net(test, net), name);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	pt_track(test, p);
	return p;
}

/* The test's own reference to @p is no longer the exit method's business */
static inline void pt_untrack(struct kunit *test, struct ipcp_neg_pool *p)
{
	struct pool_test_ctx *ctx = test->priv;
	unsigned int i;

	for (i = 0; i < ctx->npools; i++)
		if (ctx->pools[i] == p)
			ctx->pools[i] = NULL;
}

/* Drop the test's own reference to @p now rather than at exit */
static inline void pt_drop(struct kunit *test, struct ipcp_neg_pool *p)
{
	pt_untrack(test, p);
	ipcp_neg_pool_put(p);
}

/* Delete @p (named @name, in the first namespace) and drop the test's ref */
static inline void pt_delete(struct kunit *test, struct ipcp_neg_pool *p,
			     const char *name)
{
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), name), 0);
	pt_drop(test, p);
}

static inline u32 pt_take_any(struct ipcp_neg_pool *p,
			      struct ipcp_neg_pool **owner)
{
	return be32_to_cpu(ipcp_neg_pool_take_any(p, owner));
}

static inline int pt_take(struct ipcp_neg_pool *p, u32 a,
			  struct ipcp_neg_pool **owner)
{
	return ipcp_neg_pool_take(p, cpu_to_be32(a), owner);
}

static inline int pt_release(struct ipcp_neg_pool *p, u32 a)
{
	return ipcp_neg_pool_release(p, cpu_to_be32(a));
}

static inline int pt_range(struct ipcp_neg_pool *p, u32 first, u32 last)
{
	return ipcp_neg_pool_add_range(p, cpu_to_be32(first),
				       cpu_to_be32(last));
}

static inline int pt_prefix(struct ipcp_neg_pool *p, u32 a, u8 plen)
{
	return ipcp_neg_pool_add_prefix(p, cpu_to_be32(a), plen);
}

/* The pool's usable and used addresses */
#define PT_USAGE(test, p, total, used) \
	IPCP_NEG_EXPECT_USAGE(test, p, total, used)

/* pool_range_test.c */
void pool_test_bad_ranges(struct kunit *test);
void pool_test_overlap(struct kunit *test);
void pool_test_zero_prefix(struct kunit *test);
void pool_test_prefix24(struct kunit *test);
void pool_test_top_of_space(struct kunit *test);
void pool_test_prefix31_32(struct kunit *test);
void pool_test_reserve(struct kunit *test);
void pool_test_release_errors(struct kunit *test);
void pool_test_chunks(struct kunit *test);
void pool_test_mem_64_slash8(struct kunit *test);
void pool_test_userns_bound(struct kunit *test);
void pool_test_range_iter(struct kunit *test);
void pool_test_get_next(struct kunit *test);
void pool_test_hold(struct kunit *test);

/* pool_chain_test.c */
void pool_test_chain(struct kunit *test);
void pool_test_cycle(struct kunit *test);
void pool_test_chain_limit(struct kunit *test);
void pool_test_dead_in_chain(struct kunit *test);
void pool_test_delete_leased(struct kunit *test);
void pool_test_get_put(struct kunit *test);
void pool_test_softirq(struct kunit *test);
void pool_test_model(struct kunit *test);

#endif /* _IPCP_NEG_TESTS_POOL_TEST_H */
