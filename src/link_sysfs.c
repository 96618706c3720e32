// SPDX-License-Identifier: GPL-2.0
/*
 * A link's sysfs directory, /sys/class/net/<unit>/ipcp_neg/: its
 * configuration (read-write), state/ and counters/ (read-only), and the
 * history of its last control packets, decoded at read time.
 *
 * The directories are kobjects of their own (not named attribute groups
 * of one), because the unit's directory may go first ("ip link del"):
 * removing a kobject whose directory is gone is silent, removing a named
 * group that is gone warns.
 *
 * Every show and store takes link->lock (BH) briefly and nothing else, so
 * teardown may remove the directories (which waits for running calls)
 * holding no lock of ours. Stores need CAP_NET_ADMIN over the unit's
 * namespace; a value that does not parse, is out of bounds or does not
 * fit the link's role is refused with -EINVAL and changes nothing.
 * Address and DNS changes renegotiate IPCP when it is past Starting.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/build_bug.h>
#include <linux/capability.h>
#include <linux/inet.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/math64.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>
#include <linux/timekeeping.h>
#include <kunit/visibility.h>
#include <net/net_namespace.h>
#include <ipcp_neg_names.h>

#include "compat.h"
#include "addr_pool.h"
#include "link_int.h"
#include "params.h"

/* The history: recording */

/**
 * ipcp_neg_hist_add - record one control packet
 * @h: the history
 * @tx: sent by us (else received)
 * @proto: its PPP protocol
 * @hdr: the packet's first bytes (its header, as far as it goes)
 * @hlen: bytes at @hdr
 * @data: the bytes that follow @hdr
 * @dlen: bytes at @data
 *
 * The packet is @hdr followed by @data; the first IPCP_NEG_HIST_CAP bytes
 * are kept, replacing the oldest packet when the ring is full.
 *
 * Context: any; the caller serialises calls on @h (link->lock).
 */
void ipcp_neg_hist_add(struct ipcp_neg_hist *h, bool tx, u16 proto,
		       const u8 *hdr, unsigned int hlen, const u8 *data,
		       unsigned int dlen)
{
	struct ipcp_neg_hist_ent *ent = &h->ent[h->next];
	unsigned int c = min_t(unsigned int, hlen, IPCP_NEG_HIST_CAP);
	unsigned int d = min_t(unsigned int, dlen, IPCP_NEG_HIST_CAP - c);

	ent->ns = ktime_get_boottime_ns();
	ent->proto = proto;
	ent->tx = tx;
	ent->wirelen = min_t(unsigned int, hlen + dlen, U16_MAX);
	memcpy(ent->pkt, hdr, c);
	if (d)
		memcpy(ent->pkt + c, data, d);
	ent->caplen = c + d;
	h->next = (h->next + 1) % IPCP_NEG_HIST_LEN;
	if (h->count < IPCP_NEG_HIST_LEN)
		h->count++;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_hist_add);

/* The history: decoding */

/* ipcp_neg_names.h lists the codes in value order, from 1 */
#define HIST_CODE(v, suffix, name, lcp_only)	name,
static const char * const hist_codes[] = {
	"?", IPCP_NEG_CODE_NAMES(HIST_CODE)
};

static_assert(ARRAY_SIZE(hist_codes) == IPCP_NEG_DISCREQ + 1);

/* A line under construction; scnprintf() keeps it within @size */
struct hist_line {
	char *buf;
	size_t size;
	int len;
};

static __printf(2, 3) void hist_put(struct hist_line *l, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	l->len += vscnprintf(l->buf + l->len, l->size - l->len, fmt, args);
	va_end(args);
}

static void hist_code(struct hist_line *l, u16 proto, u8 code)
{
	u8 last = proto == IPCP_NEG_PROTO_LCP ? IPCP_NEG_DISCREQ :
		  IPCP_NEG_CODEREJ;

	if (code >= IPCP_NEG_CONFREQ && code <= last)
		hist_put(l, " %s", hist_codes[code]);
	else
		hist_put(l, " unknown-%u", code);
}

/* One LCP option of a known type and exact length; false if not */
static bool hist_lcp_opt(struct hist_line *l, const u8 *o)
{
	switch (o[0]) {
	case IPCP_NEG_LCP_MRU:
		if (o[1] != 4)
			return false;
		hist_put(l, " mru=%u", get_unaligned_be16(o + 2));
		return true;
	case IPCP_NEG_LCP_ACCM:
	case IPCP_NEG_LCP_MAGIC:
		if (o[1] != 6)
			return false;
		hist_put(l, " %s=0x%08x", o[0] == IPCP_NEG_LCP_ACCM ? "accm" :
			 "magic", get_unaligned_be32(o + 2));
		return true;
	case IPCP_NEG_LCP_AUTH:
		if (o[1] < 4)
			return false;
		hist_put(l, " auth=0x%04x", get_unaligned_be16(o + 2));
		return true;
	case IPCP_NEG_LCP_PFC:
	case IPCP_NEG_LCP_ACFC:
		if (o[1] != 2)
			return false;
		hist_put(l, o[0] == IPCP_NEG_LCP_PFC ? " pfc" : " acfc");
		return true;
	}
	return false;
}

