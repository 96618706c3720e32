// SPDX-License-Identifier: GPL-2.0
/*
 * The control device /dev/ipcp_neg: the ioctl ABI of ipcp_neg.h, mapped
 * onto links (link.h) and pools (addr_pool.h).
 *
 * Every ioctl acts in the caller's network namespace and needs
 * CAP_NET_ADMIN over it. Structures are checked before use: reserved fields
 * zero, names NUL-terminated, flags and enums in range.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/build_bug.h>
#include <linux/capability.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/nsproxy.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <net/net_namespace.h>

#include <ipcp_neg.h>

#include "addr_pool.h"
#include "link.h"
#include "pool_sysfs.h"

/* The ABI's size did not change when LCP's options took reserved space */
static_assert(sizeof(struct ipcp_neg_create) == 112);

static bool ctl_zero(const void *p, size_t len)
{
	return !memchr_inv(p, 0, len);
}

static bool ctl_name_ok(const char *name, size_t size)
{
	return memchr(name, '\0', size);
}

static int ctl_conf(const struct ipcp_neg_create *cr,
		    struct ipcp_neg_link_conf *c)
{
	if (!ctl_zero(cr->reserved, sizeof(cr->reserved)) ||
	    cr->id || cr->lower_chan || cr->upper_chan || cr->reserved_out ||
	    cr->role > IPCP_NEG_ROLE_CLIENT ||
	    cr->flags & ~IPCP_NEG_F_ALL ||
	    cr->pool_empty > IPCP_NEG_POOL_EMPTY_TERM ||
	    cr->lcp_flags & ~IPCP_NEG_LCP_F_ALL ||
	    cr->mru > IPCP_NEG_MRU_MAX ||
	    !ctl_name_ok(cr->pool, sizeof(cr->pool)))
		return -EINVAL;
	memset(c, 0, sizeof(*c));
	c->role = cr->role == IPCP_NEG_ROLE_SERVER ? IPCP_NEG_IPCP_SERVER :
		  IPCP_NEG_IPCP_CLIENT;
	c->pool_empty = cr->pool_empty == IPCP_NEG_POOL_EMPTY_TERM ?
			IPCP_NEG_POOL_EMPTY_TERMINATE :
			IPCP_NEG_POOL_EMPTY_IPCP_CLOSE;
	c->forced = cr->flags & IPCP_NEG_F_FORCED;
	c->req_dns = cr->flags & IPCP_NEG_F_REQ_DNS;
	c->req_nbns = cr->flags & IPCP_NEG_F_REQ_NBNS;
	c->local = cr->local;
	c->remote = cr->remote;
	c->srv[IPCP_NEG_IPCP_O_DNS1] = cr->dns[0];
	c->srv[IPCP_NEG_IPCP_O_DNS2] = cr->dns[1];
	c->srv[IPCP_NEG_IPCP_O_NBNS1] = cr->nbns[0];
	c->srv[IPCP_NEG_IPCP_O_NBNS2] = cr->nbns[1];
	strscpy(c->pool, cr->pool, sizeof(c->pool));
	c->lcp.mru = cr->mru;
	c->lcp.accm = cr->asyncmap;
	c->lcp.default_accm = cr->lcp_flags & IPCP_NEG_LCP_F_DEFAULT_ASYNCMAP;
	c->lcp.no_pcomp = cr->lcp_flags & IPCP_NEG_LCP_F_NO_PCOMP;
	c->lcp.no_accomp = cr->lcp_flags & IPCP_NEG_LCP_F_NO_ACCOMP;
	return 0;
}

static int ctl_create(struct file *file, struct net *net, void __user *argp)
{
	struct ipcp_neg_link_conf conf;
	struct ipcp_neg_create cr;
	int lower, upper, err;
	u32 id;

	if (copy_from_user(&cr, argp, sizeof(cr)))
		return -EFAULT;
	err = ctl_conf(&cr, &conf);
	if (err)
		return err;
	err = ipcp_neg_link_create(net, &conf, file, &id, &lower, &upper);
	if (err)
		return err;
	cr.id = id;
	cr.lower_chan = lower;
	cr.upper_chan = upper;
	if (copy_to_user(argp, &cr, sizeof(cr)))
		return -EFAULT;	/* the link goes when @file is closed */
	return 0;
}

