// SPDX-License-Identifier: GPL-2.0
/*
 * A link's sysfs directory, /sys/class/net/<unit>/ipcp_neg/: its
 * configuration (read-write), state/ and counters/ (read-only), and the
 * history of its last control packets (hist.c), decoded at read time.
 *
 * This file only turns text into values and back: a store parses, then
 * calls the link's setter (link_conf.c), which checks the value against
 * the link's configuration and applies it; a show reads a snapshot
 * (link_conf.c, link_engine.c). state/ and counters/ are built from
 * tables at module init: a state file and a set of counters per automaton
 * (LCP, then each NCP of ncp.h), a pair of counters per packet code of
 * ipcp_neg_names.h.
 *
 * The directories are kobjects of their own (not named attribute groups
 * of one), because the unit's directory may go first ("ip link del"):
 * removing a kobject whose directory is gone is silent, removing a named
 * group that is gone warns.
 *
 * Every show and store takes link->lock (BH) briefly and nothing else, so
 * teardown may remove the directories (which waits for running calls)
 * holding no lock of ours. Stores need CAP_NET_ADMIN over the unit's
 * namespace (checked first: -EPERM); a value that does not parse, is out
 * of bounds or does not fit the link's role is refused with -EINVAL and
 * changes nothing.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/build_bug.h>
#include <linux/capability.h>
#include <linux/inet.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/string_helpers.h>
#include <linux/sysfs.h>
#include <net/net_namespace.h>
#include <ipcp_neg_names.h>

#include "compat.h"
#include "link_conf.h"
#include "link_int.h"

/* The longest name of a file made at init, NUL included */
#define LS_NAME_MAX	32

/* The kobjects */

/**
 * struct link_kobj - one of a link's sysfs directories
 * @kobj: the directory
 * @link: its link; valid while the directory is in sysfs (teardown
 *	removes it, which waits for running show/store calls, first)
 */
struct link_kobj {
	struct kobject kobj;
	struct ipcp_neg_link *link;
};

static struct ipcp_neg_link *to_link(const struct kobject *kobj)
{
	return container_of_const(kobj, struct link_kobj, kobj)->link;
}

static void link_kobj_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct link_kobj, kobj));
}

/*
 * The root of the user namespace owning the unit's network namespace owns
 * the files, as with the unit's own (net-sysfs). Fixed when a directory is
 * made: a unit that changes namespace takes its link down with it.
 */
static void link_kobj_get_ownership(IPCP_NEG_KOBJ_CONST struct kobject *kobj,
				    kuid_t *uid, kgid_t *gid)
{
	net_ns_get_ownership(dev_net(to_link(kobj)->dev), uid, gid);
}

/* CAP_NET_ADMIN over the unit's namespace */
static int ls_may_write(const struct ipcp_neg_link *link)
{
	return ns_capable(dev_net(link->dev)->user_ns, CAP_NET_ADMIN) ?
	       0 : -EPERM;
}

/* Parse "A" or "A B" (IPv4 dotted quads) into @a[0..@max-1], rest 0 */
static int ls_parse_addrs(const char *buf, size_t count, __be32 *a, int max)
{
	char tmp[40], *p, *w;
	int n = 0;

	if (count >= sizeof(tmp))
		return -EINVAL;
	memcpy(tmp, buf, count);
	tmp[count] = '\0';
	p = strim(tmp);
	memset(a, 0, max * sizeof(*a));
	while ((w = strsep(&p, " ")) != NULL) {
		if (!*w)
			continue;
		if (n == max || !in4_pton(w, -1, (u8 *)&a[n], -1, NULL))
			return -EINVAL;
		n++;
	}
	return n ? 0 : -EINVAL;
}

/* Parse a 0/1 flag */
static int ls_parse_bool(const char *buf, bool *v)
{
	u8 x;

	if (kstrtou8(buf, 10, &x) || x > 1)
		return -EINVAL;
	*v = x;
	return 0;
}