static const char * const hist_ipcp_srv[] = { "dns1", "nbns1", "dns2",
					       "nbns2" };

/* One IPCP option of a known type and exact length; false if not */
static bool hist_ipcp_opt(struct hist_line *l, const u8 *o)
{
	switch (o[0]) {
	case IPCP_NEG_IPCP_ADDRS:
		if (o[1] != 10)
			return false;
		hist_put(l, " addrs=%pI4,%pI4", o + 2, o + 6);
		return true;
	case IPCP_NEG_IPCP_COMP:
		if (o[1] < 4)
			return false;
		hist_put(l, " compress=0x%04x", get_unaligned_be16(o + 2));
		return true;
	case IPCP_NEG_IPCP_ADDR:
	case IPCP_NEG_IPCP_DNS1 ... IPCP_NEG_IPCP_NBNS2:
		if (o[1] != 6)
			return false;
		hist_put(l, " %s=%pI4", o[0] == IPCP_NEG_IPCP_ADDR ? "addr" :
			 hist_ipcp_srv[o[0] - IPCP_NEG_IPCP_DNS1], o + 2);
		return true;
	}
	return false;
}

/*
 * The options of a Configure-* packet: @optlen bytes by its Length field,
 * of which @cap were kept. A list that breaks the framing rules ends with
 * "bad-options"; one that goes on past what was kept ends with "...".
 */
static void hist_opts(struct hist_line *l, u16 proto, const u8 *opts,
		      unsigned int optlen, unsigned int cap)
{
	unsigned int off = 0;
	const u8 *o;
	bool known;

	while (off < optlen) {
		o = opts + off;
		if (off + 2 > cap) {
			hist_put(l, cap < optlen ? " ..." : " bad-options");
			return;
		}
		if (o[1] < 2 || off + o[1] > optlen) {
			hist_put(l, " bad-options");
			return;
		}
		if (off + o[1] > cap) {
			hist_put(l, " ...");
			return;
		}
		known = proto == IPCP_NEG_PROTO_LCP ? hist_lcp_opt(l, o) :
			hist_ipcp_opt(l, o);
		if (!known)
			hist_put(l, " opt%u/%u", o[0], o[1]);
		off += o[1];
	}
}

/**
 * ipcp_neg_hist_format - one packet of the history as a line of text
 * @ent: the packet
 * @buf: where the line goes, without a newline
 * @size: room at @buf (the line is truncated to fit, NUL-terminated)
 *
 * ``<seconds.microseconds> <rx|tx> <LCP|IPCP> <code> id=<n> len=<n>
 * [<option>...]``, where len is the packet's Length field. A packet of
 * fewer than 4 bytes is ``... <LCP|IPCP> truncated len=<bytes>``; one whose
 * Length field is under 4 ends with ``bad-length``, one shorter than its
 * Length field with ``truncated``. Options are decoded for codes 1-4 only.
 *
 * Return: the length of the line.
 */
int ipcp_neg_hist_format(const struct ipcp_neg_hist_ent *ent, char *buf,
			 size_t size)
{
	struct hist_line l = { .buf = buf, .size = size };
	unsigned int plen, cap;
	u32 us;
	u64 s;

	if (!size)
		return 0;
	buf[0] = '\0';
	s = div_u64_rem(ent->ns, NSEC_PER_SEC, &us);
	hist_put(&l, "%llu.%06u %s %s", s, us / 1000,
		 ent->tx ? "tx" : "rx",
		 ent->proto == IPCP_NEG_PROTO_LCP ? "LCP" : "IPCP");
	if (ent->caplen < IPCP_NEG_HDRLEN) {
		hist_put(&l, " truncated len=%u", ent->wirelen);
		return l.len;
	}
	hist_code(&l, ent->proto, ent->pkt[0]);
	plen = get_unaligned_be16(ent->pkt + 2);
	hist_put(&l, " id=%u len=%u", ent->pkt[1], plen);
	if (plen < IPCP_NEG_HDRLEN) {
		hist_put(&l, " bad-length");
		return l.len;
	}
	if (plen > ent->wirelen) {
		hist_put(&l, " truncated");
		return l.len;
	}
	if (ent->pkt[0] < IPCP_NEG_CONFREQ || ent->pkt[0] > IPCP_NEG_CONFREJ)
		return l.len;
	cap = min_t(unsigned int, ent->caplen, plen) - IPCP_NEG_HDRLEN;
	hist_opts(&l, ent->proto, ent->pkt + IPCP_NEG_HDRLEN,
		  plen - IPCP_NEG_HDRLEN, cap);
	return l.len;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_hist_format);

