// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for what LCP negotiates on each kind of transport: the
 * link's settings go through the real ipcp_neg_lcp_policy() into the
 * codec, whose Configure-Request bytes and answers to the peer's requests
 * (pppd's defaults on a tty, and what a PPPoE peer must not ask) are
 * checked; then pppN's MTU bound, a Reject or Nak of our PFC and ACFC,
 * and the rules of the settings a running link may change (link_conf.c).
 */

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "../lcp_policy.h"
#include "../link_conf.h"
#include "lcp_test.h"

#define ASYNC	IPCP_NEG_TRANSPORT_ASYNC
#define PPPOX	IPCP_NEG_TRANSPORT_PPPOX
#define NONE	IPCP_NEG_TRANSPORT_NONE

/* What pppd requests on a tty by default: asyncmap 0, magic, PFC, ACFC */
static const u8 pppd_tty[] = {
	2, 6, 0, 0, 0, 0,
	5, 6, 0x22, 0x22, 0x22, 0x22,
	7, 2,
	8, 2,
};

static const u8 rej_both[] = { 7, 2, 8, 2 };
static const u8 rej_pppox[] = { 2, 6, 0, 0, 0, 0, 7, 2, 8, 2 };
static const u8 rej_pfc[] = { 7, 2 };

/* Our requests carry our magic, lcp_test.h's LCP_T_OURS: 5, 6, 0x11... */
struct policy_case {
	const char *desc;
	struct ipcp_neg_lcp_settings set;
	struct ipcp_neg_transport_info t;
	u8 cr[IPCP_NEG_LCP_CR_MAX];	/* our Configure-Request */
	unsigned int cr_len;
	u8 code;			/* our answer to pppd_tty */
	const u8 *reply;		/* its options; NULL: pppd_tty */
	unsigned int reply_len;
};

static const struct policy_case policy_cases[] = {
	/* pppd's defaults on a tty: both sides ask the same, and Ack */
	{ "tty, defaults: asyncmap 0, PFC, ACFC; Acks pppd's",
	  { }, { ASYNC, 0 },
	  { 2, 6, 0, 0, 0, 0, 5, 6, 0x11, 0x11, 0x11, 0x11, 7, 2, 8, 2 }, 16,
	  IPCP_NEG_CONFACK, NULL, sizeof(pppd_tty) },
	{ "tty, XON/XOFF asyncmap, MRU 1200, nopcomp, noaccomp",
	  { .mru = 1200, .accm = 0x000a0000, .no_pcomp = true,
	    .no_accomp = true }, { ASYNC, 0 },
	  { 1, 4, 0x04, 0xb0, 2, 6, 0, 0x0a, 0, 0, 5, 6, 0x11, 0x11, 0x11, 0x11 }, 16,
	  IPCP_NEG_CONFREJ, rej_both, sizeof(rej_both) },
	/* the other compression stays */
	{ "tty, nopcomp only: ACFC asked and Acked, PFC Rejected",
	  { .no_pcomp = true }, { ASYNC, 0 },
	  { 2, 6, 0, 0, 0, 0, 5, 6, 0x11, 0x11, 0x11, 0x11, 8, 2 }, 14,
	  IPCP_NEG_CONFREJ, rej_pfc, sizeof(rej_pfc) },
	/* the peer then escapes every control character (RFC 1662 7.1) */
	{ "tty, default-asyncmap: no ACCM asked; the peer's Acked",
	  { .default_accm = true }, { ASYNC, 0 },
	  { 5, 6, 0x11, 0x11, 0x11, 0x11, 7, 2, 8, 2 }, 10, IPCP_NEG_CONFACK, NULL,
	  sizeof(pppd_tty) },
	/* 1500 is the default: not sent */
	{ "tty, MRU 1500 configured: not sent",
	  { .mru = 1500 }, { ASYNC, 0 },
	  { 2, 6, 0, 0, 0, 0, 5, 6, 0x11, 0x11, 0x11, 0x11, 7, 2, 8, 2 }, 16,
	  IPCP_NEG_CONFACK, NULL, sizeof(pppd_tty) },
	/* RFC 2516 7: no ACCM, no PFC, no ACFC; MRU at most 1492 */
	{ "PPPoE on 1500: MRU 1492 only; ACCM, PFC and ACFC Rejected",
	  { }, { PPPOX, 1492 },
	  { 1, 4, 0x05, 0xd4, 5, 6, 0x11, 0x11, 0x11, 0x11 }, 10,
	  IPCP_NEG_CONFREJ, rej_pppox, sizeof(rej_pppox) },
	{ "PPPoE, MRU 1500 configured: clamped to 1492",
	  { .mru = 1500 }, { PPPOX, 1492 },
	  { 1, 4, 0x05, 0xd4, 5, 6, 0x11, 0x11, 0x11, 0x11 }, 10,
	  IPCP_NEG_CONFREJ, rej_pppox, sizeof(rej_pppox) },
	{ "PPPoE, MRU 1400 configured: 1400",
	  { .mru = 1400 }, { PPPOX, 1492 },
	  { 1, 4, 0x05, 0x78, 5, 6, 0x11, 0x11, 0x11, 0x11 }, 10,
	  IPCP_NEG_CONFREJ, rej_pppox, sizeof(rej_pppox) },
	/* a tty's options mean nothing on PPPoX */
	{ "PPPoE, a tty's options given: ignored",
	  { .accm = 0x000a0000 }, { PPPOX, 1492 },
	  { 1, 4, 0x05, 0xd4, 5, 6, 0x11, 0x11, 0x11, 0x11 }, 10,
	  IPCP_NEG_CONFREJ, rej_pppox, sizeof(rej_pppox) },
	{ "PPPoX carrying 1500 or more: MRU 1500, not sent",
	  { }, { PPPOX, 4000 }, { 5, 6, 0x11, 0x11, 0x11, 0x11 }, 6,
	  IPCP_NEG_CONFREJ, rej_pppox, sizeof(rej_pppox) },
	/* no transport handed over: as before this policy */
	{ "unknown transport: magic only, PFC and ACFC Rejected",
	  { }, { NONE, 0 }, { 5, 6, 0x11, 0x11, 0x11, 0x11 }, 6,
	  IPCP_NEG_CONFREJ, rej_both, sizeof(rej_both) },
};

static void policy_case_desc(const struct policy_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(policy, policy_cases, policy_case_desc);

/* A codec configured by the policy, its magic drawn afresh */
static struct lcp_ctx *policy_ctx(struct kunit *test,
				  const struct ipcp_neg_lcp_settings *s,
				  const struct ipcp_neg_transport_info *t)
{
	struct lcp_ctx *ctx = lcp_ctx_new(test);

	ipcp_neg_lcp_policy(s, t, &ctx->lcp.conf);
	ctx->lcp.magic_next = LCP_T_OURS;
	ipcp_neg_lcp_reset_ci(&ctx->lcp.fsm);
	return ctx;
}

static void policy_test(struct kunit *test)
{
	const struct policy_case *c = test->param_value;
	struct lcp_ctx *ctx = policy_ctx(test, &c->set, &c->t);
	u8 buf[IPCP_NEG_LCP_CR_MAX];
	u8 reply[sizeof(pppd_tty) + IPCP_NEG_REPLY_EXTRA];
	unsigned int n, rlen = 0;
	u8 code;

	n = ipcp_neg_lcp_build_cr(&ctx->lcp.fsm, buf, sizeof(buf));
	lcp_expect_bytes(test, buf, n, c->cr, c->cr_len);
	code = ipcp_neg_lcp_recv_cr(&ctx->lcp.fsm, pppd_tty, sizeof(pppd_tty),
				    reply, &rlen, false);
	KUNIT_EXPECT_EQ(test, code, c->code);
	lcp_expect_bytes(test, reply, rlen, c->reply ?: pppd_tty,
			 c->reply_len);
}

/* pppN's MTU: the peer's MRU, at most the transport's limit */
static void policy_mtu_test(struct kunit *test)
{
	const struct ipcp_neg_transport_info pppoe = { PPPOX, 1492 };
	const struct ipcp_neg_transport_info tty = { ASYNC, 0 };
	const struct ipcp_neg_transport_info none = { NONE, 0 };

	/* a peer naming no MRU (1500) on PPPoE: 1500-byte packets are lost */
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_policy_mtu(&pppoe, 1500), 1492);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_policy_mtu(&pppoe, 1492), 1492);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_policy_mtu(&pppoe, 1400), 1400);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_policy_mtu(&tty, 1400), 1400);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_policy_mtu(&tty, 4000), 4000);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_policy_mtu(&none, 1500), 1500);
}