/* A read-only file made at init, named @name */
static void ls_attr_init(struct kobj_attribute *a, const char *name,
			 ssize_t (*show)(struct kobject *kobj,
					 struct kobj_attribute *attr,
					 char *buf))
{
	a->attr.name = name;
	a->attr.mode = 0444;
	a->show = show;
}

/* "A B": the primary and secondary server of a pair (enum ipcp_neg_ipcp_opt) */
static ssize_t ls_emit_pair(char *buf, const __be32 *srv, unsigned int first)
{
	return sysfs_emit(buf, "%pI4 %pI4\n", &srv[first],
			  &srv[first + IPCP_NEG_IPCP_O_DNS2 -
			       IPCP_NEG_IPCP_O_DNS1]);
}

/* Automaton @i (ipcp_neg_link_fsm()): "lcp", or its NCP's name: "ipcp" */
static void ls_fsm_name(unsigned int i, char *buf, size_t size)
{
	strscpy(buf, i == IPCP_NEG_LINK_FSM_LCP ? "lcp" :
		ipcp_neg_ncps[i - IPCP_NEG_LINK_FSM_NCP(0)]->name, size);
	string_lower(buf, buf);
}

/**
 * struct ls_attr - a configuration file that names one of several values
 * @attr: the file
 * @which: enum ipcp_neg_link_flag, enum ipcp_neg_link_tunable, or the
 *	first of the pair of servers (enum ipcp_neg_ipcp_opt)
 */
struct ls_attr {
	struct kobj_attribute attr;
	u8 which;
};

static unsigned int ls_which(const struct kobj_attribute *attr)
{
	return container_of_const(attr, struct ls_attr, attr)->which;
}

/* Configuration: read-only identity */

static ssize_t id_show(struct kobject *kobj, struct kobj_attribute *attr,
		       char *buf)
{
	return sysfs_emit(buf, "%u\n", to_link(kobj)->id);
}

static ssize_t role_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	struct ipcp_neg_link_settings s;

	ipcp_neg_link_get_conf(to_link(kobj), &s);
	return sysfs_emit(buf, "%s\n",
			  s.conf.role == IPCP_NEG_IPCP_SERVER ? "server" :
			  "client");
}

/* Configuration: addresses */

static ssize_t local_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	struct ipcp_neg_link_settings s;

	ipcp_neg_link_get_conf(to_link(kobj), &s);
	return sysfs_emit(buf, "%pI4\n", &s.conf.local);
}

static ssize_t local_store(struct kobject *kobj, struct kobj_attribute *attr,
			   const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	int err = ls_may_write(link);
	__be32 a;

	if (!err)
		err = ls_parse_addrs(buf, count, &a, 1);
	if (!err)
		err = ipcp_neg_link_set_local(link, a);
	return err ?: count;
}

static ssize_t remote_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	struct ipcp_neg_link_settings s;

	ipcp_neg_link_get_conf(to_link(kobj), &s);
	return sysfs_emit(buf, "%pI4\n", &s.conf.remote);
}

static ssize_t remote_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	int err = ls_may_write(link);
	__be32 a;

	if (!err)
		err = ls_parse_addrs(buf, count, &a, 1);
	if (!err)
		err = ipcp_neg_link_set_remote(link, a);
	return err ?: count;
}

static ssize_t pool_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	struct ipcp_neg_link_settings s;

	ipcp_neg_link_get_conf(to_link(kobj), &s);
	return sysfs_emit(buf, "%s\n", s.conf.pool);
}

static ssize_t pool_store(struct kobject *kobj, struct kobj_attribute *attr,
			  const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	char name[sizeof_field(struct ipcp_neg_link_conf, pool)];
	int err = ls_may_write(link);

	if (err)
		return err;
	if (count >= sizeof(name))
		return -EINVAL;
	memcpy(name, buf, count);
	name[count] = '\0';
	strim(name);
	return ipcp_neg_link_set_pool(link, name) ?: count;
}

