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

#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/err.h>
#include <linux/sizes.h>
#include <net/net_namespace.h>

#include "../addr_pool.h"
#include "../params.h"

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

static struct net *pt_net(struct kunit *test, unsigned int i)
{
	struct pool_test_ctx *ctx = test->priv;

	return ctx->nets[i];
}

/* Remember @p so that the exit method drops the reference create gave */
static void pt_track(struct kunit *test, struct ipcp_neg_pool *p)
{
	struct pool_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_LT(test, ctx->npools, POOL_TEST_MAX_POOLS);
	ctx->pools[ctx->npools++] = p;
}

static struct ipcp_neg_pool *pt_new(struct kunit *test, unsigned int net,
				    const char *name)
{
	struct ipcp_neg_pool *p = ipcp_neg_pool_create(pt_net(test, net), name);

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, p);
	pt_track(test, p);
	return p;
}

/* The test's own reference to @p is no longer the exit method's business */
static void pt_untrack(struct kunit *test, struct ipcp_neg_pool *p)
{
	struct pool_test_ctx *ctx = test->priv;
	unsigned int i;

	for (i = 0; i < ctx->npools; i++)
		if (ctx->pools[i] == p)
			ctx->pools[i] = NULL;
}

/* Drop the test's own reference to @p now rather than at exit */
static void pt_drop(struct kunit *test, struct ipcp_neg_pool *p)
{
	pt_untrack(test, p);
	ipcp_neg_pool_put(p);
}

/* Delete @p (named @name, in the first namespace) and drop the test's ref */
static void pt_delete(struct kunit *test, struct ipcp_neg_pool *p,
		      const char *name)
{
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), name), 0);
	pt_drop(test, p);
}

static u32 pt_take_any(struct ipcp_neg_pool *p, struct ipcp_neg_pool **owner)
{
	return be32_to_cpu(ipcp_neg_pool_take_any(p, owner));
}

static int pt_take(struct ipcp_neg_pool *p, u32 a,
		   struct ipcp_neg_pool **owner)
{
	return ipcp_neg_pool_take(p, cpu_to_be32(a), owner);
}

static int pt_release(struct ipcp_neg_pool *p, u32 a)
{
	return ipcp_neg_pool_release(p, cpu_to_be32(a));
}

static int pt_range(struct ipcp_neg_pool *p, u32 first, u32 last)
{
	return ipcp_neg_pool_add_range(p, cpu_to_be32(first),
				       cpu_to_be32(last));
}

static int pt_prefix(struct ipcp_neg_pool *p, u32 a, u8 plen)
{
	return ipcp_neg_pool_add_prefix(p, cpu_to_be32(a), plen);
}

static void pt_usage(struct kunit *test, struct ipcp_neg_pool *p, u32 total,
		     u32 used, int line)
{
	u32 t, u;

	ipcp_neg_pool_usage(p, &t, &u);
	KUNIT_EXPECT_EQ_MSG(test, t, total, "total, line %d", line);
	KUNIT_EXPECT_EQ_MSG(test, u, used, "used, line %d", line);
}

#define PT_USAGE(test, p, total, used) \
	pt_usage(test, p, total, used, __LINE__)

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

/* ---- ranges ---- */

static void pool_test_bad_ranges(struct kunit *test)
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

static void pool_test_overlap(struct kunit *test)
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

static void pool_test_zero_prefix(struct kunit *test)
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

static void pool_test_prefix24(struct kunit *test)
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

static void pool_test_top_of_space(struct kunit *test)
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

static void pool_test_prefix31_32(struct kunit *test)
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

static void pool_test_reserve(struct kunit *test)
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

static void pool_test_release_errors(struct kunit *test)
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

/* ---- chains and lifetime ---- */

