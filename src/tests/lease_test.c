// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the lease policy (lease.c) over a real pool: what a
 * server link's peer gets, with the link's own address inside the pool.
 * Each test uses the pool 10.1.0.1-10.1.0.3 (three usable addresses) and
 * leases that share the local address 10.1.0.1, as the links of one access
 * concentrator do. The exit method gives back what the leases hold and
 * deletes the pool; the pool's counters show any address leaked.
 */

#include <kunit/test.h>

#include "../addr_pool.h"
#include "../lease.h"
#include "test_util.h"

#define A(n)		IP4(10, 1, 0, (n))	/* A(1) .. A(3) in the pool */
#define LOCAL		A(1)
#define POOL_NAME	"kunit-ipcp-neg-lease"
#define NLEASES		3

struct lease_ctx {
	struct ipcp_neg_pool *pool;
	struct ipcp_neg_lease l[NLEASES];
};

static int lease_test_init(struct kunit *test)
{
	struct lease_ctx *ctx;
	int i;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;
	ctx->pool = ipcp_neg_test_pool_new(test, POOL_NAME, A(1), A(3));
	for (i = 0; i < NLEASES; i++) {
		ipcp_neg_pool_hold(ctx->pool);
		ipcp_neg_lease_init(&ctx->l[i], ctx->pool);
	}
	return 0;
}

static void lease_test_exit(struct kunit *test)
{
	struct lease_ctx *ctx = test->priv;
	int i;

	for (i = 0; i < NLEASES; i++)
		ipcp_neg_lease_uninit(&ctx->l[i]);
	ipcp_neg_test_pool_del(ctx->pool, POOL_NAME);
}

static void lease_expect_used(struct kunit *test, u32 used)
{
	struct lease_ctx *ctx = test->priv;

	IPCP_NEG_EXPECT_USAGE(test, ctx->pool, 3, used);
}

/* assign() for @l with our local address; the address, or 0 on failure */
static __be32 lease_get(struct kunit *test, struct ipcp_neg_lease *l,
			__be32 wanted)
{
	__be32 a = 0;

	if (ipcp_neg_lease_assign(l, wanted, LOCAL, &a))
		return 0;
	KUNIT_EXPECT_NE(test, be32_to_cpu(a), be32_to_cpu(LOCAL));
	return a;
}

/* Next fit passes over the local address and leaks nothing */
static void lease_test_skip_local(struct kunit *test)
{
	struct lease_ctx *ctx = test->priv;
	__be32 a = 0;

	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[0], 0), A(2));
	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[0], 0), A(2));
	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[1], 0), A(3));
	lease_expect_used(test, 2);
	/* only the local address is free: none for a third link */
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_assign(&ctx->l[2], 0, LOCAL, &a),
			-ENOSPC);
	IPCP_NEG_EXPECT_ADDR(test, ctx->l[2].addr, 0);
	lease_expect_used(test, 2);
	/* a link with no local address of the pool may have it */
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_assign(&ctx->l[2], 0, 0, &a), 0);
	IPCP_NEG_EXPECT_ADDR(test, a, A(1));
	lease_expect_used(test, 3);
}

/* The peer asks for the local address: it gets the lease instead */
static void lease_test_wanted_local(struct kunit *test)
{
	struct lease_ctx *ctx = test->priv;

	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[0], LOCAL), A(2));
	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[0], LOCAL), A(2));
	/* a free address it asks for is granted, the old one goes back */
	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[0], A(3)), A(3));
	lease_expect_used(test, 1);
	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[1], A(2)), A(2));
	lease_expect_used(test, 2);
}

