/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The address programmer: puts the IPv4 address negotiated by IPCP on a PPP
 * interface, and keeps every other IPv4 address off it.
 *
 * No IPv4 address function is exported to modules, so the addresses go
 * through the kernel's own RTM_NEWADDR and RTM_DELADDR handlers: one
 * in-kernel NETLINK_ROUTE socket per network namespace, created on first use
 * and released by the namespace's exit. An inetaddr validator refuses every
 * IPv4 address add on a managed interface except the module's own.
 *
 * Contexts: ipcp_neg_addr_manage(), _set(), _clear() and _set_mtu() may
 * sleep and take RTNL: call them from process context (a work item) without
 * RTNL held. ipcp_neg_addr_unmanage() and ipcp_neg_addr_managed() do not
 * sleep and may be called with RTNL held, from process context.
 *
 * Lock order: the programmer's mutex, then RTNL, then its table spinlock.
 */
#ifndef _IPCP_NEG_ADDR_H
#define _IPCP_NEG_ADDR_H

#include <linux/types.h>

struct net_device;

int ipcp_neg_addr_init(void);
void ipcp_neg_addr_exit(void);

int ipcp_neg_addr_manage(struct net_device *dev);
void ipcp_neg_addr_unmanage(struct net_device *dev);
bool ipcp_neg_addr_managed(const struct net_device *dev);

int ipcp_neg_addr_set(struct net_device *dev, __be32 local, __be32 peer);
int ipcp_neg_addr_clear(struct net_device *dev);
int ipcp_neg_addr_set_mtu(struct net_device *dev, unsigned int mtu);
size_t ipcp_neg_addr_unit_size(void);

#endif /* _IPCP_NEG_ADDR_H */