/* DNS or NBNS: ls_which() is the first of the pair in conf.srv[] */
static ssize_t srv_show(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf)
{
	struct ipcp_neg_link_settings s;

	ipcp_neg_link_get_conf(to_link(kobj), &s);
	if (s.conf.role != IPCP_NEG_IPCP_SERVER)
		return sysfs_emit(buf, "\n");
	return ls_emit_pair(buf, s.conf.srv, ls_which(attr));
}

static ssize_t srv_store(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	int err = ls_may_write(link);
	__be32 a[2];

	if (!err)
		err = ls_parse_addrs(buf, count, a, 2);
	if (!err)
		err = ipcp_neg_link_set_servers(link, ls_which(attr), a);
	return err ?: count;
}

/* Configuration: flags, a server's (forced) or a client's */

static ssize_t flag_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	struct ipcp_neg_link_settings s;

	ipcp_neg_link_get_conf(to_link(kobj), &s);
	return sysfs_emit(buf, "%d\n", s.flag[ls_which(attr)]);
}

static ssize_t flag_store(struct kobject *kobj, struct kobj_attribute *attr,
			  const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	int err = ls_may_write(link);
	bool v;

	if (!err)
		err = ls_parse_bool(buf, &v);
	if (!err)
		err = ipcp_neg_link_set_flag(link, ls_which(attr), v);
	return err ?: count;
}

static const char * const ls_pool_empty_names[] = {
	[IPCP_NEG_POOL_EMPTY_IPCP_CLOSE] = "ipcp-close",
	[IPCP_NEG_POOL_EMPTY_TERMINATE] = "terminate",
};

static ssize_t pool_empty_show(struct kobject *kobj,
			       struct kobj_attribute *attr, char *buf)
{
	struct ipcp_neg_link_settings s;

	ipcp_neg_link_get_conf(to_link(kobj), &s);
	return sysfs_emit(buf, "%s\n", ls_pool_empty_names[s.conf.pool_empty]);
}

static ssize_t pool_empty_store(struct kobject *kobj,
				struct kobj_attribute *attr, const char *buf,
				size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	int err = ls_may_write(link);
	int v;

	if (err)
		return err;
	v = sysfs_match_string(ls_pool_empty_names, buf);
	if (v < 0)
		return -EINVAL;
	return ipcp_neg_link_set_pool_empty(link, v) ?: count;
}

/* Configuration: the automata's tunables, LCP's and the NCPs' alike */

static ssize_t tunable_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	struct ipcp_neg_link_settings s;

	ipcp_neg_link_get_conf(to_link(kobj), &s);
	return sysfs_emit(buf, "%u\n", s.tunable[ls_which(attr)]);
}

static ssize_t tunable_store(struct kobject *kobj, struct kobj_attribute *attr,
			     const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	int err = ls_may_write(link);
	unsigned int v;

	if (err)
		return err;
	if (kstrtouint(buf, 10, &v))
		return -EINVAL;
	return ipcp_neg_link_set_tunable(link, ls_which(attr), v) ?: count;
}

/*
 * Configuration: LCP's options as they apply to the link's transport;
 * ls_which() is the enum ipcp_neg_link_lcp_opt. asyncmap is the ACCM
 * requested, or "none" (IPCP_NEG_LINK_LCP_NO_ACCM).
 */

static ssize_t lcp_show(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf)
{
	struct ipcp_neg_link_settings s;

	ipcp_neg_link_get_conf(to_link(kobj), &s);
	switch (ls_which(attr)) {
	case IPCP_NEG_LINK_LCP_MRU:
		return sysfs_emit(buf, "%u\n", s.lcp.mru);
	case IPCP_NEG_LINK_LCP_ACCM:
		if (!s.lcp.req_accm)
			return sysfs_emit(buf, "none\n");
		return sysfs_emit(buf, "0x%08x\n", s.lcp.accm);
	case IPCP_NEG_LINK_LCP_PCOMP:
		return sysfs_emit(buf, "%d\n", s.lcp.accept_pfc);
	}
	return sysfs_emit(buf, "%d\n", s.lcp.accept_acfc);
}

