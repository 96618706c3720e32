/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * What the kernel's refcount_t WARNs about (increment from zero,
 * underflow) aborts here.
 */
#ifndef _FUZZ_LINUX_REFCOUNT_H
#define _FUZZ_LINUX_REFCOUNT_H

#include <linux/bug.h>
#include <linux/types.h>

typedef struct {
	int refs;
} refcount_t;

static inline void refcount_set(refcount_t *r, int n)
{
	r->refs = n;
}

static inline unsigned int refcount_read(const refcount_t *r)
{
	return r->refs;
}

static inline void refcount_inc(refcount_t *r)
{
	WARN_ON(r->refs <= 0);	/* increment on 0; use-after-free */
	r->refs++;
}

static inline bool refcount_inc_not_zero(refcount_t *r)
{
	WARN_ON(r->refs < 0);
	if (!r->refs)
		return false;
	r->refs++;
	return true;
}

static inline bool refcount_dec_and_test(refcount_t *r)
{
	WARN_ON(r->refs <= 0);	/* underflow; use-after-free */
	return --r->refs == 0;
}

#endif
