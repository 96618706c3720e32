/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Walking a control packet's option list safely. Every option is checked
 * against what remains before any of its bytes is read.
 */
#ifndef _IPCP_NEG_OPT_H
#define _IPCP_NEG_OPT_H

#include <linux/types.h>

/**
 * struct ipcp_neg_opt_iter - cursor over an option list
 * @p: next option
 * @left: bytes from @p to the end of the list
 */
struct ipcp_neg_opt_iter {
	const u8 *p;
	unsigned int left;
};

int ipcp_neg_opts_check(const u8 *opts, unsigned int len);
struct ipcp_neg_opt_iter *ipcp_neg_opt_iter_init(struct ipcp_neg_opt_iter *it,
						 const u8 *opts,
						 unsigned int len);
const u8 *ipcp_neg_opt_next(struct ipcp_neg_opt_iter *it);

/**
 * ipcp_neg_for_each_opt - visit each option of a list checked by
 *	ipcp_neg_opts_check(); stops at the first malformed option anyway
 * @opt: const u8 *, the option (opt[0] type, opt[1] length)
 * @it: struct ipcp_neg_opt_iter
 * @opts: start of the list
 * @len: its length in bytes
 */
#define ipcp_neg_for_each_opt(opt, it, opts, len)			\
	for (struct ipcp_neg_opt_iter *__ipcp_neg_it =			\
		ipcp_neg_opt_iter_init(&(it), (opts), (len));		\
	     ((opt) = ipcp_neg_opt_next(__ipcp_neg_it)) != NULL;)

#endif /* _IPCP_NEG_OPT_H */
