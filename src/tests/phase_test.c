// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the engine's phases (RFC 1661 section 3) and its table
 * of network control protocols (ncp.h): one real engine, driven by
 * packets a test peer writes by hand, and the table's lookups. The test
 * checks the phase after each step, what the engine sent, and that LCP's
 * Protocol-Reject and the NCPs' packets reach the NCP the table names.
 */

#include <kunit/test.h>
#include <linux/string.h>

#include "../engine.h"
#include "../ncp.h"
#include "../proto.h"

#define PH_PKTMAX	64

/* What the engine sent last, per protocol, and what it reported */
struct ph_side {
	struct ipcp_neg_engine e;
	struct {
		u8 code;
		u8 id;
		u8 len;
		u8 data[PH_PKTMAX];
		unsigned int count;
	} tx[2];		/* [0] LCP, [1] IPCP */
	unsigned int ups;
	unsigned int downs;
	unsigned int finished;
};

static struct ph_side *ph_of(struct ipcp_neg_engine *e)
{
	return e->priv;
}

static void ph_xmit(struct ipcp_neg_engine *e, u16 proto, u8 code, u8 id,
		    const u8 *data, unsigned int len)
{
	struct ph_side *s = ph_of(e);
	int i = proto == IPCP_NEG_PROTO_LCP ? 0 : 1;

	s->tx[i].code = code;
	s->tx[i].id = id;
	s->tx[i].len = min_t(unsigned int, len, PH_PKTMAX);
	if (len)
		memcpy(s->tx[i].data, data, s->tx[i].len);
	s->tx[i].count++;
}

static void ph_timer_start(struct ipcp_neg_engine *e, u16 proto,
			   unsigned int ms)
{
}

static void ph_timer_stop(struct ipcp_neg_engine *e, u16 proto)
{
}

static void ph_up(struct ipcp_neg_engine *e)
{
	ph_of(e)->ups++;
}

static void ph_down(struct ipcp_neg_engine *e)
{
	ph_of(e)->downs++;
}

static void ph_finished(struct ipcp_neg_engine *e)
{
	ph_of(e)->finished++;
}

static const struct ipcp_neg_engine_ops ph_ops = {
	.xmit = ph_xmit,
	.timer_start = ph_timer_start,
	.timer_stop = ph_timer_stop,
	.ipcp_up = ph_up,
	.ipcp_down = ph_down,
	.finished = ph_finished,
};

/* A client engine: it needs no assign() */
static struct ph_side *ph_new(struct kunit *test)
{
	struct ph_side *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	ipcp_neg_engine_init(&s->e, &ph_ops, IPCP_NEG_IPCP_CLIENT, s);
	return s;
}

/* Feed the engine one packet of @proto: header, then @len bytes of @data */
static void ph_rx(struct ph_side *s, u16 proto, u8 code, u8 id,
		  const u8 *data, unsigned int len)
{
	u8 pkt[4 + PH_PKTMAX];

	pkt[0] = code;
	pkt[1] = id;
	pkt[2] = 0;
	pkt[3] = 4 + len;
	if (len)
		memcpy(pkt + 4, data, len);
	ipcp_neg_engine_input(&s->e, proto, pkt, 4 + len);
}

static void ph_expect_phase(struct kunit *test, struct ph_side *s, u8 want)
{
	u8 got = ipcp_neg_engine_phase(&s->e);

	KUNIT_EXPECT_STREQ(test, ipcp_neg_engine_phase_name(got),
			   ipcp_neg_engine_phase_name(want));
}

