// SPDX-License-Identifier: GPL-2.0
/*
 * A link's two PPP channels and its data path (the frame path is drawn in
 * link.c): LOWER's and UPPER's start_xmit queue, the tasklet moves the
 * frames, control packets go to the engine, a data protocol passes while
 * its NCP of the table (ncp.h) is up, anything else is Protocol-Rejected.
 *
 * Locking: link->qlock (BH) guards the three queues and link->dead;
 * link->lock (BH) is taken around the engine, outside qlock (the engine's
 * xmit queues to to_lower under it).
 */

#include <linux/interrupt.h>
#include <linux/ppp_channel.h>
#include <linux/ppp_defs.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>

#include "compat.h"
#include "link_int.h"

/* Frames queued per direction before new ones are dropped */
#define LINK_QLEN		512

static void link_queue(struct ipcp_neg_link *link, struct sk_buff_head *q,
		       struct sk_buff *skb, atomic_t *drops)
{
	bool ok;

	spin_lock_bh(&link->qlock);
	ok = !link->dead && skb_queue_len(q) < LINK_QLEN;
	if (ok) {
		__skb_queue_tail(q, skb);
		tasklet_schedule(&link->tasklet);
	}
	spin_unlock_bh(&link->qlock);
	if (!ok) {
		atomic_inc(drops);
		kfree_skb(skb);
	}
}

static int link_lower_xmit(struct ppp_channel *chan, struct sk_buff *skb)
{
	struct ipcp_neg_link *link = container_of(chan, struct ipcp_neg_link,
						  lower);

	link_queue(link, &link->from_lower, skb, &link->rx_dropped);
	return 1;
}

static int link_upper_xmit(struct ppp_channel *chan, struct sk_buff *skb)
{
	struct ipcp_neg_link *link = container_of(chan, struct ipcp_neg_link,
						  upper);

	link_queue(link, &link->from_upper, skb, &link->tx_dropped);
	return 1;
}

static const struct ppp_channel_ops link_lower_ops = {
	.start_xmit = link_lower_xmit,
};

static const struct ppp_channel_ops link_upper_ops = {
	.start_xmit = link_upper_xmit,
};

static void link_drop(struct sk_buff *skb, atomic_t *drops)
{
	atomic_inc(drops);
	kfree_skb(skb);
}

/* A control packet of the peer, into the history */
static void link_hist_rx(struct ipcp_neg_link *link, u16 proto,
			 const u8 *pkt, unsigned int len)
{
	unsigned int hlen = min_t(unsigned int, len, IPCP_NEG_HDRLEN);

	lockdep_assert_held(&link->lock);
	ipcp_neg_hist_add(link->hist, false, proto, pkt, hlen, pkt + hlen,
			  len - hlen);
}

/* Is @proto LCP or the control protocol of an NCP of the table? */
static bool link_is_control(u16 proto)
{
	return proto == PPP_LCP || ipcp_neg_ncp_by_proto(proto);
}

/* Is @ncp (that opens a data protocol, or NULL) up? Read locklessly. */
static bool link_ncp_up(struct ipcp_neg_link *link,
			const struct ipcp_neg_ncp *ncp)
{
	return ncp && test_bit(ncp->id, &link->data_up);
}

/* A control packet, or another protocol to reject, to the engine */
static void link_rx_ctl(struct ipcp_neg_link *link, u16 proto,
			struct sk_buff *skb, unsigned int hdr)
{
	if (skb_linearize(skb)) {
		link_drop(skb, &link->rx_dropped);
		return;
	}
	spin_lock_bh(&link->lock);
	if (link_is_control(proto)) {
		link_hist_rx(link, proto, skb->data + hdr, skb->len - hdr);
		ipcp_neg_engine_input(&link->eng, proto, skb->data + hdr,
				      skb->len - hdr);
	} else {
		ipcp_neg_engine_reject_proto(&link->eng, proto,
					     skb->data + hdr, skb->len - hdr);
	}
	spin_unlock_bh(&link->lock);
	consume_skb(skb);
}

/* One frame of the peer; its protocol field may be compressed (PFC) */
static void link_rx(struct ipcp_neg_link *link, struct sk_buff *skb)
{
	unsigned int hdr = 2;
	const struct ipcp_neg_ncp *ncp;
	u16 proto;

	if (!pskb_may_pull(skb, 1))
		goto drop;
	proto = skb->data[0];
	if (proto & 1) {
		hdr = 1;
	} else {
		if (!pskb_may_pull(skb, 2))
			goto drop;
		proto = get_unaligned_be16(skb->data);
	}
	ncp = ipcp_neg_ncp_by_data(proto);
	if (!ncp) {
		link_rx_ctl(link, proto, skb, hdr);
		return;
	}
	/* an NCP's data: passed while that NCP is up, else dropped */
	if (link_ncp_up(link, ncp)) {
		ppp_input(&link->upper, skb);
		return;
	}
drop:
	link_drop(skb, &link->rx_dropped);
}

/* One frame of pppN: only a data protocol whose NCP is up */
static void link_tx(struct ipcp_neg_link *link, struct sk_buff *skb)
{
	if (!pskb_may_pull(skb, 2) ||
	    !link_ncp_up(link,
			 ipcp_neg_ncp_by_data(get_unaligned_be16(skb->data)))) {
		link_drop(skb, &link->tx_dropped);
		return;
	}
	ppp_input(&link->lower, skb);
}

