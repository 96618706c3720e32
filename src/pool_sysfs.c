// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/ipcp_neg/pools/: the address pools in sysfs.
 *
 * pools/ is a kset whose children are tagged with their network namespace,
 * as the devices of /sys/class/net are: a sysfs mount shows only the pools
 * of the namespace it was mounted in. Each namespace also has its own two
 * write-only files pools/create and pools/delete, added by the pernet init
 * method and tagged the same way.
 *
 * Locking: pool_sysfs_mutex serialises creating and deleting pools together
 * with their directories, and protects each namespace's list of directories.
 * The methods of a pool's own files never take it: removing a directory
 * under the mutex waits for those methods to return.
 *
 * Lifetime: a directory holds a reference to its pool from creation until
 * its kobject is released; the pool's configuration reference is dropped
 * by ipcp_neg_pool_delete() or ipcp_neg_pool_cleanup_net() when the
 * directory goes.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/capability.h>
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/inet.h>
#include <linux/kobject.h>
#include <linux/kstrtox.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <net/net_namespace.h>
#include <net/netns/generic.h>
#include <kunit/visibility.h>

#include "compat.h"
#include "addr_pool.h"
#include "pool_sysfs.h"

/* Longest line a range is written as: "255.255.255.255-255.255.255.255" */
#define POOL_SYSFS_RANGE_SIZE	40

/**
 * struct pool_sysfs_net - the pools' sysfs state of one network namespace
 * @net: the namespace
 * @create: its pools/create file
 * @delete: its pools/delete file
 * @dirs: its pools' directories (struct pool_dir.node); protected by
 *	pool_sysfs_mutex
 */
struct pool_sysfs_net {
	struct net *net;
	struct kobj_attribute create;
	struct kobj_attribute delete;
	struct list_head dirs;
};

/**
 * struct pool_dir - the directory pools/<name>/ of one pool
 * @kobj: the directory, tagged with @net
 * @node: entry in the namespace's list of directories; protected by
 *	pool_sysfs_mutex
 * @pool: the pool; the directory holds a reference until its release
 * @net: the pool's namespace; the directory is removed before it exits
 */
struct pool_dir {
	struct kobject kobj;
	struct list_head node;
	struct ipcp_neg_pool *pool;
	struct net *net;
};

static unsigned int pool_sysfs_net_id;
/* Serialises pool create and delete with their directories */
static DEFINE_MUTEX(pool_sysfs_mutex);
/* /sys/kernel/ipcp_neg/ and /sys/kernel/ipcp_neg/pools/ */
static struct kobject *ipcp_neg_kobj;
static struct kset *pools_kset;
/*
 * The namespace whose pools/create and pools/delete are being added, for
 * pools/'s get_ownership method; protected by pool_sysfs_mutex
 */
static struct net *pools_files_net;

/* Names of the files of pools/, which no pool may take */
static const char * const pool_sysfs_reserved[] = { "create", "delete" };

/* const: the kobj_type methods get a const kobject from 6.2 on (compat.h) */
static struct pool_dir *to_pool_dir(const struct kobject *kobj)
{
	return container_of(kobj, struct pool_dir, kobj);
}

/*
 * Copy what was written to a file, without one trailing newline, as a
 * string into @out. -EINVAL if it does not fit or holds a NUL.
 */
static int pool_sysfs_line(const char *buf, size_t count, char *out,
			   size_t size)
{
	if (count && buf[count - 1] == '\n')
		count--;
	if (count >= size || memchr(buf, '\0', count))
		return -EINVAL;
	memcpy(out, buf, count);
	out[count] = '\0';
	return 0;
}

static bool pool_sysfs_may(struct net *net)
{
	return ns_capable(net->user_ns, CAP_NET_ADMIN);
}

/* ---- pools/<name>/ ---- */

static ssize_t ranges_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	struct ipcp_neg_pool *p = to_pool_dir(kobj)->pool;
	__be32 first, last;
	unsigned int i;
	int len = 0;

	for (i = 0; !ipcp_neg_pool_range(p, i, &first, &last); i++)
		len += sysfs_emit_at(buf, len, "%pI4-%pI4\n", &first, &last);
	return len;
}

