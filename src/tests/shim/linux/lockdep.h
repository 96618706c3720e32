/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_LINUX_LOCKDEP_H
#define _FUZZ_LINUX_LOCKDEP_H

#include <linux/bug.h>

#define lockdep_is_held(l)	((l)->held)
#define lockdep_assert_held(l)	WARN_ON(!lockdep_is_held(l))

#endif
