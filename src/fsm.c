// SPDX-License-Identifier: GPL-2.0
/*
 * The RFC 1661 option-negotiation automaton (section 4), shared by LCP and
 * IPCP. A const table holds the 160 cells of the state transition table of
 * section 4.1; ipcp_neg_fsm_event() runs one cell, ipcp_neg_fsm_input()
 * turns a received control packet into an event.
 *
 * Behaviour where the RFC leaves a choice, as implemented here:
 *
 * - An illegal ('-') cell does nothing: no action, state unchanged, counted
 *   in stats.illegal, -EINVAL returned.
 * - The actions of a cell run in the order the RFC prints them (tld, tls,
 *   irc, zrc, scr, sca, scn, str, sta, scj, ser, tlu, tlf); the new state is
 *   set after them, so callbacks see the old state in f->state. Leaving a
 *   state that runs the restart timer (Closing, Stopping, Req-Sent,
 *   Ack-Rcvd, Ack-Sent) for one that does not calls ops->timer_stop.
 * - 'r' cells (Open in Stopped, Closing, Stopping, Opened): with
 *   conf.restart_option the cell is applied, then Down, then Up, which
 *   renegotiates from Starting; without it only the cell is applied.
 * - irc loads conf.max_terminate when the cell also sends a
 *   Terminate-Request or leads to Closing/Stopping, else conf.max_configure.
 *   Every Configure- or Terminate-Request sent decrements the counter (not
 *   below zero) and restarts the timer; zrc zeroes it and starts the timer.
 * - scr and str take a new identifier, except on TO+ (a retransmission
 *   keeps it). scj takes a new identifier without touching f->id, so a
 *   reply to our last request is still recognised after a Code-Reject.
 * - reset_ci (and nak_count = 0) runs inside scr when the automaton was not
 *   negotiating (Starting, Closed, Stopped, Opened), as pppd does, except on
 *   RCN in Opened, whose renegotiation keeps what the Nak/Reject just
 *   taught. It runs after tld, so This-Layer-Down still sees our own
 *   agreed options. For a Configure-Request received in Stopped or
 *   Opened, recv_cr judges the request (with nak_count already zeroed)
 *   before the event runs, hence before reset_ci: that callback must only
 *   touch our own wanted options (as fsm.h says).
 * - Configure-Requests are built in a kmalloc(GFP_ATOMIC) buffer of
 *   ipcp_neg_fsm_tx_max() - 4 bytes; if it cannot be allocated nothing is
 *   sent but the counter and timer behave as if it had been (a lost packet).
 * - recv_cr writes its reply into a kmalloc(GFP_ATOMIC) buffer of options
 *   length + IPCP_NEG_REPLY_EXTRA bytes (see fsm.h), so a Nak may add one
 *   option the peer did not include, and the allocation never exceeds what
 *   the peer sent by more than that. On allocation failure the request is
 *   dropped.
 * - Code-Reject carries the rejected packet from its Code field up to its
 *   Length field, truncated so that the whole packet fits
 *   ipcp_neg_fsm_tx_max(). Configure-Ack/Nak/Reject are never truncated
 *   (that would change their meaning).
 * - Events fed through ipcp_neg_fsm_event() carry no packet: their replies
 *   (sca, scn, sta, ser) use identifier 0 and no data; scn sends a Nak.
 * - Configure-Ack/Nak/Reject: in Closed and Stopped they cause RCA/RCN
 *   (answered with Terminate-Ack) without further checks; in Req-Sent,
 *   Ack-Rcvd, Ack-Sent and Opened the identifier must be f->id and
 *   recv_ack/recv_nak must accept them; elsewhere they are discarded.
 * - Terminate-Ack is accepted with any identifier (as pppd does).
 * - extcode may return RUC, RXJ+, RXJ- or RXR; a negative value means RUC;
 *   any other value means "handled, no event".
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/net.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <kunit/visibility.h>

#include "compat.h"
#include <ipcp_neg.h>
#include <ipcp_neg_names.h>
#include "proto.h"
#include "fsm.h"
#include "opt.h"
#include "trace.h"

/* Returned by the receive classifiers when no event follows */
#define FSM_NONE	(-1)

/**
 * struct fsm_cell - one cell of the state transition table
 * @act: IPCP_NEG_ACT_* bits
 * @next: the new state; IPCP_NEG_ST_COUNT marks an illegal ('-') cell
 * @note: the RFC's footnote: 'r' restart option, 'p' passive option,
 *	'x' crossed connection, or 0
 */
struct fsm_cell {
	u16 act;
	u8 next;
	char note;
};

