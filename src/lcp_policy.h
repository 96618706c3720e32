/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What LCP negotiates on each kind of transport (lcp_policy.c): a link's
 * LCP settings as configured, where zero means "the transport's default",
 * turned into the codec's configuration (struct ipcp_neg_lcp_conf, lcp.h)
 * once attach has found the transport, and the bound the transport puts on
 * pppN's MTU. The one place these rules are written: the link, KUnit and
 * the documentation's table all follow it.
 */
#ifndef _IPCP_NEG_LCP_POLICY_H
#define _IPCP_NEG_LCP_POLICY_H

#include <linux/types.h>

#include "lcp.h"

/* The kinds of transport attach tells apart */
enum ipcp_neg_transport {
	IPCP_NEG_TRANSPORT_NONE,	/* not handed over: unknown */
	IPCP_NEG_TRANSPORT_ASYNC,	/* a tty (ppp_async) */
	IPCP_NEG_TRANSPORT_PPPOX,	/* a PPPoX socket: PPPoE, L2TP */
};

/**
 * struct ipcp_neg_lcp_settings - a link's LCP options as configured
 * @mru: the MRU to request, IPCP_NEG_MIN_MRU to IPCP_NEG_DEFAULT_MRU; 0
 *	for the transport's default (its limit, else 1500, not sent)
 * @default_accm: tty: request no ACCM (pppd's default-asyncmap), so that
 *	the peer escapes every control character
 * @accm: tty: the ACCM to request unless @default_accm (0, the default:
 *	no control character escaped; 0x000a0000 for XON/XOFF lines)
 * @no_pcomp: tty: neither request nor Ack Protocol-Field-Compression
 *	(pppd's nopcomp)
 * @no_accomp: tty: neither request nor Ack
 *	Address-and-Control-Field-Compression (pppd's noaccomp)
 *
 * All zero: the transport's defaults.
 */
struct ipcp_neg_lcp_settings {
	u16 mru;
	bool default_accm;
	u32 accm;
	bool no_pcomp;
	bool no_accomp;
};

/**
 * struct ipcp_neg_transport_info - a link's transport, as attach found it
 * @kind: enum ipcp_neg_transport
 * @mtu: the largest PPP Information field it carries, 0 if it sets no
 *	limit of its own; a PPPoX channel's mtu (PPPoE: the Ethernet
 *	device's MTU at attach, less 6 for the PPPoE header and 2 for the
 *	PPP protocol field)
 */
struct ipcp_neg_transport_info {
	u8 kind;
	u16 mtu;
};

void ipcp_neg_lcp_policy(const struct ipcp_neg_lcp_settings *s,
			 const struct ipcp_neg_transport_info *t,
			 struct ipcp_neg_lcp_conf *c);
unsigned int ipcp_neg_lcp_policy_mtu(const struct ipcp_neg_transport_info *t,
				     u16 peer_mru);

#endif /* _IPCP_NEG_LCP_POLICY_H */
