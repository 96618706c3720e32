// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the address programmer. Each test registers a real
 * net_device of type ARPHRD_PPP in init_net and opens a second in-kernel
 * NETLINK_ROUTE socket that plays a user: it adds and deletes addresses with
 * RTM_NEWADDR and RTM_DELADDR, as "ip addr" would, and reads the extended
 * ACK. The device's addresses are read back under RTNL.
 *
 * The suite uses the main module's address programmer: ipcp_neg.ko's init
 * has called ipcp_neg_addr_init() before this module loads.
 */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/inetdevice.h>
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <linux/socket.h>
#include <net/net_namespace.h>
#include <net/netlink.h>

#include "../addr.h"
#include "test_util.h"

#define ADDR_TEST_MSG	"the address is obtained by IPCP negotiation"

struct addr_test_ctx {
	struct net_device *dev;
	bool registered;
	struct socket *user;	/* the user's rtnetlink socket */
	u32 seq;
	char msg[80];		/* extack message of the last user request */
};

/* A copy of one IPv4 address of the device, and where the kernel keeps it */
struct addr_test_ifa {
	const struct in_ifaddr *ptr;
	__be32 local;
	__be32 address;
	u8 prefixlen;
};

static netdev_tx_t addr_test_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops addr_test_netdev_ops = {
	.ndo_start_xmit = addr_test_xmit,
};

static void addr_test_setup(struct net_device *dev)
{
	dev->netdev_ops = &addr_test_netdev_ops;
	dev->type = ARPHRD_PPP;
	dev->flags = IFF_POINTOPOINT | IFF_NOARP;
	dev->mtu = 1500;
	dev->tx_queue_len = 3;
}

static int addr_test_sockopt(struct socket *sock, int opt)
{
	int one = 1;

	return sock->ops->setsockopt(sock, SOL_NETLINK, opt,
				     KERNEL_SOCKPTR(&one), sizeof(one));
}

static int addr_test_init(struct kunit *test)
{
	struct addr_test_ctx *ctx;
	int err;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	test->priv = ctx;
	ctx->dev = alloc_netdev(0, "ipcpneg%d", NET_NAME_UNKNOWN,
				addr_test_setup);
	KUNIT_ASSERT_NOT_NULL(test, ctx->dev);
	err = register_netdev(ctx->dev);
	KUNIT_ASSERT_EQ(test, err, 0);
	ctx->registered = true;
	err = sock_create_kern(&init_net, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE,
			       &ctx->user);
	KUNIT_ASSERT_EQ(test, err, 0);
	/* Error messages in the ACK, and the request not echoed before them */
	KUNIT_ASSERT_EQ(test, addr_test_sockopt(ctx->user, NETLINK_EXT_ACK), 0);
	KUNIT_ASSERT_EQ(test, addr_test_sockopt(ctx->user, NETLINK_CAP_ACK), 0);
	return 0;
}

static void addr_test_exit(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	if (!ctx)
		return;
	if (ctx->user)
		sock_release(ctx->user);
	if (!ctx->dev)
		return;
	ipcp_neg_addr_unmanage(ctx->dev);
	if (ctx->registered)
		unregister_netdev(ctx->dev);
	free_netdev(ctx->dev);
}

/* The errno of the ACK in @nlh; its extack message goes to ctx->msg */
static int addr_test_ack(struct kunit *test, const struct nlmsghdr *nlh,
			 int len)
{
	struct addr_test_ctx *ctx = test->priv;
	const struct nlmsgerr *e = nlmsg_data(nlh);
	const struct nlattr *attr;

	KUNIT_ASSERT_TRUE(test, nlmsg_ok(nlh, len));
	KUNIT_ASSERT_EQ(test, nlh->nlmsg_type, NLMSG_ERROR);
	KUNIT_ASSERT_EQ(test, nlh->nlmsg_seq, ctx->seq);
	KUNIT_ASSERT_GE(test, nlmsg_len(nlh), (int)sizeof(*e));
	KUNIT_ASSERT_TRUE(test, nlh->nlmsg_flags & NLM_F_CAPPED);
	ctx->msg[0] = '\0';
	if (nlh->nlmsg_flags & NLM_F_ACK_TLVS) {
		attr = nla_find((const void *)(e + 1),
				nlmsg_len(nlh) - sizeof(*e),
				NLMSGERR_ATTR_MSG);
		if (attr)
			nla_strscpy(ctx->msg, attr, sizeof(ctx->msg));
	}
	return e->error;
}

