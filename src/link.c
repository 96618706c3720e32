// SPDX-License-Identifier: GPL-2.0
/*
 * The channel glue: runs one engine (LCP + IPCP) on a real PPP link.
 *
 * Frame path (user space set up the bridge and the unit, see ipcp_neg.h):
 *
 *   peer <-> transport channel (ppp_async / pppoe)
 *                 |  ppp_input(transport)          ^  start_xmit(transport)
 *                 |  = bridge                      |  = bridge
 *                 v                                |
 *   LOWER start_xmit: queue from_lower      ppp_input(LOWER) <- to_lower
 *                 |                                ^         <- from_upper
 *                 +--------> tasklet --------------+
 *                 |  LCP/IPCP -> engine (under link->lock) -> to_lower
 *                 |  IPv4 -> ppp_input(UPPER) while IPCP is up
 *                 |  other -> LCP Protocol-Reject
 *                 v
 *   pppN <- ppp_input(UPPER)      pppN -> UPPER start_xmit: queue from_upper
 *
 * Frames reach the channels' start_xmit with the protocol field first (no
 * FF03, no FCS: the transport adds and strips them). start_xmit only queues
 * and returns 1 (taken): calling ppp_input() on one channel from inside
 * another channel's start_xmit would nest ppp_generic's transmit lock
 * class, so all of it happens in the link's tasklet.
 *
 * Locking:
 *  - links_mutex: the list of links, ids, attach; process context only,
 *    never held while a link is torn down.
 *  - link->lock (BH): the engine and everything its callbacks touch.
 *  - link->qlock (BH): the three frame queues and link->dead. Taken inside
 *    link->lock (engine xmit queues a packet).
 *  - Addresses and MTU are programmed from a work item (process context).
 *  - The sysfs directory (link_sysfs.c) takes link->lock only; it goes
 *    first in teardown, outside any lock (removal waits for running
 *    show/store calls).
 *
 * Teardown (link_destroy; unload closes every link before waiting for the
 * Terminate-Acks of all, then flushes link_wq, which holds every work
 * item of every link, so that a teardown begun by kill_work ends first):
 * remove the sysfs directory, stop the engine, mark the link dead under
 * qlock (nothing is queued or scheduled after that), shut the timers down,
 * kill the tasklet, unregister both channels (no start_xmit after that),
 * cancel the work items, delete the address, release the lease and the
 * files, and free after an RCU grace period.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/if_arp.h>
#include <linux/if_pppox.h>
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/net.h>
#include <linux/rculist.h>
#include <linux/netdevice.h>
#include <linux/poll.h>
#include <linux/ppp_channel.h>
#include <linux/ppp_defs.h>
#include <linux/ratelimit.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>

#include "compat.h"
#include "addr.h"
#include "addr_pool.h"
#include "lease.h"
#include "link_int.h"
#include "opt.h"
#include "params.h"

/* Frames queued per direction before new ones are dropped */
#define LINK_QLEN		512
/* Room in front of the frames we build, and asked of pppN for UPPER */
#define LINK_HEADROOM		32
/* How long detach waits for Terminate-Acks (unload: for all links at once) */
#define LINK_TERM_WAIT_MS	1000
/*
 * IPCP up and down lines per link: a peer looping renegotiation gets at
 * most LINK_LOG_BURST of them every LINK_LOG_INTERVAL, then one line
 * saying how many were suppressed (counters/ipcp_renegotiations counts
 * them all)
 */
#define LINK_LOG_INTERVAL	(60 * HZ)
#define LINK_LOG_BURST		10
/* /dev/ppp's major number (ppp_generic.c keeps its define to itself) */
#define LINK_PPP_MAJOR		108

static DEFINE_MUTEX(links_mutex);
static LIST_HEAD(links);		/* Protected by links_mutex */
static u32 links_last_id;		/* Protected by links_mutex */
/*
 * Every work item of every link runs here, so that unload can wait for
 * them: a teardown that kill_work began (the link already unlisted) must
 * end before the module's code, the pools and the pernet data go. Set at
 * init, destroyed (drained) at exit after the last link is unlisted.
 */
static struct workqueue_struct *link_wq;

static unsigned long link_echo_delay(void)
{
	return msecs_to_jiffies(ipcp_neg_param_echo_interval_ms());
}

/* Frames: queueing and the tasklet */

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
	ipcp_neg_hist_add(&link->hist, false, proto, pkt, hlen, pkt + hlen,
			  len - hlen);
}

/* Is @proto LCP or the control protocol of an NCP of the table? */
static bool link_is_control(u16 proto)
{
	return proto == PPP_LCP || ipcp_neg_ncp_by_proto(proto);
}

