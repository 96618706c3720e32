// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the LCP option codec: the peer's Configure-Requests
 * (reply code and exact reply bytes), our request and what Naks, Rejects
 * and Acks do to it, the extra codes (Protocol-Reject, Echo, Discard) and
 * the packets the codec sends itself. The codec is driven through its
 * callbacks; the framing cases go through ipcp_neg_fsm_input().
 *
 * Our Magic-Number is made deterministic with the lcp->magic_next hook:
 * reset_ci draws LCP_T_OURS, and the next draw gives LCP_T_NEXT.
 */

#include "lcp_test.h"

static struct lcp_ctx *lcp_ctx_of(struct ipcp_neg_fsm *f)
{
	return container_of(ipcp_neg_lcp_from_fsm(f), struct lcp_ctx, lcp);
}

static void lcp_t_xmit(struct ipcp_neg_fsm *f, u8 code, u8 id,
		       const u8 *data, unsigned int len)
{
	struct lcp_ctx *ctx = lcp_ctx_of(f);

	ctx->nxmit++;
	ctx->code = code;
	ctx->id = id;
	ctx->len = len;
	memcpy(ctx->data, data, min_t(unsigned int, len, sizeof(ctx->data)));
	if (ctx->loop && ctx->qtail - ctx->qhead < LCP_T_QLEN &&
	    len <= LCP_T_PKTMAX - IPCP_NEG_HDRLEN) {
		u8 *pkt = ctx->q[ctx->qtail % LCP_T_QLEN];

		pkt[0] = code;
		pkt[1] = id;
		put_unaligned_be16(IPCP_NEG_HDRLEN + len, pkt + 2);
		memcpy(pkt + IPCP_NEG_HDRLEN, data, len);
		ctx->qlen[ctx->qtail++ % LCP_T_QLEN] = IPCP_NEG_HDRLEN + len;
	}
}

static void lcp_t_layer(struct ipcp_neg_fsm *f)
{
}

static void lcp_t_timer_start(struct ipcp_neg_fsm *f, unsigned int ms)
{
}

static void lcp_t_timer_stop(struct ipcp_neg_fsm *f)
{
}

/**
 * lcp_t_proto_rej - the owner's proto_rej(): counted and recorded
 * @lcp: the codec, of a struct lcp_ctx
 * @proto: the protocol the peer rejected
 */
void lcp_t_proto_rej(struct ipcp_neg_lcp *lcp, u16 proto)
{
	struct lcp_ctx *ctx = container_of(lcp, struct lcp_ctx, lcp);

	ctx->nprotrej++;
	ctx->protrej = proto;
}

/* recv_cr, counted: shows whether the automaton reached the codec */
static u8 lcp_t_recv_cr(struct ipcp_neg_fsm *f, const u8 *opts,
			unsigned int len, u8 *reply, unsigned int *reply_len,
			bool rid)
{
	lcp_ctx_of(f)->nrecv_cr++;
	return ipcp_neg_lcp_recv_cr(f, opts, len, reply, reply_len, rid);
}

static const struct ipcp_neg_fsm_ops lcp_t_ops = {
	.name = "LCP",
	.tlu = lcp_t_layer,
	.tld = lcp_t_layer,
	.tls = lcp_t_layer,
	.tlf = lcp_t_layer,
	.xmit = lcp_t_xmit,
	.timer_start = lcp_t_timer_start,
	.timer_stop = lcp_t_timer_stop,
	.reset_ci = ipcp_neg_lcp_reset_ci,
	.build_cr = ipcp_neg_lcp_build_cr,
	.recv_cr = lcp_t_recv_cr,
	.recv_ack = ipcp_neg_lcp_recv_ack,
	.recv_nak = ipcp_neg_lcp_recv_nak,
	.extcode = ipcp_neg_lcp_extcode,
	.ser = ipcp_neg_lcp_ser,
};

/* The same, built the way the glue builds it */
const struct ipcp_neg_fsm_ops lcp_t_codec_ops = {
	IPCP_NEG_LCP_CODEC_OPS,
	.tlu = lcp_t_layer,
	.tld = lcp_t_layer,
	.tls = lcp_t_layer,
	.tlf = lcp_t_layer,
	.xmit = lcp_t_xmit,
	.timer_start = lcp_t_timer_start,
	.timer_stop = lcp_t_timer_stop,
};

