// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target pool: the address pools of src/addr_pool.c against a naive
 * model. Every operation's result (error code, address handed out, owner
 * pool, usage counters) must be what the model predicts from the
 * documentation in src/addr_pool.[ch]; references are modelled too, so a
 * pool freed early is a use after free for AddressSanitizer and one never
 * freed is memory left at the end.
 *
 * The model is deliberately simple: one byte per address for leases, a
 * linear scan in next-fit order for take_any, a graph walk for chains.
 * Addresses come from four 4096-address blocks per namespace (0.0.0.0/20,
 * 10.0.0.0/20, 10.0.16.0/20, 255.255.240.0/20), so that 0.0.0.0 and
 * 255.255.255.255 are met; there are two namespaces, the second not owned
 * by the initial user namespace, so bound to FUZZ_USERNS_ADDRS addresses.
 * A range is one bitmap chunk (ranges here are at most 4096 addresses):
 * it exists while the range has a lease, and taking the first lease of a
 * range allocates it (two allocations), which the model follows.
 *
 * Input: operations until the input ends. An operation is one byte, bits
 * 0-3 the operation and bits 4-7 an argument, then its parameters:
 *	0	create: namespace (arg & 1), name (see read_name())
 *	1	add_range: handle, block (arg & 3), offset, length; arg & 4
 *		swaps the ends, arg & 8 asks for a range of 2^24 + 1
 *	2	add_prefix: handle, block, offset, length (20-32; arg & 4: any
 *		byte), arg & 8 leaves host bits set
 *	3	reserve: handle, address (arg & 4: any 32 bits)
 *	4	set_next: handle, handle (arg & 1: NULL)
 *	5	delete: namespace, name
 *	6	get: namespace, name
 *	7	put: handle
 *	8	take_any: handle
 *	9	take: handle, address
 *	10	release a lease through its owner: lease index
 *	11	release: handle, address
 *	12	cleanup_net: namespace (arg & 1)
 *	13	the next allocations fail: arg & 1 the second only, else all
 *	14	take_any up to arg * 8 + 1 times
 *	15	mem: handle (memory is the chunks of the ranges with leases,
 *		plus a little per pool and range)
 * A handle parameter is a byte picking one of the held pools.
 */

#include <stdlib.h>

#include <linux/bits.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/rcupdate.h>
#include <linux/string.h>
#include <linux/user_namespace.h>
#include <net/net_namespace.h>

#include "addr_pool.h"
#include "common.h"
#include "params.h"
#include "shim.h"

#define NPOOLS		24
#define NHANDLES	8
#define NLEASES		256
#define BLOCK		4096
#define NAME_BUF	40
#define NO_POOL		(-1)
/* userns_pool_addrs for nets[1]: room for some of its 4 blocks, not all */
#define FUZZ_USERNS_ADDRS	6000

static const u32 blocks[4] = { 0x00000000, 0x0a000000, 0x0a001000, 0xfffff000 };

/* A range of a model pool, host order */
struct mrange {
	u32 first;
	u32 last;
	bool prefix;
	u32 leased;
};

/**
 * struct mpool - the model of one pool
 * @exists: created and not yet freed (still on the list of pools)
 * @dead: deleted
 * @net: namespace index
 * @name: its name
 * @refs: references: configuration, handles, leases, next pointers
 * @next: model index of the next pool, or NO_POOL
 * @nranges: ranges in @r
 * @r: its ranges, in the order they were added
 * @nres: addresses in @res
 * @res: addresses given to reserve, host order
 * @cur: next-fit cursor: index of the next address to try, counting the
 *	addresses of all ranges in order
 * @total: usable addresses
 * @used: leased addresses
 * @real: the pool under test
 */
struct mpool {
	bool exists;
	bool dead;
	int net;
	char name[NAME_BUF];
	int refs;
	int next;
	unsigned int nranges;
	struct mrange r[IPCP_NEG_POOL_MAX_RANGES];
	unsigned int nres;
	u32 res[IPCP_NEG_POOL_MAX_RESERVED];
	u64 cur;
	u32 total;
	u32 used;
	struct ipcp_neg_pool *real;
};

/**
 * struct lease - an address the harness holds
 * @pool: model index of its owner
 * @addr: the address, host order
 * @owner: the owner pool under test
 */
struct lease {
	int pool;
	u32 addr;
	struct ipcp_neg_pool *owner;
};

