// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the RFC 1661 option-negotiation automaton: all 160 cells
 * of the state transition table (section 4.1), the restart timer and
 * counters (section 4.6), and the handling of received packets.
 *
 * The expected table below is typed from the RFC independently of fsm.c's
 * table, one row per cell, in the RFC's own notation.
 */

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

static struct fake_rec *rec(struct ipcp_neg_fsm *f)
{
	return &((struct fake *)f->priv)->rec;
}

static struct fake_cfg *cfg(struct ipcp_neg_fsm *f)
{
	return &((struct fake *)f->priv)->cfg;
}

static void fake_log(struct ipcp_neg_fsm *f, u16 act)
{
	struct fake_rec *r = rec(f);

	if (r->nlog < FAKE_MAX_LOG)
		r->log[r->nlog++] = act;
	else
		r->overflow = true;
}

static void fake_tlu(struct ipcp_neg_fsm *f)
{
	fake_log(f, IPCP_NEG_ACT_TLU);
}

static void fake_tld(struct ipcp_neg_fsm *f)
{
	fake_log(f, IPCP_NEG_ACT_TLD);
}

static void fake_tls(struct ipcp_neg_fsm *f)
{
	fake_log(f, IPCP_NEG_ACT_TLS);
}

static void fake_tlf(struct ipcp_neg_fsm *f)
{
	fake_log(f, IPCP_NEG_ACT_TLF);
}

/* The action that sends a packet of this code */
static u16 code_act(u8 code)
{
	switch (code) {
	case IPCP_NEG_CONFREQ:
		return IPCP_NEG_ACT_SCR;
	case IPCP_NEG_CONFACK:
		return IPCP_NEG_ACT_SCA;
	case IPCP_NEG_CONFNAK:
	case IPCP_NEG_CONFREJ:
		return IPCP_NEG_ACT_SCN;
	case IPCP_NEG_TERMREQ:
		return IPCP_NEG_ACT_STR;
	case IPCP_NEG_TERMACK:
		return IPCP_NEG_ACT_STA;
	case IPCP_NEG_CODEREJ:
		return IPCP_NEG_ACT_SCJ;
	default:
		return 0;
	}
}

static void fake_xmit(struct ipcp_neg_fsm *f, u8 code, u8 id,
		      const u8 *data, unsigned int len)
{
	struct fake_rec *r = rec(f);
	struct fake_tx *t;

	fake_log(f, code_act(code));
	if (r->ntx >= FAKE_MAX_TX || len > sizeof(t->data)) {
		r->overflow = true;
		return;
	}
	t = &r->tx[r->ntx++];
	t->code = code;
	t->id = id;
	t->len = len;
	if (len)
		memcpy(t->data, data, len);
}

static void fake_timer_start(struct ipcp_neg_fsm *f, unsigned int ms)
{
	rec(f)->timer_starts++;
	rec(f)->timer_ms = ms;
}

static void fake_timer_stop(struct ipcp_neg_fsm *f)
{
	rec(f)->timer_stops++;
}

static void fake_reset_ci(struct ipcp_neg_fsm *f)
{
	rec(f)->reset_ci++;
	rec(f)->reset_seq = ++rec(f)->seq;
}

static unsigned int fake_build_cr(struct ipcp_neg_fsm *f, u8 *buf,
				  unsigned int size)
{
	unsigned int n = min_t(unsigned int, cfg(f)->cr_len,
			       sizeof(cfg(f)->cr_opts));

	rec(f)->build_size = size;
	memcpy(buf, cfg(f)->cr_opts, min(n, size));
	return cfg(f)->cr_len;
}

static u8 fake_recv_cr(struct ipcp_neg_fsm *f, const u8 *opts,
		       unsigned int len, u8 *reply, unsigned int *reply_len,
		       bool reject_if_disagree)
{
	struct fake_rec *r = rec(f);
	struct fake_cfg *c = cfg(f);

	r->recv_cr++;
	r->recv_cr_seq = ++r->seq;
	r->rid = reject_if_disagree;
	r->recv_cr_len = len;
	memcpy(r->recv_cr_opts, opts, min_t(unsigned int, len,
					    sizeof(r->recv_cr_opts)));
	memcpy(reply, c->reply, c->reply_len);
	*reply_len = c->reply_len;
	if (reject_if_disagree && c->verdict_rid)
		return c->verdict_rid;
	return c->verdict;
}

static int fake_recv_ack(struct ipcp_neg_fsm *f, const u8 *opts,
			 unsigned int len)
{
	rec(f)->recv_ack++;
	return cfg(f)->ack_ret;
}

