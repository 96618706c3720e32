/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One link's PPP control plane: LCP and the NCPs of the table in ncp.h
 * joined as RFC 1661 wires them, in its phases (engine.c): LCP
 * This-Layer-Up is every NCP's Up, LCP This-Layer-Down their Down, an LCP
 * Protocol-Reject of an NCP is its RXJ-, and each NCP's peer_mru follows
 * LCP's.
 *
 * The engine knows no skb, no timer_list and no lock. Its owner (the link
 * glue) serialises every call on one engine, e.g. under the link's
 * spinlock, and supplies packet output, timers and result callbacks
 * through struct ipcp_neg_engine_ops. The callbacks run inside the
 * automata: they must not call back into the same engine.
 */
#ifndef _IPCP_NEG_ENGINE_H
#define _IPCP_NEG_ENGINE_H

#include <linux/types.h>

#include "proto.h"
#include "lcp.h"
#include "ipcp.h"

struct ipcp_neg_engine;

/**
 * struct ipcp_neg_engine_ops - what the link glue supplies
 * @xmit: send one control packet of protocol @proto (IPCP_NEG_PROTO_LCP or
 *	IPCP_NEG_PROTO_IPCP): the 4-byte header (@code, @id, length)
 *	followed by @len bytes of @data (@data may be NULL when @len is 0)
 * @timer_start: (re)arm the restart timer of @proto to fire once after @ms
 *	milliseconds; on expiry the owner calls ipcp_neg_engine_timeout()
 * @timer_stop: cancel the restart timer of @proto (may not be armed)
 * @ipcp_up: IPCP reached Opened with an address: the results are in
 *	e->ipcp (local, peer, srv[])
 * @ipcp_down: IPCP left Opened; called once for each @ipcp_up
 * @finished: LCP This-Layer-Finished: the link is dead, tear it down
 *	(later, outside this callback)
 * @assign: server: the address for the peer, with the semantics of
 *	ipcp_neg_ipcp_assign_t; may be NULL when a fixed remote address is
 *	configured in e->ipcp.conf
 */
struct ipcp_neg_engine_ops {
	void (*xmit)(struct ipcp_neg_engine *e, u16 proto, u8 code, u8 id,
		     const u8 *data, unsigned int len);
	void (*timer_start)(struct ipcp_neg_engine *e, u16 proto,
			    unsigned int ms);
	void (*timer_stop)(struct ipcp_neg_engine *e, u16 proto);
	void (*ipcp_up)(struct ipcp_neg_engine *e);
	void (*ipcp_down)(struct ipcp_neg_engine *e);
	void (*finished)(struct ipcp_neg_engine *e);
	int (*assign)(struct ipcp_neg_engine *e, __be32 wanted, __be32 *out);
};

/* What the engine does when no address can be had (see e->pool_empty) */
enum ipcp_neg_pool_empty {
	/* close IPCP (Terminate-Request), LCP stays Opened */
	IPCP_NEG_POOL_EMPTY_IPCP_CLOSE,
	/* close LCP: the link ends */
	IPCP_NEG_POOL_EMPTY_TERMINATE,
};

/* The link's phase, RFC 1661 section 3.2 (ipcp_neg_engine_phase()) */
enum ipcp_neg_phase {
	IPCP_NEG_PHASE_DEAD,
	IPCP_NEG_PHASE_ESTABLISH,
	IPCP_NEG_PHASE_AUTHENTICATE,
	IPCP_NEG_PHASE_NETWORK,
	IPCP_NEG_PHASE_TERMINATE,
	IPCP_NEG_PHASE_COUNT
};

