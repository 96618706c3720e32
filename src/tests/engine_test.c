// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the engine, end to end in memory: a server engine and a
 * client engine joined back to back by the shared harness (pair.c). Each
 * transmitted packet goes through a wire that may drop, duplicate or swap
 * packets (seeded, so every run is the same). Restart timers run on the
 * pair's virtual clock. A bounded number of steps turns a livelock into a
 * failure.
 *
 * The server assigns the client's address, either a fixed one or one taken
 * from a real address pool through the module's own lease code (lease.c:
 * sticky per link, released on ipcp_down, never the server's address). The
 * suite's exit method releases what the links still hold and deletes the
 * pool.
 */

#include <kunit/test.h>
#include <linux/prandom.h>

#include "../engine.h"
#include "../addr_pool.h"
#include "../lease.h"
#include "pair.h"
#include "test_util.h"

#define SRV_LOCAL	IP4(10, 0, 0, 1)
#define CLI_FIXED	IP4(10, 0, 0, 2)
#define DNS1		IP4(10, 0, 0, 53)
#define DNS2		IP4(10, 0, 0, 54)
#define POOL_NAME	"kunit-ipcp-neg-engine"
#define POOL_ADDR(n)	IP4(198, 51, 100, (n))	/* n = 1..4 */

#define ENG_STEPS	5000	/* deliveries and expiries before giving up */
#define ENG_LINKS	5

/* What one end sent, for the tests to look at */
struct eng_rec {
	struct ipcp_neg_pair_pkt last_tx;
	struct ipcp_neg_pair_pkt first_ipcp_cr;
	struct ipcp_neg_pair_pkt last_ipcp_cr;
	struct ipcp_neg_pair_pkt first_ipcp_nak;
	bool reject_ipcp;	/* answer IPCP with Protocol-Reject */
};

/* A pair (server s[0], client s[1]) and the wire between them */
struct eng_link {
	struct ipcp_neg_pair p;
	struct ipcp_neg_pair_side *srv;
	struct ipcp_neg_pair_side *cli;
	struct eng_rec rec[2];
	struct rnd_state rnd;
	u8 drop;		/* percent of packets lost */
	u8 dup;			/* percent of packets sent twice */
	u8 swap;		/* percent swapped with the one queued before */
	unsigned int dropped;
	unsigned int duplicated;
	unsigned int swapped;
};

/* What the exit method cleans up */
struct eng_ctx {
	struct ipcp_neg_pool *pool;
	struct eng_link *links[ENG_LINKS];
	unsigned int nlinks;
};

/* How a link is set up */
struct eng_conf {
	bool pool;		/* server: assign() from the pool, no fixed */
	u8 policy;		/* both: e->pool_empty */
	u8 drop;
	u8 dup;
	u8 swap;
	u32 seed;
};

static struct eng_link *eng_link_of(struct ipcp_neg_pair_side *s)
{
	return s->pair->priv;
}

static struct eng_rec *eng_rec(struct ipcp_neg_pair_side *s)
{
	return &eng_link_of(s)->rec[s - s->pair->s];
}

static bool eng_chance(struct eng_link *l, u8 pct)
{
	return pct && prandom_u32_state(&l->rnd) % 100 < pct;
}

static void eng_enqueue(struct eng_link *l, struct ipcp_neg_pair_side *to,
			const struct ipcp_neg_pair_pkt *p)
{
	if (ipcp_neg_pair_enqueue(to, p) && to->qlen >= 2 &&
	    eng_chance(l, l->swap)) {
		ipcp_neg_pair_swap(to, to->qlen - 1, to->qlen - 2);
		l->swapped++;
	}
}

/* The wire: lose, duplicate or reorder as the link is told to */
static void eng_tx(struct ipcp_neg_pair_side *from,
		   const struct ipcp_neg_pair_pkt *p)
{
	struct eng_link *l = eng_link_of(from);
	struct ipcp_neg_pair_side *to = ipcp_neg_pair_peer(from);
	struct eng_rec *r = eng_rec(from);

	r->last_tx = *p;
	if (p->proto == IPCP_NEG_PROTO_IPCP && p->data[0] == IPCP_NEG_CONFREQ) {
		if (!r->first_ipcp_cr.len)
			r->first_ipcp_cr = *p;
		r->last_ipcp_cr = *p;
	}
	if (p->proto == IPCP_NEG_PROTO_IPCP && p->data[0] == IPCP_NEG_CONFNAK &&
	    !r->first_ipcp_nak.len)
		r->first_ipcp_nak = *p;
	if (eng_chance(l, l->drop)) {
		l->dropped++;
		return;
	}
	eng_enqueue(l, to, p);
	if (eng_chance(l, l->dup)) {
		eng_enqueue(l, to, p);
		l->duplicated++;
	}
}

static void eng_rx(struct ipcp_neg_pair_side *to,
		   const struct ipcp_neg_pair_pkt *p)
{
	if (eng_rec(to)->reject_ipcp && p->proto == IPCP_NEG_PROTO_IPCP)
		ipcp_neg_engine_reject_proto(&to->e, p->proto, p->data, p->len);
	else
		ipcp_neg_engine_input(&to->e, p->proto, p->data, p->len);
}

static const struct ipcp_neg_pair_ops eng_pair_ops = {
	.tx = eng_tx,
	.rx = eng_rx,
};

