// SPDX-License-Identifier: GPL-2.0
/*
 * A link's two PPP channels and its receive path (the frame path is drawn
 * in link.c; the transmit path is link_tx.c). LOWER's start_xmit queues
 * the peer's frames for the tasklet, which gives control packets to the
 * engine, passes the data of an NCP that is up to pppN (ppp_input() on
 * UPPER), and Protocol-Rejects (ratelimited) what no protocol of ours
 * runs.
 *
 * Locking: link->qlock (BH) guards the queues and their flags; link->lock
 * (BH) is taken around the engine, outside qlock (the engine's xmit queues
 * to to_lower under it). Neither is held when calling ppp_input().
 */

#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/ppp_channel.h>
#include <linux/ppp_defs.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>

#include "compat.h"
#include "link_int.h"

/* Frames of the peer waiting for the tasklet before new ones are dropped */
#define LINK_RXQLEN		512

/* Protocol-Rejects a link sends a second at most, and saves up */
#define LINK_PROTREJ_RATE	10
#define LINK_PROTREJ_BURST	10

/**
 * ipcp_neg_link_drop - count a dropped frame and free it
 * @link: the link
 * @why: enum ipcp_neg_link_drop
 * @skb: the frame, or NULL when there is none to free
 *
 * Context: any.
 */
void ipcp_neg_link_drop(struct ipcp_neg_link *link, unsigned int why,
			struct sk_buff *skb)
{
	atomic_inc(&link->drops[why]);
	kfree_skb(skb);
}

/*
 * 1 for the drops of the peer's frames, 0 for ours, by enum
 * ipcp_neg_link_drop (the list of ipcp_neg_names.h in its order)
 */
#define LINK_DROP_RX(id, rx, name, text)	rx,
static const bool link_drop_rx[] = {
	IPCP_NEG_DROP_NAMES(LINK_DROP_RX)
};

static_assert(ARRAY_SIZE(link_drop_rx) == IPCP_NEG_DROP_COUNT);

/**
 * ipcp_neg_link_drops - frames dropped in one direction
 * @link: the link
 * @rx: the peer's frames (true) or those towards the peer (false)
 *
 * Return: the sum of the counters of that direction.
 */
u32 ipcp_neg_link_drops(struct ipcp_neg_link *link, bool rx)
{
	unsigned int i;
	u32 n = 0;

	for (i = 0; i < IPCP_NEG_DROP_COUNT; i++)
		if (link_drop_rx[i] == rx)
			n += atomic_read(&link->drops[i]);
	return n;
}

/*
 * The protocol of a frame, which may be compressed (PFC, RFC 1661 6.5),
 * and the length of its protocol field: false if it has none
 */
static bool link_proto(struct sk_buff *skb, u16 *proto, unsigned int *hdr)
{
	if (!pskb_may_pull(skb, 1))
		return false;
	if (skb->data[0] & 1) {
		*proto = skb->data[0];
		*hdr = 1;
		return true;
	}
	if (!pskb_may_pull(skb, 2))
		return false;
	*proto = get_unaligned_be16(skb->data);
	*hdr = 2;
	return true;
}

/* Is @ncp (that opens a data protocol, or NULL) up? Read locklessly. */
static bool link_ncp_up(struct ipcp_neg_link *link,
			const struct ipcp_neg_ncp *ncp)
{
	return ncp && test_bit(ncp->id, &link->data_up);
}

/**
 * ipcp_neg_link_data_ok - may pppN's frame go to the peer?
 * @link: the link
 * @skb: a frame of pppN: protocol (never compressed by ppp_generic), data
 *
 * Return: 0, or the enum ipcp_neg_link_drop it is dropped for.
 */
unsigned int ipcp_neg_link_data_ok(struct ipcp_neg_link *link,
				   struct sk_buff *skb)
{
	if (!pskb_may_pull(skb, 2))
		return IPCP_NEG_DROP_TX_SHORT;
	if (!link_ncp_up(link,
			 ipcp_neg_ncp_by_data(get_unaligned_be16(skb->data))))
		return IPCP_NEG_DROP_TX_NCP_DOWN;
	return 0;
}

/*
 * LOWER's start_xmit: a frame of the peer, from the transport through
 * the bridge, under ppp_generic's transmit lock of LOWER. Everything waits
 * for the tasklet: ppp_input() on UPPER from here would take UPPER's
 * receive lock inside LOWER's transmit lock, and ppp_generic takes them
 * the other way round (connect: receive lock, then the unit's transmit
 * lock; the unit's transmit lock, then a channel's transmit lock): one
 * lock class for every channel, so lockdep sees a cycle.
 */
static int link_lower_xmit(struct ppp_channel *chan, struct sk_buff *skb)
{
	struct ipcp_neg_link *link = container_of(chan, struct ipcp_neg_link,
						  lower);
	unsigned int why = 0;

	spin_lock_bh(&link->qlock);
	if (link->dead) {
		why = IPCP_NEG_DROP_RX_CLOSING;
	} else if (skb_queue_len(&link->from_lower) >= LINK_RXQLEN) {
		why = IPCP_NEG_DROP_RX_QUEUE_FULL;
	} else {
		__skb_queue_tail(&link->from_lower, skb);
		tasklet_schedule(&link->tasklet);
	}
	spin_unlock_bh(&link->qlock);
	if (why)
		ipcp_neg_link_drop(link, why, skb);
	return 1;
}