/* Start, then open LCP: the peer asks for nothing and Acks our request */
static void ph_open_lcp(struct kunit *test, struct ph_side *s)
{
	ipcp_neg_engine_start(&s->e);
	KUNIT_ASSERT_EQ(test, s->tx[0].code, IPCP_NEG_CONFREQ);
	ph_expect_phase(test, s, IPCP_NEG_PHASE_ESTABLISH);
	ph_rx(s, IPCP_NEG_PROTO_LCP, IPCP_NEG_CONFREQ, 1, NULL, 0);
	KUNIT_ASSERT_EQ(test, s->tx[0].code, IPCP_NEG_CONFACK);
	ph_expect_phase(test, s, IPCP_NEG_PHASE_ESTABLISH);
	KUNIT_ASSERT_EQ(test, s->tx[1].count, 0U);
	/* our last Configure-Request went out before the Ack above */
	ipcp_neg_engine_timeout(&s->e, IPCP_NEG_PROTO_LCP);
	KUNIT_ASSERT_EQ(test, s->tx[0].code, IPCP_NEG_CONFREQ);
	ph_rx(s, IPCP_NEG_PROTO_LCP, IPCP_NEG_CONFACK, s->tx[0].id,
	      s->tx[0].data, s->tx[0].len);
	KUNIT_ASSERT_EQ(test, s->e.lcp.fsm.state, IPCP_NEG_ST_OPENED);
}

/* Dead, Establish, (Authenticate passes) Network, Terminate, Dead */
static void ph_test_phases(struct kunit *test)
{
	struct ph_side *s = ph_new(test);

	ph_expect_phase(test, s, IPCP_NEG_PHASE_DEAD);
	ph_open_lcp(test, s);
	ph_expect_phase(test, s, IPCP_NEG_PHASE_NETWORK);
	/* Network: every NCP got its Up, IPCP sent its Configure-Request */
	KUNIT_EXPECT_EQ(test, s->tx[1].code, IPCP_NEG_CONFREQ);
	KUNIT_EXPECT_EQ(test, s->e.ipcp.fsm.state, IPCP_NEG_ST_REQSENT);
	KUNIT_EXPECT_EQ(test, s->e.ipcp.fsm.peer_mru, s->e.lcp.fsm.peer_mru);

	ipcp_neg_engine_stop(&s->e);
	KUNIT_EXPECT_EQ(test, s->tx[0].code, IPCP_NEG_TERMREQ);
	ph_expect_phase(test, s, IPCP_NEG_PHASE_TERMINATE);
	ph_rx(s, IPCP_NEG_PROTO_LCP, IPCP_NEG_TERMACK, s->tx[0].id, NULL, 0);
	ph_expect_phase(test, s, IPCP_NEG_PHASE_DEAD);
	KUNIT_EXPECT_EQ(test, s->finished, 1U);
}

/* The peer's Terminate-Request: Terminate while LCP Stopping */
static void ph_test_peer_terminate(struct kunit *test)
{
	struct ph_side *s = ph_new(test);

	ph_open_lcp(test, s);
	ph_rx(s, IPCP_NEG_PROTO_LCP, IPCP_NEG_TERMREQ, 7, NULL, 0);
	KUNIT_EXPECT_EQ(test, s->tx[0].code, IPCP_NEG_TERMACK);
	ph_expect_phase(test, s, IPCP_NEG_PHASE_TERMINATE);
	KUNIT_EXPECT_EQ(test, s->e.ipcp.fsm.state, IPCP_NEG_ST_STARTING);
}

/* LCP renegotiation leaves Network for Establish, NCPs down */
static void ph_test_lcp_renegotiation(struct kunit *test)
{
	struct ph_side *s = ph_new(test);

	ph_open_lcp(test, s);
	ph_rx(s, IPCP_NEG_PROTO_LCP, IPCP_NEG_CONFREQ, 9, NULL, 0);
	ph_expect_phase(test, s, IPCP_NEG_PHASE_ESTABLISH);
	KUNIT_EXPECT_EQ(test, s->e.ipcp.fsm.state, IPCP_NEG_ST_STARTING);
}