/* Room for one line: the longest is well under 400 bytes */
#define HIST_LINE_MAX	512

static const struct ipcp_neg_hist_ent *hist_nth(const struct ipcp_neg_hist *h,
						unsigned int n)
{
	unsigned int first = h->next + IPCP_NEG_HIST_LEN - h->count;

	return &h->ent[(first + n) % IPCP_NEG_HIST_LEN];
}

/**
 * ipcp_neg_hist_show - the history as text, oldest packet first
 * @h: the history
 * @buf: where the text goes
 * @size: room at @buf (PAGE_SIZE for sysfs)
 *
 * One line per packet (see ipcp_neg_hist_format()), each ending with a
 * newline. When they do not all fit, the oldest are left out.
 *
 * Context: process context (uses a heap buffer).
 * Return: bytes written (no NUL counted), or -ENOMEM.
 */
ssize_t ipcp_neg_hist_show(const struct ipcp_neg_hist *h, char *buf,
			   size_t size)
{
	unsigned int n = min_t(unsigned int, h->count, IPCP_NEG_HIST_LEN);
	unsigned int keep;
	size_t total = 0, len;
	char *line;

	line = kmalloc(HIST_LINE_MAX, GFP_KERNEL);
	if (!line)
		return -ENOMEM;
	for (keep = 0; keep < n; keep++) {
		len = ipcp_neg_hist_format(hist_nth(h, n - 1 - keep), line,
					   HIST_LINE_MAX) + 1;
		if (total + len >= size)
			break;
		total += len;
	}
	kfree(line);
	total = 0;
	for (; keep; keep--) {
		total += ipcp_neg_hist_format(hist_nth(h, n - keep),
					      buf + total, size - total);
		buf[total++] = '\n';
	}
	if (total < size)
		buf[total] = '\0';
	return total;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_hist_show);

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

static bool ls_server(const struct ipcp_neg_link *link)
{
	return link->eng.ipcp.conf.role == IPCP_NEG_IPCP_SERVER;
}

/* CAP_NET_ADMIN over the unit's namespace */
static int ls_may_write(const struct ipcp_neg_link *link)
{
	return ns_capable(dev_net(link->dev)->user_ns, CAP_NET_ADMIN) ?
	       0 : -EPERM;
}

/* A change of addresses or servers reaches the peer by renegotiation */
static void ls_apply(struct ipcp_neg_link *link)
{
	lockdep_assert_held(&link->lock);
	if (link->eng.ipcp.fsm.state > IPCP_NEG_ST_STARTING)
		ipcp_neg_engine_renegotiate_ipcp(&link->eng);
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

/* Configuration: read-only identity */

static ssize_t id_show(struct kobject *kobj, struct kobj_attribute *attr,
		       char *buf)
{
	return sysfs_emit(buf, "%u\n", to_link(kobj)->id);
}

static ssize_t role_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "%s\n", ls_server(to_link(kobj)) ? "server" :
			  "client");
}

/* Configuration: addresses */

static ssize_t local_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	struct ipcp_neg_link *link = to_link(kobj);
	__be32 a;

	spin_lock_bh(&link->lock);
	a = link->eng.ipcp.conf.local;
	spin_unlock_bh(&link->lock);
	return sysfs_emit(buf, "%pI4\n", &a);
}

/* server: a usable address, not the peer's; client: also 0.0.0.0 */
static bool ls_local_ok(const struct ipcp_neg_ipcp_conf *c, __be32 a)
{
	if (!a)
		return c->role == IPCP_NEG_IPCP_CLIENT;
	return ipcp_neg_ipcp_addr_ok(a) && a != c->remote;
}

static ssize_t local_store(struct kobject *kobj, struct kobj_attribute *attr,
			   const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	struct ipcp_neg_ipcp_conf *c = &link->eng.ipcp.conf;
	int err = ls_may_write(link);
	__be32 a;

	if (!err)
		err = ls_parse_addrs(buf, count, &a, 1);
	if (err)
		return err;
	spin_lock_bh(&link->lock);
	err = ls_local_ok(c, a) ? ipcp_neg_lease_set_local(&link->lease, a) :
				  -EINVAL;
	if (!err) {
		c->local = a;
		ls_apply(link);
	}
	spin_unlock_bh(&link->lock);
	return err ?: count;
}

static ssize_t remote_show(struct kobject *kobj, struct kobj_attribute *attr,
			   char *buf)
{
	struct ipcp_neg_link *link = to_link(kobj);
	__be32 a;

	spin_lock_bh(&link->lock);
	a = link->eng.ipcp.conf.remote;
	spin_unlock_bh(&link->lock);
	return sysfs_emit(buf, "%pI4\n", &a);
}

