// SPDX-License-Identifier: GPL-2.0
/*
 * The address programmer (see addr.h).
 *
 * Requests: each change is one RTM_NEWADDR or RTM_DELADDR message, sent with
 * kernel_sendmsg() on the namespace's NETLINK_ROUTE socket; the ACK is read
 * with kernel_recvmsg() and its errno returned. rtnetlink handles a request
 * synchronously in the sending task, so the ACK is queued before
 * kernel_sendmsg() returns, and the inetaddr validator runs in the task that
 * sends: while the mutex holder sends, the validator lets its add through,
 * for the device the request names only.
 *
 * Permission: every request carries an explicit destination (the kernel,
 * port 0), as sendto() would. That sets NETLINK_SKB_DST, and
 * __netlink_ns_capable() then checks CAP_NET_ADMIN on the sending task only,
 * without looking for the socket's file: the sockets have none, so there is
 * no file to release (fput() defers the release past a namespace's exit, and
 * __fput_sync() is for kernel threads only). The sending task is the
 * caller's, which a work item makes a kernel worker with every capability.
 *
 * Managed links: a hash table keyed by the net_device pointer, written under
 * addr_lock and read under RCU by the validator. An entry leaves the table
 * on unmanage, on NETDEV_UNREGISTER (the link goes away or changes
 * namespace) and at exit; its device pointer is compared, never
 * dereferenced. A reference keeps an entry while a call sleeps with it; the
 * negotiated pair in an entry is protected by addr_mutex.
 *
 * Lock order: addr_mutex, then RTNL, then addr_lock. The validator and the
 * netdevice notifier run under RTNL and never take addr_mutex.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/export.h>
#include <kunit/visibility.h>
#include <linux/hashtable.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/inetdevice.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/refcount.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/spinlock.h>
#include <net/ip.h>
#include <net/net_namespace.h>
#include <net/netlink.h>
#include <net/netns/generic.h>

#include "addr.h"

#define ADDR_HASH_BITS		6
/* Bytes read per datagram: an ACK with the request echoed fits easily */
#define ADDR_ACK_SIZE		256
/* Datagrams read while looking for the ACK of a request */
#define ADDR_ACK_TRIES		8
/* The message the validator puts in the refused request's extack */
#define ADDR_REFUSED_MSG	"the address is obtained by IPCP negotiation"

/* One IPv4 address as rtnetlink names it: local, address (peer), prefix */
struct addr_ifa {
	__be32 local;
	__be32 address;
	u8 prefixlen;
};

struct addr_link {
	struct hlist_node node;		/* in addr_links, under addr_lock */
	const struct net_device *dev;	/* the key, never dereferenced */
	refcount_t ref;
	struct rcu_head rcu;
	__be32 local;			/* negotiated pair, under addr_mutex; */
	__be32 peer;			/* local == 0: none */
};

struct addr_net {
	struct socket *sock;		/* under addr_mutex, made on first use */
	u32 seq;			/* under addr_mutex */
};

/* Serialises requests and the negotiated pairs; taken before RTNL */
static DEFINE_MUTEX(addr_mutex);
/* Protects the membership of addr_links; taken inside RTNL */
static DEFINE_SPINLOCK(addr_lock);
static DEFINE_HASHTABLE(addr_links, ADDR_HASH_BITS);
static unsigned int addr_net_id;

/*
 * The task sending a request, and the device its add is for. Written by the
 * holder of addr_mutex; the validator compares the task with current, and so
 * reads the device only in the task that wrote it.
 */
static struct {
	struct task_struct *task;
	const struct net_device *dev;
} addr_sender;

/* Caller holds addr_lock or the RCU read lock */
static struct addr_link *addr_link_find(const struct net_device *dev)
{
	struct addr_link *link;

	hash_for_each_possible_rcu(addr_links, link, node, (unsigned long)dev,
				   lockdep_is_held(&addr_lock))
		if (link->dev == dev)
			return link;
	return NULL;
}

