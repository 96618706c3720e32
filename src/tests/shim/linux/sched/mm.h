/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_LINUX_SCHED_MM_H
#define _FUZZ_LINUX_SCHED_MM_H

#include <linux/memcontrol.h>

struct fuzz_task {
	struct mm_struct *mm;
};

/* current->mm: one task, with no mm of interest */
static struct fuzz_task fuzz_current __attribute__((unused));
#define current (&fuzz_current)

static inline struct mem_cgroup *set_active_memcg(struct mem_cgroup *memcg)
{
	return NULL;
}

#endif
