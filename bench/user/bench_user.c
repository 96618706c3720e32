// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel bench module's loops (../kmod/bench_core.c) in user space, at
 * native speed, over the user-space shim (../../src/tests/shim): the module's engine
 * and pool sources built with -O2 and no sanitizers. Prints the same
 * "figure <key> <value> <unit>" lines as the module, keys prefixed "user_".
 * Rates are per CPU second of the process (CLOCK_PROCESS_CPUTIME_ID).
 *
 * Usage: bench_user [-n NEGOTIATIONS] [-p POOL_OPS] [-r RING] [-R REPS] [-8]
 *        -R: run each timed loop REPS times (default 3) and keep the
 *            fastest (the machine is shared)
 *        -8: also the full-pool figure on a /8 (16M leases, ~64 MB)
 */

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include <linux/err.h>
#include <linux/kernel.h>
#include <net/net_namespace.h>

#include "addr_pool.h"
#include "bench_core.h"
#include "shim.h"

static unsigned int n = 300000;
static unsigned int pool_ops = 5000000;
static unsigned int ring = 4096;
static unsigned int reps = 3;
static bool full8;
/* Owned by the initial user namespace: its pools are not bounded */
static struct net bench_net = { .user_ns = &init_user_ns };

/*
 * CPU time of this (single-threaded) process: the machine is shared, and
 * time spent waiting for a core is not the code's cost per core
 */
static u64 now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (u64)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static void print_figure(const char *key, unsigned long long value,
			 const char *unit)
{
	printf("figure %s %llu %s\n", key, value, unit);
}

static u64 rate(u64 count, u64 ns)
{
	return ns ? (u64)((double)count * 1e9 / ns) : 0;
}

static int bench_engine(void)
{
	struct ipcp_neg_pair *bp = calloc(1, sizeof(*bp));
	unsigned int i, rep;
	u64 t0, ns = 0;
	int err = 0;

	if (!bp)
		return -ENOMEM;
	ipcp_neg_bench_init(bp);
	for (rep = 0; rep < reps && !err; rep++) {
		t0 = now_ns();
		for (i = 0; i < n && !err; i++)
			err = ipcp_neg_bench_negotiate(bp);
		t0 = now_ns() - t0;
		if (!rep || t0 < ns)
			ns = t0;
	}
	if (err) {
		fprintf(stderr, "negotiation %u failed (lost %llu)\n", i,
			(unsigned long long)bp->lost);
	} else {
		print_figure("user_engine_negotiations", n, "count");
		print_figure("user_engine_ns", ns, "ns");
		print_figure("user_engine_neg_per_s", rate(n, ns),
			     "negotiations/s");
		print_figure("user_engine_packets_per_neg",
			     bp->packets / ((u64)n * reps),
			     "packets");
		print_figure("user_engine_timeouts", bp->timeouts, "count");
	}
	free(bp);
	return err;
}

static int run_churn(struct ipcp_neg_pool *p, __be32 *leases, u32 nr,
		     bool random, const char *key)
{
	unsigned int rep;
	char name[64];
	u64 t0, ns = 0;
	int err = 0;

	for (rep = 0; rep < reps && !err; rep++) {
		t0 = now_ns();
		err = ipcp_neg_bench_pool_churn(p, leases, nr, pool_ops, random);
		t0 = now_ns() - t0;
		if (!rep || t0 < ns)
			ns = t0;
	}
	if (err) {
		fprintf(stderr, "%s: churn failed\n", key);
		return err;
	}
	snprintf(name, sizeof(name), "%s_ops_per_s", key);
	print_figure(name, rate(2ull * pool_ops, ns), "ops/s");
	return 0;
}

static int run_full(struct ipcp_neg_pool *p, u32 total, const char *key)
{
	__be32 *leases = malloc((size_t)total * sizeof(*leases));
	char name[64];
	u64 t0, ns;
	int err;

	if (!leases)
		return -ENOMEM;
	t0 = now_ns();
	err = ipcp_neg_bench_pool_fill(p, leases, total);
	ns = now_ns() - t0;
	if (!err) {
		snprintf(name, sizeof(name), "%s_fill_takes_per_s", key);
		print_figure(name, rate(total, ns), "ops/s");
		snprintf(name, sizeof(name), "%s_full", key);
		err = run_churn(p, leases, total, true, name);
	}
	ipcp_neg_bench_pool_drain(p, leases, total);
	free(leases);
	return err;
}

static int bench_pool(const char *pname, u32 prefix, u8 plen, bool do_full)
{
	struct ipcp_neg_pool *p;
	char key[32], name[64];
	__be32 *leases;
	u32 total, used;
	int err;

	p = ipcp_neg_pool_create(&bench_net, pname);
	if (IS_ERR(p))
		return PTR_ERR(p);
	err = ipcp_neg_pool_add_prefix(p, htonl(prefix), plen);
	if (err)
		goto out;
	ipcp_neg_pool_usage(p, &total, &used);
	snprintf(key, sizeof(key), "user_pool%u", plen);
	snprintf(name, sizeof(name), "%s_addresses", key);
	print_figure(name, total, "count");
	snprintf(name, sizeof(name), "%s_mem", key);
	print_figure(name, ipcp_neg_pool_mem(p), "bytes");
	err = -ENOMEM;
	leases = malloc(ring * sizeof(*leases));
	if (!leases)
		goto out;
	err = ipcp_neg_bench_pool_fill(p, leases, ring);
	if (!err) {
		snprintf(name, sizeof(name), "%s_fifo", key);
		err = run_churn(p, leases, ring, false, name);
	}
	ipcp_neg_bench_pool_drain(p, leases, ring);
	free(leases);
	if (!err && do_full)
		err = run_full(p, total, key);
out:
	ipcp_neg_pool_delete(&bench_net, pname);
	ipcp_neg_pool_put(p);
	fuzz_rcu_quiesce();
	return err;
}

int main(int argc, char **argv)
{
	static const u32 tape[FUZZ_RANDOM_TAPE] = {
		0x2f6b9a11, 0x70c3d4e5, 0x1b2c3d4e, 0x5a6b7c8d
	};
	int opt, err;

	while ((opt = getopt(argc, argv, "n:p:r:R:8")) != -1) {
		switch (opt) {
		case 'n':
			n = strtoul(optarg, NULL, 0);
			break;
		case 'p':
			pool_ops = strtoul(optarg, NULL, 0);
			break;
		case 'r':
			ring = strtoul(optarg, NULL, 0);
			break;
		case 'R':
			reps = strtoul(optarg, NULL, 0);
			break;
		case '8':
			full8 = true;
			break;
		default:
			fprintf(stderr, "usage: %s [-n NEG] [-p OPS] [-r RING] [-R REPS] [-8]\n",
				argv[0]);
			return 2;
		}
	}
	if (!n || !pool_ops || !ring || !reps)
		return 2;
	fuzz_random_seed(tape, 0x12345678);
	err = bench_engine();
	if (!err)
		err = bench_pool("bench16", 0x0a000000, 16, true);
	if (!err)
		err = bench_pool("bench8", 0x0b000000, 8, full8);
	print_figure("user_bench_ok", !err, "bool");
	return err ? 1 : 0;
}