static void link_tasklet(struct tasklet_struct *t)
{
	struct ipcp_neg_link *link = from_tasklet(link, t, tasklet);
	struct sk_buff_head rx, tx, ctl;
	struct sk_buff *skb;

	__skb_queue_head_init(&rx);
	__skb_queue_head_init(&tx);
	__skb_queue_head_init(&ctl);
	spin_lock_bh(&link->qlock);
	skb_queue_splice_init(&link->from_lower, &rx);
	skb_queue_splice_init(&link->from_upper, &tx);
	spin_unlock_bh(&link->qlock);

	while ((skb = __skb_dequeue(&rx)))
		link_rx(link, skb);
	while ((skb = __skb_dequeue(&tx)))
		link_tx(link, skb);

	/* what the engine said, including answers to @rx */
	spin_lock_bh(&link->qlock);
	skb_queue_splice_init(&link->to_lower, &ctl);
	spin_unlock_bh(&link->qlock);
	while ((skb = __skb_dequeue(&ctl)))
		ppp_input(&link->lower, skb);
}

/**
 * ipcp_neg_link_send_ctl - queue one control packet of the engine
 * @link: the link
 * @proto: its protocol (LCP or an NCP's)
 * @code: its Code
 * @id: its Identifier
 * @data: what follows the 4-byte header (may be NULL when @len is 0)
 * @len: bytes at @data
 *
 * The tasklet hands it to LOWER after the frames it is processing; a
 * packet longer than PPP_MRU, an allocation failure or a full queue count
 * as tx_dropped.
 *
 * Context: any; the engine's xmit(), under link->lock.
 */
void ipcp_neg_link_send_ctl(struct ipcp_neg_link *link, u16 proto, u8 code,
			    u8 id, const u8 *data, unsigned int len)
{
	struct sk_buff *skb;
	u8 *p;

	if (len > PPP_MRU) {
		atomic_inc(&link->tx_dropped);
		return;
	}
	skb = alloc_skb(IPCP_NEG_LINK_HEADROOM + 6 + len, GFP_ATOMIC);
	if (!skb) {
		atomic_inc(&link->tx_dropped);
		return;
	}
	skb_reserve(skb, IPCP_NEG_LINK_HEADROOM);
	p = skb_put(skb, 6 + len);
	put_unaligned_be16(proto, p);
	p[2] = code;
	p[3] = id;
	put_unaligned_be16(4 + len, p + 4);
	if (len)
		memcpy(p + 6, data, len);
	link_queue(link, &link->to_lower, skb, &link->tx_dropped);
}

/**
 * ipcp_neg_link_data_init - set up a new link's queues, tasklet, channels
 * @link: the link, zeroed
 */
void ipcp_neg_link_data_init(struct ipcp_neg_link *link)
{
	spin_lock_init(&link->qlock);
	skb_queue_head_init(&link->from_lower);
	skb_queue_head_init(&link->from_upper);
	skb_queue_head_init(&link->to_lower);
	tasklet_setup(&link->tasklet, link_tasklet);
	link->lower.ops = &link_lower_ops;
	link->lower.mtu = PPP_MRU;
	link->lower.private = link;
	link->upper.ops = &link_upper_ops;
	link->upper.mtu = PPP_MRU;
	link->upper.hdrlen = IPCP_NEG_LINK_HEADROOM;
	link->upper.private = link;
}

/**
 * ipcp_neg_link_data_register - register LOWER and UPPER with ppp_generic
 * @link: the link, after ipcp_neg_link_data_init()
 *
 * Context: process context.
 * Return: 0 or ppp_register_net_channel()'s error (nothing registered).
 */
int ipcp_neg_link_data_register(struct ipcp_neg_link *link)
{
	int err;

	err = ppp_register_net_channel(link->net, &link->lower);
	if (err)
		return err;
	err = ppp_register_net_channel(link->net, &link->upper);
	if (err)
		ppp_unregister_channel(&link->lower);
	return err;
}

/**
 * ipcp_neg_link_data_close - queue nothing and schedule nothing any more
 * @link: the link being torn down
 *
 * Context: process context; takes link->qlock.
 */
void ipcp_neg_link_data_close(struct ipcp_neg_link *link)
{
	spin_lock_bh(&link->qlock);
	link->dead = true;
	spin_unlock_bh(&link->qlock);
}

/**
 * ipcp_neg_link_data_stop - stop the data path of a closed link
 * @link: the link, after ipcp_neg_link_data_close() and with its timers
 *	shut down (they queue control packets)
 *
 * Kills the tasklet, unregisters both channels (no start_xmit after that)
 * and frees what is still queued.
 *
 * Context: process context, sleeps.
 */
void ipcp_neg_link_data_stop(struct ipcp_neg_link *link)
{
	tasklet_kill(&link->tasklet);
	ppp_unregister_channel(&link->lower);
	ppp_unregister_channel(&link->upper);
	__skb_queue_purge(&link->from_lower);
	__skb_queue_purge(&link->from_upper);
	__skb_queue_purge(&link->to_lower);
}