/**
 * lcp_ctx_new - a codec with our magic number drawn
 * @test: the test
 *
 * Return: the context, freed with the test.
 */
struct lcp_ctx *lcp_ctx_new(struct kunit *test)
{
	struct lcp_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ipcp_neg_lcp_init(&ctx->lcp, &lcp_t_ops, test);
	ctx->lcp.proto_rej = lcp_t_proto_rej;
	ctx->lcp.magic_next = LCP_T_OURS;
	ipcp_neg_lcp_reset_ci(&ctx->lcp.fsm);
	return ctx;
}

/* Our request with conf.mru 1400, ACCM 0 requested, and our magic */
const u8 lcp_t_cr[] = {
	1, 4, 0x05, 0x78,
	2, 6, 0, 0, 0, 0,
	5, 6, 0x11, 0x11, 0x11, 0x11,
};

/**
 * lcp_ctx_sent - a context whose last Configure-Request was lcp_t_cr
 * @test: the test
 *
 * Return: the context, freed with the test.
 */
struct lcp_ctx *lcp_ctx_sent(struct kunit *test)
{
	struct lcp_ctx *ctx;
	u8 buf[IPCP_NEG_LCP_CR_MAX];

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ipcp_neg_lcp_init(&ctx->lcp, &lcp_t_ops, test);
	ctx->lcp.magic_next = LCP_T_OURS;
	ctx->lcp.conf.mru = 1400;
	ctx->lcp.conf.req_accm = true;
	ctx->lcp.conf.accm = 0;
	ipcp_neg_lcp_reset_ci(&ctx->lcp.fsm);
	KUNIT_ASSERT_EQ(test, ipcp_neg_lcp_build_cr(&ctx->lcp.fsm, buf,
						    sizeof(buf)),
			sizeof(lcp_t_cr));
	KUNIT_ASSERT_EQ(test, memcmp(buf, lcp_t_cr, sizeof(lcp_t_cr)), 0);
	return ctx;
}

/**
 * lcp_ctx_opened - lcp_ctx_sent(), and Acked by the peer, in Opened
 * @test: the test
 *
 * Return: the context, freed with the test.
 */
struct lcp_ctx *lcp_ctx_opened(struct kunit *test)
{
	struct lcp_ctx *ctx = lcp_ctx_sent(test);

	KUNIT_ASSERT_EQ(test, ipcp_neg_lcp_recv_ack(&ctx->lcp.fsm, lcp_t_cr,
						    sizeof(lcp_t_cr)), 0);
	ctx->lcp.fsm.state = IPCP_NEG_ST_OPENED;
	return ctx;
}

/**
 * lcp_expect_bytes - expect @got to be @want
 * @test: the test
 * @got: the bytes
 * @got_len: how many
 * @want: the bytes expected
 * @want_len: how many
 */
void lcp_expect_bytes(struct kunit *test, const u8 *got, unsigned int got_len,
		      const u8 *want, unsigned int want_len)
{
	KUNIT_EXPECT_EQ(test, got_len, want_len);
	if (got_len == want_len)
		KUNIT_EXPECT_EQ_MSG(test, memcmp(got, want, want_len), 0,
				    "got %*ph want %*ph", got_len, got,
				    want_len, want);
}

/* The peer's Configure-Request: reply code and exact reply options */

struct lcp_cr_case {
	const char *desc;
	u8 req[24];
	unsigned int req_len;
	bool rid;		/* Max-Failure reached */
	bool pfc;		/* conf.accept_pfc */
	bool acfc;		/* conf.accept_acfc */
	u8 code;
	u8 reply[24];
	unsigned int reply_len;
};

#define REQ(...)	.req = { __VA_ARGS__ }, \
			.req_len = sizeof((u8[]){ __VA_ARGS__ })
#define REPLY(...)	.reply = { __VA_ARGS__ }, \
			.reply_len = sizeof((u8[]){ __VA_ARGS__ })
#define ACK_SAME(...)	REQ(__VA_ARGS__), REPLY(__VA_ARGS__), \
			.code = IPCP_NEG_CONFACK
#define REJ_SAME(...)	REQ(__VA_ARGS__), REPLY(__VA_ARGS__), \
			.code = IPCP_NEG_CONFREJ