/* Why IPCP or LCP last went down (e->reason) */
enum ipcp_neg_engine_reason {
	IPCP_NEG_REASON_NONE,		/* up, or never went down */
	IPCP_NEG_REASON_ADMIN,		/* ipcp_neg_engine_stop() */
	IPCP_NEG_REASON_LOWER_DOWN,	/* ipcp_neg_engine_lower_down() */
	IPCP_NEG_REASON_RENEGOTIATE,	/* ipcp_neg_engine_renegotiate_ipcp() */
	IPCP_NEG_REASON_PEER_TERM,	/* the peer sent Terminate-Request */
	IPCP_NEG_REASON_PEER,		/* other peer packet: renegotiation,
					 * Code-Reject, Protocol-Reject of LCP
					 */
	IPCP_NEG_REASON_TIMEOUT,	/* restart counter ran out */
	IPCP_NEG_REASON_LOOPBACK,	/* LCP saw the line looped back */
	IPCP_NEG_REASON_PROTO_REJ,	/* the peer Protocol-Rejected IPCP */
	IPCP_NEG_REASON_NO_ADDR,	/* no address: e->pool_empty applied */
	IPCP_NEG_REASON_ECHO,		/* the owner: LCP Echo went unanswered */
	IPCP_NEG_REASON_COUNT
};

/**
 * struct ipcp_neg_engine - one link's LCP and NCPs
 * @lcp: the LCP (configure @lcp.conf and @lcp.fsm.conf after init)
 * @ipcp: the IPCP, the NCP table's IPCP_NEG_NCP_IPCP (configure
 *	@ipcp.conf and @ipcp.fsm.conf after init); one member per NCP
 * @ops: the owner's callbacks
 * @pool_empty: enum ipcp_neg_pool_empty, what to do when IPCP finds no
 *	address (default IPCP_NEG_POOL_EMPTY_IPCP_CLOSE)
 * @reason: enum ipcp_neg_engine_reason: why IPCP or LCP last went down;
 *	reset to IPCP_NEG_REASON_NONE by start and when a layer comes up
 * @cause: what is driving the automata now (an enum
 *	ipcp_neg_engine_reason), copied into @reason by the layer callbacks
 * @ip_up: @ops->ipcp_up was called and @ops->ipcp_down not yet
 * @phase: Authenticate or Network while LCP is Opened (an enum
 *	ipcp_neg_phase; read it with ipcp_neg_engine_phase())
 * @priv: the owner's pointer
 */
struct ipcp_neg_engine {
	struct ipcp_neg_lcp lcp;
	struct ipcp_neg_ipcp ipcp;
	const struct ipcp_neg_engine_ops *ops;
	enum ipcp_neg_pool_empty pool_empty;
	u32 reason;
	u8 cause;
	bool ip_up;
	u8 phase;
	void *priv;
};

void ipcp_neg_engine_init(struct ipcp_neg_engine *e,
			  const struct ipcp_neg_engine_ops *ops,
			  enum ipcp_neg_ipcp_role role, void *priv);
void ipcp_neg_engine_start(struct ipcp_neg_engine *e);
void ipcp_neg_engine_stop(struct ipcp_neg_engine *e);
void ipcp_neg_engine_lower_down(struct ipcp_neg_engine *e);
void ipcp_neg_engine_renegotiate_ipcp(struct ipcp_neg_engine *e);
void ipcp_neg_engine_echo_timeout(struct ipcp_neg_engine *e);
void ipcp_neg_engine_input(struct ipcp_neg_engine *e, u16 proto,
			   const u8 *pkt, unsigned int len);
void ipcp_neg_engine_timeout(struct ipcp_neg_engine *e, u16 proto);
bool ipcp_neg_engine_ip_ok(const struct ipcp_neg_engine *e);
bool ipcp_neg_engine_data_ok(const struct ipcp_neg_engine *e, u16 proto);
u8 ipcp_neg_engine_phase(const struct ipcp_neg_engine *e);
const char *ipcp_neg_engine_phase_name(u8 phase);
void ipcp_neg_engine_reject_proto(struct ipcp_neg_engine *e, u16 proto,
				  const u8 *info, unsigned int len);
const char *ipcp_neg_engine_reason_name(u32 reason);
const char *ipcp_neg_engine_reason_code(u32 reason);

#endif /* _IPCP_NEG_ENGINE_H */
