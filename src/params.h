/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module parameters (/sys/module/ipcp_neg/parameters/): defaults for
 * the RFC 1661 tunables of links created afterwards, the LCP Echo settings
 * every link reads at each Echo-Request, and the bound on the pool
 * addresses of namespaces owned by other user namespaces. All are read
 * locklessly; a write outside the bounds below fails with -EINVAL and
 * changes nothing.
 */
#ifndef _IPCP_NEG_PARAMS_H
#define _IPCP_NEG_PARAMS_H

#include <linux/types.h>

struct ipcp_neg_fsm_conf;

/* Bounds, shared with the per-link copies in sysfs (link_sysfs.c) */
#define IPCP_NEG_RESTART_MS_MIN		100
#define IPCP_NEG_RESTART_MS_MAX		60000
#define IPCP_NEG_MAX_COUNT_MIN		1	/* max_configure, max_terminate, */
#define IPCP_NEG_MAX_COUNT_MAX		255	/* max_failure, echo_failures */
#define IPCP_NEG_ECHO_MS_MIN		100
#define IPCP_NEG_ECHO_MS_MAX		3600000
/* userns_pool_addrs: a /16's worth */
#define IPCP_NEG_USERNS_POOL_ADDRS_DEFAULT	65536

unsigned int ipcp_neg_param_restart_ms(void);
unsigned int ipcp_neg_param_max_configure(void);
unsigned int ipcp_neg_param_max_terminate(void);
unsigned int ipcp_neg_param_max_failure(void);
unsigned int ipcp_neg_param_echo_interval_ms(void);
unsigned int ipcp_neg_param_echo_failures(void);
unsigned int ipcp_neg_param_userns_pool_addrs(void);
unsigned int ipcp_neg_param_history_depth(void);
void ipcp_neg_param_fsm_conf(struct ipcp_neg_fsm_conf *conf);

#endif /* _IPCP_NEG_PARAMS_H */