static ssize_t lcp_store(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	unsigned int opt = ls_which(attr);
	int err = ls_may_write(link);
	u32 v;

	if (err)
		return err;
	if (opt == IPCP_NEG_LINK_LCP_ACCM && sysfs_streq(buf, "none")) {
		opt = IPCP_NEG_LINK_LCP_NO_ACCM;
		v = 1;
	} else if (kstrtou32(buf, 0, &v)) {
		return -EINVAL;
	}
	return ipcp_neg_link_set_lcp(link, opt, v) ?: count;
}

static ssize_t packets_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	struct ipcp_neg_link *link = to_link(kobj);
	struct ipcp_neg_hist *h;
	size_t size;
	ssize_t ret;

	/* history_depth 0 at creation: no ring, an empty file */
	if (!link->hist)
		return 0;
	size = ipcp_neg_hist_size(link->hist->len);
	h = kmalloc(size, GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	spin_lock_bh(&link->lock);
	memcpy(h, link->hist, size);
	spin_unlock_bh(&link->lock);
	ret = ipcp_neg_hist_show(h, buf, PAGE_SIZE);
	kfree(h);
	return ret;
}

#define LS_ATTR(_name, _kind, _which)					\
	static struct ls_attr ls_##_name = {				\
		.attr = __ATTR(_name, 0644, _kind##_show, _kind##_store), \
		.which = _which,					\
	}

static struct kobj_attribute ls_id = __ATTR_RO(id);
static struct kobj_attribute ls_role = __ATTR_RO(role);
static struct kobj_attribute ls_local = __ATTR_RW(local);
static struct kobj_attribute ls_remote = __ATTR_RW(remote);
static struct kobj_attribute ls_pool = __ATTR_RW(pool);
LS_ATTR(dns, srv, IPCP_NEG_IPCP_O_DNS1);
LS_ATTR(nbns, srv, IPCP_NEG_IPCP_O_NBNS1);
LS_ATTR(request_dns, flag, IPCP_NEG_LINK_REQ_DNS);
LS_ATTR(request_nbns, flag, IPCP_NEG_LINK_REQ_NBNS);
LS_ATTR(forced, flag, IPCP_NEG_LINK_FORCED);
static struct kobj_attribute ls_pool_empty = __ATTR_RW(pool_empty);
LS_ATTR(restart_ms, tunable, IPCP_NEG_LINK_RESTART_MS);
LS_ATTR(max_configure, tunable, IPCP_NEG_LINK_MAX_CONFIGURE);
LS_ATTR(max_terminate, tunable, IPCP_NEG_LINK_MAX_TERMINATE);
LS_ATTR(max_failure, tunable, IPCP_NEG_LINK_MAX_FAILURE);
LS_ATTR(mru, lcp, IPCP_NEG_LINK_LCP_MRU);
LS_ATTR(asyncmap, lcp, IPCP_NEG_LINK_LCP_ACCM);
LS_ATTR(pcomp, lcp, IPCP_NEG_LINK_LCP_PCOMP);
LS_ATTR(accomp, lcp, IPCP_NEG_LINK_LCP_ACCOMP);
static struct kobj_attribute ls_packets = __ATTR_RO(packets);

static struct attribute *ls_top_attrs[] = {
	&ls_id.attr,
	&ls_role.attr,
	&ls_local.attr,
	&ls_remote.attr,
	&ls_pool.attr,
	&ls_dns.attr.attr,
	&ls_nbns.attr.attr,
	&ls_request_dns.attr.attr,
	&ls_request_nbns.attr.attr,
	&ls_forced.attr.attr,
	&ls_pool_empty.attr,
	&ls_restart_ms.attr.attr,
	&ls_max_configure.attr.attr,
	&ls_max_terminate.attr.attr,
	&ls_max_failure.attr.attr,
	&ls_mru.attr.attr,
	&ls_asyncmap.attr.attr,
	&ls_pcomp.attr.attr,
	&ls_accomp.attr.attr,
	&ls_packets.attr,
	NULL
};
ATTRIBUTE_GROUPS(ls_top);

