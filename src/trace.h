/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracepoints of ipcp_neg (trace system "ipcp_neg"): the automaton's state
 * changes and the control packets it receives and sends. events.c defines
 * them (CREATE_TRACE_POINTS); see Documentation/ipcp_neg.rst, "Events and
 * tracing".
 */
#undef TRACE_SYSTEM
#define TRACE_SYSTEM ipcp_neg

#if !defined(_IPCP_NEG_TRACE_H) || defined(TRACE_HEADER_MULTI_READ)
#define _IPCP_NEG_TRACE_H

#include <linux/tracepoint.h>

#include "compat.h"
#include "fsm.h"
#include "proto.h"

/* The automaton's states, named as sysfs state/lcp and state/ipcp do */
TRACE_DEFINE_ENUM(IPCP_NEG_ST_INITIAL);
TRACE_DEFINE_ENUM(IPCP_NEG_ST_STARTING);
TRACE_DEFINE_ENUM(IPCP_NEG_ST_CLOSED);
TRACE_DEFINE_ENUM(IPCP_NEG_ST_STOPPED);
TRACE_DEFINE_ENUM(IPCP_NEG_ST_CLOSING);
TRACE_DEFINE_ENUM(IPCP_NEG_ST_STOPPING);
TRACE_DEFINE_ENUM(IPCP_NEG_ST_REQSENT);
TRACE_DEFINE_ENUM(IPCP_NEG_ST_ACKRCVD);
TRACE_DEFINE_ENUM(IPCP_NEG_ST_ACKSENT);
TRACE_DEFINE_ENUM(IPCP_NEG_ST_OPENED);

/* An automaton state, named as sysfs state/lcp and state/ipcp name it */
#define ipcp_neg_trace_state(st)					\
	__print_symbolic(st,						\
			 { IPCP_NEG_ST_INITIAL,	"initial" },		\
			 { IPCP_NEG_ST_STARTING, "starting" },		\
			 { IPCP_NEG_ST_CLOSED,	"closed" },		\
			 { IPCP_NEG_ST_STOPPED,	"stopped" },		\
			 { IPCP_NEG_ST_CLOSING,	"closing" },		\
			 { IPCP_NEG_ST_STOPPING, "stopping" },		\
			 { IPCP_NEG_ST_REQSENT,	"req-sent" },		\
			 { IPCP_NEG_ST_ACKRCVD,	"ack-rcvd" },		\
			 { IPCP_NEG_ST_ACKSENT,	"ack-sent" },		\
			 { IPCP_NEG_ST_OPENED,	"opened" })

/* A control packet code, named as the packets history names it */
#define ipcp_neg_trace_code(code)					\
	__print_symbolic(code,						\
			 { IPCP_NEG_CONFREQ, "Configure-Request" },	\
			 { IPCP_NEG_CONFACK, "Configure-Ack" },		\
			 { IPCP_NEG_CONFNAK, "Configure-Nak" },		\
			 { IPCP_NEG_CONFREJ, "Configure-Reject" },	\
			 { IPCP_NEG_TERMREQ, "Terminate-Request" },	\
			 { IPCP_NEG_TERMACK, "Terminate-Ack" },		\
			 { IPCP_NEG_CODEREJ, "Code-Reject" },		\
			 { IPCP_NEG_PROTREJ, "Protocol-Reject" },	\
			 { IPCP_NEG_ECHOREQ, "Echo-Request" },		\
			 { IPCP_NEG_ECHOREP, "Echo-Reply" },		\
			 { IPCP_NEG_DISCREQ, "Discard-Request" })

/*
 * ipcp_neg_fsm_state - an automaton changed state
 * @proto: "LCP" or "IPCP"
 * @old: the state it left (enum ipcp_neg_fsm_state)
 * @new: the state it entered
 * @event: the RFC 1661 event that moved it, e.g. "RCA" or "TO-"
 */
TRACE_EVENT(ipcp_neg_fsm_state,
	    TP_PROTO(const char *proto, u8 old, u8 new, const char *event),
	    TP_ARGS(proto, old, new, event),
	    TP_STRUCT__entry(__string(proto, proto)
			     __field(u8, old)
			     __field(u8, new)
			     __string(event, event)),
	    TP_fast_assign(ipcp_neg_assign_str(proto, proto);
			   __entry->old = old;
			   __entry->new = new;
			   ipcp_neg_assign_str(event, event);),
	    TP_printk("proto=%s old=%s new=%s event=%s", __get_str(proto),
		      ipcp_neg_trace_state(__entry->old),
		      ipcp_neg_trace_state(__entry->new), __get_str(event))
);

/*
 * ipcp_neg_packet - a control packet the automaton received or sent
 * @proto: "LCP" or "IPCP"
 * @tx: sent (else received)
 * @code: its Code field
 * @id: its Identifier field
 * @len: its Length field (header included)
 */
TRACE_EVENT(ipcp_neg_packet,
	    TP_PROTO(const char *proto, bool tx, u8 code, u8 id, u16 len),
	    TP_ARGS(proto, tx, code, id, len),
	    TP_STRUCT__entry(__string(proto, proto)
			     __field(bool, tx)
			     __field(u8, code)
			     __field(u8, id)
			     __field(u16, len)),
	    TP_fast_assign(ipcp_neg_assign_str(proto, proto);
			   __entry->tx = tx;
			   __entry->code = code;
			   __entry->id = id;
			   __entry->len = len;),
	    TP_printk("proto=%s dir=%s code=%s id=%u len=%u", __get_str(proto),
		      __entry->tx ? "tx" : "rx",
		      ipcp_neg_trace_code(__entry->code), __entry->id,
		      __entry->len)
);

#endif /* _IPCP_NEG_TRACE_H */

#undef TRACE_INCLUDE_PATH
#define TRACE_INCLUDE_PATH .
#undef TRACE_INCLUDE_FILE
#define TRACE_INCLUDE_FILE trace
#include <trace/define_trace.h>