static const struct lcp_cr_case lcp_cr_cases[] = {
	{ .desc = "empty request Acked", .code = IPCP_NEG_CONFACK },
	{ .desc = "MRU 1500 Acked", ACK_SAME(1, 4, 0x05, 0xdc) },
	{ .desc = "MRU 128 (the minimum) Acked", ACK_SAME(1, 4, 0, 0x80) },
	{ .desc = "MRU 65535 Acked", ACK_SAME(1, 4, 0xff, 0xff) },
	/* below IPCP_NEG_MIN_MRU: Nak'd with the closest value we take */
	{ .desc = "MRU 127 Nak'd with 128", REQ(1, 4, 0, 0x7f),
	  .code = IPCP_NEG_CONFNAK, REPLY(1, 4, 0, 0x80) },
	/* MRU must be exactly 4 bytes long */
	{ .desc = "MRU length 3 Rejected", REJ_SAME(1, 3, 0x05) },
	/* MRU must be exactly 4 bytes long */
	{ .desc = "MRU length 5 Rejected", REJ_SAME(1, 5, 0x05, 0xdc, 0) },
	/* MRU must be exactly 4 bytes long; no value to read at all */
	{ .desc = "MRU length 2 Rejected", REJ_SAME(1, 2) },
	{ .desc = "ACCM 0 Acked", ACK_SAME(2, 6, 0, 0, 0, 0) },
	/* ACCM must be exactly 6 bytes long */
	{ .desc = "ACCM length 5 Rejected", REJ_SAME(2, 5, 0, 0, 0) },
	/* authentication is not supported */
	{ .desc = "PAP Rejected", REJ_SAME(3, 4, 0xc0, 0x23) },
	/* authentication is not supported */
	{ .desc = "CHAP MD5 Rejected", REJ_SAME(3, 5, 0xc2, 0x23, 0x05) },
	/* too short to name a protocol */
	{ .desc = "auth length 3 Rejected", REJ_SAME(3, 3, 0xc0) },
	/* link quality monitoring is not supported */
	{ .desc = "LQR Rejected",
	  REJ_SAME(4, 8, 0xc0, 0x25, 0, 0, 0, 0x0a) },
	{ .desc = "peer magic Acked", ACK_SAME(5, 6, 0xde, 0xad, 0xbe, 0xef) },
	/* RFC 1661 6.4: zero is illegal and MUST be Nak'd */
	{ .desc = "magic 0 Nak'd", REQ(5, 6, 0, 0, 0, 0),
	  .code = IPCP_NEG_CONFNAK, REPLY(5, 6, 0x11, 0x11, 0x11, 0x12) },
	/* our own magic: maybe a looped-back line */
	{ .desc = "magic equal to ours Nak'd",
	  REQ(5, 6, 0x11, 0x11, 0x11, 0x11),
	  .code = IPCP_NEG_CONFNAK, REPLY(5, 6, 0x11, 0x11, 0x11, 0x12) },
	/* Magic-Number must be exactly 6 bytes long */
	{ .desc = "magic length 5 Rejected", REJ_SAME(5, 5, 1, 2, 3) },
	/* Magic-Number must be exactly 6 bytes long */
	{ .desc = "magic length 7 Rejected",
	  REJ_SAME(5, 7, 1, 2, 3, 4, 5) },
	/* header compression not allowed by default (PPPoE forbids ACFC) */
	{ .desc = "PFC Rejected by default", REJ_SAME(7, 2) },
	{ .desc = "PFC Acked when allowed", ACK_SAME(7, 2), .pfc = true },
	/* PFC carries no data: length must be 2 */
	{ .desc = "PFC length 3 Rejected", REJ_SAME(7, 3, 0), .pfc = true },
	/* header compression not allowed by default (PPPoE forbids ACFC) */
	{ .desc = "ACFC Rejected by default", REJ_SAME(8, 2) },
	{ .desc = "ACFC Acked when allowed", ACK_SAME(8, 2), .acfc = true },
	/* a type we do not know */
	{ .desc = "unknown type 99 Rejected", REJ_SAME(99, 2) },
	/* Callback (RFC 1570) is not supported */
	{ .desc = "Callback Rejected", REJ_SAME(13, 3, 6) },
	/* an option may appear once: the second copy is Rejected */
	{ .desc = "duplicate MRU Rejected",
	  REQ(1, 4, 0x05, 0xdc, 1, 4, 0x05, 0xdc),
	  .code = IPCP_NEG_CONFREJ, REPLY(1, 4, 0x05, 0xdc) },
	/* an option may appear once: the second copy is Rejected */
	{ .desc = "duplicate magic Rejected",
	  REQ(5, 6, 0xde, 0xad, 0xbe, 0xef, 5, 6, 1, 2, 3, 4),
	  .code = IPCP_NEG_CONFREJ, REPLY(5, 6, 1, 2, 3, 4) },
	/* a Reject carries only the Rejected options, no Naks */
	{ .desc = "Reject wins over Nak", REQ(1, 4, 0, 0x7f, 7, 2),
	  .code = IPCP_NEG_CONFREJ, REPLY(7, 2) },
	{ .desc = "Nak carries only the Nak'd options",
	  REQ(1, 4, 0, 0x7f, 2, 6, 0, 0, 0, 0, 5, 6, 0, 0, 0, 0),
	  .code = IPCP_NEG_CONFNAK,
	  REPLY(1, 4, 0, 0x80, 5, 6, 0x11, 0x11, 0x11, 0x12) },
	/* pppd's default request: PFC and ACFC are not allowed */
	{ .desc = "pppd request: PFC+ACFC Rejected",
	  REQ(1, 4, 0x05, 0xdc, 2, 6, 0, 0, 0, 0,
	      5, 6, 0xde, 0xad, 0xbe, 0xef, 7, 2, 8, 2),
	  .code = IPCP_NEG_CONFREJ, REPLY(7, 2, 8, 2) },
	{ .desc = "pppd request after Reject Acked",
	  ACK_SAME(1, 4, 0x05, 0xdc, 2, 6, 0, 0, 0, 0,
		   5, 6, 0xde, 0xad, 0xbe, 0xef) },
	/* Max-Failure: what would be Nak'd is Rejected */
	{ .desc = "Max-Failure: MRU 127 Rejected",
	  REJ_SAME(1, 4, 0, 0x7f), .rid = true },
	/* Max-Failure: what would be Nak'd is Rejected */
	{ .desc = "Max-Failure: magic 0 Rejected",
	  REJ_SAME(5, 6, 0, 0, 0, 0), .rid = true },
	{ .desc = "Max-Failure: our magic still Nak'd", .rid = true,
	  REQ(5, 6, 0x11, 0x11, 0x11, 0x11), .code = IPCP_NEG_CONFNAK,
	  REPLY(5, 6, 0x11, 0x11, 0x11, 0x12) },
	{ .desc = "Max-Failure: good request Acked", .rid = true,
	  ACK_SAME(1, 4, 0x05, 0xdc, 5, 6, 0xde, 0xad, 0xbe, 0xef) },
};

