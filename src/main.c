// SPDX-License-Identifier: GPL-2.0
/*
 * ipcp_neg: PPP IP Control Protocol negotiation in the kernel.
 * Module init and exit only.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>

#include "addr.h"
#include "addr_pool.h"
#include "debugfs.h"
#include "link.h"
#include "pool_sysfs.h"

static int __init ipcp_neg_init(void)
{
	int err;

	err = ipcp_neg_addr_init();
	if (err)
		goto err_addr;
	err = ipcp_neg_pool_sysfs_init();
	if (err)
		goto err_pool_sysfs;
	err = ipcp_neg_link_init();
	if (err)
		goto err_link;
	err = ipcp_neg_ctl_init();
	if (err)
		goto err_ctl;
	ipcp_neg_debugfs_init();
	pr_info("loaded\n");
	return 0;

err_ctl:
	ipcp_neg_link_exit();
err_link:
	ipcp_neg_pool_sysfs_exit();
err_pool_sysfs:
	ipcp_neg_addr_exit();
err_addr:
	ipcp_neg_pool_exit();
	return err;
}

static void __exit ipcp_neg_exit(void)
{
	ipcp_neg_debugfs_exit();
	ipcp_neg_ctl_exit();
	ipcp_neg_link_exit();
	ipcp_neg_pool_sysfs_exit();
	ipcp_neg_addr_exit();
	ipcp_neg_pool_exit();
	pr_info("unloaded\n");
}

module_init(ipcp_neg_init);
module_exit(ipcp_neg_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("PPP IPCP address negotiation in the kernel");
MODULE_AUTHOR("The ipcp_neg developers");