static int fake_recv_nak(struct ipcp_neg_fsm *f, const u8 *opts,
			 unsigned int len, bool rej)
{
	rec(f)->recv_nak++;
	rec(f)->rej = rej;
	return cfg(f)->nak_ret;
}

static int fake_extcode(struct ipcp_neg_fsm *f, u8 code, u8 id,
			const u8 *data, unsigned int len)
{
	rec(f)->ext++;
	rec(f)->ext_code = code;
	return cfg(f)->ext_ret;
}

static void fake_ser(struct ipcp_neg_fsm *f, u8 id, const u8 *data,
		     unsigned int len)
{
	struct fake_rec *r = rec(f);

	fake_log(f, IPCP_NEG_ACT_SER);
	r->ser++;
	r->ser_id = id;
	r->ser_len = len;
	if (len)
		memcpy(r->ser_data, data, min_t(unsigned int, len,
						sizeof(r->ser_data)));
}

static const struct ipcp_neg_fsm_ops fake_ops = {
	.name = "FAKE",
	.tlu = fake_tlu,
	.tld = fake_tld,
	.tls = fake_tls,
	.tlf = fake_tlf,
	.xmit = fake_xmit,
	.timer_start = fake_timer_start,
	.timer_stop = fake_timer_stop,
	.reset_ci = fake_reset_ci,
	.build_cr = fake_build_cr,
	.recv_cr = fake_recv_cr,
	.recv_ack = fake_recv_ack,
	.recv_nak = fake_recv_nak,
	.extcode = fake_extcode,
	.ser = fake_ser,
};

/* Our Configure-Request options: IP-Address 10.0.0.1 */
static const u8 our_opts[] = { 3, 6, 10, 0, 0, 1 };
/* The peer's: IP-Address 10.0.0.2 */
static const u8 peer_opts[] = { 3, 6, 10, 0, 0, 2 };

static int fsm_test_init(struct kunit *test)
{
	struct fsm_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->ops = fake_ops;
	ipcp_neg_fsm_init(&ctx->f, &ctx->ops, &ctx->fk);
	memcpy(ctx->fk.cfg.cr_opts, our_opts, sizeof(our_opts));
	ctx->fk.cfg.cr_len = sizeof(our_opts);
	ctx->fk.cfg.verdict = IPCP_NEG_CONFACK;
	ctx->fk.cfg.ext_ret = -1;
	test->priv = ctx;
	return 0;
}

static void fake_clear(struct ipcp_neg_fsm *f)
{
	memset(rec(f), 0, sizeof(struct fake_rec));
}

static struct ipcp_neg_fsm *test_fsm(struct kunit *test)
{
	return &((struct fsm_ctx *)test->priv)->f;
}

/* Feed @len bytes from an allocation of exactly that size (for KASAN) */
static void feed(struct kunit *test, struct ipcp_neg_fsm *f, const u8 *bytes,
		 unsigned int len)
{
	u8 *p = kunit_kmalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, p);
	memcpy(p, bytes, len);
	ipcp_neg_fsm_input(f, p, len);
}