static void pool_test_chain(struct kunit *test)
{
	struct ipcp_neg_pool *a = pt_new(test, 0, "a");
	struct ipcp_neg_pool *b = pt_new(test, 0, "b");
	struct ipcp_neg_pool *owner;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, pt_range(a, A4(10, 30, 0, 1), A4(10, 30, 0, 4)),
			0);
	KUNIT_ASSERT_EQ(test, pt_range(b, A4(10, 31, 0, 1), A4(10, 31, 0, 4)),
			0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(a, b), 0);
	for (i = 1; i <= 4; i++) {
		KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 30, 0, i));
		KUNIT_EXPECT_PTR_EQ(test, owner, a);
	}
	/* a is full: overflow into b */
	for (i = 1; i <= 4; i++) {
		KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 31, 0, i));
		KUNIT_EXPECT_PTR_EQ(test, owner, b);
	}
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), 0);
	KUNIT_EXPECT_NULL(test, owner);
	PT_USAGE(test, a, 4, 4);
	PT_USAGE(test, b, 4, 4);
	/* release through the head goes back to the owner */
	KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 31, 0, 2)), 0);
	PT_USAGE(test, b, 4, 3);
	/* a given address may come from down the chain */
	KUNIT_EXPECT_EQ(test, pt_take(a, A4(10, 31, 0, 2), &owner), 0);
	KUNIT_EXPECT_PTR_EQ(test, owner, b);
	KUNIT_EXPECT_EQ(test, pt_take(a, A4(10, 30, 0, 1), &owner), -EBUSY);
	KUNIT_EXPECT_EQ(test, pt_take(a, A4(10, 32, 0, 1), &owner), -ENOENT);
	/* the chain runs one way only */
	KUNIT_EXPECT_EQ(test, pt_release(b, A4(10, 30, 0, 1)), -ENOENT);
	/* once a has room again, it comes first */
	KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 30, 0, 3)), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 30, 0, 3));
	KUNIT_EXPECT_PTR_EQ(test, owner, a);
	for (i = 1; i <= 4; i++) {
		KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 30, 0, i)), 0);
		KUNIT_EXPECT_EQ(test, pt_release(b, A4(10, 31, 0, i)), 0);
	}
	PT_USAGE(test, a, 4, 0);
	PT_USAGE(test, b, 4, 0);
}

static void pool_test_cycle(struct kunit *test)
{
	struct ipcp_neg_pool *a = pt_new(test, 0, "a");
	struct ipcp_neg_pool *b = pt_new(test, 0, "b");
	struct ipcp_neg_pool *c = pt_new(test, 0, "c");
	struct ipcp_neg_pool *owner;

	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(a, a), -ELOOP);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(a, b), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(b, a), -ELOOP);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(b, c), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(c, a), -ELOOP);
	/* breaking the chain first makes it legal */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(a, NULL), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(c, a), 0);
	KUNIT_ASSERT_EQ(test, pt_range(a, A4(10, 33, 0, 1), A4(10, 33, 0, 1)),
			0);
	KUNIT_EXPECT_EQ(test, pt_take_any(b, &owner), A4(10, 33, 0, 1));
	KUNIT_EXPECT_PTR_EQ(test, owner, a);
	KUNIT_EXPECT_EQ(test, pt_release(b, A4(10, 33, 0, 1)), 0);
}