/* Server: the peer's address from @remote or @pool; renegotiates */
static void ls_set_peer_src(struct ipcp_neg_link *link, __be32 remote,
			    struct ipcp_neg_pool *pool)
{
	ipcp_neg_pool_put(ipcp_neg_link_set_peer_src(link, remote, pool));
	spin_lock_bh(&link->lock);
	ls_apply(link);
	spin_unlock_bh(&link->lock);
}

static ssize_t remote_store(struct kobject *kobj, struct kobj_attribute *attr,
			    const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	int err = ls_may_write(link);
	bool ok;
	__be32 a;

	if (!err)
		err = ls_parse_addrs(buf, count, &a, 1);
	if (err)
		return err;
	if (!ls_server(link))
		return -EINVAL;
	spin_lock_bh(&link->lock);
	if (a)
		ok = ipcp_neg_ipcp_addr_ok(a) &&
		     a != link->eng.ipcp.conf.local;
	else
		ok = link->lease.pool;	/* already the source: nothing to do */
	spin_unlock_bh(&link->lock);
	if (!ok)
		return -EINVAL;
	if (a)
		ls_set_peer_src(link, a, NULL);
	return count;
}

static ssize_t pool_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	struct ipcp_neg_link *link = to_link(kobj);
	char name[IPCP_NEG_POOL_NAME_SIZE] = "";

	spin_lock_bh(&link->lock);
	if (link->lease.pool)
		strscpy(name, ipcp_neg_pool_name(link->lease.pool),
			sizeof(name));
	spin_unlock_bh(&link->lock);
	return sysfs_emit(buf, "%s\n", name);
}

static ssize_t pool_store(struct kobject *kobj, struct kobj_attribute *attr,
			  const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	char name[IPCP_NEG_POOL_NAME_SIZE];
	struct ipcp_neg_pool *pool;
	int err = ls_may_write(link);
	bool fixed;

	if (err)
		return err;
	if (!ls_server(link) || count >= sizeof(name))
		return -EINVAL;
	memcpy(name, buf, count);
	name[count] = '\0';
	strim(name);
	if (!name[0]) {
		spin_lock_bh(&link->lock);
		fixed = link->eng.ipcp.conf.remote;
		spin_unlock_bh(&link->lock);
		return fixed ? count : -EINVAL;
	}
	pool = ipcp_neg_pool_get(dev_net(link->dev), name);
	if (!pool)
		return -ENOENT;
	ls_set_peer_src(link, 0, pool);
	return count;
}

/* DNS or NBNS: index of the first of the pair in conf.srv[] */
static ssize_t ls_srv_show(struct kobject *kobj, char *buf, int first)
{
	struct ipcp_neg_link *link = to_link(kobj);
	const __be32 *srv = link->eng.ipcp.conf.srv;
	__be32 a[2];

	if (!ls_server(link))
		return sysfs_emit(buf, "\n");
	spin_lock_bh(&link->lock);
	a[0] = srv[first];
	a[1] = srv[first + 2];
	spin_unlock_bh(&link->lock);
	return sysfs_emit(buf, "%pI4 %pI4\n", &a[0], &a[1]);
}

static ssize_t ls_srv_store(struct kobject *kobj, const char *buf,
			    size_t count, int first)
{
	struct ipcp_neg_link *link = to_link(kobj);
	int err = ls_may_write(link);
	__be32 a[2];
	int i;

	if (!err)
		err = ls_parse_addrs(buf, count, a, 2);
	if (err)
		return err;
	if (!ls_server(link))
		return -EINVAL;
	for (i = 0; i < 2; i++)
		if (a[i] && !ipcp_neg_ipcp_addr_ok(a[i]))
			return -EINVAL;
	spin_lock_bh(&link->lock);
	link->eng.ipcp.conf.srv[first] = a[0];
	link->eng.ipcp.conf.srv[first + 2] = a[1];
	ls_apply(link);
	spin_unlock_bh(&link->lock);
	return count;
}

static ssize_t dns_show(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf)
{
	return ls_srv_show(kobj, buf, IPCP_NEG_IPCP_O_DNS1);
}

static ssize_t dns_store(struct kobject *kobj, struct kobj_attribute *attr,
			 const char *buf, size_t count)
{
	return ls_srv_store(kobj, buf, count, IPCP_NEG_IPCP_O_DNS1);
}

static ssize_t nbns_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	return ls_srv_show(kobj, buf, IPCP_NEG_IPCP_O_NBNS1);
}

static ssize_t nbns_store(struct kobject *kobj, struct kobj_attribute *attr,
			  const char *buf, size_t count)
{
	return ls_srv_store(kobj, buf, count, IPCP_NEG_IPCP_O_NBNS1);
}