/* A server (local 10.0.0.1, DNS) and a client asking for DNS, joined */
static struct eng_link *eng_link_new(struct kunit *test,
				     const struct eng_conf *c)
{
	struct eng_ctx *ctx = test->priv;
	struct ipcp_neg_ipcp_conf *sc;
	struct eng_link *l;

	KUNIT_ASSERT_LT(test, ctx->nlinks, ARRAY_SIZE(ctx->links));
	l = kunit_kzalloc(test, sizeof(*l), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, l);
	ctx->links[ctx->nlinks++] = l;
	l->drop = c->drop;
	l->dup = c->dup;
	l->swap = c->swap;
	prandom_seed_state(&l->rnd, c->seed);
	ipcp_neg_pair_init(&l->p, &eng_pair_ops, l);
	l->srv = &l->p.s[0];
	l->cli = &l->p.s[1];
	if (c->pool)
		ipcp_neg_pool_hold(ctx->pool);
	ipcp_neg_pair_side_init(l->srv, IPCP_NEG_IPCP_SERVER,
				c->pool ? ctx->pool : NULL);
	ipcp_neg_pair_side_init(l->cli, IPCP_NEG_IPCP_CLIENT, NULL);
	l->srv->e.pool_empty = c->policy;
	l->cli->e.pool_empty = c->policy;
	l->srv->e.lcp.magic_next = 0x11110000;
	l->cli->e.lcp.magic_next = 0x22220000;
	sc = &l->srv->e.ipcp.conf;
	sc->local = SRV_LOCAL;
	sc->srv[IPCP_NEG_IPCP_O_DNS1] = DNS1;
	sc->srv[IPCP_NEG_IPCP_O_DNS2] = DNS2;
	if (!c->pool)
		sc->remote = CLI_FIXED;
	l->cli->e.ipcp.conf.req_dns = true;
	return l;
}

static void eng_start(struct eng_link *l)
{
	ipcp_neg_pair_start(&l->p);
}

/*
 * Run until no packet is queued and no timer armed. Deliveries alternate
 * between the sides, or pick one at random on a reordering wire, so that
 * packets pile up and get swapped.
 */
static void eng_run(struct kunit *test, struct eng_link *l)
{
	unsigned int n;

	for (n = 0; n < ENG_STEPS; n++) {
		if (l->swap)
			l->p.turn = prandom_u32_state(&l->rnd) & 1;
		if (!ipcp_neg_pair_step(&l->p))
			break;
	}
	l->p.steps += n;
	KUNIT_ASSERT_LT_MSG(test, n, ENG_STEPS, "still busy at %llu ms",
			    l->p.now);
	/* no packet too long or queue full, no broken rule of the glue */
	KUNIT_ASSERT_EQ(test, l->p.too_long + l->p.lost + l->p.errors, 0ULL);
}

static bool eng_quiet(struct eng_link *l)
{
	return ipcp_neg_pair_quiet(&l->p);
}

static void eng_expect_bytes(struct kunit *test,
			     const struct ipcp_neg_pair_pkt *p, u16 proto,
			     const u8 *want, unsigned int want_len)
{
	KUNIT_EXPECT_EQ(test, p->proto, proto);
	KUNIT_ASSERT_EQ_MSG(test, p->len, want_len, "got %*ph want %*ph",
			    p->len, p->data, want_len, want);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(p->data, want, want_len), 0,
			    "got %*ph want %*ph", p->len, p->data, want_len,
			    want);
}

