// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the RFC 1661 automaton (suite ipcp_neg_fsm, fsm_test.c):
 * the handling of received packets, in every state, and random input.
 */

#include "fsm_test.h"

/* ------------------------------------------------------------------ */
/* Received packets                                                     */

/**
 * fsm_negotiation - negotiation
 * @test: the test
 */
void fsm_negotiation(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_reqsent(test, f);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x10, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_ACKSENT);
	KUNIT_EXPECT_EQ(test, r->recv_cr_len, sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, memcmp(r->recv_cr_opts, peer_opts,
				     sizeof(peer_opts)), 0);
	KUNIT_EXPECT_FALSE(test, r->rid);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	expect_tx(test, &r->tx[0], IPCP_NEG_CONFACK, 0x10, peer_opts,
		  sizeof(peer_opts));
	feed_pkt(test, f, IPCP_NEG_CONFACK, f->id, our_opts, sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, r->recv_ack, 1U);
	KUNIT_ASSERT_EQ(test, r->nlog, 2U);
	KUNIT_EXPECT_EQ(test, r->log[1], IPCP_NEG_ACT_TLU);
	KUNIT_EXPECT_EQ(test, r->timer_stops, 1U);
	KUNIT_EXPECT_EQ(test, f->stats.rx[IPCP_NEG_CONFREQ], 1U);
	KUNIT_EXPECT_EQ(test, f->stats.rx[IPCP_NEG_CONFACK], 1U);
	KUNIT_EXPECT_EQ(test, f->stats.tx[IPCP_NEG_CONFACK], 1U);
}

/**
 * fsm_padding_ignored - padding ignored
 * @test: the test
 */
void fsm_padding_ignored(struct kunit *test)
{
	/* Length 10, then 4 bytes of padding */
	static const u8 pkt[] = {
		IPCP_NEG_CONFREQ, 0x11, 0, 10, 3, 6, 10, 0, 0, 2,
		0xee, 0xee, 0xee, 0xee,
	};
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_reqsent(test, f);
	feed(test, f, pkt, sizeof(pkt));
	KUNIT_EXPECT_EQ(test, f->stats.malformed, 0U);
	KUNIT_EXPECT_EQ(test, r->recv_cr_len, 6U);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	expect_tx(test, &r->tx[0], IPCP_NEG_CONFACK, 0x11, pkt + 4, 6);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_ACKSENT);
}

static const u8 reply_codes[] = {
	IPCP_NEG_CONFACK, IPCP_NEG_CONFNAK, IPCP_NEG_CONFREJ,
};

/**
 * fsm_reply_wrong_id - reply wrong id
 * @test: the test
 */
void fsm_reply_wrong_id(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i;

	to_reqsent(test, f);
	for (i = 0; i < ARRAY_SIZE(reply_codes); i++)
		feed_pkt(test, f, reply_codes[i], f->id + 1, our_opts,
			 sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, f->stats.discarded, 3U);
	KUNIT_EXPECT_EQ(test, r->recv_ack + r->recv_nak, 0U);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
}

/**
 * fsm_reply_mismatch - reply mismatch
 * @test: the test
 */
void fsm_reply_mismatch(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	cfg(f)->ack_ret = -EINVAL;
	cfg(f)->nak_ret = -EINVAL;
	to_reqsent(test, f);
	feed_pkt(test, f, IPCP_NEG_CONFACK, f->id, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, r->recv_ack, 1U);
	feed_pkt(test, f, IPCP_NEG_CONFNAK, f->id, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, r->recv_nak, 1U);
	KUNIT_EXPECT_EQ(test, f->stats.discarded, 2U);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
}

/**
 * fsm_reply_bad_framing - Option framing of a reply is checked before anything
 * else
 * @test: the test
 */