static void pool_test_chain_limit(struct kunit *test)
{
	struct ipcp_neg_pool *p[IPCP_NEG_POOL_MAX_CHAIN + 1], *owner;
	unsigned int n = IPCP_NEG_POOL_MAX_CHAIN;
	char name[8];
	unsigned int i;

	for (i = 0; i <= n; i++) {
		snprintf(name, sizeof(name), "c%u", i);
		p[i] = pt_new(test, 0, name);
	}
	/* p[1] .. p[n]: the longest chain allowed */
	for (i = 1; i < n; i++)
		KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(p[i], p[i + 1]), 0);
	/* one more at the head */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(p[0], p[1]), -ELOOP);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(p[n - 1], NULL), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(p[0], p[1]), 0);
	/* one more at the tail: counted from the head p[0] */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_set_next(p[n - 1], p[n]), -ELOOP);
	/* a walk from the head reaches the last pool of the longest chain */
	KUNIT_ASSERT_EQ(test, pt_range(p[n - 1], A4(10, 34, 0, 1),
				       A4(10, 34, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_take_any(p[0], &owner), A4(10, 34, 0, 1));
	KUNIT_EXPECT_PTR_EQ(test, owner, p[n - 1]);
	KUNIT_EXPECT_EQ(test, pt_release(p[0], A4(10, 34, 0, 1)), 0);
}

static void pool_test_dead_in_chain(struct kunit *test)
{
	struct ipcp_neg_pool *a = pt_new(test, 0, "a");
	struct ipcp_neg_pool *b = pt_new(test, 0, "b");
	struct ipcp_neg_pool *c = pt_new(test, 0, "c");
	struct ipcp_neg_pool *owner;

	KUNIT_ASSERT_EQ(test, pt_range(a, A4(10, 40, 0, 1), A4(10, 40, 0, 1)),
			0);
	KUNIT_ASSERT_EQ(test, pt_range(b, A4(10, 41, 0, 1), A4(10, 41, 0, 1)),
			0);
	KUNIT_ASSERT_EQ(test, pt_range(c, A4(10, 42, 0, 1), A4(10, 42, 0, 1)),
			0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(a, b), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_set_next(b, c), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), "b"), 0);
	/* a deleted pool hands out nothing, but the chain goes on past it */
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 40, 0, 1));
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), A4(10, 42, 0, 1));
	KUNIT_EXPECT_PTR_EQ(test, owner, c);
	KUNIT_EXPECT_EQ(test, pt_take_any(a, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take(a, A4(10, 41, 0, 1), &owner), -ENOENT);
	KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 40, 0, 1)), 0);
	KUNIT_EXPECT_EQ(test, pt_release(a, A4(10, 42, 0, 1)), 0);
}

static void pool_test_delete_leased(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *q = pt_new(test, 0, "q");
	struct ipcp_neg_pool *owner, *p2;

	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 50, 0, 0), 30), 0);
	KUNIT_ASSERT_EQ(test, pt_take_any(p, &owner), A4(10, 50, 0, 1));
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), "p"), 0);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 0), "p"));
	/* no new lease from a deleted pool */
	KUNIT_EXPECT_EQ(test, pt_take_any(p, &owner), 0);
	KUNIT_EXPECT_EQ(test, pt_take(p, A4(10, 50, 0, 2), &owner), -ENOENT);
	PT_USAGE(test, p, 2, 1);
	/* its name is free, its addresses are not while one is leased */
	p2 = pt_new(test, 0, "p");
	KUNIT_EXPECT_EQ(test, pt_prefix(q, A4(10, 50, 0, 0), 30), -EEXIST);
	/* the test's reference goes first, the lease's keeps the pool */
	pt_drop(test, p);
	KUNIT_EXPECT_EQ(test, pt_release(p, A4(10, 50, 0, 1)), 0);
	/* that was the last reference: the addresses are free for others */
	KUNIT_EXPECT_EQ(test, pt_prefix(q, A4(10, 50, 0, 0), 30), 0);
	KUNIT_EXPECT_EQ(test, pt_prefix(p2, A4(10, 50, 0, 4), 30), 0);
}

static void pool_test_get_put(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *g, *owner;

	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 60, 0, 1), A4(10, 60, 0, 2)),
			0);
	g = ipcp_neg_pool_get(pt_net(test, 0), "p");
	KUNIT_ASSERT_PTR_EQ(test, g, p);
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 0), "P"));
	KUNIT_EXPECT_NULL(test, ipcp_neg_pool_get(pt_net(test, 1), "p"));
	/* a holder keeps a deleted pool usable for release and counters */
	KUNIT_EXPECT_EQ(test, pt_take_any(g, &owner), A4(10, 60, 0, 1));
	pt_drop(test, p);
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), "p"), 0);
	PT_USAGE(test, g, 2, 1);
	KUNIT_EXPECT_EQ(test, pt_release(g, A4(10, 60, 0, 1)), 0);
	PT_USAGE(test, g, 2, 0);
	ipcp_neg_pool_put(g);
}

