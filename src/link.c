// SPDX-License-Identifier: GPL-2.0
/*
 * The link registry: create, attach, detach, renegotiate, status, the
 * teardown of a link and the netdevice notifier. A link runs one engine
 * (LCP and the NCPs of ncp.h) on a real PPP link; its parts live in
 *   link_data.c    its two channels and the data path (drawn below)
 *   link_engine.c  the engine's callbacks, restart and echo timers
 *   link_events.c  addresses, MTU and events from IPCP's outcome
 *   link_hup.c     the hang-up watch on the transport's channel
 *   link_files.c   attach's checks of the files handed over
 *   link_conf.c    its configuration: the rules, setters and getter
 *   link_sysfs.c   its sysfs directory; hist.c its packet history
 *
 * Frame path (user space set up the bridge and the unit, see ipcp_neg.h):
 *
 *   peer <-> transport channel (ppp_async / pppoe)
 *                 |  ppp_input(transport)          ^  start_xmit(transport)
 *                 |  = bridge                      |  = bridge
 *                 v                                |
 *   LOWER start_xmit: queue from_lower      ppp_input(LOWER) <- to_lower
 *                 |                                ^         <- from_upper
 *                 +--------> tasklet --------------+
 *                 |  LCP, NCPs -> engine (under link->lock) -> to_lower
 *                 |  an NCP's data -> ppp_input(UPPER) while it is up
 *                 |  other -> LCP Protocol-Reject
 *                 v
 *   pppN <- ppp_input(UPPER)      pppN -> UPPER start_xmit: queue from_upper
 *
 * Frames reach the channels' start_xmit with the protocol field first (no
 * FF03, no FCS: the transport adds and strips them). start_xmit only queues
 * and returns 1 (taken): calling ppp_input() on one channel from inside
 * another channel's start_xmit would nest ppp_generic's transmit lock
 * class, so all of it happens in the link's tasklet.
 *
 * The lock order is written once, in link_int.h.
 *
 * Teardown (link_destroy; unload closes every link before waiting for the
 * Terminate-Acks of all, then flushes ipcp_neg_link_wq, which holds every
 * work item of every link, so that a teardown begun by kill_work ends
 * first): remove the sysfs directory, stop the engine, mark the link dead
 * under qlock (nothing is queued or scheduled after that), shut the timers
 * down, kill the tasklet, unregister both channels (no start_xmit after
 * that), cancel the work items, delete the address, release the lease and
 * the files, and free after an RCU grace period.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/file.h>
#include <linux/if_arp.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/workqueue.h>
#include <net/net_namespace.h>

#include "compat.h"
#include "addr.h"
#include "addr_pool.h"
#include "lease.h"
#include "link_conf.h"
#include "link_int.h"
#include "params.h"

/*
 * The per-link budget (issue 14): struct ipcp_neg_link within 2 KiB, a
 * kmalloc-2k object, on a production kernel's configuration (Debian's);
 * lock debugging and PREEMPT_RT make locks, timers and work items bigger.
 */
#define LINK_SIZE_BUDGET	2048
#if !defined(CONFIG_DEBUG_LOCK_ALLOC) && !defined(CONFIG_DEBUG_SPINLOCK) && \
	!defined(CONFIG_PREEMPT_RT)
static_assert(sizeof(struct ipcp_neg_link) <= LINK_SIZE_BUDGET);
#endif

/* How long detach waits for Terminate-Acks (unload: for all links at once) */
#define LINK_TERM_WAIT_MS	1000

static DEFINE_MUTEX(links_mutex);
static LIST_HEAD(links);		/* Protected by links_mutex */
static u32 links_last_id;		/* Protected by links_mutex */
/*
 * Every work item of every link runs here, so that unload can wait for
 * them: a teardown that kill_work began (the link already unlisted) must
 * end before the module's code, the pools and the pernet data go. Set at
 * init, destroyed (drained) at exit after the last link is unlisted.
 */
struct workqueue_struct *ipcp_neg_link_wq;

/* Work items: addresses, hang-up, death */

static void link_destroy(struct ipcp_neg_link *link, struct work_struct *self,
			 bool hungup);

/*
 * After LCP finished or a wake-up on the transport channel: if the link is
 * dead, unlist it and tear it down, unless someone else got there first.
 */
