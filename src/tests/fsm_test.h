/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of the ipcp_neg_fsm KUnit suite share (fsm_test.c holds
 * the suite, its fake protocol and the transition table; fsm_timers_test.c
 * the administrative events, timer and counters; fsm_rx_test.c received
 * packets): the fake protocol's records, helpers driving the automaton, and
 * the cases the suite lists from the other files.
 */
#ifndef _IPCP_NEG_TESTS_FSM_TEST_H
#define _IPCP_NEG_TESTS_FSM_TEST_H

#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../compat.h"
#include "../proto.h"
#include "../fsm.h"

#define FAKE_MAX_TX	8
#define FAKE_MAX_LOG	16
#define TX_ROOM		(IPCP_NEG_DEFAULT_MRU - IPCP_NEG_HDRLEN)

struct fake_tx {
	u8 code;
	u8 id;
	unsigned int len;
	u8 data[IPCP_NEG_DEFAULT_MRU];
};

/* What the fake protocol answers: set by a test */
struct fake_cfg {
	u8 cr_opts[8];			/* what build_cr writes */
	unsigned int cr_len;		/* what build_cr returns */
	u8 verdict;			/* recv_cr's answer */
	u8 verdict_rid;			/* its answer under Max-Failure, if set */
	u8 reply[8];			/* recv_cr's reply options */
	unsigned int reply_len;
	int ack_ret;			/* recv_ack's answer */
	int nak_ret;			/* recv_nak's answer */
	int ext_ret;			/* extcode's answer */
};

/* What the automaton did: cleared by fake_clear() */
struct fake_rec {
	u16 log[FAKE_MAX_LOG];		/* actions in the order they ran */
	unsigned int nlog;
	struct fake_tx tx[FAKE_MAX_TX];
	unsigned int ntx;
	bool overflow;
	unsigned int timer_starts, timer_stops, timer_ms;
	unsigned int seq, reset_ci, reset_seq;
	unsigned int build_size;
	unsigned int recv_cr, recv_cr_seq, recv_cr_len;
	u8 recv_cr_opts[16];
	size_t reply_room;		/* ksize() of the reply buffer */
	bool rid;
	unsigned int recv_ack, recv_nak;
	bool rej;
	unsigned int ext;
	u8 ext_code;
	unsigned int ser;
	u8 ser_id;
	unsigned int ser_len;
	u8 ser_data[8];
};

struct fake {
	struct fake_cfg cfg;
	struct fake_rec rec;
};

struct fsm_ctx {
	struct ipcp_neg_fsm f;
	struct fake fk;
	struct ipcp_neg_fsm_ops ops;	/* a copy a test may change */
};

/* Our Configure-Request options: IP-Address 10.0.0.1 */
extern const u8 our_opts[6];
/* The peer's: IP-Address 10.0.0.2 */
extern const u8 peer_opts[6];
/* The fake protocol's callbacks (fsm_test.c) */
extern const struct ipcp_neg_fsm_ops fsm_fake_ops;

static inline struct fake_rec *rec(struct ipcp_neg_fsm *f)
{
	return &((struct fake *)f->priv)->rec;
}

static inline struct fake_cfg *cfg(struct ipcp_neg_fsm *f)
{
	return &((struct fake *)f->priv)->cfg;
}

static inline void fake_clear(struct ipcp_neg_fsm *f)
{
	memset(rec(f), 0, sizeof(struct fake_rec));
}

static inline struct ipcp_neg_fsm *test_fsm(struct kunit *test)
{
	return &((struct fsm_ctx *)test->priv)->f;
}

/* Feed @len bytes from an allocation of exactly that size (for KASAN) */
static inline void feed(struct kunit *test, struct ipcp_neg_fsm *f,
			const u8 *bytes, unsigned int len)
{
	u8 *p = kunit_kmalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, bytes, len);
	ipcp_neg_fsm_input(f, p, len);
}

