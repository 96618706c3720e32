// SPDX-License-Identifier: GPL-2.0
/*
 * A link's transmit path: pppN's frames through UPPER, and the engine's
 * control packets, to LOWER and on through the bridge to the transport.
 *
 * No frame is lost between pppN and the transport:
 * - UPPER's start_xmit queues at most LINK_TXQLEN frames; on a full queue
 *   it refuses the frame (returns 0), which ppp_generic keeps pending
 *   while it stops pppN's queue, and the tasklet calls
 *   ppp_output_wakeup() on UPPER once the queue is down to half.
 * - ppp_generic frees a frame the transport refuses on the bridge path
 *   (ppp_channel_bridge_input()), and a tty's line discipline refuses the
 *   next frame while it still holds one. On a tty ("paced") the tasklet
 *   therefore hands over one frame at a time: it keeps a reference to the
 *   last one and sends the next only when the line discipline has let go
 *   of its own (ppp_async does so when the frame is all in its output
 *   buffer). Meanwhile an hrtimer polls, from LINK_POLL_MIN_NS doubling to
 *   LINK_POLL_MAX_NS. A PPPoX socket takes every frame and is not paced.
 *   What is left is a window of a few instructions inside ppp_async
 *   between its letting go of the frame and clearing its "full" bit, which
 *   an interrupt on that CPU would have to widen for the next frame to
 *   arrive in it; ppp_async exports nothing to close it.
 * Every frame dropped is counted by its reason (ipcp_neg_link_drop()).
 *
 * Calls into ppp_generic (ppp_input() on LOWER, ppp_output_wakeup()) are
 * made from the tasklet only, with no lock of ours held: one channel's
 * transmit lock is held around the other's start_xmit there.
 */

#include <linux/hrtimer.h>
#include <linux/interrupt.h>
#include <linux/ppp_channel.h>
#include <linux/ppp_defs.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>

#include "compat.h"
#include "link_int.h"

/* pppN's frames queued before UPPER refuses more; woken at half */
#define LINK_TXQLEN		64
#define LINK_TXQ_WAKE		(LINK_TXQLEN / 2)

/*
 * The engine's control packets queued before new ones are dropped (a
 * peer's Echo-Request flood fills it while a tty sends one at a time)
 */
#define LINK_CTLQLEN		512

/* Polls of a busy paced transport: the first after, at most every */
#define LINK_POLL_MIN_NS	(20 * NSEC_PER_USEC)
#define LINK_POLL_MAX_NS	(4 * NSEC_PER_MSEC)

/* UPPER's start_xmit: a frame of pppN, under ppp_generic's locks */
static int link_upper_xmit(struct ppp_channel *chan, struct sk_buff *skb)
{
	struct ipcp_neg_link *link = container_of(chan, struct ipcp_neg_link,
						  upper);
	bool dead;

	spin_lock_bh(&link->qlock);
	dead = link->dead;
	if (!dead) {
		if (skb_queue_len(&link->from_upper) >= LINK_TXQLEN) {
			link->upper_stopped = true;
			spin_unlock_bh(&link->qlock);
			return 0;	/* ppp_generic keeps it pending */
		}
		__skb_queue_tail(&link->from_upper, skb);
		tasklet_schedule(&link->tasklet);
	}
	spin_unlock_bh(&link->qlock);
	if (dead)
		ipcp_neg_link_drop(link, IPCP_NEG_DROP_TX_CLOSING, skb);
	return 1;
}

static const struct ppp_channel_ops link_upper_ops = {
	.start_xmit = link_upper_xmit,
};

/*
 * May the transport take a frame? Paced: only once it let go of the last
 * one we gave it (our reference is then the only one)
 */
static bool link_tx_ready(struct ipcp_neg_link *link)
{
	struct sk_buff *held = link->tx_held;

	if (!held)
		return true;
	if (skb_shared(held))
		return false;
	link->tx_held = NULL;
	consume_skb(held);
	return true;
}

/* To the transport, through LOWER and the bridge */
static void link_tx_lower(struct ipcp_neg_link *link, struct sk_buff *skb)
{
	if (READ_ONCE(link->tx_paced))
		link->tx_held = skb_get(skb);
	ppp_input(&link->lower, skb);
}

/*
 * The next frame to send: a control packet first. Sets *@ctl for one,
 * and *@wake when UPPER refused a frame and its queue is down to half.
 */
static struct sk_buff *link_tx_next(struct ipcp_neg_link *link, bool *ctl,
				    bool *wake)
{
	struct sk_buff *skb;

	spin_lock_bh(&link->qlock);
	skb = __skb_dequeue(&link->to_lower);
	*ctl = skb;
	if (!skb)
		skb = __skb_dequeue(&link->from_upper);
	if (link->upper_stopped &&
	    skb_queue_len(&link->from_upper) <= LINK_TXQ_WAKE) {
		link->upper_stopped = false;
		*wake = true;
	}
	spin_unlock_bh(&link->qlock);
	return skb;
}