/* state/: one file per automaton, named for it, then the link's */

/* ipcp_neg_names.h lists the states in value order, from 0 */
#define LS_STATE_NAME(v, name, rfc)	name,
static const char * const ls_state_names[] = {
	IPCP_NEG_STATE_NAMES(LS_STATE_NAME)
};

static_assert(ARRAY_SIZE(ls_state_names) == IPCP_NEG_ST_COUNT);

static const char *ls_state_name(u8 st)
{
	return st < IPCP_NEG_ST_COUNT ? ls_state_names[st] : "unknown";
}

enum ls_state_field {
	LS_ST_FSM, LS_ST_LOCAL, LS_ST_PEER, LS_ST_DNS, LS_ST_NBNS,
	LS_ST_UP_SINCE, LS_ST_REASON, LS_ST_PHASE
};

/**
 * struct ls_state - one file of state/
 * @attr: the file
 * @field: enum ls_state_field: what it shows
 * @fsm: for LS_ST_FSM: whose state (ipcp_neg_link_fsm())
 * @name: for LS_ST_FSM: the file's name
 */
struct ls_state {
	struct kobj_attribute attr;
	u8 field;
	u8 fsm;
	char name[LS_NAME_MAX];
};

static ssize_t state_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	const struct ls_state *f = container_of(attr, struct ls_state, attr);
	struct ipcp_neg_link_state s;

	ipcp_neg_link_get_state(to_link(kobj), &s);
	switch (f->field) {
	case LS_ST_FSM:
		return sysfs_emit(buf, "%s\n", ls_state_name(s.fsm[f->fsm]));
	case LS_ST_LOCAL:
		return sysfs_emit(buf, "%pI4\n", &s.local);
	case LS_ST_PEER:
		return sysfs_emit(buf, "%pI4\n", &s.peer);
	case LS_ST_DNS:
		return ls_emit_pair(buf, s.srv, IPCP_NEG_IPCP_O_DNS1);
	case LS_ST_NBNS:
		return ls_emit_pair(buf, s.srv, IPCP_NEG_IPCP_O_NBNS1);
	case LS_ST_UP_SINCE:
		return sysfs_emit(buf, "%lld\n", (long long)s.up_since);
	case LS_ST_PHASE:
		return sysfs_emit(buf, "%s\n",
				  ipcp_neg_engine_phase_name(s.phase));
	}
	return sysfs_emit(buf, "%s\n", ipcp_neg_engine_reason_code(s.reason));
}

#define LS_STATE(_name, _field) {					\
	.attr = __ATTR(_name, 0444, state_show, NULL), .field = _field,	\
}

/* The automata's files: named and filled in by ipcp_neg_link_sysfs_init() */
static struct ls_state ls_fsm_states[IPCP_NEG_LINK_NFSMS];

static struct ls_state ls_states[] = {
	LS_STATE(local, LS_ST_LOCAL),
	LS_STATE(peer, LS_ST_PEER),
	LS_STATE(dns, LS_ST_DNS),
	LS_STATE(nbns, LS_ST_NBNS),
	LS_STATE(up_since, LS_ST_UP_SINCE),
	LS_STATE(reason, LS_ST_REASON),
	LS_STATE(phase, LS_ST_PHASE),
};

static struct attribute *
ls_state_attrs[ARRAY_SIZE(ls_fsm_states) + ARRAY_SIZE(ls_states) + 1];
ATTRIBUTE_GROUPS(ls_state);

static void ls_state_init(void)
{
	struct attribute **a = ls_state_attrs;
	struct ls_state *f;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ls_fsm_states); i++) {
		f = &ls_fsm_states[i];
		f->field = LS_ST_FSM;
		f->fsm = i;
		ls_fsm_name(i, f->name, sizeof(f->name));
		ls_attr_init(&f->attr, f->name, state_show);
		*a++ = &f->attr.attr;
	}
	for (i = 0; i < ARRAY_SIZE(ls_states); i++)
		*a++ = &ls_states[i].attr.attr;
}

