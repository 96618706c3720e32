// SPDX-License-Identifier: GPL-2.0
/*
 * The IPCP option codec: RFC 1332 (IP-Address) and RFC 1877 (DNS and NBNS
 * servers), as the option callbacks of the RFC 1661 automaton.
 *
 * Behaviour where the RFCs leave a choice:
 * - IP-Addresses (1) is deprecated by RFC 1332 and IP-Compression-Protocol
 *   (2) would need Van Jacobson compression in the data path, which we do
 *   not implement: both are Rejected, as is any unknown type.
 * - A negotiated option (3, 129-132) whose length is not exactly 6 is
 *   Rejected verbatim, as pppd does: its framing was checked, so echoing it
 *   is safe, and the peer learns which option we could not parse.
 * - The second and later copies of an option in one request are Rejected;
 *   the first copy is judged as usual.
 * - A Nak adds no option the peer did not send, but for a server's
 *   IP-Address (below): the reply is at most IPCP_NEG_REPLY_EXTRA bytes
 *   longer than the request (see struct ipcp_reply).
 * - Addresses: see ipcp_neg_ipcp_addr_ok(). The peer may also not have our
 *   own address, and a Nak may not give us the address just Acked as the
 *   peer's (in Ack-Sent): that value is ignored, we ask again as before.
 * - Server, IP-Address: a fixed remote address is the only one the peer
 *   gets (forced or not). Otherwise the assign() callback decides: without
 *   forced the peer's usable proposal is passed to it, and granted if
 *   assign() returns it; with forced assign() is asked for any address.
 *   With neither a fixed address nor assign(), a peer keeping a usable
 *   address of its own is Acked unless forced. The codec keeps no copy of
 *   what assign() gave: it asks again for each request, and assign() is
 *   idempotent per link. When no address can be had the IP-Address option
 *   is Rejected and fail/assign_err say why: the glue applies the
 *   operator's exhaustion policy.
 * - Server, a request with no IP-Address option and nothing to Reject: an
 *   IP-Address option carrying the address the peer should use is
 *   appended to the Nak (RFC 1332 section 3.3, as pppd): the fixed remote
 *   address, else the one assign() gives for "any". A request that would
 *   otherwise be Acked gets a Nak of that option alone. Under Max-Failure
 *   (the peer keeps ignoring our Nak), or when no address can be had,
 *   nothing is appended: fail/assign_err are set (-EDESTADDRREQ under
 *   Max-Failure), the request is answered as judged (Ack, Nak of the other
 *   options), and the glue applies the exhaustion policy.
 * - Server, its own IP-Address: sent when a local address is configured; a
 *   peer's Nak of it is ignored unless accept_local is set (pppd without
 *   ipcp-accept-local keeps insisting likewise).
 * - Client, the server's IP-Address: a usable address is Acked and recorded
 *   as the peer's; 0.0.0.0 (the server wants us to assign it one) or an
 *   illegal address is Rejected: a client has no address to give.
 * - Client, DNS/NBNS in the server's request: Rejected (we serve none).
 * - Nak and Reject of our request: an invalid option (wrong length, an
 *   illegal IP-Address, a Reject of something we did not send or with
 *   another value) makes the whole packet discarded and nothing of it
 *   applied. A Nak of an option we did not send is ignored. A Nak'd DNS or
 *   NBNS value that is no usable address (0.0.0.0 mostly) means the server
 *   has none to give: we stop requesting that option, as if it had been
 *   Rejected, and still apply the rest of the Nak. The order of options is
 *   not checked.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bits.h>
#include <linux/bug.h>
#include <linux/container_of.h>
#include <linux/errno.h>
#include <linux/net.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "compat.h"
#include "ipcp.h"
#include "opt.h"

static struct ipcp_neg_ipcp *to_ipcp(struct ipcp_neg_fsm *f)
{
	return container_of(f, struct ipcp_neg_ipcp, fsm);
}

/* The index of an option we negotiate, or -1 */
static int ipcp_opt_index(u8 type)
{
	if (type == IPCP_NEG_IPCP_ADDR)
		return IPCP_NEG_IPCP_O_ADDR;
	if (type >= IPCP_NEG_IPCP_DNS1 && type <= IPCP_NEG_IPCP_NBNS2)
		return type - 128;
	return -1;
}

