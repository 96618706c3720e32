/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * min() and max() keep the kernel's type check: comparing pointers to the
 * two operands warns when their types differ.
 */
#ifndef _FUZZ_LINUX_MINMAX_H
#define _FUZZ_LINUX_MINMAX_H

#define __fuzz_cmp(x, y, op) ({				\
	__typeof__(x) __x = (x);			\
	__typeof__(y) __y = (y);			\
	(void)(&__x == &__y);				\
	__x op __y ? __x : __y; })

#define min(x, y)		__fuzz_cmp(x, y, <)
#define max(x, y)		__fuzz_cmp(x, y, >)
#define min_t(t, x, y)		__fuzz_cmp((t)(x), (t)(y), <)
#define max_t(t, x, y)		__fuzz_cmp((t)(x), (t)(y), >)
#define clamp_t(t, v, lo, hi)	min_t(t, max_t(t, v, lo), hi)

#define swap(a, b) do {					\
	__typeof__(a) __tmp = (a);			\
	(a) = (b);					\
	(b) = __tmp;					\
} while (0)

#endif