/* Configuration: flags */

/* The flag @attr names, in @conf */
static bool *ls_flag(struct ipcp_neg_ipcp_conf *conf,
		     const struct kobj_attribute *attr)
{
	if (!strcmp(attr->attr.name, "forced"))
		return &conf->forced;
	if (!strcmp(attr->attr.name, "request_dns"))
		return &conf->req_dns;
	return &conf->req_nbns;
}

static ssize_t flag_show(struct kobject *kobj, struct kobj_attribute *attr,
			 char *buf)
{
	struct ipcp_neg_link *link = to_link(kobj);
	bool v;

	spin_lock_bh(&link->lock);
	v = *ls_flag(&link->eng.ipcp.conf, attr);
	spin_unlock_bh(&link->lock);
	return sysfs_emit(buf, "%d\n", v);
}

/* forced is a server's, request_dns and request_nbns a client's */
static ssize_t flag_store(struct kobject *kobj, struct kobj_attribute *attr,
			  const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	bool forced = !strcmp(attr->attr.name, "forced");
	int err = ls_may_write(link);
	bool v;

	if (!err)
		err = ls_parse_bool(buf, &v);
	if (err)
		return err;
	if (forced != ls_server(link))
		return -EINVAL;
	spin_lock_bh(&link->lock);
	*ls_flag(&link->eng.ipcp.conf, attr) = v;
	ls_apply(link);
	spin_unlock_bh(&link->lock);
	return count;
}

static const char * const ls_pool_empty_names[] = {
	[IPCP_NEG_POOL_EMPTY_IPCP_CLOSE] = "ipcp-close",
	[IPCP_NEG_POOL_EMPTY_TERMINATE] = "terminate",
};

static ssize_t pool_empty_show(struct kobject *kobj,
			       struct kobj_attribute *attr, char *buf)
{
	struct ipcp_neg_link *link = to_link(kobj);
	enum ipcp_neg_pool_empty v;

	spin_lock_bh(&link->lock);
	v = link->eng.pool_empty;
	spin_unlock_bh(&link->lock);
	return sysfs_emit(buf, "%s\n", ls_pool_empty_names[v]);
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
	spin_lock_bh(&link->lock);
	link->eng.pool_empty = v;
	spin_unlock_bh(&link->lock);
	return count;
}

/* Configuration: the automata's tunables, LCP's and IPCP's alike */

static unsigned int *ls_tunable(struct ipcp_neg_fsm_conf *c,
				const struct kobj_attribute *attr)
{
	if (!strcmp(attr->attr.name, "restart_ms"))
		return &c->restart_ms;
	if (!strcmp(attr->attr.name, "max_configure"))
		return &c->max_configure;
	if (!strcmp(attr->attr.name, "max_terminate"))
		return &c->max_terminate;
	return &c->max_failure;
}

static ssize_t tunable_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	struct ipcp_neg_link *link = to_link(kobj);
	unsigned int v;

	spin_lock_bh(&link->lock);
	v = *ls_tunable(&link->eng.lcp.fsm.conf, attr);
	spin_unlock_bh(&link->lock);
	return sysfs_emit(buf, "%u\n", v);
}

static ssize_t tunable_store(struct kobject *kobj, struct kobj_attribute *attr,
			     const char *buf, size_t count)
{
	struct ipcp_neg_link *link = to_link(kobj);
	bool ms = !strcmp(attr->attr.name, "restart_ms");
	unsigned int lo = ms ? IPCP_NEG_RESTART_MS_MIN : IPCP_NEG_MAX_COUNT_MIN;
	unsigned int hi = ms ? IPCP_NEG_RESTART_MS_MAX : IPCP_NEG_MAX_COUNT_MAX;
	int err = ls_may_write(link);
	unsigned int v;

	if (err)
		return err;
	if (kstrtouint(buf, 10, &v) || v < lo || v > hi)
		return -EINVAL;
	spin_lock_bh(&link->lock);
	*ls_tunable(&link->eng.lcp.fsm.conf, attr) = v;
	*ls_tunable(&link->eng.ipcp.fsm.conf, attr) = v;
	spin_unlock_bh(&link->lock);
	return count;
}

static ssize_t packets_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	struct ipcp_neg_link *link = to_link(kobj);
	struct ipcp_neg_hist *h;
	ssize_t ret;

	h = kmalloc(sizeof(*h), GFP_KERNEL);
	if (!h)
		return -ENOMEM;
	spin_lock_bh(&link->lock);
	memcpy(h, &link->hist, sizeof(*h));
	spin_unlock_bh(&link->lock);
	ret = ipcp_neg_hist_show(h, buf, PAGE_SIZE);
	kfree(h);
	return ret;
}

