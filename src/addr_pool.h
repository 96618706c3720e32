/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Named IPv4 address pools handed out to peers by IPCP.
 *
 * A pool belongs to one network namespace and holds up to
 * IPCP_NEG_POOL_MAX_RANGES ranges. Ranges never overlap within a namespace,
 * across all its pools, including deleted pools that still have leases.
 * A pool may name a next pool, used when it is full (the overflow chain).
 *
 * Contexts: configuration (create, add_range, add_prefix, reserve,
 * set_next, delete, cleanup_net, exit) is process context and may sleep.
 * Lookup, take, release, usage and put may run in process or softirq
 * context, never in hard IRQ context nor with hard IRQs disabled.
 *
 * Namespaces: a pool keeps its struct net pointer without a reference and
 * never dereferences it; the namespace's pernet exit must call
 * ipcp_neg_pool_cleanup_net(), and the links of the namespace release their
 * leases before it goes. In the module, pools are created and deleted
 * through pool_sysfs.h, which keeps each pool's sysfs directory and calls
 * ipcp_neg_pool_cleanup_net() from its pernet exit.
 *
 * Leases: every address handed out by ipcp_neg_pool_take() or
 * ipcp_neg_pool_take_any() carries one reference on the pool that owns it.
 * ipcp_neg_pool_release() gives the address and that reference back, so a
 * pool lives as long as a configuration entry, a holder or a lease needs it.
 */
#ifndef _IPCP_NEG_ADDR_POOL_H
#define _IPCP_NEG_ADDR_POOL_H

#include <linux/bits.h>
#include <linux/types.h>

struct net;
struct ipcp_neg_pool;

/* Longest pool name, terminating NUL included */
#define IPCP_NEG_POOL_NAME_SIZE		32
/* Ranges per pool */
#define IPCP_NEG_POOL_MAX_RANGES	64
/* Addresses reserved with ipcp_neg_pool_reserve(), per pool */
#define IPCP_NEG_POOL_MAX_RESERVED	16
/* Largest range, in addresses: a /8 */
#define IPCP_NEG_POOL_MAX_RANGE_SIZE	BIT(24)
/* Pools visited by one walk of an overflow chain, the first included */
#define IPCP_NEG_POOL_MAX_CHAIN		16

struct ipcp_neg_pool *ipcp_neg_pool_create(struct net *net, const char *name);
int ipcp_neg_pool_add_range(struct ipcp_neg_pool *p, __be32 first,
			    __be32 last);
int ipcp_neg_pool_add_prefix(struct ipcp_neg_pool *p, __be32 addr, u8 plen);
int ipcp_neg_pool_reserve(struct ipcp_neg_pool *p, __be32 addr);
int ipcp_neg_pool_set_next(struct ipcp_neg_pool *p,
			   struct ipcp_neg_pool *next);
int ipcp_neg_pool_delete(struct net *net, const char *name);
void ipcp_neg_pool_cleanup_net(struct net *net);
void ipcp_neg_pool_exit(void);

struct ipcp_neg_pool *ipcp_neg_pool_get(struct net *net, const char *name);
void ipcp_neg_pool_put(struct ipcp_neg_pool *p);
void ipcp_neg_pool_hold(struct ipcp_neg_pool *p);
struct ipcp_neg_pool *ipcp_neg_pool_get_next(struct ipcp_neg_pool *p);
int ipcp_neg_pool_range(struct ipcp_neg_pool *p, unsigned int i,
			__be32 *first, __be32 *last);
const char *ipcp_neg_pool_name(const struct ipcp_neg_pool *p);

__be32 ipcp_neg_pool_take_any(struct ipcp_neg_pool *p,
			      struct ipcp_neg_pool **owner);
int ipcp_neg_pool_take(struct ipcp_neg_pool *p, __be32 addr,
		       struct ipcp_neg_pool **owner);
int ipcp_neg_pool_release(struct ipcp_neg_pool *p, __be32 addr);

void ipcp_neg_pool_usage(struct ipcp_neg_pool *p, u32 *total, u32 *used);
size_t ipcp_neg_pool_mem(struct ipcp_neg_pool *p);

#endif /* _IPCP_NEG_ADDR_POOL_H */
