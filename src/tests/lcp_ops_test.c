// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the LCP option codec (suite ipcp_neg_lcp, lcp_test.c): our
 * Configure-Request, the peer's Ack and what it tells of him, loopback, the
 * packets the codec sends itself (Code-Reject, Echo, Protocol-Reject) and
 * the codec callbacks the engine plugs in.
 */

#include "lcp_test.h"

/* Single cases */

/**
 * lcp_test_build_cr_default - build cr default
 * @test: the test
 */
void lcp_test_build_cr_default(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_new(test);
	const u8 want[] = { 5, 6, 0x11, 0x11, 0x11, 0x11 };
	u8 buf[IPCP_NEG_LCP_CR_MAX];
	unsigned int len;

	/* default: only a Magic-Number; an MRU of 1500 is not requested */
	ctx->lcp.conf.mru = IPCP_NEG_DEFAULT_MRU;
	ctx->lcp.magic_next = LCP_T_OURS;
	ipcp_neg_lcp_reset_ci(&ctx->lcp.fsm);
	len = ipcp_neg_lcp_build_cr(&ctx->lcp.fsm, buf, sizeof(buf));
	lcp_expect_bytes(test, buf, len, want, sizeof(want));

	/* without the test hook the magic is random, and never 0 */
	ctx->lcp.magic_next = 0;
	ipcp_neg_lcp_reset_ci(&ctx->lcp.fsm);
	KUNIT_EXPECT_TRUE(test, ctx->lcp.want.neg_magic);
	KUNIT_EXPECT_NE(test, ctx->lcp.want.magic, 0U);
}

/**
 * lcp_test_build_cr_conf - build cr conf
 * @test: the test
 */
void lcp_test_build_cr_conf(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_new(test);
	const u8 want[] = { 1, 4, 0x05, 0x78, 2, 6, 0, 0x0a, 0, 0,
			    5, 6, 0x11, 0x11, 0x11, 0x11 };
	u8 buf[IPCP_NEG_LCP_CR_MAX];
	unsigned int len;

	ctx->lcp.magic_next = LCP_T_OURS;
	ctx->lcp.conf.mru = 1400;
	ctx->lcp.conf.req_accm = true;
	ctx->lcp.conf.accm = 0x000a0000;
	ipcp_neg_lcp_reset_ci(&ctx->lcp.fsm);
	len = ipcp_neg_lcp_build_cr(&ctx->lcp.fsm, buf, sizeof(buf));
	lcp_expect_bytes(test, buf, len, want, sizeof(want));
}

/**
 * lcp_test_recv_ack - recv ack
 * @test: the test
 */
void lcp_test_recv_ack(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_sent(test);
	struct ipcp_neg_fsm *f = &ctx->lcp.fsm;
	u8 ack[sizeof(lcp_t_cr)];

	/* one byte changed: the magic's last */
	memcpy(ack, lcp_t_cr, sizeof(ack));
	ack[sizeof(ack) - 1] ^= 1;
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_ack(f, ack, sizeof(ack)),
			-EINVAL);
	ack[sizeof(ack) - 1] ^= 1;
	/* one option short */
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_ack(f, ack, sizeof(ack) - 6),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_ack(f, ack, 0), -EINVAL);
	KUNIT_EXPECT_FALSE(test, ctx->lcp.got.neg_magic);

	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_ack(f, ack, sizeof(ack)), 0);
	KUNIT_EXPECT_TRUE(test, ctx->lcp.got.neg_mru);
	KUNIT_EXPECT_EQ(test, ctx->lcp.got.mru, 1400);
	KUNIT_EXPECT_TRUE(test, ctx->lcp.got.neg_accm);
	KUNIT_EXPECT_EQ(test, ctx->lcp.got.accm, 0U);
	KUNIT_EXPECT_TRUE(test, ctx->lcp.got.neg_magic);
	KUNIT_EXPECT_EQ(test, ctx->lcp.got.magic, LCP_T_OURS);
}

/**
 * lcp_test_his - What we Ack goes to lcp->his and fsm.peer_mru; a Nak commits
 * nothing
 * @test: the test
 */