void fsm_reply_bad_framing(struct kunit *test)
{
	static const u8 bad[] = { 3, 7, 10, 0, 0, 1 };	/* overruns by 1 */
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_reqsent(test, f);
	feed_pkt(test, f, IPCP_NEG_CONFACK, f->id, bad, sizeof(bad));
	KUNIT_EXPECT_EQ(test, f->stats.malformed, 1U);
	KUNIT_EXPECT_EQ(test, r->recv_ack, 0U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
}

/**
 * fsm_configure_when_closed - In Closed and Stopped any Configure packet gets a
 * Terminate-Ack
 * @test: the test
 */
void fsm_configure_when_closed(struct kunit *test)
{
	static const u8 states[] = { IPCP_NEG_ST_CLOSED, IPCP_NEG_ST_STOPPED };
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(states); i++) {
		for (j = 0; j < ARRAY_SIZE(reply_codes); j++) {
			fake_clear(f);
			f->state = states[i];
			f->id = 0x50;
			feed_pkt(test, f, reply_codes[j], 0x33, our_opts,
				 sizeof(our_opts));
			KUNIT_EXPECT_EQ(test, f->state, states[i]);
			KUNIT_ASSERT_EQ(test, r->ntx, 1U);
			expect_tx(test, &r->tx[0], IPCP_NEG_TERMACK, 0x33,
				  NULL, 0);
			KUNIT_EXPECT_EQ(test, r->recv_ack + r->recv_nak, 0U);
		}
	}
	/* a Configure-Request in Closed is not even judged */
	fake_clear(f);
	f->state = IPCP_NEG_ST_CLOSED;
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x21, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, r->recv_cr, 0U);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	expect_tx(test, &r->tx[0], IPCP_NEG_TERMACK, 0x21, NULL, 0);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_CLOSED);
}

/**
 * fsm_reply_when_closing - reply when closing
 * @test: the test
 */
void fsm_reply_when_closing(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_opened(test, f);
	ipcp_neg_fsm_close(f);
	fake_clear(f);
	feed_pkt(test, f, IPCP_NEG_CONFACK, f->id, our_opts, sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, f->stats.discarded, 1U);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
	KUNIT_EXPECT_EQ(test, r->recv_ack, 0U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_CLOSING);
}

/**
 * fsm_confreq_in_stopped - Stopped: the peer starts the negotiation
 * (irc,scr,sca/8 or scn/6)
 * @test: the test
 */
void fsm_confreq_in_stopped(struct kunit *test)
{
	static const u8 nak[] = { 3, 6, 10, 0, 0, 7 };
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	u8 id;

	f->state = IPCP_NEG_ST_STOPPED;
	f->nak_count = 4;
	id = f->next_id;
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x22, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_ACKSENT);
	KUNIT_EXPECT_EQ(test, r->recv_cr, 1U);
	/* judged before reset_ci, with the Nak count of a fresh start */
	KUNIT_EXPECT_EQ(test, r->reset_ci, 1U);
	KUNIT_EXPECT_LT(test, r->recv_cr_seq, r->reset_seq);
	KUNIT_EXPECT_EQ(test, f->nak_count, 0U);
	KUNIT_ASSERT_EQ(test, r->ntx, 2U);
	expect_tx(test, &r->tx[0], IPCP_NEG_CONFREQ, id, our_opts,
		  sizeof(our_opts));
	expect_tx(test, &r->tx[1], IPCP_NEG_CONFACK, 0x22, peer_opts,
		  sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, f->restart_count, 9U);

	fake_clear(f);
	f->state = IPCP_NEG_ST_STOPPED;
	cfg(f)->verdict = IPCP_NEG_CONFNAK;
	memcpy(cfg(f)->reply, nak, sizeof(nak));
	cfg(f)->reply_len = sizeof(nak);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x23, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
	KUNIT_ASSERT_EQ(test, r->ntx, 2U);
	KUNIT_EXPECT_EQ(test, r->tx[0].code, IPCP_NEG_CONFREQ);
	expect_tx(test, &r->tx[1], IPCP_NEG_CONFNAK, 0x23, nak, sizeof(nak));
	KUNIT_EXPECT_EQ(test, f->nak_count, 1U);
}

/* recv_cr using all the room the automaton promises for the reply */
static u8 fill_recv_cr(struct ipcp_neg_fsm *f, const u8 *opts,
		       unsigned int len, u8 *reply, unsigned int *reply_len,
		       bool reject_if_disagree)
{
	struct fake_rec *r = rec(f);

	r->recv_cr++;
	/* KASAN reports a write past what was allocated */
	memset(reply, 0xa5, len + IPCP_NEG_REPLY_EXTRA);
	r->reply_room = ksize(reply);
	*reply_len = len + IPCP_NEG_REPLY_EXTRA;
	return IPCP_NEG_CONFNAK;
}