/* counters/: of each automaton, then the link's */

enum ls_ctr_field {
	LS_TX, LS_RX, LS_MALFORMED, LS_DISCARDED, LS_NAK_LOOPS,
	LS_ADDR_CHANGES, LS_RENEGOTIATIONS, LS_RX_DROPPED, LS_TX_DROPPED,
	LS_TX_WAITS, LS_DROP
};

/**
 * struct ls_ctr - one counter file
 * @attr: the file
 * @fsm: whose counter, for the fields before LS_ADDR_CHANGES (the others
 *	are the link's): as ipcp_neg_link_fsm() numbers the automata
 * @field: enum ls_ctr_field: which
 * @code: the packet code, for LS_TX and LS_RX; the enum
 *	ipcp_neg_link_drop, for LS_DROP
 * @name: the file's name
 */
struct ls_ctr {
	struct kobj_attribute attr;
	u8 fsm;
	u8 field;
	u8 code;
	char name[LS_NAME_MAX];
};

/* A counter and the end of its file's name */
struct ls_ctr_kind {
	u8 field;
	const char *name;
};

/*
 * <automaton>_<tx|rx>_<suffix> per packet code: an NCP has those that are
 * not LCP's only
 */
struct ls_code {
	u8 code;
	bool lcp_only;
	const char *suffix;
};

#define LS_CODE(v, suffix, name, lcp_only)	{ v, lcp_only, suffix },
static const struct ls_code ls_codes[] = {
	IPCP_NEG_CODE_NAMES(LS_CODE)
};

/* <automaton>_<name>, after the codes' */
static const struct ls_ctr_kind ls_fsm_ctrs[] = {
	{ LS_MALFORMED, "malformed" },
	{ LS_DISCARDED, "discarded" },
	{ LS_NAK_LOOPS, "nak_loops" },
};

/* The link's, after the automata's */
static const struct ls_ctr_kind ls_link_ctrs[] = {
	{ LS_ADDR_CHANGES, "addr_changes" },
	{ LS_RENEGOTIATIONS, "ipcp_renegotiations" },
	{ LS_RX_DROPPED, "rx_dropped" },
	{ LS_TX_DROPPED, "tx_dropped" },
	{ LS_TX_WAITS, "tx_transport_waits" },
};

/* drop_<name>, one per reason a frame is dropped, after the link's */
#define LS_DROP_NAME(id, rx, name, text)	name,
static const char * const ls_drop_names[] = {
	IPCP_NEG_DROP_NAMES(LS_DROP_NAME)
};

static_assert(ARRAY_SIZE(ls_drop_names) == IPCP_NEG_DROP_COUNT);

#define LS_NCTRS	(IPCP_NEG_LINK_NFSMS *				\
			 (2 * ARRAY_SIZE(ls_codes) + ARRAY_SIZE(ls_fsm_ctrs)) + \
			 ARRAY_SIZE(ls_link_ctrs) + IPCP_NEG_DROP_COUNT)

static u32 ls_fsm_ctr(const struct ipcp_neg_fsm_stats *st, u8 field, u8 code)
{
	switch (field) {
	case LS_TX:
		return st->tx[code];
	case LS_RX:
		return st->rx[code];
	case LS_MALFORMED:
		return st->malformed;
	case LS_DISCARDED:
		return st->discarded;
	default:
		return st->nak_loops;
	}
}

