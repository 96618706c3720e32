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

static void print_figure(const char *key, u64 value, const char *unit)
{
	printf("figure %s %llu %s\n", key, (unsigned long long)value, unit);
}

static void print_error(const char *msg)
{
	fprintf(stderr, "%s\n", msg);
}

static void *zalloc(size_t size)
{
	return calloc(1, size);
}

int main(int argc, char **argv)
{
	static const u32 tape[FUZZ_RANDOM_TAPE] = {
		0x2f6b9a11, 0x70c3d4e5, 0x1b2c3d4e, 0x5a6b7c8d
	};
	struct ipcp_neg_bench_env env = {
		.prefix = "user",
		.net = &bench_net,
		.now_ns = now_ns,
		.alloc = zalloc,
		.free = free,
		.figure = print_figure,
		.error = print_error,
		.idle = fuzz_rcu_quiesce,
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
	env.n = n;
	env.pool_ops = pool_ops;
	env.ring = ring;
	env.reps = reps;
	env.full8 = full8;
	fuzz_random_seed(tape, 0x12345678);
	err = ipcp_neg_bench_run(&env);
	return err ? 1 : 0;
}