static struct kobj_attribute ls_id = __ATTR_RO(id);
static struct kobj_attribute ls_role = __ATTR_RO(role);
static struct kobj_attribute ls_local = __ATTR_RW(local);
static struct kobj_attribute ls_remote = __ATTR_RW(remote);
static struct kobj_attribute ls_pool = __ATTR_RW(pool);
static struct kobj_attribute ls_dns = __ATTR_RW(dns);
static struct kobj_attribute ls_nbns = __ATTR_RW(nbns);
static struct kobj_attribute ls_request_dns =
	__ATTR(request_dns, 0644, flag_show, flag_store);
static struct kobj_attribute ls_request_nbns =
	__ATTR(request_nbns, 0644, flag_show, flag_store);
static struct kobj_attribute ls_forced =
	__ATTR(forced, 0644, flag_show, flag_store);
static struct kobj_attribute ls_pool_empty = __ATTR_RW(pool_empty);
static struct kobj_attribute ls_restart_ms =
	__ATTR(restart_ms, 0644, tunable_show, tunable_store);
static struct kobj_attribute ls_max_configure =
	__ATTR(max_configure, 0644, tunable_show, tunable_store);
static struct kobj_attribute ls_max_terminate =
	__ATTR(max_terminate, 0644, tunable_show, tunable_store);
static struct kobj_attribute ls_max_failure =
	__ATTR(max_failure, 0644, tunable_show, tunable_store);
static struct kobj_attribute ls_packets = __ATTR_RO(packets);

static struct attribute *ls_top_attrs[] = {
	&ls_id.attr,
	&ls_role.attr,
	&ls_local.attr,
	&ls_remote.attr,
	&ls_pool.attr,
	&ls_dns.attr,
	&ls_nbns.attr,
	&ls_request_dns.attr,
	&ls_request_nbns.attr,
	&ls_forced.attr,
	&ls_pool_empty.attr,
	&ls_restart_ms.attr,
	&ls_max_configure.attr,
	&ls_max_terminate.attr,
	&ls_max_failure.attr,
	&ls_packets.attr,
	NULL
};
ATTRIBUTE_GROUPS(ls_top);

/* state/ */

/* ipcp_neg_names.h lists the states in value order, from 0 */
#define LS_STATE_NAME(v, name, rfc)	name,
static const char * const ls_state_names[] = {
	IPCP_NEG_STATE_NAMES(LS_STATE_NAME)
};

static_assert(ARRAY_SIZE(ls_state_names) == IPCP_NEG_ST_COUNT);

/**
 * struct ls_snap - a link's state, read at once under its lock
 * @lcp: LCP state
 * @ipcp: IPCP state
 * @reason: enum ipcp_neg_engine_reason
 * @local: our negotiated address, 0 unless IPCP is up
 * @peer: the peer's, 0 unless IPCP is up
 * @srv: DNS/NBNS obtained (client) or handed out (server) while IPCP is up
 * @up_since: CLOCK_BOOTTIME seconds of IPCP up, 0 while down
 */
struct ls_snap {
	u8 lcp;
	u8 ipcp;
	u32 reason;
	__be32 local;
	__be32 peer;
	__be32 srv[IPCP_NEG_IPCP_O_COUNT];
	time64_t up_since;
};

static void ls_snap(struct ipcp_neg_link *link, struct ls_snap *s)
{
	const struct ipcp_neg_engine *e = &link->eng;

	memset(s, 0, sizeof(*s));
	spin_lock_bh(&link->lock);
	s->lcp = e->lcp.fsm.state;
	s->ipcp = e->ipcp.fsm.state;
	s->reason = e->reason;
	if (ipcp_neg_engine_ip_ok(e)) {
		s->local = e->ipcp.local;
		s->peer = e->ipcp.peer;
		memcpy(s->srv, ls_server(link) ? link->handed : e->ipcp.srv,
		       sizeof(s->srv));
		s->up_since = link->up_since;
	}
	spin_unlock_bh(&link->lock);
}

static const char *ls_state_name(u8 st)
{
	return st < IPCP_NEG_ST_COUNT ? ls_state_names[st] : "unknown";
}

static ssize_t state_show(struct kobject *kobj, struct kobj_attribute *attr,
			  char *buf)
{
	const char *n = attr->attr.name;
	struct ls_snap s;

	ls_snap(to_link(kobj), &s);
	if (!strcmp(n, "lcp"))
		return sysfs_emit(buf, "%s\n", ls_state_name(s.lcp));
	if (!strcmp(n, "ipcp"))
		return sysfs_emit(buf, "%s\n", ls_state_name(s.ipcp));
	if (!strcmp(n, "local"))
		return sysfs_emit(buf, "%pI4\n", &s.local);
	if (!strcmp(n, "peer"))
		return sysfs_emit(buf, "%pI4\n", &s.peer);
	if (!strcmp(n, "dns"))
		return sysfs_emit(buf, "%pI4 %pI4\n",
				  &s.srv[IPCP_NEG_IPCP_O_DNS1],
				  &s.srv[IPCP_NEG_IPCP_O_DNS2]);
	if (!strcmp(n, "nbns"))
		return sysfs_emit(buf, "%pI4 %pI4\n",
				  &s.srv[IPCP_NEG_IPCP_O_NBNS1],
				  &s.srv[IPCP_NEG_IPCP_O_NBNS2]);
	if (!strcmp(n, "up_since"))
		return sysfs_emit(buf, "%lld\n", (long long)s.up_since);
	return sysfs_emit(buf, "%s\n", ipcp_neg_engine_reason_code(s.reason));
}