/* An IPv4 address in dotted quad, the whole string */
static int pool_parse_addr(const char *s, __be32 *addr)
{
	const char *end;

	if (!in4_pton(s, -1, (u8 *)addr, -1, &end) || *end)
		return -EINVAL;
	return 0;
}

/* Add the range "FIRST-LAST" or "ADDR/PLEN" in @s to @p */
static int pool_add_parsed(struct ipcp_neg_pool *p, char *s)
{
	char *sep = strpbrk(s, "-/");
	__be32 first, last;
	bool prefix;
	u8 plen;
	int err;

	if (!sep)
		return -EINVAL;
	prefix = *sep == '/';
	*sep++ = '\0';
	err = pool_parse_addr(s, &first);
	if (err)
		return err;
	if (prefix) {
		/* kstrtou8() takes a sign and a newline; neither is wanted */
		if (!isdigit(*sep) || kstrtou8(sep, 10, &plen))
			return -EINVAL;
		return ipcp_neg_pool_add_prefix(p, first, plen);
	}
	err = pool_parse_addr(sep, &last);
	if (err)
		return err;
	return ipcp_neg_pool_add_range(p, first, last);
}

static ssize_t ranges_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	struct pool_dir *d = to_pool_dir(kobj);
	char line[POOL_SYSFS_RANGE_SIZE];
	int err;

	if (!pool_sysfs_may(d->net))
		return -EPERM;
	err = pool_sysfs_line(buf, count, line, sizeof(line));
	if (!err)
		err = pool_add_parsed(d->pool, line);
	return err ?: count;
}

static ssize_t next_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	struct ipcp_neg_pool *next;
	ssize_t len;

	next = ipcp_neg_pool_get_next(to_pool_dir(kobj)->pool);
	len = sysfs_emit(buf, "%s\n", next ? ipcp_neg_pool_name(next) : "");
	ipcp_neg_pool_put(next);
	return len;
}

/* Make the pool called @name, "" for none, @p's next pool */
static int pool_set_next_name(struct pool_dir *d, const char *name)
{
	struct ipcp_neg_pool *next;
	int err;

	if (!name[0])
		return ipcp_neg_pool_set_next(d->pool, NULL);
	next = ipcp_neg_pool_get(d->net, name);
	if (!next)
		return -ENOENT;
	err = ipcp_neg_pool_set_next(d->pool, next);
	ipcp_neg_pool_put(next);
	return err;
}

static ssize_t next_store(struct kobject *kobj, struct kobj_attribute *attr,
			  const char *buf, size_t count)
{
	struct pool_dir *d = to_pool_dir(kobj);
	char name[IPCP_NEG_POOL_NAME_SIZE];
	int err;

	if (!pool_sysfs_may(d->net))
		return -EPERM;
	err = pool_sysfs_line(buf, count, name, sizeof(name));
	if (!err)
		err = pool_set_next_name(d, name);
	return err ?: count;
}

static ssize_t total_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	u32 total, used;

	ipcp_neg_pool_usage(to_pool_dir(kobj)->pool, &total, &used);
	return sysfs_emit(buf, "%u\n", total);
}

static ssize_t used_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	u32 total, used;

	ipcp_neg_pool_usage(to_pool_dir(kobj)->pool, &total, &used);
	return sysfs_emit(buf, "%u\n", used);
}

static ssize_t free_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	u32 total, used;

	ipcp_neg_pool_usage(to_pool_dir(kobj)->pool, &total, &used);
	return sysfs_emit(buf, "%u\n", total - used);
}

static ssize_t memory_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	return sysfs_emit(buf, "%zu\n",
			  ipcp_neg_pool_mem(to_pool_dir(kobj)->pool));
}

static struct kobj_attribute pool_attr_ranges = __ATTR_RW(ranges);
static struct kobj_attribute pool_attr_next = __ATTR_RW(next);
static struct kobj_attribute pool_attr_total = __ATTR_RO(total);
static struct kobj_attribute pool_attr_used = __ATTR_RO(used);
static struct kobj_attribute pool_attr_free = __ATTR_RO(free);
static struct kobj_attribute pool_attr_memory = __ATTR_RO(memory);