static inline void feed_pkt(struct kunit *test, struct ipcp_neg_fsm *f, u8 code,
			    u8 id, const u8 *data, unsigned int dlen)
{
	u8 buf[64];

	KUNIT_ASSERT_LE(test, dlen, sizeof(buf) - IPCP_NEG_HDRLEN);
	buf[0] = code;
	buf[1] = id;
	put_unaligned_be16(dlen + IPCP_NEG_HDRLEN, buf + 2);
	if (dlen)
		memcpy(buf + IPCP_NEG_HDRLEN, data, dlen);
	feed(test, f, buf, dlen + IPCP_NEG_HDRLEN);
}

static inline void expect_tx(struct kunit *test, const struct fake_tx *t,
			     u8 code, u8 id, const u8 *data, unsigned int len)
{
	KUNIT_EXPECT_EQ(test, t->code, code);
	KUNIT_EXPECT_EQ(test, t->id, id);
	KUNIT_ASSERT_EQ(test, t->len, len);
	if (len)
		KUNIT_EXPECT_EQ(test, memcmp(t->data, data, len), 0);
}

/* Open, Up: Req-Sent with our first Configure-Request out */
static inline void to_reqsent(struct kunit *test, struct ipcp_neg_fsm *f)
{
	ipcp_neg_fsm_open(f);
	ipcp_neg_fsm_up(f);
	KUNIT_ASSERT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
	fake_clear(f);
}

/* ... then the peer's request is Acked and ours too: Opened */
static inline void to_opened(struct kunit *test, struct ipcp_neg_fsm *f)
{
	to_reqsent(test, f);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x10, peer_opts,
		 sizeof(peer_opts));
	feed_pkt(test, f, IPCP_NEG_CONFACK, f->id, our_opts, sizeof(our_opts));
	KUNIT_ASSERT_EQ(test, f->state, IPCP_NEG_ST_OPENED);
	fake_clear(f);
}

/* fsm_timers_test.c */
void fsm_init_defaults(struct kunit *test);
void fsm_transition_out_of_range(struct kunit *test);
void fsm_open_up_sends_request(struct kunit *test);
void fsm_request_size_bound(struct kunit *test);
void fsm_max_configure(struct kunit *test);
void fsm_max_terminate(struct kunit *test);
void fsm_retransmit_keeps_id(struct kunit *test);
void fsm_stale_timeout(struct kunit *test);
void fsm_max_failure(struct kunit *test);
void fsm_restart_option(struct kunit *test);

/* fsm_rx_test.c */
void fsm_negotiation(struct kunit *test);
void fsm_padding_ignored(struct kunit *test);
void fsm_reply_wrong_id(struct kunit *test);
void fsm_reply_mismatch(struct kunit *test);
void fsm_reply_bad_framing(struct kunit *test);
void fsm_configure_when_closed(struct kunit *test);
void fsm_reply_when_closing(struct kunit *test);
void fsm_confreq_in_stopped(struct kunit *test);
void fsm_reply_room(struct kunit *test);
void fsm_confreq_bad_framing(struct kunit *test);
void fsm_confreq_bad_verdict(struct kunit *test);
void fsm_drop_when_lower_down(struct kunit *test);
void fsm_unknown_code(struct kunit *test);
void fsm_code_reject_truncated(struct kunit *test);
void fsm_no_extcode(struct kunit *test);
void fsm_extcode_events(struct kunit *test);
void fsm_code_reject(struct kunit *test);
void fsm_termreq_in_opened(struct kunit *test);
void fsm_termack_any_id(struct kunit *test);
void fsm_duplicate_reply_in_opened(struct kunit *test);
void fsm_duplicate_ack_then_retransmit(struct kunit *test);
void fsm_confreq_in_opened(struct kunit *test);
void fsm_random_input(struct kunit *test);

#endif /* _IPCP_NEG_TESTS_FSM_TEST_H */
