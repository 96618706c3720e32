/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Events of a link for user space: a uevent (ACTION=change) on the pppN
 * net device when IPCP comes up, goes down or changes address. The net
 * device's kobject belongs to its network namespace, so the event reaches
 * only that namespace's listeners. See Documentation/ipcp_neg.rst, "Events".
 */
#ifndef _IPCP_NEG_EVENTS_H
#define _IPCP_NEG_EVENTS_H

#include <linux/types.h>

struct net_device;

/* IPCP_NEG_EVENT= of the uevent */
enum ipcp_neg_event_kind {
	IPCP_NEG_EVENT_UP,	/* "up": IPCP opened, the address is applied */
	IPCP_NEG_EVENT_DOWN,	/* "down": IPCP left Opened, address removed */
	IPCP_NEG_EVENT_CHANGE,	/* "change": a new address without a down */
};

/**
 * struct ipcp_neg_event - what one uevent carries
 * @kind: up, down or change
 * @link_id: the link's id (IPCP_NEG_LINK)
 * @client: the link's role is client (IPCP_NEG_ROLE)
 * @local: our address (IPCP_NEG_LOCAL); for down, the one we had
 * @peer: the peer's address (IPCP_NEG_PEER)
 * @dns: DNS1 and DNS2: client: obtained; server: handed out; 0 for none
 *	(IPCP_NEG_DNS1, IPCP_NEG_DNS2, only when non-zero)
 * @reason: a reason code (IPCP_NEG_REASON): "negotiated" for up and
 *	change, an ipcp_neg_engine_reason_code() or "detach" for down
 */
struct ipcp_neg_event {
	enum ipcp_neg_event_kind kind;
	u32 link_id;
	bool client;
	__be32 local;
	__be32 peer;
	__be32 dns[2];
	const char *reason;
};

int ipcp_neg_event_send(struct net_device *dev,
			const struct ipcp_neg_event *ev);
const char *ipcp_neg_event_detach_reason(void);
bool ipcp_neg_event_up_next(struct ipcp_neg_event *ev, bool *ev_up,
			    __be32 local, __be32 peer, const __be32 dns[2]);
bool ipcp_neg_event_down_next(struct ipcp_neg_event *ev, bool *ev_up);

#endif /* _IPCP_NEG_EVENTS_H */
