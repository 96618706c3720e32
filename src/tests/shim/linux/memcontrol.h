/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name:
 * no memory cgroups, as in a kernel without CONFIG_MEMCG.
 */
#ifndef _FUZZ_LINUX_MEMCONTROL_H
#define _FUZZ_LINUX_MEMCONTROL_H

#include <stddef.h>

struct mem_cgroup;
struct mm_struct;

static inline struct mem_cgroup *get_mem_cgroup_from_mm(struct mm_struct *mm)
{
	return NULL;
}

static inline void mem_cgroup_put(struct mem_cgroup *memcg)
{
}

#endif