static void lcp_cr_case_desc(const struct lcp_cr_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lcp_cr, lcp_cr_cases, lcp_cr_case_desc);

static void lcp_test_recv_cr(struct kunit *test)
{
	const struct lcp_cr_case *c = test->param_value;
	struct lcp_ctx *ctx = lcp_ctx_new(test);
	unsigned int reply_len = ~0U;
	u8 *req, *reply;
	u8 code;

	/* exactly sized copies, so that KASAN sees any overrun */
	req = kunit_kmalloc(test, c->req_len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, req);
	reply = kunit_kmalloc(test, c->req_len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, reply);
	memcpy(req, c->req, c->req_len);
	KUNIT_ASSERT_EQ(test, ipcp_neg_opts_check(req, c->req_len), 0);

	ctx->lcp.conf.accept_pfc = c->pfc;
	ctx->lcp.conf.accept_acfc = c->acfc;
	code = ipcp_neg_lcp_recv_cr(&ctx->lcp.fsm, req, c->req_len, reply,
				    &reply_len, c->rid);
	KUNIT_EXPECT_EQ(test, code, c->code);
	KUNIT_EXPECT_LE(test, reply_len, c->req_len);
	lcp_expect_bytes(test, reply, reply_len, c->reply, c->reply_len);
	/* judging a request never changes what we ask for */
	KUNIT_EXPECT_EQ(test, ctx->lcp.want.magic, LCP_T_OURS);
}

/*
 * Framing, through the automaton: a list whose framing is broken drops
 * the packet before recv_cr; an option framed right but of the wrong
 * length for its type reaches recv_cr and is Rejected.
 */

struct lcp_frame_case {
	const char *desc;
	u8 opts[12];
	unsigned int len;
	bool malformed;		/* dropped without reaching recv_cr */
	u8 code;		/* else the reply's code */
};

