/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name (fuzz/ only). */
#ifndef _FUZZ_LINUX_BUILD_BUG_H
#define _FUZZ_LINUX_BUILD_BUG_H

/* static_assert(expr) with the message optional, as the kernel has it */
#define static_assert(expr, ...) __static_assert(expr, ##__VA_ARGS__, #expr)
#define __static_assert(expr, msg, ...) _Static_assert(expr, msg)

#endif