static int addr_test_transact(struct kunit *test, struct nlmsghdr *nlh)
{
	struct addr_test_ctx *ctx = test->priv;
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	struct msghdr msg = { .msg_name = &kernel,
			      .msg_namelen = sizeof(kernel) };
	struct kvec iov = { .iov_base = nlh, .iov_len = nlh->nlmsg_len };
	u32 buf[64];
	int len;

	len = kernel_sendmsg(ctx->user, &msg, &iov, 1, iov.iov_len);
	KUNIT_ASSERT_EQ(test, len, (int)iov.iov_len);
	memset(&msg, 0, sizeof(msg));
	iov.iov_base = buf;
	iov.iov_len = sizeof(buf);
	len = kernel_recvmsg(ctx->user, &msg, &iov, 1, sizeof(buf),
			     MSG_DONTWAIT);
	KUNIT_ASSERT_GT(test, len, 0);
	return addr_test_ack(test, (struct nlmsghdr *)buf, len);
}

/* A user's RTM_NEWADDR or RTM_DELADDR on @dev; the errno of the ACK */
static int addr_test_user_dev(struct kunit *test, struct net_device *dev,
			      int type, __be32 local, __be32 address,
			      u8 prefixlen)
{
	struct addr_test_ctx *ctx = test->priv;
	u16 flags = NLM_F_REQUEST | NLM_F_ACK;
	struct ifaddrmsg *ifm;
	struct nlmsghdr *nlh;
	struct sk_buff *skb;
	int err;

	if (type == RTM_NEWADDR)
		flags |= NLM_F_CREATE | NLM_F_EXCL;
	skb = nlmsg_new(NLMSG_ALIGN(sizeof(*ifm)) + 2 * nla_total_size(4),
			GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	nlh = nlmsg_put(skb, 0, ++ctx->seq, type, sizeof(*ifm), flags);
	KUNIT_ASSERT_NOT_NULL(test, nlh);
	ifm = nlmsg_data(nlh);
	memset(ifm, 0, sizeof(*ifm));
	ifm->ifa_family = AF_INET;
	ifm->ifa_prefixlen = prefixlen;
	ifm->ifa_index = dev->ifindex;
	KUNIT_ASSERT_EQ(test, nla_put_in_addr(skb, IFA_LOCAL, local), 0);
	KUNIT_ASSERT_EQ(test, nla_put_in_addr(skb, IFA_ADDRESS, address), 0);
	nlmsg_end(skb, nlh);
	err = addr_test_transact(test, nlh);
	kfree_skb(skb);
	return err;
}

static int addr_test_user(struct kunit *test, int type, __be32 local,
			  __be32 address, u8 prefixlen)
{
	struct addr_test_ctx *ctx = test->priv;

	return addr_test_user_dev(test, ctx->dev, type, local, address,
				  prefixlen);
}

/* The number of IPv4 addresses of @dev; the first is copied to @first */
static unsigned int addr_test_read(struct net_device *dev,
				   struct addr_test_ifa *first)
{
	const struct in_ifaddr *ifa;
	struct in_device *in_dev;
	unsigned int n = 0;

	memset(first, 0, sizeof(*first));
	rtnl_lock();
	in_dev = __in_dev_get_rtnl(dev);
	if (in_dev) {
		in_dev_for_each_ifa_rtnl(ifa, in_dev) {
			if (!n++) {
				first->ptr = ifa;
				first->local = ifa->ifa_local;
				first->address = ifa->ifa_address;
				first->prefixlen = ifa->ifa_prefixlen;
			}
		}
	}
	rtnl_unlock();
	return n;
}

static unsigned int addr_test_count(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;
	struct addr_test_ifa first;

	return addr_test_read(ctx->dev, &first);
}

/* The device has exactly one IPv4 address: (local, peer/32) */
static void addr_test_expect_only(struct kunit *test, __be32 local,
				  __be32 peer)
{
	struct addr_test_ctx *ctx = test->priv;
	struct addr_test_ifa ifa;

	KUNIT_ASSERT_EQ(test, addr_test_read(ctx->dev, &ifa), 1);
	KUNIT_EXPECT_EQ(test, be32_to_cpu(ifa.local), be32_to_cpu(local));
	KUNIT_EXPECT_EQ(test, be32_to_cpu(ifa.address), be32_to_cpu(peer));
	KUNIT_EXPECT_EQ(test, ifa.prefixlen, 32);
}

static void addr_test_manage_not_ppp(struct kunit *test)
{
	struct net_device *eth;

	eth = alloc_netdev(0, "ipcpnegeth%d", NET_NAME_UNKNOWN, ether_setup);
	KUNIT_ASSERT_NOT_NULL(test, eth);
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_manage(eth), -EOPNOTSUPP);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_addr_managed(eth));
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_set_mtu(eth, 1400), -EOPNOTSUPP);
	free_netdev(eth);
}

