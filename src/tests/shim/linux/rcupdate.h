/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * call_rcu() queues its callback; the harness runs the queue with
 * fuzz_rcu_quiesce() between operations, outside any read-side section,
 * so a pool freed too early is still caught by AddressSanitizer when a
 * later operation touches it, and one read under RCU is not.
 */
#ifndef _FUZZ_LINUX_RCUPDATE_H
#define _FUZZ_LINUX_RCUPDATE_H

#include <linux/bug.h>
#include <linux/types.h>

extern int fuzz_rcu_nesting;

void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
void rcu_barrier(void);
void fuzz_rcu_quiesce(void);

static inline void rcu_read_lock(void)
{
	fuzz_rcu_nesting++;
}

static inline void rcu_read_unlock(void)
{
	BUG_ON(fuzz_rcu_nesting <= 0);
	fuzz_rcu_nesting--;
}

#define rcu_dereference(p)		(p)
#define rcu_dereference_protected(p, c)	(p)
#define rcu_assign_pointer(p, v)	((p) = (v))
#define rcu_replace_pointer(p, v, c) ({					\
	__typeof__(p) __old = (p);					\
	(p) = (v);							\
	__old; })

#endif
