// SPDX-License-Identifier: GPL-2.0
/*
 * The module's debugfs directory, /sys/kernel/debug/ipcp_neg/: "sizes",
 * what the module allocates per link, for the benchmark's memory figure.
 * Not an ABI: debugfs files may change with the module.
 */

#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>

#include "addr.h"
#include "debugfs.h"
#include "engine.h"
#include "hist.h"
#include "link_int.h"
#include "params.h"

static struct dentry *ipcp_neg_debugfs;

/* One row: an object, its sizeof, the kmalloc size it lands in, how many */
static void sizes_row(struct seq_file *m, const char *name, size_t size,
		      bool own, unsigned int count, size_t *total)
{
	size_t slab = own && size ? kmalloc_size_roundup(size) : 0;

	if (own)
		seq_printf(m, "%-12s %6zu %7zu %5u\n", name, size, slab, count);
	else
		seq_printf(m, "%-12s %6zu %7s %5u\n", name, size, "-", count);
	*total += slab * count;
}

static int sizes_show(struct seq_file *m, void *v)
{
	unsigned int depth = ipcp_neg_param_history_depth();
	size_t total = 0;

	seq_puts(m, "object        bytes kmalloc count\n");
	sizes_row(m, "link", sizeof(struct ipcp_neg_link), true, 1, &total);
	sizes_row(m, "engine", sizeof(struct ipcp_neg_engine), false, 1,
		  &total);
	sizes_row(m, "hist", depth ? ipcp_neg_hist_size(depth) : 0, true,
		  !!depth, &total);
	sizes_row(m, "hist_entry", sizeof(struct ipcp_neg_hist_ent), false,
		  depth, &total);
	sizes_row(m, "sysfs_dir", ipcp_neg_link_sysfs_dir_size(), true,
		  IPCP_NEG_LINK_NKOBJS, &total);
	sizes_row(m, "addr_unit", ipcp_neg_addr_unit_size(), true, 1, &total);
	seq_printf(m, "%-12s %6s %7zu %5s\n", "per_link", "-", total, "-");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sizes);

/**
 * ipcp_neg_debugfs_init - make /sys/kernel/debug/ipcp_neg/
 *
 * Context: module init. debugfs failures are not errors (nor checked, as
 * the debugfs API asks): the module works without the directory.
 */
void ipcp_neg_debugfs_init(void)
{
	ipcp_neg_debugfs = debugfs_create_dir(KBUILD_MODNAME, NULL);
	debugfs_create_file("sizes", 0444, ipcp_neg_debugfs, NULL,
			    &sizes_fops);
}

/**
 * ipcp_neg_debugfs_exit - remove /sys/kernel/debug/ipcp_neg/
 *
 * Context: module exit.
 */
void ipcp_neg_debugfs_exit(void)
{
	debugfs_remove_recursive(ipcp_neg_debugfs);
}