static void feed_pkt(struct kunit *test, struct ipcp_neg_fsm *f, u8 code,
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

static void expect_tx(struct kunit *test, const struct fake_tx *t, u8 code,
		      u8 id, const u8 *data, unsigned int len)
{
	KUNIT_EXPECT_EQ(test, t->code, code);
	KUNIT_EXPECT_EQ(test, t->id, id);
	KUNIT_ASSERT_EQ(test, t->len, len);
	if (len)
		KUNIT_EXPECT_EQ(test, memcmp(t->data, data, len), 0);
}

/* Open, Up: Req-Sent with our first Configure-Request out */
static void to_reqsent(struct kunit *test, struct ipcp_neg_fsm *f)
{
	ipcp_neg_fsm_open(f);
	ipcp_neg_fsm_up(f);
	KUNIT_ASSERT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
	fake_clear(f);
}

/* ... then the peer's request is Acked and ours too: Opened */
static void to_opened(struct kunit *test, struct ipcp_neg_fsm *f)
{
	to_reqsent(test, f);
	feed_pkt(test, f, IPCP_NEG_CONFREQ, 0x10, peer_opts,
		 sizeof(peer_opts));
	feed_pkt(test, f, IPCP_NEG_CONFACK, f->id, our_opts, sizeof(our_opts));
	KUNIT_ASSERT_EQ(test, f->state, IPCP_NEG_ST_OPENED);
	fake_clear(f);
}

/* ------------------------------------------------------------------ */
/* The state transition table, cell by cell                            */

static const char * const rfc_states[] = {
	"Initial", "Starting", "Closed", "Stopped", "Closing", "Stopping",
	"Req-Sent", "Ack-Rcvd", "Ack-Sent", "Opened",
};

static const char * const rfc_events[] = {
	"Up", "Down", "Open", "Close", "TO+", "TO-", "RCR+", "RCR-", "RCA",
	"RCN", "RTR", "RTA", "RUC", "RXJ+", "RXJ-", "RXR",
};

struct cell_case {
	u8 st;
	u8 ev;
	const char *cell;	/* as printed in RFC 1661 section 4.1 */
};

#define CELL(s, e, c) { IPCP_NEG_ST_##s, IPCP_NEG_EV_##e, c }

static const struct cell_case cell_cases[] = {
	CELL(INITIAL, UP, "2"),
	CELL(STARTING, UP, "irc,scr/6"),
	CELL(CLOSED, UP, "-"),
	CELL(STOPPED, UP, "-"),
	CELL(CLOSING, UP, "-"),
	CELL(STOPPING, UP, "-"),
	CELL(REQSENT, UP, "-"),
	CELL(ACKRCVD, UP, "-"),
	CELL(ACKSENT, UP, "-"),
	CELL(OPENED, UP, "-"),

	CELL(INITIAL, DOWN, "-"),
	CELL(STARTING, DOWN, "-"),
	CELL(CLOSED, DOWN, "0"),
	CELL(STOPPED, DOWN, "tls/1"),
	CELL(CLOSING, DOWN, "0"),
	CELL(STOPPING, DOWN, "1"),
	CELL(REQSENT, DOWN, "1"),
	CELL(ACKRCVD, DOWN, "1"),
	CELL(ACKSENT, DOWN, "1"),
	CELL(OPENED, DOWN, "tld/1"),

	CELL(INITIAL, OPEN, "tls/1"),
	CELL(STARTING, OPEN, "1"),
	CELL(CLOSED, OPEN, "irc,scr/6"),
	CELL(STOPPED, OPEN, "3r"),
	CELL(CLOSING, OPEN, "5r"),
	CELL(STOPPING, OPEN, "5r"),
	CELL(REQSENT, OPEN, "6"),
	CELL(ACKRCVD, OPEN, "7"),
	CELL(ACKSENT, OPEN, "8"),
	CELL(OPENED, OPEN, "9r"),

	CELL(INITIAL, CLOSE, "0"),
	CELL(STARTING, CLOSE, "tlf/0"),
	CELL(CLOSED, CLOSE, "2"),
	CELL(STOPPED, CLOSE, "2"),
	CELL(CLOSING, CLOSE, "4"),
	CELL(STOPPING, CLOSE, "4"),
	CELL(REQSENT, CLOSE, "irc,str/4"),
	CELL(ACKRCVD, CLOSE, "irc,str/4"),
	CELL(ACKSENT, CLOSE, "irc,str/4"),
	CELL(OPENED, CLOSE, "tld,irc,str/4"),

	CELL(INITIAL, TO_PLUS, "-"),
	CELL(STARTING, TO_PLUS, "-"),
	CELL(CLOSED, TO_PLUS, "-"),
	CELL(STOPPED, TO_PLUS, "-"),
	CELL(CLOSING, TO_PLUS, "str/4"),
	CELL(STOPPING, TO_PLUS, "str/5"),
	CELL(REQSENT, TO_PLUS, "scr/6"),
	CELL(ACKRCVD, TO_PLUS, "scr/6"),
	CELL(ACKSENT, TO_PLUS, "scr/8"),
	CELL(OPENED, TO_PLUS, "-"),

	CELL(INITIAL, TO_MINUS, "-"),
	CELL(STARTING, TO_MINUS, "-"),
	CELL(CLOSED, TO_MINUS, "-"),
	CELL(STOPPED, TO_MINUS, "-"),
	CELL(CLOSING, TO_MINUS, "tlf/2"),
	CELL(STOPPING, TO_MINUS, "tlf/3"),
	CELL(REQSENT, TO_MINUS, "tlf/3p"),
	CELL(ACKRCVD, TO_MINUS, "tlf/3p"),
	CELL(ACKSENT, TO_MINUS, "tlf/3p"),
	CELL(OPENED, TO_MINUS, "-"),

	CELL(INITIAL, RCR_PLUS, "-"),
	CELL(STARTING, RCR_PLUS, "-"),
	CELL(CLOSED, RCR_PLUS, "sta/2"),
	CELL(STOPPED, RCR_PLUS, "irc,scr,sca/8"),
	CELL(CLOSING, RCR_PLUS, "4"),
	CELL(STOPPING, RCR_PLUS, "5"),
	CELL(REQSENT, RCR_PLUS, "sca/8"),
	CELL(ACKRCVD, RCR_PLUS, "sca,tlu/9"),
	CELL(ACKSENT, RCR_PLUS, "sca/8"),
	CELL(OPENED, RCR_PLUS, "tld,scr,sca/8"),

	CELL(INITIAL, RCR_MINUS, "-"),
	CELL(STARTING, RCR_MINUS, "-"),
	CELL(CLOSED, RCR_MINUS, "sta/2"),
	CELL(STOPPED, RCR_MINUS, "irc,scr,scn/6"),
	CELL(CLOSING, RCR_MINUS, "4"),
	CELL(STOPPING, RCR_MINUS, "5"),
	CELL(REQSENT, RCR_MINUS, "scn/6"),
	CELL(ACKRCVD, RCR_MINUS, "scn/7"),
	CELL(ACKSENT, RCR_MINUS, "scn/6"),
	CELL(OPENED, RCR_MINUS, "tld,scr,scn/6"),

	CELL(INITIAL, RCA, "-"),
	CELL(STARTING, RCA, "-"),
	CELL(CLOSED, RCA, "sta/2"),
	CELL(STOPPED, RCA, "sta/3"),
	CELL(CLOSING, RCA, "4"),
	CELL(STOPPING, RCA, "5"),
	CELL(REQSENT, RCA, "irc/7"),
	CELL(ACKRCVD, RCA, "scr/6x"),
	CELL(ACKSENT, RCA, "irc,tlu/9"),
	CELL(OPENED, RCA, "tld,scr/6x"),

	CELL(INITIAL, RCN, "-"),
	CELL(STARTING, RCN, "-"),
	CELL(CLOSED, RCN, "sta/2"),
	CELL(STOPPED, RCN, "sta/3"),
	CELL(CLOSING, RCN, "4"),
	CELL(STOPPING, RCN, "5"),
	CELL(REQSENT, RCN, "irc,scr/6"),
	CELL(ACKRCVD, RCN, "scr/6x"),
	CELL(ACKSENT, RCN, "irc,scr/8"),
	CELL(OPENED, RCN, "tld,scr/6x"),

	CELL(INITIAL, RTR, "-"),
	CELL(STARTING, RTR, "-"),
	CELL(CLOSED, RTR, "sta/2"),
	CELL(STOPPED, RTR, "sta/3"),
	CELL(CLOSING, RTR, "sta/4"),
	CELL(STOPPING, RTR, "sta/5"),
	CELL(REQSENT, RTR, "sta/6"),
	CELL(ACKRCVD, RTR, "sta/6"),
	CELL(ACKSENT, RTR, "sta/6"),
	CELL(OPENED, RTR, "tld,zrc,sta/5"),

	CELL(INITIAL, RTA, "-"),
	CELL(STARTING, RTA, "-"),
	CELL(CLOSED, RTA, "2"),
	CELL(STOPPED, RTA, "3"),
	CELL(CLOSING, RTA, "tlf/2"),
	CELL(STOPPING, RTA, "tlf/3"),
	CELL(REQSENT, RTA, "6"),
	CELL(ACKRCVD, RTA, "6"),
	CELL(ACKSENT, RTA, "8"),
	CELL(OPENED, RTA, "tld,scr/6"),

	CELL(INITIAL, RUC, "-"),
	CELL(STARTING, RUC, "-"),
	CELL(CLOSED, RUC, "scj/2"),
	CELL(STOPPED, RUC, "scj/3"),
	CELL(CLOSING, RUC, "scj/4"),
	CELL(STOPPING, RUC, "scj/5"),
	CELL(REQSENT, RUC, "scj/6"),
	CELL(ACKRCVD, RUC, "scj/7"),
	CELL(ACKSENT, RUC, "scj/8"),
	CELL(OPENED, RUC, "scj/9"),

	CELL(INITIAL, RXJ_PLUS, "-"),
	CELL(STARTING, RXJ_PLUS, "-"),
	CELL(CLOSED, RXJ_PLUS, "2"),
	CELL(STOPPED, RXJ_PLUS, "3"),
	CELL(CLOSING, RXJ_PLUS, "4"),
	CELL(STOPPING, RXJ_PLUS, "5"),
	CELL(REQSENT, RXJ_PLUS, "6"),
	CELL(ACKRCVD, RXJ_PLUS, "6"),
	CELL(ACKSENT, RXJ_PLUS, "8"),
	CELL(OPENED, RXJ_PLUS, "9"),

	CELL(INITIAL, RXJ_MINUS, "-"),
	CELL(STARTING, RXJ_MINUS, "-"),
	CELL(CLOSED, RXJ_MINUS, "tlf/2"),
	CELL(STOPPED, RXJ_MINUS, "tlf/3"),
	CELL(CLOSING, RXJ_MINUS, "tlf/2"),
	CELL(STOPPING, RXJ_MINUS, "tlf/3"),
	CELL(REQSENT, RXJ_MINUS, "tlf/3"),
	CELL(ACKRCVD, RXJ_MINUS, "tlf/3"),
	CELL(ACKSENT, RXJ_MINUS, "tlf/3"),
	CELL(OPENED, RXJ_MINUS, "tld,irc,str/5"),

	CELL(INITIAL, RXR, "-"),
	CELL(STARTING, RXR, "-"),
	CELL(CLOSED, RXR, "2"),
	CELL(STOPPED, RXR, "3"),
	CELL(CLOSING, RXR, "4"),
	CELL(STOPPING, RXR, "5"),
	CELL(REQSENT, RXR, "6"),
	CELL(ACKRCVD, RXR, "7"),
	CELL(ACKSENT, RXR, "8"),
	CELL(OPENED, RXR, "ser/9"),
};

static void cell_desc(const struct cell_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s/%s", rfc_states[c->st],
		 rfc_events[c->ev]);
}