/**
 * fsm_reply_room - The reply buffer holds the request's options plus
 * IPCP_NEG_REPLY_EXTRA bytes, all usable by recv_cr, and is sized by the
 * request: a 2-byte request does not cost a 1500-byte atomic allocation.
 * @test: the test
 */
void fsm_reply_room(struct kunit *test)
{
	static const u8 opts[] = { 200, 2 };
	u8 want[sizeof(opts) + IPCP_NEG_REPLY_EXTRA];
	struct fsm_ctx *ctx = test->priv;
	struct ipcp_neg_fsm *f = &ctx->f;
	const struct fake_rec *r = rec(f);

	ctx->ops.recv_cr = fill_recv_cr;
	to_reqsent(test, f);
	fake_clear(f);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x50, opts, sizeof(opts));
	KUNIT_ASSERT_EQ(test, r->recv_cr, 1U);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	memset(want, 0xa5, sizeof(want));
	expect_tx(test, &r->tx[0], IPCP_NEG_CONFNAK, 0x50, want, sizeof(want));
	KUNIT_EXPECT_GE(test, r->reply_room, sizeof(want));
	KUNIT_EXPECT_LT(test, r->reply_room, (size_t)TX_ROOM);
}

/**
 * fsm_confreq_bad_framing - confreq bad framing
 * @test: the test
 */
void fsm_confreq_bad_framing(struct kunit *test)
{
	/* an option of length 0 (CVE-2020-25643 looped on it) */
	static const u8 len0[] = { 3, 0, 1, 2 };
	/* an option running past the end of the packet */
	static const u8 overrun[] = { 3, 6, 10, 0, 0, 2, 129, 6, 0 };
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_reqsent(test, f);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x12, len0, sizeof(len0));
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x13, overrun, sizeof(overrun));
	KUNIT_EXPECT_EQ(test, f->stats.malformed, 2U);
	KUNIT_EXPECT_EQ(test, f->stats.rx[IPCP_NEG_CONFREQ], 2U);
	KUNIT_EXPECT_EQ(test, r->recv_cr, 0U);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
}

/**
 * fsm_confreq_bad_verdict - confreq bad verdict
 * @test: the test
 */
void fsm_confreq_bad_verdict(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	cfg(f)->verdict = IPCP_NEG_TERMREQ;	/* not a Configure reply */
	to_reqsent(test, f);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x14, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, r->recv_cr, 1U);
	KUNIT_EXPECT_EQ(test, f->stats.discarded, 1U);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
}

/**
 * fsm_drop_when_lower_down - drop when lower down
 * @test: the test
 */
void fsm_drop_when_lower_down(struct kunit *test)
{
	static const u8 states[] = {
		IPCP_NEG_ST_INITIAL, IPCP_NEG_ST_STARTING,
	};
	static const u8 codes[] = {
		IPCP_NEG_CONFREQ, IPCP_NEG_CONFACK, IPCP_NEG_TERMREQ,
		IPCP_NEG_TERMACK, IPCP_NEG_CODEREJ, 0x42,
	};
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(states); i++) {
		f->state = states[i];
		for (j = 0; j < ARRAY_SIZE(codes); j++)
			feed_pkt(test, f, codes[j], f->id, our_opts,
				 sizeof(our_opts));
		KUNIT_EXPECT_EQ(test, f->state, states[i]);
	}
	KUNIT_EXPECT_EQ(test, f->stats.discarded, 12U);
	KUNIT_EXPECT_EQ(test, f->stats.rx[IPCP_NEG_CONFREQ], 2U);
	KUNIT_EXPECT_EQ(test, f->stats.rx[0], 2U);
	KUNIT_EXPECT_EQ(test, f->stats.illegal, 0U);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
	KUNIT_EXPECT_EQ(test, r->recv_cr + r->recv_ack + r->ext, 0U);
}

/**
 * fsm_unknown_code - unknown code
 * @test: the test
 */