void lcp_test_his(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_new(test);
	struct ipcp_neg_fsm *f = &ctx->lcp.fsm;
	const u8 good[] = { 1, 4, 0x02, 0x40, 2, 6, 0, 0, 0, 0,
			    5, 6, 0xde, 0xad, 0xbe, 0xef, 7, 2 };
	const u8 bad[] = { 1, 4, 0, 0x7f };
	u8 reply[sizeof(good)];
	unsigned int len;

	KUNIT_EXPECT_EQ(test, f->peer_mru, IPCP_NEG_DEFAULT_MRU);
	ctx->lcp.conf.accept_pfc = true;
	KUNIT_ASSERT_EQ(test, ipcp_neg_lcp_recv_cr(f, good, sizeof(good),
						   reply, &len, false),
			IPCP_NEG_CONFACK);
	KUNIT_EXPECT_EQ(test, f->peer_mru, 576U);
	KUNIT_EXPECT_EQ(test, ctx->lcp.his.mru, 576);
	KUNIT_EXPECT_TRUE(test, ctx->lcp.his.neg_accm);
	KUNIT_EXPECT_EQ(test, ctx->lcp.his.accm, 0U);
	KUNIT_EXPECT_EQ(test, ctx->lcp.his.magic, 0xdeadbeef);
	KUNIT_EXPECT_TRUE(test, ctx->lcp.his.pfc);
	KUNIT_EXPECT_FALSE(test, ctx->lcp.his.acfc);

	KUNIT_ASSERT_EQ(test, ipcp_neg_lcp_recv_cr(f, bad, sizeof(bad),
						   reply, &len, false),
			IPCP_NEG_CONFNAK);
	KUNIT_EXPECT_EQ(test, f->peer_mru, 576U);
	KUNIT_EXPECT_EQ(test, ctx->lcp.his.mru, 576);
}

/**
 * lcp_test_loopback - Our magic coming back max_failure times marks the line
 * looped
 * @test: the test
 */
void lcp_test_loopback(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_sent(test);
	struct ipcp_neg_fsm *f = &ctx->lcp.fsm;
	const u8 ours[] = { 5, 6, 0x11, 0x11, 0x11, 0x11 };
	const u8 other[] = { 5, 6, 0xde, 0xad, 0xbe, 0xef };
	u8 reply[6];
	unsigned int len, i;
	u8 code;

	f->conf.max_failure = 3;
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_FALSE(test, ctx->lcp.looped);
		/* Max-Failure is in force by now: still a Nak, never Reject */
		code = ipcp_neg_lcp_recv_cr(f, ours, sizeof(ours), reply, &len,
					    i > 0);
		KUNIT_EXPECT_EQ(test, code, IPCP_NEG_CONFNAK);
	}
	KUNIT_EXPECT_TRUE(test, ctx->lcp.looped);
	KUNIT_EXPECT_EQ(test, ctx->lcp.stats.loop_suspects, 3U);
	/* from now on a Nak of our magic is discarded, nothing applied */
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_nak(f, ours, sizeof(ours),
						    false), -ELOOP);
	KUNIT_EXPECT_EQ(test, ctx->lcp.want.magic, LCP_T_OURS);
	/* a request with another magic clears the suspicion */
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_cr(f, other, sizeof(other),
						   reply, &len, false),
			IPCP_NEG_CONFACK);
	KUNIT_EXPECT_FALSE(test, ctx->lcp.looped);
	KUNIT_EXPECT_EQ(test, ctx->lcp.loop_count, 0U);
	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_nak(f, ours, sizeof(ours),
						    false), 0);
	KUNIT_EXPECT_NE(test, ctx->lcp.want.magic, LCP_T_OURS);
}

/**
 * lcp_test_ser - ser
 * @test: the test
 */
void lcp_test_ser(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_opened(test);
	const u8 req[] = { 0xde, 0xad, 0xbe, 0xef, 'a', 'b', 'c' };
	const u8 want[] = { 0x11, 0x11, 0x11, 0x11, 'a', 'b', 'c' };
	const u8 want0[] = { 0, 0, 0, 0, 'a', 'b', 'c' };

	ipcp_neg_lcp_ser(&ctx->lcp.fsm, 42, req, sizeof(req));
	KUNIT_EXPECT_EQ(test, ctx->nxmit, 1U);
	KUNIT_EXPECT_EQ(test, ctx->code, IPCP_NEG_ECHOREP);
	KUNIT_EXPECT_EQ(test, ctx->id, 42);
	lcp_expect_bytes(test, ctx->data, ctx->len, want, sizeof(want));

	/* the peer Rejected our magic: the reply carries 0 */
	ctx->lcp.got.neg_magic = false;
	ipcp_neg_lcp_ser(&ctx->lcp.fsm, 43, req, sizeof(req));
	KUNIT_EXPECT_EQ(test, ctx->nxmit, 2U);
	lcp_expect_bytes(test, ctx->data, ctx->len, want0, sizeof(want0));
}

/**
 * lcp_test_ser_truncated - An Echo-Reply larger than the peer's MRU is cut to
 * fit it
 * @test: the test
 */
