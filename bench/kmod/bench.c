// SPDX-License-Identifier: GPL-2.0
/*
 * ipcp_neg_bench: benchmarks of the ipcp_neg engine and address pools in
 * the kernel. Loading the module runs them once, in the loading process,
 * and prints one line per figure:
 *
 *	ipcp_neg_bench: figure <key> <value> <unit>
 *
 * It exports nothing and keeps nothing running; unload it afterwards. It
 * carries its own copy of the engine and pool code (the same sources), so
 * load it while ipcp_neg is not loaded: on a kernel with KUnit both would
 * export the same test symbols.
 *
 * Parameters: n (negotiations), pool_ops (release+take pairs per pool
 * figure), ring (leases held while churning), full8 (also fill a /8
 * completely for the full-pool figure: 16M leases, slow under emulation).
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <net/net_namespace.h>

#include "addr_pool.h"
#include "bench_core.h"

/* The engine's tracepoints, defined here as events.c does in the module */
#define CREATE_TRACE_POINTS
#include "trace.h"

static unsigned int n = 20000;
module_param(n, uint, 0444);
MODULE_PARM_DESC(n, "full negotiations to run (default 20000)");

static unsigned int pool_ops = 1000000;
module_param(pool_ops, uint, 0444);
MODULE_PARM_DESC(pool_ops, "release+take pairs per pool figure (default 1000000)");

static unsigned int ring = 4096;
module_param(ring, uint, 0444);
MODULE_PARM_DESC(ring, "leases held while churning a pool (default 4096)");

static bool full8;
module_param(full8, bool, 0444);
MODULE_PARM_DESC(full8, "also run the full-pool figure on a /8 (default off)");

static void bench_print(const char *key, u64 value, const char *unit)
{
	pr_info("figure %s %llu %s\n", key, value, unit);
}

static void bench_error(const char *msg)
{
	pr_err("%s\n", msg);
}

static void *bench_alloc(size_t size)
{
	return kvzalloc(size, GFP_KERNEL);
}

static void bench_free(void *p)
{
	kvfree(p);
}

static void bench_idle(void)
{
	cond_resched();
}

static int __init ipcp_neg_bench_init_module(void)
{
	struct ipcp_neg_bench_env env = {
		.prefix = "kernel",
		.net = &init_net,
		.n = n,
		.pool_ops = pool_ops,
		.ring = ring,
		.reps = 1,
		.full8 = full8,
		.now_ns = ktime_get_ns,
		.alloc = bench_alloc,
		.free = bench_free,
		.figure = bench_print,
		.error = bench_error,
		.idle = bench_idle,
	};
	int err;

	if (!n || !pool_ops || !ring)
		return -EINVAL;
	err = ipcp_neg_bench_run(&env);
	ipcp_neg_pool_exit();
	return err;
}

static void __exit ipcp_neg_bench_exit(void)
{
}

module_init(ipcp_neg_bench_init_module);
module_exit(ipcp_neg_bench_exit);
MODULE_DESCRIPTION("Benchmarks of the ipcp_neg engine and address pools");
MODULE_LICENSE("GPL");
