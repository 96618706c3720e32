// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the IPv4 address pools: reserved addresses, next fit,
 * word boundaries, overflow chains, lifetime, and a random sequence checked
 * against a deliberately naive model.
 *
 * Each test works in two fake namespaces: zeroed struct nets of which the
 * pool code reads only the owning user namespace. The first is owned by the
 * initial user namespace, the second by a fake one, so the second is bound
 * by the userns_pool_addrs parameter. The suite's exit method deletes every
 * pool of both and drops the references the test still holds.
 */

#include "pool_test.h"

static int pool_test_init(struct kunit *test)
{
	struct pool_test_ctx *ctx;

	unsigned int i;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	for (i = 0; i < ARRAY_SIZE(ctx->nets); i++) {
		ctx->nets[i] = kunit_kzalloc(test, sizeof(struct net),
					     GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, ctx->nets[i]);
	}
	ctx->nets[0]->user_ns = &init_user_ns;
	ctx->nets[1]->user_ns = (struct user_namespace *)&ctx->userns;
	test->priv = ctx;
	return 0;
}

static void pool_test_exit(struct kunit *test)
{
	struct pool_test_ctx *ctx = test->priv;
	unsigned int i;

	ipcp_neg_pool_cleanup_net(pt_net(test, 0));
	ipcp_neg_pool_cleanup_net(pt_net(test, 1));
	ipcp_neg_pool_delete(&init_net, POOL_TEST_INIT_NET_NAME);
	for (i = 0; i < ctx->npools; i++)
		ipcp_neg_pool_put(ctx->pools[i]);
}

/* ---- names, lookup, namespaces ---- */

struct pool_name_case {
	const char *desc;
	const char *name;
	bool ok;
};

static const struct pool_name_case pool_name_cases[] = {
	{ "one letter", "a", true },
	{ "every allowed class", "Pool_1.b-C", true },
	{ "31 characters", "abcdefghijklmnopqrstuvwxyz01234", true },
	/* no name at all */
	{ "NULL", NULL, false },
	/* names have at least one character */
	{ "empty", "", false },
	/* 32 characters leave no room for the NUL in 32 bytes */
	{ "32 characters", "abcdefghijklmnopqrstuvwxyz012345", false },
	/* space is outside [A-Za-z0-9_.-] */
	{ "space", "a b", false },
	/* a path separator would make a bad file name */
	{ "slash", "a/b", false },
	/* colon is outside the allowed set */
	{ "colon", "a:b", false },
	/* control characters are not allowed */
	{ "tab", "a\tb", false },
	/* non-ASCII bytes (UTF-8 e acute) are not allowed */
	{ "non-ASCII", "caf\xc3\xa9", false },
	/* a Latin-1 letter is alphanumeric to the kernel's isalnum(), not ASCII */
	{ "Latin-1 letter", "caf\xe9", false },
	/* "." and ".." would be taken for directories */
	{ "dot", ".", false },
	{ "dot dot", "..", false },
};

static void pool_name_desc(const struct pool_name_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(pool_name, pool_name_cases, pool_name_desc);

static void pool_test_names(struct kunit *test)
{
	const struct pool_name_case *c = test->param_value;
	struct ipcp_neg_pool *p, *g;

	p = ipcp_neg_pool_create(pt_net(test, 0), c->name);
	if (!IS_ERR(p))
		pt_track(test, p);
	if (!c->ok) {
		KUNIT_EXPECT_PTR_EQ(test, p, ERR_PTR(-EINVAL));
		return;
	}
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	KUNIT_EXPECT_STREQ(test, ipcp_neg_pool_name(p), c->name);
	g = ipcp_neg_pool_get(pt_net(test, 0), c->name);
	KUNIT_EXPECT_PTR_EQ(test, g, p);
	ipcp_neg_pool_put(g);
}

static void pool_test_create_delete(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "a");
	struct net *net = pt_net(test, 0);
	struct ipcp_neg_pool *q, *owner;

	PT_USAGE(test, p, 0, 0);
	/* an empty pool hands out nothing */
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	KUNIT_EXPECT_NULL(test, owner);
	KUNIT_EXPECT_PTR_EQ(test, ipcp_neg_pool_create(net, "a"),
			    ERR_PTR(-EEXIST));
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(net, "a"), 0);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(net, "a"));
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(net, "a"), -ENOENT);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(net, NULL), -ENOENT);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(net, NULL));
	/* the name is free again at once, for a different pool */
	q = pt_new(test, 0, "a");
	KUNIT_EXPECT_PTR_NE(test, q, p);
	KUNIT_EXPECT_EQ(test, pt_range(p, A4(10, 0, 0, 1), A4(10, 0, 0, 9)),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_reserve(p, cpu_to_be32(1)),
			-ENOENT);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(p, NULL), -ENOENT);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(q, p), -ENOENT);
}