static void link_kill_work(struct work_struct *w)
{
	struct ipcp_neg_link *link = container_of(w, struct ipcp_neg_link,
						  kill_work);
	bool hup = false, mine = false;

	mutex_lock(&links_mutex);
	if (link->listed && link->attached) {
		hup = ipcp_neg_link_hung_up(link);
		mine = hup || READ_ONCE(link->lcp_done) ||
		       READ_ONCE(link->dev_gone);
	}
	if (mine) {
		list_del_rcu(&link->node);
		link->listed = false;
	}
	mutex_unlock(&links_mutex);
	if (!mine)
		return;
	if (hup)
		netdev_info(link->dev, "transport hung up\n");
	link_destroy(link, w, hup);
}

/* Teardown */

/*
 * Close LCP (unless the transport hung up): true if a Terminate-Request
 * went out and the caller should wait for link->finished.
 */
static bool link_stop_begin(struct ipcp_neg_link *link, bool hungup)
{
	bool wait;

	if (hungup)
		return false;
	spin_lock_bh(&link->lock);
	ipcp_neg_engine_stop(&link->eng);
	wait = link->eng.lcp.fsm.state == IPCP_NEG_ST_CLOSING;
	spin_unlock_bh(&link->lock);
	return wait;
}

static void link_stop_end(struct ipcp_neg_link *link)
{
	spin_lock_bh(&link->lock);
	ipcp_neg_engine_lower_down(&link->eng);
	spin_unlock_bh(&link->lock);
	ipcp_neg_link_unwatch(link);
}

/* After this, no frame, timer or tasklet touches @link */
static void link_stop_data(struct ipcp_neg_link *link)
{
	ipcp_neg_link_data_close(link);
	ipcp_neg_link_timers_shutdown(link);
	ipcp_neg_link_data_stop(link);
}

/*
 * After link_stop_data() nothing queues @w again; the work running the
 * teardown (@self) may have been queued again meanwhile (LCP finishing
 * while teardown waited): take that back, without waiting for ourselves.
 */
static void link_cancel_work(struct work_struct *w, struct work_struct *self)
{
	if (w != self)
		cancel_work_sync(w);
	else
		cancel_work(w);
}

static void link_release_dev(struct ipcp_neg_link *link)
{
	if (!link->dev)
		return;
	if (link->addr_up)
		ipcp_neg_addr_clear(link->dev);
	ipcp_neg_link_event_down(link);
	ipcp_neg_addr_unmanage(link->dev);
	dev_put(link->dev);
	WRITE_ONCE(link->dev, NULL);
}

static void link_release_files(struct ipcp_neg_link *link)
{
	int i;

	for (i = IPCP_NEG_LINK_NFILES - 1; i >= 0; i--) {
		if (link->files[i])
			fput(link->files[i]);
		link->files[i] = NULL;
	}
}

/*
 * Teardown of an unlisted link, in two halves so that unload can close
 * every link first and wait for all their Terminate-Acks at once. The
 * first half removes the sysfs directory (no store renegotiates from here
 * on; not under a lock show takes) and closes LCP; it sets
 * link->term_wait if a Terminate-Ack is worth waiting for.
 */
static void link_destroy_begin(struct ipcp_neg_link *link,
			       struct work_struct *self, bool hungup)
{
	/* not from kill_work: detach or unload, which down events name */
	WRITE_ONCE(link->removing, !self);
	ipcp_neg_link_sysfs_del(link);
	link->term_wait = link->attached && link_stop_begin(link, hungup);
}

/* The second half: stop everything and free @link. Process context. */
static void link_destroy_end(struct ipcp_neg_link *link,
			     struct work_struct *self)
{
	if (link->attached)
		link_stop_end(link);
	link_stop_data(link);
	link_cancel_work(&link->addr_work, self);
	link_cancel_work(&link->kill_work, self);
	if (link->dev)
		netdev_info(link->dev, "link %u detached\n", link->id);
	link_release_dev(link);
	spin_lock_bh(&link->lock);
	ipcp_neg_lease_drop(&link->lease);
	spin_unlock_bh(&link->lock);
	ipcp_neg_lease_uninit(&link->lease);
	link_release_files(link);
	put_net(link->net);
	kfree(link->hist);
	kfree_rcu(link, rcu);
}