static struct attribute *pool_attrs[] = {
	&pool_attr_ranges.attr,
	&pool_attr_next.attr,
	&pool_attr_total.attr,
	&pool_attr_used.attr,
	&pool_attr_free.attr,
	&pool_attr_memory.attr,
	NULL
};
ATTRIBUTE_GROUPS(pool);

static void pool_dir_release(struct kobject *kobj)
{
	struct pool_dir *d = to_pool_dir(kobj);

	ipcp_neg_pool_put(d->pool);
	kfree(d);
}

static const void *
pool_dir_namespace(IPCP_NEG_KOBJ_CONST struct kobject *kobj)
{
	return to_pool_dir(kobj)->net;
}

/* Root of the namespace's user namespace owns the files */
static void pool_dir_get_ownership(IPCP_NEG_KOBJ_CONST struct kobject *kobj,
				   kuid_t *uid, kgid_t *gid)
{
	net_ns_get_ownership(to_pool_dir(kobj)->net, uid, gid);
}

static const struct kobj_type pool_dir_ktype = {
	.release = pool_dir_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = pool_groups,
	.namespace = pool_dir_namespace,
	.get_ownership = pool_dir_get_ownership,
};

/* ---- creating and deleting a pool with its directory ---- */

static bool pool_name_reserved(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(pool_sysfs_reserved); i++)
		if (!strcmp(name, pool_sysfs_reserved[i]))
			return true;
	return false;
}

/* Add @p's directory in @net's list; @p gets a reference for it */
static int pool_dir_add(struct net *net, struct ipcp_neg_pool *p)
{
	struct pool_sysfs_net *pn = net_generic(net, pool_sysfs_net_id);
	struct pool_dir *d;
	int err;

	lockdep_assert_held(&pool_sysfs_mutex);
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	ipcp_neg_pool_hold(p);
	d->pool = p;
	d->net = net;
	d->kobj.kset = pools_kset;
	err = kobject_init_and_add(&d->kobj, &pool_dir_ktype, NULL, "%s",
				   ipcp_neg_pool_name(p));
	if (err) {
		kobject_put(&d->kobj);
		return err;
	}
	list_add_tail(&d->node, &pn->dirs);
	return 0;
}

/* Remove a directory; the methods of its files have returned after this */
static void pool_dir_remove(struct pool_dir *d)
{
	lockdep_assert_held(&pool_sysfs_mutex);
	list_del(&d->node);
	kobject_del(&d->kobj);
	kobject_put(&d->kobj);
}

static struct pool_dir *pool_dir_find(struct net *net, const char *name)
{
	struct pool_sysfs_net *pn = net_generic(net, pool_sysfs_net_id);
	struct pool_dir *d;

	lockdep_assert_held(&pool_sysfs_mutex);
	list_for_each_entry(d, &pn->dirs, node)
		if (!strcmp(ipcp_neg_pool_name(d->pool), name))
			return d;
	return NULL;
}

/**
 * ipcp_neg_pool_sysfs_create - create an empty pool and its sysfs directory
 * @net: the namespace
 * @name: as for ipcp_neg_pool_create(), and neither "create" nor "delete"
 *
 * Context: process context, sleeps.
 * Return: the pool with a reference for the caller, to be dropped with
 * ipcp_neg_pool_put(); ERR_PTR(-EINVAL) for a bad name, ERR_PTR(-EEXIST) if
 * @net has a pool called @name, ERR_PTR(-ENOMEM) or the error of adding the
 * directory (the pool is then not created).
 */
struct ipcp_neg_pool *ipcp_neg_pool_sysfs_create(struct net *net,
						 const char *name)
{
	struct ipcp_neg_pool *p;
	int err;

	if (!name || pool_name_reserved(name))
		return ERR_PTR(-EINVAL);
	mutex_lock(&pool_sysfs_mutex);
	p = ipcp_neg_pool_create(net, name);
	if (!IS_ERR(p)) {
		err = pool_dir_add(net, p);
		if (err) {
			ipcp_neg_pool_delete(net, name);
			ipcp_neg_pool_put(p);
			p = ERR_PTR(err);
		}
	}
	mutex_unlock(&pool_sysfs_mutex);
	return p;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_sysfs_create);