/**
 * struct pool_sirq - pool calls made from a tasklet, i.e. in softirq
 * @t: the tasklet
 * @done: completed at the end of each run
 * @p: the pool
 * @put: drop the reference to @p instead of taking and releasing
 * @in_softirq: the run was in softirq context
 * @a: address take_any gave
 * @err: results of take and the releases, OR-ed
 */
struct pool_sirq {
	struct tasklet_struct t;
	struct completion done;
	struct ipcp_neg_pool *p;
	bool put;
	bool in_softirq;
	u32 a;
	int err;
};

static void pool_sirq_fn(struct tasklet_struct *t)
{
	struct pool_sirq *s = from_tasklet(s, t, t);
	struct ipcp_neg_pool *owner;

	s->in_softirq = in_serving_softirq();
	if (s->put) {
		ipcp_neg_pool_put(s->p);
	} else {
		s->a = pt_take_any(s->p, &owner);
		s->err = pt_release(s->p, s->a);
		s->err |= pt_take(s->p, s->a, &owner);
		s->err |= pt_release(owner, s->a);
	}
	complete(&s->done);
}

static void pool_sirq_run(struct kunit *test, struct pool_sirq *s)
{
	reinit_completion(&s->done);
	tasklet_schedule(&s->t);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&s->done, 10 * HZ),
			0UL);
	KUNIT_EXPECT_TRUE(test, s->in_softirq);
}

static void pool_test_softirq(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "p");
	struct ipcp_neg_pool *q = pt_new(test, 0, "q");
	struct pool_sirq *s;

	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	tasklet_setup(&s->t, pool_sirq_fn);
	init_completion(&s->done);
	s->p = p;
	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 80, 0, 0), 30), 0);
	pool_sirq_run(test, s);
	KUNIT_EXPECT_EQ(test, s->a, A4(10, 80, 0, 1));
	KUNIT_EXPECT_EQ(test, s->err, 0);
	PT_USAGE(test, p, 2, 0);
	/* the last reference goes in softirq: unlink and RCU free there */
	KUNIT_EXPECT_EQ(test, ipcp_neg_pool_delete(pt_net(test, 0), "p"), 0);
	pt_untrack(test, p);
	s->put = true;
	pool_sirq_run(test, s);
	tasklet_kill(&s->t);
	KUNIT_EXPECT_EQ(test, pt_prefix(q, A4(10, 80, 0, 0), 30), 0);
}

/* ---- random operations against a naive model ---- */

enum { PM_FREE, PM_USED, PM_RESERVED };

/**
 * struct pool_model - one byte per address, linear scans, same next-fit rule
 * @first: first address of each range
 * @size: addresses in each range
 * @state: PM_* per address of each range
 * @n: ranges
 * @cur_r: range where the next take_any search starts
 * @cur_off: offset there
 */
struct pool_model {
	u32 first[2];
	u32 size[2];
	u8 *state[2];
	unsigned int n;
	unsigned int cur_r;
	u32 cur_off;
};

static u8 *pm_state(struct pool_model *m, u32 a)
{
	unsigned int i;

	for (i = 0; i < m->n; i++)
		if (a >= m->first[i] && a - m->first[i] < m->size[i])
			return &m->state[i][a - m->first[i]];
	return NULL;
}

