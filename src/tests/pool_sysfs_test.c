// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for pools created and deleted through pool_sysfs.h, the
 * path of the control device and of the pools/ files, in init_net.
 */

#include <kunit/test.h>
#include <linux/err.h>
#include <net/net_namespace.h>

#include "../addr_pool.h"
#include "../pool_sysfs.h"

#define PS_NAME	"kunit-ipcp-neg-rollback"

/*
 * Undoing a creation deletes that pool only: if someone deleted it and
 * made another of the same name meanwhile, the other stays (ctl.c's
 * pool add rolls back with ipcp_neg_pool_sysfs_delete_pool()).
 */
static void ps_test_delete_pool_only_its_own(struct kunit *test)
{
	struct ipcp_neg_pool *p, *q, *g;

	p = ipcp_neg_pool_sysfs_create(&init_net, PS_NAME);
	KUNIT_ASSERT_FALSE(test, IS_ERR(p));
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_sysfs_delete(&init_net, PS_NAME), 0);
	q = ipcp_neg_pool_sysfs_create(&init_net, PS_NAME);
	if (IS_ERR(q)) {
		ipcp_neg_pool_put(p);
		KUNIT_FAIL(test, "second create: %ld", PTR_ERR(q));
		return;
	}

	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_sysfs_delete_pool(&init_net, p),
			-ENOENT);
	g = ipcp_neg_pool_get(&init_net, PS_NAME);
	KUNIT_EXPECT_PTR_EQ(test, g, q);
	ipcp_neg_pool_put(g);

	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_sysfs_delete_pool(&init_net, q), 0);
	g = ipcp_neg_pool_get(&init_net, PS_NAME);
	KUNIT_EXPECT_NULL(test, g);
	ipcp_neg_pool_put(g);
	ipcp_neg_pool_put(p);
	ipcp_neg_pool_put(q);
}

static struct kunit_case ps_test_cases[] = {
	KUNIT_CASE(ps_test_delete_pool_only_its_own),
	{}
};

static struct kunit_suite ps_test_suite = {
	.name = "ipcp_neg_pool_sysfs",
	.test_cases = ps_test_cases,
};

kunit_test_suite(ps_test_suite);