static void addr_link_put(struct addr_link *link)
{
	if (refcount_dec_and_test(&link->ref))
		kfree_rcu(link, rcu);
}

/* A reference on @dev's entry, or NULL if @dev is not managed */
static struct addr_link *addr_link_get(const struct net_device *dev)
{
	struct addr_link *link;

	spin_lock(&addr_lock);
	link = addr_link_find(dev);
	if (link)
		refcount_inc(&link->ref);
	spin_unlock(&addr_lock);
	return link;
}

/* Enters @link for @dev; RTNL keeps @dev registered until NETDEV_UNREGISTER */
static int addr_link_insert(struct net_device *dev, struct addr_link *link)
{
	int err = 0;

	ASSERT_RTNL();
	if (dev->reg_state != NETREG_REGISTERED)
		return -ENODEV;
	spin_lock(&addr_lock);
	if (addr_link_find(dev))
		err = -EEXIST;
	else
		hash_add_rcu(addr_links, &link->node, (unsigned long)dev);
	spin_unlock(&addr_lock);
	return err;
}

static void addr_link_remove(const struct net_device *dev)
{
	struct addr_link *link;

	spin_lock(&addr_lock);
	link = addr_link_find(dev);
	if (link)
		hash_del_rcu(&link->node);
	spin_unlock(&addr_lock);
	if (link)
		addr_link_put(link);
}

static void addr_links_flush(void)
{
	struct addr_link *link;
	struct hlist_node *tmp;
	unsigned int bkt;

	spin_lock(&addr_lock);
	hash_for_each_safe(addr_links, bkt, tmp, link, node) {
		hash_del_rcu(&link->node);
		addr_link_put(link);
	}
	spin_unlock(&addr_lock);
}

/* @net's socket, created on first use */
static struct addr_net *addr_net_get(struct net *net)
{
	struct addr_net *an;
	int err;

	lockdep_assert_held(&addr_mutex);
	if (!addr_net_id)	/* ipcp_neg_addr_init() has not run */
		return ERR_PTR(-ENODEV);
	an = net_generic(net, addr_net_id);
	if (!an->sock) {
		err = sock_create_kern(net, AF_NETLINK, SOCK_RAW,
				       NETLINK_ROUTE, &an->sock);
		if (err)
			return ERR_PTR(err);
	}
	return an;
}

/* The errno of the ACK of @seq, or 1 if @nlh is something else */
static int addr_ack_errno(const struct nlmsghdr *nlh, int len, u32 seq)
{
	const struct nlmsgerr *e = nlmsg_data(nlh);

	if (!nlmsg_ok(nlh, len) || nlh->nlmsg_type != NLMSG_ERROR ||
	    nlh->nlmsg_seq != seq || nlmsg_len(nlh) < sizeof(*e))
		return 1;
	return e->error > 0 ? -EPROTO : e->error;
}

static int addr_read_ack(struct socket *sock, u32 seq)
{
	u32 buf[ADDR_ACK_SIZE / sizeof(u32)];
	int i, len, err;

	for (i = 0; i < ADDR_ACK_TRIES; i++) {
		struct kvec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
		struct msghdr msg = {};

		len = kernel_recvmsg(sock, &msg, &iov, 1, sizeof(buf),
				     MSG_DONTWAIT);
		if (len < 0)
			return len == -EAGAIN ? -EIO : len;
		err = addr_ack_errno((struct nlmsghdr *)buf, len, seq);
		if (err <= 0)
			return err;
	}
	return -EIO;
}

/* Sends @nlh as @dev's request and returns the errno of its ACK */
static int addr_transact(struct addr_net *an, const struct net_device *dev,
			 struct nlmsghdr *nlh)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct msghdr msg = { .msg_name = &kernel,
			      .msg_namelen = sizeof(kernel) };
	struct kvec iov = { .iov_base = nlh, .iov_len = nlh->nlmsg_len };
	int ret;

	addr_sender.dev = dev;
	WRITE_ONCE(addr_sender.task, current);
	ret = kernel_sendmsg(an->sock, &msg, &iov, 1, iov.iov_len);
	WRITE_ONCE(addr_sender.task, NULL);
	if (ret < 0)
		return ret;
	return addr_read_ack(an->sock, nlh->nlmsg_seq);
}

