/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * Messages go to fuzz_printk(), out of line so that their arguments are
 * really read (as the kernel would), and printed only when
 * fuzz_printk_on is set (FUZZ_TRACE): the fuzzer runs millions of inputs.
 */
#ifndef _FUZZ_LINUX_PRINTK_H
#define _FUZZ_LINUX_PRINTK_H

#include <stdbool.h>

#include <linux/compiler.h>
#include <linux/string.h>

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

extern bool fuzz_printk_on;

__printf(1, 2) int fuzz_printk(const char *fmt, ...);

#define pr_debug(fmt, ...)	fuzz_printk(pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	fuzz_printk(pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	fuzz_printk(pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	fuzz_printk(pr_fmt(fmt), ##__VA_ARGS__)

#endif