static u32 ls_link_ctr(struct ipcp_neg_link *link, u8 field, u8 code)
{
	u32 v;

	if (field == LS_DROP)
		return atomic_read(&link->drops[code]);
	if (field == LS_TX_WAITS)
		return READ_ONCE(link->tx_waits);
	spin_lock_bh(&link->lock);
	switch (field) {
	case LS_ADDR_CHANGES:
		v = link->addr_changes;
		break;
	case LS_RENEGOTIATIONS:
		v = link->renegotiations;
		break;
	case LS_RX_DROPPED:
		v = ipcp_neg_link_drops(link, true);
		break;
	default:
		v = ipcp_neg_link_drops(link, false);
	}
	spin_unlock_bh(&link->lock);
	return v;
}

static ssize_t ctr_show(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf)
{
	const struct ls_ctr *c = container_of(attr, struct ls_ctr, attr);
	struct ipcp_neg_link *link = to_link(kobj);
	struct ipcp_neg_fsm_stats st;
	u32 v;

	if (c->field >= LS_ADDR_CHANGES) {
		v = ls_link_ctr(link, c->field, c->code);
	} else {
		ipcp_neg_link_get_stats(link, c->fsm, &st);
		v = ls_fsm_ctr(&st, c->field, c->code);
	}
	return sysfs_emit(buf, "%u\n", v);
}

/* Filled in by ipcp_neg_link_sysfs_init(), in this order */
static struct ls_ctr ls_ctrs[LS_NCTRS];
static unsigned int ls_nctrs;
static struct attribute *ls_counters_attrs[LS_NCTRS + 1];
ATTRIBUTE_GROUPS(ls_counters);

static __printf(4, 5) void ls_ctr_add(unsigned int fsm, unsigned int field,
				      unsigned int code, const char *fmt, ...)
{
	struct ls_ctr *c = &ls_ctrs[ls_nctrs];
	va_list args;

	if (WARN_ON_ONCE(ls_nctrs == LS_NCTRS))
		return;
	va_start(args, fmt);
	vsnprintf(c->name, sizeof(c->name), fmt, args);
	va_end(args);
	c->fsm = fsm;
	c->field = field;
	c->code = code;
	ls_attr_init(&c->attr, c->name, ctr_show);
	ls_counters_attrs[ls_nctrs++] = &c->attr.attr;
}

/* Automaton @i's: tx and rx of each of its codes, then the others */
static void ls_fsm_ctrs_init(unsigned int i)
{
	const struct ls_code *k;
	char pfx[LS_NAME_MAX];
	unsigned int j;

	ls_fsm_name(i, pfx, sizeof(pfx));
	for (j = 0; j < ARRAY_SIZE(ls_codes); j++) {
		k = &ls_codes[j];
		if (i != IPCP_NEG_LINK_FSM_LCP && k->lcp_only)
			continue;
		ls_ctr_add(i, LS_TX, k->code, "%s_tx_%s", pfx, k->suffix);
		ls_ctr_add(i, LS_RX, k->code, "%s_rx_%s", pfx, k->suffix);
	}
	for (j = 0; j < ARRAY_SIZE(ls_fsm_ctrs); j++)
		ls_ctr_add(i, ls_fsm_ctrs[j].field, 0, "%s_%s", pfx,
			   ls_fsm_ctrs[j].name);
}

static void ls_ctrs_init(void)
{
	unsigned int i;

	for (i = 0; i < IPCP_NEG_LINK_NFSMS; i++)
		ls_fsm_ctrs_init(i);
	for (i = 0; i < ARRAY_SIZE(ls_link_ctrs); i++)
		ls_ctr_add(0, ls_link_ctrs[i].field, 0, "%s",
			   ls_link_ctrs[i].name);
	for (i = 0; i < IPCP_NEG_DROP_COUNT; i++)
		ls_ctr_add(0, LS_DROP, i, "drop_%s", ls_drop_names[i]);
}

/* The directories */