/* A Protocol-Reject of IPCP reaches IPCP's automaton through the table */
static void ph_test_protrej_routed(struct kunit *test)
{
	struct ph_side *s = ph_new(test);
	u8 rej[2] = { 0x80, 0x21 };

	ph_open_lcp(test, s);
	ph_rx(s, IPCP_NEG_PROTO_LCP, IPCP_NEG_PROTREJ, 3, rej, sizeof(rej));
	KUNIT_EXPECT_EQ(test, s->e.ipcp.fsm.state, IPCP_NEG_ST_STOPPED);
	KUNIT_EXPECT_EQ(test, s->e.reason, (u32)IPCP_NEG_REASON_PROTO_REJ);
	/* LCP stays: Network with no NCP up */
	ph_expect_phase(test, s, IPCP_NEG_PHASE_NETWORK);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_engine_data_ok(&s->e,
							 IPCP_NEG_PROTO_IP));
}

/* A packet of a protocol no NCP runs is not given to any automaton */
static void ph_test_unknown_ncp_dropped(struct kunit *test)
{
	struct ph_side *s = ph_new(test);
	unsigned int sent;

	ph_open_lcp(test, s);
	sent = s->tx[0].count + s->tx[1].count;
	ph_rx(s, 0x8057, IPCP_NEG_CONFREQ, 1, NULL, 0);	/* IPV6CP */
	KUNIT_EXPECT_EQ(test, s->tx[0].count + s->tx[1].count, sent);
	KUNIT_EXPECT_EQ(test, s->e.ipcp.fsm.state, IPCP_NEG_ST_REQSENT);
}

/* The table: IPCP runs 0x8021 and opens 0x0021; nothing else is there */
static void ph_test_table(struct kunit *test)
{
	KUNIT_EXPECT_PTR_EQ(test, ipcp_neg_ncp_by_proto(IPCP_NEG_PROTO_IPCP),
			    &ipcp_neg_ncp_ipcp);
	KUNIT_EXPECT_PTR_EQ(test, ipcp_neg_ncp_by_data(IPCP_NEG_PROTO_IP),
			    &ipcp_neg_ncp_ipcp);
	KUNIT_EXPECT_EQ(test, ipcp_neg_ncp_index(IPCP_NEG_PROTO_IPCP),
			(int)IPCP_NEG_NCP_IPCP);
	KUNIT_EXPECT_PTR_EQ(test, ipcp_neg_ncps[IPCP_NEG_NCP_IPCP],
			    &ipcp_neg_ncp_ipcp);
	KUNIT_EXPECT_EQ(test, ipcp_neg_ncp_ipcp.id, (u8)IPCP_NEG_NCP_IPCP);
	KUNIT_EXPECT_NULL(test, ipcp_neg_ncp_by_proto(IPCP_NEG_PROTO_LCP));
	KUNIT_EXPECT_NULL(test, ipcp_neg_ncp_by_proto(0x8057));
	KUNIT_EXPECT_NULL(test, ipcp_neg_ncp_by_data(0x0057));
	KUNIT_EXPECT_NULL(test, ipcp_neg_ncp_by_data(IPCP_NEG_PROTO_IPCP));
	KUNIT_EXPECT_EQ(test, ipcp_neg_ncp_index(0x8057), -1);
}

static void ph_test_phase_names(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, ipcp_neg_engine_phase_name(0), "dead");
	KUNIT_EXPECT_STREQ(test,
			   ipcp_neg_engine_phase_name(IPCP_NEG_PHASE_NETWORK),
			   "network");
	KUNIT_EXPECT_STREQ(test,
			   ipcp_neg_engine_phase_name(IPCP_NEG_PHASE_COUNT),
			   "unknown");
}

static struct kunit_case ph_cases[] = {
	KUNIT_CASE(ph_test_phases),
	KUNIT_CASE(ph_test_peer_terminate),
	KUNIT_CASE(ph_test_lcp_renegotiation),
	KUNIT_CASE(ph_test_protrej_routed),
	KUNIT_CASE(ph_test_unknown_ncp_dropped),
	KUNIT_CASE(ph_test_table),
	KUNIT_CASE(ph_test_phase_names),
	{}
};

static struct kunit_suite ph_suite = {
	.name = "ipcp_neg_phase",
	.test_cases = ph_cases,
};

kunit_test_suite(ph_suite);
