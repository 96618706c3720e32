// SPDX-License-Identifier: GPL-2.0
/*
 * Two engines back to back (see pair.h): the owner callbacks of both
 * engines, the queues between them and the virtual clock of their timers.
 */

#include <linux/container_of.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "pair.h"

static struct ipcp_neg_pair_side *pair_side(struct ipcp_neg_engine *e)
{
	return container_of(e, struct ipcp_neg_pair_side, e);
}

static unsigned int pair_ti(u16 proto)
{
	return proto == IPCP_NEG_PROTO_LCP ? IPCP_NEG_PAIR_T_LCP :
					     IPCP_NEG_PAIR_T_IPCP;
}

static void pair_xmit(struct ipcp_neg_engine *e, u16 proto, u8 code, u8 id,
		      const u8 *data, unsigned int len)
{
	struct ipcp_neg_pair_side *s = pair_side(e);
	struct ipcp_neg_pair *p = s->pair;
	struct ipcp_neg_pair_pkt pkt;

	s->ntx++;
	if (len > IPCP_NEG_PAIR_PKT - IPCP_NEG_HDRLEN) {
		p->too_long++;
		return;
	}
	pkt.proto = proto;
	pkt.len = IPCP_NEG_HDRLEN + len;
	pkt.data[0] = code;
	pkt.data[1] = id;
	pkt.data[2] = pkt.len >> 8;
	pkt.data[3] = pkt.len & 0xff;
	if (len)
		memcpy(pkt.data + IPCP_NEG_HDRLEN, data, len);
	if (p->ops && p->ops->tx)
		p->ops->tx(s, &pkt);
	else
		ipcp_neg_pair_enqueue(ipcp_neg_pair_peer(s), &pkt);
}

static void pair_timer_start(struct ipcp_neg_engine *e, u16 proto,
			     unsigned int ms)
{
	struct ipcp_neg_pair_side *s = pair_side(e);
	unsigned int t = pair_ti(proto);

	s->armed[t] = true;
	s->ms[t] = ms;
	s->deadline[t] = s->pair->now + ms;
}

static void pair_timer_stop(struct ipcp_neg_engine *e, u16 proto)
{
	pair_side(e)->armed[pair_ti(proto)] = false;
}

/* What link.c's ipcp_up() relies on: a server holds its peer's address */
static void pair_ipcp_up(struct ipcp_neg_engine *e)
{
	struct ipcp_neg_pair_side *s = pair_side(e);
	const struct ipcp_neg_ipcp *ip = &e->ipcp;
	struct ipcp_neg_pair *p = s->pair;

	if (s->ups++ != s->downs)
		p->errors++;
	if (ip->conf.role == IPCP_NEG_IPCP_SERVER &&
	    (ip->conf.remote ? ip->peer != ip->conf.remote :
			       ip->peer != s->lease.addr))
		p->errors++;
	if (p->ops && p->ops->up)
		p->ops->up(s);
}

/* As link.c's: the peer's address goes back to the pool */
static void pair_ipcp_down(struct ipcp_neg_engine *e)
{
	struct ipcp_neg_pair_side *s = pair_side(e);

	if (++s->downs != s->ups)
		s->pair->errors++;
	ipcp_neg_lease_drop(&s->lease);
}

static void pair_finished(struct ipcp_neg_engine *e)
{
	pair_side(e)->finished++;
}

/* link.c's assign(): the module's lease policy, unless the owner refuses */
static int pair_assign(struct ipcp_neg_engine *e, __be32 wanted, __be32 *out)
{
	struct ipcp_neg_pair_side *s = pair_side(e);
	const struct ipcp_neg_pair_ops *ops = s->pair->ops;

	if (ops && ops->refuse && ops->refuse(s))
		return -ENOSPC;
	return ipcp_neg_lease_assign(&s->lease, wanted, e->ipcp.conf.local,
				     out);
}

/* One set for fixed and pool servers and for clients, as link.c's */
static const struct ipcp_neg_engine_ops pair_engine_ops = {
	.xmit = pair_xmit,
	.timer_start = pair_timer_start,
	.timer_stop = pair_timer_stop,
	.ipcp_up = pair_ipcp_up,
	.ipcp_down = pair_ipcp_down,
	.finished = pair_finished,
	.assign = pair_assign,
};

/**
 * ipcp_neg_pair_init - a pair with nothing in flight and the clock at 0
 * @p: the pair
 * @ops: the owner's hooks, or NULL
 * @priv: the owner's pointer (@p->priv)
 *
 * The sides are set up with ipcp_neg_pair_side_init() afterwards. The
 * queues' contents are not cleared, only their lengths.
 */