static const struct kobj_type ls_ktypes[IPCP_NEG_LINK_NKOBJS] = {
	[IPCP_NEG_LINK_KOBJ_TOP] = {
		.release = link_kobj_release,
		.sysfs_ops = &kobj_sysfs_ops,
		.default_groups = ls_top_groups,
		.get_ownership = link_kobj_get_ownership,
	},
	[IPCP_NEG_LINK_KOBJ_STATE] = {
		.release = link_kobj_release,
		.sysfs_ops = &kobj_sysfs_ops,
		.default_groups = ls_state_groups,
		.get_ownership = link_kobj_get_ownership,
	},
	[IPCP_NEG_LINK_KOBJ_COUNTERS] = {
		.release = link_kobj_release,
		.sysfs_ops = &kobj_sysfs_ops,
		.default_groups = ls_counters_groups,
		.get_ownership = link_kobj_get_ownership,
	},
};

static const char * const ls_dir_names[IPCP_NEG_LINK_NKOBJS] = {
	[IPCP_NEG_LINK_KOBJ_TOP] = "ipcp_neg",
	[IPCP_NEG_LINK_KOBJ_STATE] = "state",
	[IPCP_NEG_LINK_KOBJ_COUNTERS] = "counters",
};

static struct kobject *ls_add_dir(struct ipcp_neg_link *link, int i,
				  struct kobject *parent)
{
	struct link_kobj *lk;
	int err;

	lk = kzalloc(sizeof(*lk), GFP_KERNEL);
	if (!lk)
		return ERR_PTR(-ENOMEM);
	lk->link = link;
	err = kobject_init_and_add(&lk->kobj, &ls_ktypes[i], parent, "%s",
				   ls_dir_names[i]);
	if (err) {
		kobject_put(&lk->kobj);
		return ERR_PTR(err);
	}
	return &lk->kobj;
}

/**
 * ipcp_neg_link_sysfs_dir_size - bytes of one of a link's sysfs directories
 *
 * For the sizes file (debugfs.c): an attached link has
 * IPCP_NEG_LINK_NKOBJS of them (the kernfs nodes under them not counted).
 *
 * Return: sizeof(struct link_kobj).
 */
size_t ipcp_neg_link_sysfs_dir_size(void)
{
	return sizeof(struct link_kobj);
}

/**
 * ipcp_neg_link_sysfs_init - name and list the files of state/ and counters/
 *
 * Context: module init, before any link is attached.
 *
 * The files come from the table of automata (LCP, then the NCPs of ncp.h)
 * and the packet codes of ipcp_neg_names.h.
 */
void ipcp_neg_link_sysfs_init(void)
{
	ls_state_init();
	ls_ctrs_init();
}

/**
 * ipcp_neg_link_sysfs_add - make a link's sysfs directory
 * @link: the link, its unit (@link->dev) known
 *
 * /sys/class/net/<unit>/ipcp_neg/ with state/ and counters/.
 *
 * Context: process context.
 * Return: 0, or the error of a kobject (-ENOMEM, -EEXIST); nothing is
 * left behind then.
 */
int ipcp_neg_link_sysfs_add(struct ipcp_neg_link *link)
{
	struct kobject *parent = &link->dev->dev.kobj;
	struct kobject *k;
	int i;

	for (i = 0; i < IPCP_NEG_LINK_NKOBJS; i++) {
		k = ls_add_dir(link, i, parent);
		if (IS_ERR(k)) {
			ipcp_neg_link_sysfs_del(link);
			return PTR_ERR(k);
		}
		link->kobj[i] = k;
		parent = link->kobj[IPCP_NEG_LINK_KOBJ_TOP];
	}
	return 0;
}

/**
 * ipcp_neg_link_sysfs_del - remove a link's sysfs directory
 * @link: the link
 *
 * Waits for show and store calls in progress: the caller holds no lock
 * they take. Harmless if the directory is not there, or went with the
 * unit's own.
 *
 * Context: process context.
 */
void ipcp_neg_link_sysfs_del(struct ipcp_neg_link *link)
{
	int i;

	for (i = IPCP_NEG_LINK_NKOBJS - 1; i >= 0; i--) {
		if (!link->kobj[i])
			continue;
		kobject_del(link->kobj[i]);
		kobject_put(link->kobj[i]);
		link->kobj[i] = NULL;
	}
}
