// SPDX-License-Identifier: GPL-2.0
/*
 * Attach's checks of the files user space hands over (ipcp_neg.h): that
 * the transport is a tty or a connected PPPoX socket, that the bridge,
 * the unit and UPPER's /dev/ppp files are attached to what they should
 * be, and which unit UPPER is connected to, and what kind of transport it
 * is (for LCP, lcp_policy.c). Files are compared by what ppp_generic keeps
 * in them, never dereferenced.
 */

#include <linux/fs.h>
#include <linux/if_arp.h>
#include <linux/if_pppox.h>
#include <linux/minmax.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/rcupdate.h>

#include "compat.h"
#include "lcp_policy.h"
#include "link_int.h"

/* /dev/ppp's major number (ppp_generic.c keeps its define to itself) */
#define LINK_PPP_MAJOR		108

static bool link_is_ppp_file(struct file *f)
{
	struct inode *inode = f ? file_inode(f) : NULL;

	return inode && S_ISCHR(inode->i_mode) && imajor(inode) == LINK_PPP_MAJOR;
}

/*
 * What ppp_generic keeps in an attached /dev/ppp file's private_data: the
 * struct ppp_file that is the first member of the unit's struct ppp (so
 * netdev_priv() of the unit) or of a channel's struct channel (so the
 * ppp_channel's ->ppp). Set once by PPPIOCNEWUNIT, PPPIOCATTACH or
 * PPPIOCATTCHAN, never changed while the file is open (6.1 to 6.12);
 * only compared, never dereferenced. NULL for an unattached file.
 */
static const void *link_ppp_file_of(struct file *f)
{
	return link_is_ppp_file(f) ? READ_ONCE(f->private_data) : NULL;
}

/* A PPPoX channel's mtu (pppoe.c: the device's MTU - 8) as a limit */
static u16 link_pppox_mtu(struct sock *sk)
{
	int mtu = READ_ONCE(pppox_sk(sk)->chan.mtu);

	return clamp_t(int, mtu, IPCP_NEG_MIN_MRU, U16_MAX);
}

/*
 * The transport: none, a PPPoX socket (its channel's ppp_file in @chan),
 * or a character device other than /dev/ppp (a tty with the PPP line
 * discipline; ppp_async exports nothing that would tell its channel).
 * Its kind, and a PPPoX channel's mtu, in @t.
 */
static int link_check_transport(struct file *f, const void **chan,
				struct ipcp_neg_transport_info *t)
{
	struct socket *sock;

	*chan = NULL;
	memset(t, 0, sizeof(*t));
	if (!f)
		return 0;
	sock = sock_from_file(f);
	if (sock) {
		if (!sock->sk || sock->sk->sk_family != AF_PPPOX)
			return -ENOTTY;
		*chan = READ_ONCE(pppox_sk(sock->sk)->chan.ppp);
		t->kind = IPCP_NEG_TRANSPORT_PPPOX;
		t->mtu = link_pppox_mtu(sock->sk);
		return *chan ? 0 : -ENOTCONN;
	}
	if (!S_ISCHR(file_inode(f)->i_mode) || link_is_ppp_file(f))
		return -ENOTTY;
	t->kind = IPCP_NEG_TRANSPORT_ASYNC;
	return 0;
}

/*
 * The unit whose /dev/ppp file @unit is, in the link's namespace, found by
 * identity, not by name: held, or NULL
 */
static struct net_device *link_unit_dev(struct ipcp_neg_link *link,
					const void *unit)
{
	struct net_device *dev, *found = NULL;

	rcu_read_lock();
	for_each_netdev_rcu(link->net, dev) {
		if (dev->type == ARPHRD_PPP && netdev_priv(dev) == unit) {
			dev_hold(dev);
			found = dev;
			break;
		}
	}
	rcu_read_unlock();
	return found;
}

/**
 * ipcp_neg_link_check_files - do attach's files belong together?
 * @link: the link being attached
 * @files: the files, enum ipcp_neg_link_file
 * @t: out: the transport's kind and limit (lcp_policy.h)
 *
 * UPPER's file is attached to UPPER, the
 * unit's file is a unit of the link's namespace that UPPER is connected
 * to, the bridge's file is attached to a channel that is none of these
 * (for a PPPoX transport: the socket's own channel).
 *
 * Return: the unit, held, or an ERR_PTR: -ENOTTY (the transport is neither
 * a tty nor a PPPoX socket), -EBADFD (a file is not what it should be),
 * -ENODEV (no such unit here), -ENOTCONN (UPPER not connected to that
 * unit, or the PPPoX socket not connected).
 */
struct net_device *
ipcp_neg_link_check_files(struct ipcp_neg_link *link,
			  struct file *files[IPCP_NEG_LINK_NFILES],
			  struct ipcp_neg_transport_info *t)
{
	const void *bridge = link_ppp_file_of(files[IPCP_NEG_LINK_BRIDGE]);
	const void *unit = link_ppp_file_of(files[IPCP_NEG_LINK_UNIT]);
	const void *chan;
	struct net_device *dev;
	int err;

	err = link_check_transport(files[IPCP_NEG_LINK_TRANSPORT], &chan, t);
	if (err)
		return ERR_PTR(err);
	if (!bridge || !unit ||
	    link_ppp_file_of(files[IPCP_NEG_LINK_UPPER]) != link->upper.ppp ||
	    bridge == link->upper.ppp || bridge == link->lower.ppp ||
	    bridge == unit || (chan && bridge != chan))
		return ERR_PTR(-EBADFD);
	dev = link_unit_dev(link, unit);
	if (!dev)
		return ERR_PTR(-ENODEV);
	/* the name's address, not its bytes: is UPPER's unit @dev? */
	if (ppp_dev_name(&link->upper) != dev->name) {
		dev_put(dev);
		return ERR_PTR(-ENOTCONN);
	}
	return dev;
}
