// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the RFC 1661 automaton (suite ipcp_neg_fsm, fsm_test.c):
 * defaults, administrative events, the restart timer and the
 * counters (section 4.6).
 */

#include "fsm_test.h"

/**
 * fsm_init_defaults - init defaults
 * @test: the test
 */
void fsm_init_defaults(struct kunit *test)
{
	struct ipcp_neg_fsm *f = kunit_kmalloc(test, sizeof(*f), GFP_KERNEL);
	struct ipcp_neg_fsm_stats zero = {};
	int priv;

	KUNIT_ASSERT_NOT_NULL(test, f);
	memset(f, 0xa5, sizeof(*f));
	ipcp_neg_fsm_init(f, &fsm_fake_ops, &priv);
	KUNIT_EXPECT_PTR_EQ(test, f->ops, &fsm_fake_ops);
	KUNIT_EXPECT_PTR_EQ(test, f->priv, (void *)&priv);
	KUNIT_EXPECT_EQ(test, f->conf.restart_ms, 3000U);
	KUNIT_EXPECT_EQ(test, f->conf.max_terminate, 2U);
	KUNIT_EXPECT_EQ(test, f->conf.max_configure, 10U);
	KUNIT_EXPECT_EQ(test, f->conf.max_failure, 5U);
	KUNIT_EXPECT_FALSE(test, f->conf.restart_option);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_INITIAL);
	KUNIT_EXPECT_EQ(test, f->peer_mru, 1500U);
	KUNIT_EXPECT_EQ(test, f->restart_count, 0U);
	KUNIT_EXPECT_EQ(test, f->nak_count, 0U);
	KUNIT_EXPECT_EQ(test, memcmp(&f->stats, &zero, sizeof(zero)), 0);
}

/**
 * fsm_transition_out_of_range - transition out of range
 * @test: the test
 */
void fsm_transition_out_of_range(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	u8 next = 0;

	KUNIT_EXPECT_EQ(test, ipcp_neg_fsm_transition(IPCP_NEG_ST_COUNT,
						      IPCP_NEG_EV_UP, &next), 0);
	KUNIT_EXPECT_EQ(test, next, IPCP_NEG_ST_COUNT);
	next = 0;
	KUNIT_EXPECT_EQ(test, ipcp_neg_fsm_transition(IPCP_NEG_ST_OPENED,
						      IPCP_NEG_EV_COUNT, &next),
			0);
	KUNIT_EXPECT_EQ(test, next, IPCP_NEG_ST_COUNT);
	KUNIT_EXPECT_EQ(test, ipcp_neg_fsm_event(f, IPCP_NEG_EV_COUNT),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, f->stats.illegal, 1U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_INITIAL);
}

/* ------------------------------------------------------------------ */
/* Administrative events, timer and counters                            */

/**
 * fsm_open_up_sends_request - open up sends request
 * @test: the test
 */
void fsm_open_up_sends_request(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	u8 id = f->next_id;

	ipcp_neg_fsm_open(f);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_STARTING);
	KUNIT_ASSERT_EQ(test, r->nlog, 1U);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLS);
	ipcp_neg_fsm_up(f);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
	KUNIT_EXPECT_EQ(test, r->reset_ci, 1U);
	KUNIT_EXPECT_EQ(test, r->build_size, TX_ROOM);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	expect_tx(test, &r->tx[0], IPCP_NEG_CONFREQ, id, our_opts,
		  sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, f->id, id);
	KUNIT_EXPECT_EQ(test, f->restart_count, 9U);
	KUNIT_EXPECT_EQ(test, r->timer_starts, 1U);
	KUNIT_EXPECT_EQ(test, r->timer_ms, 3000U);
	KUNIT_EXPECT_EQ(test, f->stats.tx[IPCP_NEG_CONFREQ], 1U);
}

/**
 * fsm_request_size_bound - The request is built in (and clamped to)
 * ipcp_neg_fsm_tx_max() - 4 bytes
 * @test: the test
 */
void fsm_request_size_bound(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	f->peer_mru = 200;
	cfg(f)->cr_len = 5000;		/* a lying build_cr */
	to_reqsent(test, f);
	ipcp_neg_fsm_timeout(f);
	KUNIT_EXPECT_EQ(test, r->build_size, 196U);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	KUNIT_EXPECT_EQ(test, r->tx[0].len, 196U);

	fake_clear(f);
	f->peer_mru = 9000;
	ipcp_neg_fsm_timeout(f);
	KUNIT_EXPECT_EQ(test, r->build_size, TX_ROOM);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	KUNIT_EXPECT_EQ(test, r->tx[0].len, TX_ROOM);
}