/* Both ends Opened, with the client at @addr and DNS obtained */
static void eng_expect_open(struct kunit *test, struct eng_link *l,
			    __be32 addr)
{
	struct ipcp_neg_engine *srv = &l->srv->e, *cli = &l->cli->e;

	KUNIT_EXPECT_EQ(test, srv->lcp.fsm.state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, cli->lcp.fsm.state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, srv->ipcp.fsm.state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, cli->ipcp.fsm.state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_TRUE(test, ipcp_neg_engine_ip_ok(srv));
	KUNIT_EXPECT_TRUE(test, ipcp_neg_engine_ip_ok(cli));
	IPCP_NEG_EXPECT_ADDR(test, cli->ipcp.local, addr);
	IPCP_NEG_EXPECT_ADDR(test, cli->ipcp.peer, SRV_LOCAL);
	IPCP_NEG_EXPECT_ADDR(test, srv->ipcp.local, SRV_LOCAL);
	IPCP_NEG_EXPECT_ADDR(test, srv->ipcp.peer, addr);
	IPCP_NEG_EXPECT_ADDR(test, cli->ipcp.srv[IPCP_NEG_IPCP_O_DNS1], DNS1);
	IPCP_NEG_EXPECT_ADDR(test, cli->ipcp.srv[IPCP_NEG_IPCP_O_DNS2], DNS2);
	IPCP_NEG_EXPECT_ADDR(test, cli->ipcp.srv[IPCP_NEG_IPCP_O_NBNS1], 0);
	KUNIT_EXPECT_EQ(test, srv->reason, IPCP_NEG_REASON_NONE);
	KUNIT_EXPECT_EQ(test, cli->reason, IPCP_NEG_REASON_NONE);
	KUNIT_EXPECT_TRUE(test, eng_quiet(l));
}

static void eng_expect_used(struct kunit *test, u32 used)
{
	struct eng_ctx *ctx = test->priv;

	IPCP_NEG_EXPECT_USAGE(test, ctx->pool, 4, used);
}

/* The pool of four addresses from @first the pool-backed servers share */
static void eng_pool_new_at(struct kunit *test, __be32 first)
{
	struct eng_ctx *ctx = test->priv;

	ctx->pool = ipcp_neg_test_pool_new(test, POOL_NAME, first,
					   cpu_to_be32(be32_to_cpu(first) + 3));
}

static void eng_pool_new(struct kunit *test)
{
	eng_pool_new_at(test, POOL_ADDR(1));
}

static int eng_test_init(struct kunit *test)
{
	test->priv = kunit_kzalloc(test, sizeof(struct eng_ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, test->priv);
	return 0;
}

static void eng_test_exit(struct kunit *test)
{
	struct eng_ctx *ctx = test->priv;
	unsigned int i;

	for (i = 0; i < ctx->nlinks; i++)
		ipcp_neg_pair_uninit(&ctx->links[i]->p);
	ipcp_neg_test_pool_del(ctx->pool, POOL_NAME);
}

/* Fixed remote address: the whole negotiation, first IPCP request exact */
static void eng_test_fixed_remote(struct kunit *test)
{
	static const u8 first_cr[] = {
		IPCP_NEG_CONFREQ, 0, 0, 22,
		IPCP_NEG_IPCP_ADDR, 6, 0, 0, 0, 0,
		IPCP_NEG_IPCP_DNS1, 6, 0, 0, 0, 0,
		IPCP_NEG_IPCP_DNS2, 6, 0, 0, 0, 0,
	};
	struct eng_conf c = { };
	struct eng_link *l = eng_link_new(test, &c);

	l->cli->e.lcp.conf.mru = 1400;
	eng_start(l);
	eng_run(test, l);
	eng_expect_open(test, l, CLI_FIXED);
	KUNIT_EXPECT_EQ(test, l->srv->ups, 1U);
	KUNIT_EXPECT_EQ(test, l->cli->ups, 1U);
	KUNIT_EXPECT_EQ(test, l->srv->downs + l->cli->downs, 0U);
	KUNIT_EXPECT_EQ(test, l->srv->finished + l->cli->finished, 0U);
	eng_expect_bytes(test, &eng_rec(l->cli)->first_ipcp_cr, IPCP_NEG_PROTO_IPCP,
			 first_cr, sizeof(first_cr));
	/* no loss: no retransmission, and no time went by */
	KUNIT_EXPECT_EQ(test, l->cli->e.ipcp.fsm.stats.tx[IPCP_NEG_CONFREQ],
			2U);
	KUNIT_EXPECT_EQ(test, l->p.now, 0ULL);
	/* IPCP's packets to the client obey the MRU it gave LCP */
	KUNIT_EXPECT_EQ(test, l->srv->e.lcp.fsm.peer_mru, 1400U);
	KUNIT_EXPECT_EQ(test, l->srv->e.ipcp.fsm.peer_mru, 1400U);
}

/* Pool exhaustion, with each policy */

struct eng_policy_case {
	const char *desc;
	u8 policy;
};

static const struct eng_policy_case eng_policy_cases[] = {
	{ "IPCP closed, LCP stays", IPCP_NEG_POOL_EMPTY_IPCP_CLOSE },
	{ "link terminated", IPCP_NEG_POOL_EMPTY_TERMINATE },
};

static void eng_policy_desc(const struct eng_policy_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(eng_policy, eng_policy_cases, eng_policy_desc);

/* The fifth link found the pool empty: the policy was applied */
static void eng_expect_refused(struct kunit *test, struct eng_link *l,
			       u8 policy)
{
	struct ipcp_neg_engine *srv = &l->srv->e, *cli = &l->cli->e;
	u8 lcp_st = IPCP_NEG_ST_OPENED, ipcp_st = IPCP_NEG_ST_CLOSED;
	unsigned int fin = 0;

	if (policy == IPCP_NEG_POOL_EMPTY_TERMINATE) {
		lcp_st = IPCP_NEG_ST_CLOSED;	/* both sent Terminate */
		ipcp_st = IPCP_NEG_ST_STARTING;
		fin = 1;
	}
	KUNIT_EXPECT_EQ(test, srv->lcp.fsm.state, lcp_st);
	KUNIT_EXPECT_EQ(test, cli->lcp.fsm.state, lcp_st);
	KUNIT_EXPECT_EQ(test, srv->ipcp.fsm.state, ipcp_st);
	KUNIT_EXPECT_EQ(test, cli->ipcp.fsm.state, ipcp_st);
	KUNIT_EXPECT_EQ(test, l->srv->finished, fin);
	KUNIT_EXPECT_EQ(test, l->cli->finished, fin);
	KUNIT_EXPECT_EQ(test, l->srv->ups + l->cli->ups, 0U);
	KUNIT_EXPECT_EQ(test, srv->ipcp.fail, IPCP_NEG_IPCP_FAIL_ASSIGN);
	KUNIT_EXPECT_EQ(test, srv->ipcp.assign_err, -ENOSPC);
	KUNIT_EXPECT_EQ(test, cli->ipcp.fail, IPCP_NEG_IPCP_FAIL_NO_ADDR);
	KUNIT_EXPECT_EQ(test, srv->reason, IPCP_NEG_REASON_NO_ADDR);
	KUNIT_EXPECT_EQ(test, cli->reason, IPCP_NEG_REASON_NO_ADDR);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_engine_ip_ok(srv));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_engine_ip_ok(cli));
	IPCP_NEG_EXPECT_ADDR(test, l->srv->lease.addr, 0);
}

static void eng_test_pool_exhausted(struct kunit *test)
{
	const struct eng_policy_case *pc = test->param_value;
	struct eng_conf c = { .pool = true, .policy = pc->policy };
	struct eng_link *l[ENG_LINKS];
	unsigned int i;

	eng_pool_new(test);
	for (i = 0; i < ENG_LINKS; i++) {
		l[i] = eng_link_new(test, &c);
		eng_start(l[i]);
		eng_run(test, l[i]);
		if (i < 4)
			eng_expect_open(test, l[i], POOL_ADDR(i + 1));
	}
	eng_expect_refused(test, l[4], pc->policy);
	eng_expect_used(test, 4);

	/* the first link ends: its address goes back through ipcp_down */
	ipcp_neg_engine_stop(&l[0]->cli->e);
	eng_run(test, l[0]);
	KUNIT_EXPECT_EQ(test, l[0]->srv->downs, 1U);
	KUNIT_EXPECT_EQ(test, l[0]->srv->finished, 1U);
	eng_expect_used(test, 3);

	/* the fifth tries again and gets the address just freed */
	if (pc->policy == IPCP_NEG_POOL_EMPTY_TERMINATE) {
		ipcp_neg_engine_lower_down(&l[4]->srv->e);
		ipcp_neg_engine_lower_down(&l[4]->cli->e);
		eng_start(l[4]);
	} else {
		ipcp_neg_engine_renegotiate_ipcp(&l[4]->srv->e);
		ipcp_neg_engine_renegotiate_ipcp(&l[4]->cli->e);
	}
	eng_run(test, l[4]);
	eng_expect_open(test, l[4], POOL_ADDR(1));
	eng_expect_used(test, 4);

	/* every link ends: every address is back */
	for (i = 1; i < ENG_LINKS; i++) {
		ipcp_neg_engine_stop(&l[i]->srv->e);
		eng_run(test, l[i]);
		KUNIT_EXPECT_EQ(test, l[i]->srv->downs, 1U);
	}
	eng_expect_used(test, 0);
}

/* Lossy wires */

struct eng_lossy_case {
	const char *desc;
	struct eng_conf c;
};

/*
 * Rates are per packet; the seeds are ones under which each enabled kind
 * of damage does happen (the test checks it), since a negotiation is only
 * some twenty packets long.
 */
static const struct eng_lossy_case eng_lossy_cases[] = {
	{ "drop 20% seed 1", { .drop = 20, .seed = 1 } },
	{ "drop 20% seed 2", { .drop = 20, .seed = 2 } },
	{ "drop 20% seed 3", { .drop = 20, .seed = 3 } },
	{ "duplicate 20% seed 5", { .dup = 20, .seed = 5 } },
	{ "duplicate 20% seed 8", { .dup = 20, .seed = 8 } },
	{ "reorder 50% seed 4", { .swap = 50, .seed = 4 } },
	{ "reorder 50% seed 5", { .swap = 50, .seed = 5 } },
	{ "all three seed 2", { .drop = 20, .dup = 20, .swap = 50, .seed = 2 } },
	{ "all three seed 5", { .drop = 20, .dup = 20, .swap = 50, .seed = 5 } },
	{ "all three seed 9", { .drop = 20, .dup = 20, .swap = 50, .seed = 9 } },
	{ "all three, pool, seed 2",
	  { .pool = true, .drop = 20, .dup = 20, .swap = 50, .seed = 2 } },
};

static void eng_lossy_desc(const struct eng_lossy_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(eng_lossy, eng_lossy_cases, eng_lossy_desc);

static void eng_test_lossy(struct kunit *test)
{
	const struct eng_lossy_case *lc = test->param_value;
	struct eng_link *l;

	if (lc->c.pool)
		eng_pool_new(test);
	l = eng_link_new(test, &lc->c);
	eng_start(l);
	eng_run(test, l);
	kunit_info(test, "%u steps, %llu ms, %u dropped, %u duplicated, %u swapped, %u/%u ups\n",
		   l->p.steps, l->p.now, l->dropped, l->duplicated, l->swapped,
		   l->srv->ups, l->cli->ups);
	eng_expect_open(test, l, lc->c.pool ? POOL_ADDR(1) : CLI_FIXED);
	/* the wire did what the row says */
	KUNIT_EXPECT_EQ(test, !!l->dropped, !!lc->c.drop);
	KUNIT_EXPECT_EQ(test, !!l->duplicated, !!lc->c.dup);
	KUNIT_EXPECT_EQ(test, !!l->swapped, !!lc->c.swap);
	/* renegotiations may bounce IPCP, but each up has its down */
	KUNIT_EXPECT_EQ(test, l->srv->ups, l->srv->downs + 1);
	KUNIT_EXPECT_EQ(test, l->cli->ups, l->cli->downs + 1);
	KUNIT_EXPECT_EQ(test, l->srv->finished + l->cli->finished, 0U);
	if (lc->c.pool)
		eng_expect_used(test, 1);
}

/* Transport down and up: IPCP down, then up again at the same address */
static void eng_test_lower_down_up(struct kunit *test)
{
	struct eng_conf c = { .pool = true };
	struct eng_link *l;
	unsigned int ntx;

	eng_pool_new(test);
	l = eng_link_new(test, &c);
	eng_start(l);
	eng_run(test, l);
	eng_expect_open(test, l, POOL_ADDR(1));

	ntx = l->srv->ntx + l->cli->ntx;
	ipcp_neg_engine_lower_down(&l->srv->e);
	ipcp_neg_engine_lower_down(&l->cli->e);
	KUNIT_EXPECT_EQ(test, l->srv->ntx + l->cli->ntx, ntx);
	KUNIT_EXPECT_EQ(test, l->srv->downs, 1U);
	KUNIT_EXPECT_EQ(test, l->cli->downs, 1U);
	KUNIT_EXPECT_EQ(test, l->srv->finished + l->cli->finished, 0U);
	KUNIT_EXPECT_EQ(test, l->srv->e.lcp.fsm.state, IPCP_NEG_ST_STARTING);
	KUNIT_EXPECT_EQ(test, l->cli->e.ipcp.fsm.state, IPCP_NEG_ST_STARTING);
	KUNIT_EXPECT_EQ(test, l->cli->e.reason, IPCP_NEG_REASON_LOWER_DOWN);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_engine_ip_ok(&l->srv->e));
	KUNIT_EXPECT_TRUE(test, eng_quiet(l));
	eng_expect_used(test, 0);

	/* without stickiness next fit would give POOL_ADDR(2) */
	eng_start(l);
	eng_run(test, l);
	eng_expect_open(test, l, POOL_ADDR(1));
	KUNIT_EXPECT_EQ(test, l->srv->ups, 2U);
	KUNIT_EXPECT_EQ(test, l->cli->ups, 2U);
	eng_expect_used(test, 1);
}

/* The peer does not run IPCP: it Protocol-Rejects our requests */
static void eng_test_ipcp_rejected(struct kunit *test)
{
	struct eng_conf c = { };
	struct eng_link *l = eng_link_new(test, &c);
	struct ipcp_neg_engine *cli = &l->cli->e;
	u8 want[IPCP_NEG_PAIR_PKT] = { IPCP_NEG_PROTREJ, 0, 0, 28, 0x80, 0x21 };

	eng_rec(l->srv)->reject_ipcp = true;
	eng_start(l);
	ipcp_neg_fsm_close(&l->srv->e.ipcp.fsm);	/* it never sends IPCP */
	eng_run(test, l);

	KUNIT_EXPECT_EQ(test, l->srv->e.lcp.fsm.state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, cli->lcp.fsm.state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, cli->ipcp.fsm.state, IPCP_NEG_ST_STOPPED);
	KUNIT_EXPECT_EQ(test, cli->ipcp.fsm.stats.tx[IPCP_NEG_CONFREQ], 1U);
	KUNIT_EXPECT_EQ(test, cli->lcp.stats.protrej_rx, 1U);
	KUNIT_EXPECT_EQ(test, cli->reason, IPCP_NEG_REASON_PROTO_REJ);
	KUNIT_EXPECT_STREQ(test, ipcp_neg_engine_reason_name(cli->reason),
			   "peer rejected IPCP");
	KUNIT_EXPECT_EQ(test, l->srv->ups + l->cli->ups, 0U);
	KUNIT_EXPECT_EQ(test, l->srv->finished + l->cli->finished, 0U);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_engine_ip_ok(cli));
	KUNIT_EXPECT_TRUE(test, eng_quiet(l));
	/* the Protocol-Reject carries the client's whole request */
	KUNIT_ASSERT_EQ(test, eng_rec(l->cli)->first_ipcp_cr.len, 22U);
	memcpy(want + 6, eng_rec(l->cli)->first_ipcp_cr.data, 22);
	eng_expect_bytes(test, &eng_rec(l->srv)->last_tx, IPCP_NEG_PROTO_LCP, want, 28);
}

