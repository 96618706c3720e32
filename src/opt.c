// SPDX-License-Identifier: GPL-2.0
/*
 * Option list walking shared by the LCP and IPCP codecs. The generic rules
 * (RFC 1661 section 6): an option is at least its 2-byte header, its length
 * field is at least 2 and does not run past the end of the list. The exact
 * length each type needs is the codec's business.
 */

#include <linux/errno.h>
#include <linux/export.h>
#include <kunit/visibility.h>

#include "opt.h"
#include "proto.h"

/**
 * ipcp_neg_opts_check - check the framing of a whole option list
 * @opts: the options (the packet after its 4-byte header)
 * @len: their length in bytes, already bounded by the packet
 *
 * Return: 0 if every option is framed correctly, -EINVAL otherwise.
 */
int ipcp_neg_opts_check(const u8 *opts, unsigned int len)
{
	struct ipcp_neg_opt_iter it;

	ipcp_neg_opt_iter_init(&it, opts, len);
	while (ipcp_neg_opt_next(&it))
		;
	return it.left ? -EINVAL : 0;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_opts_check);

/**
 * ipcp_neg_opt_iter_init - start walking an option list
 * @it: the cursor
 * @opts: the options
 * @len: their length in bytes
 *
 * Return: @it, so that a loop header can hold on to it.
 */
struct ipcp_neg_opt_iter *ipcp_neg_opt_iter_init(struct ipcp_neg_opt_iter *it,
						 const u8 *opts,
						 unsigned int len)
{
	it->p = opts;
	it->left = len;
	return it;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_opt_iter_init);

/**
 * ipcp_neg_opt_next - the next well-framed option
 * @it: the cursor
 *
 * Return: the option, or NULL at the end of the list or at the first
 * malformed option; in the latter case @it->left stays non-zero.
 */
const u8 *ipcp_neg_opt_next(struct ipcp_neg_opt_iter *it)
{
	const u8 *opt = it->p;

	if (it->left < IPCP_NEG_OPTHDRLEN)
		return NULL;
	if (opt[1] < IPCP_NEG_OPTHDRLEN || opt[1] > it->left)
		return NULL;
	it->p += opt[1];
	it->left -= opt[1];
	return opt;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_opt_next);
