/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_LINUX_BITMAP_H
#define _FUZZ_LINUX_BITMAP_H

#include <linux/bitops.h>
#include <linux/kernel.h>

#define BITMAP_FIRST_WORD_MASK(start) (~0UL << ((start) & (BITS_PER_LONG - 1)))

#endif