#define A(x)		IPCP_NEG_ACT_##x
#define GO(a, st)	{ .act = (a), .next = IPCP_NEG_ST_##st }
#define GOF(a, st, n)	{ .act = (a), .next = IPCP_NEG_ST_##st, .note = (n) }
#define STAY(st)	GO(0, st)
#define ILLEGAL		{ .next = IPCP_NEG_ST_COUNT }

/*
 * RFC 1661 section 4.1, one row per event. The comment above each row is
 * the RFC's row, columns 0-9: Initial, Starting, Closed, Stopped, Closing,
 * Stopping, Req-Sent, Ack-Rcvd, Ack-Sent, Opened.
 */
static const struct fsm_cell fsm_table[IPCP_NEG_EV_COUNT][IPCP_NEG_ST_COUNT] = {
	/* Up: 2 irc,scr/6 - - - - - - - - */
	[IPCP_NEG_EV_UP] = {
		STAY(CLOSED), GO(A(IRC) | A(SCR), REQSENT),
		ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL,
		ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL,
	},
	/* Down: - - 0 tls/1 0 1 1 1 1 tld/1 */
	[IPCP_NEG_EV_DOWN] = {
		ILLEGAL, ILLEGAL,
		STAY(INITIAL), GO(A(TLS), STARTING),
		STAY(INITIAL), STAY(STARTING),
		STAY(STARTING), STAY(STARTING), STAY(STARTING),
		GO(A(TLD), STARTING),
	},
	/* Open: tls/1 1 irc,scr/6 3r 5r 5r 6 7 8 9r */
	[IPCP_NEG_EV_OPEN] = {
		GO(A(TLS), STARTING), STAY(STARTING),
		GO(A(IRC) | A(SCR), REQSENT), GOF(0, STOPPED, 'r'),
		GOF(0, STOPPING, 'r'), GOF(0, STOPPING, 'r'),
		STAY(REQSENT), STAY(ACKRCVD), STAY(ACKSENT),
		GOF(0, OPENED, 'r'),
	},
	/* Close: 0 tlf/0 2 2 4 4 irc,str/4 irc,str/4 irc,str/4 tld,irc,str/4 */
	[IPCP_NEG_EV_CLOSE] = {
		STAY(INITIAL), GO(A(TLF), INITIAL),
		STAY(CLOSED), STAY(CLOSED), STAY(CLOSING), STAY(CLOSING),
		GO(A(IRC) | A(STR), CLOSING), GO(A(IRC) | A(STR), CLOSING),
		GO(A(IRC) | A(STR), CLOSING),
		GO(A(TLD) | A(IRC) | A(STR), CLOSING),
	},
	/* TO+: - - - - str/4 str/5 scr/6 scr/6 scr/8 - */
	[IPCP_NEG_EV_TO_PLUS] = {
		ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL,
		GO(A(STR), CLOSING), GO(A(STR), STOPPING),
		GO(A(SCR), REQSENT), GO(A(SCR), REQSENT), GO(A(SCR), ACKSENT),
		ILLEGAL,
	},
	/* TO-: - - - - tlf/2 tlf/3 tlf/3p tlf/3p tlf/3p - */
	[IPCP_NEG_EV_TO_MINUS] = {
		ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL,
		GO(A(TLF), CLOSED), GO(A(TLF), STOPPED),
		GOF(A(TLF), STOPPED, 'p'), GOF(A(TLF), STOPPED, 'p'),
		GOF(A(TLF), STOPPED, 'p'),
		ILLEGAL,
	},
	/* RCR+: - - sta/2 irc,scr,sca/8 4 5 sca/8 sca,tlu/9 sca/8 tld,scr,sca/8 */
	[IPCP_NEG_EV_RCR_PLUS] = {
		ILLEGAL, ILLEGAL,
		GO(A(STA), CLOSED), GO(A(IRC) | A(SCR) | A(SCA), ACKSENT),
		STAY(CLOSING), STAY(STOPPING),
		GO(A(SCA), ACKSENT), GO(A(SCA) | A(TLU), OPENED),
		GO(A(SCA), ACKSENT), GO(A(TLD) | A(SCR) | A(SCA), ACKSENT),
	},
	/* RCR-: - - sta/2 irc,scr,scn/6 4 5 scn/6 scn/7 scn/6 tld,scr,scn/6 */
	[IPCP_NEG_EV_RCR_MINUS] = {
		ILLEGAL, ILLEGAL,
		GO(A(STA), CLOSED), GO(A(IRC) | A(SCR) | A(SCN), REQSENT),
		STAY(CLOSING), STAY(STOPPING),
		GO(A(SCN), REQSENT), GO(A(SCN), ACKRCVD),
		GO(A(SCN), REQSENT), GO(A(TLD) | A(SCR) | A(SCN), REQSENT),
	},
	/* RCA: - - sta/2 sta/3 4 5 irc/7 scr/6x irc,tlu/9 tld,scr/6x */
	[IPCP_NEG_EV_RCA] = {
		ILLEGAL, ILLEGAL,
		GO(A(STA), CLOSED), GO(A(STA), STOPPED),
		STAY(CLOSING), STAY(STOPPING),
		GO(A(IRC), ACKRCVD), GOF(A(SCR), REQSENT, 'x'),
		GO(A(IRC) | A(TLU), OPENED), GOF(A(TLD) | A(SCR), REQSENT, 'x'),
	},
	/* RCN: - - sta/2 sta/3 4 5 irc,scr/6 scr/6x irc,scr/8 tld,scr/6x */
	[IPCP_NEG_EV_RCN] = {
		ILLEGAL, ILLEGAL,
		GO(A(STA), CLOSED), GO(A(STA), STOPPED),
		STAY(CLOSING), STAY(STOPPING),
		GO(A(IRC) | A(SCR), REQSENT), GOF(A(SCR), REQSENT, 'x'),
		GO(A(IRC) | A(SCR), ACKSENT), GOF(A(TLD) | A(SCR), REQSENT, 'x'),
	},
	/* RTR: - - sta/2 sta/3 sta/4 sta/5 sta/6 sta/6 sta/6 tld,zrc,sta/5 */
	[IPCP_NEG_EV_RTR] = {
		ILLEGAL, ILLEGAL,
		GO(A(STA), CLOSED), GO(A(STA), STOPPED),
		GO(A(STA), CLOSING), GO(A(STA), STOPPING),
		GO(A(STA), REQSENT), GO(A(STA), REQSENT), GO(A(STA), REQSENT),
		GO(A(TLD) | A(ZRC) | A(STA), STOPPING),
	},
	/* RTA: - - 2 3 tlf/2 tlf/3 6 6 8 tld,scr/6 */
	[IPCP_NEG_EV_RTA] = {
		ILLEGAL, ILLEGAL,
		STAY(CLOSED), STAY(STOPPED),
		GO(A(TLF), CLOSED), GO(A(TLF), STOPPED),
		STAY(REQSENT), STAY(REQSENT), STAY(ACKSENT),
		GO(A(TLD) | A(SCR), REQSENT),
	},
	/* RUC: - - scj/2 scj/3 scj/4 scj/5 scj/6 scj/7 scj/8 scj/9 */
	[IPCP_NEG_EV_RUC] = {
		ILLEGAL, ILLEGAL,
		GO(A(SCJ), CLOSED), GO(A(SCJ), STOPPED),
		GO(A(SCJ), CLOSING), GO(A(SCJ), STOPPING),
		GO(A(SCJ), REQSENT), GO(A(SCJ), ACKRCVD), GO(A(SCJ), ACKSENT),
		GO(A(SCJ), OPENED),
	},
	/* RXJ+: - - 2 3 4 5 6 6 8 9 */
	[IPCP_NEG_EV_RXJ_PLUS] = {
		ILLEGAL, ILLEGAL,
		STAY(CLOSED), STAY(STOPPED), STAY(CLOSING), STAY(STOPPING),
		STAY(REQSENT), STAY(REQSENT), STAY(ACKSENT), STAY(OPENED),
	},
	/* RXJ-: - - tlf/2 tlf/3 tlf/2 tlf/3 tlf/3 tlf/3 tlf/3 tld,irc,str/5 */
	[IPCP_NEG_EV_RXJ_MINUS] = {
		ILLEGAL, ILLEGAL,
		GO(A(TLF), CLOSED), GO(A(TLF), STOPPED),
		GO(A(TLF), CLOSED), GO(A(TLF), STOPPED),
		GO(A(TLF), STOPPED), GO(A(TLF), STOPPED), GO(A(TLF), STOPPED),
		GO(A(TLD) | A(IRC) | A(STR), STOPPING),
	},
	/* RXR: - - 2 3 4 5 6 7 8 ser/9 */
	[IPCP_NEG_EV_RXR] = {
		ILLEGAL, ILLEGAL,
		STAY(CLOSED), STAY(STOPPED), STAY(CLOSING), STAY(STOPPING),
		STAY(REQSENT), STAY(ACKRCVD), STAY(ACKSENT),
		GO(A(SER), OPENED),
	},
};