/* A peer that Rejects, or Naks, our PFC and ACFC: we stop asking */
static void policy_comp_refused_test(struct kunit *test)
{
	static const u8 after[] = { 2, 6, 0, 0, 0, 0, 5, 6, 0x11, 0x11, 0x11, 0x11 };
	const struct ipcp_neg_lcp_settings s = { };
	const struct ipcp_neg_transport_info t = { ASYNC, 0 };
	u8 buf[IPCP_NEG_LCP_CR_MAX];
	struct lcp_ctx *ctx;
	unsigned int n;
	bool rej;

	for (rej = false; ; rej = true) {
		ctx = policy_ctx(test, &s, &t);
		n = ipcp_neg_lcp_build_cr(&ctx->lcp.fsm, buf, sizeof(buf));
		KUNIT_ASSERT_EQ(test, n, 16U);
		KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_nak(&ctx->lcp.fsm,
							    rej_both,
							    sizeof(rej_both),
							    rej), 0);
		n = ipcp_neg_lcp_build_cr(&ctx->lcp.fsm, buf, sizeof(buf));
		lcp_expect_bytes(test, buf, n, after, sizeof(after));
		if (rej)
			break;
	}
}

/* A Reject must repeat what we sent: PFC when we asked none is invalid */
static void policy_comp_rej_unsent_test(struct kunit *test)
{
	const struct ipcp_neg_lcp_settings s = { };
	const struct ipcp_neg_transport_info t = { PPPOX, 1492 };
	struct lcp_ctx *ctx = policy_ctx(test, &s, &t);
	u8 buf[IPCP_NEG_LCP_CR_MAX];

	ipcp_neg_lcp_build_cr(&ctx->lcp.fsm, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_nak(&ctx->lcp.fsm, rej_pfc,
						    sizeof(rej_pfc), true),
			-EINVAL);
}