void fsm_unknown_code(struct kunit *test)
{
	/* code 0x42, Length 7, then 2 bytes of padding */
	static const u8 pkt[] = { 0x42, 0x77, 0, 7, 1, 2, 3, 0xee, 0xee };
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	u8 id, cj_id;

	to_reqsent(test, f);
	id = f->id;
	cj_id = f->next_id;
	feed(test, f, pkt, sizeof(pkt));
	KUNIT_EXPECT_EQ(test, r->ext, 1U);
	KUNIT_EXPECT_EQ(test, r->ext_code, 0x42);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	expect_tx(test, &r->tx[0], IPCP_NEG_CODEREJ, cj_id, pkt, 7);
	KUNIT_EXPECT_EQ(test, f->stats.rx[0], 1U);
	KUNIT_EXPECT_EQ(test, f->stats.tx[IPCP_NEG_CODEREJ], 1U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
	/* our request's id still stands */
	KUNIT_EXPECT_EQ(test, f->id, id);
	feed_pkt(test, f, IPCP_NEG_CONFACK, id, our_opts, sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_ACKRCVD);
}

/**
 * fsm_code_reject_truncated - The rejected packet is cut so the Code-Reject
 * fits the peer's MRU
 * @test: the test
 */
void fsm_code_reject_truncated(struct kunit *test)
{
	/* 100 is below any MRU LCP Acks: raised to IPCP_NEG_MIN_MRU */
	static const unsigned int mrus[] = { 1500, 9000, 300, 100 };
	static const unsigned int room[] = { 1496, 1496, 296, 124 };
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i, len = 2000;
	u8 *pkt = kunit_kmalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, pkt);
	for (i = 0; i < len; i++)
		pkt[i] = i * 7;
	pkt[0] = 0x42;
	put_unaligned_be16(len, pkt + 2);
	to_opened(test, f);
	for (i = 0; i < ARRAY_SIZE(mrus); i++) {
		fake_clear(f);
		f->peer_mru = mrus[i];
		ipcp_neg_fsm_input(f, pkt, len);
		KUNIT_EXPECT_FALSE(test, r->overflow);
		KUNIT_ASSERT_EQ(test, r->ntx, 1U);
		KUNIT_EXPECT_EQ(test, r->tx[0].code, IPCP_NEG_CODEREJ);
		KUNIT_ASSERT_EQ(test, r->tx[0].len, room[i]);
		KUNIT_EXPECT_EQ(test, memcmp(r->tx[0].data, pkt, room[i]), 0);
	}
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_OPENED);
}

/**
 * fsm_no_extcode - Without extcode (IPCP) every code beyond 7 is unknown
 * @test: the test
 */
void fsm_no_extcode(struct kunit *test)
{
	struct fsm_ctx *ctx = test->priv;
	struct ipcp_neg_fsm *f = &ctx->f;
	const struct fake_rec *r = rec(f);
	static const u8 echo[] = { 0, 0, 0, 0 };
	static const u8 code0[] = { 0, 0x62, 0, 4 };

	ctx->ops.extcode = NULL;
	to_opened(test, f);
	feed_pkt(test, f, IPCP_NEG_ECHOREQ, 0x61, echo, sizeof(echo));
	feed_pkt(test, f, 0, 0x62, NULL, 0);
	KUNIT_ASSERT_EQ(test, r->ntx, 2U);
	KUNIT_EXPECT_EQ(test, r->tx[0].code, IPCP_NEG_CODEREJ);
	KUNIT_EXPECT_EQ(test, r->tx[0].len, 8U);
	expect_tx(test, &r->tx[1], IPCP_NEG_CODEREJ, r->tx[0].id + 1,
		  code0, sizeof(code0));
	KUNIT_EXPECT_EQ(test, f->stats.rx[IPCP_NEG_ECHOREQ], 1U);
	KUNIT_EXPECT_EQ(test, f->stats.rx[0], 1U);
	KUNIT_EXPECT_EQ(test, r->ext, 0U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_OPENED);
}

/**
 * fsm_extcode_events - extcode events
 * @test: the test
 */