/* Sticky: after IPCP down the same address again, unless it is ours */
static void lease_test_sticky(struct kunit *test)
{
	struct lease_ctx *ctx = test->priv;
	__be32 a = 0;

	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[0], 0), A(2));
	ipcp_neg_lease_drop(&ctx->l[0]);
	lease_expect_used(test, 0);
	IPCP_NEG_EXPECT_ADDR(test, ctx->l[0].last, A(2));
	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[0], 0), A(2));

	/* the held address became our local one: given back, another taken */
	KUNIT_ASSERT_EQ(test, ipcp_neg_lease_assign(&ctx->l[0], 0, A(2), &a),
			0);
	IPCP_NEG_EXPECT_ADDR(test, a, A(3));
	lease_expect_used(test, 1);
	/* the sticky address is ours now: not taken either */
	ipcp_neg_lease_drop(&ctx->l[0]);
	ctx->l[0].last = A(2);
	KUNIT_ASSERT_EQ(test, ipcp_neg_lease_assign(&ctx->l[0], 0, A(2), &a),
			0);
	KUNIT_EXPECT_NE(test, be32_to_cpu(a), be32_to_cpu(A(2)));
	lease_expect_used(test, 1);
}

/* What the sysfs local store and attach call */
static void lease_test_set_local(struct kunit *test)
{
	struct lease_ctx *ctx = test->priv;
	struct ipcp_neg_lease none = { };

	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[0], 0), A(2));
	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[1], 0), A(3));
	/* another link's peer has it */
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_set_local(&ctx->l[0], A(3)),
			-EADDRINUSE);
	IPCP_NEG_EXPECT_ADDR(test, ctx->l[1].addr, A(3));
	lease_expect_used(test, 2);
	/* free, outside the pool, or none: accepted, nothing taken */
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_set_local(&ctx->l[0], A(1)), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_set_local(&ctx->l[0],
						       IP4(10, 2, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_set_local(&ctx->l[0], 0), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_set_local(&none, A(3)), 0);
	lease_expect_used(test, 2);
	/* our own peer's: given back now, not sticky */
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_set_local(&ctx->l[0], A(2)), 0);
	IPCP_NEG_EXPECT_ADDR(test, ctx->l[0].addr, 0);
	IPCP_NEG_EXPECT_ADDR(test, ctx->l[0].last, 0);
	lease_expect_used(test, 1);
}

/* A new address source: the lease goes at once unless IPCP is up */
static void lease_test_set_src(struct kunit *test)
{
	struct lease_ctx *ctx = test->priv;
	struct ipcp_neg_pool *old;

	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[0], 0), A(2));
	old = ipcp_neg_lease_set_src(&ctx->l[0], NULL, true);
	KUNIT_EXPECT_PTR_EQ(test, old, ctx->pool);
	ipcp_neg_pool_put(old);
	IPCP_NEG_EXPECT_ADDR(test, ctx->l[0].addr, A(2));	/* still in use */
	lease_expect_used(test, 1);
	ipcp_neg_lease_drop(&ctx->l[0]);		/* IPCP down */
	lease_expect_used(test, 0);

	IPCP_NEG_EXPECT_ADDR(test, lease_get(test, &ctx->l[1], 0), A(3));
	ipcp_neg_pool_hold(ctx->pool);
	old = ipcp_neg_lease_set_src(&ctx->l[1], ctx->pool, false);
	ipcp_neg_pool_put(old);
	IPCP_NEG_EXPECT_ADDR(test, ctx->l[1].addr, 0);
	IPCP_NEG_EXPECT_ADDR(test, ctx->l[1].last, 0);
	lease_expect_used(test, 0);
}

static struct kunit_case lease_test_cases[] = {
	KUNIT_CASE(lease_test_skip_local),
	KUNIT_CASE(lease_test_wanted_local),
	KUNIT_CASE(lease_test_sticky),
	KUNIT_CASE(lease_test_set_local),
	KUNIT_CASE(lease_test_set_src),
	{}
};

static struct kunit_suite lease_test_suite = {
	.name = "ipcp_neg_lease",
	.init = lease_test_init,
	.exit = lease_test_exit,
	.test_cases = lease_test_cases,
};

kunit_test_suite(lease_test_suite);