void lcp_test_ser_truncated(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_opened(test);
	unsigned int i;
	u8 *req;

	req = kunit_kmalloc(test, 300, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, req);
	for (i = 0; i < 300; i++)
		req[i] = i;
	ctx->lcp.fsm.peer_mru = IPCP_NEG_MIN_MRU;
	ipcp_neg_lcp_ser(&ctx->lcp.fsm, 1, req, 300);
	KUNIT_ASSERT_EQ(test, ctx->nxmit, 1U);
	/* 4-byte header + 124 bytes = the peer's MRU of 128 */
	KUNIT_EXPECT_EQ(test, ctx->len, IPCP_NEG_MIN_MRU - IPCP_NEG_HDRLEN);
	KUNIT_EXPECT_EQ(test, get_unaligned_be32(ctx->data), LCP_T_OURS);
	KUNIT_EXPECT_EQ(test, memcmp(ctx->data + 4, req + 4, ctx->len - 4), 0);
}

/**
 * lcp_test_send_echo - send echo
 * @test: the test
 */
void lcp_test_send_echo(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_opened(test);
	const u8 want[] = { 0x11, 0x11, 0x11, 0x11 };

	ctx->lcp.fsm.state = IPCP_NEG_ST_ACKSENT;
	ipcp_neg_lcp_send_echo(&ctx->lcp);
	KUNIT_EXPECT_EQ(test, ctx->nxmit, 0U);
	KUNIT_EXPECT_EQ(test, ctx->lcp.echo_missed, 0U);

	ctx->lcp.fsm.state = IPCP_NEG_ST_OPENED;
	ipcp_neg_lcp_send_echo(&ctx->lcp);
	KUNIT_EXPECT_EQ(test, ctx->code, IPCP_NEG_ECHOREQ);
	lcp_expect_bytes(test, ctx->data, ctx->len, want, sizeof(want));
	KUNIT_EXPECT_EQ(test, ctx->id, 0);
	ipcp_neg_lcp_send_echo(&ctx->lcp);
	KUNIT_EXPECT_EQ(test, ctx->id, 1);
	KUNIT_EXPECT_EQ(test, ctx->nxmit, 2U);
	KUNIT_EXPECT_EQ(test, ctx->lcp.echo_missed, 2U);
}

/**
 * lcp_test_send_protrej - send protrej
 * @test: the test
 */
void lcp_test_send_protrej(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_opened(test);
	const u8 info[] = { 1, 2, 3 };
	const u8 want[] = { 0x80, 0x57, 1, 2, 3 };
	unsigned int i;
	u8 *big;

	ctx->lcp.fsm.state = IPCP_NEG_ST_REQSENT;
	ipcp_neg_lcp_send_protrej(&ctx->lcp, 0x8057, info, sizeof(info));
	KUNIT_EXPECT_EQ(test, ctx->nxmit, 0U);

	ctx->lcp.fsm.state = IPCP_NEG_ST_OPENED;
	ipcp_neg_lcp_send_protrej(&ctx->lcp, 0x8057, info, sizeof(info));
	KUNIT_EXPECT_EQ(test, ctx->nxmit, 1U);
	KUNIT_EXPECT_EQ(test, ctx->code, IPCP_NEG_PROTREJ);
	lcp_expect_bytes(test, ctx->data, ctx->len, want, sizeof(want));

	big = kunit_kmalloc(test, 200, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, big);
	for (i = 0; i < 200; i++)
		big[i] = i;
	ctx->lcp.fsm.peer_mru = IPCP_NEG_MIN_MRU;
	ipcp_neg_lcp_send_protrej(&ctx->lcp, 0x8057, big, 200);
	KUNIT_EXPECT_EQ(test, ctx->nxmit, 2U);
	KUNIT_EXPECT_EQ(test, ctx->len, IPCP_NEG_MIN_MRU - IPCP_NEG_HDRLEN);
	KUNIT_EXPECT_EQ(test, get_unaligned_be16(ctx->data), 0x8057);
	KUNIT_EXPECT_EQ(test, memcmp(ctx->data + 2, big, ctx->len - 2), 0);
}

/**
 * lcp_test_codec_ops - The glue's way of building the ops: a full negotiation
 * step by step
 * @test: the test
 */
