/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * Single-threaded: a lock only records that it is held, so that recursion,
 * unlocking an unheld lock and lockdep_assert_held() failures abort, and
 * fuzz_locks_held counts the locks held (0 between operations).
 */
#ifndef _FUZZ_LINUX_SPINLOCK_H
#define _FUZZ_LINUX_SPINLOCK_H

#include <linux/bug.h>
#include <linux/lockdep.h>

typedef struct {
	bool held;
} spinlock_t;

extern int fuzz_locks_held;

#define DEFINE_SPINLOCK(x)	spinlock_t x = { .held = false }

static inline void spin_lock_init(spinlock_t *l)
{
	l->held = false;
}

static inline void spin_lock(spinlock_t *l)
{
	BUG_ON(l->held);	/* would deadlock */
	l->held = true;
	fuzz_locks_held++;
}

static inline void spin_unlock(spinlock_t *l)
{
	BUG_ON(!l->held);
	l->held = false;
	fuzz_locks_held--;
}

#define spin_lock_bh(l)		spin_lock(l)
#define spin_unlock_bh(l)	spin_unlock(l)

#endif
