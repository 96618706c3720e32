/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_LINUX_USER_NAMESPACE_H
#define _FUZZ_LINUX_USER_NAMESPACE_H

struct user_namespace {
	int level;
};

/* Defined in shim.c */
extern struct user_namespace init_user_ns;

#endif