#undef ILLEGAL
#undef STAY
#undef GOF
#undef GO
#undef A

/**
 * struct fsm_rx - a received packet being processed
 * @code: its Code field
 * @id: its Identifier field
 * @pkt: the packet from its Code field
 * @len: its length, from its Length field (padding excluded)
 * @data: what follows the header
 * @dlen: its length
 * @reply_code: CONFNAK or CONFREJ, for scn
 * @reply: the options of that reply, from recv_cr (kmalloc'd or NULL)
 * @reply_len: their length
 */
struct fsm_rx {
	u8 code;
	u8 id;
	const u8 *pkt;
	unsigned int len;
	const u8 *data;
	unsigned int dlen;
	u8 reply_code;
	u8 *reply;
	unsigned int reply_len;
};

/* What the reply actions use for an event that came with no packet */
static const struct fsm_rx fsm_no_rx = {
	.reply_code = IPCP_NEG_CONFNAK,
};

/**
 * struct fsm_step - one event being applied
 * @ev: the event
 * @from: the state it was applied in
 * @cell: the table cell
 * @rx: the packet that caused it (&fsm_no_rx if none)
 */
struct fsm_step {
	u8 ev;
	u8 from;
	const struct fsm_cell *cell;
	const struct fsm_rx *rx;
};

