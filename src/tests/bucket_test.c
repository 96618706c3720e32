// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the token bucket (bucket.h) that ratelimits the
 * Protocol-Rejects a peer can make a link send: how many tokens a burst
 * gets, how they come back with time, and the clock wrapping.
 */

#include <kunit/test.h>

#include "../bucket.h"

/* Tokens taken from @b at @now before it refuses, up to @max tries */
static unsigned int bk_drain(struct ipcp_neg_bucket *b, u32 now, u32 rate,
			     u32 burst, unsigned int max)
{
	unsigned int n = 0;

	while (n < max && ipcp_neg_bucket_take(b, now, rate, burst))
		n++;
	return n;
}

static void bk_test_burst(struct kunit *test)
{
	struct ipcp_neg_bucket b;

	ipcp_neg_bucket_init(&b, 1000, 10);
	KUNIT_EXPECT_EQ(test, bk_drain(&b, 1000, 10, 10, 100), 10U);
	/* none left at the same time, none 99 ms later */
	KUNIT_EXPECT_FALSE(test, ipcp_neg_bucket_take(&b, 1000, 10, 10));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_bucket_take(&b, 1099, 10, 10));
}

static void bk_test_refill(struct kunit *test)
{
	struct ipcp_neg_bucket b;

	ipcp_neg_bucket_init(&b, 0, 10);
	bk_drain(&b, 0, 10, 10, 100);
	/* one token per 100 ms at 10 a second */
	KUNIT_EXPECT_EQ(test, bk_drain(&b, 100, 10, 10, 100), 1U);
	KUNIT_EXPECT_EQ(test, bk_drain(&b, 350, 10, 10, 100), 2U);
	/* the 50 ms left over from 350 count towards the next token */
	KUNIT_EXPECT_EQ(test, bk_drain(&b, 400, 10, 10, 100), 1U);
	/* a long pause fills the bucket to its burst, no more */
	KUNIT_EXPECT_EQ(test, bk_drain(&b, 100000, 10, 10, 100), 10U);
}

static void bk_test_rate(struct kunit *test)
{
	struct ipcp_neg_bucket b;
	unsigned int n = 0;
	u32 t;

	/* a take every ms for 10 s: the burst plus 10 a second */
	ipcp_neg_bucket_init(&b, 5, 10);
	for (t = 5; t < 10005; t++)
		n += ipcp_neg_bucket_take(&b, t, 10, 10);
	KUNIT_EXPECT_EQ(test, n, 10U + 100U - 1U);
}

static void bk_test_wrap(struct kunit *test)
{
	struct ipcp_neg_bucket b;

	ipcp_neg_bucket_init(&b, 0xffffff00, 2);
	bk_drain(&b, 0xffffff00, 10, 2, 10);
	/* 0x100 + 0x10 ms later across the wrap: two tokens (burst) */
	KUNIT_EXPECT_EQ(test, bk_drain(&b, 0x10, 10, 2, 10), 2U);
}

static void bk_test_bounds(struct kunit *test)
{
	struct ipcp_neg_bucket b;

	/* a rate of 0 is taken as 1, above 1000 as 1000 */
	ipcp_neg_bucket_init(&b, 0, 1);
	bk_drain(&b, 0, 0, 1, 10);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_bucket_take(&b, 999, 0, 1));
	KUNIT_EXPECT_TRUE(test, ipcp_neg_bucket_take(&b, 1000, 0, 1));
	ipcp_neg_bucket_init(&b, 0, 1);
	bk_drain(&b, 0, 5000, 1, 10);
	KUNIT_EXPECT_TRUE(test, ipcp_neg_bucket_take(&b, 1, 5000, 1));
	/* a burst of 0 never gives a token */
	ipcp_neg_bucket_init(&b, 0, 0);
	KUNIT_EXPECT_EQ(test, bk_drain(&b, 5000, 10, 0, 10), 0U);
}

static struct kunit_case bk_cases[] = {
	KUNIT_CASE(bk_test_burst),
	KUNIT_CASE(bk_test_refill),
	KUNIT_CASE(bk_test_rate),
	KUNIT_CASE(bk_test_wrap),
	KUNIT_CASE(bk_test_bounds),
	{}
};

static struct kunit_suite bk_suite = {
	.name = "ipcp_neg_bucket",
	.test_cases = bk_cases,
};

kunit_test_suite(bk_suite);
