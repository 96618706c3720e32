// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for a link's configuration rules (link_conf.c): the real
 * ipcp_neg_link_conf_check() that link creation calls, on whole
 * configurations, and the per-field rules that it and the sysfs setters
 * share: our address, the source of the peer's, DNS/NBNS servers, the
 * flags' roles and the tunables' bounds.
 */

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "../link_conf.h"
#include "../params.h"

#define IP4(a, b, c, d) \
	cpu_to_be32((u32)(a) << 24 | (b) << 16 | (c) << 8 | (d))

#define SRV	IPCP_NEG_IPCP_SERVER
#define CLI	IPCP_NEG_IPCP_CLIENT

#define LOCAL	IP4(10, 0, 0, 1)
#define REMOTE	IP4(10, 0, 0, 2)
#define DNS	IP4(10, 0, 0, 53)

/* Whole configurations */

struct conf_case {
	const char *desc;
	struct ipcp_neg_link_conf c;
	int err;
};

static const struct conf_case conf_cases[] = {
	{ "server, fixed remote",
	  { .role = SRV, .local = LOCAL, .remote = REMOTE }, 0 },
	{ "server, pool", { .role = SRV, .local = LOCAL, .pool = "dialin" }, 0 },
	{ "server, fixed remote, DNS and NBNS, forced",
	  { .role = SRV, .local = LOCAL, .remote = REMOTE, .forced = true,
	    .srv = { [IPCP_NEG_IPCP_O_DNS1] = DNS,
		     [IPCP_NEG_IPCP_O_NBNS2] = IP4(10, 0, 0, 54) } }, 0 },
	{ "server, pool_empty terminate",
	  { .role = SRV, .local = LOCAL, .pool = "p",
	    .pool_empty = IPCP_NEG_POOL_EMPTY_TERMINATE }, 0 },
	{ "client, no address: asks the peer", { .role = CLI }, 0 },
	{ "client, own address", { .role = CLI, .local = LOCAL }, 0 },
	{ "client, requests DNS and NBNS",
	  { .role = CLI, .req_dns = true, .req_nbns = true }, 0 },
	/* unused, but creation has always accepted them */
	{ "client with servers configured",
	  { .role = CLI, .srv = { [IPCP_NEG_IPCP_O_DNS1] = DNS } }, 0 },
	/* flags are not held to their role at creation (see the check) */
	{ "client with forced", { .role = CLI, .forced = true }, 0 },
	{ "server with request_dns",
	  { .role = SRV, .local = LOCAL, .pool = "p", .req_dns = true }, 0 },
	/* a server's IP-Address option needs an address */
	{ "server without local", { .role = SRV, .remote = REMOTE }, -EINVAL },
	{ "server without local, pool", { .role = SRV, .pool = "p" }, -EINVAL },
	/* no source for the peer's address */
	{ "server, neither remote nor pool",
	  { .role = SRV, .local = LOCAL }, -EINVAL },
	/* exactly one source */
	{ "server, remote and pool",
	  { .role = SRV, .local = LOCAL, .remote = REMOTE, .pool = "p" },
	  -EINVAL },
	/* the peer of a client has its own address */
	{ "client with remote", { .role = CLI, .remote = REMOTE }, -EINVAL },
	{ "client with pool", { .role = CLI, .pool = "p" }, -EINVAL },
	{ "client with local and remote",
	  { .role = CLI, .local = LOCAL, .remote = REMOTE }, -EINVAL },
	/* both ends cannot have one address */
	{ "server, remote == local",
	  { .role = SRV, .local = LOCAL, .remote = LOCAL }, -EINVAL },
	/* neither server nor client */
	{ "unknown role", { .role = 2, .local = LOCAL, .remote = REMOTE },
	  -EINVAL },
	{ "role 255", { .role = 255 }, -EINVAL },
	/* enum ipcp_neg_pool_empty has two values */
	{ "unknown pool_empty",
	  { .role = SRV, .local = LOCAL, .pool = "p",
	    .pool_empty = IPCP_NEG_POOL_EMPTY_TERMINATE + 1 }, -EINVAL },
};

static void conf_case_desc(const struct conf_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(conf, conf_cases, conf_case_desc);

static void conf_check_test(struct kunit *test)
{
	const struct conf_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_check(&c->c), c->err);
}

/* Unusable addresses, in every address field */

struct bad_addr_case {
	const char *desc;
	__be32 addr;
};

