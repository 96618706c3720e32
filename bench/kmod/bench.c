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

#include <linux/err.h>
#include <linux/inet.h>
#include <linux/ktime.h>
#include <linux/math64.h>
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

/* Negotiations between two calls to cond_resched() */
#define BENCH_BATCH	256

static void bench_figure(const char *key, u64 value, const char *unit)
{
	pr_info("figure %s %llu %s\n", key, value, unit);
}

/* @count events in @ns nanoseconds, per second */
static u64 bench_rate(u64 count, u64 ns)
{
	return ns ? div64_u64(count * NSEC_PER_SEC, ns) : 0;
}

static int bench_engine(void)
{
	struct ipcp_neg_pair *bp;
	u64 t0, ns;
	unsigned int i;
	int err = 0;

	bp = kzalloc(sizeof(*bp), GFP_KERNEL);
	if (!bp)
		return -ENOMEM;
	ipcp_neg_bench_init(bp);
	t0 = ktime_get_ns();
	for (i = 0; i < n && !err; i++) {
		err = ipcp_neg_bench_negotiate(bp);
		if (i % BENCH_BATCH == BENCH_BATCH - 1)
			cond_resched();
	}
	ns = ktime_get_ns() - t0;
	if (err) {
		pr_err("negotiation %u failed (lost %llu)\n", i, bp->lost);
	} else {
		bench_figure("kernel_engine_negotiations", n, "count");
		bench_figure("kernel_engine_ns", ns, "ns");
		bench_figure("kernel_engine_neg_per_s", bench_rate(n, ns),
			     "negotiations/s");
		bench_figure("kernel_engine_packets_per_neg",
			     div_u64(bp->packets, max(n, 1U)), "packets");
		bench_figure("kernel_engine_timeouts", bp->timeouts, "count");
		bench_figure("kernel_engine_struct_bytes",
			     sizeof(struct ipcp_neg_engine), "bytes");
	}
	kfree(bp);
	return err;
}

/* Time @iters release+take pairs on @p with @nr leases in @leases */
static int bench_churn(struct ipcp_neg_pool *p, __be32 *leases, u32 nr,
		       bool random, const char *key)
{
	char name[64];
	u64 t0, ns;
	int err;

	t0 = ktime_get_ns();
	err = ipcp_neg_bench_pool_churn(p, leases, nr, pool_ops, random);
	ns = ktime_get_ns() - t0;
	if (err) {
		pr_err("%s: churn failed\n", key);
		return err;
	}
	snprintf(name, sizeof(name), "%s_ops_per_s", key);
	bench_figure(name, bench_rate(2ULL * pool_ops, ns), "ops/s");
	return 0;
}

/* Fill @p completely, then churn it with random releases */
static int bench_full(struct ipcp_neg_pool *p, u32 total, const char *key)
{
	char name[64];
	__be32 *leases;
	u64 t0, ns;
	int err;

	leases = kvmalloc_array(total, sizeof(*leases), GFP_KERNEL);
	if (!leases)
		return -ENOMEM;
	t0 = ktime_get_ns();
	err = ipcp_neg_bench_pool_fill(p, leases, total);
	ns = ktime_get_ns() - t0;
	if (!err) {
		snprintf(name, sizeof(name), "%s_fill_takes_per_s", key);
		bench_figure(name, bench_rate(total, ns), "ops/s");
		snprintf(name, sizeof(name), "%s_full", key);
		err = bench_churn(p, leases, total, true, name);
	}
	ipcp_neg_bench_pool_drain(p, leases, total);
	kvfree(leases);
	return err;
}

/* One pool of prefix @plen: memory, FIFO churn, optionally full churn */
static int bench_pool(const char *pname, const char *prefix, u8 plen,
		      bool full)
{
	struct ipcp_neg_pool *p;
	char key[32], name[64];
	__be32 addr, *leases;
	u32 total, used;
	int err;

	if (!in4_pton(prefix, -1, (u8 *)&addr, -1, NULL))
		return -EINVAL;
	p = ipcp_neg_pool_create(&init_net, pname);
	if (IS_ERR(p))
		return PTR_ERR(p);
	err = ipcp_neg_pool_add_prefix(p, addr, plen);
	if (err)
		goto out_delete;
	ipcp_neg_pool_usage(p, &total, &used);
	snprintf(key, sizeof(key), "kernel_pool%u", plen);
	snprintf(name, sizeof(name), "%s_addresses", key);
	bench_figure(name, total, "count");
	snprintf(name, sizeof(name), "%s_mem", key);
	bench_figure(name, ipcp_neg_pool_mem(p), "bytes");

	err = -ENOMEM;
	leases = kvmalloc_array(ring, sizeof(*leases), GFP_KERNEL);
	if (!leases)
		goto out_delete;
	err = ipcp_neg_bench_pool_fill(p, leases, ring);
	if (!err) {
		snprintf(name, sizeof(name), "%s_fifo", key);
		err = bench_churn(p, leases, ring, false, name);
	}
	ipcp_neg_bench_pool_drain(p, leases, ring);
	kvfree(leases);
	if (!err && full)
		err = bench_full(p, total, key);
out_delete:
	ipcp_neg_pool_delete(&init_net, pname);
	ipcp_neg_pool_put(p);
	return err;
}

static int __init ipcp_neg_bench_init(void)
{
	int err;

	if (!n || !pool_ops || !ring)
		return -EINVAL;
	err = bench_engine();
	if (!err)
		err = bench_pool("bench16", "10.0.0.0", 16, true);
	if (!err)
		err = bench_pool("bench8", "11.0.0.0", 8, full8);
	bench_figure("kernel_bench_ok", !err, "bool");
	ipcp_neg_pool_exit();
	return err;
}

static void __exit ipcp_neg_bench_exit(void)
{
}

module_init(ipcp_neg_bench_init);
module_exit(ipcp_neg_bench_exit);
MODULE_DESCRIPTION("Benchmarks of the ipcp_neg engine and address pools");
MODULE_LICENSE("GPL");
