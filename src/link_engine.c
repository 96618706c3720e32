// SPDX-License-Identifier: GPL-2.0
/*
 * A link's engine (engine.h) and what it needs of the link: the engine's
 * callbacks (packets into the history and the data path, restart timers,
 * IPCP up and down, the lease policy of lease.c), the LCP Echo timer, and
 * what the link reads of its engine: its automata, their states and
 * counters (its configuration is link_conf.c's).
 *
 * Locking: every callback runs under link->lock (BH), taken by whoever
 * calls into the engine (data path, timers, sysfs, ioctls).
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/netdevice.h>
#include <linux/ppp_defs.h>
#include <linux/ratelimit.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

#include "compat.h"
#include "link_conf.h"
#include "link_int.h"
#include "opt.h"
#include "params.h"

/*
 * IPCP up and down lines per link: a peer looping renegotiation gets at
 * most LINK_LOG_BURST of them every LINK_LOG_INTERVAL, then one line
 * saying how many were suppressed (counters/ipcp_renegotiations counts
 * them all)
 */
#define LINK_LOG_INTERVAL	(60 * HZ)
#define LINK_LOG_BURST		10

static unsigned long link_echo_delay(void)
{
	return msecs_to_jiffies(ipcp_neg_param_echo_interval_ms());
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
	ipcp_neg_hist_add(link->hist, true, proto, hdr, sizeof(hdr), data,
			  len);
	if (proto == PPP_IPCP && code == IPCP_NEG_CONFACK &&
	    link->eng.ipcp.conf.role == IPCP_NEG_IPCP_SERVER)
		link_note_handed(link, data, len);
}

static void link_xmit(struct ipcp_neg_engine *e, u16 proto, u8 code, u8 id,
		      const u8 *data, unsigned int len)
{
	struct ipcp_neg_link *link = link_of(e);

	link_hist_tx(link, proto, code, id, data, len);
	ipcp_neg_link_send_ctl(link, proto, code, id, data, len);
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
	queue_work(ipcp_neg_link_wq, &link->kill_work);
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
	link->want.mtu = ipcp_neg_lcp_policy_mtu(&link->transport,
						 e->lcp.his.mru);
	link->want.up = true;
	set_bit(IPCP_NEG_NCP_IPCP, &link->data_up);
	link_note_up(link);
	queue_work(ipcp_neg_link_wq, &link->addr_work);
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
	queue_work(ipcp_neg_link_wq, &link->addr_work);
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
 * ipcp_neg_link_engine_init - set up a new link's engine and timers
 * @link: the link, zeroed
 * @c: its configuration, valid (ipcp_neg_link_conf_check())
 */
void ipcp_neg_link_engine_init(struct ipcp_neg_link *link,
			       const struct ipcp_neg_link_conf *c)
{
	struct ipcp_neg_engine *e = &link->eng;
	int i;

	for (i = 0; i < IPCP_NEG_LINK_NTIMERS; i++) {
		link->timer[i].link = link;
		link->timer[i].proto = i ? ipcp_neg_ncps[i - 1]->proto : PPP_LCP;
		timer_setup(&link->timer[i].t, link_timeout, 0);
	}
	timer_setup(&link->echo_timer, link_echo, 0);
	ratelimit_state_init(&link->log_rs, LINK_LOG_INTERVAL, LINK_LOG_BURST);

	ipcp_neg_engine_init(e, &link_ops, c->role, link);
	ipcp_neg_link_conf_init(link, c);
}

/**
 * ipcp_neg_link_echo_start - start sending LCP Echo-Requests
 * @link: an attached link
 *
 * The first goes out one echo interval from now, while LCP is Opened.
 */
void ipcp_neg_link_echo_start(struct ipcp_neg_link *link)
{
	mod_timer(&link->echo_timer, jiffies + link_echo_delay());
}

/**
 * ipcp_neg_link_timers_shutdown - no timer of the link runs again
 * @link: the link being torn down, its data path closed
 *	(ipcp_neg_link_data_close())
 *
 * Context: process context, waits for running timer callbacks.
 */
void ipcp_neg_link_timers_shutdown(struct ipcp_neg_link *link)
{
	int i;

	for (i = 0; i < IPCP_NEG_LINK_NTIMERS; i++)
		timer_shutdown_sync(&link->timer[i].t);
	timer_shutdown_sync(&link->echo_timer);
}

/**
 * ipcp_neg_link_fsm - one automaton of the link's engine
 * @link: the link
 * @i: which: IPCP_NEG_LINK_FSM_LCP, or IPCP_NEG_LINK_FSM_NCP(id) for
 *	that of NCP @id of the table (ncp.h); below IPCP_NEG_LINK_NFSMS
 *
 * Context: under link->lock, or before the link is shared.
 * Return: the automaton.
 */
struct ipcp_neg_fsm *ipcp_neg_link_fsm(struct ipcp_neg_link *link,
				       unsigned int i)
{
	if (i == IPCP_NEG_LINK_FSM_LCP)
		return &link->eng.lcp.fsm;
	return ipcp_neg_ncps[i - IPCP_NEG_LINK_FSM_NCP(0)]->fsm(&link->eng);
}

/**
 * ipcp_neg_link_get_state - a snapshot of the link's state
 * @link: the link
 * @s: out: its state, read at once
 *
 * Context: takes link->lock.
 */
void ipcp_neg_link_get_state(struct ipcp_neg_link *link,
			     struct ipcp_neg_link_state *s)
{
	const struct ipcp_neg_engine *e = &link->eng;
	bool server = e->ipcp.conf.role == IPCP_NEG_IPCP_SERVER;
	int i;

	memset(s, 0, sizeof(*s));
	spin_lock_bh(&link->lock);
	for (i = 0; i < IPCP_NEG_LINK_NFSMS; i++)
		s->fsm[i] = ipcp_neg_link_fsm(link, i)->state;
	s->phase = ipcp_neg_engine_phase(e);
	s->reason = e->reason;
	if (ipcp_neg_engine_ip_ok(e)) {
		s->local = e->ipcp.local;
		s->peer = e->ipcp.peer;
		memcpy(s->srv, server ? link->handed : e->ipcp.srv,
		       sizeof(s->srv));
		s->up_since = link->up_since;
	}
	spin_unlock_bh(&link->lock);
}

/**
 * ipcp_neg_link_get_stats - a snapshot of one automaton's counters
 * @link: the link
 * @i: which automaton, as for ipcp_neg_link_fsm()
 * @st: out: its counters, read at once
 *
 * Context: takes link->lock.
 */
void ipcp_neg_link_get_stats(struct ipcp_neg_link *link, unsigned int i,
			     struct ipcp_neg_fsm_stats *st)
{
	spin_lock_bh(&link->lock);
	*st = ipcp_neg_link_fsm(link, i)->stats;
	spin_unlock_bh(&link->lock);
}
