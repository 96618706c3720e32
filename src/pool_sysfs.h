/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The pools' sysfs tree, /sys/kernel/ipcp_neg/pools/: one directory per
 * pool, tagged with the pool's network namespace, and per namespace the
 * files "create" and "delete".
 *
 * Pools are created and deleted only through ipcp_neg_pool_sysfs_create()
 * and ipcp_neg_pool_sysfs_delete(), from sysfs and from the control device
 * alike, so that a pool's directory exists exactly while the pool does. The
 * namespace's pernet exit removes its files and directories, then deletes
 * its pools with ipcp_neg_pool_cleanup_net(): that order has this file as
 * its one owner.
 */
#ifndef _IPCP_NEG_POOL_SYSFS_H
#define _IPCP_NEG_POOL_SYSFS_H

struct net;
struct ipcp_neg_pool;

struct ipcp_neg_pool *ipcp_neg_pool_sysfs_create(struct net *net,
						 const char *name);
int ipcp_neg_pool_sysfs_delete(struct net *net, const char *name);
int ipcp_neg_pool_sysfs_delete_pool(struct net *net, struct ipcp_neg_pool *p);
int ipcp_neg_pool_sysfs_init(void);
void ipcp_neg_pool_sysfs_exit(void);

#endif /* _IPCP_NEG_POOL_SYSFS_H */
