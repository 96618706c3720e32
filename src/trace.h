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

#include <ipcp_neg_names.h>

#include "compat.h"

/*
 * An automaton state, named as sysfs state/lcp and state/ipcp name it,
 * and a control packet code, named as the packet history names it
 * (ipcp_neg_names.h); a last symbol closes each list
 */
#define IPCP_NEG_TRACE_STATE(v, name, rfc)	{ v, name },
#define ipcp_neg_trace_state(st)					\
	__print_symbolic(st, IPCP_NEG_STATE_NAMES(IPCP_NEG_TRACE_STATE)	\
			 { 255, "?" })

#define IPCP_NEG_TRACE_CODE(v, suffix, name, lcp_only)	{ v, name },
#define ipcp_neg_trace_code(code)					\
	__print_symbolic(code, IPCP_NEG_CODE_NAMES(IPCP_NEG_TRACE_CODE)	\
			 { 0, "?" })

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