/* @link is unlisted: tear it down and free it. Process context. */
static void link_destroy(struct ipcp_neg_link *link, struct work_struct *self,
			 bool hungup)
{
	link_destroy_begin(link, self, hungup);
	if (link->term_wait)
		wait_for_completion_timeout(&link->finished,
					    msecs_to_jiffies(LINK_TERM_WAIT_MS));
	link_destroy_end(link, self);
}

/* Creation */

static void link_init(struct ipcp_neg_link *link, struct net *net)
{
	link->net = get_net(net);
	spin_lock_init(&link->lock);
	ipcp_neg_link_data_init(link);
	INIT_WORK(&link->addr_work, ipcp_neg_link_addr_work);
	INIT_WORK(&link->kill_work, link_kill_work);
	init_completion(&link->finished);
}

static bool link_id_used(u32 id)
{
	struct ipcp_neg_link *link;

	list_for_each_entry(link, &links, node)
		if (link->id == id)
			return true;
	return false;
}

static void link_list_add(struct ipcp_neg_link *link)
{
	lockdep_assert_held(&links_mutex);
	do {
		link->id = ++links_last_id;
	} while (!link->id || link_id_used(link->id));
	list_add_tail_rcu(&link->node, &links);
	link->listed = true;
}

/**
 * ipcp_neg_link_create - make a link and its two PPP channels
 * @net: the caller's namespace: the channels', the unit's and the pool's
 * @conf: how it negotiates
 * @owner: the control file creating it: only it may attach the link, and
 *	ipcp_neg_link_release_owner() destroys the link if it is not attached
 * @id: out: the link's id
 * @lower: out: LOWER's channel index (to bridge the transport to)
 * @upper: out: UPPER's channel index (to connect to the unit)
 *
 * Context: process context.
 * Return: 0; -EINVAL for an inconsistent @conf; -ENOENT if the pool does
 * not exist; -EADDRINUSE if the local address is leased from the pool to
 * another link's peer; -ENOMEM.
 */
int ipcp_neg_link_create(struct net *net, const struct ipcp_neg_link_conf *conf,
			 const void *owner, u32 *id, int *lower, int *upper)
{
	struct ipcp_neg_pool *pool = NULL;
	struct ipcp_neg_link *link;
	unsigned int depth;
	int err;

	err = ipcp_neg_link_conf_check(conf);
	if (err)
		return err;
	link = kzalloc(sizeof(*link), GFP_KERNEL);
	if (!link)
		return -ENOMEM;
	depth = ipcp_neg_param_history_depth();
	if (depth) {
		link->hist = ipcp_neg_hist_alloc(depth, GFP_KERNEL);
		if (!link->hist) {
			kfree(link);
			return -ENOMEM;
		}
	}
	link_init(link, net);
	err = -ENOENT;
	if (conf->pool[0]) {
		pool = ipcp_neg_pool_get(net, conf->pool);
		if (!pool)
			goto err_free;
	}
	ipcp_neg_lease_init(&link->lease, pool);
	err = ipcp_neg_lease_set_local(&link->lease, conf->local);
	if (err)
		goto err_pool;
	ipcp_neg_link_engine_init(link, conf);
	err = ipcp_neg_link_data_register(link);
	if (err)
		goto err_pool;
	mutex_lock(&links_mutex);
	link->owner = owner;
	link_list_add(link);
	*id = link->id;
	mutex_unlock(&links_mutex);
	*lower = ppp_channel_index(&link->lower);
	*upper = ppp_channel_index(&link->upper);
	return 0;

err_pool:
	tasklet_kill(&link->tasklet);
	ipcp_neg_lease_uninit(&link->lease);
err_free:
	put_net(link->net);
	kfree(link->hist);
	kfree(link);
	return err;
}

/* Attach */

static struct ipcp_neg_link *link_find(struct net *net, u32 id,
				       const char *ifname)
{
	struct ipcp_neg_link *link;

	lockdep_assert_held(&links_mutex);
	list_for_each_entry(link, &links, node) {
		if (!net_eq(link->net, net))
			continue;
		if (id ? link->id == id :
		    link->dev && !strncmp(link->dev->name, ifname, IFNAMSIZ))
			return link;
	}
	return NULL;
}