static struct user_namespace fuzz_userns;
static struct net nets[2] = {
	{ .id = 0, .user_ns = &init_user_ns },
	{ .id = 1, .user_ns = &fuzz_userns },
};

/* The module parameter, as the pool code reads it (params.c is not here) */
unsigned int ipcp_neg_param_userns_pool_addrs(void)
{
	return FUZZ_USERNS_ADDRS;
}

static struct {
	struct mpool p[NPOOLS];
	int npools;
	int handle[NHANDLES];
	struct lease l[NLEASES];
	int nleases;
	u8 leased[2][ARRAY_SIZE(blocks)][BLOCK];
	u32 kmem;			/* allocation failure pattern */
	unsigned int kcount;		/* allocations made since it was set */
	char name[NAME_BUF];
} m;

/* ---- the model ---- */

static u8 *m_lease_slot(int net, u32 a)
{
	unsigned int k;

	for (k = 0; k < ARRAY_SIZE(blocks); k++)
		if (a - blocks[k] < BLOCK)
			return &m.leased[net][k][a - blocks[k]];
	return NULL;
}

static bool m_leased(int net, u32 a)
{
	u8 *s = m_lease_slot(net, a);

	return s && *s;
}

static int m_range_of(const struct mpool *p, u32 a)
{
	unsigned int i;

	for (i = 0; i < p->nranges; i++)
		if (a >= p->r[i].first && a <= p->r[i].last)
			return i;
	return -1;
}

/* The documented reserved addresses of @p (@ri: the range of @a or -1) */
static bool m_reserved(const struct mpool *p, int ri, u32 a)
{
	unsigned int i;

	if (a == 0 || a == U32_MAX)
		return true;
	if (ri >= 0 && p->r[ri].prefix &&
	    (a == p->r[ri].first || a == p->r[ri].last))
		return true;
	for (i = 0; i < p->nres; i++)
		if (p->res[i] == a)
			return true;
	return false;
}

static void m_put(int i)
{
	while (i != NO_POOL) {
		struct mpool *p = &m.p[i];

		FUZZ_ASSERT(p->exists && p->refs > 0);
		if (--p->refs)
			return;
		p->exists = false;
		i = p->next;
	}
}

/* The live pool @name of namespace @net, as documented for get/delete */
static int m_find(int net, const char *name)
{
	int i;

	for (i = 0; i < m.npools; i++)
		if (m.p[i].exists && !m.p[i].dead && m.p[i].net == net &&
		    !strcmp(m.p[i].name, name))
			return i;
	return NO_POOL;
}

/*
 * "1 to 31 characters of [A-Za-z0-9_.-], neither "." nor ".."" (the
 * kernel's isalnum() alone would take Latin-1 letters too)
 */
static bool m_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

static bool m_name_valid(const char *name)
{
	size_t len = strnlen(name, IPCP_NEG_POOL_NAME_SIZE), i;

	if (!len || len == IPCP_NEG_POOL_NAME_SIZE)
		return false;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return false;
	for (i = 0; i < len; i++)
		if (!m_name_char(name[i]))
			return false;
	return true;
}

static bool m_overlaps(int net, u32 first, u32 last)
{
	unsigned int j;
	int i;

	for (i = 0; i < m.npools; i++) {
		if (!m.p[i].exists || m.p[i].net != net)
			continue;
		for (j = 0; j < m.p[i].nranges; j++)
			if (first <= m.p[i].r[j].last &&
			    last >= m.p[i].r[j].first)
				return true;
	}
	return false;
}

/* Follow @i's chain with @from's next replaced by @to; NPOOLS+1 if a loop */
static int m_chain_len(int i, int from, int to)
{
	int n = 0;

	while (i != NO_POOL && n <= NPOOLS) {
		n++;
		i = i == from ? to : m.p[i].next;
	}
	return n;
}

/* The result of set_next(@pi, @ni) as documented */
static int m_set_next_err(int pi, int ni)
{
	int i;

	if (m.p[pi].dead || (ni != NO_POOL && m.p[ni].dead))
		return -ENOENT;
	if (ni == NO_POOL)
		return 0;
	if (m.p[pi].net != m.p[ni].net)
		return -EINVAL;
	for (i = 0; i < m.npools; i++)
		if (m.p[i].exists &&
		    m_chain_len(i, pi, ni) > IPCP_NEG_POOL_MAX_CHAIN)
			return -ELOOP;
	return 0;
}

