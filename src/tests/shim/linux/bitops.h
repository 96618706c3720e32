/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name (src/tests/shim). */
#ifndef _FUZZ_LINUX_BITOPS_H
#define _FUZZ_LINUX_BITOPS_H

#include <linux/bits.h>
#include <linux/types.h>

static inline void __set_bit(unsigned long nr, unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] |= BIT(nr % BITS_PER_LONG);
}

static inline void __clear_bit(unsigned long nr, unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] &= ~BIT(nr % BITS_PER_LONG);
}

static inline bool test_bit(unsigned long nr, const unsigned long *addr)
{
	return addr[nr / BITS_PER_LONG] & BIT(nr % BITS_PER_LONG);
}

/* Index of the lowest set bit; undefined for 0, as in the kernel */
static inline unsigned int __ffs64(u64 word)
{
	return __builtin_ctzll(word);
}

static inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

#ifndef SHIM_FAST_FIND_BIT
/* Deliberately naive, bit by bit, for the fuzz targets */
static inline unsigned long find_next_zero_bit(const unsigned long *addr,
					       unsigned long size,
					       unsigned long offset)
{
	for (; offset < size; offset++)
		if (!test_bit(offset, addr))
			return offset;
	return size;
}
#else
/*
 * Word at a time, as the kernel's lib/find_bit.c, for the user-space
 * benchmark: the naive one would make it measure the shim
 */
static inline unsigned long find_next_zero_bit(const unsigned long *addr,
					       unsigned long size,
					       unsigned long offset)
{
	unsigned long i = offset / BITS_PER_LONG, word;

	if (offset >= size)
		return size;
	word = ~addr[i] & (~0UL << (offset % BITS_PER_LONG));
	while (!word) {
		if (++i * BITS_PER_LONG >= size)
			return size;
		word = ~addr[i];
	}
	offset = i * BITS_PER_LONG + __builtin_ctzl(word);
	return offset < size ? offset : size;
}
#endif

#endif
