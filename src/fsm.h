/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The RFC 1661 option-negotiation automaton, shared by LCP and IPCP.
 *
 * The automaton knows no skb, no timer_list and no lock. Its owner feeds it
 * parsed events and control packets (as a flat byte buffer starting at the
 * Code field) and receives packets to send, layer signals and timer requests
 * through struct ipcp_neg_fsm_ops. The owner serialises all calls on one
 * automaton (the link's lock); no callback may re-enter the same automaton.
 */
#ifndef _IPCP_NEG_FSM_H
#define _IPCP_NEG_FSM_H

#include <linux/bits.h>
#include <linux/minmax.h>
#include <linux/types.h>

#include "proto.h"

/* RFC 1661 section 4.2, numbered as in the state transition table */
enum ipcp_neg_fsm_state {
	IPCP_NEG_ST_INITIAL,
	IPCP_NEG_ST_STARTING,
	IPCP_NEG_ST_CLOSED,
	IPCP_NEG_ST_STOPPED,
	IPCP_NEG_ST_CLOSING,
	IPCP_NEG_ST_STOPPING,
	IPCP_NEG_ST_REQSENT,
	IPCP_NEG_ST_ACKRCVD,
	IPCP_NEG_ST_ACKSENT,
	IPCP_NEG_ST_OPENED,
	IPCP_NEG_ST_COUNT
};

/* RFC 1661 section 4.3, in the order of the state transition table */
enum ipcp_neg_fsm_event {
	IPCP_NEG_EV_UP,
	IPCP_NEG_EV_DOWN,
	IPCP_NEG_EV_OPEN,
	IPCP_NEG_EV_CLOSE,
	IPCP_NEG_EV_TO_PLUS,
	IPCP_NEG_EV_TO_MINUS,
	IPCP_NEG_EV_RCR_PLUS,
	IPCP_NEG_EV_RCR_MINUS,
	IPCP_NEG_EV_RCA,
	IPCP_NEG_EV_RCN,
	IPCP_NEG_EV_RTR,
	IPCP_NEG_EV_RTA,
	IPCP_NEG_EV_RUC,
	IPCP_NEG_EV_RXJ_PLUS,
	IPCP_NEG_EV_RXJ_MINUS,
	IPCP_NEG_EV_RXR,
	IPCP_NEG_EV_COUNT
};

/* RFC 1661 section 4.4 actions, as bits of a transition's action set */
#define IPCP_NEG_ACT_TLU	BIT(0)	/* This-Layer-Up */
#define IPCP_NEG_ACT_TLD	BIT(1)	/* This-Layer-Down */
#define IPCP_NEG_ACT_TLS	BIT(2)	/* This-Layer-Started */
#define IPCP_NEG_ACT_TLF	BIT(3)	/* This-Layer-Finished */
#define IPCP_NEG_ACT_IRC	BIT(4)	/* Initialize-Restart-Count */
#define IPCP_NEG_ACT_ZRC	BIT(5)	/* Zero-Restart-Count */
#define IPCP_NEG_ACT_SCR	BIT(6)	/* Send-Configure-Request */
#define IPCP_NEG_ACT_SCA	BIT(7)	/* Send-Configure-Ack */
#define IPCP_NEG_ACT_SCN	BIT(8)	/* Send-Configure-Nak/Rej */
#define IPCP_NEG_ACT_STR	BIT(9)	/* Send-Terminate-Request */
#define IPCP_NEG_ACT_STA	BIT(10)	/* Send-Terminate-Ack */
#define IPCP_NEG_ACT_SCJ	BIT(11)	/* Send-Code-Reject */
#define IPCP_NEG_ACT_SER	BIT(12)	/* Send-Echo-Reply */

/*
 * Room recv_cr gets for its reply beyond the length of the request's
 * options: a reply repeats some of the request's options (a Nak with our
 * values, a Reject verbatim) and may add one 6-byte option the peer did not
 * send (IPCP's IP-Address, RFC 1332 section 3.3).
 */
#define IPCP_NEG_REPLY_EXTRA	6

struct ipcp_neg_fsm;

/**
 * struct ipcp_neg_fsm_ops - what a protocol (LCP, IPCP) plugs into the automaton
 * @name: protocol name for log lines, e.g. "LCP"
 * @tlu: This-Layer-Up
 * @tld: This-Layer-Down
 * @tls: This-Layer-Started
 * @tlf: This-Layer-Finished
 * @xmit: send one control packet; the callee adds the 4-byte header
 *	(@code, @id, length) in front of @len bytes of @data
 * @timer_start: (re)arm the restart timer to fire once after @ms
 *	milliseconds; on expiry the owner calls ipcp_neg_fsm_timeout()
 * @timer_stop: cancel the restart timer (may be called when not armed)
 * @reset_ci: reset our wanted options before a fresh negotiation
 * @build_cr: write the options of our next Configure-Request into @buf
 *	(at most @size bytes); returns their length
 * @recv_cr: judge the peer's Configure-Request options @opts of @len bytes,
 *	all of whose lengths are already validated; write the options of the
 *	reply into @reply (room for at least @len + IPCP_NEG_REPLY_EXTRA
 *	bytes) and set @reply_len; return IPCP_NEG_CONFACK, IPCP_NEG_CONFNAK
 *	or IPCP_NEG_CONFREJ. When @reject_if_disagree is set (Max-Failure
 *	reached), options that would be Nak'd are Rejected instead.
 * @recv_ack: check that @opts equals our last Configure-Request;
 *	0 if so, negative to discard the packet
 * @recv_nak: apply a Configure-Nak (@rej false) or Configure-Reject (@rej
 *	true) to our wanted options; 0 if valid, negative to discard
 * @extcode: handle a code this automaton does not know (Protocol-Reject,
 *	Echo, Discard for LCP). Return the event it causes (RXJ+, RXJ-, RXR),
 *	-1 for an unknown code (RUC: answered with Code-Reject), or
 *	IPCP_NEG_EV_COUNT when it was handled and causes no event. May be NULL.
 * @ser: Send-Echo-Reply for the RXR packet being processed. May be NULL.
 */
struct ipcp_neg_fsm_ops {
	const char *name;
	void (*tlu)(struct ipcp_neg_fsm *f);
	void (*tld)(struct ipcp_neg_fsm *f);
	void (*tls)(struct ipcp_neg_fsm *f);
	void (*tlf)(struct ipcp_neg_fsm *f);
	void (*xmit)(struct ipcp_neg_fsm *f, u8 code, u8 id,
		     const u8 *data, unsigned int len);
	void (*timer_start)(struct ipcp_neg_fsm *f, unsigned int ms);
	void (*timer_stop)(struct ipcp_neg_fsm *f);
	void (*reset_ci)(struct ipcp_neg_fsm *f);
	unsigned int (*build_cr)(struct ipcp_neg_fsm *f, u8 *buf,
				 unsigned int size);
	u8 (*recv_cr)(struct ipcp_neg_fsm *f, const u8 *opts, unsigned int len,
		      u8 *reply, unsigned int *reply_len,
		      bool reject_if_disagree);
	int (*recv_ack)(struct ipcp_neg_fsm *f, const u8 *opts,
			unsigned int len);
	int (*recv_nak)(struct ipcp_neg_fsm *f, const u8 *opts,
			unsigned int len, bool rej);
	int (*extcode)(struct ipcp_neg_fsm *f, u8 code, u8 id,
		       const u8 *data, unsigned int len);
	void (*ser)(struct ipcp_neg_fsm *f, u8 id, const u8 *data,
		    unsigned int len);
};

/**
 * struct ipcp_neg_fsm_conf - tunables of one automaton (RFC 1661 section 4.6)
 * @restart_ms: restart timer, milliseconds (default 3000)
 * @max_terminate: Terminate-Requests sent before giving up (default 2)
 * @max_configure: Configure-Requests sent without a valid reply (default 10)
 * @max_failure: Configure-Naks sent without an Ack before Rejecting (default 5)
 * @restart_option: the "r" option of the Open event in Stopped, Stopping
 *	and Opened (Down then Up); off by default
 */
struct ipcp_neg_fsm_conf {
	unsigned int restart_ms;
	unsigned int max_terminate;
	unsigned int max_configure;
	unsigned int max_failure;
	bool restart_option;
};

/**
 * struct ipcp_neg_fsm_stats - per-automaton counters
 * @tx: packets sent, by code; [0] unused
 * @rx: packets received, by code; [0] counts unknown codes
 * @malformed: dropped: bad header or option lengths
 * @discarded: dropped: wrong identifier, mismatch, wrong state
 * @nak_loops: times Max-Failure turned Naks into Rejects
 * @illegal: events the table marks as impossible
 */
struct ipcp_neg_fsm_stats {
	u32 tx[IPCP_NEG_DISCREQ + 1];
	u32 rx[IPCP_NEG_DISCREQ + 1];
	u32 malformed;
	u32 discarded;
	u32 nak_loops;
	u32 illegal;
};

/**
 * struct ipcp_neg_fsm - one automaton
 * @ops: the protocol behind it
 * @conf: tunables, read at each use
 * @state: current state
 * @restart_count: the restart counter
 * @nak_count: Configure-Naks sent since the last Configure-Ack sent
 * @id: identifier of our last Configure-Request or Terminate-Request
 * @next_id: next identifier to use
 * @reply_seen: a valid Configure-Ack/Nak/Reject answered request @id;
 *	further replies to it are duplicates and are discarded (as pppd's
 *	seen_ack), so a late duplicate Ack cannot bounce an Opened link
 * @peer_mru: the peer's MRU; see ipcp_neg_fsm_tx_max()
 * @stats: counters
 * @priv: owner's pointer
 */
struct ipcp_neg_fsm {
	const struct ipcp_neg_fsm_ops *ops;
	struct ipcp_neg_fsm_conf conf;
	u8 state;
	u8 id;
	u8 next_id;
	bool reply_seen;
	unsigned int restart_count;
	unsigned int nak_count;
	unsigned int peer_mru;
	struct ipcp_neg_fsm_stats stats;
	void *priv;
};

/**
 * ipcp_neg_fsm_tx_max - the largest control packet we send
 * @f: the automaton
 *
 * @f->peer_mru capped at the default MRU (what we send never needs more)
 * and raised to IPCP_NEG_MIN_MRU. @f->peer_mru only ever holds the default
 * or an MRU that LCP Acked, never below IPCP_NEG_MIN_MRU, so the floor only
 * keeps the callers' room computations (this minus headers) from wrapping.
 * Code-Reject, Echo-Reply and Protocol-Reject are truncated to it.
 *
 * Return: the size in bytes, the 4-byte header included.
 */
static inline unsigned int ipcp_neg_fsm_tx_max(const struct ipcp_neg_fsm *f)
{
	return clamp_t(unsigned int, f->peer_mru, IPCP_NEG_MIN_MRU,
		       IPCP_NEG_DEFAULT_MRU);
}

void ipcp_neg_fsm_init(struct ipcp_neg_fsm *f,
		       const struct ipcp_neg_fsm_ops *ops, void *priv);
void ipcp_neg_fsm_conf_default(struct ipcp_neg_fsm_conf *conf);
void ipcp_neg_fsm_up(struct ipcp_neg_fsm *f);
void ipcp_neg_fsm_down(struct ipcp_neg_fsm *f);
void ipcp_neg_fsm_open(struct ipcp_neg_fsm *f);
void ipcp_neg_fsm_close(struct ipcp_neg_fsm *f);
void ipcp_neg_fsm_timeout(struct ipcp_neg_fsm *f);
void ipcp_neg_fsm_input(struct ipcp_neg_fsm *f, const u8 *pkt,
			unsigned int len);
int ipcp_neg_fsm_event(struct ipcp_neg_fsm *f, enum ipcp_neg_fsm_event ev);
u16 ipcp_neg_fsm_transition(enum ipcp_neg_fsm_state st,
			    enum ipcp_neg_fsm_event ev, u8 *next);
const char *ipcp_neg_fsm_state_name(u8 state);
const char *ipcp_neg_fsm_event_name(u8 event);

#endif /* _IPCP_NEG_FSM_H */
