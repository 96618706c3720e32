// SPDX-License-Identifier: GPL-2.0
/*
 * A link's configuration (link_conf.h): the rule of each field, the check
 * of a whole configuration at creation that applies them all, and the
 * setters and getter of a running link, which apply the same rules to one
 * value against the rest of the link's configuration as it is then.
 *
 * The configuration lives in the link's engine (IPCP's conf, LCP's and the
 * NCPs' automaton tunables, pool_empty) and its lease (the pool); this file
 * is the one that maps the one onto the other. Addresses, servers and
 * flags reach the peer by renegotiating IPCP when it is past Starting;
 * pool_empty and the tunables apply at their next use, LCP's options at
 * LCP's next negotiation (turned into LCP's configuration for the
 * transport by lcp_policy.c).
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <kunit/visibility.h>
#include <net/net_namespace.h>

#include "compat.h"
#include "addr_pool.h"
#include "link_conf.h"
#include "link_int.h"
#include "params.h"

static_assert(sizeof_field(struct ipcp_neg_link_conf, pool) ==
	      IPCP_NEG_POOL_NAME_SIZE);

static bool conf_server(u8 role)
{
	return role == IPCP_NEG_IPCP_SERVER;
}

/* The rules */

/**
 * ipcp_neg_link_conf_local_ok - may a link's own address be @local?
 * @role: the link's enum ipcp_neg_ipcp_role
 * @local: the address, 0 for none
 * @remote: the peer's fixed address, 0 for none
 *
 * Server: a usable address (ipcp_neg_ipcp_addr_ok()), not the peer's;
 * client: also 0.0.0.0 (none: it asks the peer for one).
 *
 * Return: true if it may.
 */
bool ipcp_neg_link_conf_local_ok(u8 role, __be32 local, __be32 remote)
{
	if (!local)
		return role == IPCP_NEG_IPCP_CLIENT;
	return ipcp_neg_ipcp_addr_ok(local) && local != remote;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_link_conf_local_ok);

/**
 * ipcp_neg_link_conf_peer_ok - may the peer's address come from there?
 * @role: the link's enum ipcp_neg_ipcp_role
 * @local: the link's own address
 * @remote: the peer's fixed address, 0 for none
 * @pool: a pool is the source of the peer's address
 *
 * A client's peer has its own address: neither. A server has exactly one
 * source: a fixed @remote, usable and not @local, or a pool.
 *
 * Return: true if it may.
 */
bool ipcp_neg_link_conf_peer_ok(u8 role, __be32 local, __be32 remote,
				bool pool)
{
	if (!conf_server(role))
		return !remote && !pool;
	if (remote)
		return !pool && ipcp_neg_ipcp_addr_ok(remote) && remote != local;
	return pool;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_link_conf_peer_ok);

/**
 * ipcp_neg_link_conf_srv_ok - may @srv be a DNS or NBNS server handed out?
 * @srv: the address, 0 for none
 *
 * Return: true if it is 0 or usable (ipcp_neg_ipcp_addr_ok()).
 */
bool ipcp_neg_link_conf_srv_ok(__be32 srv)
{
	return !srv || ipcp_neg_ipcp_addr_ok(srv);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_link_conf_srv_ok);

/**
 * ipcp_neg_link_conf_flag_ok - may a link of @role set @flag?
 * @role: the link's enum ipcp_neg_ipcp_role
 * @flag: enum ipcp_neg_link_flag
 *
 * forced is a server's, request_dns and request_nbns a client's.
 *
 * Return: true if it may.
 */