static u32 pm_take_any(struct pool_model *m)
{
	unsigned int i, r;
	u32 off, from, to;

	for (i = 0; i <= m->n; i++) {
		r = (m->cur_r + i) % m->n;
		from = i ? 0 : m->cur_off;
		to = i < m->n ? m->size[r] : m->cur_off;
		for (off = from; off < to; off++) {
			if (m->state[r][off] != PM_FREE)
				continue;
			m->state[r][off] = PM_USED;
			m->cur_r = r;
			m->cur_off = off + 1;
			return m->first[r] + off;
		}
	}
	return 0;
}

static int pm_take(struct pool_model *m, u32 a)
{
	u8 *s = pm_state(m, a);

	if (!s)
		return -ENOENT;
	if (*s == PM_RESERVED)
		return -EPERM;
	if (*s == PM_USED)
		return -EBUSY;
	*s = PM_USED;
	return 0;
}

static int pm_release(struct pool_model *m, u32 a)
{
	u8 *s = pm_state(m, a);

	if (!s)
		return -ENOENT;
	if (*s != PM_USED)
		return -EINVAL;
	*s = PM_FREE;
	return 0;
}

static void pm_count(struct pool_model *m, u32 *total, u32 *used)
{
	unsigned int i;
	u32 off;

	*total = 0;
	*used = 0;
	for (i = 0; i < m->n; i++)
		for (off = 0; off < m->size[i]; off++) {
			*total += m->state[i][off] != PM_RESERVED;
			*used += m->state[i][off] == PM_USED;
		}
}

static void pm_add(struct kunit *test, struct pool_model *m, u32 first,
		   u32 size)
{
	m->first[m->n] = first;
	m->size[m->n] = size;
	m->state[m->n] = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, m->state[m->n]);
	m->n++;
}

static u32 pt_rand(u32 *s)
{
	u32 x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

/**
 * struct pool_run - state of the random run
 * @m: the model
 * @seed: xorshift32 state
 * @full: take_any calls that found the chain exhausted
 * @given: specific takes that succeeded
 * @empty: operations after which the pool was empty again
 * @n: entries in @leased
 * @leased: addresses the test holds, to pick releases from
 */
struct pool_run {
	struct pool_model m;
	u32 seed;
	unsigned int full;
	unsigned int given;
	unsigned int empty;
	unsigned int n;
	u32 leased[700];
};

static void pr_forget(struct pool_run *s, u32 a)
{
	unsigned int i;

	for (i = 0; i < s->n; i++)
		if (s->leased[i] == a) {
			s->leased[i] = s->leased[--s->n];
			return;
		}
}

/* An address to take or release: mostly a leased one when @leased */
static u32 pr_pick(struct pool_run *s, bool leased)
{
	u32 r = pt_rand(&s->seed);
	unsigned int i = r % 2;

	if (leased && s->n && r % 5)
		return s->leased[r % s->n];
	/* anywhere in a range or up to two addresses either side of it */
	return s->m.first[i] + pt_rand(&s->seed) % (s->m.size[i] + 4) - 2;
}

static void pr_take_any(struct kunit *test, struct ipcp_neg_pool *p,
			struct pool_run *s, unsigned int i)
{
	struct ipcp_neg_pool *owner;
	u32 a = pt_take_any(p, &owner);

	KUNIT_ASSERT_EQ_MSG(test, a, pm_take_any(&s->m), "op %u", i);
	KUNIT_ASSERT_PTR_EQ(test, owner, a ? p : NULL);
	if (a)
		s->leased[s->n++] = a;
	s->full += !a;
}

static void pr_take(struct kunit *test, struct ipcp_neg_pool *p,
		    struct pool_run *s, unsigned int i)
{
	struct ipcp_neg_pool *owner;
	u32 a = pr_pick(s, false);
	int err = pt_take(p, a, &owner);

	KUNIT_ASSERT_EQ_MSG(test, err, pm_take(&s->m, a), "op %u", i);
	KUNIT_ASSERT_PTR_EQ(test, owner, err ? NULL : p);
	if (!err)
		s->leased[s->n++] = a;
	s->given += !err;
}

static void pr_release(struct kunit *test, struct ipcp_neg_pool *p,
		       struct pool_run *s, unsigned int i)
{
	u32 a = pr_pick(s, true);
	int err = pt_release(p, a);

	KUNIT_ASSERT_EQ_MSG(test, err, pm_release(&s->m, a), "op %u", i);
	if (!err)
		pr_forget(s, a);
}

static void pr_setup(struct kunit *test, struct ipcp_neg_pool *p,
		     struct pool_model *m)
{
	/* a /23 (network, broadcast reserved) and a range across words */
	KUNIT_ASSERT_EQ(test, pt_prefix(p, A4(10, 70, 0, 0), 23), 0);
	KUNIT_ASSERT_EQ(test, pt_range(p, A4(10, 70, 4, 200), A4(10, 70, 5, 70)),
			0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 70, 0, 7))),
			0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_pool_reserve(p, htonl(A4(10, 70, 5, 0))),
			0);
	pm_add(test, m, A4(10, 70, 0, 0), 512);
	pm_add(test, m, A4(10, 70, 4, 200), 127);
	*pm_state(m, A4(10, 70, 0, 0)) = PM_RESERVED;
	*pm_state(m, A4(10, 70, 1, 255)) = PM_RESERVED;
	*pm_state(m, A4(10, 70, 0, 7)) = PM_RESERVED;
	*pm_state(m, A4(10, 70, 5, 0)) = PM_RESERVED;
}