static void addr_test_manage_twice(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_EXPECT_FALSE(test, ipcp_neg_addr_managed(ctx->dev));
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_EXPECT_TRUE(test, ipcp_neg_addr_managed(ctx->dev));
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_manage(ctx->dev), -EEXIST);
	KUNIT_EXPECT_TRUE(test, ipcp_neg_addr_managed(ctx->dev));
	ipcp_neg_addr_unmanage(ctx->dev);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_addr_managed(ctx->dev));
}

/* Enabling negotiation deletes the addresses the interface has */
static void addr_test_manage_deletes(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, addr_test_user(test, RTM_NEWADDR,
					     IP4(192, 0, 2, 1),
					     IP4(192, 0, 2, 1), 24), 0);
	KUNIT_ASSERT_EQ(test, addr_test_user(test, RTM_NEWADDR,
					     IP4(198, 51, 100, 1),
					     IP4(198, 51, 100, 2), 32), 0);
	KUNIT_ASSERT_EQ(test, addr_test_count(test), 2);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_EXPECT_EQ(test, addr_test_count(test), 0);
	KUNIT_EXPECT_TRUE(test, ipcp_neg_addr_managed(ctx->dev));
}

static void addr_test_set_adds(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_EXPECT_FALSE(test, ctx->dev->flags & IFF_UP);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), 0);
	addr_test_expect_only(test, IP4(10, 0, 0, 1), IP4(10, 0, 0, 2));
	KUNIT_EXPECT_TRUE(test, ctx->dev->flags & IFF_UP);
}

/* The same address again changes nothing: the kernel keeps the same ifa */
static void addr_test_set_same(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;
	struct addr_test_ifa before, after;

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), 0);
	KUNIT_ASSERT_EQ(test, addr_test_read(ctx->dev, &before), 1);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), 0);
	KUNIT_ASSERT_EQ(test, addr_test_read(ctx->dev, &after), 1);
	KUNIT_EXPECT_PTR_EQ(test, after.ptr, before.ptr);
}

struct addr_change_case {
	const char *name;
	__be32 from_local, from_peer;
	__be32 to_local, to_peer;
};

static const struct addr_change_case addr_change_cases[] = {
	{ .name = "both_ends_change",
	  .from_local = IP4(10, 0, 0, 1), .from_peer = IP4(10, 0, 0, 2),
	  .to_local = IP4(10, 0, 1, 1), .to_peer = IP4(10, 0, 1, 2) },
	/* The new address would be a secondary of the old one */
	{ .name = "local_changes",
	  .from_local = IP4(10, 0, 0, 1), .from_peer = IP4(10, 0, 0, 2),
	  .to_local = IP4(10, 0, 0, 3), .to_peer = IP4(10, 0, 0, 2) },
	{ .name = "peer_changes",
	  .from_local = IP4(10, 0, 0, 1), .from_peer = IP4(10, 0, 0, 2),
	  .to_local = IP4(10, 0, 0, 1), .to_peer = IP4(10, 0, 0, 3) },
	{ .name = "ends_swap",
	  .from_local = IP4(10, 0, 0, 1), .from_peer = IP4(10, 0, 0, 2),
	  .to_local = IP4(10, 0, 0, 2), .to_peer = IP4(10, 0, 0, 1) },
};