/* ipcp_neg_names.h lists the states in value order, from 0 */
#define FSM_STATE_NAME(v, name, rfc)	rfc,
static const char * const fsm_state_names[] = {
	IPCP_NEG_STATE_NAMES(FSM_STATE_NAME)
};

static_assert(ARRAY_SIZE(fsm_state_names) == IPCP_NEG_ST_COUNT);
static_assert(IPCP_NEG_ST_OPENED == IPCP_NEG_STATE_OPENED);

static const char * const fsm_event_names[IPCP_NEG_EV_COUNT] = {
	[IPCP_NEG_EV_UP] = "Up",
	[IPCP_NEG_EV_DOWN] = "Down",
	[IPCP_NEG_EV_OPEN] = "Open",
	[IPCP_NEG_EV_CLOSE] = "Close",
	[IPCP_NEG_EV_TO_PLUS] = "TO+",
	[IPCP_NEG_EV_TO_MINUS] = "TO-",
	[IPCP_NEG_EV_RCR_PLUS] = "RCR+",
	[IPCP_NEG_EV_RCR_MINUS] = "RCR-",
	[IPCP_NEG_EV_RCA] = "RCA",
	[IPCP_NEG_EV_RCN] = "RCN",
	[IPCP_NEG_EV_RTR] = "RTR",
	[IPCP_NEG_EV_RTA] = "RTA",
	[IPCP_NEG_EV_RUC] = "RUC",
	[IPCP_NEG_EV_RXJ_PLUS] = "RXJ+",
	[IPCP_NEG_EV_RXJ_MINUS] = "RXJ-",
	[IPCP_NEG_EV_RXR] = "RXR",
};

/* RFC 1661 section 4.2: the states in which the restart timer runs */
static bool fsm_timer_runs(u8 st)
{
	return st >= IPCP_NEG_ST_CLOSING && st <= IPCP_NEG_ST_ACKSENT;
}

/* Configure-Requests are being exchanged */
static bool fsm_negotiating(u8 st)
{
	return st >= IPCP_NEG_ST_REQSENT && st <= IPCP_NEG_ST_ACKSENT;
}

static void fsm_xmit(struct ipcp_neg_fsm *f, u8 code, u8 id,
		     const u8 *data, unsigned int len)
{
	trace_ipcp_neg_packet(f->ops->name, true, code, id,
			      IPCP_NEG_HDRLEN + len);
	f->ops->xmit(f, code, id, data, len);
	if (code < ARRAY_SIZE(f->stats.tx))
		f->stats.tx[code]++;
}

/* A request went out (or was meant to): count it, (re)arm the timer */
static void fsm_arm(struct ipcp_neg_fsm *f)
{
	if (f->restart_count)
		f->restart_count--;
	f->ops->timer_start(f, f->conf.restart_ms);
}

/* Identifier for scr/str: a retransmission (TO+) keeps the last one */
static u8 fsm_request_id(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	if (s->ev != IPCP_NEG_EV_TO_PLUS)
		f->id = f->next_id++;
	return f->id;
}

/* Does this scr start a fresh negotiation (see the top of this file)? */
static bool fsm_starts_fresh(const struct fsm_step *s)
{
	return !fsm_negotiating(s->from) && s->ev != IPCP_NEG_EV_RCN;
}

static void fsm_tlu(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	if (f->ops->tlu)
		f->ops->tlu(f);
}

static void fsm_tld(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	if (f->ops->tld)
		f->ops->tld(f);
}

static void fsm_tls(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	if (f->ops->tls)
		f->ops->tls(f);
}

static void fsm_tlf(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	if (f->ops->tlf)
		f->ops->tlf(f);
}

static void fsm_irc(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	u8 next = s->cell->next;

	if ((s->cell->act & IPCP_NEG_ACT_STR) ||
	    next == IPCP_NEG_ST_CLOSING || next == IPCP_NEG_ST_STOPPING)
		f->restart_count = f->conf.max_terminate;
	else
		f->restart_count = f->conf.max_configure;
}

