/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * "Random" numbers come from the fuzz input (see fuzz_random_seed()), so
 * every run of an input is the same.
 */
#ifndef _FUZZ_LINUX_RANDOM_H
#define _FUZZ_LINUX_RANDOM_H

#include <linux/types.h>

u32 fuzz_random_u32(void);

static inline u32 get_random_u32(void)
{
	return fuzz_random_u32();
}

#endif