KUNIT_ARRAY_PARAM(cell, cell_cases, cell_desc);

static const struct {
	const char *name;
	u16 bit;
} rfc_actions[] = {
	{ "tlu", IPCP_NEG_ACT_TLU }, { "tld", IPCP_NEG_ACT_TLD },
	{ "tls", IPCP_NEG_ACT_TLS }, { "tlf", IPCP_NEG_ACT_TLF },
	{ "irc", IPCP_NEG_ACT_IRC }, { "zrc", IPCP_NEG_ACT_ZRC },
	{ "scr", IPCP_NEG_ACT_SCR }, { "sca", IPCP_NEG_ACT_SCA },
	{ "scn", IPCP_NEG_ACT_SCN }, { "str", IPCP_NEG_ACT_STR },
	{ "sta", IPCP_NEG_ACT_STA }, { "scj", IPCP_NEG_ACT_SCJ },
	{ "ser", IPCP_NEG_ACT_SER },
};

/* A cell of the RFC's table, parsed */
struct cell_exp {
	bool illegal;
	u8 next;
	char note;		/* 'r', 'p', 'x' or 0 */
	u16 acts;		/* every action */
	u16 seen[6];		/* those a callback reveals, in printed order */
	unsigned int nseen;
};

static u16 parse_action(struct kunit *test, const char *s, size_t n)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(rfc_actions); i++)
		if (n == 3 && !strncmp(s, rfc_actions[i].name, 3))
			return rfc_actions[i].bit;
	KUNIT_FAIL(test, "unknown action '%.*s'", (int)n, s);
	return 0;
}

