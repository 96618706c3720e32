/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lease policy of a server link: which pool address its peer gets,
 * and when the link keeps it. One implementation, called by the link glue
 * (link.c, link_sysfs.c), the KUnit suites and the fuzz targets.
 *
 * Locking: a lease has no lock of its own. Its owner serialises every call
 * on it (in the module, link->lock, taken with spin_lock_bh()); calls on
 * different leases may run at once, the pools have their own locks.
 * Contexts: process or softirq, as for the pool calls (addr_pool.h), never
 * hard IRQ.
 */
#ifndef _IPCP_NEG_LEASE_H
#define _IPCP_NEG_LEASE_H

#include <linux/types.h>

struct ipcp_neg_pool;

/**
 * struct ipcp_neg_lease - the address a link holds for its peer
 * @pool: the pool the peer's address comes from (a reference the lease
 *	holds), or NULL (fixed remote address, or a client)
 * @addr: the address leased for the peer, or 0
 * @owner: the pool of @pool's chain that @addr came from
 * @last: the previous lease, tried first by the next negotiation (sticky)
 *
 * All fields: Protected by the owner's lock (link->lock).
 */
struct ipcp_neg_lease {
	struct ipcp_neg_pool *pool;
	__be32 addr;
	struct ipcp_neg_pool *owner;
	__be32 last;
};

void ipcp_neg_lease_init(struct ipcp_neg_lease *l, struct ipcp_neg_pool *pool);
void ipcp_neg_lease_uninit(struct ipcp_neg_lease *l);
int ipcp_neg_lease_assign(struct ipcp_neg_lease *l, __be32 wanted,
			  __be32 local, __be32 *out);
void ipcp_neg_lease_drop(struct ipcp_neg_lease *l);
struct ipcp_neg_pool *ipcp_neg_lease_set_src(struct ipcp_neg_lease *l,
					     struct ipcp_neg_pool *pool,
					     bool in_use);
int ipcp_neg_lease_set_local(struct ipcp_neg_lease *l, __be32 local);

#endif /* _IPCP_NEG_LEASE_H */
