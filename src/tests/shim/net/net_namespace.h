/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_NET_NET_NAMESPACE_H
#define _FUZZ_NET_NET_NAMESPACE_H

#include <linux/types.h>
#include <linux/user_namespace.h>

/* @user_ns: the owner, set by the harness (&init_user_ns: not bounded) */
struct net {
	int id;
	struct user_namespace *user_ns;
};

typedef struct {
	struct net *net;
} possible_net_t;

static inline void write_pnet(possible_net_t *pnet, struct net *net)
{
	pnet->net = net;
}

static inline struct net *read_pnet(const possible_net_t *pnet)
{
	return pnet->net;
}

static inline bool net_eq(const struct net *a, const struct net *b)
{
	return a == b;
}

#endif