static void fsm_zrc(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	f->restart_count = 0;
	f->ops->timer_start(f, f->conf.restart_ms);
}

static void fsm_scr(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	unsigned int room = ipcp_neg_fsm_tx_max(f) - IPCP_NEG_HDRLEN;
	unsigned int len;
	u8 id, *buf;

	if (fsm_starts_fresh(s)) {
		f->nak_count = 0;
		if (f->ops->reset_ci)
			f->ops->reset_ci(f);
	}
	id = fsm_request_id(f, s);
	f->reply_seen = false;
	buf = kmalloc(room, GFP_ATOMIC);
	if (buf) {
		len = f->ops->build_cr(f, buf, room);
		fsm_xmit(f, IPCP_NEG_CONFREQ, id, buf, min(len, room));
		kfree(buf);
	}
	fsm_arm(f);
}

static void fsm_sca(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	f->nak_count = 0;
	fsm_xmit(f, IPCP_NEG_CONFACK, s->rx->id, s->rx->data, s->rx->dlen);
}

static void fsm_scn(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	if (s->rx->reply_code == IPCP_NEG_CONFNAK)
		f->nak_count++;
	fsm_xmit(f, s->rx->reply_code, s->rx->id, s->rx->reply,
		 s->rx->reply_len);
}

static void fsm_str(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	fsm_xmit(f, IPCP_NEG_TERMREQ, fsm_request_id(f, s), NULL, 0);
	fsm_arm(f);
}

static void fsm_sta(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	fsm_xmit(f, IPCP_NEG_TERMACK, s->rx->id, NULL, 0);
}

static void fsm_scj(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	unsigned int len = min(s->rx->len,
			       ipcp_neg_fsm_tx_max(f) - IPCP_NEG_HDRLEN);

	fsm_xmit(f, IPCP_NEG_CODEREJ, f->next_id++, s->rx->pkt, len);
}

static void fsm_ser(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	if (f->ops->ser)
		f->ops->ser(f, s->rx->id, s->rx->data, s->rx->dlen);
}

/* The actions, in the order the RFC's table prints them within a cell */
static const struct {
	u16 bit;
	void (*run)(struct ipcp_neg_fsm *f, const struct fsm_step *s);
} fsm_actions[] = {
	{ IPCP_NEG_ACT_TLD, fsm_tld },
	{ IPCP_NEG_ACT_TLS, fsm_tls },
	{ IPCP_NEG_ACT_IRC, fsm_irc },
	{ IPCP_NEG_ACT_ZRC, fsm_zrc },
	{ IPCP_NEG_ACT_SCR, fsm_scr },
	{ IPCP_NEG_ACT_SCA, fsm_sca },
	{ IPCP_NEG_ACT_SCN, fsm_scn },
	{ IPCP_NEG_ACT_STR, fsm_str },
	{ IPCP_NEG_ACT_STA, fsm_sta },
	{ IPCP_NEG_ACT_SCJ, fsm_scj },
	{ IPCP_NEG_ACT_SER, fsm_ser },
	{ IPCP_NEG_ACT_TLU, fsm_tlu },
	{ IPCP_NEG_ACT_TLF, fsm_tlf },
};

/* The table cell for @ev in @f's state, or NULL if it is illegal */
static const struct fsm_cell *fsm_cell(struct ipcp_neg_fsm *f, u8 ev)
{
	if (ev < IPCP_NEG_EV_COUNT && f->state < IPCP_NEG_ST_COUNT &&
	    fsm_table[ev][f->state].next < IPCP_NEG_ST_COUNT)
		return &fsm_table[ev][f->state];
	f->stats.illegal++;
	net_dbg_ratelimited("%s: event %s illegal in state %s\n",
			    f->ops->name, ipcp_neg_fsm_event_name(ev),
			    ipcp_neg_fsm_state_name(f->state));
	return NULL;
}

static void fsm_enter(struct ipcp_neg_fsm *f, const struct fsm_step *s)
{
	u8 to = s->cell->next;

	if (fsm_timer_runs(s->from) && !fsm_timer_runs(to))
		f->ops->timer_stop(f);
	if (to != s->from) {
		pr_debug("%s: %s -> %s on %s\n", f->ops->name,
			 fsm_state_names[s->from], fsm_state_names[to],
			 fsm_event_names[s->ev]);
		trace_ipcp_neg_fsm_state(f->ops->name, s->from, to,
					 fsm_event_names[s->ev]);
	}
	f->state = to;
}