/* Frames wait for a busy transport: poll it, unless the link is dead */
static void link_tx_poll(struct ipcp_neg_link *link)
{
	bool wait;

	spin_lock_bh(&link->qlock);
	wait = !link->dead && (!skb_queue_empty(&link->to_lower) ||
			       !skb_queue_empty(&link->from_upper));
	spin_unlock_bh(&link->qlock);
	if (!wait)
		return;
	WRITE_ONCE(link->tx_waits, link->tx_waits + 1);
	hrtimer_start(&link->tx_poll, ns_to_ktime(link->tx_poll_ns),
		      HRTIMER_MODE_REL);
	link->tx_poll_ns = min_t(u32, link->tx_poll_ns * 2, LINK_POLL_MAX_NS);
}

/**
 * ipcp_neg_link_tx_all - send what waits, as far as the transport takes it
 * @link: the link
 *
 * Context: the link's tasklet, no lock held.
 */
void ipcp_neg_link_tx_all(struct ipcp_neg_link *link)
{
	bool ctl, wake = false;
	struct sk_buff *skb;
	unsigned int why;

	for (;;) {
		if (!link_tx_ready(link)) {
			link_tx_poll(link);
			break;
		}
		link->tx_poll_ns = LINK_POLL_MIN_NS;
		skb = link_tx_next(link, &ctl, &wake);
		if (!skb)
			break;
		why = ctl ? 0 : ipcp_neg_link_data_ok(link, skb);
		if (why)
			ipcp_neg_link_drop(link, why, skb);
		else
			link_tx_lower(link, skb);
	}
	if (wake)
		ppp_output_wakeup(&link->upper);
}

static enum hrtimer_restart link_tx_poll_fn(struct hrtimer *t)
{
	struct ipcp_neg_link *link = container_of(t, struct ipcp_neg_link,
						  tx_poll);

	tasklet_schedule(&link->tasklet);
	return HRTIMER_NORESTART;
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
 * The tasklet hands it to LOWER before pppN's frames. An allocation
 * failure counts as tx_nomem (as does a packet longer than PPP_MRU, which
 * the engine never builds), a full queue as tx_ctl_queue_full.
 *
 * Context: any; the engine's xmit(), under link->lock.
 */
void ipcp_neg_link_send_ctl(struct ipcp_neg_link *link, u16 proto, u8 code,
			    u8 id, const u8 *data, unsigned int len)
{
	struct sk_buff *skb = NULL;
	unsigned int why = 0;
	u8 *p;

	if (len <= PPP_MRU)
		skb = alloc_skb(IPCP_NEG_LINK_HEADROOM + 6 + len, GFP_ATOMIC);
	if (!skb) {
		ipcp_neg_link_drop(link, IPCP_NEG_DROP_TX_NOMEM, NULL);
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

	spin_lock_bh(&link->qlock);
	if (link->dead)
		why = IPCP_NEG_DROP_TX_CLOSING;
	else if (skb_queue_len(&link->to_lower) >= LINK_CTLQLEN)
		why = IPCP_NEG_DROP_TX_CTL_QUEUE_FULL;
	else
		__skb_queue_tail(&link->to_lower, skb);
	if (!why)
		tasklet_schedule(&link->tasklet);
	spin_unlock_bh(&link->qlock);
	if (why)
		ipcp_neg_link_drop(link, why, skb);
}

/**
 * ipcp_neg_link_tx_init - set up a new link's transmit path and UPPER
 * @link: the link, zeroed; ipcp_neg_link_data_init() calls this
 */
void ipcp_neg_link_tx_init(struct ipcp_neg_link *link)
{
	skb_queue_head_init(&link->from_upper);
	skb_queue_head_init(&link->to_lower);
	hrtimer_init(&link->tx_poll, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	link->tx_poll.function = link_tx_poll_fn;
	link->tx_poll_ns = LINK_POLL_MIN_NS;
	link->upper.ops = &link_upper_ops;
	link->upper.mtu = PPP_MRU;
	link->upper.hdrlen = IPCP_NEG_LINK_HEADROOM;
	link->upper.private = link;
}

/**
 * ipcp_neg_link_data_start - say how the transport takes frames
 * @link: the link being attached, before its engine starts
 * @paced: the transport is a tty (IPCP_NEG_TRANSPORT_ASYNC)
 */
void ipcp_neg_link_data_start(struct ipcp_neg_link *link, bool paced)
{
	WRITE_ONCE(link->tx_paced, paced);
}

/**
 * ipcp_neg_link_tx_stop_poll - cancel the transmit poll
 * @link: a dead link (ipcp_neg_link_data_close()), its tasklet killed
 *
 * Context: process context; ipcp_neg_link_data_stop() kills the tasklet
 * again after this, since the poll may have scheduled it.
 */
void ipcp_neg_link_tx_stop_poll(struct ipcp_neg_link *link)
{
	hrtimer_cancel(&link->tx_poll);
}

/**
 * ipcp_neg_link_tx_purge - free what the transmit path still holds
 * @link: the link, its tasklet and poll dead and its channels unregistered
 */
void ipcp_neg_link_tx_purge(struct ipcp_neg_link *link)
{
	__skb_queue_purge(&link->from_upper);
	__skb_queue_purge(&link->to_lower);
	kfree_skb(link->tx_held);
	link->tx_held = NULL;
}