static u8 ipcp_opt_type(int idx)
{
	return idx == IPCP_NEG_IPCP_O_ADDR ? IPCP_NEG_IPCP_ADDR : idx + 128;
}

/* The address of a 6-byte option, kept in network order */
static __be32 ipcp_get_addr(const u8 *opt)
{
	return get_unaligned((const __be32 *)(opt + 2));
}

static void ipcp_put_addr(u8 *opt, __be32 addr)
{
	put_unaligned(addr, (__be32 *)(opt + 2));
}

/*
 * May the peer have @addr? Not an illegal one, not ours: neither the one
 * we ask for now nor the configured one (a restart of our request goes
 * back to it after the peer's request was judged, see reset_ci).
 */
static bool ipcp_peer_ok(const struct ipcp_neg_ipcp *ip, __be32 addr)
{
	return ipcp_neg_ipcp_addr_ok(addr) &&
	       addr != ip->want.val[IPCP_NEG_IPCP_O_ADDR] &&
	       addr != ip->conf.local;
}

/*
 * Write @req's options into @buf in index order, as many as fit in @size;
 * *@wrote becomes what was written.
 */
static unsigned int ipcp_write_req(const struct ipcp_neg_ipcp_req *req,
				   u8 *buf, unsigned int size,
				   struct ipcp_neg_ipcp_req *wrote)
{
	unsigned int len = 0;
	int i;

	*wrote = *req;
	wrote->mask = 0;
	for (i = 0; i < IPCP_NEG_IPCP_O_COUNT; i++) {
		if (!(req->mask & BIT(i)) || size - len < IPCP_NEG_IPCP_OPTLEN)
			continue;
		buf[len] = ipcp_opt_type(i);
		buf[len + 1] = IPCP_NEG_IPCP_OPTLEN;
		ipcp_put_addr(buf + len, req->val[i]);
		len += IPCP_NEG_IPCP_OPTLEN;
		wrote->mask |= BIT(i);
	}
	return len;
}

/**
 * ipcp_neg_ipcp_reset_ci - start a fresh negotiation from the configuration
 * @f: the IPCP automaton
 *
 * Our request: IP-Address with the configured local address (a client
 * always sends it, 0.0.0.0 asking for one; a server only when it has one),
 * and for a client the DNS/NBNS pairs it is told to request, as 0.0.0.0.
 * Clears our side's results of the previous negotiation (@ip->local,
 * @ip->srv, a client's @ip->fail), not the peer's: the automaton may judge
 * the peer's request (recv_cr) just before it calls reset_ci.
 */
void ipcp_neg_ipcp_reset_ci(struct ipcp_neg_fsm *f)
{
	struct ipcp_neg_ipcp *ip = to_ipcp(f);
	bool client = ip->conf.role == IPCP_NEG_IPCP_CLIENT;

	memset(&ip->want, 0, sizeof(ip->want));
	memset(&ip->sent, 0, sizeof(ip->sent));
	ip->want.val[IPCP_NEG_IPCP_O_ADDR] = ip->conf.local;
	if (client || ip->conf.local)
		ip->want.mask |= BIT(IPCP_NEG_IPCP_O_ADDR);
	if (client && ip->conf.req_dns)
		ip->want.mask |= BIT(IPCP_NEG_IPCP_O_DNS1) |
				 BIT(IPCP_NEG_IPCP_O_DNS2);
	if (client && ip->conf.req_nbns)
		ip->want.mask |= BIT(IPCP_NEG_IPCP_O_NBNS1) |
				 BIT(IPCP_NEG_IPCP_O_NBNS2);
	ip->local = 0;
	memset(ip->srv, 0, sizeof(ip->srv));
	if (client)
		ip->fail = IPCP_NEG_IPCP_FAIL_NONE;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ipcp_reset_ci);

/**
 * ipcp_neg_ipcp_build_cr - write our Configure-Request's options
 * @f: the IPCP automaton
 * @buf: where they go
 * @size: room in @buf; options that do not fit are left out
 *
 * Remembers what was written, for recv_ack and recv_nak.
 *
 * Return: the length written.
 */
unsigned int ipcp_neg_ipcp_build_cr(struct ipcp_neg_fsm *f, u8 *buf,
				    unsigned int size)
{
	struct ipcp_neg_ipcp *ip = to_ipcp(f);

	return ipcp_write_req(&ip->want, buf, size, &ip->sent);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ipcp_build_cr);