/**
 * fsm_max_configure - max configure
 * @test: the test
 */
void fsm_max_configure(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i, requests = 1;
	u8 id;

	f->conf.max_configure = 4;
	to_reqsent(test, f);
	id = f->id;
	for (i = 0; i < 10 && f->state == IPCP_NEG_ST_REQSENT; i++) {
		fake_clear(f);
		ipcp_neg_fsm_timeout(f);
		if (r->ntx) {
			KUNIT_EXPECT_EQ(test, r->tx[0].code, IPCP_NEG_CONFREQ);
			KUNIT_EXPECT_EQ(test, r->tx[0].id, id);
			requests++;
		}
	}
	KUNIT_EXPECT_EQ(test, requests, 4U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_STOPPED);
	/* the last expiry was TO-: tlf, nothing sent, timer stopped */
	KUNIT_EXPECT_EQ(test, r->ntx, 0U);
	KUNIT_ASSERT_EQ(test, r->nlog, 1U);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLF);
	KUNIT_EXPECT_EQ(test, r->timer_stops, 1U);
	KUNIT_EXPECT_EQ(test, f->stats.tx[IPCP_NEG_CONFREQ], 4U);
}

/**
 * fsm_max_terminate - max terminate
 * @test: the test
 */
void fsm_max_terminate(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i, requests = 0;
	u8 id = 0;

	f->conf.max_terminate = 3;
	to_opened(test, f);
	ipcp_neg_fsm_close(f);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_CLOSING);
	KUNIT_ASSERT_EQ(test, r->nlog, 2U);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLD);
	for (i = 0; i < 10 && f->state == IPCP_NEG_ST_CLOSING; i++) {
		if (r->ntx) {
			KUNIT_EXPECT_EQ(test, r->tx[0].code, IPCP_NEG_TERMREQ);
			if (!requests)
				id = r->tx[0].id;
			KUNIT_EXPECT_EQ(test, r->tx[0].id, id);
			requests++;
		}
		fake_clear(f);
		ipcp_neg_fsm_timeout(f);
	}
	KUNIT_EXPECT_EQ(test, requests, 3U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_CLOSED);
	KUNIT_EXPECT_EQ(test, r->ntx, 0U);
	KUNIT_ASSERT_EQ(test, r->nlog, 1U);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLF);
	KUNIT_EXPECT_EQ(test, r->timer_stops, 1U);
}

/**
 * fsm_retransmit_keeps_id - retransmit keeps id
 * @test: the test
 */
void fsm_retransmit_keeps_id(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	u8 id;

	to_reqsent(test, f);
	id = f->id;
	ipcp_neg_fsm_timeout(f);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	KUNIT_EXPECT_EQ(test, r->tx[0].id, id);
	KUNIT_EXPECT_EQ(test, f->restart_count, 8U);

	/* a Nak: a new request with a new id, the counter reloaded */
	fake_clear(f);
	feed_pkt(test, f, IPCP_NEG_CONFNAK, id, our_opts, sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, r->recv_nak, 1U);
	KUNIT_EXPECT_FALSE(test, r->rej);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	KUNIT_EXPECT_EQ(test, r->tx[0].code, IPCP_NEG_CONFREQ);
	KUNIT_EXPECT_EQ(test, r->tx[0].id, (u8)(id + 1));
	KUNIT_EXPECT_EQ(test, f->restart_count, 9U);
	KUNIT_EXPECT_EQ(test, r->reset_ci, 0U);

	/* a Reject for the old id is stale now */
	fake_clear(f);
	feed_pkt(test, f, IPCP_NEG_CONFREJ, id, our_opts, sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, r->ntx, 0U);
	KUNIT_EXPECT_EQ(test, f->stats.discarded, 1U);
	feed_pkt(test, f, IPCP_NEG_CONFREJ, id + 1, our_opts,
		 sizeof(our_opts));
	KUNIT_EXPECT_TRUE(test, r->rej);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	KUNIT_EXPECT_EQ(test, r->tx[0].id, (u8)(id + 2));
}

/**
 * fsm_stale_timeout - stale timeout
 * @test: the test
 */
