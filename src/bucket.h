/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A token bucket for what a peer can make the module send on its own
 * (Protocol-Rejects): @rate tokens a second, at most @burst saved up.
 * Times are milliseconds of any clock that wraps at 2^32; the caller
 * serialises the calls.
 */
#ifndef _IPCP_NEG_BUCKET_H
#define _IPCP_NEG_BUCKET_H

#include <linux/minmax.h>
#include <linux/types.h>

/**
 * struct ipcp_neg_bucket - the bucket's state
 * @stamp: when the last token was added (ms)
 * @tokens: tokens left
 */
struct ipcp_neg_bucket {
	u32 stamp;
	u32 tokens;
};

/**
 * ipcp_neg_bucket_init - a full bucket
 * @b: the bucket
 * @now: the time (ms)
 * @burst: tokens it starts with, and holds at most
 */
static inline void ipcp_neg_bucket_init(struct ipcp_neg_bucket *b, u32 now,
					u32 burst)
{
	b->stamp = now;
	b->tokens = burst;
}

/**
 * ipcp_neg_bucket_take - take a token if there is one
 * @b: the bucket
 * @now: the time (ms)
 * @rate: tokens added per second, 1 to 1000
 * @burst: tokens held at most
 *
 * Return: true if a token was taken (the action may go ahead).
 */
static inline bool ipcp_neg_bucket_take(struct ipcp_neg_bucket *b, u32 now,
					u32 rate, u32 burst)
{
	u32 step = 1000 / clamp_val(rate, 1, 1000);
	u32 gained = (now - b->stamp) / step;

	if (gained) {
		if (gained >= burst - min(b->tokens, burst)) {
			b->tokens = burst;
			b->stamp = now;
		} else {
			b->tokens += gained;
			b->stamp += gained * step;
		}
	}
	if (!b->tokens)
		return false;
	b->tokens--;
	return true;
}

#endif /* _IPCP_NEG_BUCKET_H */