/* "act,act/N" or "N", N optionally followed by a footnote letter */
static void parse_cell(struct kunit *test, const char *s, struct cell_exp *e)
{
	const char *slash = strchr(s, '/'), *p = s, *end;
	u16 bit;

	memset(e, 0, sizeof(*e));
	if (!strcmp(s, "-")) {
		e->illegal = true;
		return;
	}
	while (slash && p < slash) {
		end = strchrnul(p, ',');
		if (end > slash)
			end = slash;
		bit = parse_action(test, p, end - p);
		e->acts |= bit;
		if (bit != IPCP_NEG_ACT_IRC && bit != IPCP_NEG_ACT_ZRC) {
			KUNIT_ASSERT_LT(test, e->nseen, ARRAY_SIZE(e->seen));
			e->seen[e->nseen++] = bit;
		}
		p = end + 1;
	}
	KUNIT_ASSERT_TRUE(test, *p >= '0' && *p <= '9');
	e->next = *p - '0';
	e->note = p[1];
	KUNIT_ASSERT_TRUE(test, !e->note || strchr("rpx", e->note));
}

/* RFC 1661 section 4.2: the states where the restart timer runs */
static bool rfc_timer_runs(u8 st)
{
	return st == IPCP_NEG_ST_CLOSING || st == IPCP_NEG_ST_STOPPING ||
	       st == IPCP_NEG_ST_REQSENT || st == IPCP_NEG_ST_ACKRCVD ||
	       st == IPCP_NEG_ST_ACKSENT;
}