/*
 * A failed attach: the netdevice notifier may have seen @link->dev and
 * set dev_gone meanwhile; once no notifier can see the old device any
 * more, that no longer concerns the link (a later attach would be killed)
 */
static void link_attach_undo(struct ipcp_neg_link *link)
{
	WRITE_ONCE(link->dev, NULL);
	synchronize_rcu();
	WRITE_ONCE(link->dev_gone, false);
}

static int link_attach(struct ipcp_neg_link *link,
		       struct file *files[IPCP_NEG_LINK_NFILES])
{
	struct ipcp_neg_transport_info t;
	struct net_device *dev;
	int err;

	dev = ipcp_neg_link_check_files(link, files, &t);
	if (IS_ERR(dev))
		return PTR_ERR(dev);
	ipcp_neg_link_conf_transport(link, &t);
	err = ipcp_neg_addr_manage(dev);
	if (err)
		goto err_dev;
	WRITE_ONCE(link->dev, dev);
	/*
	 * Unregistration sets reg_state before its notifier walks the links:
	 * either it finds @dev here and kill_work ends the link once attach
	 * lets go of links_mutex, or we see the unit going
	 */
	smp_mb();
	err = -ENODEV;
	if (READ_ONCE(dev->reg_state) != NETREG_REGISTERED)
		goto err_manage;
	err = ipcp_neg_link_watch(link, files[IPCP_NEG_LINK_BRIDGE]);
	if (err)
		goto err_manage;
	err = ipcp_neg_link_sysfs_add(link);
	if (err)
		goto err_watch;
	memcpy(link->files, files, sizeof(link->files));
	link->attached = true;
	link->owner = NULL;
	ipcp_neg_link_data_start(link, t.kind == IPCP_NEG_TRANSPORT_ASYNC);
	spin_lock_bh(&link->lock);
	ipcp_neg_engine_start(&link->eng);
	spin_unlock_bh(&link->lock);
	ipcp_neg_link_echo_start(link);
	netdev_info(dev, "link %u attached (%s)\n", link->id,
		    link->eng.ipcp.conf.role == IPCP_NEG_IPCP_SERVER ?
		    "server" : "client");
	return 0;

err_watch:
	ipcp_neg_link_unwatch(link);
err_manage:
	link_attach_undo(link);
	ipcp_neg_addr_unmanage(dev);
err_dev:
	dev_put(dev);
	return err;
}

/**
 * ipcp_neg_link_attach - hand a link its files and start it
 * @net: the caller's namespace
 * @id: the link
 * @owner: the control file that created it
 * @files: the files (enum ipcp_neg_link_file); the link keeps them on
 *	success, the caller keeps its references on failure
 * @ifname: out: the unit's name (IFNAMSIZ bytes)
 *
 * Finds the pppN unit UPPER is connected to, takes over its IPv4
 * addresses (existing ones are deleted), watches the transport channel for
 * hang-up and starts LCP.
 *
 * Context: process context.
 * Return: 0; -ENOENT (no such link), -EPERM (created through another
 * control file), -EBUSY (already attached), -EBADFD (not /dev/ppp files),
 * -ENOTCONN (UPPER not connected to a unit, or the transport already hung
 * up), or the address programmer's error.
 */
int ipcp_neg_link_attach(struct net *net, u32 id, const void *owner,
			 struct file *files[IPCP_NEG_LINK_NFILES],
			 char *ifname)
{
	struct ipcp_neg_link *link;
	int err;

	mutex_lock(&links_mutex);
	link = link_find(net, id, NULL);
	if (!link)
		err = -ENOENT;
	else if (link->attached)
		err = -EBUSY;
	else if (link->owner != owner)
		err = -EPERM;
	else
		err = link_attach(link, files);
	if (!err)
		strscpy(ifname, link->dev->name, IFNAMSIZ);
	mutex_unlock(&links_mutex);
	return err;
}

