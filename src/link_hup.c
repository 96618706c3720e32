// SPDX-License-Identifier: GPL-2.0
/*
 * The hang-up watch: the link waits on the transport channel's /dev/ppp
 * file (the bridge) as vhost waits on eventfds, and a wake-up with
 * EPOLLHUP or EPOLLERR (or none: a wake-up without a key) queues
 * kill_work, which polls again and tears the link down if it hung up.
 */

#include <linux/fs.h>
#include <linux/poll.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "compat.h"
#include "link_int.h"

/**
 * ipcp_neg_link_hung_up - did the transport hang up?
 * @link: an attached link
 *
 * Return: true if the bridge's channel polls EPOLLHUP or EPOLLERR.
 */
bool ipcp_neg_link_hung_up(struct ipcp_neg_link *link)
{
	__poll_t mask = vfs_poll(link->files[IPCP_NEG_LINK_BRIDGE], NULL);

	return mask & (EPOLLHUP | EPOLLERR);
}

/* Wake-up on the transport channel's wait queue: any context */
static int link_hup_wake(wait_queue_entry_t *wait, unsigned int mode,
			 int sync, void *key)
{
	struct ipcp_neg_link *link = container_of(wait, struct ipcp_neg_link,
						  hup_wait);
	__poll_t mask = key_to_poll(key);

	if (!mask || (mask & (EPOLLHUP | EPOLLERR)))
		queue_work(ipcp_neg_link_wq, &link->kill_work);
	return 0;
}

static void link_hup_queue(struct file *file, wait_queue_head_t *wqh,
			   poll_table *pt)
{
	struct ipcp_neg_link *link = container_of(pt, struct ipcp_neg_link,
						  hup_pt);

	if (link->hup_wqh)
		return;
	link->hup_wqh = wqh;
	add_wait_queue(wqh, &link->hup_wait);
}

/**
 * ipcp_neg_link_unwatch - stop watching for hang-up
 * @link: the link; harmless if it does not watch
 */
void ipcp_neg_link_unwatch(struct ipcp_neg_link *link)
{
	if (link->hup_wqh)
		remove_wait_queue(link->hup_wqh, &link->hup_wait);
	link->hup_wqh = NULL;
}

/**
 * ipcp_neg_link_watch - watch the transport's channel for hang-up
 * @link: the link being attached
 * @bridge: the /dev/ppp file attached to the transport's channel
 *
 * Return: 0; -EBADFD if @bridge is attached to no channel; -ENOTCONN if it
 * hung up already (nothing is watched then).
 */
int ipcp_neg_link_watch(struct ipcp_neg_link *link, struct file *bridge)
{
	__poll_t mask;

	init_waitqueue_func_entry(&link->hup_wait, link_hup_wake);
	init_poll_funcptr(&link->hup_pt, link_hup_queue);
	mask = vfs_poll(bridge, &link->hup_pt);
	if (!link->hup_wqh)
		return -EBADFD;		/* /dev/ppp not attached to a channel */
	if (mask & (EPOLLHUP | EPOLLERR)) {
		ipcp_neg_link_unwatch(link);
		return -ENOTCONN;
	}
	return 0;
}

