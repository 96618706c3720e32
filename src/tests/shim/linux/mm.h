/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_LINUX_MM_H
#define _FUZZ_LINUX_MM_H

#include <linux/slab.h>

static inline void *kvzalloc(size_t size, gfp_t flags)
{
	return kzalloc(size, flags);
}

static inline void kvfree(const void *p)
{
	kfree(p);
}

#endif