void ipcp_neg_pair_init(struct ipcp_neg_pair *p,
			const struct ipcp_neg_pair_ops *ops, void *priv)
{
	unsigned int i;

	p->ops = ops;
	p->priv = priv;
	p->now = 0;
	p->turn = false;
	p->steps = 0;
	p->packets = 0;
	p->timeouts = 0;
	p->lost = 0;
	p->too_long = 0;
	p->errors = 0;
	for (i = 0; i < ARRAY_SIZE(p->s); i++) {
		p->s[i].pair = p;
		p->s[i].qlen = 0;
		ipcp_neg_lease_init(&p->s[i].lease, NULL);
	}
}

/**
 * ipcp_neg_pair_side_init - (re)initialise one side's engine
 * @s: the side, of a pair set up by ipcp_neg_pair_init()
 * @role: its IPCP role
 * @pool: a server's pool (a reference the side's lease takes over), or
 *	NULL
 *
 * The engine is initialised with the pair's callbacks; configure @s->e
 * afterwards. Its queue, timers and counters start empty; the lease held
 * before, if any, is given back.
 */
void ipcp_neg_pair_side_init(struct ipcp_neg_pair_side *s,
			     enum ipcp_neg_ipcp_role role,
			     struct ipcp_neg_pool *pool)
{
	ipcp_neg_lease_uninit(&s->lease);
	ipcp_neg_lease_init(&s->lease, pool);
	s->qhead = 0;
	s->qlen = 0;
	memset(s->armed, 0, sizeof(s->armed));
	s->ntx = 0;
	s->ups = 0;
	s->downs = 0;
	s->finished = 0;
	ipcp_neg_engine_init(&s->e, &pair_engine_ops, role, s->pair);
}

/**
 * ipcp_neg_pair_uninit - give back what the sides' leases hold
 * @p: the pair
 */
void ipcp_neg_pair_uninit(struct ipcp_neg_pair *p)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(p->s); i++)
		ipcp_neg_lease_uninit(&p->s[i].lease);
}

/**
 * ipcp_neg_pair_peer - the other side
 * @s: one side
 *
 * Return: the side @s transmits to.
 */
struct ipcp_neg_pair_side *ipcp_neg_pair_peer(struct ipcp_neg_pair_side *s)
{
	struct ipcp_neg_pair *p = s->pair;

	return s == &p->s[0] ? &p->s[1] : &p->s[0];
}

/**
 * ipcp_neg_pair_start - start both engines, [0] first
 * @p: the pair
 */
void ipcp_neg_pair_start(struct ipcp_neg_pair *p)
{
	ipcp_neg_engine_start(&p->s[0].e);
	ipcp_neg_engine_start(&p->s[1].e);
}

/**
 * ipcp_neg_pair_enqueue - put a packet at the end of a side's queue
 * @to: the side it is for
 * @pkt: the packet, copied
 *
 * Return: true; false if the queue is full (counted in @p->lost).
 */
bool ipcp_neg_pair_enqueue(struct ipcp_neg_pair_side *to,
			   const struct ipcp_neg_pair_pkt *pkt)
{
	struct ipcp_neg_pair_pkt *q;

	if (to->qlen == IPCP_NEG_PAIR_QLEN) {
		to->pair->lost++;
		return false;
	}
	q = &to->q[(to->qhead + to->qlen++) % IPCP_NEG_PAIR_QLEN];
	q->proto = pkt->proto;
	q->len = pkt->len;
	memcpy(q->data, pkt->data, pkt->len);
	return true;
}

/**
 * ipcp_neg_pair_peek - a packet queued for a side
 * @s: the side
 * @i: its place in the queue, 0 for the next one delivered
 *
 * Return: the packet, which the caller may change; NULL if fewer than
 * @i + 1 are queued.
 */
struct ipcp_neg_pair_pkt *ipcp_neg_pair_peek(struct ipcp_neg_pair_side *s,
					     unsigned int i)
{
	if (i >= s->qlen)
		return NULL;
	return &s->q[(s->qhead + i) % IPCP_NEG_PAIR_QLEN];
}

/**
 * ipcp_neg_pair_swap - exchange two packets queued for a side
 * @s: the side
 * @i: the place of one (0 for the next one delivered)
 * @j: the place of the other
 *
 * Does nothing unless both are queued.
 */
void ipcp_neg_pair_swap(struct ipcp_neg_pair_side *s, unsigned int i,
			unsigned int j)
{
	struct ipcp_neg_pair_pkt *a = ipcp_neg_pair_peek(s, i);
	struct ipcp_neg_pair_pkt *b = ipcp_neg_pair_peek(s, j);

	if (a && b)
		swap(*a, *b);
}

/**
 * ipcp_neg_pair_drop - lose the next packet queued for a side
 * @s: the side
 *
 * Return: false if none was queued.
 */
bool ipcp_neg_pair_drop(struct ipcp_neg_pair_side *s)
{
	if (!s->qlen)
		return false;
	s->qhead = (s->qhead + 1) % IPCP_NEG_PAIR_QLEN;
	s->qlen--;
	return true;
}