/* Administrative stop: one Terminate exchange, then silence */
static void eng_test_admin_stop(struct kunit *test)
{
	struct eng_conf c = { };
	struct eng_link *l = eng_link_new(test, &c);
	struct ipcp_neg_engine *srv = &l->srv->e, *cli = &l->cli->e;
	unsigned int ntx, i;

	eng_start(l);
	eng_run(test, l);
	eng_expect_open(test, l, CLI_FIXED);

	ipcp_neg_engine_stop(srv);
	eng_run(test, l);
	KUNIT_EXPECT_EQ(test, srv->lcp.fsm.state, IPCP_NEG_ST_CLOSED);
	KUNIT_EXPECT_EQ(test, cli->lcp.fsm.state, IPCP_NEG_ST_STOPPED);
	KUNIT_EXPECT_EQ(test, srv->ipcp.fsm.state, IPCP_NEG_ST_INITIAL);
	KUNIT_EXPECT_EQ(test, cli->ipcp.fsm.state, IPCP_NEG_ST_STARTING);
	KUNIT_EXPECT_EQ(test, l->srv->finished, 1U);
	KUNIT_EXPECT_EQ(test, l->cli->finished, 1U);
	KUNIT_EXPECT_EQ(test, l->srv->downs, 1U);
	KUNIT_EXPECT_EQ(test, l->cli->downs, 1U);
	KUNIT_EXPECT_EQ(test, srv->reason, IPCP_NEG_REASON_ADMIN);
	KUNIT_EXPECT_EQ(test, cli->reason, IPCP_NEG_REASON_PEER_TERM);
	KUNIT_EXPECT_EQ(test, srv->lcp.fsm.stats.tx[IPCP_NEG_TERMREQ], 1U);
	KUNIT_EXPECT_EQ(test, cli->lcp.fsm.stats.tx[IPCP_NEG_TERMACK], 1U);
	KUNIT_EXPECT_EQ(test, srv->ipcp.fsm.stats.tx[IPCP_NEG_TERMREQ], 0U);
	KUNIT_EXPECT_EQ(test, cli->ipcp.fsm.stats.tx[IPCP_NEG_TERMREQ], 0U);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_engine_ip_ok(srv));
	KUNIT_EXPECT_FALSE(test, ipcp_neg_engine_ip_ok(cli));
	KUNIT_EXPECT_TRUE(test, eng_quiet(l));

	/* stray expiries after the end send nothing */
	ntx = l->srv->ntx + l->cli->ntx;
	for (i = 0; i < 2; i++) {
		ipcp_neg_engine_timeout(srv, i ? IPCP_NEG_PROTO_IPCP :
					IPCP_NEG_PROTO_LCP);
		ipcp_neg_engine_timeout(cli, i ? IPCP_NEG_PROTO_IPCP :
					IPCP_NEG_PROTO_LCP);
	}
	eng_run(test, l);
	KUNIT_EXPECT_EQ(test, l->srv->ntx + l->cli->ntx, ntx);
	KUNIT_EXPECT_EQ(test, l->srv->finished + l->cli->finished, 2U);
}

