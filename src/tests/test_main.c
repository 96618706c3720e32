// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit test module for ipcp_neg. The suites live in the other files of this
 * directory; this file carries the module's metadata.
 */

#include <linux/module.h>

#include "../compat.h"

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for ipcp_neg");
IPCP_NEG_IMPORT_KUNIT_NS();