/* An RTM_NEWADDR or RTM_DELADDR request about @ifa on @dev */
static int addr_request(struct addr_net *an, struct net_device *dev,
			int type, u16 flags, const struct addr_ifa *ifa)
{
	struct ifaddrmsg *ifm;
	struct nlmsghdr *nlh;
	struct sk_buff *skb;
	int err = -EMSGSIZE;

	lockdep_assert_held(&addr_mutex);
	skb = nlmsg_new(NLMSG_ALIGN(sizeof(*ifm)) + 2 * nla_total_size(4),
			GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	nlh = nlmsg_put(skb, 0, ++an->seq, type, sizeof(*ifm),
			NLM_F_REQUEST | NLM_F_ACK | flags);
	if (!nlh)
		goto out;
	ifm = nlmsg_data(nlh);
	memset(ifm, 0, sizeof(*ifm));
	ifm->ifa_family = AF_INET;
	ifm->ifa_prefixlen = ifa->prefixlen;
	ifm->ifa_scope = RT_SCOPE_UNIVERSE;
	ifm->ifa_index = dev->ifindex;
	if (nla_put_in_addr(skb, IFA_LOCAL, ifa->local) ||
	    nla_put_in_addr(skb, IFA_ADDRESS, ifa->address))
		goto out;
	nlmsg_end(skb, nlh);
	err = addr_transact(an, dev, nlh);
out:
	kfree_skb(skb);
	return err;
}

/* Adds (local, peer/32); present already is success */
static int addr_add(struct addr_net *an, struct net_device *dev,
		    __be32 local, __be32 peer)
{
	struct addr_ifa ifa = { .local = local, .address = peer,
				.prefixlen = 32 };
	int err;

	err = addr_request(an, dev, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL,
			   &ifa);
	return err == -EEXIST ? 0 : err;
}

/* Deletes (local, peer/32); absent already is success */
static int addr_del(struct addr_net *an, struct net_device *dev,
		    __be32 local, __be32 peer)
{
	struct addr_ifa ifa = { .local = local, .address = peer,
				.prefixlen = 32 };
	int err;

	err = addr_request(an, dev, RTM_DELADDR, 0, &ifa);
	return err == -EADDRNOTAVAIL ? 0 : err;
}

/* Whether @dev has the address (local, peer/32) */
static bool addr_present(struct net_device *dev, __be32 local, __be32 peer)
{
	const struct in_ifaddr *ifa;
	struct in_device *in_dev;
	bool found = false;

	rtnl_lock();
	in_dev = __in_dev_get_rtnl(dev);
	if (in_dev) {
		in_dev_for_each_ifa_rtnl(ifa, in_dev) {
			if (ifa->ifa_local == local &&
			    ifa->ifa_address == peer &&
			    ifa->ifa_prefixlen == 32)
				found = true;
		}
	}
	rtnl_unlock();
	return found;
}

/* Copies @dev's first IPv4 address to @out; false if it has none */
static bool addr_first(struct net_device *dev, struct addr_ifa *out)
{
	const struct in_ifaddr *ifa = NULL;
	struct in_device *in_dev;

	rtnl_lock();
	in_dev = __in_dev_get_rtnl(dev);
	if (in_dev)
		ifa = rtnl_dereference(in_dev->ifa_list);
	if (ifa) {
		out->local = ifa->ifa_local;
		out->address = ifa->ifa_address;
		out->prefixlen = ifa->ifa_prefixlen;
	}
	rtnl_unlock();
	return ifa;
}

/*
 * Deletes every IPv4 address of @dev. The validator refuses adds on @dev
 * already, so each round removes one address (or finds that someone else
 * did) and the loop ends.
 */
static int addr_flush(struct addr_net *an, struct net_device *dev)
{
	struct addr_ifa ifa;
	int err;

	while (addr_first(dev, &ifa)) {
		err = addr_request(an, dev, RTM_DELADDR, 0, &ifa);
		if (err && err != -EADDRNOTAVAIL)
			return err;
	}
	return 0;
}

static int addr_dev_up(struct net_device *dev)
{
	int err = 0;

	rtnl_lock();
	if (!(dev->flags & IFF_UP))
		err = dev_change_flags(dev, dev->flags | IFF_UP, NULL);
	rtnl_unlock();
	return err;
}

/* An address a link may have at either end */
static bool addr_usable(__be32 a)
{
	return !ipv4_is_zeronet(a) && !ipv4_is_multicast(a) &&
	       !ipv4_is_lbcast(a) && !ipv4_is_loopback(a);
}

/*
 * Makes (local, peer/32) @link's address: the new one is added before the
 * old one goes, except when both have the same peer. Then the new address
 * would be a secondary of the old one, which the kernel deletes with its
 * primary (unless promote_secondaries is set): the old one goes first.
 */
static int addr_replace(struct addr_net *an, struct net_device *dev,
			struct addr_link *link, __be32 local, __be32 peer)
{
	__be32 old_local = link->local, old_peer = link->peer;
	int err;

	if (old_local == local && old_peer == peer) {
		if (addr_present(dev, local, peer))
			return 0;
		old_local = 0;	/* someone deleted it: add it again */
	}
	if (old_local && old_peer == peer) {
		err = addr_del(an, dev, old_local, old_peer);
		if (err)
			return err;
		old_local = 0;
		link->local = 0;
	}
	err = addr_add(an, dev, local, peer);
	if (err)
		return err;
	link->local = local;
	link->peer = peer;
	if (old_local)
		err = addr_del(an, dev, old_local, old_peer);
	return err ?: addr_dev_up(dev);
}

/* A reference on @dev's entry and @dev's namespace socket, under addr_mutex */
static int addr_begin(struct net_device *dev, struct addr_link **link,
		      struct addr_net **an)
{
	lockdep_assert_held(&addr_mutex);
	*link = addr_link_get(dev);
	if (!*link)
		return -ENODEV;
	*an = addr_net_get(dev_net(dev));
	if (IS_ERR(*an)) {
		addr_link_put(*link);
		return PTR_ERR(*an);
	}
	return 0;
}

static int addr_validate(struct notifier_block *nb, unsigned long event,
			 void *ptr)
{
	struct in_validator_info *ivi = ptr;
	struct net_device *dev = ivi->ivi_dev->dev;
	bool managed;

	if (READ_ONCE(addr_sender.task) == current)
		return dev == addr_sender.dev ? NOTIFY_DONE :
						notifier_from_errno(-ENODEV);
	rcu_read_lock();
	managed = addr_link_find(dev);
	rcu_read_unlock();
	if (!managed)
		return NOTIFY_DONE;
	NL_SET_ERR_MSG(ivi->extack, ADDR_REFUSED_MSG);
	if (net_ratelimit())
		netdev_warn(dev, "refused IPv4 address %pI4: " ADDR_REFUSED_MSG "\n",
			    &ivi->ivi_addr);
	return notifier_from_errno(-EPERM);
}

static struct notifier_block addr_validator_nb = {
	.notifier_call = addr_validate,
};

static int addr_netdev_event(struct notifier_block *nb, unsigned long event,
			     void *ptr)
{
	if (event == NETDEV_UNREGISTER)
		addr_link_remove(netdev_notifier_info_to_dev(ptr));
	return NOTIFY_DONE;
}

static struct notifier_block addr_netdev_nb = {
	.notifier_call = addr_netdev_event,
};

/* The namespace's devices are gone: no request can use its socket now */
static void __net_exit addr_net_exit(struct net *net)
{
	struct addr_net *an = net_generic(net, addr_net_id);

	mutex_lock(&addr_mutex);
	if (an->sock)
		sock_release(an->sock);
	an->sock = NULL;
	mutex_unlock(&addr_mutex);
}

static struct pernet_operations addr_net_ops = {
	.exit = addr_net_exit,
	.id = &addr_net_id,
	.size = sizeof(struct addr_net),
};

/**
 * ipcp_neg_addr_unit_size - bytes of what the module keeps per managed unit
 *
 * For the sizes file (debugfs.c): one is allocated per unit that
 * ipcp_neg_addr_manage() manages, so one per attached link.
 *
 * Return: sizeof(struct addr_link).
 */
size_t ipcp_neg_addr_unit_size(void)
{
	return sizeof(struct addr_link);
}

/**
 * ipcp_neg_addr_manage() - start enforcing the negotiated address on a link
 * @dev: a registered PPP interface (ARPHRD_PPP); the caller holds it
 *
 * Deletes every IPv4 address @dev has: enabling negotiation deletes an
 * existing address. From the call on, the validator refuses every IPv4
 * address add on @dev but the module's own. The entry lasts until
 * ipcp_neg_addr_unmanage(), @dev's unregistration (or move to another
 * namespace) or ipcp_neg_addr_exit(). If a delete fails, @dev is left
 * unmanaged with the addresses not deleted yet.
 *
 * Context: process context, may sleep; RTNL must not be held.
 * Return: 0; -EOPNOTSUPP if @dev is not a PPP link; -EEXIST if it is managed
 * already; -ENODEV if it is not registered; -ENOMEM; or the errno of a
 * failed delete.
 */
int ipcp_neg_addr_manage(struct net_device *dev)
{
	struct addr_link *link;
	struct addr_net *an;
	int err;

	might_sleep();
	if (dev->type != ARPHRD_PPP)
		return -EOPNOTSUPP;
	link = kzalloc(sizeof(*link), GFP_KERNEL);
	if (!link)
		return -ENOMEM;
	link->dev = dev;
	refcount_set(&link->ref, 1);
	mutex_lock(&addr_mutex);
	an = addr_net_get(dev_net(dev));
	err = PTR_ERR_OR_ZERO(an);
	if (!err) {
		rtnl_lock();
		err = addr_link_insert(dev, link);
		rtnl_unlock();
	}
	if (err) {
		kfree(link);
		goto out;
	}
	err = addr_flush(an, dev);
	if (err)
		addr_link_remove(dev);
out:
	mutex_unlock(&addr_mutex);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_addr_manage);

/**
 * ipcp_neg_addr_unmanage() - stop enforcing the negotiated address on a link
 * @dev: the interface; nothing happens if it is not managed
 *
 * Forgets @dev: other IPv4 address adds are allowed again. The negotiated
 * address stays on @dev (call ipcp_neg_addr_clear() first to remove it). A
 * set or clear running concurrently on @dev completes its change.
 *
 * Context: process context; does not sleep; RTNL may be held.
 */
void ipcp_neg_addr_unmanage(struct net_device *dev)
{
	addr_link_remove(dev);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_addr_unmanage);

/**
 * ipcp_neg_addr_managed() - whether the address of a link is enforced
 * @dev: the interface, only compared
 *
 * Context: process context; does not sleep.
 * Return: true if @dev is managed.
 */
bool ipcp_neg_addr_managed(const struct net_device *dev)
{
	bool managed;

	rcu_read_lock();
	managed = addr_link_find(dev);
	rcu_read_unlock();
	return managed;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_addr_managed);

/**
 * ipcp_neg_addr_set() - make (local, peer/32) the negotiated address
 * @dev: a managed interface; the caller holds it
 * @local: our address
 * @peer: the peer's address
 *
 * If @dev has that address already, nothing changes. Otherwise the new
 * address is added before the old one is deleted, so @dev is never without
 * an address; when only the local address changes, the old one is deleted
 * first (see addr_replace()), and a failed add then leaves @dev without
 * address. Then @dev is brought up. An address someone deleted behind our
 * back is added again.
 *
 * Context: process context, may sleep; RTNL must not be held.
 * Return: 0; -EINVAL if an address is 0.0.0.0, multicast, broadcast or
 * loopback, or if @local equals @peer; -ENODEV if @dev is not managed; or
 * the errno of the failed request or of bringing @dev up.
 */
int ipcp_neg_addr_set(struct net_device *dev, __be32 local, __be32 peer)
{
	struct addr_link *link;
	struct addr_net *an;
	int err;

	might_sleep();
	if (!addr_usable(local) || !addr_usable(peer) || local == peer)
		return -EINVAL;
	mutex_lock(&addr_mutex);
	err = addr_begin(dev, &link, &an);
	if (!err) {
		err = addr_replace(an, dev, link, local, peer);
		addr_link_put(link);
	}
	mutex_unlock(&addr_mutex);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_addr_set);

/**
 * ipcp_neg_addr_clear() - delete the negotiated address
 * @dev: a managed interface; the caller holds it
 *
 * Leaves @dev without IPv4 address (it stays managed and up). An address
 * already gone counts as deleted.
 *
 * Context: process context, may sleep; RTNL must not be held.
 * Return: 0; -ENODEV if @dev is not managed; or the errno of the delete.
 */
int ipcp_neg_addr_clear(struct net_device *dev)
{
	struct addr_link *link;
	struct addr_net *an;
	int err;

	might_sleep();
	mutex_lock(&addr_mutex);
	err = addr_begin(dev, &link, &an);
	if (!err) {
		if (link->local)
			err = addr_del(an, dev, link->local, link->peer);
		if (!err)
			link->local = 0;
		addr_link_put(link);
	}
	mutex_unlock(&addr_mutex);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_addr_clear);

/**
 * ipcp_neg_addr_set_mtu() - set the MTU of a PPP link
 * @dev: a PPP interface, managed or not; the caller holds it
 * @mtu: the new MTU in bytes
 *
 * Below IPV4_MIN_MTU (68) the kernel would remove IPv4 from @dev, addresses
 * included: such a value is refused, the caller clamps.
 *
 * Context: process context, may sleep; RTNL must not be held.
 * Return: 0; -EOPNOTSUPP if @dev is not a PPP link; -EINVAL if @mtu is below
 * 68 or above INT_MAX; or the errno of dev_set_mtu().
 */
int ipcp_neg_addr_set_mtu(struct net_device *dev, unsigned int mtu)
{
	int err;

	might_sleep();
	if (dev->type != ARPHRD_PPP)
		return -EOPNOTSUPP;
	if (mtu < IPV4_MIN_MTU || mtu > INT_MAX)
		return -EINVAL;
	rtnl_lock();
	err = dev_set_mtu(dev, mtu);
	rtnl_unlock();
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_addr_set_mtu);

/**
 * ipcp_neg_addr_init() - set up the address programmer
 *
 * Registers the per-namespace sockets (made on first use), the netdevice
 * notifier that forgets unregistered links and the inetaddr validator.
 *
 * Context: module init.
 * Return: 0 or a negative errno.
 */
int ipcp_neg_addr_init(void)
{
	int err;

	err = register_pernet_subsys(&addr_net_ops);
	if (err)
		return err;
	err = register_netdevice_notifier(&addr_netdev_nb);
	if (err)
		goto err_netdev;
	err = register_inetaddr_validator_notifier(&addr_validator_nb);
	if (err)
		goto err_validator;
	return 0;

err_validator:
	unregister_netdevice_notifier(&addr_netdev_nb);
err_netdev:
	unregister_pernet_subsys(&addr_net_ops);
	return err;
}

/**
 * ipcp_neg_addr_exit() - tear the address programmer down
 *
 * Unregisters the validator (other adds are allowed again), forgets every
 * managed link and releases the sockets. Addresses stay on the links. No
 * other ipcp_neg_addr_ call may run or follow.
 *
 * Context: module exit.
 */
void ipcp_neg_addr_exit(void)
{
	unregister_inetaddr_validator_notifier(&addr_validator_nb);
	unregister_netdevice_notifier(&addr_netdev_nb);
	addr_links_flush();
	unregister_pernet_subsys(&addr_net_ops);
}