void lcp_test_codec_ops(struct kunit *test)
{
	struct lcp_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	u8 ack[] = { IPCP_NEG_CONFACK, 1, 0, 10, 5, 6, 0x11, 0x11, 0x11, 0x11 };
	const u8 cr[] = { IPCP_NEG_CONFREQ, 1, 0, 10,
			  5, 6, 0xde, 0xad, 0xbe, 0xef };
	const u8 echo[] = { IPCP_NEG_ECHOREQ, 0x33, 0, 11,
			    0xde, 0xad, 0xbe, 0xef, 'a', 'b', 'c' };
	const u8 reply[] = { 0x11, 0x11, 0x11, 0x11, 'a', 'b', 'c' };
	const u8 protrej[] = { IPCP_NEG_PROTREJ, 0x44, 0, 9,
			       0x80, 0x21, 1, 2, 3 };
	struct ipcp_neg_fsm *f;

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ipcp_neg_lcp_init(&ctx->lcp, &lcp_t_codec_ops, test);
	f = &ctx->lcp.fsm;
	KUNIT_EXPECT_STREQ(test, f->ops->name, "LCP");
	ctx->lcp.magic_next = LCP_T_OURS;
	ipcp_neg_fsm_up(f);
	ipcp_neg_fsm_open(f);
	KUNIT_ASSERT_EQ(test, ctx->code, IPCP_NEG_CONFREQ);
	lcp_expect_bytes(test, ctx->data, ctx->len, ack + 4, 6);
	ipcp_neg_fsm_input(f, cr, sizeof(cr));
	KUNIT_EXPECT_EQ(test, ctx->code, IPCP_NEG_CONFACK);
	lcp_expect_bytes(test, ctx->data, ctx->len, cr + 4, 6);
	/* the peer's Ack must carry the identifier of our request */
	ack[1] = f->id;
	ipcp_neg_fsm_input(f, ack, sizeof(ack));
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, ctx->lcp.his.magic, 0xdeadbeef);
	KUNIT_EXPECT_EQ(test, ctx->lcp.got.magic, LCP_T_OURS);

	/* Opened: an Echo-Request is answered through ser */
	ipcp_neg_fsm_input(f, echo, sizeof(echo));
	KUNIT_EXPECT_EQ(test, ctx->code, IPCP_NEG_ECHOREP);
	KUNIT_EXPECT_EQ(test, ctx->id, 0x33);
	lcp_expect_bytes(test, ctx->data, ctx->len, reply, sizeof(reply));
	KUNIT_EXPECT_EQ(test, f->stats.tx[IPCP_NEG_ECHOREP], 1U);

	/* a Protocol-Reject of IPCP reaches the glue, LCP stays up */
	ctx->lcp.proto_rej = lcp_t_proto_rej;
	ipcp_neg_fsm_input(f, protrej, sizeof(protrej));
	KUNIT_EXPECT_EQ(test, ctx->nprotrej, 1U);
	KUNIT_EXPECT_EQ(test, ctx->protrej, IPCP_NEG_PROTO_IPCP);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_OPENED);
}

/**
 * lcp_test_echo_req_looped - An Echo-Request carrying our own magic in Opened:
 * counted as a loopback, and still answered (RFC 1661 5.8: an Echo-Reply MUST
 * be sent in Opened).
 * @test: the test
 */
void lcp_test_echo_req_looped(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_opened(test);
	const u8 echo[] = { IPCP_NEG_ECHOREQ, 0x21, 0, 9,
			    0x11, 0x11, 0x11, 0x11, 'q' };
	const u8 reply[] = { 0x11, 0x11, 0x11, 0x11, 'q' };

	ctx->nxmit = 0;
	ipcp_neg_fsm_input(&ctx->lcp.fsm, echo, sizeof(echo));
	KUNIT_EXPECT_EQ(test, ctx->lcp.stats.loop_echo, 1U);
	KUNIT_ASSERT_EQ(test, ctx->nxmit, 1U);
	KUNIT_EXPECT_EQ(test, ctx->code, IPCP_NEG_ECHOREP);
	KUNIT_EXPECT_EQ(test, ctx->id, 0x21);
	lcp_expect_bytes(test, ctx->data, ctx->len, reply, sizeof(reply));
}

/**
 * lcp_test_looped_line - A looped-back line: every packet we send comes back to
 * us. LCP must never open; the loop is detected and the Max-Configure rule ends
 * it.
 * @test: the test
 */
void lcp_test_looped_line(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_new(test);
	struct ipcp_neg_fsm *f = &ctx->lcp.fsm;
	unsigned int i, slot;

	ctx->loop = true;
	ipcp_neg_fsm_up(f);
	ipcp_neg_fsm_open(f);
	for (i = 0; i < 200 && f->state != IPCP_NEG_ST_STOPPED; i++) {
		if (ctx->qhead == ctx->qtail) {
			ipcp_neg_fsm_timeout(f);
			continue;
		}
		slot = ctx->qhead++ % LCP_T_QLEN;
		ipcp_neg_fsm_input(f, ctx->q[slot], ctx->qlen[slot]);
		KUNIT_ASSERT_NE(test, f->state, IPCP_NEG_ST_OPENED);
	}
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_STOPPED);
	KUNIT_EXPECT_TRUE(test, ctx->lcp.looped);
	KUNIT_EXPECT_GE(test, ctx->lcp.stats.loop_suspects,
			f->conf.max_failure);
	/* our magic was never given up: no Reject of it ever went out */
	KUNIT_EXPECT_EQ(test, f->stats.tx[IPCP_NEG_CONFREJ], 0U);
}