static void addr_change_desc(const struct addr_change_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(addr_change, addr_change_cases, addr_change_desc);

/* A different address: afterwards only the new one is there */
static void addr_test_set_change(struct kunit *test)
{
	const struct addr_change_case *c = test->param_value;
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, c->from_local,
						c->from_peer), 0);
	addr_test_expect_only(test, c->from_local, c->from_peer);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, c->to_local,
						c->to_peer), 0);
	addr_test_expect_only(test, c->to_local, c->to_peer);
	KUNIT_EXPECT_TRUE(test, ctx->dev->flags & IFF_UP);
}

/* Deletes are not refused: a set of the same address adds it again */
static void addr_test_set_readds(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), 0);
	KUNIT_ASSERT_EQ(test, addr_test_user(test, RTM_DELADDR,
					     IP4(10, 0, 0, 1),
					     IP4(10, 0, 0, 2), 32), 0);
	KUNIT_ASSERT_EQ(test, addr_test_count(test), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), 0);
	addr_test_expect_only(test, IP4(10, 0, 0, 1), IP4(10, 0, 0, 2));
}

static void addr_test_clear(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_clear(ctx->dev), 0);
	KUNIT_EXPECT_EQ(test, addr_test_count(test), 0);
	KUNIT_EXPECT_TRUE(test, ipcp_neg_addr_managed(ctx->dev));
	/* Nothing left to delete */
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_clear(ctx->dev), 0);
	/* The same address after a clear is added again */
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), 0);
	addr_test_expect_only(test, IP4(10, 0, 0, 1), IP4(10, 0, 0, 2));
}

/* Other adds are refused while the link is managed, allowed afterwards */
static void addr_test_foreign_add(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_EXPECT_EQ(test, addr_test_user(test, RTM_NEWADDR,
					     IP4(192, 0, 2, 1),
					     IP4(192, 0, 2, 1), 24), -EPERM);
	KUNIT_EXPECT_STREQ(test, ctx->msg, ADDR_TEST_MSG);
	KUNIT_EXPECT_EQ(test, addr_test_count(test), 0);

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), 0);
	KUNIT_EXPECT_EQ(test, addr_test_user(test, RTM_NEWADDR,
					     IP4(10, 0, 0, 3),
					     IP4(10, 0, 0, 4), 32), -EPERM);
	KUNIT_EXPECT_STREQ(test, ctx->msg, ADDR_TEST_MSG);
	addr_test_expect_only(test, IP4(10, 0, 0, 1), IP4(10, 0, 0, 2));

	ipcp_neg_addr_unmanage(ctx->dev);
	KUNIT_EXPECT_EQ(test, addr_test_user(test, RTM_NEWADDR,
					     IP4(192, 0, 2, 1),
					     IP4(192, 0, 2, 1), 24), 0);
	KUNIT_EXPECT_STREQ(test, ctx->msg, "");
	/* Unmanaging left the negotiated address in place */
	KUNIT_EXPECT_EQ(test, addr_test_count(test), 2);
}

/* Managing one link leaves the others alone */
static void addr_test_other_link(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;
	struct net_device *other;
	struct addr_test_ifa ifa;
	int err;

	other = alloc_netdev(0, "ipcpneg%d", NET_NAME_UNKNOWN,
			     addr_test_setup);
	KUNIT_ASSERT_NOT_NULL(test, other);
	err = register_netdev(other);
	if (err)
		free_netdev(other);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_addr_managed(other));
	KUNIT_EXPECT_EQ(test, addr_test_user_dev(test, other, RTM_NEWADDR,
						 IP4(192, 0, 2, 1),
						 IP4(192, 0, 2, 1), 24), 0);
	KUNIT_EXPECT_EQ(test, addr_test_read(other, &ifa), 1);
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_set(other, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), -ENODEV);
	unregister_netdev(other);
	free_netdev(other);
}

/* Unmanage does not take the programmer's mutex: RTNL may be held */
static void addr_test_unmanage_rtnl(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	rtnl_lock();
	ipcp_neg_addr_unmanage(ctx->dev);
	rtnl_unlock();
	KUNIT_EXPECT_FALSE(test, ipcp_neg_addr_managed(ctx->dev));
}

struct addr_invalid_case {
	const char *name;
	__be32 local, peer;
};