static const struct lcp_frame_case lcp_frame_cases[] = {
	/* length 0 would loop forever (CVE-2020-25643) */
	{ .desc = "option length 0 dropped", .opts = { 1, 0, 5, 0xdc },
	  .len = 4, .malformed = true },
	/* length 1 is shorter than the option header */
	{ .desc = "option length 1 dropped", .opts = { 5, 1, 0, 0, 0, 0 },
	  .len = 6, .malformed = true },
	/* the MRU runs one byte past the end of the packet */
	{ .desc = "MRU overrun by one dropped", .opts = { 1, 4, 0x05 },
	  .len = 3, .malformed = true },
	/* the magic runs one byte past the end of the packet */
	{ .desc = "magic overrun by one dropped",
	  .opts = { 5, 6, 1, 2, 3 }, .len = 5, .malformed = true },
	/* a good option, then a lone type byte */
	{ .desc = "trailing byte dropped", .opts = { 7, 2, 8 }, .len = 3,
	  .malformed = true },
	/* framed right, wrong length for an MRU: the codec's Reject */
	{ .desc = "MRU length 3 reaches recv_cr", .opts = { 1, 3, 0x05 },
	  .len = 3, .code = IPCP_NEG_CONFREJ },
	{ .desc = "MRU 127 reaches recv_cr", .opts = { 1, 4, 0, 0x7f },
	  .len = 4, .code = IPCP_NEG_CONFNAK },
};

static void lcp_frame_case_desc(const struct lcp_frame_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lcp_frame, lcp_frame_cases, lcp_frame_case_desc);

static void lcp_test_framing(struct kunit *test)
{
	const struct lcp_frame_case *c = test->param_value;
	struct lcp_ctx *ctx = lcp_ctx_new(test);
	struct ipcp_neg_fsm *f = &ctx->lcp.fsm;
	unsigned int n, malformed;
	u8 pkt[IPCP_NEG_HDRLEN + sizeof(c->opts)];

	KUNIT_EXPECT_EQ(test, ipcp_neg_opts_check(c->opts, c->len) != 0,
			c->malformed);

	ipcp_neg_fsm_up(f);
	ipcp_neg_fsm_open(f);
	KUNIT_ASSERT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
	n = ctx->nxmit;
	malformed = f->stats.malformed;

	pkt[0] = IPCP_NEG_CONFREQ;
	pkt[1] = 7;
	pkt[2] = 0;
	pkt[3] = IPCP_NEG_HDRLEN + c->len;
	memcpy(pkt + IPCP_NEG_HDRLEN, c->opts, c->len);
	ipcp_neg_fsm_input(f, pkt, IPCP_NEG_HDRLEN + c->len);

	if (c->malformed) {
		KUNIT_EXPECT_EQ(test, ctx->nrecv_cr, 0U);
		KUNIT_EXPECT_EQ(test, ctx->nxmit, n);
		KUNIT_EXPECT_EQ(test, f->stats.malformed, malformed + 1);
		KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
	} else {
		KUNIT_EXPECT_EQ(test, ctx->nrecv_cr, 1U);
		KUNIT_EXPECT_EQ(test, ctx->nxmit, n + 1);
		KUNIT_EXPECT_EQ(test, ctx->code, c->code);
		KUNIT_EXPECT_EQ(test, ctx->id, 7);
	}
}

/* Naks and Rejects of our request: validity, then the request that follows */

struct lcp_nak_case {
	const char *desc;
	u8 opts[20];
	unsigned int len;
	bool rej;
	int ret;
	u8 cr[IPCP_NEG_LCP_CR_MAX];	/* our next request */
	unsigned int cr_len;
};

#define OPTS(...)	.opts = { __VA_ARGS__ }, \
			.len = sizeof((u8[]){ __VA_ARGS__ })
#define NEXT_CR(...)	.cr = { __VA_ARGS__ }, \
			.cr_len = sizeof((u8[]){ __VA_ARGS__ })
#define SAME_CR		NEXT_CR(1, 4, 0x05, 0x78, 2, 6, 0, 0, 0, 0, \
				5, 6, 0x11, 0x11, 0x11, 0x11)