static const struct ppp_channel_ops link_lower_ops = {
	.start_xmit = link_lower_xmit,
};

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

/*
 * A protocol we do not run: Protocol-Rejected (RFC 1661 5.7), at most
 * LINK_PROTREJ_RATE a second, so that a peer cannot make us send a
 * packet for each of its own
 */
static unsigned int link_rx_unknown(struct ipcp_neg_link *link, u16 proto,
				    const u8 *info, unsigned int len)
{
	lockdep_assert_held(&link->lock);
	if (!ipcp_neg_bucket_take(&link->protrej, jiffies_to_msecs(jiffies),
				  LINK_PROTREJ_RATE, LINK_PROTREJ_BURST))
		return IPCP_NEG_DROP_RX_PROTREJ_LIMITED;
	ipcp_neg_engine_reject_proto(&link->eng, proto, info, len);
	return IPCP_NEG_DROP_RX_UNKNOWN;
}

/* A control packet, or another protocol to reject, to the engine */
static void link_rx_ctl(struct ipcp_neg_link *link, u16 proto,
			struct sk_buff *skb, unsigned int hdr)
{
	unsigned int why = 0;

	if (skb_linearize(skb)) {
		ipcp_neg_link_drop(link, IPCP_NEG_DROP_RX_NOMEM, skb);
		return;
	}
	spin_lock_bh(&link->lock);
	if (link_is_control(proto)) {
		link_hist_rx(link, proto, skb->data + hdr, skb->len - hdr);
		ipcp_neg_engine_input(&link->eng, proto, skb->data + hdr,
				      skb->len - hdr);
	} else {
		why = link_rx_unknown(link, proto, skb->data + hdr,
				      skb->len - hdr);
	}
	spin_unlock_bh(&link->lock);
	if (why)
		ipcp_neg_link_drop(link, why, skb);
	else
		consume_skb(skb);
}

/* One queued frame of the peer */
static void link_rx(struct ipcp_neg_link *link, struct sk_buff *skb)
{
	const struct ipcp_neg_ncp *ncp;
	unsigned int hdr;
	u16 proto;

	if (!link_proto(skb, &proto, &hdr)) {
		ipcp_neg_link_drop(link, IPCP_NEG_DROP_RX_SHORT, skb);
		return;
	}
	ncp = ipcp_neg_ncp_by_data(proto);
	if (!ncp)
		link_rx_ctl(link, proto, skb, hdr);
	else if (link_ncp_up(link, ncp))
		ppp_input(&link->upper, skb);
	else
		ipcp_neg_link_drop(link, IPCP_NEG_DROP_RX_NCP_DOWN, skb);
}

/* The queued frames of the peer, in order */
static void link_rx_all(struct ipcp_neg_link *link)
{
	struct sk_buff_head rx;
	struct sk_buff *skb;

	__skb_queue_head_init(&rx);
	spin_lock_bh(&link->qlock);
	skb_queue_splice_init(&link->from_lower, &rx);
	spin_unlock_bh(&link->qlock);
	while ((skb = __skb_dequeue(&rx)))
		link_rx(link, skb);
}

static void link_tasklet(struct tasklet_struct *t)
{
	struct ipcp_neg_link *link = from_tasklet(link, t, tasklet);

	link_rx_all(link);
	/* then what we send, including the engine's answers to the above */
	ipcp_neg_link_tx_all(link);
}

/**
 * ipcp_neg_link_data_init - set up a new link's queues, tasklet, channels
 * @link: the link, zeroed
 */
void ipcp_neg_link_data_init(struct ipcp_neg_link *link)
{
	spin_lock_init(&link->qlock);
	skb_queue_head_init(&link->from_lower);
	tasklet_setup(&link->tasklet, link_tasklet);
	ipcp_neg_bucket_init(&link->protrej, jiffies_to_msecs(jiffies),
			     LINK_PROTREJ_BURST);
	ipcp_neg_link_tx_init(link);
	link->lower.ops = &link_lower_ops;
	link->lower.mtu = PPP_MRU;
	link->lower.private = link;
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
 * Kills the tasklet and the transmit poll (each can start the other, but
 * neither once the link is dead), unregisters both channels (no
 * start_xmit after that) and frees what is still queued or held.
 *
 * Context: process context, sleeps.
 */
void ipcp_neg_link_data_stop(struct ipcp_neg_link *link)
{
	tasklet_kill(&link->tasklet);
	ipcp_neg_link_tx_stop_poll(link);
	tasklet_kill(&link->tasklet);
	ppp_unregister_channel(&link->lower);
	ppp_unregister_channel(&link->upper);
	__skb_queue_purge(&link->from_lower);
	ipcp_neg_link_tx_purge(link);
}