/*
 * The reply to a Configure-Request under construction. Only the options of
 * the worst verdict so far are kept: a Reject drops the Naks collected
 * before it. Every option written is a copy of a request option, with the
 * same length, but for one IP-Address a server may append: the reply fits
 * in the request's length + IPCP_NEG_REPLY_EXTRA bytes, the @room the
 * automaton gives. The room is checked anyway.
 */
struct ipcp_reply {
	u8 *buf;
	unsigned int len;
	unsigned int room;
	u8 code;
};

/* Add @opt with verdict @code; a Nak carries @nak (6-byte options only) */
static void ipcp_reply_add(struct ipcp_reply *r, const u8 *opt, u8 code,
			   __be32 nak)
{
	if (code < r->code)
		return;
	if (code > r->code) {
		r->code = code;
		r->len = 0;
	}
	if (WARN_ON_ONCE(opt[1] > r->room - r->len))
		return;
	memcpy(r->buf + r->len, opt, opt[1]);
	if (code == IPCP_NEG_CONFNAK)
		ipcp_put_addr(r->buf + r->len, nak);
	r->len += opt[1];
}

/* What one Configure-Request established so far */
struct ipcp_cr_ctx {
	u8 seen;	/* BIT(opt) of the options met */
	__be32 peer;	/* the peer's IP-Address, Acked */
};

/* Ask the pool glue for an address for the peer, @wanted or any */
static int ipcp_call_assign(struct ipcp_neg_ipcp *ip, __be32 wanted,
			    __be32 *out)
{
	int err;

	*out = 0;
	err = ip->assign(ip, wanted, out);
	if (err)
		return err;
	return ipcp_peer_ok(ip, *out) ? 0 : -EADDRNOTAVAIL;
}

/* Which address the peer gets when it asks for @addr (server) */
static int ipcp_pick_peer(struct ipcp_neg_ipcp *ip, __be32 addr,
			  __be32 *out)
{
	bool wanted = ipcp_peer_ok(ip, addr) && !ip->conf.forced;

	if (ip->conf.remote) {
		*out = ip->conf.remote;
		return 0;
	}
	if (ip->assign)
		return ipcp_call_assign(ip, wanted ? addr : 0, out);
	/* no address source: the peer may keep its own unless forced */
	*out = addr;
	return wanted ? 0 : -ENOSPC;
}

static void ipcp_assign_failed(struct ipcp_neg_ipcp *ip, int err)
{
	ip->fail = IPCP_NEG_IPCP_FAIL_ASSIGN;
	ip->assign_err = err;
	ip->stats.assign_fail++;
	if (net_ratelimit())
		pr_warn("IPCP: no address for the peer (%d)\n", err);
}

static u8 ipcp_judge_addr_server(struct ipcp_neg_ipcp *ip,
				 struct ipcp_cr_ctx *c, __be32 addr,
				 __be32 *nak)
{
	__be32 his;
	int err;

	err = ipcp_pick_peer(ip, addr, &his);
	if (err) {
		ipcp_assign_failed(ip, err);
		return IPCP_NEG_CONFREJ;
	}
	ip->fail = IPCP_NEG_IPCP_FAIL_NONE;
	if (his == addr) {
		c->peer = addr;
		return IPCP_NEG_CONFACK;
	}
	net_dbg_ratelimited("IPCP: peer asked for %pI4, Nak with %pI4\n",
			    &addr, &his);
	*nak = his;
	return IPCP_NEG_CONFNAK;
}

static u8 ipcp_judge_addr(struct ipcp_neg_ipcp *ip, struct ipcp_cr_ctx *c,
			  __be32 addr, __be32 *nak)
{
	if (addr && !ipcp_neg_ipcp_addr_ok(addr))
		ip->stats.bad_addr++;
	if (ip->conf.role == IPCP_NEG_IPCP_SERVER)
		return ipcp_judge_addr_server(ip, c, addr, nak);
	/* the server announces its own address; we have none to give it */
	if (!ipcp_peer_ok(ip, addr))
		return IPCP_NEG_CONFREJ;
	c->peer = addr;
	return IPCP_NEG_CONFACK;
}

