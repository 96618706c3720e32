/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * Allocations go to malloc(), so AddressSanitizer sees every overrun and
 * use after free. fuzz_kmem_live counts the blocks not yet freed; an
 * allocation fails when fuzz_kmem_fail() says so (the fuzz input decides).
 */
#ifndef _FUZZ_LINUX_SLAB_H
#define _FUZZ_LINUX_SLAB_H

#include <stdlib.h>

#include <linux/err.h>
#include <linux/types.h>

#define GFP_KERNEL	0x1u
#define GFP_ATOMIC	0x2u
#define __GFP_ACCOUNT	0x4u
#define __GFP_NOWARN	0x8u
#define GFP_KERNEL_ACCOUNT	(GFP_KERNEL | __GFP_ACCOUNT)

extern long fuzz_kmem_live;
bool fuzz_kmem_fail(void);

static inline void *fuzz_alloc(size_t size, bool zero)
{
	void *p;

	if (fuzz_kmem_fail())
		return NULL;
	p = zero ? calloc(1, size ? size : 1) : malloc(size ? size : 1);
	if (p)
		fuzz_kmem_live++;
	return p;
}

static inline void *kmalloc(size_t size, gfp_t flags)
{
	return fuzz_alloc(size, false);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return fuzz_alloc(size, true);
}

static inline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return fuzz_alloc(n * size, true);
}

/* What the allocator would really give: the request, here */
static inline size_t kmalloc_size_roundup(size_t size)
{
	return size;
}

static inline void kfree(const void *p)
{
	if (p)
		fuzz_kmem_live--;
	free((void *)p);
}

#endif