/**
 * ipcp_neg_link_detach - stop a link and tear it down
 * @net: the caller's namespace
 * @id: the link's id, or 0 to name it by @ifname
 * @ifname: its unit's name
 *
 * LCP is closed (Terminate-Request, waiting up to a second for the
 * Terminate-Ack), the address deleted, the lease released, the channels
 * and the files released: a unit the link's files created goes with them,
 * an existing unit it was attached to stays, without IPv4 address.
 *
 * Context: process context, sleeps.
 * Return: 0, or -ENOENT if there is no such link.
 */
int ipcp_neg_link_detach(struct net *net, u32 id, const char *ifname)
{
	struct ipcp_neg_link *link;

	mutex_lock(&links_mutex);
	link = link_find(net, id, ifname);
	if (link) {
		list_del_rcu(&link->node);
		link->listed = false;
	}
	mutex_unlock(&links_mutex);
	if (!link)
		return -ENOENT;
	link_destroy(link, NULL, false);
	return 0;
}

/**
 * ipcp_neg_link_renegotiate - delete the address and negotiate IPCP afresh
 * @net: the caller's namespace
 * @id: the link's id, or 0 to name it by @ifname
 * @ifname: its unit's name
 *
 * IPCP Close then Open: the address goes with IPCP down, a new one comes
 * with the next IPCP up. Also restarts an IPCP closed by the pool_empty
 * policy.
 *
 * Context: process context.
 * Return: 0; -ENOENT if there is no such link; -ENOTCONN if it is not
 * attached.
 */
int ipcp_neg_link_renegotiate(struct net *net, u32 id, const char *ifname)
{
	struct ipcp_neg_link *link;
	int err = 0;

	mutex_lock(&links_mutex);
	link = link_find(net, id, ifname);
	if (!link) {
		err = -ENOENT;
	} else if (!link->attached) {
		err = -ENOTCONN;
	} else {
		spin_lock_bh(&link->lock);
		ipcp_neg_engine_renegotiate_ipcp(&link->eng);
		spin_unlock_bh(&link->lock);
	}
	mutex_unlock(&links_mutex);
	return err;
}

/* Takes link->lock */
static void link_fill_status(struct ipcp_neg_link *link,
			     struct ipcp_neg_link_status *st)
{
	struct ipcp_neg_link_state s;

	ipcp_neg_link_get_state(link, &s);
	st->id = link->id;
	st->role = link->eng.ipcp.conf.role;
	st->lcp_state = s.fsm[IPCP_NEG_LINK_FSM_LCP];
	st->ipcp_state = s.fsm[IPCP_NEG_LINK_FSM_NCP(IPCP_NEG_NCP_IPCP)];
	st->local = s.local;
	st->peer = s.peer;
	memcpy(st->srv, s.srv, sizeof(st->srv));
	st->rx_dropped = ipcp_neg_link_drops(link, true);
	st->tx_dropped = ipcp_neg_link_drops(link, false);
}

/**
 * ipcp_neg_link_status - a snapshot of a link's state
 * @net: the caller's namespace
 * @id: the link's id, or 0 to name it by @ifname
 * @ifname: its unit's name
 * @st: out: the snapshot (zeroed first)
 *
 * Context: process context.
 * Return: 0, or -ENOENT if there is no such link.
 */
int ipcp_neg_link_status(struct net *net, u32 id, const char *ifname,
			 struct ipcp_neg_link_status *st)
{
	struct ipcp_neg_link *link;

	memset(st, 0, sizeof(*st));
	mutex_lock(&links_mutex);
	link = link_find(net, id, ifname);
	if (link) {
		if (link->dev)
			strscpy(st->ifname, link->dev->name, IFNAMSIZ);
		link_fill_status(link, st);
	}
	mutex_unlock(&links_mutex);
	return link ? 0 : -ENOENT;
}

/* Unlist the links @match selects onto @dead */
static void link_unlist(struct list_head *dead, const void *owner, bool all)
{
	struct ipcp_neg_link *link, *tmp;

	mutex_lock(&links_mutex);
	list_for_each_entry_safe(link, tmp, &links, node) {
		if (!all && (link->attached || link->owner != owner))
			continue;
		list_del_rcu(&link->node);
		list_add_tail(&link->dead_node, dead);
		link->listed = false;
	}
	mutex_unlock(&links_mutex);
}