/*
 * Lookup and delete by a name that cannot be a pool's: no NUL within the
 * 32-byte name buffer. The name is read no further than that buffer
 * (KASAN: it is allocated with exactly that size), and refused.
 */
static void pool_test_long_name(struct kunit *test)
{
	char short_name[IPCP_NEG_POOL_NAME_SIZE];
	struct ipcp_neg_pool *p, *g;
	char *name;

	name = kunit_kmalloc(test, IPCP_NEG_POOL_NAME_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, name);
	memset(name, 'a', IPCP_NEG_POOL_NAME_SIZE);
	/* the longest pool name, a prefix of @name */
	memset(short_name, 'a', sizeof(short_name) - 1);
	short_name[sizeof(short_name) - 1] = '\0';
	p = pt_new(test, 0, short_name);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 0), name));
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), name),
			-EINVAL);
	/* the pool with the 31-character name is untouched */
	g = ipcp_neg_pool_get(pt_net(test, 0), short_name);
	KUNIT_EXPECT_PTR_EQ(test, g, p);
	if (g)
		ipcp_neg_pool_put(g);
}

static void pool_test_namespaces(struct kunit *test)
{
	struct ipcp_neg_pool *a, *b, *g, *owner;

	if (!IS_ENABLED(CONFIG_NET_NS))
		kunit_skip(test, "one namespace only without CONFIG_NET_NS");
	a = pt_new(test, 0, "same");
	b = pt_new(test, 1, "same");
	g = ipcp_neg_pool_get(pt_net(test, 1), "same");
	KUNIT_EXPECT_PTR_EQ(test, g, b);
	ipcp_neg_pool_put(g);
	/* the same addresses in two namespaces do not overlap */
	KUNIT_ASSERT_EQ(test, pt_prefix(a, A4(10, 0, 0, 0), 30), 0);
	KUNIT_ASSERT_EQ(test, pt_prefix(b, A4(10, 0, 0, 0), 30), 0);
	KUNIT_EXPECT_EQ(test, pt_take(a, A4(10, 0, 0, 1), &owner), 0);
	KUNIT_EXPECT_PTR_EQ(test, owner, a);
	KUNIT_EXPECT_EQ(test, pt_take(b, A4(10, 0, 0, 1), &owner), 0);
	KUNIT_EXPECT_PTR_EQ(test, owner, b);
	/* a chain does not cross namespaces */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(a, b), -EINVAL);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), "same"), 0);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 0), "same"));
	g = ipcp_neg_pool_get(pt_net(test, 1), "same");
	KUNIT_EXPECT_PTR_EQ(test, g, b);
	ipcp_neg_pool_put(g);
	KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 0, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(b, A4(10, 0, 0, 1)), 0);
}

static void pool_test_init_net(struct kunit *test)
{
	const char *name = POOL_TEST_INIT_NET_NAME;
	struct ipcp_neg_pool *p, *f, *g;

	if (!IS_ENABLED(CONFIG_NET_NS))
		kunit_skip(test, "one namespace only without CONFIG_NET_NS");
	p = ipcp_neg_pool_create(&init_net, name);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	pt_track(test, p);
	f = pt_new(test, 0, name);
	g = ipcp_neg_pool_get(&init_net, name);
	KUNIT_EXPECT_PTR_EQ(test, g, p);
	ipcp_neg_pool_put(g);
	KUNIT_EXPECT_PTR_NE(test, f, p);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(&init_net, name), 0);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(&init_net, name));
}

static void pool_test_cleanup_net(struct kunit *test)
{
	struct ipcp_neg_pool *g;

	pt_new(test, 0, "x");
	pt_new(test, 0, "y");
	pt_new(test, 1, "z");
	ipcp_neg_pool_cleanup_net(pt_net(test, 0));
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 0), "x"));
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 0), "y"));
	g = ipcp_neg_pool_get(pt_net(test, 1), "z");
	KUNIT_EXPECT_NOT_NULL(test, g);
	ipcp_neg_pool_put(g);
}

/* ---- taking ---- */

