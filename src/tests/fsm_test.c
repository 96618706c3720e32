// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the RFC 1661 option-negotiation automaton: all 160 cells
 * of the state transition table (section 4.1), the restart timer and
 * counters (section 4.6), and the handling of received packets.
 *
 * The expected table below is typed from the RFC independently of fsm.c's
 * table, one row per cell, in the RFC's own notation.
 */

#include "fsm_test.h"

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

const struct ipcp_neg_fsm_ops fsm_fake_ops = {
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
const u8 our_opts[6] = { 3, 6, 10, 0, 0, 1 };
/* The peer's: IP-Address 10.0.0.2 */
const u8 peer_opts[6] = { 3, 6, 10, 0, 0, 2 };

static int fsm_test_init(struct kunit *test)
{
	struct fsm_ctx *ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, ctx);
	ctx->ops = fsm_fake_ops;
	ipcp_neg_fsm_init(&ctx->f, &ctx->ops, &ctx->fk);
	memcpy(ctx->fk.cfg.cr_opts, our_opts, sizeof(our_opts));
	ctx->fk.cfg.cr_len = sizeof(our_opts);
	ctx->fk.cfg.verdict = IPCP_NEG_CONFACK;
	ctx->fk.cfg.ext_ret = -1;
	test->priv = ctx;
	return 0;
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

/* ------------------------------------------------------------------ */
/* Received packets with a bad header (the others: fsm_rx_test.c)     */

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