void fsm_stale_timeout(struct kunit *test)
{
	static const u8 idle[] = {
		IPCP_NEG_ST_INITIAL, IPCP_NEG_ST_STARTING, IPCP_NEG_ST_CLOSED,
		IPCP_NEG_ST_STOPPED, IPCP_NEG_ST_OPENED,
	};
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(idle) * 2; i++) {
		f->state = idle[i / 2];
		f->restart_count = i % 2 ? 3 : 0;	/* TO+ and TO- alike */
		ipcp_neg_fsm_timeout(f);
		KUNIT_EXPECT_EQ(test, f->state, idle[i / 2]);
		KUNIT_EXPECT_EQ(test, r->nlog, 0U);
		KUNIT_EXPECT_EQ(test, r->timer_starts + r->timer_stops, 0U);
	}
	KUNIT_EXPECT_EQ(test, f->stats.illegal, 0U);
}

/**
 * fsm_max_failure - max failure
 * @test: the test
 */
void fsm_max_failure(struct kunit *test)
{
	static const u8 nak[] = { 3, 6, 10, 0, 0, 9 };
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i;

	f->conf.max_failure = 3;
	cfg(f)->verdict = IPCP_NEG_CONFNAK;
	cfg(f)->verdict_rid = IPCP_NEG_CONFREJ;
	memcpy(cfg(f)->reply, nak, sizeof(nak));
	cfg(f)->reply_len = sizeof(nak);
	to_reqsent(test, f);
	for (i = 0; i < 5; i++) {
		fake_clear(f);
		feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x20 + i, peer_opts,
			 sizeof(peer_opts));
		KUNIT_EXPECT_EQ(test, r->recv_cr, 1U);
		KUNIT_EXPECT_EQ(test, r->rid, i >= 3);
		KUNIT_ASSERT_EQ(test, r->ntx, 1U);
		expect_tx(test, &r->tx[0], i >= 3 ? IPCP_NEG_CONFREJ :
			  IPCP_NEG_CONFNAK, 0x20 + i, nak, sizeof(nak));
		KUNIT_EXPECT_EQ(test, f->nak_count, min(i + 1, 3U));
	}
	KUNIT_EXPECT_EQ(test, f->stats.nak_loops, 2U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);

	/* judged under Max-Failure still, but Acked: the count restarts */
	cfg(f)->verdict = IPCP_NEG_CONFACK;
	cfg(f)->verdict_rid = 0;
	fake_clear(f);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x30, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_TRUE(test, r->rid);
	KUNIT_EXPECT_EQ(test, f->stats.nak_loops, 3U);
	KUNIT_EXPECT_EQ(test, f->nak_count, 0U);
	fake_clear(f);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x31, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_FALSE(test, r->rid);
	KUNIT_EXPECT_EQ(test, f->stats.nak_loops, 3U);
}

/**
 * fsm_restart_option - restart option
 * @test: the test
 */
void fsm_restart_option(struct kunit *test)
{
	static const struct {
		u8 st;
		u16 seen[2];
		unsigned int nseen, stops;
	} rows[] = {
		/* 3 -Down-> tls/1 -Up-> irc,scr/6 */
		{ IPCP_NEG_ST_STOPPED, { IPCP_NEG_ACT_TLS, IPCP_NEG_ACT_SCR },
		  2, 0 },
		/* 5 -Down-> 1 -Up-> irc,scr/6 */
		{ IPCP_NEG_ST_CLOSING, { IPCP_NEG_ACT_SCR }, 1, 1 },
		{ IPCP_NEG_ST_STOPPING, { IPCP_NEG_ACT_SCR }, 1, 1 },
		/* 9 -Down-> tld/1 -Up-> irc,scr/6 */
		{ IPCP_NEG_ST_OPENED, { IPCP_NEG_ACT_TLD, IPCP_NEG_ACT_SCR },
		  2, 0 },
	};
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i, j;

	f->conf.restart_option = true;
	for (i = 0; i < ARRAY_SIZE(rows); i++) {
		fake_clear(f);
		f->state = rows[i].st;
		KUNIT_EXPECT_EQ(test, ipcp_neg_fsm_event(f, IPCP_NEG_EV_OPEN),
				0);
		KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
		KUNIT_ASSERT_EQ(test, r->nlog, rows[i].nseen);
		for (j = 0; j < rows[i].nseen; j++)
			KUNIT_EXPECT_EQ(test, r->log[j], rows[i].seen[j]);
		KUNIT_EXPECT_EQ(test, r->timer_stops, rows[i].stops);
		KUNIT_EXPECT_EQ(test, r->timer_starts, 1U);
		KUNIT_EXPECT_EQ(test, r->reset_ci, 1U);
		KUNIT_EXPECT_EQ(test, f->restart_count, 9U);
	}
	/* Open where the table has no 'r' stays a no-op */
	fake_clear(f);
	f->state = IPCP_NEG_ST_ACKSENT;
	ipcp_neg_fsm_open(f);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_ACKSENT);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
}