bool ipcp_neg_link_conf_flag_ok(u8 role, unsigned int flag)
{
	switch (flag) {
	case IPCP_NEG_LINK_FORCED:
		return role == IPCP_NEG_IPCP_SERVER;
	case IPCP_NEG_LINK_REQ_DNS:
	case IPCP_NEG_LINK_REQ_NBNS:
		return role == IPCP_NEG_IPCP_CLIENT;
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_link_conf_flag_ok);

/**
 * ipcp_neg_link_conf_tunable_ok - is @v in the bounds of @tunable?
 * @tunable: enum ipcp_neg_link_tunable
 * @v: the value
 *
 * The module parameters' bounds (params.h): IPCP_NEG_RESTART_MS_MIN to
 * _MAX milliseconds for restart_ms, IPCP_NEG_MAX_COUNT_MIN to _MAX for the
 * counts.
 *
 * Return: true if it is.
 */
bool ipcp_neg_link_conf_tunable_ok(unsigned int tunable, unsigned int v)
{
	switch (tunable) {
	case IPCP_NEG_LINK_RESTART_MS:
		return v >= IPCP_NEG_RESTART_MS_MIN &&
		       v <= IPCP_NEG_RESTART_MS_MAX;
	case IPCP_NEG_LINK_MAX_CONFIGURE:
	case IPCP_NEG_LINK_MAX_TERMINATE:
	case IPCP_NEG_LINK_MAX_FAILURE:
		return v >= IPCP_NEG_MAX_COUNT_MIN &&
		       v <= IPCP_NEG_MAX_COUNT_MAX;
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_link_conf_tunable_ok);

/**
 * ipcp_neg_link_conf_mru_ok - may LCP be configured to request @mru?
 * @mru: the MRU; 0 for the transport's default
 *
 * Return: true if it is 0, or IPCP_NEG_MIN_MRU to IPCP_NEG_DEFAULT_MRU.
 */
bool ipcp_neg_link_conf_mru_ok(unsigned int mru)
{
	return !mru || (mru >= IPCP_NEG_MIN_MRU && mru <= IPCP_NEG_DEFAULT_MRU);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_link_conf_mru_ok);

/**
 * ipcp_neg_link_conf_lcp_ok - may a running link's LCP option be @v?
 * @transport: the link's enum ipcp_neg_transport
 * @opt: enum ipcp_neg_link_lcp_opt
 * @v: the MRU, the ACCM, or 0 or 1
 *
 * The MRU by ipcp_neg_link_conf_mru_ok(), on any transport. The ACCM and
 * the compressions are a tty's: on another transport only what they are
 * there is taken (no ACCM, pcomp and accomp 0).
 *
 * Return: true if it may.
 */
bool ipcp_neg_link_conf_lcp_ok(u8 transport, unsigned int opt, u32 v)
{
	bool tty = transport == IPCP_NEG_TRANSPORT_ASYNC;

	switch (opt) {
	case IPCP_NEG_LINK_LCP_MRU:
		return ipcp_neg_link_conf_mru_ok(v);
	case IPCP_NEG_LINK_LCP_ACCM:
		return tty;
	case IPCP_NEG_LINK_LCP_NO_ACCM:
		return v == 1 || (tty && !v);
	case IPCP_NEG_LINK_LCP_PCOMP:
	case IPCP_NEG_LINK_LCP_ACCOMP:
		return !v || (tty && v == 1);
	}
	return false;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_link_conf_lcp_ok);

/**
 * ipcp_neg_link_conf_check - may a link be created with @c?
 * @c: the configuration, @c->pool NUL-terminated
 *
 * A known role and pool_empty; every field by its rule above (DNS and NBNS
 * servers whatever the role: a client's are unused). LCP's options are
 * held to the MRU's rule only: the transport is not known yet, and attach
 * ignores those that do not apply to it (lcp_policy.c). The flags are not
 * held to their role here: a flag of the other role is ignored by the
 * engine (the ioctl has always accepted it); sysfs refuses to set one.
 * That the pool exists is for the caller to find out.
 *
 * Return: 0, or -EINVAL.
 */
int ipcp_neg_link_conf_check(const struct ipcp_neg_link_conf *c)
{
	int i;

	if (c->role != IPCP_NEG_IPCP_SERVER && c->role != IPCP_NEG_IPCP_CLIENT)
		return -EINVAL;
	if (c->pool_empty > IPCP_NEG_POOL_EMPTY_TERMINATE ||
	    !ipcp_neg_link_conf_mru_ok(c->lcp.mru))
		return -EINVAL;
	for (i = IPCP_NEG_IPCP_O_DNS1; i < IPCP_NEG_IPCP_O_COUNT; i++)
		if (!ipcp_neg_link_conf_srv_ok(c->srv[i]))
			return -EINVAL;
	if (!ipcp_neg_link_conf_local_ok(c->role, c->local, c->remote) ||
	    !ipcp_neg_link_conf_peer_ok(c->role, c->local, c->remote,
					c->pool[0]))
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_link_conf_check);

/* Where the fields live */

static bool *conf_flag(struct ipcp_neg_ipcp_conf *c, unsigned int flag)
{
	switch (flag) {
	case IPCP_NEG_LINK_FORCED:
		return &c->forced;
	case IPCP_NEG_LINK_REQ_DNS:
		return &c->req_dns;
	default:
		return &c->req_nbns;
	}
}

static unsigned int *conf_tunable(struct ipcp_neg_fsm_conf *c,
				  unsigned int tunable)
{
	switch (tunable) {
	case IPCP_NEG_LINK_RESTART_MS:
		return &c->restart_ms;
	case IPCP_NEG_LINK_MAX_CONFIGURE:
		return &c->max_configure;
	case IPCP_NEG_LINK_MAX_TERMINATE:
		return &c->max_terminate;
	default:
		return &c->max_failure;
	}
}

/* IPCP's configuration; its role is set at creation and never changes */
static struct ipcp_neg_ipcp_conf *conf_ipcp(struct ipcp_neg_link *link)
{
	return &link->eng.ipcp.conf;
}

/**
 * ipcp_neg_link_conf_init - give a new link's engine its configuration
 * @link: the link, its engine just initialised (ipcp_neg_engine_init())
 * @c: the configuration, valid (ipcp_neg_link_conf_check())
 *
 * The tunables come from the module parameters; the pool is the lease's
 * (ipcp_neg_lease_init()); LCP's options are those of an unknown
 * transport until attach finds it (ipcp_neg_link_conf_transport()).
 *
 * Context: before the link is shared: no lock.
 */
void ipcp_neg_link_conf_init(struct ipcp_neg_link *link,
			     const struct ipcp_neg_link_conf *c)
{
	struct ipcp_neg_ipcp_conf *ic = conf_ipcp(link);
	int i;

	for (i = 0; i < IPCP_NEG_LINK_NFSMS; i++)
		ipcp_neg_param_fsm_conf(&ipcp_neg_link_fsm(link, i)->conf);
	link->eng.pool_empty = c->pool_empty;
	ic->forced = c->forced;
	ic->req_dns = c->req_dns;
	ic->req_nbns = c->req_nbns;
	ic->local = c->local;
	ic->remote = c->remote;
	memcpy(ic->srv, c->srv, sizeof(ic->srv));
	link->lcp_set = c->lcp;
	ipcp_neg_lcp_policy(&link->lcp_set, &link->transport,
			    &link->eng.lcp.conf);
}

/* The setters */

/* A change of addresses, servers or flags reaches the peer this way */
static void conf_apply(struct ipcp_neg_link *link)
{
	lockdep_assert_held(&link->lock);
	if (link->eng.ipcp.fsm.state > IPCP_NEG_ST_STARTING)
		ipcp_neg_engine_renegotiate_ipcp(&link->eng);
}

/**
 * ipcp_neg_link_set_local - change the link's own address
 * @link: an attached link
 * @local: the address (ipcp_neg_link_conf_local_ok())
 *
 * An address leased from the link's pool chain to another link's peer is
 * refused; the link's own peer's lease goes back to the pool
 * (ipcp_neg_lease_set_local()). Renegotiates.
 *
 * Context: process context; takes link->lock.
 * Return: 0; -EINVAL if the rule refuses @local; -EADDRINUSE.
 */
int ipcp_neg_link_set_local(struct ipcp_neg_link *link, __be32 local)
{
	struct ipcp_neg_ipcp_conf *c = conf_ipcp(link);
	int err = -EINVAL;

	spin_lock_bh(&link->lock);
	if (ipcp_neg_link_conf_local_ok(c->role, local, c->remote))
		err = ipcp_neg_lease_set_local(&link->lease, local);
	if (!err) {
		c->local = local;
		conf_apply(link);
	}
	spin_unlock_bh(&link->lock);
	return err;
}

/*
 * Server: the peer's address from @remote, or from @pool (a reference the
 * link takes over) with @remote 0. The lease held goes back to its pool
 * now if IPCP is not up, else when IPCP goes down; the sticky address is
 * forgotten (ipcp_neg_lease_set_src()). Renegotiates. Returns the pool the
 * link held before, for the caller to put once it let go of the lock.
 */
static struct ipcp_neg_pool *conf_set_peer_src(struct ipcp_neg_link *link,
					       __be32 remote,
					       struct ipcp_neg_pool *pool)
{
	struct ipcp_neg_pool *old;

	lockdep_assert_held(&link->lock);
	old = ipcp_neg_lease_set_src(&link->lease, pool, link->eng.ip_up);
	conf_ipcp(link)->remote = remote;
	conf_apply(link);
	return old;
}

/**
 * ipcp_neg_link_set_remote - a server's peer gets a fixed address
 * @link: an attached link
 * @remote: the address (ipcp_neg_link_conf_peer_ok()); 0 keeps the pool
 *	when there is one
 *
 * The pool, if any, is let go (see ipcp_neg_link_set_pool()). Renegotiates
 * unless @remote is 0.
 *
 * Context: process context; takes link->lock.
 * Return: 0; -EINVAL for a client, or if the rule refuses @remote (0
 * without a pool included).
 */
int ipcp_neg_link_set_remote(struct ipcp_neg_link *link, __be32 remote)
{
	struct ipcp_neg_ipcp_conf *c = conf_ipcp(link);
	struct ipcp_neg_pool *old = NULL;
	int err = 0;

	if (!conf_server(c->role))
		return -EINVAL;
	spin_lock_bh(&link->lock);
	if (!ipcp_neg_link_conf_peer_ok(c->role, c->local, remote,
					!remote && link->lease.pool))
		err = -EINVAL;
	else if (remote)
		old = conf_set_peer_src(link, remote, NULL);
	spin_unlock_bh(&link->lock);
	ipcp_neg_pool_put(old);
	return err;
}

/**
 * ipcp_neg_link_set_pool - a server's peer gets its address from a pool
 * @link: an attached link
 * @name: the pool's name, in the unit's namespace; "" keeps the fixed
 *	address when there is one
 *
 * The fixed address, if any, is cleared; the lease held goes back to its
 * pool now if IPCP is not up, else when IPCP goes down. Renegotiates
 * unless @name is "".
 *
 * Context: process context; takes link->lock.
 * Return: 0; -EINVAL for a client, or "" without a fixed address;
 * -ENOENT if there is no such pool.
 */
int ipcp_neg_link_set_pool(struct ipcp_neg_link *link, const char *name)
{
	struct ipcp_neg_ipcp_conf *c = conf_ipcp(link);
	struct ipcp_neg_pool *pool, *old;
	bool ok;

	if (!conf_server(c->role))
		return -EINVAL;
	if (!name[0]) {
		spin_lock_bh(&link->lock);
		ok = ipcp_neg_link_conf_peer_ok(c->role, c->local, c->remote,
						false);
		spin_unlock_bh(&link->lock);
		return ok ? 0 : -EINVAL;
	}
	pool = ipcp_neg_pool_get(dev_net(link->dev), name);
	if (!pool)
		return -ENOENT;
	spin_lock_bh(&link->lock);
	old = conf_set_peer_src(link, 0, pool);
	spin_unlock_bh(&link->lock);
	ipcp_neg_pool_put(old);
	return 0;
}

/**
 * ipcp_neg_link_set_servers - the DNS or NBNS servers a server hands out
 * @link: an attached link
 * @first: IPCP_NEG_IPCP_O_DNS1 or IPCP_NEG_IPCP_O_NBNS1: which pair
 * @pair: the primary and the secondary (ipcp_neg_link_conf_srv_ok())
 *
 * Renegotiates.
 *
 * Context: process context; takes link->lock.
 * Return: 0; -EINVAL for a client, or if the rule refuses either address.
 */
int ipcp_neg_link_set_servers(struct ipcp_neg_link *link, unsigned int first,
			      const __be32 pair[2])
{
	struct ipcp_neg_ipcp_conf *c = conf_ipcp(link);
	unsigned int second = first + IPCP_NEG_IPCP_O_DNS2 -
			      IPCP_NEG_IPCP_O_DNS1;

	if (first != IPCP_NEG_IPCP_O_DNS1 && first != IPCP_NEG_IPCP_O_NBNS1)
		return -EINVAL;
	if (!conf_server(c->role) || !ipcp_neg_link_conf_srv_ok(pair[0]) ||
	    !ipcp_neg_link_conf_srv_ok(pair[1]))
		return -EINVAL;
	spin_lock_bh(&link->lock);
	c->srv[first] = pair[0];
	c->srv[second] = pair[1];
	conf_apply(link);
	spin_unlock_bh(&link->lock);
	return 0;
}

/**
 * ipcp_neg_link_set_flag - set or clear one of the link's flags
 * @link: an attached link
 * @flag: enum ipcp_neg_link_flag, one of the link's role
 *	(ipcp_neg_link_conf_flag_ok())
 * @v: its value
 *
 * Renegotiates.
 *
 * Context: process context; takes link->lock.
 * Return: 0, or -EINVAL for a flag of the other role.
 */
int ipcp_neg_link_set_flag(struct ipcp_neg_link *link, unsigned int flag,
			   bool v)
{
	struct ipcp_neg_ipcp_conf *c = conf_ipcp(link);

	if (!ipcp_neg_link_conf_flag_ok(c->role, flag))
		return -EINVAL;
	spin_lock_bh(&link->lock);
	*conf_flag(c, flag) = v;
	conf_apply(link);
	spin_unlock_bh(&link->lock);
	return 0;
}

/**
 * ipcp_neg_link_set_pool_empty - what IPCP does when it finds no address
 * @link: an attached link
 * @v: enum ipcp_neg_pool_empty
 *
 * Applies the next time no address is found.
 *
 * Context: process context; takes link->lock.
 * Return: 0, or -EINVAL for an unknown @v.
 */
int ipcp_neg_link_set_pool_empty(struct ipcp_neg_link *link, unsigned int v)
{
	if (v > IPCP_NEG_POOL_EMPTY_TERMINATE)
		return -EINVAL;
	spin_lock_bh(&link->lock);
	link->eng.pool_empty = v;
	spin_unlock_bh(&link->lock);
	return 0;
}

/**
 * ipcp_neg_link_set_tunable - one tunable of every automaton of the link
 * @link: an attached link
 * @tunable: enum ipcp_neg_link_tunable
 * @v: its value (ipcp_neg_link_conf_tunable_ok())
 *
 * LCP's and every NCP's (ncp.h) alike; each applies it at its next use.
 *
 * Context: process context; takes link->lock.
 * Return: 0, or -EINVAL for a value out of bounds.
 */
int ipcp_neg_link_set_tunable(struct ipcp_neg_link *link,
			      unsigned int tunable, unsigned int v)
{
	int i;

	if (!ipcp_neg_link_conf_tunable_ok(tunable, v))
		return -EINVAL;
	spin_lock_bh(&link->lock);
	for (i = 0; i < IPCP_NEG_LINK_NFSMS; i++)
		*conf_tunable(&ipcp_neg_link_fsm(link, i)->conf, tunable) = v;
	spin_unlock_bh(&link->lock);
	return 0;
}

/* LCP's configuration from the link's options and transport */
static void conf_lcp_apply(struct ipcp_neg_link *link)
{
	lockdep_assert_held(&link->lock);
	ipcp_neg_lcp_policy(&link->lcp_set, &link->transport,
			    &link->eng.lcp.conf);
}

static void conf_lcp_store(struct ipcp_neg_lcp_settings *s, unsigned int opt,
			   u32 v)
{
	switch (opt) {
	case IPCP_NEG_LINK_LCP_MRU:
		s->mru = v;
		break;
	case IPCP_NEG_LINK_LCP_ACCM:
		s->accm = v;
		s->default_accm = false;
		break;
	case IPCP_NEG_LINK_LCP_NO_ACCM:
		s->default_accm = v;
		break;
	case IPCP_NEG_LINK_LCP_PCOMP:
		s->no_pcomp = !v;
		break;
	default:
		s->no_accomp = !v;
	}
}

/**
 * ipcp_neg_link_set_lcp - change one of LCP's options
 * @link: an attached link
 * @opt: enum ipcp_neg_link_lcp_opt
 * @v: its value (ipcp_neg_link_conf_lcp_ok()); an ACCM also clears
 *	IPCP_NEG_LINK_LCP_NO_ACCM
 *
 * Applies at LCP's next negotiation: LCP's next Configure-Request and its
 * answers to the peer's use it; what was negotiated stays until then.
 *
 * Context: process context; takes link->lock.
 * Return: 0, or -EINVAL if the rule refuses @v.
 */
int ipcp_neg_link_set_lcp(struct ipcp_neg_link *link, unsigned int opt,
			  u32 v)
{
	int err = -EINVAL;

	spin_lock_bh(&link->lock);
	if (ipcp_neg_link_conf_lcp_ok(link->transport.kind, opt, v)) {
		conf_lcp_store(&link->lcp_set, opt, v);
		conf_lcp_apply(link);
		err = 0;
	}
	spin_unlock_bh(&link->lock);
	return err;
}

/**
 * ipcp_neg_link_conf_transport - the link's transport, found by attach
 * @link: the link being attached, LCP not started
 * @t: its transport
 *
 * LCP's options are applied to it (lcp_policy.c).
 *
 * Context: takes link->lock.
 */
void ipcp_neg_link_conf_transport(struct ipcp_neg_link *link,
				  const struct ipcp_neg_transport_info *t)
{
	spin_lock_bh(&link->lock);
	link->transport = *t;
	conf_lcp_apply(link);
	spin_unlock_bh(&link->lock);
}

/**
 * ipcp_neg_link_get_conf - a snapshot of the link's configuration
 * @link: an attached link
 * @s: out: the configuration, read at once
 *
 * Context: process context; takes link->lock.
 */
void ipcp_neg_link_get_conf(struct ipcp_neg_link *link,
			    struct ipcp_neg_link_settings *s)
{
	struct ipcp_neg_ipcp_conf *c = conf_ipcp(link);
	struct ipcp_neg_fsm_conf *f;
	int i;

	memset(s, 0, sizeof(*s));
	spin_lock_bh(&link->lock);
	s->conf.role = c->role;
	s->conf.pool_empty = link->eng.pool_empty;
	s->conf.forced = c->forced;
	s->conf.req_dns = c->req_dns;
	s->conf.req_nbns = c->req_nbns;
	s->conf.local = c->local;
	s->conf.remote = c->remote;
	memcpy(s->conf.srv, c->srv, sizeof(s->conf.srv));
	if (link->lease.pool)
		strscpy(s->conf.pool, ipcp_neg_pool_name(link->lease.pool),
			sizeof(s->conf.pool));
	for (i = 0; i < IPCP_NEG_LINK_NFLAGS; i++)
		s->flag[i] = *conf_flag(c, i);
	f = &ipcp_neg_link_fsm(link, IPCP_NEG_LINK_FSM_LCP)->conf;
	for (i = 0; i < IPCP_NEG_LINK_NTUNABLES; i++)
		s->tunable[i] = *conf_tunable(f, i);
	s->conf.lcp = link->lcp_set;
	s->lcp = link->eng.lcp.conf;
	spin_unlock_bh(&link->lock);
}
