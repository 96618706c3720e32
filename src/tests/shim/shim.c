// SPDX-License-Identifier: GPL-2.0
/*
 * State behind the user-space kernel shim: allocation
 * accounting and failure injection, the input-driven random numbers, and
 * the deferred RCU callbacks.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <linux/printk.h>
#include <linux/random.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/user_namespace.h>

#include "shim.h"

bool fuzz_printk_on;
long fuzz_kmem_live;
struct user_namespace init_user_ns;
int fuzz_locks_held;
int fuzz_rcu_nesting;

static u32 kmem_fail_pattern;
static unsigned int kmem_count;

static u32 rnd_tape[FUZZ_RANDOM_TAPE];
static unsigned int rnd_pos;
static u32 rnd_state;

static struct rcu_head *rcu_queue;

/**
 * fuzz_bug - a WARN or BUG fired: report it and abort
 * @kind: which macro
 * @file: where
 * @line: where
 * @cond: its condition
 */
void fuzz_bug(const char *kind, const char *file, int line, const char *cond)
{
	fprintf(stderr, "%s at %s:%d: %s\n", kind, file, line, cond);
	abort();
}

/**
 * fuzz_printk - printk() and friends
 * @fmt: the format; kernel extensions such as %pI4 print as pointers
 *
 * Return: 0.
 */
int fuzz_printk(const char *fmt, ...)
{
	va_list ap;

	if (!fuzz_printk_on)
		return 0;
	fputs("  kernel: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	return 0;
}

/**
 * fuzz_kmem_fail_pattern - choose which allocations fail from now on
 * @pattern: allocation n (counted from this call) fails if bit n % 32 is
 *	set; 0 makes every allocation succeed
 */
void fuzz_kmem_fail_pattern(u32 pattern)
{
	kmem_fail_pattern = pattern;
	kmem_count = 0;
}

/**
 * fuzz_kmem_fail - should the allocation being made fail?
 *
 * Return: true to fail it.
 */
bool fuzz_kmem_fail(void)
{
	return kmem_fail_pattern & (1u << (kmem_count++ % 32));
}

/**
 * fuzz_random_seed - restart the random numbers
 * @tape: the first FUZZ_RANDOM_TAPE values get_random_u32() returns, so
 *	that the fuzzer can match them (magic numbers) in its packets
 * @seed: seeds the generator that takes over after @tape
 */
void fuzz_random_seed(const u32 *tape, u32 seed)
{
	memcpy(rnd_tape, tape, sizeof(rnd_tape));
	rnd_pos = 0;
	rnd_state = seed;
}

/**
 * fuzz_random_u32 - get_random_u32()
 *
 * After the tape, a full-period LCG whose output is a bijection of its
 * state: every value comes round, so a caller looping until it draws a
 * value it accepts always ends.
 *
 * Return: the next number.
 */
u32 fuzz_random_u32(void)
{
	if (rnd_pos < FUZZ_RANDOM_TAPE)
		return rnd_tape[rnd_pos++];
	rnd_state = rnd_state * 1664525u + 1013904223u;
	return rnd_state ^ (rnd_state >> 16);
}

/**
 * call_rcu - queue @func(@head) until fuzz_rcu_quiesce()
 * @head: the object's rcu_head
 * @func: its callback
 */
void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head))
{
	head->func = func;
	head->next = rcu_queue;
	rcu_queue = head;
}

/**
 * fuzz_rcu_quiesce - a grace period: run the queued RCU callbacks
 */
void fuzz_rcu_quiesce(void)
{
	struct rcu_head *head;

	BUG_ON(fuzz_rcu_nesting);
	while (rcu_queue) {
		head = rcu_queue;
		rcu_queue = head->next;
		head->func(head);
	}
}

/**
 * rcu_barrier - wait for the queued RCU callbacks
 */
void rcu_barrier(void)
{
	fuzz_rcu_quiesce();
}