/* DNS or NBNS server @idx: a server hands out the configured ones only */
static u8 ipcp_judge_srv(struct ipcp_neg_ipcp *ip, int idx, __be32 addr,
			 __be32 *nak)
{
	__be32 ours = ip->conf.srv[idx];

	if (ip->conf.role != IPCP_NEG_IPCP_SERVER || !ours)
		return IPCP_NEG_CONFREJ;
	if (addr == ours)
		return IPCP_NEG_CONFACK;
	*nak = ours;
	return IPCP_NEG_CONFNAK;
}

/* The verdict on one option of the peer's request */
static u8 ipcp_judge(struct ipcp_neg_ipcp *ip, struct ipcp_cr_ctx *c,
		     const u8 *opt, __be32 *nak)
{
	int idx = ipcp_opt_index(opt[0]);

	if (idx < 0 || (c->seen & BIT(idx)))
		return IPCP_NEG_CONFREJ;
	c->seen |= BIT(idx);
	if (opt[1] != IPCP_NEG_IPCP_OPTLEN)
		return IPCP_NEG_CONFREJ;
	if (idx == IPCP_NEG_IPCP_O_ADDR)
		return ipcp_judge_addr(ip, c, ipcp_get_addr(opt), nak);
	return ipcp_judge_srv(ip, idx, ipcp_get_addr(opt), nak);
}

static void ipcp_count(struct ipcp_neg_ipcp *ip, const u8 *opt, u8 code)
{
	/* only the options we negotiate are ever Nak'd */
	if (code == IPCP_NEG_CONFREJ)
		ip->stats.rej_sent++;
	else if (code == IPCP_NEG_CONFNAK)
		ip->stats.nak_sent[ipcp_opt_index(opt[0])]++;
}

/* Server, a request without IP-Address: Nak the peer one (see the top) */
static void ipcp_nak_missing_addr(struct ipcp_neg_ipcp *ip,
				  struct ipcp_reply *r, bool rid)
{
	static const u8 opt[IPCP_NEG_IPCP_OPTLEN] = {
		IPCP_NEG_IPCP_ADDR, IPCP_NEG_IPCP_OPTLEN
	};
	__be32 his = 0;
	int err;

	/* under Max-Failure the peer has refused our Naks long enough */
	err = rid ? -EDESTADDRREQ : ipcp_pick_peer(ip, 0, &his);
	if (err) {
		ipcp_assign_failed(ip, err);
		return;
	}
	ip->fail = IPCP_NEG_IPCP_FAIL_NONE;
	net_dbg_ratelimited("IPCP: peer sent no IP-Address, Nak with %pI4\n",
			    &his);
	ipcp_count(ip, opt, IPCP_NEG_CONFNAK);
	ipcp_reply_add(r, opt, IPCP_NEG_CONFNAK, his);
}

/**
 * ipcp_neg_ipcp_recv_cr - judge the peer's Configure-Request
 * @f: the IPCP automaton
 * @opts: its options, framing already checked (ipcp_neg_opts_check())
 * @len: their length
 * @reply: room for at least @len + IPCP_NEG_REPLY_EXTRA bytes
 * @reply_len: set to the length written to @reply
 * @reject_if_disagree: Max-Failure reached: Reject what would be Nak'd
 *
 * If any option is Rejected the reply carries only the Rejected options,
 * verbatim; else if any is Nak'd, only those, with our values (a server
 * appends an IP-Address when the request has none); else it is a copy of
 * the request. On Ack the peer's address becomes @ip->peer.
 *
 * Return: IPCP_NEG_CONFACK, IPCP_NEG_CONFNAK or IPCP_NEG_CONFREJ.
 */