static void expect_illegal(struct kunit *test, struct ipcp_neg_fsm *f,
			   const struct cell_case *c, int ret)
{
	struct fake_rec *r = rec(f);

	KUNIT_EXPECT_EQ(test, ret, -EINVAL);
	KUNIT_EXPECT_EQ(test, f->state, c->st);
	KUNIT_EXPECT_EQ(test, f->stats.illegal, 1U);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
	KUNIT_EXPECT_EQ(test, r->timer_starts, 0U);
	KUNIT_EXPECT_EQ(test, r->timer_stops, 0U);
	KUNIT_EXPECT_EQ(test, f->restart_count, 5U);
	KUNIT_EXPECT_EQ(test, f->id, 0x40);
}

/* The identifier each packet sent by a cell must carry */
static void expect_cell_ids(struct kunit *test, struct ipcp_neg_fsm *f,
			    const struct cell_case *c)
{
	const struct fake_rec *r = rec(f);
	u8 req_id = c->ev == IPCP_NEG_EV_TO_PLUS ? 0x40 : 0x41;
	unsigned int i;

	for (i = 0; i < r->ntx; i++) {
		switch (r->tx[i].code) {
		case IPCP_NEG_CONFREQ:
		case IPCP_NEG_TERMREQ:
			KUNIT_EXPECT_EQ(test, r->tx[i].id, req_id);
			KUNIT_EXPECT_EQ(test, f->id, req_id);
			break;
		case IPCP_NEG_CODEREJ:	/* a new id, f->id untouched */
			KUNIT_EXPECT_EQ(test, r->tx[i].id, 0x41);
			KUNIT_EXPECT_EQ(test, f->id, 0x40);
			break;
		default:		/* a reply, and no packet to reply to */
			KUNIT_EXPECT_EQ(test, r->tx[i].id, 0);
		}
	}
}

static void expect_cell_counter(struct kunit *test, struct ipcp_neg_fsm *f,
				const struct cell_exp *e)
{
	unsigned int sends = !!(e->acts & IPCP_NEG_ACT_SCR) +
			     !!(e->acts & IPCP_NEG_ACT_STR);
	unsigned int want = 5;

	if (e->acts & IPCP_NEG_ACT_IRC)
		want = e->acts & IPCP_NEG_ACT_STR ? 3 : 7;
	want -= sends;
	if (e->acts & IPCP_NEG_ACT_ZRC)
		want = 0;
	KUNIT_EXPECT_EQ(test, f->restart_count, want);
}

static void expect_cell_timer(struct kunit *test, struct ipcp_neg_fsm *f,
			      const struct cell_case *c,
			      const struct cell_exp *e)
{
	const struct fake_rec *r = rec(f);
	unsigned int starts = !!(e->acts & IPCP_NEG_ACT_SCR) +
			      !!(e->acts & IPCP_NEG_ACT_STR) +
			      !!(e->acts & IPCP_NEG_ACT_ZRC);
	bool stop = rfc_timer_runs(c->st) && !rfc_timer_runs(e->next);

	KUNIT_EXPECT_EQ(test, r->timer_starts, starts);
	if (starts)
		KUNIT_EXPECT_EQ(test, r->timer_ms, 1234U);
	KUNIT_EXPECT_EQ(test, r->timer_stops, stop ? 1U : 0U);
}

/* One cell: the lookup and the applied event, against the RFC's text */
static void fsm_cell_test(struct kunit *test)
{
	const struct cell_case *c = test->param_value;
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	struct cell_exp e;
	unsigned int i;
	u16 acts;
	u8 next;
	int ret;

	parse_cell(test, c->cell, &e);
	acts = ipcp_neg_fsm_transition(c->st, c->ev, &next);
	KUNIT_EXPECT_EQ(test, acts, e.acts);
	KUNIT_EXPECT_EQ(test, next, e.illegal ? IPCP_NEG_ST_COUNT : e.next);

	f->conf.restart_ms = 1234;
	f->conf.max_configure = 7;
	f->conf.max_terminate = 3;
	f->state = c->st;
	f->id = 0x40;
	f->next_id = 0x41;
	f->restart_count = 5;
	ret = ipcp_neg_fsm_event(f, c->ev);
	if (e.illegal) {
		expect_illegal(test, f, c, ret);
		return;
	}

	KUNIT_EXPECT_EQ(test, ret, 0);
	KUNIT_EXPECT_EQ(test, f->state, e.next);
	KUNIT_EXPECT_EQ(test, f->stats.illegal, 0U);
	KUNIT_EXPECT_FALSE(test, r->overflow);
	KUNIT_ASSERT_EQ(test, r->nlog, e.nseen);
	for (i = 0; i < e.nseen; i++)
		KUNIT_EXPECT_EQ_MSG(test, r->log[i], e.seen[i], "action %u", i);
	expect_cell_ids(test, f, c);
	expect_cell_counter(test, f, &e);
	expect_cell_timer(test, f, c, &e);
}