/* Delete @name, if @only is NULL or the pool named so is @only */
static int pool_sysfs_delete(struct net *net, const char *name,
			     const struct ipcp_neg_pool *only)
{
	struct ipcp_neg_pool *p;
	struct pool_dir *d;
	int err;

	mutex_lock(&pool_sysfs_mutex);
	err = -ENOENT;
	if (only) {
		p = ipcp_neg_pool_get(net, name);
		ipcp_neg_pool_put(p);
		if (p != only)
			goto out;
	}
	err = ipcp_neg_pool_delete(net, name);
	if (!err) {
		d = pool_dir_find(net, name);
		if (d)
			pool_dir_remove(d);
	}
out:
	mutex_unlock(&pool_sysfs_mutex);
	return err;
}

/**
 * ipcp_neg_pool_sysfs_delete - delete a pool and remove its sysfs directory
 * @net: the namespace
 * @name: the pool's name
 *
 * As ipcp_neg_pool_delete(): leased addresses stay leased until released.
 * The directory is gone when this returns.
 *
 * Context: process context, sleeps.
 * Return: as ipcp_neg_pool_delete(): 0, -EINVAL or -ENOENT.
 */
int ipcp_neg_pool_sysfs_delete(struct net *net, const char *name)
{
	return pool_sysfs_delete(net, name, NULL);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_sysfs_delete);

/**
 * ipcp_neg_pool_sysfs_delete_pool - delete a pool, if it is still named
 * @net: its namespace
 * @p: the pool (a reference the caller keeps)
 *
 * As ipcp_neg_pool_sysfs_delete() of @p's name, but only while that name
 * is @p's: a pool of the same name that someone else created after @p was
 * deleted stays. For undoing a creation that failed half-way.
 *
 * Context: process context, sleeps.
 * Return: 0, or -ENOENT if @p is no longer the pool of that name.
 */
int ipcp_neg_pool_sysfs_delete_pool(struct net *net, struct ipcp_neg_pool *p)
{
	return pool_sysfs_delete(net, ipcp_neg_pool_name(p), p);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_pool_sysfs_delete_pool);

/* ---- pools/create and pools/delete, one pair per namespace ---- */

static ssize_t create_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	struct pool_sysfs_net *pn = container_of(attr, struct pool_sysfs_net,
						 create);
	char name[IPCP_NEG_POOL_NAME_SIZE];
	struct ipcp_neg_pool *p;
	int err;

	if (!pool_sysfs_may(pn->net))
		return -EPERM;
	err = pool_sysfs_line(buf, count, name, sizeof(name));
	if (err)
		return err;
	p = ipcp_neg_pool_sysfs_create(pn->net, name);
	if (IS_ERR(p))
		return PTR_ERR(p);
	ipcp_neg_pool_put(p);
	return count;
}

static ssize_t delete_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	struct pool_sysfs_net *pn = container_of(attr, struct pool_sysfs_net,
						 delete);
	char name[IPCP_NEG_POOL_NAME_SIZE];
	int err;

	if (!pool_sysfs_may(pn->net))
		return -EPERM;
	err = pool_sysfs_line(buf, count, name, sizeof(name));
	if (!err)
		err = ipcp_neg_pool_sysfs_delete(pn->net, name);
	return err ?: count;
}

static const struct kobj_attribute pools_attr_create = __ATTR_WO(create);
static const struct kobj_attribute pools_attr_delete = __ATTR_WO(delete);

static int __net_init pool_sysfs_net_init(struct net *net)
{
	struct pool_sysfs_net *pn = net_generic(net, pool_sysfs_net_id);
	int err;

	pn->net = net;
	INIT_LIST_HEAD(&pn->dirs);
	pn->create = pools_attr_create;
	sysfs_attr_init(&pn->create.attr);
	pn->delete = pools_attr_delete;
	sysfs_attr_init(&pn->delete.attr);
	mutex_lock(&pool_sysfs_mutex);
	pools_files_net = net;
	err = sysfs_create_file_ns(&pools_kset->kobj, &pn->create.attr, net);
	if (!err) {
		err = sysfs_create_file_ns(&pools_kset->kobj, &pn->delete.attr,
					   net);
		if (err)
			sysfs_remove_file_ns(&pools_kset->kobj,
					     &pn->create.attr, net);
	}
	pools_files_net = NULL;
	mutex_unlock(&pool_sysfs_mutex);
	return err;
}

