// SPDX-License-Identifier: GPL-2.0
/*
 * What LCP negotiates on each kind of transport (lcp_policy.h), as pppd
 * does on it:
 *
 * - A tty (ppp_async): we request ACCM 0, PFC and ACFC, and Ack the
 *   peer's ACCM, PFC and ACFC; each can be turned off. ppp_async watches
 *   the LCP Configure-Acks that pass through it both ways
 *   (async_lcp_peek()) and takes its receive ACCM and MRU from the Ack of
 *   our request, its transmit ACCM and MTU from our Ack of the peer's: the
 *   module cannot ioctl the channel, and needs not. Receiving compressed
 *   frames costs nothing: ppp_async strips 0xff 0x03 when present and
 *   takes frames without it, the link's receive path reads a 1-byte
 *   protocol field, and ppp_generic expands it for pppN. We always send
 *   uncompressed frames (ppp_async adds 0xff 0x03 unless told otherwise by
 *   an ioctl; RFC 1661 allows it). The MRU is 1500, not sent, unless
 *   configured.
 * - A PPPoX socket (PPPoE, L2TP): ACCM, PFC and ACFC Rejected and never
 *   requested (RFC 2516 7, and pppd's rp-pppoe plugin); the MRU requested is the transport's limit
 *   (PPPoE: 1492 on a 1500-byte Ethernet) when that is below 1500, or the
 *   configured one, at most that limit (pppd's rp-pppoe plugin clamps the
 *   same way).
 * - Unknown (no transport file handed over): as before this policy, no
 *   ACCM requested (the peer's Acked), PFC and ACFC Rejected, the
 *   configured MRU.
 *
 * pppN's MTU is the peer's MRU, at most the transport's limit.
 */

#include <linux/kernel.h>
#include <linux/minmax.h>
#include <kunit/visibility.h>

#include "compat.h"
#include "lcp_policy.h"

/**
 * ipcp_neg_lcp_policy - the codec's configuration for a link
 * @s: the link's settings (ipcp_neg_link_conf_lcp_ok())
 * @t: its transport
 * @c: out: LCP's configuration; what the codec reads when it builds its
 *	next Configure-Request and judges the peer's (the automaton's
 *	tunables are not touched)
 */
void ipcp_neg_lcp_policy(const struct ipcp_neg_lcp_settings *s,
			 const struct ipcp_neg_transport_info *t,
			 struct ipcp_neg_lcp_conf *c)
{
	bool async = t->kind == IPCP_NEG_TRANSPORT_ASYNC;
	unsigned int mru = s->mru ?: IPCP_NEG_DEFAULT_MRU;

	if (t->mtu)
		mru = min_t(unsigned int, mru, t->mtu);
	c->mru = mru;
	c->req_accm = async && !s->default_accm;
	c->accm = c->req_accm ? s->accm : 0;
	c->accept_pfc = async && !s->no_pcomp;
	c->req_pfc = c->accept_pfc;
	c->accept_acfc = async && !s->no_accomp;
	c->req_acfc = c->accept_acfc;
	c->rej_accm = t->kind == IPCP_NEG_TRANSPORT_PPPOX;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_policy);

/**
 * ipcp_neg_lcp_policy_mtu - pppN's MTU
 * @t: the link's transport
 * @peer_mru: the MRU the peer requested and we Acked (1500 if none)
 *
 * Return: @peer_mru, at most the transport's limit.
 */
unsigned int ipcp_neg_lcp_policy_mtu(const struct ipcp_neg_transport_info *t,
				     u16 peer_mru)
{
	return t->mtu ? min_t(unsigned int, peer_mru, t->mtu) : peer_mru;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_lcp_policy_mtu);