u8 ipcp_neg_ipcp_recv_cr(struct ipcp_neg_fsm *f, const u8 *opts,
			 unsigned int len, u8 *reply, unsigned int *reply_len,
			 bool reject_if_disagree)
{
	struct ipcp_neg_ipcp *ip = to_ipcp(f);
	struct ipcp_reply r = {
		.buf = reply,
		.room = len + IPCP_NEG_REPLY_EXTRA,
		.code = IPCP_NEG_CONFACK,
	};
	struct ipcp_cr_ctx c = { };
	struct ipcp_neg_opt_iter it;
	const u8 *opt;
	__be32 nak;
	u8 code;

	ipcp_neg_for_each_opt(opt, it, opts, len) {
		nak = 0;
		code = ipcp_judge(ip, &c, opt, &nak);
		if (code == IPCP_NEG_CONFNAK && reject_if_disagree)
			code = IPCP_NEG_CONFREJ;
		ipcp_count(ip, opt, code);
		ipcp_reply_add(&r, opt, code, nak);
	}
	if (ip->conf.role == IPCP_NEG_IPCP_SERVER &&
	    !(c.seen & BIT(IPCP_NEG_IPCP_O_ADDR)) && r.code != IPCP_NEG_CONFREJ)
		ipcp_nak_missing_addr(ip, &r, reject_if_disagree);
	if (r.code == IPCP_NEG_CONFACK)
		ip->peer = c.peer;
	*reply_len = r.len;
	return r.code;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ipcp_recv_cr);

/* What a valid Ack of our last request establishes */
static void ipcp_ack_commit(struct ipcp_neg_ipcp *ip)
{
	const struct ipcp_neg_ipcp_req *s = &ip->sent;
	int i;

	ip->local = ip->conf.local;
	if (s->mask & BIT(IPCP_NEG_IPCP_O_ADDR))
		ip->local = s->val[IPCP_NEG_IPCP_O_ADDR];
	for (i = IPCP_NEG_IPCP_O_DNS1; i < IPCP_NEG_IPCP_O_COUNT; i++)
		ip->srv[i] = s->mask & BIT(i) ? s->val[i] : 0;
	if (ip->conf.role == IPCP_NEG_IPCP_CLIENT && !ip->local)
		ip->fail = IPCP_NEG_IPCP_FAIL_NO_ADDR;
}

/**
 * ipcp_neg_ipcp_recv_ack - check a Configure-Ack of our last request
 * @f: the IPCP automaton
 * @opts: its options
 * @len: their length
 *
 * The options must be exactly those build_cr wrote last. Then our address
 * (and a client's DNS/NBNS servers) are the values we sent. A client left
 * with address 0.0.0.0 gets @ip->fail set to IPCP_NEG_IPCP_FAIL_NO_ADDR.
 *
 * Return: 0, or -EINVAL if they differ (the packet is discarded).
 */
int ipcp_neg_ipcp_recv_ack(struct ipcp_neg_fsm *f, const u8 *opts,
			   unsigned int len)
{
	struct ipcp_neg_ipcp *ip = to_ipcp(f);
	struct ipcp_neg_ipcp_req again;
	u8 buf[IPCP_NEG_IPCP_CR_MAX];
	unsigned int n;

	n = ipcp_write_req(&ip->sent, buf, sizeof(buf), &again);
	if (len != n || memcmp(opts, buf, n)) {
		net_dbg_ratelimited("IPCP: Configure-Ack differs from our request\n");
		return -EINVAL;
	}
	ipcp_ack_commit(ip);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ipcp_recv_ack);

/* Apply a Nak'd option to @try */
static int ipcp_nak_opt(struct ipcp_neg_ipcp *ip, const u8 *opt,
			struct ipcp_neg_ipcp_req *try)
{
	int idx = ipcp_opt_index(opt[0]);
	__be32 addr;

	if (idx < 0)
		return 0;
	if (opt[1] != IPCP_NEG_IPCP_OPTLEN)
		return -EINVAL;
	if (!(ip->sent.mask & BIT(idx)))
		return 0;
	addr = ipcp_get_addr(opt);
	if (!ipcp_neg_ipcp_addr_ok(addr)) {
		if (idx == IPCP_NEG_IPCP_O_ADDR)
			return -EINVAL;
		try->mask &= ~BIT(idx);	/* DNS/NBNS: the server has none */
		return 0;
	}
	if (idx == IPCP_NEG_IPCP_O_ADDR && ip->conf.local &&
	    !ip->conf.accept_local)
		return 0;
	/* the address we have just Acked as the peer's cannot be ours too */
	if (idx == IPCP_NEG_IPCP_O_ADDR && addr == ip->peer &&
	    ip->fsm.state == IPCP_NEG_ST_ACKSENT) {
		ip->stats.bad_addr++;
		return 0;
	}
	try->val[idx] = addr;
	return 0;
}