/*
 * The one place that orders a namespace's pool teardown: first the files
 * (waiting for create and delete writes in flight), then the directories,
 * then the pools themselves.
 */
static void __net_exit pool_sysfs_net_exit(struct net *net)
{
	struct pool_sysfs_net *pn = net_generic(net, pool_sysfs_net_id);
	struct pool_dir *d, *tmp;

	sysfs_remove_file_ns(&pools_kset->kobj, &pn->delete.attr, net);
	sysfs_remove_file_ns(&pools_kset->kobj, &pn->create.attr, net);
	mutex_lock(&pool_sysfs_mutex);
	list_for_each_entry_safe(d, tmp, &pn->dirs, node)
		pool_dir_remove(d);
	mutex_unlock(&pool_sysfs_mutex);
	ipcp_neg_pool_cleanup_net(net);
}

static struct pernet_operations pool_sysfs_net_ops = {
	.init = pool_sysfs_net_init,
	.exit = pool_sysfs_net_exit,
	.id = &pool_sysfs_net_id,
	.size = sizeof(struct pool_sysfs_net),
};

/* ---- pools/ itself ---- */

static const struct kobj_ns_type_operations *
pools_child_ns_type(IPCP_NEG_KOBJ_CONST struct kobject *kobj)
{
	return &net_ns_type_operations;
}

/*
 * sysfs_create_file_ns() takes a file's owner from its directory's kobject:
 * a namespace's create and delete files belong to the root of the user
 * namespace that owns it, pools/ itself to the global root.
 */
static void pools_get_ownership(IPCP_NEG_KOBJ_CONST struct kobject *kobj,
				kuid_t *uid, kgid_t *gid)
{
	struct net *net = READ_ONCE(pools_files_net);

	if (net)
		net_ns_get_ownership(net, uid, gid);
}

static void pools_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct kset, kobj));
}

static const struct kobj_type pools_ktype = {
	.release = pools_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.child_ns_type = pools_child_ns_type,
	.get_ownership = pools_get_ownership,
};

static struct kset *pools_kset_create(struct kobject *parent)
{
	struct kset *k;
	int err;

	k = kzalloc(sizeof(*k), GFP_KERNEL);
	if (!k)
		return ERR_PTR(-ENOMEM);
	err = kobject_set_name(&k->kobj, "pools");
	if (err) {
		kfree(k);
		return ERR_PTR(err);
	}
	k->kobj.parent = parent;
	k->kobj.ktype = &pools_ktype;
	err = kset_register(k);
	if (err) {
		kset_put(k);
		return ERR_PTR(err);
	}
	return k;
}

/**
 * ipcp_neg_pool_sysfs_init - add /sys/kernel/ipcp_neg/pools/
 *
 * Adds /sys/kernel/ipcp_neg/, pools/ and, through a pernet subsystem,
 * every namespace's pools/create and pools/delete.
 *
 * Context: module init.
 * Return: 0 or a negative errno.
 */
int ipcp_neg_pool_sysfs_init(void)
{
	int err;

	ipcp_neg_kobj = kobject_create_and_add("ipcp_neg", kernel_kobj);
	if (!ipcp_neg_kobj)
		return -ENOMEM;
	pools_kset = pools_kset_create(ipcp_neg_kobj);
	if (IS_ERR(pools_kset)) {
		err = PTR_ERR(pools_kset);
		goto err_kset;
	}
	err = register_pernet_subsys(&pool_sysfs_net_ops);
	if (err)
		goto err_pernet;
	return 0;

err_pernet:
	kset_unregister(pools_kset);
err_kset:
	kobject_put(ipcp_neg_kobj);
	return err;
}

/**
 * ipcp_neg_pool_sysfs_exit - remove /sys/kernel/ipcp_neg/
 *
 * Every namespace's pernet exit runs: its files and pool directories go and
 * its pools are deleted (a pool still leased lives on until released).
 *
 * Context: module exit.
 */
void ipcp_neg_pool_sysfs_exit(void)
{
	unregister_pernet_subsys(&pool_sysfs_net_ops);
	kset_unregister(pools_kset);
	kobject_put(ipcp_neg_kobj);
}
