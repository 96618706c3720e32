/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the KUnit suites of this directory share: IPv4 addresses written as
 * four bytes and compared as addresses, and test pools.
 */
#ifndef _IPCP_NEG_TESTS_TEST_UTIL_H
#define _IPCP_NEG_TESTS_TEST_UTIL_H

#include <kunit/test.h>
#include <linux/types.h>

struct ipcp_neg_pool;

/* A network-order IPv4 address from its four bytes */
#define IP4(a, b, c, d) cpu_to_be32((u32)(a) << 24 | (u32)(b) << 16 | \
				    (u32)(c) << 8 | (u32)(d))

/* Compare addresses as numbers, print them as addresses */
#define IPCP_NEG_EXPECT_ADDR(test, got, want)				\
	do {								\
		__be32 __got = (got), __want = (want);			\
									\
		KUNIT_EXPECT_EQ_MSG(test, be32_to_cpu(__got),		\
				    be32_to_cpu(__want),		\
				    "got %pI4 want %pI4", &__got, &__want); \
	} while (0)

struct ipcp_neg_pool *ipcp_neg_test_pool_new(struct kunit *test,
					     const char *name, __be32 first,
					     __be32 last);
void ipcp_neg_test_pool_del(struct ipcp_neg_pool *p, const char *name);
void ipcp_neg_test_usage(struct kunit *test, struct ipcp_neg_pool *p,
			 u32 total, u32 used, int line);

/* The pool's usable and used addresses, reported with the caller's line */
#define IPCP_NEG_EXPECT_USAGE(test, p, total, used) \
	ipcp_neg_test_usage(test, p, total, used, __LINE__)

#endif /* _IPCP_NEG_TESTS_TEST_UTIL_H */