static const struct lcp_nak_case lcp_nak_cases[] = {
	{ .desc = "Nak MRU 1200 taken", OPTS(1, 4, 0x04, 0xb0),
	  NEXT_CR(1, 4, 0x04, 0xb0, 2, 6, 0, 0, 0, 0,
		  5, 6, 0x11, 0x11, 0x11, 0x11) },
	{ .desc = "Nak MRU above ours ignored", OPTS(1, 4, 0x05, 0xdc),
	  SAME_CR },
	{ .desc = "Nak MRU 127 ignored", OPTS(1, 4, 0, 0x7f), SAME_CR },
	{ .desc = "Nak ACCM OR-ed into ours", OPTS(2, 6, 0, 0x0a, 0, 0),
	  NEXT_CR(1, 4, 0x05, 0x78, 2, 6, 0, 0x0a, 0, 0,
		  5, 6, 0x11, 0x11, 0x11, 0x11) },
	{ .desc = "Nak magic: a new magic",
	  OPTS(5, 6, 0x11, 0x11, 0x11, 0x11),
	  NEXT_CR(1, 4, 0x05, 0x78, 2, 6, 0, 0, 0, 0,
		  5, 6, 0x11, 0x11, 0x11, 0x12) },
	{ .desc = "Nak of unrequested PFC ignored", OPTS(7, 2), SAME_CR },
	/* wrong length for an option we requested: whole Nak invalid */
	{ .desc = "Nak MRU length 6 invalid", OPTS(1, 6, 0, 0, 0x04, 0xb0),
	  .ret = -EINVAL, SAME_CR },
	/* framing: option length 0 */
	{ .desc = "Nak option length 0 invalid", OPTS(1, 0, 0x04, 0xb0),
	  .ret = -EINVAL, SAME_CR },
	/* framing: the option overruns the packet; the MRU is not taken */
	{ .desc = "Nak overrun invalid", OPTS(1, 4, 0x04, 0xb0, 5, 6, 1),
	  .ret = -EINVAL, SAME_CR },
	{ .desc = "Reject MRU", OPTS(1, 4, 0x05, 0x78), .rej = true,
	  NEXT_CR(2, 6, 0, 0, 0, 0, 5, 6, 0x11, 0x11, 0x11, 0x11) },
	{ .desc = "Reject magic", .rej = true,
	  OPTS(5, 6, 0x11, 0x11, 0x11, 0x11),
	  NEXT_CR(1, 4, 0x05, 0x78, 2, 6, 0, 0, 0, 0) },
	{ .desc = "Reject everything", .rej = true,
	  OPTS(1, 4, 0x05, 0x78, 2, 6, 0, 0, 0, 0,
	       5, 6, 0x11, 0x11, 0x11, 0x11), NEXT_CR() },
	/* a Reject must repeat our option verbatim */
	{ .desc = "Reject of modified MRU invalid", OPTS(1, 4, 0x05, 0xdc),
	  .rej = true, .ret = -EINVAL, SAME_CR },
	/* a Reject may list only options we sent */
	{ .desc = "Reject of unsent PFC invalid",
	  OPTS(1, 4, 0x05, 0x78, 7, 2),
	  .rej = true, .ret = -EINVAL, SAME_CR },
	/* each option we sent may be Rejected once */
	{ .desc = "Reject of MRU twice invalid",
	  OPTS(1, 4, 0x05, 0x78, 1, 4, 0x05, 0x78),
	  .rej = true, .ret = -EINVAL, SAME_CR },
	/* framing: a lone byte after the option */
	{ .desc = "Reject with stray byte invalid",
	  OPTS(1, 4, 0x05, 0x78, 2),
	  .rej = true, .ret = -EINVAL, SAME_CR },
};

static void lcp_nak_case_desc(const struct lcp_nak_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lcp_nak, lcp_nak_cases, lcp_nak_case_desc);

static void lcp_test_recv_nak(struct kunit *test)
{
	const struct lcp_nak_case *c = test->param_value;
	struct lcp_ctx *ctx = lcp_ctx_sent(test);
	struct ipcp_neg_fsm *f = &ctx->lcp.fsm;
	u8 buf[IPCP_NEG_LCP_CR_MAX];
	unsigned int len;

	KUNIT_EXPECT_EQ(test, ipcp_neg_lcp_recv_nak(f, c->opts, c->len, c->rej),
			c->ret);
	len = ipcp_neg_lcp_build_cr(f, buf, sizeof(buf));
	lcp_expect_bytes(test, buf, len, c->cr, c->cr_len);
}