static void pool_test_exhaustion(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *owner;
	u32 first = A4(10, 7, 0, 10);
	unsigned long *seen;
	unsigned int i;
	u32 a;

	seen = kunit_kcalloc(test, BITS_TO_LONGS(100), sizeof(long),
			     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, seen);
	KUNIT_ASSERT_EQ(test, pt_range(p, first, first + 99), 0);
	for (i = 0; i < 100; i++) {
		a = pt_take_any(p, &owner);
		KUNIT_ASSERT_GE(test, a, first);
		KUNIT_ASSERT_LE(test, a, first + 99);
		KUNIT_ASSERT_FALSE(test, __test_and_set_bit(a - first, seen));
		KUNIT_ASSERT_PTR_EQ(test, owner, p);
	}
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	KUNIT_EXPECT_NULL(test, owner);
	PT_USAGE(test, p, 100, 100);
	/* the only free address is the one handed out next */
	KUNIT_EXPECT_EQ(test, pt_release(p, first + 42), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), first + 42);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	for (i = 0; i < 100; i++)
		KUNIT_EXPECT_EQ(test, pt_release(p, first + i), 0);
	PT_USAGE(test, p, 100, 0);
}

static void pool_test_next_fit(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *owner;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 8, 0, 1), A4(10, 8, 0, 10)),
			0);
	for (i = 1; i <= 3; i++)
		KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 8, 0, i));
	/* a freed address is not handed out again at once */
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 8, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 8, 0, 4));
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 8, 0, 2)), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 8, 0, 5));
	/* taking a given address leaves the cursor where it was */
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 8, 0, 6), &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 8, 0, 7));
	for (i = 8; i <= 10; i++)
		KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 8, 0, i));
	/* then the search wraps to the freed ones, oldest position first */
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 8, 0, 1));
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 8, 0, 2));
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	for (i = 1; i <= 10; i++)
		KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 8, 0, i)), 0);
}

static void pool_test_next_fit_ranges(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *owner;

	/* ranges are searched in the order they were added */
	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 9, 1, 1), A4(10, 9, 1, 2)), 0);
	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 9, 0, 1), A4(10, 9, 0, 2)), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 9, 1, 1));
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 9, 1, 2));
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 9, 1, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 9, 0, 1));
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 9, 0, 2));
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 9, 1, 1));
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 9, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 9, 0, 2)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 9, 1, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 9, 1, 2)), 0);
}

static void pool_test_sticky(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *owner;

	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 10, 0, 0), 24), 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 10, 0, 77), &owner), 0);
	KUNIT_EXPECT_PTR_EQ(test, owner, p);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 10, 0, 77), &owner), -EBUSY);
	KUNIT_EXPECT_NULL(test, owner);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 11, 0, 1), &owner), -ENOENT);
	KUNIT_EXPECT_NULL(test, owner);
	/* the link comes back and asks for the address it held last */
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 10, 0, 77)), 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 10, 0, 77), &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 10, 0, 1));
	PT_USAGE(test, p, 254, 2);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 10, 0, 77)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 10, 0, 1)), 0);
}

struct pool_word_case {
	const char *desc;
	u32 size;
	u32 start;	/* host part of the first address */
};

static const struct pool_word_case pool_word_cases[] = {
	{ "63 from .0", 63, 0 },
	{ "64 from .0", 64, 0 },
	{ "65 from .0", 65, 0 },
	{ "129 from .0", 129, 0 },
	{ "63 from .37", 63, 37 },
	{ "64 from .63", 64, 63 },
	{ "65 from .200", 65, 200 },
	{ "129 from .1", 129, 1 },
};

static void pool_word_desc(const struct pool_word_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(pool_word, pool_word_cases, pool_word_desc);

static void pool_test_word_boundaries(struct kunit *test)
{
	const struct pool_word_case *c = test->param_value;
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	u32 first = A4(10, 20, 0, 0) + c->start;
	u32 last = first + c->size - 1;
	u32 mid = first + min(c->size - 2, 63U);
	struct ipcp_neg_pool *owner;
	u32 i;

	KUNIT_ASSERT_EQ(test, pt_range(p, first, last), 0);
	PT_USAGE(test, p, c->size, 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, first, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, last, &owner), 0);
	for (i = first + 1; i < last; i++)
		KUNIT_ASSERT_EQ(test, pt_take_any(p, &owner), i);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	PT_USAGE(test, p, c->size, c->size);
	/* free the first address and one at the end of the first word */
	KUNIT_EXPECT_EQ(test, pt_release(p, mid), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, first), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), first);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), mid);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	for (i = first; i <= last; i++)
		KUNIT_ASSERT_EQ(test, pt_release(p, i), 0);
	PT_USAGE(test, p, c->size, 0);
}

/*
 * A range of three summary words of full words (3 * 4096 addresses) and
 * then some: when it is full, a search walks the second summary past whole
 * summary words that are all ones, to the one free address.
 */