#define LS_STATE(_name)							\
	static struct kobj_attribute ls_state_##_name =			\
		__ATTR(_name, 0444, state_show, NULL)

LS_STATE(lcp);
LS_STATE(ipcp);
LS_STATE(local);
LS_STATE(peer);
LS_STATE(dns);
LS_STATE(nbns);
LS_STATE(up_since);
LS_STATE(reason);

static struct attribute *ls_state_attrs[] = {
	&ls_state_lcp.attr,
	&ls_state_ipcp.attr,
	&ls_state_local.attr,
	&ls_state_peer.attr,
	&ls_state_dns.attr,
	&ls_state_nbns.attr,
	&ls_state_up_since.attr,
	&ls_state_reason.attr,
	NULL
};
ATTRIBUTE_GROUPS(ls_state);

/* counters/ */

enum ls_ctr_src { LS_LCP, LS_IPCP, LS_LINK };
enum ls_ctr_field {
	LS_TX, LS_RX, LS_MALFORMED, LS_DISCARDED, LS_NAK_LOOPS,
	LS_ADDR_CHANGES, LS_RENEGOTIATIONS, LS_RX_DROPPED, LS_TX_DROPPED
};

/**
 * struct ls_ctr - one counter file
 * @attr: the file
 * @src: enum ls_ctr_src: whose counter
 * @field: enum ls_ctr_field: which
 * @code: the packet code, for LS_TX and LS_RX
 */
struct ls_ctr {
	struct kobj_attribute attr;
	u8 src;
	u8 field;
	u8 code;
};

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

static u32 ls_link_ctr(struct ipcp_neg_link *link, u8 field)
{
	switch (field) {
	case LS_ADDR_CHANGES:
		return link->addr_changes;
	case LS_RENEGOTIATIONS:
		return link->renegotiations;
	case LS_RX_DROPPED:
		return atomic_read(&link->rx_dropped);
	default:
		return atomic_read(&link->tx_dropped);
	}
}

static ssize_t ctr_show(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf)
{
	const struct ls_ctr *c = container_of(attr, struct ls_ctr, attr);
	struct ipcp_neg_link *link = to_link(kobj);
	u32 v;

	spin_lock_bh(&link->lock);
	if (c->src == LS_LINK)
		v = ls_link_ctr(link, c->field);
	else
		v = ls_fsm_ctr(c->src == LS_LCP ? &link->eng.lcp.fsm.stats :
			       &link->eng.ipcp.fsm.stats, c->field, c->code);
	spin_unlock_bh(&link->lock);
	return sysfs_emit(buf, "%u\n", v);
}

#define LS_CTR(_name, _src, _field, _code) {				\
	.attr = __ATTR(_name, 0444, ctr_show, NULL),			\
	.src = _src, .field = _field, .code = _code,			\
}