/*
 * A late duplicate of the client's Acked request reaches the server in
 * Opened: the server renegotiates, and the client's Ack of the server's
 * new request overtakes the client's own new request. The server is up
 * again before any request of the new round was judged, so it must hold
 * the address that its ipcp_down gave back (checked at each ipcp_up).
 */
static void eng_test_peer_renegotiates(struct kunit *test)
{
	struct eng_conf c = { .pool = true };
	struct eng_link *l;
	struct ipcp_neg_pair_side *srv;

	eng_pool_new(test);
	l = eng_link_new(test, &c);
	srv = l->srv;
	eng_start(l);
	eng_run(test, l);
	eng_expect_open(test, l, POOL_ADDR(1));
	KUNIT_ASSERT_EQ(test, eng_rec(l->cli)->last_ipcp_cr.data[6], 198);

	eng_enqueue(l, srv, &eng_rec(l->cli)->last_ipcp_cr);
	ipcp_neg_pair_deliver(srv);		/* Ack again, and a new request */
	KUNIT_EXPECT_EQ(test, srv->downs, 1U);
	KUNIT_ASSERT_EQ(test, l->cli->qlen, 2U);
	ipcp_neg_pair_deliver(l->cli);		/* the client renegotiates too */
	KUNIT_ASSERT_EQ(test, srv->qlen, 2U);
	ipcp_neg_pair_swap(srv, 0, 1);
	ipcp_neg_pair_deliver(srv);		/* the client's Ack first: up */
	KUNIT_EXPECT_EQ(test, srv->ups, 2U);
	IPCP_NEG_EXPECT_ADDR(test, srv->lease.addr, POOL_ADDR(1));

	eng_run(test, l);
	eng_expect_open(test, l, POOL_ADDR(1));
	KUNIT_EXPECT_EQ(test, srv->ups, srv->downs + 1);
	KUNIT_EXPECT_EQ(test, l->cli->ups, l->cli->downs + 1);
	IPCP_NEG_EXPECT_ADDR(test, srv->lease.addr, POOL_ADDR(1));
	eng_expect_used(test, 1);
}