static int fsm_run(struct ipcp_neg_fsm *f, u8 ev, const struct fsm_rx *rx)
{
	struct fsm_step s = { .ev = ev, .from = f->state, .rx = rx };
	unsigned int i;

	s.cell = fsm_cell(f, ev);
	if (!s.cell)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(fsm_actions); i++)
		if (s.cell->act & fsm_actions[i].bit)
			fsm_actions[i].run(f, &s);
	fsm_enter(f, &s);
	if (s.cell->note == 'r' && f->conf.restart_option) {
		fsm_run(f, IPCP_NEG_EV_DOWN, &fsm_no_rx);
		fsm_run(f, IPCP_NEG_EV_UP, &fsm_no_rx);
	}
	return 0;
}

/**
 * ipcp_neg_fsm_event - apply one event to the automaton
 * @f: the automaton
 * @ev: the event
 *
 * Runs the actions of the table cell in RFC order, then enters the new
 * state. An event fed here carries no packet: replies it causes use
 * identifier 0 and no data.
 *
 * Return: 0, or -EINVAL if the table marks @ev as impossible in the current
 * state (nothing done, counted in stats.illegal).
 */
int ipcp_neg_fsm_event(struct ipcp_neg_fsm *f, enum ipcp_neg_fsm_event ev)
{
	return fsm_run(f, ev, &fsm_no_rx);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_event);

/**
 * ipcp_neg_fsm_transition - look up one cell of the state transition table
 * @st: the state
 * @ev: the event
 * @next: set to the new state, or to IPCP_NEG_ST_COUNT for an illegal
 *	('-') cell or an out-of-range @st or @ev
 *
 * Return: the IPCP_NEG_ACT_* bits of the cell (0 for an illegal cell).
 */
u16 ipcp_neg_fsm_transition(enum ipcp_neg_fsm_state st,
			    enum ipcp_neg_fsm_event ev, u8 *next)
{
	if (st >= IPCP_NEG_ST_COUNT || ev >= IPCP_NEG_EV_COUNT) {
		*next = IPCP_NEG_ST_COUNT;
		return 0;
	}
	*next = fsm_table[ev][st].next;
	return fsm_table[ev][st].act;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_transition);

/**
 * ipcp_neg_fsm_conf_default - the RFC 1661 section 4.6 defaults
 * @conf: filled with restart 3000 ms, Max-Terminate 2, Max-Configure 10,
 *	Max-Failure 5, restart option off
 */
void ipcp_neg_fsm_conf_default(struct ipcp_neg_fsm_conf *conf)
{
	conf->restart_ms = 3000;
	conf->max_terminate = 2;
	conf->max_configure = 10;
	conf->max_failure = 5;
	conf->restart_option = false;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_conf_default);

/**
 * ipcp_neg_fsm_init - set up an automaton in the Initial state
 * @f: the automaton (any previous content is overwritten)
 * @ops: the protocol behind it; @ops->xmit, @ops->timer_start,
 *	@ops->timer_stop, @ops->build_cr, @ops->recv_cr, @ops->recv_ack and
 *	@ops->recv_nak are required, the other callbacks may be NULL
 * @priv: the owner's pointer, stored in @f->priv
 */
void ipcp_neg_fsm_init(struct ipcp_neg_fsm *f,
		       const struct ipcp_neg_fsm_ops *ops, void *priv)
{
	memset(f, 0, sizeof(*f));
	f->ops = ops;
	f->priv = priv;
	ipcp_neg_fsm_conf_default(&f->conf);
	f->state = IPCP_NEG_ST_INITIAL;
	f->peer_mru = IPCP_NEG_DEFAULT_MRU;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_init);

/**
 * ipcp_neg_fsm_up - the lower layer is up (event Up)
 * @f: the automaton
 */
void ipcp_neg_fsm_up(struct ipcp_neg_fsm *f)
{
	fsm_run(f, IPCP_NEG_EV_UP, &fsm_no_rx);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_up);

/**
 * ipcp_neg_fsm_down - the lower layer is down (event Down)
 * @f: the automaton
 */
void ipcp_neg_fsm_down(struct ipcp_neg_fsm *f)
{
	fsm_run(f, IPCP_NEG_EV_DOWN, &fsm_no_rx);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_down);

/**
 * ipcp_neg_fsm_open - administrative Open (event Open)
 * @f: the automaton
 */
void ipcp_neg_fsm_open(struct ipcp_neg_fsm *f)
{
	fsm_run(f, IPCP_NEG_EV_OPEN, &fsm_no_rx);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_open);

/**
 * ipcp_neg_fsm_close - administrative Close (event Close)
 * @f: the automaton
 */
void ipcp_neg_fsm_close(struct ipcp_neg_fsm *f)
{
	fsm_run(f, IPCP_NEG_EV_CLOSE, &fsm_no_rx);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_close);

/**
 * ipcp_neg_fsm_timeout - the restart timer expired
 * @f: the automaton
 *
 * TO+ while the restart counter is above zero, TO- once it is exhausted.
 * Does nothing in a state where the timer does not run, so an expiry that
 * raced with ops->timer_stop is harmless.
 */