#define PT_MODEL_OPS	4000

static void pool_test_model(struct kunit *test)
{
	struct ipcp_neg_pool *p = pt_new(test, 0, "model");
	unsigned int i, op;
	u32 t, u, mt, mu;
	struct pool_run *s;

	s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s);
	s->seed = 0x2545f491;
	pr_setup(test, p, &s->m);
	for (i = 0; i < PT_MODEL_OPS; i++) {
		/*
		 * Three phases of 400 operations filling the pool, three
		 * draining it: with this seed it runs from empty to
		 * exhausted and back, and ends half full.
		 */
		bool fill = (i / 400) % 6 < 3;

		op = pt_rand(&s->seed) % 100;
		if (op < (fill ? 70 : 10))
			pr_take_any(test, p, s, i);
		else if (op < (fill ? 85 : 20))
			pr_take(test, p, s, i);
		else
			pr_release(test, p, s, i);
		ipcp_neg_pool_usage(p, &t, &u);
		pm_count(&s->m, &mt, &mu);
		KUNIT_ASSERT_EQ(test, t, mt);
		KUNIT_ASSERT_EQ(test, u, mu);
		KUNIT_ASSERT_EQ(test, u, s->n);
		s->empty += i && !u;
	}
	/* the run did exhaust and empty the pool, and grant given addresses */
	KUNIT_EXPECT_GT(test, s->full, 0U);
	KUNIT_EXPECT_GT(test, s->empty, 0U);
	KUNIT_EXPECT_GT(test, s->given, 0U);
	kunit_info(test, "exhausted %u, empty %u, %u specific takes, %u held\n",
		   s->full, s->empty, s->given, s->n);
	while (s->n)
		KUNIT_ASSERT_EQ(test, pt_release(p, s->leased[--s->n]), 0);
	PT_USAGE(test, p, 512 - 3 + 127 - 1, 0);
}

/* ---- memory: bitmap chunks follow the leases ---- */

/* Offsets per bitmap chunk (addr_pool_bits.h): 4 KiB of bitmap */
#define PT_CHUNK	32768U

static void pool_test_chunks(struct kunit *test)
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

/* The 128 MiB of configuration in the issue: 64 /8s, no lease */
static void pool_test_mem_64_slash8(struct kunit *test)
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

static void pool_test_userns_bound(struct kunit *test)
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

static void pool_test_range_iter(struct kunit *test)
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

static void pool_test_get_next(struct kunit *test)
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

static void pool_test_hold(struct kunit *test)
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
