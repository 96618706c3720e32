// SPDX-License-Identifier: GPL-2.0
/*
 * ipcp_neg: PPP IP Control Protocol negotiation in the kernel.
 * Module init and exit only.
 */

#include <linux/module.h>

#include "addr_pool.h"

static int __init ipcp_neg_init(void)
{
	pr_info("ipcp_neg: loaded\n");
	return 0;
}

static void __exit ipcp_neg_exit(void)
{
	ipcp_neg_pool_exit();
	pr_info("ipcp_neg: unloaded\n");
}

module_init(ipcp_neg_init);
module_exit(ipcp_neg_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("PPP IPCP address negotiation in the kernel");
MODULE_AUTHOR("The ipcp_neg developers");
