/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name:
 * the shim follows the newest kernel the module builds against, so
 * src/compat.h takes its newest branches.
 */
#ifndef _FUZZ_LINUX_VERSION_H
#define _FUZZ_LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c) (((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))
#define LINUX_VERSION_CODE KERNEL_VERSION(6, 12, 0)

#endif