static u32 m_size(const struct mrange *r)
{
	return r->last - r->first + 1;
}

static void m_lease(struct mpool *p, u32 a)
{
	u8 *s = m_lease_slot(p->net, a);

	FUZZ_ASSERT(s && !*s);
	*s = 1;
	p->used++;
	p->refs++;
	p->r[m_range_of(p, a)].leased++;
}

/* The code's next allocation, in the order it makes them: does it fail? */
static bool m_alloc_fails(void)
{
	return m.kmem & BIT(m.kcount++ % 32);
}

/* A range's chunk: its header, then its words (not tried if that failed) */
static bool m_chunk_fails(void)
{
	return m_alloc_fails() || m_alloc_fails();
}

/* Next fit in one pool: a circular scan from the cursor; 0 if none */
static u32 m_take_any_one(struct mpool *p)
{
	u64 all = 0, k, idx;
	bool skip = false;
	unsigned int ri;
	u32 a;

	if (p->dead)
		return 0;
	for (ri = 0; ri < p->nranges; ri++)
		all += m_size(&p->r[ri]);
	for (k = 0; k < all; k++) {
		idx = (p->cur + k) % all;
		for (ri = 0; idx >= m_size(&p->r[ri]); ri++)
			idx -= m_size(&p->r[ri]);
		a = p->r[ri].first + idx;
		/* a chunk that failed is passed over up to the range's end */
		skip &= idx != 0;
		if (skip || m_reserved(p, ri, a) || m_leased(p->net, a))
			continue;
		if (!p->r[ri].leased && m_chunk_fails()) {
			skip = true;
			continue;
		}
		m_lease(p, a);
		p->cur = (p->cur + k) % all + 1;
		return a;
	}
	return 0;
}

static int m_chain_next(int i, unsigned int *hops)
{
	if (++*hops >= IPCP_NEG_POOL_MAX_CHAIN)
		return NO_POOL;
	return m.p[i].next;
}

/* take(@a) from @i's chain: the error, *@owner the pool */
static int m_take(int i, u32 a, int *owner)
{
	unsigned int hops = 0;
	int ri;

	*owner = NO_POOL;
	for (; i != NO_POOL; i = m_chain_next(i, &hops)) {
		ri = m_range_of(&m.p[i], a);
		if (m.p[i].dead || ri < 0)
			continue;
		if (m_reserved(&m.p[i], ri, a))
			return -EPERM;
		if (m_leased(m.p[i].net, a))
			return -EBUSY;
		if (!m.p[i].r[ri].leased && m_chunk_fails())
			return -ENOMEM;
		m_lease(&m.p[i], a);
		*owner = i;
		return 0;
	}
	return -ENOENT;
}

static int m_release(int i, u32 a, int *owner)
{
	unsigned int hops = 0;
	int ri;

	*owner = NO_POOL;
	for (; i != NO_POOL; i = m_chain_next(i, &hops)) {
		ri = m_range_of(&m.p[i], a);
		if (ri < 0)
			continue;
		if (m_reserved(&m.p[i], ri, a) || !m_leased(m.p[i].net, a))
			return -EINVAL;
		*m_lease_slot(m.p[i].net, a) = 0;
		m.p[i].used--;
		m.p[i].r[ri].leased--;
		*owner = i;
		return 0;
	}
	return -ENOENT;
}

/* ---- input ---- */

/* A handle parameter: the model index of a held pool, or NO_POOL */
static int read_handle(struct fuzz_in *in, int *slot)
{
	int s = fuzz_u8(in) % NHANDLES;

	if (slot)
		*slot = s;
	return m.handle[s];
}

static int free_handle(void)
{
	int s;

	for (s = 0; s < NHANDLES; s++)
		if (m.handle[s] == NO_POOL)
			return s;
	return -1;
}

/* A name: one of a few, or (byte - 0xc0) % 36 bytes of the input */
static const char *read_name(struct fuzz_in *in)
{
	static const char * const names[] = {
		"a", "b", "pool-1", "x.y_z", ".", "..", "", "bad name",
		"abcdefghijklmnopqrstuvwxyz01234",
		"abcdefghijklmnopqrstuvwxyz012345",
	};
	u8 n = fuzz_u8(in);

	memset(m.name, 0, sizeof(m.name));
	if (n < 0xc0)
		strcpy(m.name, names[n % ARRAY_SIZE(names)]);
	else
		fuzz_bytes(in, (u8 *)m.name, (n - 0xc0) % 36);
	return m.name;
}

