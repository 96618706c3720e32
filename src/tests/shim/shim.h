/* SPDX-License-Identifier: GPL-2.0 */
/* Controls of the user-space kernel shim, for the fuzz targets. */
#ifndef _FUZZ_SHIM_H
#define _FUZZ_SHIM_H

#include <linux/types.h>

#define FUZZ_RANDOM_TAPE	4

extern long fuzz_kmem_live;
extern int fuzz_locks_held;
extern int fuzz_rcu_nesting;

void fuzz_kmem_fail_pattern(u32 pattern);
void fuzz_random_seed(const u32 *tape, u32 seed);
void fuzz_rcu_quiesce(void);

#endif