/*
 * Tear down the unlisted links on @dead: close them all, then wait for
 * their Terminate-Acks together, LINK_TERM_WAIT_MS after the last one
 * was closed, so that unloading with thousands of live links waits about
 * a second, not a second per link.
 */
static void link_destroy_list(struct list_head *dead)
{
	struct ipcp_neg_link *link, *tmp;
	unsigned long end;
	long left;

	list_for_each_entry(link, dead, dead_node)
		link_destroy_begin(link, NULL, false);
	/* the last Terminate-Request sent gets the whole wait */
	end = jiffies + msecs_to_jiffies(LINK_TERM_WAIT_MS);
	list_for_each_entry_safe(link, tmp, dead, dead_node) {
		left = (long)(end - jiffies);
		if (link->term_wait && left > 0)
			wait_for_completion_timeout(&link->finished, left);
		list_del(&link->dead_node);
		link_destroy_end(link, NULL);
	}
}

/**
 * ipcp_neg_link_release_owner - a control file is closed
 * @owner: the file
 *
 * Destroys the links it created and did not attach, so that a tool that
 * fails half-way leaves nothing behind.
 *
 * Context: process context.
 */
void ipcp_neg_link_release_owner(const void *owner)
{
	LIST_HEAD(dead);

	link_unlist(&dead, owner, false);
	link_destroy_list(&dead);
}

/*
 * Someone deletes a unit a link holds ("ip link del pppN"): the link lets
 * it go, or unregistration would wait for our reference forever. Runs
 * under RTNL, so it must not take links_mutex (attach takes RTNL under
 * it): it walks the list under RCU and leaves the work to kill_work.
 * Nothing is scheduled once the link is dead (link_stop_data), so the
 * work cannot outlive the link.
 */
static int link_netdev_event(struct notifier_block *nb, unsigned long event,
			     void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	struct ipcp_neg_link *link;

	if (event != NETDEV_UNREGISTER || dev->type != ARPHRD_PPP)
		return NOTIFY_DONE;
	rcu_read_lock();
	list_for_each_entry_rcu(link, &links, node) {
		if (READ_ONCE(link->dev) != dev)
			continue;
		spin_lock_bh(&link->qlock);
		if (!link->dead) {
			WRITE_ONCE(link->dev_gone, true);
			queue_work(ipcp_neg_link_wq, &link->kill_work);
		}
		spin_unlock_bh(&link->qlock);
	}
	rcu_read_unlock();
	return NOTIFY_DONE;
}

static struct notifier_block link_netdev_nb = {
	.notifier_call = link_netdev_event,
};

/**
 * ipcp_neg_link_init - set up the link registry
 *
 * Makes the links' workqueue, prepares their sysfs files and registers the
 * netdevice notifier that lets a deleted unit go.
 *
 * Context: process context.
 * Return: 0, -ENOMEM or the notifier registration's error.
 */
int ipcp_neg_link_init(void)
{
	int err;

	ipcp_neg_link_wq = alloc_workqueue("ipcp_neg", 0, 0);
	if (!ipcp_neg_link_wq)
		return -ENOMEM;
	ipcp_neg_link_sysfs_init();
	err = register_netdevice_notifier(&link_netdev_nb);
	if (err)
		destroy_workqueue(ipcp_neg_link_wq);
	return err;
}

/**
 * ipcp_neg_link_exit - tear every link down (module unload)
 *
 * Each attached link sends its LCP Terminate-Request and has its address
 * deleted; a teardown already under way in a work item (the unit deleted,
 * the transport hung up, LCP finished) is waited for. Call after the
 * control device is gone, before the address programmer and the pools.
 *
 * Context: process context.
 */
void ipcp_neg_link_exit(void)
{
	LIST_HEAD(dead);

	link_unlist(&dead, NULL, true);
	link_destroy_list(&dead);
	/*
	 * Wait for the teardowns work items began. Flush, not only destroy:
	 * while one runs, a hang-up wake-up may still queue its link's
	 * kill_work (which that teardown cancels), and destroy's drain would
	 * warn about it. After the flush no link exists to queue anything.
	 */
	flush_workqueue(ipcp_neg_link_wq);
	destroy_workqueue(ipcp_neg_link_wq);
	unregister_netdevice_notifier(&link_netdev_nb);
}