/* Protocol-Reject of an unsupported protocol: only in LCP Opened */
static void eng_test_reject_proto(struct kunit *test)
{
	static const u8 info[] = { 1, 1, 0, 4 };	/* an IPv6CP request */
	static const u8 want[] = {
		IPCP_NEG_PROTREJ, 0, 0, 10, 0x80, 0x57, 1, 1, 0, 4,
	};
	struct eng_conf c = { };
	struct eng_link *l = eng_link_new(test, &c);
	struct ipcp_neg_engine *srv = &l->srv->e;
	unsigned int ntx;

	ipcp_neg_engine_reject_proto(srv, 0x8057, info, sizeof(info));
	KUNIT_EXPECT_EQ(test, l->srv->ntx, 0U);		/* Initial */
	eng_start(l);
	ipcp_neg_engine_reject_proto(srv, 0x8057, info, sizeof(info));
	KUNIT_EXPECT_EQ(test, l->srv->ntx, 1U);		/* Req-Sent: the CR */
	eng_run(test, l);
	eng_expect_open(test, l, CLI_FIXED);

	ntx = l->srv->ntx;
	ipcp_neg_engine_reject_proto(srv, 0x8057, info, sizeof(info));
	KUNIT_EXPECT_EQ(test, l->srv->ntx, ntx + 1);
	eng_expect_bytes(test, &eng_rec(l->srv)->last_tx, IPCP_NEG_PROTO_LCP, want,
			 sizeof(want));
	/* never LCP itself */
	ipcp_neg_engine_reject_proto(srv, IPCP_NEG_PROTO_LCP, info,
				     sizeof(info));
	KUNIT_EXPECT_EQ(test, l->srv->ntx, ntx + 1);

	/* the client notes it and carries on */
	eng_run(test, l);
	KUNIT_EXPECT_EQ(test, l->cli->e.lcp.stats.protrej_rx, 1U);
	eng_expect_open(test, l, CLI_FIXED);
	KUNIT_EXPECT_EQ(test, l->cli->ups, 1U);

	/* Closing: nothing */
	ipcp_neg_engine_stop(srv);
	ntx = l->srv->ntx;
	ipcp_neg_engine_reject_proto(srv, 0x8057, info, sizeof(info));
	KUNIT_EXPECT_EQ(test, l->srv->ntx, ntx);
}

