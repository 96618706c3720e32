/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_LINUX_HASH_H
#define _FUZZ_LINUX_HASH_H

#include <linux/types.h>

/* The kernel's hash_64() with GOLDEN_RATIO_64 */
static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	return (u32)(((u64)(unsigned long)ptr * 0x61C8864680B583EBull) >>
		     (64 - bits));
}

#endif