static void pool_test_full_summary_words(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	u32 first = A4(10, 40, 0, 0), size = 3 * 4096 + 100;
	u32 last = first + size - 1;
	u32 x = first + 2 * 4096 + 4000, y = last - 3;
	struct ipcp_neg_pool *owner;
	u32 i;

	KUNIT_ASSERT_EQ(test, pt_range(p, first, last), 0);
	for (i = 0; i < size; i++)
		KUNIT_ASSERT_EQ(test, pt_take_any(p, &owner), first + i);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	PT_USAGE(test, p, size, size);
	KUNIT_EXPECT_EQ(test, pt_release(p, y), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, x), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), x);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), y);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	/* a freed address in the first summary word is found again */
	KUNIT_EXPECT_EQ(test, pt_release(p, first + 5), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), first + 5);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	for (i = first; i <= last; i++)
		KUNIT_ASSERT_EQ(test, pt_release(p, i), 0);
	PT_USAGE(test, p, size, 0);
}

static void pool_test_slash8(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *owner;
	size_t mem;

	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 0, 0, 0), 8), 0);
	mem = ipcp_neg_pool_mem(p);
	kunit_info(test, "a /8 takes %zu bytes with no lease\n", mem);
	/* the chunk directory, no bitmap yet */
	KUNIT_EXPECT_GE(test, mem, (size_t)SZ_4K);
	KUNIT_EXPECT_LE(test, mem, (size_t)SZ_16K);
	PT_USAGE(test, p, (1U << 24) - 2, 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 0, 0, 0), &owner), -EPERM);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 255, 255, 255), &owner),
			-EPERM);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 255, 255, 254), &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 0, 0, 1), &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), A4(10, 0, 0, 2));
	PT_USAGE(test, p, (1U << 24) - 2, 3);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 255, 255, 254)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 0, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 0, 0, 2)), 0);
	/* the largest plain range is a /8's worth too */
	KUNIT_EXPECT_EQ(test, pt_range(p, A4(11, 0, 0, 0), A4(11, 255, 255, 255)),
			0);
	KUNIT_EXPECT_EQ(test, pt_range(p, A4(12, 0, 0, 0), A4(13, 0, 0, 0)),
			-E2BIG);
}

static struct kunit_case pool_test_cases[] = {
	KUNIT_CASE_PARAM(pool_test_names, pool_name_gen_params),
	KUNIT_CASE(pool_test_create_delete),
	KUNIT_CASE(pool_test_long_name),
	KUNIT_CASE(pool_test_namespaces),
	KUNIT_CASE(pool_test_init_net),
	KUNIT_CASE(pool_test_cleanup_net),
	KUNIT_CASE(pool_test_bad_ranges),
	KUNIT_CASE(pool_test_overlap),
	KUNIT_CASE(pool_test_zero_prefix),
	KUNIT_CASE(pool_test_prefix24),
	KUNIT_CASE(pool_test_top_of_space),
	KUNIT_CASE(pool_test_prefix31_32),
	KUNIT_CASE(pool_test_reserve),
	KUNIT_CASE(pool_test_release_errors),
	KUNIT_CASE(pool_test_exhaustion),
	KUNIT_CASE(pool_test_next_fit),
	KUNIT_CASE(pool_test_next_fit_ranges),
	KUNIT_CASE(pool_test_sticky),
	KUNIT_CASE_PARAM(pool_test_word_boundaries, pool_word_gen_params),
	KUNIT_CASE(pool_test_full_summary_words),
	KUNIT_CASE(pool_test_slash8),
	KUNIT_CASE(pool_test_chain),
	KUNIT_CASE(pool_test_cycle),
	KUNIT_CASE(pool_test_chain_limit),
	KUNIT_CASE(pool_test_dead_in_chain),
	KUNIT_CASE(pool_test_delete_leased),
	KUNIT_CASE(pool_test_get_put),
	KUNIT_CASE(pool_test_range_iter),
	KUNIT_CASE(pool_test_get_next),
	KUNIT_CASE(pool_test_hold),
	KUNIT_CASE(pool_test_softirq),
	KUNIT_CASE(pool_test_model),
	KUNIT_CASE(pool_test_chunks),
	KUNIT_CASE(pool_test_mem_64_slash8),
	KUNIT_CASE(pool_test_userns_bound),
	{}
};

static struct kunit_suite pool_test_suite = {
	.name = "ipcp_neg_pool",
	.init = pool_test_init,
	.exit = pool_test_exit,
	.test_cases = pool_test_cases,
};

kunit_test_suite(pool_test_suite);