void ipcp_neg_fsm_timeout(struct ipcp_neg_fsm *f)
{
	if (!fsm_timer_runs(f->state))
		return;
	fsm_run(f, f->restart_count ? IPCP_NEG_EV_TO_PLUS :
		IPCP_NEG_EV_TO_MINUS, &fsm_no_rx);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_timeout);

static int fsm_drop(struct ipcp_neg_fsm *f, const struct fsm_rx *rx,
		    u32 *counter, const char *why)
{
	(*counter)++;
	net_dbg_ratelimited("%s: code %u id %u in %s dropped: %s\n",
			    f->ops->name, rx->code, rx->id,
			    ipcp_neg_fsm_state_name(f->state), why);
	return FSM_NONE;
}

static int fsm_malformed(struct ipcp_neg_fsm *f, const struct fsm_rx *rx,
			 const char *why)
{
	return fsm_drop(f, rx, &f->stats.malformed, why);
}

static int fsm_discard(struct ipcp_neg_fsm *f, const struct fsm_rx *rx,
		       const char *why)
{
	return fsm_drop(f, rx, &f->stats.discarded, why);
}

/* Do RCR+ and RCR- differ in this state, i.e. must recv_cr judge? */
static bool fsm_rcr_judged(u8 st)
{
	const struct fsm_cell *good = &fsm_table[IPCP_NEG_EV_RCR_PLUS][st];
	const struct fsm_cell *bad = &fsm_table[IPCP_NEG_EV_RCR_MINUS][st];

	return good->act != bad->act || good->next != bad->next;
}

/* Let the protocol judge a Configure-Request and prepare the reply */
static int fsm_judge(struct ipcp_neg_fsm *f, struct fsm_rx *rx)
{
	unsigned int size = rx->dlen + IPCP_NEG_REPLY_EXTRA;
	bool rid = f->nak_count >= f->conf.max_failure;
	u8 code;

	rx->reply = kmalloc(size, GFP_ATOMIC);
	if (!rx->reply)
		return fsm_discard(f, rx, "no memory for the reply");
	if (rid)
		f->stats.nak_loops++;
	code = f->ops->recv_cr(f, rx->data, rx->dlen, rx->reply,
			       &rx->reply_len, rid);
	rx->reply_len = min(rx->reply_len, size);
	if (code == IPCP_NEG_CONFACK)
		return IPCP_NEG_EV_RCR_PLUS;
	if (code != IPCP_NEG_CONFNAK && code != IPCP_NEG_CONFREJ)
		return fsm_discard(f, rx, "protocol gave no verdict");
	rx->reply_code = code;
	return IPCP_NEG_EV_RCR_MINUS;
}

static int fsm_rx_confreq(struct ipcp_neg_fsm *f, struct fsm_rx *rx)
{
	if (ipcp_neg_opts_check(rx->data, rx->dlen))
		return fsm_malformed(f, rx, "bad option framing");
	if (!fsm_rcr_judged(f->state))
		return IPCP_NEG_EV_RCR_PLUS;	/* RCR+ and RCR- alike here */
	if (!fsm_negotiating(f->state))
		f->nak_count = 0;		/* a fresh negotiation */
	return fsm_judge(f, rx);
}

/* Configure-Ack, -Nak or -Reject */
static int fsm_rx_reply(struct ipcp_neg_fsm *f, struct fsm_rx *rx)
{
	bool ack = rx->code == IPCP_NEG_CONFACK;
	int ret;

	if (ipcp_neg_opts_check(rx->data, rx->dlen))
		return fsm_malformed(f, rx, "bad option framing");
	if (f->state == IPCP_NEG_ST_CLOSED || f->state == IPCP_NEG_ST_STOPPED)
		goto event;			/* answered with Terminate-Ack */
	if (f->state < IPCP_NEG_ST_REQSENT)
		return fsm_discard(f, rx, "no request outstanding");
	if (rx->id != f->id)
		return fsm_discard(f, rx, "unexpected identifier");
	if (f->reply_seen)
		return fsm_discard(f, rx, "request already answered");
	if (ack)
		ret = f->ops->recv_ack(f, rx->data, rx->dlen);
	else
		ret = f->ops->recv_nak(f, rx->data, rx->dlen,
				       rx->code == IPCP_NEG_CONFREJ);
	if (ret)
		return fsm_discard(f, rx, "options do not match our request");
	f->reply_seen = true;
event:
	return ack ? IPCP_NEG_EV_RCA : IPCP_NEG_EV_RCN;
}