/* Apply a Rejected option to @try: only what we sent, unmodified */
static int ipcp_rej_opt(struct ipcp_neg_ipcp *ip, const u8 *opt,
			struct ipcp_neg_ipcp_req *try)
{
	int idx = ipcp_opt_index(opt[0]);

	if (idx < 0 || !(ip->sent.mask & BIT(idx)) ||
	    opt[1] != IPCP_NEG_IPCP_OPTLEN ||
	    ipcp_get_addr(opt) != ip->sent.val[idx])
		return -EINVAL;
	try->mask &= ~BIT(idx);
	return 0;
}

static void ipcp_nak_commit(struct ipcp_neg_ipcp *ip,
			    const struct ipcp_neg_ipcp_req *try)
{
	const __be32 *old = ip->want.val, *new = try->val;
	u8 lost = ip->want.mask & ~try->mask;

	if (new[IPCP_NEG_IPCP_O_ADDR] != old[IPCP_NEG_IPCP_O_ADDR])
		ip->stats.addr_changes++;
	if ((lost & BIT(IPCP_NEG_IPCP_O_ADDR)) && !ip->conf.local &&
	    ip->conf.role == IPCP_NEG_IPCP_CLIENT) {
		ip->fail = IPCP_NEG_IPCP_FAIL_NO_ADDR;
		if (net_ratelimit())
			pr_warn("IPCP: peer Rejected our IP-Address, no address\n");
	}
	ip->want = *try;
}

/**
 * ipcp_neg_ipcp_recv_nak - apply a Configure-Nak or Configure-Reject
 * @f: the IPCP automaton
 * @opts: its options, framing already checked
 * @len: their length
 * @rej: a Configure-Reject
 *
 * Nak: a usable address for an option we sent is adopted for our next
 * request (for our IP-Address only if accept_local is set or no local
 * address is configured); an unusable DNS/NBNS value stops our asking for
 * that option, an unusable IP-Address makes the Nak invalid. Reject: we
 * stop sending those options; a client with no configured address whose
 * IP-Address is Rejected gets @ip->fail set to IPCP_NEG_IPCP_FAIL_NO_ADDR.
 * Either is applied entirely or not at all.
 *
 * Return: 0, or -EINVAL for an invalid packet (to be discarded).
 */
int ipcp_neg_ipcp_recv_nak(struct ipcp_neg_fsm *f, const u8 *opts,
			   unsigned int len, bool rej)
{
	struct ipcp_neg_ipcp *ip = to_ipcp(f);
	struct ipcp_neg_ipcp_req try = ip->want;
	struct ipcp_neg_opt_iter it;
	const u8 *opt;
	int err;

	ipcp_neg_for_each_opt(opt, it, opts, len) {
		err = rej ? ipcp_rej_opt(ip, opt, &try) :
			    ipcp_nak_opt(ip, opt, &try);
		if (err) {
			net_dbg_ratelimited("IPCP: bad Configure-%s, option %u\n",
					    rej ? "Reject" : "Nak", opt[0]);
			return err;
		}
	}
	if (it.left)
		return -EINVAL;
	ipcp_nak_commit(ip, &try);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ipcp_recv_nak);

/**
 * ipcp_neg_ipcp_init - set up a link's IPCP state with defaults
 * @ip: the state; zeroed here, including its automaton
 * @ops: the automaton's callbacks (IPCP_NEG_IPCP_CODEC_OPS and the glue's)
 * @role: server (assigns the peer an address) or client (obtains ours)
 * @priv: the automaton's owner pointer
 *
 * Defaults: no addresses, no DNS/NBNS, no assign() callback, not forced,
 * accept_local on for a client and off for a server, nothing requested
 * beyond a client's IP-Address. Set @ip->conf and @ip->assign afterwards;
 * the automaton calls reset_ci before negotiating.
 */
void ipcp_neg_ipcp_init(struct ipcp_neg_ipcp *ip,
			const struct ipcp_neg_fsm_ops *ops,
			enum ipcp_neg_ipcp_role role, void *priv)
{
	memset(ip, 0, sizeof(*ip));
	ipcp_neg_fsm_init(&ip->fsm, ops, priv);
	ip->conf.role = role;
	ip->conf.accept_local = role == IPCP_NEG_IPCP_CLIENT;
	ipcp_neg_ipcp_reset_ci(&ip->fsm);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_ipcp_init);
