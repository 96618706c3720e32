// SPDX-License-Identifier: GPL-2.0
/*
 * Link events for user space (events.h).
 */

#include "events.h"

/**
 * ipcp_neg_event_send - tell user space about an IPCP up, down or change
 * @dev: the pppN net device of the link
 * @ev: what happened
 *
 * Context: process context.
 * Return: 0, or a negative errno when the event could not be sent.
 */
int ipcp_neg_event_send(struct net_device *dev,
			const struct ipcp_neg_event *ev)
{
	return 0;
}