/* ipcp_neg_ipcp_addr_ok()'s classes, at their edges */
static const struct bad_addr_case bad_addr_cases[] = {
	{ "0.0.0.1 (this network)", IP4(0, 0, 0, 1) },
	{ "0.255.255.255 (this network)", IP4(0, 255, 255, 255) },
	{ "127.0.0.1 (loopback)", IP4(127, 0, 0, 1) },
	{ "127.255.255.254 (loopback)", IP4(127, 255, 255, 254) },
	{ "224.0.0.1 (multicast)", IP4(224, 0, 0, 1) },
	{ "239.255.255.255 (multicast)", IP4(239, 255, 255, 255) },
	{ "240.0.0.1 (class E)", IP4(240, 0, 0, 1) },
	{ "255.255.255.254 (class E)", IP4(255, 255, 255, 254) },
	{ "255.255.255.255 (limited broadcast)", IP4(255, 255, 255, 255) },
};

static void bad_addr_case_desc(const struct bad_addr_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(bad_addr, bad_addr_cases, bad_addr_case_desc);

static const struct ipcp_neg_link_conf conf_server = {
	.role = SRV, .local = LOCAL, .remote = REMOTE,
};

static const struct ipcp_neg_link_conf conf_client = { .role = CLI };

static void bad_addr_test(struct kunit *test)
{
	__be32 a = ((const struct bad_addr_case *)test->param_value)->addr;
	struct ipcp_neg_link_conf c;
	int i;

	/* the rules */
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_local_ok(SRV, a, REMOTE));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_local_ok(CLI, a, 0));
	KUNIT_EXPECT_FALSE(test,
			   ipcp_neg_link_conf_peer_ok(SRV, LOCAL, a, false));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_srv_ok(a));

	/* the whole check, the address in one field at a time */
	c = conf_server;
	c.local = a;
	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_check(&c), -EINVAL);
	c = conf_client;
	c.local = a;
	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_check(&c), -EINVAL);
	c = conf_server;
	c.remote = a;
	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_check(&c), -EINVAL);
	for (i = IPCP_NEG_IPCP_O_DNS1; i < IPCP_NEG_IPCP_O_COUNT; i++) {
		c = conf_server;
		c.srv[i] = a;
		KUNIT_EXPECT_EQ_MSG(test, ipcp_neg_link_conf_check(&c),
				    -EINVAL, "server, srv[%d]", i);
		c = conf_client;
		c.srv[i] = a;
		KUNIT_EXPECT_EQ_MSG(test, ipcp_neg_link_conf_check(&c),
				    -EINVAL, "client, srv[%d]", i);
	}
}

/* The per-field rules */

static void local_ok_test(struct kunit *test)
{
	/* server: a usable address, not the peer's */
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_local_ok(SRV, LOCAL, REMOTE));
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_local_ok(SRV, LOCAL, 0));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_local_ok(SRV, 0, REMOTE));
	KUNIT_EXPECT_FALSE(test,
			   ipcp_neg_link_conf_local_ok(SRV, REMOTE, REMOTE));
	/* client: also 0.0.0.0 */
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_local_ok(CLI, 0, 0));
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_local_ok(CLI, LOCAL, 0));
	/* the edges of the usable ranges */
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_local_ok(SRV,
							    IP4(1, 0, 0, 0),
							    0));
	KUNIT_EXPECT_TRUE(test,
			  ipcp_neg_link_conf_local_ok(SRV,
						      IP4(223, 255, 255, 255),
						      0));
}

static void peer_ok_test(struct kunit *test)
{
	/* a client's peer has its own address: no source at all */
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_peer_ok(CLI, 0, 0, false));
	KUNIT_EXPECT_TRUE(test,
			  ipcp_neg_link_conf_peer_ok(CLI, LOCAL, 0, false));
	KUNIT_EXPECT_FALSE(test,
			   ipcp_neg_link_conf_peer_ok(CLI, 0, REMOTE, false));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_peer_ok(CLI, 0, 0, true));
	/* a server's exactly one: a fixed address or a pool */
	KUNIT_EXPECT_TRUE(test,
			  ipcp_neg_link_conf_peer_ok(SRV, LOCAL, REMOTE, false));
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_peer_ok(SRV, LOCAL, 0, true));
	KUNIT_EXPECT_FALSE(test,
			   ipcp_neg_link_conf_peer_ok(SRV, LOCAL, 0, false));
	KUNIT_EXPECT_FALSE(test,
			   ipcp_neg_link_conf_peer_ok(SRV, LOCAL, REMOTE, true));
	/* not ours */
	KUNIT_EXPECT_FALSE(test,
			   ipcp_neg_link_conf_peer_ok(SRV, LOCAL, LOCAL, false));
}

static void srv_ok_test(struct kunit *test)
{
	/* 0.0.0.0: none configured */
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_srv_ok(0));
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_srv_ok(DNS));
	/* a server may hand out its own address or the peer's */
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_srv_ok(LOCAL));
}

