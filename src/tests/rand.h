/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A cheap pseudo-random sequence that is the same in the kernel and in user
 * space, for the KUnit suites and the benchmarks (xorshift32).
 */
#ifndef _IPCP_NEG_TESTS_RAND_H
#define _IPCP_NEG_TESTS_RAND_H

#include <linux/types.h>

/* The next number of the sequence in @state, which must not start at 0 */
static inline u32 ipcp_neg_test_rand(u32 *state)
{
	u32 x = *state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*state = x;
	return x;
}

#endif /* _IPCP_NEG_TESTS_RAND_H */
