/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name,
 * the 6.12 name of asm/unaligned.h.
 */
#ifndef _FUZZ_LINUX_UNALIGNED_H
#define _FUZZ_LINUX_UNALIGNED_H

#include <asm/unaligned.h>

#endif
