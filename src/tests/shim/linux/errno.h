/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * glibc's <errno.h> includes <linux/errno.h> too: this one must stay what
 * the UAPI header is, the architecture's error numbers.
 */
#ifndef _FUZZ_LINUX_ERRNO_H
#define _FUZZ_LINUX_ERRNO_H

#include <asm/errno.h>

#endif
