// SPDX-License-Identifier: GPL-2.0
/*
 * What the KUnit suites of this directory share (see test_util.h).
 */

#include <kunit/test.h>
#include <linux/err.h>
#include <net/net_namespace.h>

#include "../addr_pool.h"
#include "test_util.h"

/**
 * ipcp_neg_test_pool_new - a pool of the initial namespace with one range
 * @test: the test, failed if the pool cannot be made
 * @name: the pool's name
 * @first: the range's first address
 * @last: its last address
 *
 * Return: the pool, with the reference create gave; the caller gives it
 * back with ipcp_neg_test_pool_del().
 */
struct ipcp_neg_pool *ipcp_neg_test_pool_new(struct kunit *test,
					     const char *name, __be32 first,
					     __be32 last)
{
	struct ipcp_neg_pool *p = ipcp_neg_pool_create(&init_net, name);
	int err;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	err = ipcp_neg_pool_add_range(p, first, last);
	if (err)
		ipcp_neg_test_pool_del(p, name);
	KUNIT_ASSERT_EQ(test, err, 0);
	return p;
}

/**
 * ipcp_neg_test_pool_del - delete a pool of ipcp_neg_test_pool_new()
 * @p: the pool, or NULL for none
 * @name: its name
 *
 * Deletes it from the initial namespace and drops the caller's reference.
 */
void ipcp_neg_test_pool_del(struct ipcp_neg_pool *p, const char *name)
{
	if (!p)
		return;
	ipcp_neg_pool_delete(&init_net, name);
	ipcp_neg_pool_put(p);
}

/**
 * ipcp_neg_test_usage - expect a pool's counters
 * @test: the test
 * @p: the pool
 * @total: addresses it should have usable
 * @used: addresses it should have leased
 * @line: the caller's line, for the message (IPCP_NEG_EXPECT_USAGE())
 */
void ipcp_neg_test_usage(struct kunit *test, struct ipcp_neg_pool *p,
			 u32 total, u32 used, int line)
{
	u32 t, u;

	ipcp_neg_pool_usage(p, &t, &u);
	KUNIT_EXPECT_EQ_MSG(test, t, total, "total, line %d", line);
	KUNIT_EXPECT_EQ_MSG(test, u, used, "used, line %d", line);
}