/* IPCP renegotiated on demand: down, then up again, LCP untouched */
static void eng_test_renegotiate(struct kunit *test)
{
	struct eng_conf c = { };
	struct eng_link *l = eng_link_new(test, &c);
	u32 lcp_crs;

	eng_start(l);
	eng_run(test, l);
	eng_expect_open(test, l, CLI_FIXED);
	lcp_crs = l->srv->e.lcp.fsm.stats.tx[IPCP_NEG_CONFREQ];

	ipcp_neg_engine_renegotiate_ipcp(&l->srv->e);
	KUNIT_EXPECT_EQ(test, l->srv->downs, 1U);
	KUNIT_EXPECT_EQ(test, l->srv->e.reason, IPCP_NEG_REASON_RENEGOTIATE);
	KUNIT_EXPECT_EQ(test, l->srv->e.ipcp.fsm.state, IPCP_NEG_ST_REQSENT);
	eng_run(test, l);
	eng_expect_open(test, l, CLI_FIXED);
	KUNIT_EXPECT_EQ(test, l->srv->ups, 2U);
	KUNIT_EXPECT_EQ(test, l->cli->ups, 2U);
	KUNIT_EXPECT_EQ(test, l->cli->downs, 1U);
	KUNIT_EXPECT_EQ(test, l->srv->e.ipcp.fsm.stats.tx[IPCP_NEG_TERMREQ],
			1U);
	KUNIT_EXPECT_EQ(test, l->srv->e.lcp.fsm.stats.tx[IPCP_NEG_CONFREQ],
			lcp_crs);
	KUNIT_EXPECT_EQ(test, l->srv->e.lcp.fsm.state, IPCP_NEG_ST_OPENED);
}

/* A silent peer: Max-Configure requests on the clock, then finished */
static void eng_test_peer_silent(struct kunit *test)
{
	struct eng_conf c = { .drop = 100 };
	struct eng_link *l = eng_link_new(test, &c);
	struct ipcp_neg_engine *cli = &l->cli->e;

	ipcp_neg_engine_start(cli);
	eng_run(test, l);
	KUNIT_EXPECT_EQ(test, cli->lcp.fsm.stats.tx[IPCP_NEG_CONFREQ], 10U);
	KUNIT_EXPECT_EQ(test, l->p.now, 10 * 3000ULL);
	KUNIT_EXPECT_EQ(test, cli->lcp.fsm.state, IPCP_NEG_ST_STOPPED);
	KUNIT_EXPECT_EQ(test, l->cli->finished, 1U);
	KUNIT_EXPECT_EQ(test, cli->reason, IPCP_NEG_REASON_TIMEOUT);
	KUNIT_EXPECT_EQ(test, cli->ipcp.fsm.stats.tx[IPCP_NEG_CONFREQ], 0U);
	KUNIT_EXPECT_EQ(test, l->cli->ups, 0U);
}

/*
 * Echo-Requests the peer never answered do not count against a new LCP:
 * three go unanswered, then the peer renegotiates LCP (a Configure-Request
 * in Opened); once LCP is Opened again the count starts from zero, or the
 * glue's echo timer would declare the fresh link dead early.
 */
static void eng_test_echo_missed_reset(struct kunit *test)
{
	static const u8 lcp_cr[] = { IPCP_NEG_CONFREQ, 77, 0, 4 };
	struct eng_conf c = { };
	struct eng_link *l = eng_link_new(test, &c);
	struct ipcp_neg_pair_pkt p = { .proto = IPCP_NEG_PROTO_LCP, .len = 4 };
	struct ipcp_neg_lcp *lcp = &l->srv->e.lcp;
	int i;

	eng_start(l);
	eng_run(test, l);
	eng_expect_open(test, l, CLI_FIXED);
	l->drop = 100;
	for (i = 0; i < 3; i++)
		ipcp_neg_lcp_send_echo(lcp);
	KUNIT_EXPECT_EQ(test, lcp->echo_missed, 3U);
	l->drop = 0;

	memcpy(p.data, lcp_cr, sizeof(lcp_cr));
	eng_enqueue(l, l->srv, &p);
	eng_run(test, l);
	eng_expect_open(test, l, CLI_FIXED);
	KUNIT_EXPECT_EQ(test, l->srv->ups, 2U);
	KUNIT_EXPECT_EQ(test, lcp->echo_missed, 0U);
}