struct flag_case {
	const char *desc;
	u8 role;
	unsigned int flag;
	bool ok;
};

static const struct flag_case flag_cases[] = {
	{ "server forced", SRV, IPCP_NEG_LINK_FORCED, true },
	{ "client request_dns", CLI, IPCP_NEG_LINK_REQ_DNS, true },
	{ "client request_nbns", CLI, IPCP_NEG_LINK_REQ_NBNS, true },
	/* forced is what a server insists on */
	{ "client forced", CLI, IPCP_NEG_LINK_FORCED, false },
	/* a server hands servers out, it does not request them */
	{ "server request_dns", SRV, IPCP_NEG_LINK_REQ_DNS, false },
	{ "server request_nbns", SRV, IPCP_NEG_LINK_REQ_NBNS, false },
	/* no such flag */
	{ "server flag NFLAGS", SRV, IPCP_NEG_LINK_NFLAGS, false },
	{ "client flag NFLAGS", CLI, IPCP_NEG_LINK_NFLAGS, false },
	/* no such role */
	{ "role 2 forced", 2, IPCP_NEG_LINK_FORCED, false },
	{ "role 2 request_dns", 2, IPCP_NEG_LINK_REQ_DNS, false },
};

static void flag_case_desc(const struct flag_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(flag, flag_cases, flag_case_desc);

static void flag_ok_test(struct kunit *test)
{
	const struct flag_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_flag_ok(c->role, c->flag),
			c->ok);
}

/* Each tunable's bounds: those of its module parameter (params.h) */
struct tunable_case {
	const char *desc;
	unsigned int tunable;
	unsigned int lo;
	unsigned int hi;
};

static const struct tunable_case tunable_cases[] = {
	{ "restart_ms", IPCP_NEG_LINK_RESTART_MS, IPCP_NEG_RESTART_MS_MIN,
	  IPCP_NEG_RESTART_MS_MAX },
	{ "max_configure", IPCP_NEG_LINK_MAX_CONFIGURE, IPCP_NEG_MAX_COUNT_MIN,
	  IPCP_NEG_MAX_COUNT_MAX },
	{ "max_terminate", IPCP_NEG_LINK_MAX_TERMINATE, IPCP_NEG_MAX_COUNT_MIN,
	  IPCP_NEG_MAX_COUNT_MAX },
	{ "max_failure", IPCP_NEG_LINK_MAX_FAILURE, IPCP_NEG_MAX_COUNT_MIN,
	  IPCP_NEG_MAX_COUNT_MAX },
};

static void tunable_case_desc(const struct tunable_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(tunable, tunable_cases, tunable_case_desc);

static void tunable_ok_test(struct kunit *test)
{
	const struct tunable_case *c = test->param_value;
	unsigned int t = c->tunable;

	/* a count of 0 would never send; the minimum is above it */
	KUNIT_EXPECT_GT(test, c->lo, 0U);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_tunable_ok(t, 0));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_tunable_ok(t, c->lo - 1));
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_tunable_ok(t, c->lo));
	KUNIT_EXPECT_TRUE(test,
			  ipcp_neg_link_conf_tunable_ok(t, (c->lo + c->hi) / 2));
	KUNIT_EXPECT_TRUE(test, ipcp_neg_link_conf_tunable_ok(t, c->hi));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_tunable_ok(t, c->hi + 1));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_tunable_ok(t, UINT_MAX));
}

static void tunable_unknown_test(struct kunit *test)
{
	/* no such tunable, whatever the value */
	KUNIT_EXPECT_FALSE(test,
			   ipcp_neg_link_conf_tunable_ok(IPCP_NEG_LINK_NTUNABLES,
							 5));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_link_conf_tunable_ok(UINT_MAX, 5));
}

static struct kunit_case link_conf_test_cases[] = {
	KUNIT_CASE_PARAM(conf_check_test, conf_gen_params),
	KUNIT_CASE_PARAM(bad_addr_test, bad_addr_gen_params),
	KUNIT_CASE(local_ok_test),
	KUNIT_CASE(peer_ok_test),
	KUNIT_CASE(srv_ok_test),
	KUNIT_CASE_PARAM(flag_ok_test, flag_gen_params),
	KUNIT_CASE_PARAM(tunable_ok_test, tunable_gen_params),
	KUNIT_CASE(tunable_unknown_test),
	{}
};

static struct kunit_suite link_conf_test_suite = {
	.name = "ipcp_neg_link_conf",
	.test_cases = link_conf_test_cases,
};

kunit_test_suite(link_conf_test_suite);