/**
 * ipcp_neg_pair_deliver - feed a side the next packet queued for it
 * @s: the side
 *
 * The packet leaves the queue first: what the engine transmits meanwhile
 * goes to the peer's queue, never to this one.
 *
 * Return: false if none was queued.
 */
bool ipcp_neg_pair_deliver(struct ipcp_neg_pair_side *s)
{
	struct ipcp_neg_pair *p = s->pair;
	struct ipcp_neg_pair_pkt *pkt = ipcp_neg_pair_peek(s, 0);

	if (!pkt)
		return false;
	ipcp_neg_pair_drop(s);
	p->packets++;
	/* the slot is reused only once the queue has filled up again */
	if (p->ops && p->ops->rx)
		p->ops->rx(s, pkt);
	else
		ipcp_neg_engine_input(&s->e, pkt->proto, pkt->data, pkt->len);
	return true;
}

/**
 * ipcp_neg_pair_flush - lose every packet in flight
 * @p: the pair
 */
void ipcp_neg_pair_flush(struct ipcp_neg_pair *p)
{
	p->s[0].qlen = 0;
	p->s[1].qlen = 0;
}

/**
 * ipcp_neg_pair_expire - a side's restart timer expires, armed or not
 * @s: the side
 * @t: which, IPCP_NEG_PAIR_T_LCP or IPCP_NEG_PAIR_T_IPCP
 *
 * The clock does not move; the timer is disarmed first.
 */
void ipcp_neg_pair_expire(struct ipcp_neg_pair_side *s, unsigned int t)
{
	s->armed[t] = false;
	ipcp_neg_engine_timeout(&s->e, t == IPCP_NEG_PAIR_T_IPCP ?
				IPCP_NEG_PROTO_IPCP : IPCP_NEG_PROTO_LCP);
}

/**
 * ipcp_neg_pair_fire - advance the clock to the earliest armed timer
 * @p: the pair
 *
 * That timer fires (counted in @p->timeouts); of timers due at once, the
 * first of [0]'s LCP, [0]'s IPCP, [1]'s LCP, [1]'s IPCP.
 *
 * Return: false if no timer is armed.
 */
bool ipcp_neg_pair_fire(struct ipcp_neg_pair *p)
{
	struct ipcp_neg_pair_side *s = NULL;
	unsigned int i, t, ti = 0;

	for (i = 0; i < ARRAY_SIZE(p->s); i++)
		for (t = 0; t < 2; t++)
			if (p->s[i].armed[t] &&
			    (!s || p->s[i].deadline[t] < s->deadline[ti])) {
				s = &p->s[i];
				ti = t;
			}
	if (!s)
		return false;
	p->now = s->deadline[ti];
	p->timeouts++;
	ipcp_neg_pair_expire(s, ti);
	return true;
}

/**
 * ipcp_neg_pair_step - one delivery, or one expiry when nothing is queued
 * @p: the pair
 *
 * Deliveries alternate between the sides (@p->turn first, unless nothing
 * is queued for it), or follow @p->turn where the caller sets it.
 *
 * Return: false when all is quiet: nothing queued, no timer armed.
 */
bool ipcp_neg_pair_step(struct ipcp_neg_pair *p)
{
	struct ipcp_neg_pair_side *first = &p->s[p->turn];

	p->turn = !p->turn;
	if (ipcp_neg_pair_deliver(first) ||
	    ipcp_neg_pair_deliver(ipcp_neg_pair_peer(first)))
		return true;
	return ipcp_neg_pair_fire(p);
}

/**
 * ipcp_neg_pair_run - step until done or quiet
 * @p: the pair
 * @max_steps: steps allowed (counted in @p->steps)
 * @done: the goal, or NULL to run until all is quiet
 *
 * Return: 0 when @done holds (or, without @done, all is quiet); -EIO if all
 * went quiet before @done held; -EBUSY if @max_steps ran out first.
 */
int ipcp_neg_pair_run(struct ipcp_neg_pair *p, unsigned int max_steps,
		      bool (*done)(const struct ipcp_neg_pair *p))
{
	unsigned int n;

	for (n = 0; n < max_steps; n++) {
		if (done && done(p))
			break;
		if (!ipcp_neg_pair_step(p)) {
			p->steps += n;
			return done ? -EIO : 0;
		}
	}
	p->steps += n;
	return n < max_steps ? 0 : -EBUSY;
}

/**
 * ipcp_neg_pair_quiet - nothing in flight and no timer armed
 * @p: the pair
 *
 * Return: true if so.
 */
bool ipcp_neg_pair_quiet(const struct ipcp_neg_pair *p)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(p->s); i++)
		if (p->s[i].qlen || p->s[i].armed[0] || p->s[i].armed[1])
			return false;
	return true;
}