static struct ls_ctr ls_ctrs[] = {
	LS_CTR(lcp_tx_confreq, LS_LCP, LS_TX, IPCP_NEG_CONFREQ),
	LS_CTR(lcp_rx_confreq, LS_LCP, LS_RX, IPCP_NEG_CONFREQ),
	LS_CTR(lcp_tx_confack, LS_LCP, LS_TX, IPCP_NEG_CONFACK),
	LS_CTR(lcp_rx_confack, LS_LCP, LS_RX, IPCP_NEG_CONFACK),
	LS_CTR(lcp_tx_confnak, LS_LCP, LS_TX, IPCP_NEG_CONFNAK),
	LS_CTR(lcp_rx_confnak, LS_LCP, LS_RX, IPCP_NEG_CONFNAK),
	LS_CTR(lcp_tx_confrej, LS_LCP, LS_TX, IPCP_NEG_CONFREJ),
	LS_CTR(lcp_rx_confrej, LS_LCP, LS_RX, IPCP_NEG_CONFREJ),
	LS_CTR(lcp_tx_termreq, LS_LCP, LS_TX, IPCP_NEG_TERMREQ),
	LS_CTR(lcp_rx_termreq, LS_LCP, LS_RX, IPCP_NEG_TERMREQ),
	LS_CTR(lcp_tx_termack, LS_LCP, LS_TX, IPCP_NEG_TERMACK),
	LS_CTR(lcp_rx_termack, LS_LCP, LS_RX, IPCP_NEG_TERMACK),
	LS_CTR(lcp_tx_coderej, LS_LCP, LS_TX, IPCP_NEG_CODEREJ),
	LS_CTR(lcp_rx_coderej, LS_LCP, LS_RX, IPCP_NEG_CODEREJ),
	LS_CTR(lcp_tx_protrej, LS_LCP, LS_TX, IPCP_NEG_PROTREJ),
	LS_CTR(lcp_rx_protrej, LS_LCP, LS_RX, IPCP_NEG_PROTREJ),
	LS_CTR(lcp_tx_echoreq, LS_LCP, LS_TX, IPCP_NEG_ECHOREQ),
	LS_CTR(lcp_rx_echoreq, LS_LCP, LS_RX, IPCP_NEG_ECHOREQ),
	LS_CTR(lcp_tx_echorep, LS_LCP, LS_TX, IPCP_NEG_ECHOREP),
	LS_CTR(lcp_rx_echorep, LS_LCP, LS_RX, IPCP_NEG_ECHOREP),
	LS_CTR(lcp_tx_discreq, LS_LCP, LS_TX, IPCP_NEG_DISCREQ),
	LS_CTR(lcp_rx_discreq, LS_LCP, LS_RX, IPCP_NEG_DISCREQ),
	LS_CTR(lcp_malformed, LS_LCP, LS_MALFORMED, 0),
	LS_CTR(lcp_discarded, LS_LCP, LS_DISCARDED, 0),
	LS_CTR(lcp_nak_loops, LS_LCP, LS_NAK_LOOPS, 0),
	LS_CTR(ipcp_tx_confreq, LS_IPCP, LS_TX, IPCP_NEG_CONFREQ),
	LS_CTR(ipcp_rx_confreq, LS_IPCP, LS_RX, IPCP_NEG_CONFREQ),
	LS_CTR(ipcp_tx_confack, LS_IPCP, LS_TX, IPCP_NEG_CONFACK),
	LS_CTR(ipcp_rx_confack, LS_IPCP, LS_RX, IPCP_NEG_CONFACK),
	LS_CTR(ipcp_tx_confnak, LS_IPCP, LS_TX, IPCP_NEG_CONFNAK),
	LS_CTR(ipcp_rx_confnak, LS_IPCP, LS_RX, IPCP_NEG_CONFNAK),
	LS_CTR(ipcp_tx_confrej, LS_IPCP, LS_TX, IPCP_NEG_CONFREJ),
	LS_CTR(ipcp_rx_confrej, LS_IPCP, LS_RX, IPCP_NEG_CONFREJ),
	LS_CTR(ipcp_tx_termreq, LS_IPCP, LS_TX, IPCP_NEG_TERMREQ),
	LS_CTR(ipcp_rx_termreq, LS_IPCP, LS_RX, IPCP_NEG_TERMREQ),
	LS_CTR(ipcp_tx_termack, LS_IPCP, LS_TX, IPCP_NEG_TERMACK),
	LS_CTR(ipcp_rx_termack, LS_IPCP, LS_RX, IPCP_NEG_TERMACK),
	LS_CTR(ipcp_tx_coderej, LS_IPCP, LS_TX, IPCP_NEG_CODEREJ),
	LS_CTR(ipcp_rx_coderej, LS_IPCP, LS_RX, IPCP_NEG_CODEREJ),
	LS_CTR(ipcp_malformed, LS_IPCP, LS_MALFORMED, 0),
	LS_CTR(ipcp_discarded, LS_IPCP, LS_DISCARDED, 0),
	LS_CTR(ipcp_nak_loops, LS_IPCP, LS_NAK_LOOPS, 0),
	LS_CTR(addr_changes, LS_LINK, LS_ADDR_CHANGES, 0),
	LS_CTR(ipcp_renegotiations, LS_LINK, LS_RENEGOTIATIONS, 0),
	LS_CTR(rx_dropped, LS_LINK, LS_RX_DROPPED, 0),
	LS_CTR(tx_dropped, LS_LINK, LS_TX_DROPPED, 0),
};

/* Filled from ls_ctrs[] by ipcp_neg_link_sysfs_init() */
static struct attribute *ls_counters_attrs[ARRAY_SIZE(ls_ctrs) + 1];
ATTRIBUTE_GROUPS(ls_counters);

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
 * ipcp_neg_link_sysfs_init - prepare the counters' attribute list
 *
 * Context: module init, before any link is attached.
 */
void ipcp_neg_link_sysfs_init(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(ls_ctrs); i++)
		ls_counters_attrs[i] = &ls_ctrs[i].attr.attr;
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