static const struct addr_invalid_case addr_invalid_cases[] = {
	/* 0.0.0.0: the kernel would silently add nothing */
	{ "local_zero", IP4(0, 0, 0, 0), IP4(10, 0, 0, 2) },
	/* No peer address: the caller has to choose one */
	{ "peer_zero", IP4(10, 0, 0, 1), IP4(0, 0, 0, 0) },
	/* Multicast is not a host address */
	{ "local_multicast", IP4(224, 0, 0, 1), IP4(10, 0, 0, 2) },
	/* Limited broadcast is not a host address */
	{ "peer_broadcast", IP4(10, 0, 0, 1), IP4(255, 255, 255, 255) },
	/* Loopback belongs to lo */
	{ "local_loopback", IP4(127, 0, 0, 1), IP4(10, 0, 0, 2) },
	/* Both ends the same: no point-to-point link */
	{ "local_is_peer", IP4(10, 0, 0, 1), IP4(10, 0, 0, 1) },
};

static void addr_invalid_desc(const struct addr_invalid_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(addr_invalid, addr_invalid_cases, addr_invalid_desc);

static void addr_test_set_invalid(struct kunit *test)
{
	const struct addr_invalid_case *c = test->param_value;
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_set(ctx->dev, c->local, c->peer),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, addr_test_count(test), 0);
	KUNIT_EXPECT_FALSE(test, ctx->dev->flags & IFF_UP);
}

static void addr_test_not_managed(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), -ENODEV);
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_clear(ctx->dev), -ENODEV);
	KUNIT_EXPECT_EQ(test, addr_test_count(test), 0);
}

/* A link that goes away is forgotten with it */
static void addr_test_unregister(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_manage(ctx->dev), 0);
	KUNIT_ASSERT_EQ(test, ipcp_neg_addr_set(ctx->dev, IP4(10, 0, 0, 1),
						IP4(10, 0, 0, 2)), 0);
	unregister_netdev(ctx->dev);
	ctx->registered = false;
	KUNIT_EXPECT_FALSE(test, ipcp_neg_addr_managed(ctx->dev));
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_manage(ctx->dev), -ENODEV);
	KUNIT_EXPECT_FALSE(test, ipcp_neg_addr_managed(ctx->dev));
}

static void addr_test_set_mtu(struct kunit *test)
{
	struct addr_test_ctx *ctx = test->priv;

	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_set_mtu(ctx->dev, 1400), 0);
	KUNIT_EXPECT_EQ(test, ctx->dev->mtu, 1400);
	/* Below 68, IPv4 would leave the interface */
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_set_mtu(ctx->dev, 67), -EINVAL);
	KUNIT_EXPECT_EQ(test, ctx->dev->mtu, 1400);
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_set_mtu(ctx->dev, 68), 0);
	KUNIT_EXPECT_EQ(test, ctx->dev->mtu, 68);
	/* Does not fit dev_set_mtu()'s int */
	KUNIT_EXPECT_EQ(test, ipcp_neg_addr_set_mtu(ctx->dev, UINT_MAX),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ctx->dev->mtu, 68);
}

static struct kunit_case addr_test_cases[] = {
	KUNIT_CASE(addr_test_manage_not_ppp),
	KUNIT_CASE(addr_test_manage_twice),
	KUNIT_CASE(addr_test_manage_deletes),
	KUNIT_CASE(addr_test_set_adds),
	KUNIT_CASE(addr_test_set_same),
	KUNIT_CASE_PARAM(addr_test_set_change, addr_change_gen_params),
	KUNIT_CASE(addr_test_set_readds),
	KUNIT_CASE(addr_test_clear),
	KUNIT_CASE(addr_test_foreign_add),
	KUNIT_CASE(addr_test_other_link),
	KUNIT_CASE(addr_test_unmanage_rtnl),
	KUNIT_CASE_PARAM(addr_test_set_invalid, addr_invalid_gen_params),
	KUNIT_CASE(addr_test_not_managed),
	KUNIT_CASE(addr_test_unregister),
	KUNIT_CASE(addr_test_set_mtu),
	{}
};

static struct kunit_suite addr_test_suite = {
	.name = "ipcp_neg_addr",
	.init = addr_test_init,
	.exit = addr_test_exit,
	.test_cases = addr_test_cases,
};

kunit_test_suite(addr_test_suite);
