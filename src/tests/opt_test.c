// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the option list walker: framing rules of RFC 1661 section 6.
 */

#include <kunit/test.h>

#include "../opt.h"

struct opt_case {
	const char *desc;
	u8 data[12];
	unsigned int len;
	int ret;		/* ipcp_neg_opts_check() */
	unsigned int nopts;	/* well-framed options seen before stopping */
};

static const struct opt_case opt_cases[] = {
	{ .desc = "empty list is valid", .len = 0, .ret = 0, .nopts = 0 },
	{ .desc = "one 2-byte option", .data = { 7, 2 }, .len = 2,
	  .ret = 0, .nopts = 1 },
	{ .desc = "two options filling the list exactly",
	  .data = { 3, 6, 0, 0, 0, 0, 7, 2 }, .len = 8, .ret = 0, .nopts = 2 },
	/* a single byte cannot hold an option header */
	{ .desc = "lone type byte", .data = { 3 }, .len = 1,
	  .ret = -EINVAL, .nopts = 0 },
	/* length 0 would loop forever (CVE-2020-25643) */
	{ .desc = "length 0", .data = { 3, 0, 0, 0 }, .len = 4,
	  .ret = -EINVAL, .nopts = 0 },
	/* length 1 is shorter than the header itself */
	{ .desc = "length 1", .data = { 3, 1, 0, 0 }, .len = 4,
	  .ret = -EINVAL, .nopts = 0 },
	/* runs one byte past the end of the list */
	{ .desc = "overrun by one", .data = { 3, 6, 0, 0, 0 }, .len = 5,
	  .ret = -EINVAL, .nopts = 0 },
	/* a good option followed by a truncated header */
	{ .desc = "good then one stray byte", .data = { 7, 2, 8 }, .len = 3,
	  .ret = -EINVAL, .nopts = 1 },
	/* a good option followed by one that overruns */
	{ .desc = "good then overrun", .data = { 7, 2, 3, 6, 1, 2 }, .len = 6,
	  .ret = -EINVAL, .nopts = 1 },
	/* the maximum length field, far past a short list */
	{ .desc = "length 255 in 4 bytes", .data = { 1, 255, 5, 220 }, .len = 4,
	  .ret = -EINVAL, .nopts = 0 },
};

static void opt_case_desc(const struct opt_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(opt, opt_cases, opt_case_desc);

static void opt_walk(struct kunit *test)
{
	const struct opt_case *c = test->param_value;
	struct ipcp_neg_opt_iter it;
	unsigned int n = 0, seen = 0;
	const u8 *opt;

	KUNIT_EXPECT_EQ(test, ipcp_neg_opts_check(c->data, c->len), c->ret);
	ipcp_neg_for_each_opt(opt, it, c->data, c->len) {
		/* every option handed out lies wholly inside the list */
		KUNIT_ASSERT_PTR_EQ(test, opt, (const u8 *)c->data + seen);
		KUNIT_ASSERT_GE(test, opt[1], 2);
		KUNIT_ASSERT_LE(test, seen + opt[1], c->len);
		seen += opt[1];
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, c->nopts);
	KUNIT_EXPECT_EQ(test, it.left, c->len - seen);
}

static struct kunit_case opt_test_cases[] = {
	KUNIT_CASE_PARAM(opt_walk, opt_gen_params),
	{}
};

static struct kunit_suite opt_test_suite = {
	.name = "ipcp_neg_opt",
	.test_cases = opt_test_cases,
};

kunit_test_suite(opt_test_suite);
