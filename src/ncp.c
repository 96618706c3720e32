// SPDX-License-Identifier: GPL-2.0
/*
 * The table of network control protocols (ncp.h) and its lookups. The
 * engine, the link's data path, its timers and its sysfs files all go
 * through these, so that an NCP is one entry here.
 */

#include <linux/export.h>
#include <kunit/visibility.h>

#include "ncp.h"

/* Every NCP, indexed by its enum ipcp_neg_ncp_id (its ->id) */
const struct ipcp_neg_ncp *const ipcp_neg_ncps[IPCP_NEG_NCP_COUNT] = {
	[IPCP_NEG_NCP_IPCP] = &ipcp_neg_ncp_ipcp,
};
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ncps);

/**
 * ipcp_neg_ncp_index - an NCP's place in the table
 * @proto: its control protocol number
 *
 * Return: its enum ipcp_neg_ncp_id, or -1 if no NCP runs @proto.
 */
int ipcp_neg_ncp_index(u16 proto)
{
	int i;

	for (i = 0; i < IPCP_NEG_NCP_COUNT; i++)
		if (ipcp_neg_ncps[i]->proto == proto)
			return i;
	return -1;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ncp_index);

/**
 * ipcp_neg_ncp_by_proto - the NCP of a control protocol
 * @proto: a PPP protocol number
 *
 * Return: the descriptor, or NULL if @proto is no NCP's.
 */
const struct ipcp_neg_ncp *ipcp_neg_ncp_by_proto(u16 proto)
{
	int i = ipcp_neg_ncp_index(proto);

	return i < 0 ? NULL : ipcp_neg_ncps[i];
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ncp_by_proto);

/**
 * ipcp_neg_ncp_by_data - the NCP that opens a data protocol
 * @proto: a PPP protocol number
 *
 * Return: the descriptor, or NULL if no NCP opens @proto.
 */
const struct ipcp_neg_ncp *ipcp_neg_ncp_by_data(u16 proto)
{
	const u16 *d;
	int i;

	for (i = 0; i < IPCP_NEG_NCP_COUNT; i++)
		for (d = ipcp_neg_ncps[i]->data; *d; d++)
			if (*d == proto)
				return ipcp_neg_ncps[i];
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ncp_by_data);