/* Protocol-Reject, Echo, Discard */

struct lcp_ext_case {
	const char *desc;
	u8 code;
	u8 data[8];
	unsigned int len;
	bool not_opened;	/* in Req-Sent instead of Opened */
	int ret;
	u16 protrej;		/* proto_rej's argument, 0: not called */
	unsigned int echo_missed;	/* after; it starts at 3 */
	u32 malformed;
	u32 discarded;
	u32 echo_replies;
	u32 loop_echo;
	u32 discard_reqs;
};

#define DATA(...)	.data = { __VA_ARGS__ }, \
			.len = sizeof((u8[]){ __VA_ARGS__ })

static const struct lcp_ext_case lcp_ext_cases[] = {
	{ .desc = "Protocol-Reject of IPCP", .code = IPCP_NEG_PROTREJ,
	  DATA(0x80, 0x21, 1, 6, 0, 4), .ret = IPCP_NEG_EV_RXJ_PLUS,
	  .protrej = IPCP_NEG_PROTO_IPCP, .echo_missed = 3 },
	{ .desc = "Protocol-Reject of IPv6CP, no info",
	  .code = IPCP_NEG_PROTREJ, DATA(0x80, 0x57),
	  .ret = IPCP_NEG_EV_RXJ_PLUS, .protrej = 0x8057, .echo_missed = 3 },
	{ .desc = "Protocol-Reject of LCP", .code = IPCP_NEG_PROTREJ,
	  DATA(0xc0, 0x21, 1, 2), .ret = IPCP_NEG_EV_RXJ_MINUS,
	  .echo_missed = 3 },
	/* one byte cannot hold the rejected protocol */
	{ .desc = "Protocol-Reject of 1 byte dropped",
	  .code = IPCP_NEG_PROTREJ, DATA(0x80), .ret = IPCP_NEG_EV_COUNT,
	  .echo_missed = 3, .malformed = 1 },
	/* RFC 1661 5.7: only in Opened */
	{ .desc = "Protocol-Reject in Req-Sent discarded",
	  .code = IPCP_NEG_PROTREJ, DATA(0x80, 0x21), .not_opened = true,
	  .ret = IPCP_NEG_EV_COUNT, .echo_missed = 3, .discarded = 1 },
	{ .desc = "Echo-Request gives RXR", .code = IPCP_NEG_ECHOREQ,
	  DATA(0xde, 0xad, 0xbe, 0xef, 'x'), .ret = IPCP_NEG_EV_RXR,
	  .echo_missed = 3 },
	/* our own magic came back: the line is looped */
	{ .desc = "Echo-Request with our magic: loop",
	  .code = IPCP_NEG_ECHOREQ, DATA(0x11, 0x11, 0x11, 0x11),
	  .ret = IPCP_NEG_EV_RXR, .echo_missed = 3, .loop_echo = 1 },
	/* outside Opened the automaton ignores it: nothing counted */
	{ .desc = "Echo-Request with our magic in Req-Sent",
	  .code = IPCP_NEG_ECHOREQ, DATA(0x11, 0x11, 0x11, 0x11),
	  .not_opened = true, .ret = IPCP_NEG_EV_RXR, .echo_missed = 3 },
	/* three bytes cannot hold the magic number */
	{ .desc = "Echo-Request of 3 bytes dropped",
	  .code = IPCP_NEG_ECHOREQ, DATA(0xde, 0xad, 0xbe),
	  .ret = IPCP_NEG_EV_COUNT, .echo_missed = 3, .malformed = 1 },
	{ .desc = "Echo-Reply resets missed", .code = IPCP_NEG_ECHOREP,
	  DATA(0xde, 0xad, 0xbe, 0xef), .ret = IPCP_NEG_EV_COUNT,
	  .echo_replies = 1 },
	/* our own magic came back: the line is looped */
	{ .desc = "Echo-Reply with our magic: loop",
	  .code = IPCP_NEG_ECHOREP, DATA(0x11, 0x11, 0x11, 0x11, 0),
	  .ret = IPCP_NEG_EV_COUNT, .echo_missed = 3, .loop_echo = 1 },
	/* two bytes cannot hold the magic number */
	{ .desc = "Echo-Reply of 2 bytes dropped", .code = IPCP_NEG_ECHOREP,
	  DATA(0xde, 0xad), .ret = IPCP_NEG_EV_COUNT, .echo_missed = 3,
	  .malformed = 1 },
	/* RFC 1661 5.8: only in Opened */
	{ .desc = "Echo-Reply in Req-Sent discarded",
	  .code = IPCP_NEG_ECHOREP, DATA(0xde, 0xad, 0xbe, 0xef),
	  .not_opened = true,
	  .ret = IPCP_NEG_EV_COUNT, .echo_missed = 3, .discarded = 1 },
	{ .desc = "Discard-Request counted", .code = IPCP_NEG_DISCREQ,
	  DATA(0xde, 0xad, 0xbe, 0xef, 'z'), .ret = IPCP_NEG_EV_COUNT,
	  .echo_missed = 3,
	  .discard_reqs = 1 },
	/* no room for the magic number */
	{ .desc = "empty Discard-Request dropped", .code = IPCP_NEG_DISCREQ,
	  .ret = IPCP_NEG_EV_COUNT, .echo_missed = 3, .malformed = 1 },
	/* not an LCP code: the automaton sends Code-Reject */
	{ .desc = "code 12 unknown", .code = 12, DATA(1, 2, 3, 4),
	  .ret = -1, .echo_missed = 3 },
};