/* ------------------------------------------------------------------ */
/* Names, defaults, lookups                                            */

static void fsm_names(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(rfc_states); i++)
		KUNIT_EXPECT_STREQ(test, ipcp_neg_fsm_state_name(i),
				   rfc_states[i]);
	for (i = 0; i < ARRAY_SIZE(rfc_events); i++)
		KUNIT_EXPECT_STREQ(test, ipcp_neg_fsm_event_name(i),
				   rfc_events[i]);
	for (i = IPCP_NEG_ST_COUNT; i < 256; i++)
		KUNIT_EXPECT_STREQ(test, ipcp_neg_fsm_state_name(i), "?");
	for (i = IPCP_NEG_EV_COUNT; i < 256; i++)
		KUNIT_EXPECT_STREQ(test, ipcp_neg_fsm_event_name(i), "?");
}

static void fsm_init_defaults(struct kunit *test)
{
	struct ipcp_neg_fsm *f = kunit_kmalloc(test, sizeof(*f), GFP_KERNEL);
	struct ipcp_neg_fsm_stats zero = {};
	int priv;

	KUNIT_ASSERT_NOT_NULL(test, f);
	memset(f, 0xa5, sizeof(*f));
	ipcp_neg_fsm_init(f, &fake_ops, &priv);
	KUNIT_EXPECT_PTR_EQ(test, f->ops, &fake_ops);
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

static void fsm_transition_out_of_range(struct kunit *test)
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

static void fsm_open_up_sends_request(struct kunit *test)
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

/* The request is built in (and clamped to) ipcp_neg_fsm_tx_max() - 4 bytes */
static void fsm_request_size_bound(struct kunit *test)
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

static void fsm_max_configure(struct kunit *test)
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

static void fsm_max_terminate(struct kunit *test)
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

static void fsm_retransmit_keeps_id(struct kunit *test)
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

static void fsm_stale_timeout(struct kunit *test)
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

static void fsm_max_failure(struct kunit *test)
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

static void fsm_restart_option(struct kunit *test)
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

/* ------------------------------------------------------------------ */
/* Received packets                                                     */

static void fsm_negotiation(struct kunit *test)
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

struct hdr_case {
	const char *desc;
	u8 data[8];
	unsigned int len;
};

static const struct hdr_case hdr_cases[] = {
	/* nothing at all */
	{ "empty", {}, 0 },
	/* the 4-byte header is cut short */
	{ "1 byte", { 1 }, 1 },
	{ "2 bytes", { 1, 1 }, 2 },
	{ "3 bytes", { 1, 1, 0 }, 3 },
	/* the Length field counts the header, so it is at least 4 */
	{ "length 0", { 1, 1, 0, 0 }, 4 },
	{ "length 3", { 1, 1, 0, 3, 3, 2, 0, 0 }, 8 },
	/* the Length field claims more than was received */
	{ "length 9 of 8", { 1, 1, 0, 9, 3, 6, 0, 0 }, 8 },
	{ "length 65535 of 4", { 1, 1, 0xff, 0xff }, 4 },
	{ "length 5 of 4", { 7, 1, 0, 5 }, 4 },
};

static void hdr_desc(const struct hdr_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hdr, hdr_cases, hdr_desc);

static void fsm_bad_header(struct kunit *test)
{
	const struct hdr_case *c = test->param_value;
	struct ipcp_neg_fsm *f = test_fsm(test);
	const struct fake_rec *r = rec(f);
	struct ipcp_neg_fsm_stats zero = {};

	to_reqsent(test, f);
	feed(test, f, c->data, c->len);
	KUNIT_EXPECT_EQ(test, f->stats.malformed, 1U);
	KUNIT_EXPECT_EQ(test, memcmp(f->stats.rx, zero.rx, sizeof(zero.rx)), 0);
	KUNIT_EXPECT_EQ(test, f->state, IPCP_NEG_ST_REQSENT);
	KUNIT_EXPECT_EQ(test, r->nlog, 0U);
	KUNIT_EXPECT_EQ(test, r->recv_cr, 0U);
}

static void fsm_padding_ignored(struct kunit *test)
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

static void fsm_reply_wrong_id(struct kunit *test)
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

static void fsm_reply_mismatch(struct kunit *test)
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

/* Option framing of a reply is checked before anything else */
static void fsm_reply_bad_framing(struct kunit *test)
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

/* In Closed and Stopped any Configure packet gets a Terminate-Ack */
static void fsm_configure_when_closed(struct kunit *test)
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

static void fsm_reply_when_closing(struct kunit *test)
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

/* Stopped: the peer starts the negotiation (irc,scr,sca/8 or scn/6) */
static void fsm_confreq_in_stopped(struct kunit *test)
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

/*
 * The reply buffer holds the request's options plus IPCP_NEG_REPLY_EXTRA
 * bytes, all usable by recv_cr, and is sized by the request: a 2-byte
 * request does not cost a 1500-byte atomic allocation.
 */
static void fsm_reply_room(struct kunit *test)
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

static void fsm_confreq_bad_framing(struct kunit *test)
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

static void fsm_confreq_bad_verdict(struct kunit *test)
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

static void fsm_drop_when_lower_down(struct kunit *test)
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

static void fsm_unknown_code(struct kunit *test)
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

/* The rejected packet is cut so the Code-Reject fits the peer's MRU */
static void fsm_code_reject_truncated(struct kunit *test)
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

/* Without extcode (IPCP) every code beyond 7 is unknown */
static void fsm_no_extcode(struct kunit *test)
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

static void fsm_extcode_events(struct kunit *test)
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

static void fsm_code_reject(struct kunit *test)
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

static void fsm_termreq_in_opened(struct kunit *test)
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

static void fsm_termack_any_id(struct kunit *test)
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

/*
 * A second Ack or a Nak for a request already answered is a duplicate (the
 * peer answered a retransmission too): discarded, the link stays Opened
 * instead of taking the crossed-connection cells.
 */
static void fsm_duplicate_reply_in_opened(struct kunit *test)
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

/*
 * In Ack-Rcvd a duplicate Ack is discarded; after a retransmission (same
 * identifier) an Ack is fresh again and accepted.
 */
static void fsm_duplicate_ack_then_retransmit(struct kunit *test)
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

/* A renegotiation asked by the peer: tld before reset_ci */
static void fsm_confreq_in_opened(struct kunit *test)
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

/*
 * Random packets in every state: nothing is read past the buffer (KASAN),
 * nothing sent exceeds the MRU, the state stays valid.
 */
static void fsm_random_input(struct kunit *test)
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

static struct kunit_case fsm_test_cases[] = {
	KUNIT_CASE_PARAM(fsm_cell_test, cell_gen_params),
	KUNIT_CASE(fsm_names),
	KUNIT_CASE(fsm_init_defaults),
	KUNIT_CASE(fsm_transition_out_of_range),
	KUNIT_CASE(fsm_open_up_sends_request),
	KUNIT_CASE(fsm_request_size_bound),
	KUNIT_CASE(fsm_max_configure),
	KUNIT_CASE(fsm_max_terminate),
	KUNIT_CASE(fsm_retransmit_keeps_id),
	KUNIT_CASE(fsm_stale_timeout),
	KUNIT_CASE(fsm_max_failure),
	KUNIT_CASE(fsm_restart_option),
	KUNIT_CASE(fsm_negotiation),
	KUNIT_CASE_PARAM(fsm_bad_header, hdr_gen_params),
	KUNIT_CASE(fsm_padding_ignored),
	KUNIT_CASE(fsm_reply_wrong_id),
	KUNIT_CASE(fsm_reply_mismatch),
	KUNIT_CASE(fsm_reply_bad_framing),
	KUNIT_CASE(fsm_configure_when_closed),
	KUNIT_CASE(fsm_reply_when_closing),
	KUNIT_CASE(fsm_confreq_in_stopped),
	KUNIT_CASE(fsm_confreq_bad_framing),
	KUNIT_CASE(fsm_reply_room),
	KUNIT_CASE(fsm_confreq_bad_verdict),
	KUNIT_CASE(fsm_drop_when_lower_down),
	KUNIT_CASE(fsm_unknown_code),
	KUNIT_CASE(fsm_code_reject_truncated),
	KUNIT_CASE(fsm_no_extcode),
	KUNIT_CASE(fsm_extcode_events),
	KUNIT_CASE(fsm_code_reject),
	KUNIT_CASE(fsm_termreq_in_opened),
	KUNIT_CASE(fsm_termack_any_id),
	KUNIT_CASE(fsm_duplicate_reply_in_opened),
	KUNIT_CASE(fsm_duplicate_ack_then_retransmit),
	KUNIT_CASE(fsm_confreq_in_opened),
	KUNIT_CASE(fsm_random_input),
	{}
};

static struct kunit_suite fsm_test_suite = {
	.name = "ipcp_neg_fsm",
	.init = fsm_test_init,
	.test_cases = fsm_test_cases,
};

kunit_test_suite(fsm_test_suite);