#define LOC(n)	IP4(10, 0, 0, (n))	/* n = 1..4, SRV_LOCAL is LOC(1) */

/*
 * The server's own address lies in its pool (10.0.0.1-10.0.0.4): next fit
 * passes over it, a peer asking for it gets a Nak with the lease, and a
 * local address changed to the peer's lease (the sysfs store's call) gives
 * the peer another; another link's peer's address is refused as local.
 */
static void eng_test_local_in_pool(struct kunit *test)
{
	static const u8 nak[] = {
		IPCP_NEG_CONFNAK, 0, 0, 22,
		IPCP_NEG_IPCP_ADDR, 6, 10, 0, 0, 2,
		IPCP_NEG_IPCP_DNS1, 6, 10, 0, 0, 53,
		IPCP_NEG_IPCP_DNS2, 6, 10, 0, 0, 54,
	};
	static const u8 ask_ours[] = {
		IPCP_NEG_CONFREQ, 0x42, 0, 10, IPCP_NEG_IPCP_ADDR, 6, 10, 0, 0, 1,
	};
	static const u8 nak_ours[] = {
		IPCP_NEG_CONFNAK, 0x42, 0, 10, IPCP_NEG_IPCP_ADDR, 6, 10, 0, 0, 2,
	};
	struct ipcp_neg_pair_pkt p = { .proto = IPCP_NEG_PROTO_IPCP };
	struct eng_conf c = { .pool = true };
	struct eng_link *l, *l2;

	eng_pool_new_at(test, LOC(1));
	l = eng_link_new(test, &c);
	eng_start(l);
	eng_run(test, l);
	eng_expect_open(test, l, LOC(2));
	eng_expect_bytes(test, &eng_rec(l->srv)->first_ipcp_nak, IPCP_NEG_PROTO_IPCP,
			 nak, sizeof(nak));
	eng_expect_used(test, 1);

	/* the peer asks for our address: a Nak with its lease */
	p.len = sizeof(ask_ours);
	memcpy(p.data, ask_ours, sizeof(ask_ours));
	eng_enqueue(l, l->srv, &p);
	ipcp_neg_pair_deliver(l->srv);
	eng_expect_bytes(test, &eng_rec(l->srv)->last_tx, IPCP_NEG_PROTO_IPCP,
			 nak_ours, sizeof(nak_ours));
	eng_run(test, l);
	eng_expect_open(test, l, LOC(2));
	eng_expect_used(test, 1);

	/*
	 * local := the peer's lease, as the sysfs store does it. The client
	 * Rejects the server's new address, still its own when the server's
	 * request arrives, and the server stops sending it: only the client's
	 * address and the server's side are checked.
	 */
	KUNIT_ASSERT_EQ(test, ipcp_neg_lease_set_local(&l->srv->lease, LOC(2)),
			0);
	l->srv->e.ipcp.conf.local = LOC(2);
	ipcp_neg_engine_renegotiate_ipcp(&l->srv->e);
	eng_run(test, l);
	KUNIT_EXPECT_EQ(test, l->srv->e.ipcp.fsm.state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, l->cli->e.ipcp.fsm.state, IPCP_NEG_ST_OPENED);
	IPCP_NEG_EXPECT_ADDR(test, l->srv->e.ipcp.local, LOC(2));
	IPCP_NEG_EXPECT_ADDR(test, l->srv->e.ipcp.peer, LOC(3));
	IPCP_NEG_EXPECT_ADDR(test, l->cli->e.ipcp.local, LOC(3));
	eng_expect_used(test, 1);

	/* another link's peer's address cannot become our local address */
	l2 = eng_link_new(test, &c);
	eng_start(l2);
	eng_run(test, l2);
	eng_expect_open(test, l2, LOC(4));
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_set_local(&l->srv->lease, LOC(4)),
			-EADDRINUSE);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lease_set_local(&l->srv->lease, LOC(1)),
			0);
	eng_expect_used(test, 2);
}

static struct kunit_case eng_test_cases[] = {
	KUNIT_CASE(eng_test_fixed_remote),
	KUNIT_CASE_PARAM(eng_test_pool_exhausted, eng_policy_gen_params),
	KUNIT_CASE_PARAM(eng_test_lossy, eng_lossy_gen_params),
	KUNIT_CASE(eng_test_lower_down_up),
	KUNIT_CASE(eng_test_ipcp_rejected),
	KUNIT_CASE(eng_test_admin_stop),
	KUNIT_CASE(eng_test_peer_renegotiates),
	KUNIT_CASE(eng_test_reject_proto),
	KUNIT_CASE(eng_test_renegotiate),
	KUNIT_CASE(eng_test_peer_silent),
	KUNIT_CASE(eng_test_echo_missed_reset),
	KUNIT_CASE(eng_test_local_in_pool),
	{}
};

static struct kunit_suite eng_test_suite = {
	.name = "ipcp_neg_engine",
	.init = eng_test_init,
	.exit = eng_test_exit,
	.test_cases = eng_test_cases,
};

kunit_test_suite(eng_test_suite);