static u32 read_addr(struct fuzz_in *in, u8 arg)
{
	u8 k = fuzz_u8(in);

	if (arg & 4)
		return fuzz_u32(in);
	return blocks[k % ARRAY_SIZE(blocks)] + fuzz_u16(in) % BLOCK;
}

/* ---- operations ---- */

/* Does namespace @net have pools (live or not yet freed)? */
static bool m_net_has_pools(int net)
{
	int i;

	for (i = 0; i < m.npools; i++)
		if (m.p[i].exists && m.p[i].net == net)
			return true;
	return false;
}

/* Addresses in the ranges of @net's pools, those not yet freed included */
static u64 m_net_addrs(int net)
{
	u64 n = 0;
	int i, ri;

	for (i = 0; i < m.npools; i++)
		for (ri = 0; m.p[i].exists && m.p[i].net == net &&
		     ri < m.p[i].nranges; ri++)
			n += m_size(&m.p[i].r[ri]);
	return n;
}

static void op_create(struct fuzz_in *in, u8 arg)
{
	int net = arg & 1, slot = free_handle(), err = 0;
	const char *name = read_name(in);
	struct ipcp_neg_pool *real;
	struct mpool *p;

	if (slot < 0 || m.npools == NPOOLS)
		return;
	if (!m_name_valid(name))
		err = -EINVAL;
	else if (m_alloc_fails())
		err = -ENOMEM;			/* the pool */
	else if (!m_net_has_pools(net) && m_alloc_fails())
		err = -ENOMEM;			/* its namespace's list */
	else if (m_find(net, name) != NO_POOL)
		err = -EEXIST;
	real = ipcp_neg_pool_create(&nets[net], name);
	if (IS_ERR(real) ? PTR_ERR(real) != err : err)
		fuzz_fail("create \"%s\": %ld, model %d", name,
			  IS_ERR(real) ? PTR_ERR(real) : 0, err);
	fuzz_log("create \"%s\": %d", name, err);
	if (err)
		return;
	p = &m.p[m.npools];
	memset(p, 0, sizeof(*p));
	p->exists = true;
	p->net = net;
	strcpy(p->name, name);
	p->refs = 2;
	p->next = NO_POOL;
	p->real = real;
	m.handle[slot] = m.npools++;
}

static int m_add_err(struct mpool *p, u32 first, u32 last)
{
	if (first > last)
		return -EINVAL;
	if (last - first >= IPCP_NEG_POOL_MAX_RANGE_SIZE)
		return -E2BIG;
	if (m_alloc_fails())
		return -ENOMEM;
	if (p->dead)
		return -ENOENT;
	if (p->nranges == IPCP_NEG_POOL_MAX_RANGES)
		return -ENOSPC;
	if (m_overlaps(p->net, first, last))
		return -EEXIST;
	if (p->net == 1 &&
	    m_net_addrs(1) + last - first + 1 > FUZZ_USERNS_ADDRS)
		return -EDQUOT;
	return 0;
}

static void m_add(struct mpool *p, u32 first, u32 last, bool prefix)
{
	struct mrange *r = &p->r[p->nranges];
	u32 a = first;

	r->first = first;
	r->last = last;
	r->prefix = prefix;
	r->leased = 0;
	do {
		FUZZ_ASSERT(m_lease_slot(p->net, a) && !m_leased(p->net, a));
		p->total += !m_reserved(p, p->nranges, a);
	} while (a++ != last);
	p->nranges++;
}

static void add_range(int pi, u32 first, u32 last, bool prefix, int real_err)
{
	struct mpool *p = &m.p[pi];
	int err = m_add_err(p, first, last);

	if (!err && prefix && (first & (last - first)))
		err = -EINVAL;
	if (real_err != err)
		fuzz_fail("add %08x-%08x%s to \"%s\": %d, model %d", first,
			  last, prefix ? " (prefix)" : "", p->name, real_err,
			  err);
	if (!err)
		m_add(p, first, last, prefix);
}

