/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A link's configuration (struct ipcp_neg_link_conf, link.h): the rules
 * its values follow, written once (link_conf.c) and used both for a whole
 * configuration when a link is created (the ioctl) and for one value at a
 * time when it changes on a running link (sysfs); the link's setters,
 * which check a value against the link's current configuration and
 * renegotiate IPCP when the peer must learn of it, and its getter. LCP's
 * options take effect at LCP's next negotiation.
 *
 * Every setter and the getter take link->lock (BH) and no other lock of
 * the link; set_pool() also looks the pool up before, so they run in
 * process context. A refused value changes nothing.
 */
#ifndef _IPCP_NEG_LINK_CONF_H
#define _IPCP_NEG_LINK_CONF_H

#include <linux/types.h>

#include "link.h"

struct ipcp_neg_link;

/* A link's flags: sysfs forced, request_dns, request_nbns */
enum ipcp_neg_link_flag {
	IPCP_NEG_LINK_FORCED,		/* a server's */
	IPCP_NEG_LINK_REQ_DNS,		/* a client's */
	IPCP_NEG_LINK_REQ_NBNS,		/* a client's */
	IPCP_NEG_LINK_NFLAGS
};

/* The automata's tunables (struct ipcp_neg_fsm_conf): one value for all */
enum ipcp_neg_link_tunable {
	IPCP_NEG_LINK_RESTART_MS,
	IPCP_NEG_LINK_MAX_CONFIGURE,
	IPCP_NEG_LINK_MAX_TERMINATE,
	IPCP_NEG_LINK_MAX_FAILURE,
	IPCP_NEG_LINK_NTUNABLES
};

/**
 * struct ipcp_neg_link_settings - a link's configuration, as it is now
 * @conf: as at creation, with what was changed since; @conf.pool is the
 *	pool the peer's address comes from, "" for none
 * @flag: @conf's flags again, by enum ipcp_neg_link_flag
 * @tunable: by enum ipcp_neg_link_tunable, LCP's (every automaton of the
 *	link has the same)
 * @lcp: what LCP requests and accepts now, from @conf.lcp and the
 *	transport (lcp_policy.h)
 */
struct ipcp_neg_link_settings {
	struct ipcp_neg_link_conf conf;
	bool flag[IPCP_NEG_LINK_NFLAGS];
	unsigned int tunable[IPCP_NEG_LINK_NTUNABLES];
	struct ipcp_neg_lcp_conf lcp;
};

/* LCP's options a running link may change (sysfs mru, asyncmap, ...) */
enum ipcp_neg_link_lcp_opt {
	IPCP_NEG_LINK_LCP_MRU,		/* 0: the transport's default */
	IPCP_NEG_LINK_LCP_ACCM,		/* a tty's: the ACCM requested */
	IPCP_NEG_LINK_LCP_NO_ACCM,	/* a tty's: 1: no ACCM requested */
	IPCP_NEG_LINK_LCP_PCOMP,	/* a tty's: PFC requested and Acked */
	IPCP_NEG_LINK_LCP_ACCOMP,	/* a tty's: ACFC requested and Acked */
};

/* The rules, one per field */
bool ipcp_neg_link_conf_local_ok(u8 role, __be32 local, __be32 remote);
bool ipcp_neg_link_conf_peer_ok(u8 role, __be32 local, __be32 remote,
				bool pool);
bool ipcp_neg_link_conf_srv_ok(__be32 srv);
bool ipcp_neg_link_conf_flag_ok(u8 role, unsigned int flag);
bool ipcp_neg_link_conf_tunable_ok(unsigned int tunable, unsigned int v);
bool ipcp_neg_link_conf_mru_ok(unsigned int mru);
bool ipcp_neg_link_conf_lcp_ok(u8 transport, unsigned int opt, u32 v);
int ipcp_neg_link_conf_check(const struct ipcp_neg_link_conf *c);

/* A link's: set at creation, changed and read while it runs */
void ipcp_neg_link_conf_init(struct ipcp_neg_link *link,
			     const struct ipcp_neg_link_conf *c);
int ipcp_neg_link_set_local(struct ipcp_neg_link *link, __be32 local);
int ipcp_neg_link_set_remote(struct ipcp_neg_link *link, __be32 remote);
int ipcp_neg_link_set_pool(struct ipcp_neg_link *link, const char *name);
int ipcp_neg_link_set_servers(struct ipcp_neg_link *link, unsigned int first,
			      const __be32 pair[2]);
int ipcp_neg_link_set_flag(struct ipcp_neg_link *link, unsigned int flag,
			   bool v);
int ipcp_neg_link_set_pool_empty(struct ipcp_neg_link *link, unsigned int v);
int ipcp_neg_link_set_tunable(struct ipcp_neg_link *link,
			      unsigned int tunable, unsigned int v);
int ipcp_neg_link_set_lcp(struct ipcp_neg_link *link, unsigned int opt,
			  u32 v);
void ipcp_neg_link_conf_transport(struct ipcp_neg_link *link,
				  const struct ipcp_neg_transport_info *t);
void ipcp_neg_link_get_conf(struct ipcp_neg_link *link,
			    struct ipcp_neg_link_settings *s);

#endif /* _IPCP_NEG_LINK_CONF_H */