static void ctl_put_files(struct file *files[IPCP_NEG_LINK_NFILES])
{
	int i;

	for (i = 0; i < IPCP_NEG_LINK_NFILES; i++)
		if (files[i])
			fput(files[i]);
}

/* fget() every descriptor; only the transport's may be -1 */
static int ctl_get_files(const struct ipcp_neg_attach *at,
			 struct file *files[IPCP_NEG_LINK_NFILES])
{
	const int fds[IPCP_NEG_LINK_NFILES] = {
		[IPCP_NEG_LINK_TRANSPORT] = at->transport_fd,
		[IPCP_NEG_LINK_BRIDGE] = at->bridge_fd,
		[IPCP_NEG_LINK_UNIT] = at->unit_fd,
		[IPCP_NEG_LINK_UPPER] = at->upper_fd,
	};
	int i;

	for (i = 0; i < IPCP_NEG_LINK_NFILES; i++) {
		files[i] = NULL;
		if (i == IPCP_NEG_LINK_TRANSPORT && fds[i] == -1)
			continue;
		files[i] = fget(fds[i]);
		if (!files[i]) {
			ctl_put_files(files);
			return -EBADF;
		}
	}
	return 0;
}

static int ctl_attach(struct file *file, struct net *net, void __user *argp)
{
	struct file *files[IPCP_NEG_LINK_NFILES];
	struct ipcp_neg_attach at;
	int err;

	if (copy_from_user(&at, argp, sizeof(at)))
		return -EFAULT;
	if (!ctl_zero(at.reserved, sizeof(at.reserved)) ||
	    !ctl_zero(at.ifname, sizeof(at.ifname)) || !at.id)
		return -EINVAL;
	err = ctl_get_files(&at, files);
	if (err)
		return err;
	err = ipcp_neg_link_attach(net, at.id, file, files, at.ifname);
	if (err) {
		ctl_put_files(files);
		return err;
	}
	if (copy_to_user(argp, &at, sizeof(at)))
		return -EFAULT;
	return 0;
}

static int ctl_ref(struct ipcp_neg_ref *ref, void __user *argp)
{
	if (copy_from_user(ref, argp, sizeof(*ref)))
		return -EFAULT;
	if (!ctl_zero(ref->reserved, sizeof(ref->reserved)) ||
	    !ctl_name_ok(ref->ifname, sizeof(ref->ifname)) ||
	    (!ref->id && !ref->ifname[0]))
		return -EINVAL;
	return 0;
}

static int ctl_detach(struct net *net, void __user *argp, bool renegotiate)
{
	struct ipcp_neg_ref ref;
	int err;

	err = ctl_ref(&ref, argp);
	if (err)
		return err;
	if (renegotiate)
		return ipcp_neg_link_renegotiate(net, ref.id, ref.ifname);
	return ipcp_neg_link_detach(net, ref.id, ref.ifname);
}

static int ctl_status(struct net *net, void __user *argp)
{
	struct ipcp_neg_link_status st;
	struct ipcp_neg_status out;
	struct ipcp_neg_ref ref;
	int err;

	err = ctl_ref(&ref, argp);
	if (err)
		return err;
	err = ipcp_neg_link_status(net, ref.id, ref.ifname, &st);
	if (err)
		return err;
	memset(&out, 0, sizeof(out));
	out.ref = ref;
	out.id = st.id;
	out.role = st.role == IPCP_NEG_IPCP_SERVER ? IPCP_NEG_ROLE_SERVER :
		   IPCP_NEG_ROLE_CLIENT;
	out.lcp_state = st.lcp_state;
	out.ipcp_state = st.ipcp_state;
	out.local = st.local;
	out.peer = st.peer;
	out.dns[0] = st.srv[IPCP_NEG_IPCP_O_DNS1];
	out.dns[1] = st.srv[IPCP_NEG_IPCP_O_DNS2];
	out.nbns[0] = st.srv[IPCP_NEG_IPCP_O_NBNS1];
	out.nbns[1] = st.srv[IPCP_NEG_IPCP_O_NBNS2];
	out.rx_dropped = st.rx_dropped;
	out.tx_dropped = st.tx_dropped;
	strscpy(out.ifname, st.ifname, sizeof(out.ifname));
	return copy_to_user(argp, &out, sizeof(out)) ? -EFAULT : 0;
}