/* The rules of LCP's settings (link_conf.c) */

struct lcp_rule_case {
	const char *desc;
	u8 transport;
	u8 opt;
	u32 v;
	bool ok;
};

#define MRU	IPCP_NEG_LINK_LCP_MRU
#define ACCM	IPCP_NEG_LINK_LCP_ACCM
#define NOACCM	IPCP_NEG_LINK_LCP_NO_ACCM
#define PCOMP	IPCP_NEG_LINK_LCP_PCOMP
#define ACCOMP	IPCP_NEG_LINK_LCP_ACCOMP

static const struct lcp_rule_case lcp_rule_cases[] = {
	{ "mru 0: the transport's default", PPPOX, MRU, 0, true },
	{ "mru 128", ASYNC, MRU, 128, true },
	{ "mru 1500", PPPOX, MRU, 1500, true },
	/* RFC 1661 6.1 has no floor; ours, as for the peer's (lcp.c) */
	{ "mru 127", ASYNC, MRU, 127, false },
	/* the module's receive path and ppp_generic's default MRU */
	{ "mru 1501", ASYNC, MRU, 1501, false },
	{ "asyncmap on a tty", ASYNC, ACCM, 0xffffffff, true },
	{ "no asyncmap on a tty", ASYNC, NOACCM, 1, true },
	{ "asyncmap again on a tty", ASYNC, NOACCM, 0, true },
	/* RFC 2516 7: PPPoE has no ACCM */
	{ "asyncmap on PPPoX", PPPOX, ACCM, 0, false },
	{ "no asyncmap on PPPoX: what it is", PPPOX, NOACCM, 1, true },
	{ "asyncmap on an unknown transport", NONE, NOACCM, 0, false },
	{ "pcomp 1 on a tty", ASYNC, PCOMP, 1, true },
	{ "accomp 0 on a tty", ASYNC, ACCOMP, 0, true },
	{ "pcomp 2", ASYNC, PCOMP, 2, false },
	/* RFC 2516 7: PFC and ACFC are not used on PPPoE */
	{ "pcomp 1 on PPPoX", PPPOX, PCOMP, 1, false },
	{ "accomp 1 on PPPoX", PPPOX, ACCOMP, 1, false },
	{ "accomp 0 on PPPoX: what it is", PPPOX, ACCOMP, 0, true },
	{ "unknown option", ASYNC, ACCOMP + 1, 0, false },
};

static void lcp_rule_case_desc(const struct lcp_rule_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lcp_rule, lcp_rule_cases, lcp_rule_case_desc);

static void lcp_rule_test(struct kunit *test)
{
	const struct lcp_rule_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_lcp_ok(c->transport, c->opt,
							c->v), c->ok);
}

/* Creation checks the MRU only: the transport is not known yet */
static void lcp_create_test(struct kunit *test)
{
	struct ipcp_neg_link_conf c = { .role = IPCP_NEG_IPCP_CLIENT };

	c.lcp.accm = 0x000a0000;
	c.lcp.no_pcomp = true;
	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_check(&c), 0);
	c.lcp.mru = 1492;
	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_check(&c), 0);
	c.lcp.mru = 100;
	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_check(&c), -EINVAL);
	c.lcp.mru = 9000;
	KUNIT_EXPECT_EQ(test, ipcp_neg_link_conf_check(&c), -EINVAL);
}

static struct kunit_case lcp_policy_test_cases[] = {
	KUNIT_CASE_PARAM(policy_test, policy_gen_params),
	KUNIT_CASE(policy_mtu_test),
	KUNIT_CASE(policy_comp_refused_test),
	KUNIT_CASE(policy_comp_rej_unsent_test),
	KUNIT_CASE_PARAM(lcp_rule_test, lcp_rule_gen_params),
	KUNIT_CASE(lcp_create_test),
	{}
};

static struct kunit_suite lcp_policy_test_suite = {
	.name = "ipcp_neg_lcp_policy",
	.test_cases = lcp_policy_test_cases,
};

kunit_test_suite(lcp_policy_test_suite);