static void lcp_ext_case_desc(const struct lcp_ext_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lcp_ext, lcp_ext_cases, lcp_ext_case_desc);

static void lcp_test_extcode(struct kunit *test)
{
	const struct lcp_ext_case *c = test->param_value;
	struct lcp_ctx *ctx = lcp_ctx_opened(test);
	struct ipcp_neg_lcp *lcp = &ctx->lcp;
	int ret;

	ctx->lcp.proto_rej = lcp_t_proto_rej;
	if (c->not_opened)
		lcp->fsm.state = IPCP_NEG_ST_REQSENT;
	lcp->echo_missed = 3;
	ret = ipcp_neg_lcp_extcode(&lcp->fsm, c->code, 9, c->data, c->len);
	KUNIT_EXPECT_EQ(test, ret, c->ret);
	KUNIT_EXPECT_EQ(test, ctx->nprotrej, c->protrej ? 1U : 0U);
	KUNIT_EXPECT_EQ(test, ctx->protrej, c->protrej);
	KUNIT_EXPECT_EQ(test, lcp->echo_missed, c->echo_missed);
	KUNIT_EXPECT_EQ(test, lcp->fsm.stats.malformed, c->malformed);
	KUNIT_EXPECT_EQ(test, lcp->fsm.stats.discarded, c->discarded);
	KUNIT_EXPECT_EQ(test, lcp->stats.echo_replies, c->echo_replies);
	KUNIT_EXPECT_EQ(test, lcp->stats.loop_echo, c->loop_echo);
	KUNIT_EXPECT_EQ(test, lcp->stats.discard_reqs, c->discard_reqs);
	/* extcode itself never sends */
	KUNIT_EXPECT_EQ(test, ctx->nxmit, 0U);
}

static struct kunit_case lcp_test_cases[] = {
	KUNIT_CASE_PARAM(lcp_test_recv_cr, lcp_cr_gen_params),
	KUNIT_CASE_PARAM(lcp_test_framing, lcp_frame_gen_params),
	KUNIT_CASE_PARAM(lcp_test_recv_nak, lcp_nak_gen_params),
	KUNIT_CASE_PARAM(lcp_test_extcode, lcp_ext_gen_params),
	KUNIT_CASE(lcp_test_build_cr_default),
	KUNIT_CASE(lcp_test_build_cr_conf),
	KUNIT_CASE(lcp_test_recv_ack),
	KUNIT_CASE(lcp_test_his),
	KUNIT_CASE(lcp_test_loopback),
	KUNIT_CASE(lcp_test_ser),
	KUNIT_CASE(lcp_test_ser_truncated),
	KUNIT_CASE(lcp_test_send_echo),
	KUNIT_CASE(lcp_test_send_protrej),
	KUNIT_CASE(lcp_test_codec_ops),
	KUNIT_CASE(lcp_test_echo_req_looped),
	KUNIT_CASE(lcp_test_looped_line),
	{}
};

static struct kunit_suite lcp_test_suite = {
	.name = "ipcp_neg_lcp",
	.test_cases = lcp_test_cases,
};

kunit_test_suite(lcp_test_suite);