/* May frames of a data protocol flow? False for any other protocol. */
static bool link_data_up(struct ipcp_neg_link *link, u16 proto)
{
	const struct ipcp_neg_ncp *ncp = ipcp_neg_ncp_by_data(proto);

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
	if (!ipcp_neg_ncp_by_data(proto)) {
		link_rx_ctl(link, proto, skb, hdr);
		return;
	}
	/* an NCP's data: passed while that NCP is up, else dropped */
	if (link_data_up(link, proto)) {
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
	    !link_data_up(link, get_unaligned_be16(skb->data))) {
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

/* The engine's callbacks, all under link->lock */

static struct ipcp_neg_link *link_of(struct ipcp_neg_engine *e)
{
	struct ipcp_neg_link *link = e->priv;

	lockdep_assert_held(&link->lock);
	return link;
}

/* Server: the DNS/NBNS servers of an IPCP Configure-Ack we send */
static void link_note_handed(struct ipcp_neg_link *link, const u8 *opts,
			     unsigned int len)
{
	struct ipcp_neg_opt_iter it;
	const u8 *opt;

	memset(link->handed, 0, sizeof(link->handed));
	ipcp_neg_for_each_opt(opt, it, opts, len) {
		if (opt[0] >= IPCP_NEG_IPCP_DNS1 &&
		    opt[0] <= IPCP_NEG_IPCP_NBNS2 &&
		    opt[1] == IPCP_NEG_IPCP_OPTLEN)
			memcpy(&link->handed[opt[0] - 128], opt + 2, 4);
	}
}

static void link_hist_tx(struct ipcp_neg_link *link, u16 proto, u8 code,
			 u8 id, const u8 *data, unsigned int len)
{
	u8 hdr[IPCP_NEG_HDRLEN] = { code, id };

	put_unaligned_be16(IPCP_NEG_HDRLEN + len, hdr + 2);
	ipcp_neg_hist_add(&link->hist, true, proto, hdr, sizeof(hdr), data,
			  len);
	if (proto == PPP_IPCP && code == IPCP_NEG_CONFACK &&
	    link->eng.ipcp.conf.role == IPCP_NEG_IPCP_SERVER)
		link_note_handed(link, data, len);
}

static void link_xmit(struct ipcp_neg_engine *e, u16 proto, u8 code, u8 id,
		      const u8 *data, unsigned int len)
{
	struct ipcp_neg_link *link = link_of(e);
	struct sk_buff *skb;
	u8 *p;

	link_hist_tx(link, proto, code, id, data, len);
	if (len > PPP_MRU) {
		atomic_inc(&link->tx_dropped);
		return;
	}
	skb = alloc_skb(LINK_HEADROOM + 6 + len, GFP_ATOMIC);
	if (!skb) {
		atomic_inc(&link->tx_dropped);
		return;
	}
	skb_reserve(skb, LINK_HEADROOM);
	p = skb_put(skb, 6 + len);
	put_unaligned_be16(proto, p);
	p[2] = code;
	p[3] = id;
	put_unaligned_be16(4 + len, p + 4);
	if (len)
		memcpy(p + 6, data, len);
	link_queue(link, &link->to_lower, skb, &link->tx_dropped);
}

/* @proto's restart timer: LCP's, or its NCP's (the engine names no other) */
static struct timer_list *link_timer(struct ipcp_neg_link *link, u16 proto)
{
	int i = proto == PPP_LCP ? -1 : ipcp_neg_ncp_index(proto);

	return &link->timer[i + 1].t;
}

static void link_timer_start(struct ipcp_neg_engine *e, u16 proto,
			     unsigned int ms)
{
	struct ipcp_neg_link *link = link_of(e);

	mod_timer(link_timer(link, proto), jiffies + msecs_to_jiffies(ms));
}

static void link_timer_stop(struct ipcp_neg_engine *e, u16 proto)
{
	/* not _sync: the callback takes link->lock, which we hold */
	timer_delete(link_timer(link_of(e), proto));
}

/* Runs in the timer softirq; an expiry re-armed meanwhile is not one */
static void link_timeout(struct timer_list *t)
{
	struct link_timer *lt = from_timer(lt, t, t);
	struct ipcp_neg_link *link = lt->link;

	spin_lock_bh(&link->lock);
	if (!timer_pending(t))
		ipcp_neg_engine_timeout(&link->eng, lt->proto);
	spin_unlock_bh(&link->lock);
}

static void link_kill_later(struct ipcp_neg_link *link)
{
	WRITE_ONCE(link->lcp_done, true);
	queue_work(link_wq, &link->kill_work);
}

/* Echo: the peer's LCP must answer, or the link is dead */
static void link_echo(struct timer_list *t)
{
	struct ipcp_neg_link *link = from_timer(link, t, echo_timer);
	struct ipcp_neg_lcp *lcp = &link->eng.lcp;
	bool dead = false;

	spin_lock_bh(&link->lock);
	if (lcp->fsm.state == IPCP_NEG_ST_OPENED) {
		dead = lcp->echo_missed >= ipcp_neg_param_echo_failures();
		if (!dead)
			ipcp_neg_lcp_send_echo(lcp);
	}
	if (dead) {
		if (net_ratelimit())
			netdev_warn(link->dev, "%u LCP Echo-Requests unanswered\n",
				    lcp->echo_missed);
		ipcp_neg_engine_echo_timeout(&link->eng);
		link_kill_later(link);
	}
	spin_unlock_bh(&link->lock);
	if (!dead)
		mod_timer(t, jiffies + link_echo_delay());
}

/* IPCP up: the time, and whether the address that counts changed */
static void link_note_up(struct ipcp_neg_link *link)
{
	const struct ipcp_neg_ipcp *ip = &link->eng.ipcp;
	__be32 a = ip->conf.role == IPCP_NEG_IPCP_CLIENT ? ip->local : ip->peer;

	link->up_since = ktime_get_boottime_seconds();
	if (link->ipcp_ups++)
		link->renegotiations++;
	if (a != link->neg_addr)
		link->addr_changes++;
	link->neg_addr = a;
}

static void link_ipcp_up(struct ipcp_neg_engine *e)
{
	struct ipcp_neg_link *link = link_of(e);

	link->want.local = e->ipcp.local;
	link->want.peer = e->ipcp.peer;
	link->want.mtu = e->lcp.his.mru;
	link->want.up = true;
	set_bit(IPCP_NEG_NCP_IPCP, &link->data_up);
	link_note_up(link);
	queue_work(link_wq, &link->addr_work);
	if (__ratelimit(&link->log_rs))
		netdev_info(link->dev, "IPCP up: local %pI4 peer %pI4\n",
			    &e->ipcp.local, &e->ipcp.peer);
}

static void link_ipcp_down(struct ipcp_neg_engine *e)
{
	struct ipcp_neg_link *link = link_of(e);

	link->want.up = false;
	clear_bit(IPCP_NEG_NCP_IPCP, &link->data_up);
	link->up_since = 0;
	ipcp_neg_lease_drop(&link->lease);
	link->down_reason = e->reason != IPCP_NEG_REASON_NONE ?
			    e->reason : e->cause;
	queue_work(link_wq, &link->addr_work);
	if (__ratelimit(&link->log_rs))
		netdev_info(link->dev, "IPCP down (%s)\n",
			    ipcp_neg_engine_reason_name(link->down_reason));
}

static void link_finished(struct ipcp_neg_engine *e)
{
	struct ipcp_neg_link *link = link_of(e);

	complete(&link->finished);
	link_kill_later(link);
}

/* ipcp_neg_ipcp_assign_t semantics: see ipcp_neg_lease_assign() */
static int link_assign(struct ipcp_neg_engine *e, __be32 wanted, __be32 *out)
{
	struct ipcp_neg_link *link = link_of(e);

	lockdep_assert_held(&link->lock);
	return ipcp_neg_lease_assign(&link->lease, wanted,
				     e->ipcp.conf.local, out);
}

/*
 * One set for fixed and pool servers and for clients: a fixed remote
 * address takes precedence over assign() (ipcp.c), so sysfs may switch a
 * server between the two at run time.
 */
static const struct ipcp_neg_engine_ops link_ops = {
	.xmit = link_xmit,
	.timer_start = link_timer_start,
	.timer_stop = link_timer_stop,
	.ipcp_up = link_ipcp_up,
	.ipcp_down = link_ipcp_down,
	.finished = link_finished,
	.assign = link_assign,
};

/**
 * ipcp_neg_link_set_peer_src - where a server's peer gets its address
 * @link: an attached server link
 * @remote: the fixed address, or 0 to use @pool
 * @pool: the pool (a reference the link takes over), or NULL with @remote
 *
 * The lease held goes back to its pool now if IPCP is not up, else when
 * IPCP goes down; the sticky address is forgotten. The caller renegotiates
 * IPCP for the change to reach the peer.
 *
 * Context: process context; takes link->lock.
 * Return: the pool the link held before, for the caller to put.
 */
struct ipcp_neg_pool *ipcp_neg_link_set_peer_src(struct ipcp_neg_link *link,
						 __be32 remote,
						 struct ipcp_neg_pool *pool)
{
	struct ipcp_neg_pool *old;

	spin_lock_bh(&link->lock);
	old = ipcp_neg_lease_set_src(&link->lease, pool, link->eng.ip_up);
	link->eng.ipcp.conf.remote = remote;
	spin_unlock_bh(&link->lock);
	return old;
}

/* Work items: addresses, hang-up, death */

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

	if (link->ev_up && ev->local == want->local && ev->peer == want->peer &&
	    ev->dns[0] == dns[0] && ev->dns[1] == dns[1])
		return;
	ev->kind = link->ev_up ? IPCP_NEG_EVENT_CHANGE : IPCP_NEG_EVENT_UP;
	ev->link_id = link->id;
	ev->client = link->eng.ipcp.conf.role == IPCP_NEG_IPCP_CLIENT;
	ev->local = want->local;
	ev->peer = want->peer;
	ev->dns[0] = dns[0];
	ev->dns[1] = dns[1];
	ev->reason = "negotiated";
	link->ev_up = true;
	ipcp_neg_event_send(link->dev, ev);
}

/* Down, with the addresses the last up or change had */
static void link_event_down(struct ipcp_neg_link *link)
{
	if (!link->ev_up)
		return;
	link->ev_up = false;
	link->ev.kind = IPCP_NEG_EVENT_DOWN;
	link->ev.reason = link_down_reason(link);
	ipcp_neg_event_send(link->dev, &link->ev);
}

static void link_addr_work(struct work_struct *w)
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
		link_event_down(link);
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

static void link_destroy(struct ipcp_neg_link *link, struct work_struct *self,
			 bool hungup);

static bool link_hung_up(struct ipcp_neg_link *link)
{
	__poll_t mask = vfs_poll(link->files[IPCP_NEG_LINK_BRIDGE], NULL);

	return mask & (EPOLLHUP | EPOLLERR);
}

/*
 * After LCP finished or a wake-up on the transport channel: if the link is
 * dead, unlist it and tear it down, unless someone else got there first.
 */
static void link_kill_work(struct work_struct *w)
{
	struct ipcp_neg_link *link = container_of(w, struct ipcp_neg_link,
						  kill_work);
	bool hup = false, mine = false;

	mutex_lock(&links_mutex);
	if (link->listed && link->attached) {
		hup = link_hung_up(link);
		mine = hup || READ_ONCE(link->lcp_done) ||
		       READ_ONCE(link->dev_gone);
	}
	if (mine) {
		list_del_rcu(&link->node);
		link->listed = false;
	}
	mutex_unlock(&links_mutex);
	if (!mine)
		return;
	if (hup)
		netdev_info(link->dev, "transport hung up\n");
	link_destroy(link, w, hup);
}

/* Wake-up on the transport channel's wait queue: any context */
static int link_hup_wake(wait_queue_entry_t *wait, unsigned int mode,
			 int sync, void *key)
{
	struct ipcp_neg_link *link = container_of(wait, struct ipcp_neg_link,
						  hup_wait);
	__poll_t mask = key_to_poll(key);

	if (!mask || (mask & (EPOLLHUP | EPOLLERR)))
		queue_work(link_wq, &link->kill_work);
	return 0;
}

static void link_hup_queue(struct file *file, wait_queue_head_t *wqh,
			   poll_table *pt)
{
	struct ipcp_neg_link *link = container_of(pt, struct ipcp_neg_link,
						  hup_pt);

	if (link->hup_wqh)
		return;
	link->hup_wqh = wqh;
	add_wait_queue(wqh, &link->hup_wait);
}

static void link_unwatch(struct ipcp_neg_link *link)
{
	if (link->hup_wqh)
		remove_wait_queue(link->hup_wqh, &link->hup_wait);
	link->hup_wqh = NULL;
}

/* Watch the transport's channel for hang-up, like vhost watches eventfds */
static int link_watch(struct ipcp_neg_link *link, struct file *bridge)
{
	__poll_t mask;

	init_waitqueue_func_entry(&link->hup_wait, link_hup_wake);
	init_poll_funcptr(&link->hup_pt, link_hup_queue);
	mask = vfs_poll(bridge, &link->hup_pt);
	if (!link->hup_wqh)
		return -EBADFD;		/* /dev/ppp not attached to a channel */
	if (mask & (EPOLLHUP | EPOLLERR)) {
		link_unwatch(link);
		return -ENOTCONN;
	}
	return 0;
}

/* Teardown */

/*
 * Close LCP (unless the transport hung up): true if a Terminate-Request
 * went out and the caller should wait for link->finished.
 */
static bool link_stop_begin(struct ipcp_neg_link *link, bool hungup)
{
	bool wait;

	if (hungup)
		return false;
	spin_lock_bh(&link->lock);
	ipcp_neg_engine_stop(&link->eng);
	wait = link->eng.lcp.fsm.state == IPCP_NEG_ST_CLOSING;
	spin_unlock_bh(&link->lock);
	return wait;
}

static void link_stop_end(struct ipcp_neg_link *link)
{
	spin_lock_bh(&link->lock);
	ipcp_neg_engine_lower_down(&link->eng);
	spin_unlock_bh(&link->lock);
	link_unwatch(link);
}

/* After this, no frame, timer or tasklet touches @link */
static void link_stop_data(struct ipcp_neg_link *link)
{
	int i;

	spin_lock_bh(&link->qlock);
	link->dead = true;
	spin_unlock_bh(&link->qlock);
	for (i = 0; i < IPCP_NEG_LINK_NTIMERS; i++)
		timer_shutdown_sync(&link->timer[i].t);
	timer_shutdown_sync(&link->echo_timer);
	tasklet_kill(&link->tasklet);
	ppp_unregister_channel(&link->lower);
	ppp_unregister_channel(&link->upper);
	__skb_queue_purge(&link->from_lower);
	__skb_queue_purge(&link->from_upper);
	__skb_queue_purge(&link->to_lower);
}

/*
 * After link_stop_data() nothing queues @w again; the work running the
 * teardown (@self) may have been queued again meanwhile (LCP finishing
 * while teardown waited): take that back, without waiting for ourselves.
 */
static void link_cancel_work(struct work_struct *w, struct work_struct *self)
{
	if (w != self)
		cancel_work_sync(w);
	else
		cancel_work(w);
}

static void link_release_dev(struct ipcp_neg_link *link)
{
	if (!link->dev)
		return;
	if (link->addr_up)
		ipcp_neg_addr_clear(link->dev);
	link_event_down(link);
	ipcp_neg_addr_unmanage(link->dev);
	dev_put(link->dev);
	WRITE_ONCE(link->dev, NULL);
}

static void link_release_files(struct ipcp_neg_link *link)
{
	int i;

	for (i = IPCP_NEG_LINK_NFILES - 1; i >= 0; i--) {
		if (link->files[i])
			fput(link->files[i]);
		link->files[i] = NULL;
	}
}

/*
 * Teardown of an unlisted link, in two halves so that unload can close
 * every link first and wait for all their Terminate-Acks at once. The
 * first half removes the sysfs directory (no store renegotiates from here
 * on; not under a lock show takes) and closes LCP; it sets
 * link->term_wait if a Terminate-Ack is worth waiting for.
 */
static void link_destroy_begin(struct ipcp_neg_link *link,
			       struct work_struct *self, bool hungup)
{
	/* not from kill_work: detach or unload, which down events name */
	WRITE_ONCE(link->removing, !self);
	ipcp_neg_link_sysfs_del(link);
	link->term_wait = link->attached && link_stop_begin(link, hungup);
}

/* The second half: stop everything and free @link. Process context. */
static void link_destroy_end(struct ipcp_neg_link *link,
			     struct work_struct *self)
{
	if (link->attached)
		link_stop_end(link);
	link_stop_data(link);
	link_cancel_work(&link->addr_work, self);
	link_cancel_work(&link->kill_work, self);
	if (link->dev)
		netdev_info(link->dev, "link %u detached\n", link->id);
	link_release_dev(link);
	spin_lock_bh(&link->lock);
	ipcp_neg_lease_drop(&link->lease);
	spin_unlock_bh(&link->lock);
	ipcp_neg_lease_uninit(&link->lease);
	link_release_files(link);
	put_net(link->net);
	kfree_rcu(link, rcu);
}

/* @link is unlisted: tear it down and free it. Process context. */
static void link_destroy(struct ipcp_neg_link *link, struct work_struct *self,
			 bool hungup)
{
	link_destroy_begin(link, self, hungup);
	if (link->term_wait)
		wait_for_completion_timeout(&link->finished,
					    msecs_to_jiffies(LINK_TERM_WAIT_MS));
	link_destroy_end(link, self);
}

/* Creation */

static bool link_conf_valid(const struct ipcp_neg_link_conf *c)
{
	int i;

	for (i = IPCP_NEG_IPCP_O_DNS1; i < IPCP_NEG_IPCP_O_COUNT; i++)
		if (c->srv[i] && !ipcp_neg_ipcp_addr_ok(c->srv[i]))
			return false;
	if (c->local && !ipcp_neg_ipcp_addr_ok(c->local))
		return false;
	if (c->role == IPCP_NEG_IPCP_CLIENT)
		return !c->remote && !c->pool[0];
	if (c->role != IPCP_NEG_IPCP_SERVER || !c->local)
		return false;
	if (c->remote)
		return ipcp_neg_ipcp_addr_ok(c->remote) && !c->pool[0] &&
		       c->remote != c->local;
	return c->pool[0];
}

static void link_engine_init(struct ipcp_neg_link *link,
			     const struct ipcp_neg_link_conf *c)
{
	struct ipcp_neg_engine *e = &link->eng;

	ipcp_neg_engine_init(e, &link_ops, c->role, link);
	ipcp_neg_param_fsm_conf(&e->lcp.fsm.conf);
	ipcp_neg_param_fsm_conf(&e->ipcp.fsm.conf);
	e->pool_empty = c->pool_empty;
	e->ipcp.conf.forced = c->forced;
	e->ipcp.conf.req_dns = c->req_dns;
	e->ipcp.conf.req_nbns = c->req_nbns;
	e->ipcp.conf.local = c->local;
	e->ipcp.conf.remote = c->remote;
	memcpy(e->ipcp.conf.srv, c->srv, sizeof(e->ipcp.conf.srv));
}

static void link_init(struct ipcp_neg_link *link, struct net *net)
{
	int i;

	link->net = get_net(net);
	spin_lock_init(&link->lock);
	spin_lock_init(&link->qlock);
	skb_queue_head_init(&link->from_lower);
	skb_queue_head_init(&link->from_upper);
	skb_queue_head_init(&link->to_lower);
	tasklet_setup(&link->tasklet, link_tasklet);
	for (i = 0; i < IPCP_NEG_LINK_NTIMERS; i++) {
		link->timer[i].link = link;
		link->timer[i].proto = i ? ipcp_neg_ncps[i - 1]->proto : PPP_LCP;
		timer_setup(&link->timer[i].t, link_timeout, 0);
	}
	timer_setup(&link->echo_timer, link_echo, 0);
	INIT_WORK(&link->addr_work, link_addr_work);
	INIT_WORK(&link->kill_work, link_kill_work);
	init_completion(&link->finished);
	ratelimit_state_init(&link->log_rs, LINK_LOG_INTERVAL, LINK_LOG_BURST);
	link->lower.ops = &link_lower_ops;
	link->lower.mtu = PPP_MRU;
	link->lower.private = link;
	link->upper.ops = &link_upper_ops;
	link->upper.mtu = PPP_MRU;
	link->upper.hdrlen = LINK_HEADROOM;
	link->upper.private = link;
}

static int link_register(struct ipcp_neg_link *link)
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

static bool link_id_used(u32 id)
{
	struct ipcp_neg_link *link;

	list_for_each_entry(link, &links, node)
		if (link->id == id)
			return true;
	return false;
}

static void link_list_add(struct ipcp_neg_link *link)
{
	lockdep_assert_held(&links_mutex);
	do {
		link->id = ++links_last_id;
	} while (!link->id || link_id_used(link->id));
	list_add_tail_rcu(&link->node, &links);
	link->listed = true;
}

/**
 * ipcp_neg_link_create - make a link and its two PPP channels
 * @net: the caller's namespace: the channels', the unit's and the pool's
 * @conf: how it negotiates
 * @owner: the control file creating it: only it may attach the link, and
 *	ipcp_neg_link_release_owner() destroys the link if it is not attached
 * @id: out: the link's id
 * @lower: out: LOWER's channel index (to bridge the transport to)
 * @upper: out: UPPER's channel index (to connect to the unit)
 *
 * Context: process context.
 * Return: 0; -EINVAL for an inconsistent @conf; -ENOENT if the pool does
 * not exist; -EADDRINUSE if the local address is leased from the pool to
 * another link's peer; -ENOMEM.
 */
int ipcp_neg_link_create(struct net *net, const struct ipcp_neg_link_conf *conf,
			 const void *owner, u32 *id, int *lower, int *upper)
{
	struct ipcp_neg_pool *pool = NULL;
	struct ipcp_neg_link *link;
	int err;

	if (!link_conf_valid(conf))
		return -EINVAL;
	link = kzalloc(sizeof(*link), GFP_KERNEL);
	if (!link)
		return -ENOMEM;
	link_init(link, net);
	err = -ENOENT;
	if (conf->pool[0]) {
		pool = ipcp_neg_pool_get(net, conf->pool);
		if (!pool)
			goto err_free;
	}
	ipcp_neg_lease_init(&link->lease, pool);
	err = ipcp_neg_lease_set_local(&link->lease, conf->local);
	if (err)
		goto err_pool;
	link_engine_init(link, conf);
	err = link_register(link);
	if (err)
		goto err_pool;
	mutex_lock(&links_mutex);
	link->owner = owner;
	link_list_add(link);
	*id = link->id;
	mutex_unlock(&links_mutex);
	*lower = ppp_channel_index(&link->lower);
	*upper = ppp_channel_index(&link->upper);
	return 0;

err_pool:
	tasklet_kill(&link->tasklet);
	ipcp_neg_lease_uninit(&link->lease);
err_free:
	put_net(link->net);
	kfree(link);
	return err;
}

/* Attach */

static struct ipcp_neg_link *link_find(struct net *net, u32 id,
				       const char *ifname)
{
	struct ipcp_neg_link *link;

	lockdep_assert_held(&links_mutex);
	list_for_each_entry(link, &links, node) {
		if (!net_eq(link->net, net))
			continue;
		if (id ? link->id == id :
		    link->dev && !strncmp(link->dev->name, ifname, IFNAMSIZ))
			return link;
	}
	return NULL;
}

static bool link_is_ppp_file(struct file *f)
{
	struct inode *inode = f ? file_inode(f) : NULL;

	return inode && S_ISCHR(inode->i_mode) && imajor(inode) == LINK_PPP_MAJOR;
}

/*
 * What ppp_generic keeps in an attached /dev/ppp file's private_data: the
 * struct ppp_file that is the first member of the unit's struct ppp (so
 * netdev_priv() of the unit) or of a channel's struct channel (so the
 * ppp_channel's ->ppp). Set once by PPPIOCNEWUNIT, PPPIOCATTACH or
 * PPPIOCATTCHAN, never changed while the file is open (6.1 to 6.12);
 * only compared, never dereferenced. NULL for an unattached file.
 */
static const void *link_ppp_file_of(struct file *f)
{
	return link_is_ppp_file(f) ? READ_ONCE(f->private_data) : NULL;
}

/*
 * The transport: none, a PPPoX socket (its channel's ppp_file in @chan),
 * or a character device other than /dev/ppp (a tty with the PPP line
 * discipline; ppp_async exports nothing that would tell its channel)
 */
static int link_check_transport(struct file *f, const void **chan)
{
	struct socket *sock;

	*chan = NULL;
	if (!f)
		return 0;
	sock = sock_from_file(f);
	if (sock) {
		if (!sock->sk || sock->sk->sk_family != AF_PPPOX)
			return -ENOTTY;
		*chan = READ_ONCE(pppox_sk(sock->sk)->chan.ppp);
		return *chan ? 0 : -ENOTCONN;
	}
	if (!S_ISCHR(file_inode(f)->i_mode) || link_is_ppp_file(f))
		return -ENOTTY;
	return 0;
}

/*
 * The unit whose /dev/ppp file @unit is, in the link's namespace, found by
 * identity, not by name: held, or NULL
 */
static struct net_device *link_unit_dev(struct ipcp_neg_link *link,
					const void *unit)
{
	struct net_device *dev, *found = NULL;

	rcu_read_lock();
	for_each_netdev_rcu(link->net, dev) {
		if (dev->type == ARPHRD_PPP && netdev_priv(dev) == unit) {
			dev_hold(dev);
			found = dev;
			break;
		}
	}
	rcu_read_unlock();
	return found;
}

/*
 * Do the files belong together? UPPER's file is attached to UPPER, the
 * unit's file is a unit of the link's namespace that UPPER is connected
 * to, the bridge's file is attached to a channel that is none of these
 * (for a PPPoX transport: the socket's own channel). Return the unit,
 * held, or an ERR_PTR: -ENOTTY (the transport is neither a tty nor a
 * PPPoX socket), -EBADFD (a file is not what it should be), -ENODEV (no
 * such unit here), -ENOTCONN (UPPER not connected to that unit, or the
 * PPPoX socket not connected).
 */
static struct net_device *link_check_files(struct ipcp_neg_link *link,
					   struct file *files[IPCP_NEG_LINK_NFILES])
{
	const void *bridge = link_ppp_file_of(files[IPCP_NEG_LINK_BRIDGE]);
	const void *unit = link_ppp_file_of(files[IPCP_NEG_LINK_UNIT]);
	const void *chan;
	struct net_device *dev;
	int err;

	err = link_check_transport(files[IPCP_NEG_LINK_TRANSPORT], &chan);
	if (err)
		return ERR_PTR(err);
	if (!bridge || !unit ||
	    link_ppp_file_of(files[IPCP_NEG_LINK_UPPER]) != link->upper.ppp ||
	    bridge == link->upper.ppp || bridge == link->lower.ppp ||
	    bridge == unit || (chan && bridge != chan))
		return ERR_PTR(-EBADFD);
	dev = link_unit_dev(link, unit);
	if (!dev)
		return ERR_PTR(-ENODEV);
	/* the name's address, not its bytes: is UPPER's unit @dev? */
	if (ppp_dev_name(&link->upper) != dev->name) {
		dev_put(dev);
		return ERR_PTR(-ENOTCONN);
	}
	return dev;
}

/*
 * A failed attach: the netdevice notifier may have seen @link->dev and
 * set dev_gone meanwhile; once no notifier can see the old device any
 * more, that no longer concerns the link (a later attach would be killed)
 */
static void link_attach_undo(struct ipcp_neg_link *link)
{
	WRITE_ONCE(link->dev, NULL);
	synchronize_rcu();
	WRITE_ONCE(link->dev_gone, false);
}

static int link_attach(struct ipcp_neg_link *link,
		       struct file *files[IPCP_NEG_LINK_NFILES])
{
	struct net_device *dev;
	int err;

	dev = link_check_files(link, files);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	err = ipcp_neg_addr_manage(dev);
	if (err)
		goto err_dev;
	WRITE_ONCE(link->dev, dev);
	/*
	 * Unregistration sets reg_state before its notifier walks the links:
	 * either it finds @dev here and kill_work ends the link once attach
	 * lets go of links_mutex, or we see the unit going
	 */
	smp_mb();
	err = -ENODEV;
	if (READ_ONCE(dev->reg_state) != NETREG_REGISTERED)
		goto err_manage;
	err = link_watch(link, files[IPCP_NEG_LINK_BRIDGE]);
	if (err)
		goto err_manage;
	err = ipcp_neg_link_sysfs_add(link);
	if (err)
		goto err_watch;
	memcpy(link->files, files, sizeof(link->files));
	link->attached = true;
	link->owner = NULL;
	spin_lock_bh(&link->lock);
	ipcp_neg_engine_start(&link->eng);
	spin_unlock_bh(&link->lock);
	mod_timer(&link->echo_timer, jiffies + link_echo_delay());
	netdev_info(dev, "link %u attached (%s)\n", link->id,
		    link->eng.ipcp.conf.role == IPCP_NEG_IPCP_SERVER ?
		    "server" : "client");
	return 0;

err_watch:
	link_unwatch(link);
err_manage:
	link_attach_undo(link);
	ipcp_neg_addr_unmanage(dev);
err_dev:
	dev_put(dev);
	return err;
}

/**
 * ipcp_neg_link_attach - hand a link its files and start it
 * @net: the caller's namespace
 * @id: the link
 * @owner: the control file that created it
 * @files: the files (enum ipcp_neg_link_file); the link keeps them on
 *	success, the caller keeps its references on failure
 * @ifname: out: the unit's name (IFNAMSIZ bytes)
 *
 * Finds the pppN unit UPPER is connected to, takes over its IPv4
 * addresses (existing ones are deleted), watches the transport channel for
 * hang-up and starts LCP.
 *
 * Context: process context.
 * Return: 0; -ENOENT (no such link), -EPERM (created through another
 * control file), -EBUSY (already attached), -EBADFD (not /dev/ppp files),
 * -ENOTCONN (UPPER not connected to a unit, or the transport already hung
 * up), or the address programmer's error.
 */
int ipcp_neg_link_attach(struct net *net, u32 id, const void *owner,
			 struct file *files[IPCP_NEG_LINK_NFILES],
			 char *ifname)
{
	struct ipcp_neg_link *link;
	int err;

	mutex_lock(&links_mutex);
	link = link_find(net, id, NULL);
	if (!link)
		err = -ENOENT;
	else if (link->attached)
		err = -EBUSY;
	else if (link->owner != owner)
		err = -EPERM;
	else
		err = link_attach(link, files);
	if (!err)
		strscpy(ifname, link->dev->name, IFNAMSIZ);
	mutex_unlock(&links_mutex);
	return err;
}

/**
 * ipcp_neg_link_detach - stop a link and tear it down
 * @net: the caller's namespace
 * @id: the link's id, or 0 to name it by @ifname
 * @ifname: its unit's name
 *
 * LCP is closed (Terminate-Request, waiting up to a second for the
 * Terminate-Ack), the address deleted, the lease released, the channels
 * and the files released: a unit the link's files created goes with them,
 * an existing unit it was attached to stays, without IPv4 address.
 *
 * Context: process context, sleeps.
 * Return: 0, or -ENOENT if there is no such link.
 */
int ipcp_neg_link_detach(struct net *net, u32 id, const char *ifname)
{
	struct ipcp_neg_link *link;

	mutex_lock(&links_mutex);
	link = link_find(net, id, ifname);
	if (link) {
		list_del_rcu(&link->node);
		link->listed = false;
	}
	mutex_unlock(&links_mutex);
	if (!link)
		return -ENOENT;
	link_destroy(link, NULL, false);
	return 0;
}

/**
 * ipcp_neg_link_renegotiate - delete the address and negotiate IPCP afresh
 * @net: the caller's namespace
 * @id: the link's id, or 0 to name it by @ifname
 * @ifname: its unit's name
 *
 * IPCP Close then Open: the address goes with IPCP down, a new one comes
 * with the next IPCP up. Also restarts an IPCP closed by the pool_empty
 * policy.
 *
 * Context: process context.
 * Return: 0; -ENOENT if there is no such link; -ENOTCONN if it is not
 * attached.
 */
int ipcp_neg_link_renegotiate(struct net *net, u32 id, const char *ifname)
{
	struct ipcp_neg_link *link;
	int err = 0;

	mutex_lock(&links_mutex);
	link = link_find(net, id, ifname);
	if (!link) {
		err = -ENOENT;
	} else if (!link->attached) {
		err = -ENOTCONN;
	} else {
		spin_lock_bh(&link->lock);
		ipcp_neg_engine_renegotiate_ipcp(&link->eng);
		spin_unlock_bh(&link->lock);
	}
	mutex_unlock(&links_mutex);
	return err;
}

static void link_fill_status(struct ipcp_neg_link *link,
			     struct ipcp_neg_link_status *st)
{
	struct ipcp_neg_engine *e = &link->eng;

	lockdep_assert_held(&link->lock);
	st->id = link->id;
	st->role = e->ipcp.conf.role;
	st->lcp_state = e->lcp.fsm.state;
	st->ipcp_state = e->ipcp.fsm.state;
	if (ipcp_neg_engine_ip_ok(e)) {
		st->local = e->ipcp.local;
		st->peer = e->ipcp.peer;
		if (e->ipcp.conf.role == IPCP_NEG_IPCP_SERVER)
			memcpy(st->srv, link->handed, sizeof(st->srv));
		else
			memcpy(st->srv, e->ipcp.srv, sizeof(st->srv));
	}
	st->rx_dropped = atomic_read(&link->rx_dropped);
	st->tx_dropped = atomic_read(&link->tx_dropped);
}

/**
 * ipcp_neg_link_status - a snapshot of a link's state
 * @net: the caller's namespace
 * @id: the link's id, or 0 to name it by @ifname
 * @ifname: its unit's name
 * @st: out: the snapshot (zeroed first)
 *
 * Context: process context.
 * Return: 0, or -ENOENT if there is no such link.
 */
int ipcp_neg_link_status(struct net *net, u32 id, const char *ifname,
			 struct ipcp_neg_link_status *st)
{
	struct ipcp_neg_link *link;

	memset(st, 0, sizeof(*st));
	mutex_lock(&links_mutex);
	link = link_find(net, id, ifname);
	if (link) {
		if (link->dev)
			strscpy(st->ifname, link->dev->name, IFNAMSIZ);
		spin_lock_bh(&link->lock);
		link_fill_status(link, st);
		spin_unlock_bh(&link->lock);
	}
	mutex_unlock(&links_mutex);
	return link ? 0 : -ENOENT;
}

/* Unlist the links @match selects onto @dead */
static void link_unlist(struct list_head *dead, const void *owner, bool all)
{
	struct ipcp_neg_link *link, *tmp;

	mutex_lock(&links_mutex);
	list_for_each_entry_safe(link, tmp, &links, node) {
		if (!all && (link->attached || link->owner != owner))
			continue;
		list_del_rcu(&link->node);
		list_add_tail(&link->dead_node, dead);
		link->listed = false;
	}
	mutex_unlock(&links_mutex);
}

/*
 * Tear down the unlisted links on @dead: close them all, then wait for
 * their Terminate-Acks together, LINK_TERM_WAIT_MS after the last one
 * was closed, so that unloading with thousands of live links waits about
 * a second, not a second per link.
 */
static void link_destroy_list(struct list_head *dead)
{
	struct ipcp_neg_link *link, *tmp;
	unsigned long end;
	long left;

	list_for_each_entry(link, dead, dead_node)
		link_destroy_begin(link, NULL, false);
	/* the last Terminate-Request sent gets the whole wait */
	end = jiffies + msecs_to_jiffies(LINK_TERM_WAIT_MS);
	list_for_each_entry_safe(link, tmp, dead, dead_node) {
		left = (long)(end - jiffies);
		if (link->term_wait && left > 0)
			wait_for_completion_timeout(&link->finished, left);
		list_del(&link->dead_node);
		link_destroy_end(link, NULL);
	}
}

/**
 * ipcp_neg_link_release_owner - a control file is closed
 * @owner: the file
 *
 * Destroys the links it created and did not attach, so that a tool that
 * fails half-way leaves nothing behind.
 *
 * Context: process context.
 */
void ipcp_neg_link_release_owner(const void *owner)
{
	LIST_HEAD(dead);

	link_unlist(&dead, owner, false);
	link_destroy_list(&dead);
}

/*
 * Someone deletes a unit a link holds ("ip link del pppN"): the link lets
 * it go, or unregistration would wait for our reference forever. Runs
 * under RTNL, so it must not take links_mutex (attach takes RTNL under
 * it): it walks the list under RCU and leaves the work to kill_work.
 * Nothing is scheduled once the link is dead (link_stop_data), so the
 * work cannot outlive the link.
 */
static int link_netdev_event(struct notifier_block *nb, unsigned long event,
			     void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct ipcp_neg_link *link;

	if (event != NETDEV_UNREGISTER || dev->type != ARPHRD_PPP)
		return NOTIFY_DONE;
	rcu_read_lock();
	list_for_each_entry_rcu(link, &links, node) {
		if (READ_ONCE(link->dev) != dev)
			continue;
		spin_lock_bh(&link->qlock);
		if (!link->dead) {
			WRITE_ONCE(link->dev_gone, true);
			queue_work(link_wq, &link->kill_work);
		}
		spin_unlock_bh(&link->qlock);
	}
	rcu_read_unlock();
	return NOTIFY_DONE;
}

static struct notifier_block link_netdev_nb = {
	.notifier_call = link_netdev_event,
};

/**
 * ipcp_neg_link_init - set up the link registry
 *
 * Makes the links' workqueue, prepares their sysfs files and registers the
 * netdevice notifier that lets a deleted unit go.
 *
 * Context: process context.
 * Return: 0, -ENOMEM or the notifier registration's error.
 */
int ipcp_neg_link_init(void)
{
	int err;

	link_wq = alloc_workqueue("ipcp_neg", 0, 0);
	if (!link_wq)
		return -ENOMEM;
	ipcp_neg_link_sysfs_init();
	err = register_netdevice_notifier(&link_netdev_nb);
	if (err)
		destroy_workqueue(link_wq);
	return err;
}

/**
 * ipcp_neg_link_exit - tear every link down (module unload)
 *
 * Each attached link sends its LCP Terminate-Request and has its address
 * deleted; a teardown already under way in a work item (the unit deleted,
 * the transport hung up, LCP finished) is waited for. Call after the
 * control device is gone, before the address programmer and the pools.
 *
 * Context: process context.
 */
void ipcp_neg_link_exit(void)
{
	LIST_HEAD(dead);

	link_unlist(&dead, NULL, true);
	link_destroy_list(&dead);
	/*
	 * Wait for the teardowns work items began. Flush, not only destroy:
	 * while one runs, a hang-up wake-up may still queue its link's
	 * kill_work (which that teardown cancels), and destroy's drain would
	 * warn about it. After the flush no link exists to queue anything.
	 */
	flush_workqueue(link_wq);
	destroy_workqueue(link_wq);
	unregister_netdevice_notifier(&link_netdev_nb);
}