static void op_add_range(struct fuzz_in *in, u8 arg)
{
	int pi = read_handle(in, NULL);
	u32 base = blocks[arg & 3];
	u32 off = fuzz_u16(in) % BLOCK, len = 1 + fuzz_u16(in) % 256, t;
	u32 first = base + off, last;
	int err;

	if (pi == NO_POOL)
		return;
	len = min(len, BLOCK - off);
	last = first + len - 1;
	if (arg & 4) {
		t = first;
		first = last;
		last = t;
	}
	if (arg & 8)
		last = first + IPCP_NEG_POOL_MAX_RANGE_SIZE;
	err = ipcp_neg_pool_add_range(m.p[pi].real, htonl(first), htonl(last));
	add_range(pi, first, last, false, err);
}

static void op_add_prefix(struct fuzz_in *in, u8 arg)
{
	int pi = read_handle(in, NULL), err;
	u32 base = blocks[arg & 3], off = fuzz_u16(in) % BLOCK;
	u8 plen = fuzz_u8(in);
	u32 host;

	if (pi == NO_POOL)
		return;
	if (!(arg & 4))
		plen = 20 + plen % 13;
	if (plen > 32) {
		err = ipcp_neg_pool_add_prefix(m.p[pi].real, htonl(base), plen);
		if (err != -EINVAL)
			fuzz_fail("add_prefix /%u: %d", plen, err);
		return;
	}
	host = plen == 32 ? 0 : U32_MAX >> plen;
	if (plen >= 8 && plen < 20)
		return;			/* bigger than a block */
	if (!(arg & 8))
		off &= ~host;
	err = ipcp_neg_pool_add_prefix(m.p[pi].real, htonl(base + off), plen);
	if ((base + off) & host) {
		if (err != -EINVAL)
			fuzz_fail("add_prefix with host bits: %d", err);
		return;
	}
	add_range(pi, base + off, (base + off) | host, plen <= 30, err);
}

static void op_reserve(struct fuzz_in *in, u8 arg)
{
	int pi = read_handle(in, NULL), ri, err = 0;
	u32 a = read_addr(in, arg);
	struct mpool *p;

	if (pi == NO_POOL)
		return;
	p = &m.p[pi];
	ri = m_range_of(p, a);
	if (p->dead)
		err = -ENOENT;
	else if (m_reserved(p, ri, a))
		err = 1;			/* nothing to do */
	else if (p->nres == IPCP_NEG_POOL_MAX_RESERVED)
		err = -ENOSPC;
	else if (ri >= 0 && m_leased(p->net, a))
		err = -EBUSY;
	if (ipcp_neg_pool_reserve(p->real, htonl(a)) != min(err, 0))
		fuzz_fail("reserve %08x in \"%s\": model %d", a, p->name, err);
	if (err)
		return;
	p->res[p->nres++] = a;
	if (ri >= 0)
		p->total--;
}

static void op_set_next(struct fuzz_in *in, u8 arg)
{
	int pi = read_handle(in, NULL), ni = read_handle(in, NULL), err, old;

	if (pi == NO_POOL)
		return;
	if (arg & 1)
		ni = NO_POOL;
	err = m_set_next_err(pi, ni);
	fuzz_log("set_next \"%s\" -> \"%s\": %d", m.p[pi].name,
		 ni == NO_POOL ? "(none)" : m.p[ni].name, err);
	if (ipcp_neg_pool_set_next(m.p[pi].real,
				   ni == NO_POOL ? NULL : m.p[ni].real) != err)
		fuzz_fail("set_next \"%s\" -> \"%s\": model %d", m.p[pi].name,
			  ni == NO_POOL ? "(none)" : m.p[ni].name, err);
	if (err)
		return;
	if (ni != NO_POOL)
		m.p[ni].refs++;
	old = m.p[pi].next;
	m.p[pi].next = ni;
	m_put(old);
}

static void op_delete(struct fuzz_in *in, u8 arg)
{
	int net = arg & 1, pi, err = 0;
	const char *name = read_name(in);

	pi = m_find(net, name);
	if (strnlen(name, IPCP_NEG_POOL_NAME_SIZE) == IPCP_NEG_POOL_NAME_SIZE)
		err = -EINVAL;
	else if (pi == NO_POOL)
		err = -ENOENT;
	if (ipcp_neg_pool_delete(&nets[net], name) != err)
		fuzz_fail("delete \"%s\": model %d", name, err);
	if (err)
		return;
	m.p[pi].dead = true;
	m_put(pi);
}