void fsm_extcode_events(struct kunit *test)
{
	static const u8 data[] = { 1, 2, 3, 4 };
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_opened(test, f);
	cfg(f)->ext_ret = IPCP_NEG_EV_RXR;
	feed_pkt(test, f, IPCP_NEG_ECHOREQ, 0x31, data, sizeof(data));
	KUNIT_EXPECT_EQ(test, r->ext_code, IPCP_NEG_ECHOREQ);
	KUNIT_EXPECT_EQ(test, r->ser, 1U);
	KUNIT_EXPECT_EQ(test, r->ser_id, 0x31);
	KUNIT_ASSERT_EQ(test, r->ser_len, 4U);
	KUNIT_EXPECT_EQ(test, memcmp(r->ser_data, data, 4), 0);
	KUNIT_EXPECT_EQ(test, r->ntx, 0U);

	/* handled by the protocol: no event at all */
	fake_clear(f);
	cfg(f)->ext_ret = IPCP_NEG_EV_COUNT;
	feed_pkt(test, f, IPCP_NEG_DISCREQ, 0x32, data, sizeof(data));
	KUNIT_EXPECT_EQ(test, r->ext, 1U);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);

	/* a Protocol-Reject the protocol deems catastrophic */
	fake_clear(f);
	cfg(f)->ext_ret = IPCP_NEG_EV_RXJ_MINUS;
	feed_pkt(test, f, IPCP_NEG_PROTREJ, 0x33, data, sizeof(data));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_STOPPING);
	KUNIT_ASSERT_EQ(test, r->nlog, 2U);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLD);
	KUNIT_EXPECT_EQ(test, r->log[1], IPCP_NEG_ACT_STR);
}

/**
 * fsm_code_reject - code reject
 * @test: the test
 */
void fsm_code_reject(struct kunit *test)
{
	/* rejects Configure-Ack: catastrophic */
	static const u8 rej2[] = { IPCP_NEG_CONFACK, 5, 0, 4 };
	/* rejects Echo-Request: permitted */
	static const u8 rej9[] = { IPCP_NEG_ECHOREQ, 5, 0, 4 };
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_opened(test, f);
	feed_pkt(test, f, IPCP_NEG_CODEREJ, 0x40, rej9, sizeof(rej9));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);

	/* no rejected packet at all */
	feed_pkt(test, f, IPCP_NEG_CODEREJ, 0x41, NULL, 0);
	KUNIT_EXPECT_EQ(test, f->stats.malformed, 1U);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_OPENED);

	feed_pkt(test, f, IPCP_NEG_CODEREJ, 0x42, rej2, sizeof(rej2));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_STOPPING);
	KUNIT_ASSERT_EQ(test, r->nlog, 2U);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLD);
	KUNIT_EXPECT_EQ(test, r->log[1], IPCP_NEG_ACT_STR);
	KUNIT_EXPECT_EQ(test, f->restart_count, 1U);	/* Max-Terminate 2 */
	KUNIT_EXPECT_EQ(test, r->ext, 0U);
}

/**
 * fsm_termreq_in_opened - termreq in opened
 * @test: the test
 */
void fsm_termreq_in_opened(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_opened(test, f);
	feed_pkt(test, f, IPCP_NEG_TERMREQ, 0x55, NULL, 0);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_STOPPING);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	expect_tx(test, &r->tx[0], IPCP_NEG_TERMACK, 0x55, NULL, 0);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLD);
	KUNIT_EXPECT_EQ(test, f->restart_count, 0U);
	KUNIT_EXPECT_EQ(test, r->timer_starts, 1U);
	/* zrc: the next expiry is TO- */
	fake_clear(f);
	ipcp_neg_fsm_timeout(f);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_STOPPED);
	KUNIT_ASSERT_EQ(test, r->nlog, 1U);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLF);
	KUNIT_EXPECT_EQ(test, r->timer_stops, 1U);
}

/**
 * fsm_termack_any_id - termack any id
 * @test: the test
 */
void fsm_termack_any_id(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_opened(test, f);
	ipcp_neg_fsm_close(f);
	fake_clear(f);
	feed_pkt(test, f, IPCP_NEG_TERMACK, f->id + 99, NULL, 0);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_CLOSED);
	KUNIT_ASSERT_EQ(test, r->nlog, 1U);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLF);
	KUNIT_EXPECT_EQ(test, r->timer_stops, 1U);
}

/**
 * fsm_duplicate_reply_in_opened - A second Ack or a Nak for a request already
 * answered is a duplicate (the peer answered a retransmission too): discarded,
 * the link stays Opened instead of taking the crossed-connection cells.
 * @test: the test
 */
