/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel API differences between the releases ipcp_neg builds against,
 * Linux 6.1 to 6.12, in one place.
 *
 * The sources are written against the newest of them; each difference below
 * names the release that made it and gives older kernels what they lack.
 * Built in the kernel tree (drivers/net/ppp/) every test here takes its
 * newest branch, so the header reduces to a few includes and definitions.
 *
 * Built against: Debian 12's 6.1.0 (6.1.192) and 6.12 (6.12.117) headers and
 * a 6.1.192 test kernel. Later releases change more (not needed up to 6.12):
 * MODULE_IMPORT_NS() takes a string literal from 6.13 (handled below for
 * the KUnit module), del_timer() is gone in 6.15 (the sources use
 * timer_delete()), from_timer() is renamed timer_container_of() in 6.16.
 *
 * Only this file tests LINUX_VERSION_CODE: scripts/check.sh runs checkpatch
 * on it without the LINUX_VERSION_CODE and CONSTANT_COMPARISON checks (the
 * latter misreads "LINUX_VERSION_CODE >= KERNEL_VERSION()").
 */
#ifndef _IPCP_NEG_COMPAT_H
#define _IPCP_NEG_COMPAT_H

#include <linux/version.h>

/*
 * The oldest kernel: 6.2, or a 6.1 stable release from 6.1.158 on.
 * Bridging the transport's channel to ours (PPPIOCBRIDGECHAN) needs 5.12;
 * timer_shutdown_sync(), on which link teardown relies so that nothing can
 * re-arm a link's timer once it is stopped, came in 6.2 and reached 6.1.y
 * in 6.1.158. No release older than 6.1 is built or tested.
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 1, 158)
#error "ipcp_neg needs Linux 6.1.158 or later: timer_shutdown_sync() (6.2; 6.1.y from 6.1.158)"
#endif

/* 6.12: <asm/unaligned.h> became <linux/unaligned.h> */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/*
 * 6.2: the kobj_type methods namespace(), get_ownership() and
 * child_ns_type() take a const struct kobject *. Declare them as
 * "static void x_get_ownership(IPCP_NEG_KOBJ_CONST struct kobject *kobj, ...)".
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define IPCP_NEG_KOBJ_CONST const
#else
#define IPCP_NEG_KOBJ_CONST
#endif

/*
 * 6.10: __assign_str() takes only the field; the source it copies is the
 * one __string() named. In TP_fast_assign(), use
 * ipcp_neg_assign_str(field, src) (expanded there, after the trace stage's
 * own definition of __assign_str()).
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)
#define ipcp_neg_assign_str(dst, src) __assign_str(dst)
#else
#define ipcp_neg_assign_str(dst, src) __assign_str(dst, src)
#endif

/*
 * 6.13: MODULE_IMPORT_NS() takes the namespace as a string literal
 * (EXPORT_SYMBOL_IF_KUNIT() exports into "EXPORTED_FOR_KUNIT_TESTING").
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define IPCP_NEG_IMPORT_KUNIT_NS() MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING")
#else
#define IPCP_NEG_IMPORT_KUNIT_NS() MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING)
#endif

#endif /* _IPCP_NEG_COMPAT_H */
