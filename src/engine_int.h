/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the engine (engine.c) shares with the NCPs of its table
 * (ncp_*.c): the reason bookkeeping and the automaton glue every NCP's
 * automaton uses to reach the owner.
 */
#ifndef _IPCP_NEG_ENGINE_INT_H
#define _IPCP_NEG_ENGINE_INT_H

#include "engine.h"
#include "fsm.h"

/* An explicit decision: it is the reason, whatever follows */
static inline void ipcp_neg_engine_decide(struct ipcp_neg_engine *e,
					  u8 reason)
{
	e->reason = reason;
	e->cause = reason;
}

/* A layer went down or finished: the first cause since it was up counts */
static inline void ipcp_neg_engine_note_down(struct ipcp_neg_engine *e)
{
	if (e->reason == IPCP_NEG_REASON_NONE)
		e->reason = e->cause;
}

/* The engine an NCP's automaton belongs to */
static inline struct ipcp_neg_engine *ipcp_neg_fsm_engine(struct ipcp_neg_fsm *f)
{
	return f->priv;
}

void ipcp_neg_engine_ncp_xmit(struct ipcp_neg_fsm *f, u8 code, u8 id,
			      const u8 *data, unsigned int len);
void ipcp_neg_engine_ncp_timer_start(struct ipcp_neg_fsm *f, unsigned int ms);
void ipcp_neg_engine_ncp_timer_stop(struct ipcp_neg_fsm *f);

/* An NCP automaton's ops: its codec's, these, and its layer callbacks */
#define IPCP_NEG_ENGINE_NCP_GLUE_OPS				\
	.xmit = ipcp_neg_engine_ncp_xmit,			\
	.timer_start = ipcp_neg_engine_ncp_timer_start,		\
	.timer_stop = ipcp_neg_engine_ncp_timer_stop

#endif /* _IPCP_NEG_ENGINE_INT_H */
