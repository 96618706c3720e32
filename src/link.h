/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The channel glue: one PPP link run by the module. A link joins an engine
 * (LCP + IPCP, engine.h) to ppp_generic through two PPP channels:
 *
 *  - LOWER, which user space bridges (PPPIOCBRIDGECHAN) to the transport's
 *    channel (ppp_async on a tty, pppoe): every frame of the peer arrives in
 *    LOWER's start_xmit, and what the link sends to the peer goes out with
 *    ppp_input(LOWER);
 *  - UPPER, which user space connects to a pppN unit: what pppN sends
 *    arrives in UPPER's start_xmit, and IPv4 from the peer goes up with
 *    ppp_input(UPPER).
 *
 * Links are created and attached through the control device (ctl.c); the
 * module owns the unit's IPv4 addresses (addr.h) while the link lives.
 */
#ifndef _IPCP_NEG_LINK_H
#define _IPCP_NEG_LINK_H

#include <linux/if.h>
#include <linux/types.h>

#include "engine.h"
#include "lcp_policy.h"

struct file;
struct net;

/* The files a link holds, in the order they are released in reverse */
enum ipcp_neg_link_file {
	IPCP_NEG_LINK_TRANSPORT,	/* tty or PPPoX socket; may be NULL */
	IPCP_NEG_LINK_BRIDGE,		/* /dev/ppp on the transport channel */
	IPCP_NEG_LINK_UNIT,		/* /dev/ppp owning or attached to pppN */
	IPCP_NEG_LINK_UPPER,		/* /dev/ppp attached to UPPER */
	IPCP_NEG_LINK_NFILES
};

/**
 * struct ipcp_neg_link_conf - how a link negotiates
 * @role: enum ipcp_neg_ipcp_role
 * @pool_empty: enum ipcp_neg_pool_empty
 * @forced: server: the peer takes the address we pick
 * @req_dns: client: request DNS servers
 * @req_nbns: client: request NBNS servers
 * @local: our address (server: required)
 * @remote: server: the peer's fixed address, or 0 to use @pool
 * @srv: server: DNS1, NBNS1, DNS2, NBNS2, indexed by enum ipcp_neg_ipcp_opt
 * @pool: server: pool name when @remote is 0
 * @lcp: LCP's options (ipcp_neg_link_conf_lcp_ok()), applied at attach
 *	for the transport found then (lcp_policy.h)
 */
struct ipcp_neg_link_conf {
	u8 role;
	u8 pool_empty;
	bool forced;
	bool req_dns;
	bool req_nbns;
	__be32 local;
	__be32 remote;
	__be32 srv[IPCP_NEG_IPCP_O_COUNT];
	char pool[32];
	struct ipcp_neg_lcp_settings lcp;
};

/**
 * struct ipcp_neg_link_status - a snapshot of one link
 * @id: link id
 * @role: enum ipcp_neg_ipcp_role
 * @lcp_state: LCP automaton state (enum ipcp_neg_fsm_state)
 * @ipcp_state: IPCP automaton state
 * @local: our address while IPCP is up, else 0
 * @peer: the peer's address while IPCP is up, else 0
 * @srv: DNS/NBNS by enum ipcp_neg_ipcp_opt: a client's obtained, a
 *	server's handed out (in its last IPCP Configure-Ack)
 * @rx_dropped: frames from the peer dropped
 * @tx_dropped: frames to the peer dropped
 * @ifname: the unit's name, "" before attach
 */
struct ipcp_neg_link_status {
	u32 id;
	u8 role;
	u8 lcp_state;
	u8 ipcp_state;
	__be32 local;
	__be32 peer;
	__be32 srv[IPCP_NEG_IPCP_O_COUNT];
	u32 rx_dropped;
	u32 tx_dropped;
	char ifname[IFNAMSIZ];
};

int ipcp_neg_link_create(struct net *net, const struct ipcp_neg_link_conf *conf,
			 const void *owner, u32 *id, int *lower, int *upper);
int ipcp_neg_link_attach(struct net *net, u32 id, const void *owner,
			 struct file *files[IPCP_NEG_LINK_NFILES],
			 char *ifname);
int ipcp_neg_link_detach(struct net *net, u32 id, const char *ifname);
int ipcp_neg_link_renegotiate(struct net *net, u32 id, const char *ifname);
int ipcp_neg_link_status(struct net *net, u32 id, const char *ifname,
			 struct ipcp_neg_link_status *st);
void ipcp_neg_link_release_owner(const void *owner);
int ipcp_neg_link_init(void);
void ipcp_neg_link_exit(void);

/* The control device, ctl.c */
int ipcp_neg_ctl_init(void);
void ipcp_neg_ctl_exit(void);

#endif /* _IPCP_NEG_LINK_H */
