// SPDX-License-Identifier: GPL-2.0
/*
 * What IPCP up and down do to the unit, from a work item (process
 * context): program or delete the address and MTU (addr.c) and send the
 * up, change and down events (events.h).
 *
 * Locking: addr_work reads link->want and the DNS servers under
 * link->lock; link->ev, ev_up and addr_up belong to addr_work and the
 * teardown (which cancels addr_work first).
 */

#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>

#include "compat.h"
#include "link_int.h"
#include "addr.h"

/* IPCP_NEG_REASON of a down event */
static const char *link_down_reason(struct ipcp_neg_link *link)
{
	u8 reason;

	if (READ_ONCE(link->removing))
		return ipcp_neg_event_detach_reason();
	spin_lock_bh(&link->lock);
	reason = link->down_reason;
	spin_unlock_bh(&link->lock);
	return ipcp_neg_engine_reason_code(reason);
}

/* The DNS servers of an up event: client: obtained; server: handed out */
static void link_event_dns(struct ipcp_neg_link *link, __be32 dns[2])
{
	struct ipcp_neg_ipcp *ipcp = &link->eng.ipcp;
	const __be32 *srv = ipcp->conf.role == IPCP_NEG_IPCP_CLIENT ?
			    ipcp->srv : ipcp->conf.srv;

	lockdep_assert_held(&link->lock);
	dns[0] = srv[IPCP_NEG_IPCP_O_DNS1];
	dns[1] = srv[IPCP_NEG_IPCP_O_DNS2];
}

/* Up, or change when something differs from the last up or change */
static void link_event_up(struct ipcp_neg_link *link,
			  const struct link_addr *want, const __be32 dns[2])
{
	struct ipcp_neg_event *ev = &link->ev;

	if (!ipcp_neg_event_up_next(ev, &link->ev_up, want->local, want->peer,
				    dns))
		return;
	ev->link_id = link->id;
	ev->client = link->eng.ipcp.conf.role == IPCP_NEG_IPCP_CLIENT;
	ipcp_neg_event_send(link->dev, ev);
}

/**
 * ipcp_neg_link_event_down - send the down event, if an up was sent
 * @link: the link
 *
 * With the addresses the last up or change had.
 *
 * Context: addr_work or the teardown (after addr_work was cancelled).
 */
void ipcp_neg_link_event_down(struct ipcp_neg_link *link)
{
	if (!ipcp_neg_event_down_next(&link->ev, &link->ev_up))
		return;
	link->ev.reason = link_down_reason(link);
	ipcp_neg_event_send(link->dev, &link->ev);
}

/**
 * ipcp_neg_link_addr_work - apply IPCP's outcome to the unit
 * @w: the link's addr_work
 *
 * Reads what IPCP wants (link->want) and programs or deletes the address
 * and MTU, then sends the up, change or down event.
 *
 * Context: process context, ipcp_neg_link_wq.
 */
void ipcp_neg_link_addr_work(struct work_struct *w)
{
	struct ipcp_neg_link *link = container_of(w, struct ipcp_neg_link,
						  addr_work);
	struct link_addr want;
	__be32 dns[2];
	int err;

	spin_lock_bh(&link->lock);
	want = link->want;
	link_event_dns(link, dns);
	spin_unlock_bh(&link->lock);
	if (!want.up) {
		if (link->addr_up)
			ipcp_neg_addr_clear(link->dev);
		link->addr_up = false;
		ipcp_neg_link_event_down(link);
		return;
	}
	err = ipcp_neg_addr_set(link->dev, want.local, want.peer);
	if (!err) {
		err = ipcp_neg_addr_set_mtu(link->dev, want.mtu);
		link_event_up(link, &want, dns);
	}
	link->addr_up = true;
	if (err && net_ratelimit())
		netdev_warn(link->dev, "cannot set %pI4 peer %pI4 mtu %u: %d\n",
			    &want.local, &want.peer, want.mtu, err);
}
