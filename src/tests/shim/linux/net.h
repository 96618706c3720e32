/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * net_ratelimit() says yes, so that the code it guards runs too.
 */
#ifndef _FUZZ_LINUX_NET_H
#define _FUZZ_LINUX_NET_H

#include <linux/printk.h>

static inline int net_ratelimit(void)
{
	return 1;
}

#define net_dbg_ratelimited(fmt, ...) \
	fuzz_printk(pr_fmt(fmt), ##__VA_ARGS__)

#endif