void fsm_duplicate_reply_in_opened(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	u32 discarded;

	to_opened(test, f);
	discarded = f->stats.discarded;
	feed_pkt(test, f, IPCP_NEG_CONFACK, f->id, our_opts, sizeof(our_opts));
	feed_pkt(test, f, IPCP_NEG_CONFNAK, f->id, our_opts, sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
	KUNIT_EXPECT_EQ(test, r->ntx, 0U);
	KUNIT_EXPECT_EQ(test, r->recv_nak, 0U);
	KUNIT_EXPECT_EQ(test, f->stats.discarded, discarded + 2);
}

/**
 * fsm_duplicate_ack_then_retransmit - In Ack-Rcvd a duplicate Ack is discarded;
 * after a retransmission (same identifier) an Ack is fresh again and accepted.
 * @test: the test
 */
void fsm_duplicate_ack_then_retransmit(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	u8 id;

	to_reqsent(test, f);
	id = f->id;
	feed_pkt(test, f, IPCP_NEG_CONFACK, id, our_opts, sizeof(our_opts));
	KUNIT_ASSERT_EQ(test, f->state, IPCP_NEG_ST_ACKRCVD);
	fake_clear(f);
	feed_pkt(test, f, IPCP_NEG_CONFACK, id, our_opts, sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_ACKRCVD);
	KUNIT_EXPECT_EQ(test, r->ntx, 0U);
	ipcp_neg_fsm_timeout(f);
	KUNIT_ASSERT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
	KUNIT_ASSERT_EQ(test, r->ntx, 1U);
	KUNIT_EXPECT_EQ(test, r->tx[0].id, id);
	feed_pkt(test, f, IPCP_NEG_CONFACK, id, our_opts, sizeof(our_opts));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_ACKRCVD);
}

/**
 * fsm_confreq_in_opened - A renegotiation asked by the peer: tld before
 * reset_ci
 * @test: the test
 */
void fsm_confreq_in_opened(struct kunit *test)
{
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);

	to_opened(test, f);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x70, peer_opts,
		 sizeof(peer_opts));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_ACKSENT);
	KUNIT_ASSERT_EQ(test, r->nlog, 3U);
	KUNIT_EXPECT_EQ(test, r->log[0], IPCP_NEG_ACT_TLD);
	KUNIT_EXPECT_EQ(test, r->log[1], IPCP_NEG_ACT_SCR);
	KUNIT_EXPECT_EQ(test, r->log[2], IPCP_NEG_ACT_SCA);
	KUNIT_EXPECT_EQ(test, r->reset_ci, 1U);
	KUNIT_EXPECT_EQ(test, r->recv_cr, 1U);
	KUNIT_EXPECT_EQ(test, r->timer_starts, 1U);
}

static u32 lcg(u32 *s)
{
	*s = *s * 1664525 + 1013904223;
	return *s >> 8;
}

/**
 * fsm_random_input - Random packets in every state: nothing is read past the
 * buffer (KASAN), nothing sent exceeds the MRU, the state stays valid.
 * @test: the test
 */
void fsm_random_input(struct kunit *test)
{
	static const u8 verdicts[] = {
		IPCP_NEG_CONFACK, IPCP_NEG_CONFNAK, IPCP_NEG_CONFREJ, 0,
	};
	/* byte ranges: codes 0-12, ids 0-3, lengths below 512 */
	static const unsigned int range[] = { 13, 4, 2 };
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	unsigned int i, j, len;
	u32 seed = 1661;
	u8 *p;

	for (i = 0; i < 4000; i++) {
		fake_clear(f);
		f->state = lcg(&seed) % IPCP_NEG_ST_COUNT;
		f->id = lcg(&seed) & 3;
		cfg(f)->verdict = verdicts[lcg(&seed) % 4];
		cfg(f)->ack_ret = -(int)(lcg(&seed) & 1);
		cfg(f)->nak_ret = -(int)(lcg(&seed) & 1);
		cfg(f)->ext_ret = (int)(lcg(&seed) % 20) - 2;
		len = lcg(&seed) % 24;
		p = kmalloc(len, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		for (j = 0; j < len; j++)
			p[j] = lcg(&seed) % (j < 3 ? range[j] : 256);
		if (len >= 4 && lcg(&seed) % 2)
			p[3] = len - lcg(&seed) % 3;
		ipcp_neg_fsm_input(f, p, len);
		kfree(p);
		KUNIT_ASSERT_LT(test, f->state, IPCP_NEG_ST_COUNT);
		KUNIT_ASSERT_FALSE(test, r->overflow);
		for (j = 0; j < r->ntx; j++)
			KUNIT_ASSERT_LE(test, r->tx[j].len, TX_ROOM);
	}
	KUNIT_EXPECT_EQ(test, f->stats.illegal, 0U);
}