static int fsm_rx_coderej(struct ipcp_neg_fsm *f, struct fsm_rx *rx)
{
	if (!rx->dlen)
		return fsm_malformed(f, rx, "empty Code-Reject");
	if (rx->data[0] >= IPCP_NEG_CONFREQ && rx->data[0] <= IPCP_NEG_CODEREJ)
		return IPCP_NEG_EV_RXJ_MINUS;	/* we cannot do without it */
	return IPCP_NEG_EV_RXJ_PLUS;
}

static int fsm_rx_other(struct ipcp_neg_fsm *f, struct fsm_rx *rx)
{
	int ev;

	if (!f->ops->extcode)
		return IPCP_NEG_EV_RUC;
	ev = f->ops->extcode(f, rx->code, rx->id, rx->data, rx->dlen);
	if (ev < 0)
		return IPCP_NEG_EV_RUC;
	switch (ev) {
	case IPCP_NEG_EV_RUC:
	case IPCP_NEG_EV_RXJ_PLUS:
	case IPCP_NEG_EV_RXJ_MINUS:
	case IPCP_NEG_EV_RXR:
		return ev;
	default:
		return FSM_NONE;		/* handled, no event */
	}
}

/* The event a well-framed packet causes, or FSM_NONE */
static int fsm_classify(struct ipcp_neg_fsm *f, struct fsm_rx *rx)
{
	if (f->state < IPCP_NEG_ST_CLOSED || f->state >= IPCP_NEG_ST_COUNT)
		return fsm_discard(f, rx, "lower layer not up");
	switch (rx->code) {
	case IPCP_NEG_CONFREQ:
		return fsm_rx_confreq(f, rx);
	case IPCP_NEG_CONFACK:
	case IPCP_NEG_CONFNAK:
	case IPCP_NEG_CONFREJ:
		return fsm_rx_reply(f, rx);
	case IPCP_NEG_TERMREQ:
		return IPCP_NEG_EV_RTR;
	case IPCP_NEG_TERMACK:
		return IPCP_NEG_EV_RTA;
	case IPCP_NEG_CODEREJ:
		return fsm_rx_coderej(f, rx);
	default:
		return fsm_rx_other(f, rx);
	}
}

/* Check the header; bytes past the Length field are padding */
static int fsm_parse(const u8 *pkt, unsigned int len, struct fsm_rx *rx)
{
	unsigned int plen;

	if (len < IPCP_NEG_HDRLEN)
		return -EINVAL;
	plen = get_unaligned_be16(pkt + 2);
	if (plen < IPCP_NEG_HDRLEN || plen > len)
		return -EINVAL;
	rx->code = pkt[0];
	rx->id = pkt[1];
	rx->pkt = pkt;
	rx->len = plen;
	rx->data = pkt + IPCP_NEG_HDRLEN;
	rx->dlen = plen - IPCP_NEG_HDRLEN;
	return 0;
}

/**
 * ipcp_neg_fsm_input - process one received control packet
 * @f: the automaton
 * @pkt: the packet, from its Code field
 * @len: bytes available at @pkt
 *
 * Packets with a bad header (shorter than 4 bytes, Length field below 4 or
 * beyond @len) count as malformed and are dropped; bytes past the Length
 * field are ignored. In Initial and Starting every packet is discarded.
 * Otherwise the packet becomes an event (see the top of this file); the
 * automaton never reads past @len.
 */
void ipcp_neg_fsm_input(struct ipcp_neg_fsm *f, const u8 *pkt,
			unsigned int len)
{
	struct fsm_rx rx = { .reply_code = IPCP_NEG_CONFNAK };
	int ev;

	if (fsm_parse(pkt, len, &rx)) {
		f->stats.malformed++;
		net_dbg_ratelimited("%s: bad header in %u-byte packet\n",
				    f->ops->name, len);
		return;
	}
	f->stats.rx[rx.code < ARRAY_SIZE(f->stats.rx) ? rx.code : 0]++;
	trace_ipcp_neg_packet(f->ops->name, false, rx.code, rx.id, rx.len);
	ev = fsm_classify(f, &rx);
	if (ev != FSM_NONE)
		fsm_run(f, ev, &rx);
	kfree(rx.reply);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_input);

/**
 * ipcp_neg_fsm_state_name - printable name of a state
 * @state: any value
 *
 * Return: the RFC's name, e.g. "Req-Sent", or "?" if out of range.
 */
const char *ipcp_neg_fsm_state_name(u8 state)
{
	return state < IPCP_NEG_ST_COUNT ? fsm_state_names[state] : "?";
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_state_name);

/**
 * ipcp_neg_fsm_event_name - printable name of an event
 * @event: any value
 *
 * Return: the RFC's name, e.g. "RCR+" or "TO-", or "?" if out of range.
 */
const char *ipcp_neg_fsm_event_name(u8 event)
{
	return event < IPCP_NEG_EV_COUNT ? fsm_event_names[event] : "?";
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_fsm_event_name);