static void op_get(struct fuzz_in *in, u8 arg)
{
	int net = arg & 1, slot = free_handle(), pi;
	const char *name = read_name(in);
	struct ipcp_neg_pool *real;

	if (slot < 0)
		return;
	pi = m_find(net, name);
	if (strnlen(name, IPCP_NEG_POOL_NAME_SIZE) == IPCP_NEG_POOL_NAME_SIZE)
		pi = NO_POOL;
	real = ipcp_neg_pool_get(&nets[net], name);
	if (real != (pi == NO_POOL ? NULL : m.p[pi].real))
		fuzz_fail("get \"%s\": %p, model %d", name, real, pi);
	if (pi == NO_POOL)
		return;
	m.p[pi].refs++;
	m.handle[slot] = pi;
	FUZZ_ASSERT(!strcmp(ipcp_neg_pool_name(real), m.p[pi].name));
}

static void op_put(struct fuzz_in *in)
{
	int slot, pi = read_handle(in, &slot);

	if (pi == NO_POOL)
		return;
	m.handle[slot] = NO_POOL;
	ipcp_neg_pool_put(m.p[pi].real);
	m_put(pi);
}

static void add_lease(int owner, u32 a, struct ipcp_neg_pool *real)
{
	struct lease *l = &m.l[m.nleases++];

	l->pool = owner;
	l->addr = a;
	l->owner = real;
}

static void drop_lease(int i)
{
	m.l[i] = m.l[--m.nleases];
}

static void take_any(int pi)
{
	struct ipcp_neg_pool *owner;
	unsigned int hops = 0;
	u32 a = 0, got;
	int i;

	if (m.nleases == NLEASES)
		return;
	for (i = pi; i != NO_POOL; i = m_chain_next(i, &hops)) {
		a = m_take_any_one(&m.p[i]);
		if (a)
			break;
	}
	got = ntohl(ipcp_neg_pool_take_any(m.p[pi].real, &owner));
	fuzz_log("take_any \"%s\": %08x", m.p[pi].name, a);
	if (got != a || owner != (a ? m.p[i].real : NULL))
		fuzz_fail("take_any from \"%s\": %08x, model %08x", m.p[pi].name,
			  got, a);
	if (a)
		add_lease(i, a, owner);
}

static void op_take_any(struct fuzz_in *in, unsigned int times)
{
	int pi = read_handle(in, NULL);

	while (pi != NO_POOL && times--)
		take_any(pi);
}

static void op_take(struct fuzz_in *in, u8 arg)
{
	int pi = read_handle(in, NULL), owner, err;
	u32 a = read_addr(in, arg);
	struct ipcp_neg_pool *real_owner;

	if (pi == NO_POOL || m.nleases == NLEASES)
		return;
	err = m_take(pi, a, &owner);
	if (ipcp_neg_pool_take(m.p[pi].real, htonl(a), &real_owner) != err ||
	    real_owner != (err ? NULL : m.p[owner].real))
		fuzz_fail("take %08x from \"%s\": model %d", a, m.p[pi].name,
			  err);
	if (!err)
		add_lease(owner, a, real_owner);
}

static void release_lease(int i)
{
	struct lease *l = &m.l[i];
	int owner, err;

	err = m_release(l->pool, l->addr, &owner);
	FUZZ_ASSERT(!err && owner == l->pool);
	if (ipcp_neg_pool_release(l->owner, htonl(l->addr)))
		fuzz_fail("release %08x to its owner \"%s\" failed", l->addr,
			  m.p[owner].name);
	m_put(owner);
	drop_lease(i);
}

static void op_release(struct fuzz_in *in, u8 arg)
{
	int pi = read_handle(in, NULL), owner, err, i;
	u32 a = read_addr(in, arg);

	if (pi == NO_POOL)
		return;
	err = m_release(pi, a, &owner);
	if (ipcp_neg_pool_release(m.p[pi].real, htonl(a)) != err)
		fuzz_fail("release %08x via \"%s\": model %d", a, m.p[pi].name,
			  err);
	if (err)
		return;
	for (i = 0; i < m.nleases; i++)
		if (m.l[i].pool == owner && m.l[i].addr == a)
			break;
	FUZZ_ASSERT(i < m.nleases);
	drop_lease(i);
	m_put(owner);
}

static void cleanup_net(int net)
{
	int i;

	ipcp_neg_pool_cleanup_net(&nets[net]);
	for (i = 0; i < m.npools; i++) {
		if (!m.p[i].exists || m.p[i].dead || m.p[i].net != net)
			continue;
		m.p[i].dead = true;
		m_put(i);
	}
}