static int ctl_pool_req(struct ipcp_neg_pool_req *req, void __user *argp)
{
	if (copy_from_user(req, argp, sizeof(*req)))
		return -EFAULT;
	if (!ctl_zero(req->reserved, sizeof(req->reserved)) ||
	    !ctl_name_ok(req->name, sizeof(req->name)) ||
	    !ctl_name_ok(req->next, sizeof(req->next)))
		return -EINVAL;
	return 0;
}

static int ctl_pool_next(struct net *net, struct ipcp_neg_pool *p,
			 const char *name)
{
	struct ipcp_neg_pool *next;
	int err;

	if (!name[0])
		return 0;
	next = ipcp_neg_pool_get(net, name);
	if (!next)
		return -ENOENT;
	err = ipcp_neg_pool_set_next(p, next);
	ipcp_neg_pool_put(next);
	return err;
}

/* Add a range to a pool, creating the pool if needed (and deleting it
 * again if that first range is refused, unless someone deleted it and
 * made another of that name meanwhile); creating and deleting go through
 * pool_sysfs.h, so the pool's sysfs directory comes and goes with it
 */
static int ctl_pool_add(struct net *net, void __user *argp)
{
	struct ipcp_neg_pool_req req;
	struct ipcp_neg_pool *p;
	bool created = false;
	int err;

	err = ctl_pool_req(&req, argp);
	if (err)
		return err;
	p = ipcp_neg_pool_get(net, req.name);
	if (!p) {
		p = ipcp_neg_pool_sysfs_create(net, req.name);
		if (IS_ERR(p))
			return PTR_ERR(p);
		created = true;
	}
	err = ipcp_neg_pool_add_range(p, req.first, req.last);
	if (!err)
		err = ctl_pool_next(net, p, req.next);
	if (err && created)
		ipcp_neg_pool_sysfs_delete_pool(net, p);
	ipcp_neg_pool_put(p);
	return err;
}

static int ctl_pool_del(struct net *net, void __user *argp)
{
	struct ipcp_neg_pool_req req;
	int err;

	err = ctl_pool_req(&req, argp);
	if (err)
		return err;
	if (req.next[0] || req.first || req.last)
		return -EINVAL;
	return ipcp_neg_pool_sysfs_delete(net, req.name);
}

static long ctl_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	struct net *net = current->nsproxy->net_ns;
	void __user *argp = (void __user *)arg;

	if (!ns_capable(net->user_ns, CAP_NET_ADMIN))
		return -EPERM;
	switch (cmd) {
	case IPCP_NEG_IOC_CREATE:
		return ctl_create(file, net, argp);
	case IPCP_NEG_IOC_ATTACH:
		return ctl_attach(file, net, argp);
	case IPCP_NEG_IOC_DETACH:
		return ctl_detach(net, argp, false);
	case IPCP_NEG_IOC_RENEGOTIATE:
		return ctl_detach(net, argp, true);
	case IPCP_NEG_IOC_STATUS:
		return ctl_status(net, argp);
	case IPCP_NEG_IOC_POOL_ADD:
		return ctl_pool_add(net, argp);
	case IPCP_NEG_IOC_POOL_DEL:
		return ctl_pool_del(net, argp);
	}
	return -ENOTTY;
}

static int ctl_release(struct inode *inode, struct file *file)
{
	ipcp_neg_link_release_owner(file);
	return 0;
}

static const struct file_operations ctl_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = ctl_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.release = ctl_release,
	.llseek = noop_llseek,
};

static struct miscdevice ctl_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ipcp_neg",
	.fops = &ctl_fops,
	.mode = 0600,
};

/**
 * ipcp_neg_ctl_init - register /dev/ipcp_neg
 *
 * Return: 0 or the misc device registration's error.
 */
int ipcp_neg_ctl_init(void)
{
	return misc_register(&ctl_dev);
}

/**
 * ipcp_neg_ctl_exit - unregister /dev/ipcp_neg
 *
 * An open control file holds the module, so no ioctl runs after this.
 */
void ipcp_neg_ctl_exit(void)
{
	misc_deregister(&ctl_dev);
}
