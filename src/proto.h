/* SPDX-License-Identifier: GPL-2.0 */
/*
 * On-wire constants and layouts of PPP control protocols (RFC 1661, RFC 1332,
 * RFC 1877) as used by ipcp_neg. Nothing but wire formats lives here.
 */
#ifndef _IPCP_NEG_PROTO_H
#define _IPCP_NEG_PROTO_H

#include <linux/types.h>

/* PPP protocol numbers (the 2-byte field ppp_generic hands to a channel) */
#define IPCP_NEG_PROTO_IP	0x0021
#define IPCP_NEG_PROTO_IPCP	0x8021
#define IPCP_NEG_PROTO_LCP	0xc021

/* Control packet codes (RFC 1661 section 5) */
#define IPCP_NEG_CONFREQ	1
#define IPCP_NEG_CONFACK	2
#define IPCP_NEG_CONFNAK	3
#define IPCP_NEG_CONFREJ	4
#define IPCP_NEG_TERMREQ	5
#define IPCP_NEG_TERMACK	6
#define IPCP_NEG_CODEREJ	7
#define IPCP_NEG_PROTREJ	8	/* LCP only */
#define IPCP_NEG_ECHOREQ	9	/* LCP only */
#define IPCP_NEG_ECHOREP	10	/* LCP only */
#define IPCP_NEG_DISCREQ	11	/* LCP only */

/* Control packet header: code, identifier, length (big endian, header included) */
#define IPCP_NEG_HDRLEN		4
/* Option header: type, length (header included) */
#define IPCP_NEG_OPTHDRLEN	2

/* LCP options (RFC 1661 section 6) */
#define IPCP_NEG_LCP_MRU	1
#define IPCP_NEG_LCP_ACCM	2
#define IPCP_NEG_LCP_AUTH	3
#define IPCP_NEG_LCP_QUALITY	4
#define IPCP_NEG_LCP_MAGIC	5
#define IPCP_NEG_LCP_PFC	7
#define IPCP_NEG_LCP_ACFC	8

/* IPCP options (RFC 1332, RFC 1877) */
#define IPCP_NEG_IPCP_ADDRS	1	/* IP-Addresses, deprecated */
#define IPCP_NEG_IPCP_COMP	2	/* IP-Compression-Protocol */
#define IPCP_NEG_IPCP_ADDR	3	/* IP-Address */
#define IPCP_NEG_IPCP_DNS1	129	/* Primary DNS server */
#define IPCP_NEG_IPCP_NBNS1	130	/* Primary NBNS server */
#define IPCP_NEG_IPCP_DNS2	131	/* Secondary DNS server */
#define IPCP_NEG_IPCP_NBNS2	132	/* Secondary NBNS server */

#define IPCP_NEG_DEFAULT_MRU	1500
#define IPCP_NEG_MIN_MRU	128

#endif /* _IPCP_NEG_PROTO_H */