static void op_mem(struct fuzz_in *in)
{
	int pi = read_handle(in, NULL);
	size_t bytes = 0, most, mem;
	const struct mpool *p;
	unsigned int i;

	if (pi == NO_POOL)
		return;
	p = &m.p[pi];
	/* a pool and range struct, and a chunk's header: < 1 KiB, 128 B */
	most = 1024;
	for (i = 0; i < p->nranges; i++) {
		most += 128;
		if (!p->r[i].leased)
			continue;
		bytes += DIV_ROUND_UP(m_size(&p->r[i]), 64) * 8;
		most += 128;
	}
	most += bytes;
	mem = ipcp_neg_pool_mem(p->real);
	if (mem <= bytes || mem > most)
		fuzz_fail("mem of \"%s\": %zu, model %zu-%zu", p->name, mem,
			  bytes, most);
}

static void op_run(u8 op, struct fuzz_in *in)
{
	u8 arg = op >> 4;

	switch (op & 0x0f) {
	case 0:
		op_create(in, arg);
		break;
	case 1:
		op_add_range(in, arg);
		break;
	case 2:
		op_add_prefix(in, arg);
		break;
	case 3:
		op_reserve(in, arg);
		break;
	case 4:
		op_set_next(in, arg);
		break;
	case 5:
		op_delete(in, arg);
		break;
	case 6:
		op_get(in, arg);
		break;
	case 7:
		op_put(in);
		break;
	case 8:
		op_take_any(in, 1);
		break;
	case 9:
		op_take(in, arg);
		break;
	case 10:
		if (m.nleases)
			release_lease(fuzz_u8(in) % m.nleases);
		break;
	case 11:
		op_release(in, arg);
		break;
	case 12:
		cleanup_net(arg & 1);
		break;
	case 13:
		m.kmem = arg & 1 ? 2 : ~0u;
		m.kcount = 0;
		fuzz_kmem_fail_pattern(m.kmem);
		return;
	case 14:
		op_take_any(in, arg * 8 + 1);
		break;
	case 15:
		op_mem(in);
		break;
	}
	m.kmem = 0;
	fuzz_kmem_fail_pattern(0);
}

/* ---- checks ---- */

static void check_usage(int pi)
{
	const struct mpool *p = &m.p[pi];
	u32 total, used;

	ipcp_neg_pool_usage(p->real, &total, &used);
	if (total != p->total || used != p->used)
		fuzz_fail("usage of \"%s\": %u/%u, model %u/%u", p->name, used,
			  total, p->used, p->total);
}

/* Recount the model's counters address by address */
static void check_model(const struct mpool *p)
{
	u32 total = 0, used = 0, a;
	unsigned int ri;

	for (ri = 0; ri < p->nranges; ri++) {
		a = p->r[ri].first;
		do {
			if (!m_reserved(p, ri, a))
				total++;
			used += m_leased(p->net, a);
		} while (a++ != p->r[ri].last);
	}
	FUZZ_ASSERT(total == p->total && used == p->used);
}

static void check_all(void)
{
	int s;

	FUZZ_ASSERT(!fuzz_locks_held && !fuzz_rcu_nesting);
	fuzz_rcu_quiesce();
	for (s = 0; s < NHANDLES; s++)
		if (m.handle[s] != NO_POOL)
			check_usage(m.handle[s]);
}

static void teardown(void)
{
	int i;

	fuzz_kmem_fail_pattern(0);
	while (m.nleases)
		release_lease(m.nleases - 1);
	for (i = 0; i < NHANDLES; i++) {
		if (m.handle[i] == NO_POOL)
			continue;
		ipcp_neg_pool_put(m.p[m.handle[i]].real);
		m_put(m.handle[i]);
	}
	cleanup_net(0);
	cleanup_net(1);
	for (i = 0; i < m.npools; i++)
		FUZZ_ASSERT(!m.p[i].exists);
	ipcp_neg_pool_exit();
	FUZZ_ASSERT(fuzz_kmem_live == 0);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in;
	int i;

	memset(&m, 0, sizeof(m));
	fuzz_kmem_fail_pattern(0);
	for (i = 0; i < NHANDLES; i++)
		m.handle[i] = NO_POOL;
	fuzz_start(&in, data, size);
	while (in.left) {
		op_run(fuzz_u8(&in), &in);
		check_all();
	}
	for (i = 0; i < m.npools; i++)
		if (m.p[i].exists)
			check_model(&m.p[i]);
	teardown();
	return 0;
}
