/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The fuzz shim's bitops, with a word-at-a-time find_next_zero_bit() as
 * the kernel's lib/find_bit.c has: the fuzz shim's goes bit by bit on
 * purpose, which would make the pool benchmark measure the shim.
 */
#ifndef _BENCH_LINUX_BITOPS_H
#define _BENCH_LINUX_BITOPS_H

#define find_next_zero_bit bench_naive_find_next_zero_bit
#include_next <linux/bitops.h>
#undef find_next_zero_bit

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
