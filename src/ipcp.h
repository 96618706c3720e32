/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IPCP option codec (RFC 1332 IP-Address, RFC 1877 DNS/NBNS): the
 * option callbacks of struct ipcp_neg_fsm_ops for the IP Control Protocol.
 *
 * A link runs IPCP in one of two roles:
 * - server: it ASSIGNS the peer an address (a fixed one per link, or one
 *   obtained through the @assign callback from a pool) and hands out DNS and
 *   NBNS servers;
 * - client: it OBTAINS its own address (asks 0.0.0.0 and adopts the
 *   server's Nak) and, if told to, DNS and NBNS servers.
 *
 * Addresses are __be32 everywhere. Callers serialise all calls on one
 * struct ipcp_neg_ipcp, as for its automaton (see fsm.h).
 */
#ifndef _IPCP_NEG_IPCP_H
#define _IPCP_NEG_IPCP_H

#include <linux/in.h>
#include <linux/types.h>

#include "proto.h"
#include "fsm.h"

enum ipcp_neg_ipcp_role {
	IPCP_NEG_IPCP_SERVER,
	IPCP_NEG_IPCP_CLIENT,
};

/*
 * The options the codec negotiates, in wire order of our Configure-Request.
 * The four RFC 1877 ones are indexed by type - 128.
 */
enum ipcp_neg_ipcp_opt {
	IPCP_NEG_IPCP_O_ADDR,
	IPCP_NEG_IPCP_O_DNS1,
	IPCP_NEG_IPCP_O_NBNS1,
	IPCP_NEG_IPCP_O_DNS2,
	IPCP_NEG_IPCP_O_NBNS2,
	IPCP_NEG_IPCP_O_COUNT
};

/* Length of every option the codec negotiates: type, length, address */
#define IPCP_NEG_IPCP_OPTLEN	6
/* Our longest Configure-Request: every option once */
#define IPCP_NEG_IPCP_CR_MAX (IPCP_NEG_IPCP_O_COUNT * IPCP_NEG_IPCP_OPTLEN)

/* Why the glue should give up on this negotiation (see ipcp_neg_ipcp.fail) */
enum ipcp_neg_ipcp_fail {
	IPCP_NEG_IPCP_FAIL_NONE,
	/*
	 * server: no address for the peer: its IP-Address was Rejected, or
	 * it sent none and we could not Nak one to it (see ipcp.c)
	 */
	IPCP_NEG_IPCP_FAIL_ASSIGN,
	/*
	 * client: no address for us: the peer Rejected our IP-Address, or
	 * Acked 0.0.0.0, and none is configured
	 */
	IPCP_NEG_IPCP_FAIL_NO_ADDR,
};

/**
 * struct ipcp_neg_ipcp_conf - what the operator configured
 * @role: enum ipcp_neg_ipcp_role
 * @forced: server: the peer must take the address we pick even when it
 *	proposes another one that @assign would grant (Huawei "ppp ipcp
 *	remote-address forced"). Off by default.
 * @accept_local: adopt the address a peer Naks for our own IP-Address.
 *	Default on for a client, off for a server (which keeps insisting on
 *	its configured address, as pppd without ipcp-accept-local). With no
 *	@local configured there is nothing to insist on: always adopted.
 * @req_dns: client: request DNS1 (129) and DNS2 (131). Off by default.
 * @req_nbns: client: request NBNS1 (130) and NBNS2 (132). Off by default.
 * @local: our address. Server: sent in our IP-Address option; 0 means the
 *	server sends no IP-Address option at all (an unnumbered link: the glue
 *	gives the interface whatever address it borrows). Client: the address
 *	we request instead of 0.0.0.0; 0 (default) means ask for one.
 * @remote: server: the fixed address of the peer on this link; 0 means
 *	use @assign. With a fixed address the peer gets exactly this one,
 *	@forced or not.
 * @srv: server: DNS1, NBNS1, DNS2, NBNS2 to hand out, indexed by
 *	enum ipcp_neg_ipcp_opt (@srv[IPCP_NEG_IPCP_O_ADDR] unused); 0 means
 *	not configured (the option is Rejected).
 */
struct ipcp_neg_ipcp_conf {
	u8 role;
	bool forced;
	bool accept_local;
	bool req_dns;
	bool req_nbns;
	__be32 local;
	__be32 remote;
	__be32 srv[IPCP_NEG_IPCP_O_COUNT];
};

/**
 * struct ipcp_neg_ipcp_stats - codec counters (peer-caused events)
 * @nak_sent: options judged Nak, per enum ipcp_neg_ipcp_opt (counted even
 *	when a Reject of another option in the same request replaced the Nak)
 * @rej_sent: options Rejected, all types
 * @addr_changes: times a Nak changed the local address we request
 * @assign_fail: times no address could be had for the peer
 * @bad_addr: illegal addresses other than 0.0.0.0 (see
 *	ipcp_neg_ipcp_addr_ok()) the peer proposed for itself
 */
struct ipcp_neg_ipcp_stats {
	u32 nak_sent[IPCP_NEG_IPCP_O_COUNT];
	u32 rej_sent;
	u32 addr_changes;
	u32 assign_fail;
	u32 bad_addr;
};

struct ipcp_neg_ipcp;

/**
 * typedef ipcp_neg_ipcp_assign_t - obtain an address for the peer (server)
 * @ip: the codec asking
 * @wanted: the address the peer proposed (not @forced), or 0 for "any"
 * @out: where the address goes
 *
 * Called from recv_cr for each IP-Address option the peer sends, and with
 * @wanted 0 for a request without one (to Nak the peer an address), so
 * under the link's lock and possibly in softirq: must not sleep. The codec
 * keeps no copy, so the callee holds the link's one address: it returns the
 * same address again when @wanted is 0 or equal to it, and releases the old
 * one when it grants another @wanted.
 *
 * Return: 0 with *@out set (to @wanted when it can be granted), or
 * -ENOSPC when no address can be had.
 */
typedef int ipcp_neg_ipcp_assign_t(struct ipcp_neg_ipcp *ip, __be32 wanted,
				   __be32 *out);

/**
 * struct ipcp_neg_ipcp_req - the options of one Configure-Request of ours
 * @val: the address each option carries, per enum ipcp_neg_ipcp_opt
 * @mask: BIT(opt) set when that option is in the request
 */
struct ipcp_neg_ipcp_req {
	__be32 val[IPCP_NEG_IPCP_O_COUNT];
	u8 mask;
};

/**
 * struct ipcp_neg_ipcp - IPCP state of one link
 * @fsm: its automaton; the codec callbacks find @ip with container_of()
 * @conf: configuration, read at each use
 * @assign: server: the pool glue's address source (may be NULL)
 * @want: our next Configure-Request
 * @sent: our last Configure-Request, as build_cr wrote it
 * @local: result: our address, set by the peer's Configure-Ack (valid at
 *	tlu; 0 if none)
 * @peer: result: the peer's address, set when we Ack its request (valid at
 *	tlu; 0 if it sent none)
 * @srv: result, client: DNS/NBNS servers the peer Acked, per
 *	enum ipcp_neg_ipcp_opt; 0 when not obtained
 * @fail: enum ipcp_neg_ipcp_fail, for the glue to act on (close IPCP,
 *	apply the operator's pool exhaustion policy). A server's is set when
 *	recv_cr finds no address for the peer and cleared when it finds one;
 *	a client's is set by recv_nak/recv_ack and cleared by reset_ci.
 * @assign_err: server: the error of the last failed @assign() call
 * @stats: counters
 *
 * reset_ci (a fresh negotiation) resets @want, @sent, @local and @srv; the
 * glue copies the results at tlu.
 */
struct ipcp_neg_ipcp {
	struct ipcp_neg_fsm fsm;
	struct ipcp_neg_ipcp_conf conf;
	ipcp_neg_ipcp_assign_t *assign;
	struct ipcp_neg_ipcp_req want;
	struct ipcp_neg_ipcp_req sent;
	__be32 local;
	__be32 peer;
	__be32 srv[IPCP_NEG_IPCP_O_COUNT];
	u8 fail;
	int assign_err;
	struct ipcp_neg_ipcp_stats stats;
};

/**
 * ipcp_neg_ipcp_addr_ok - may @addr be a host address on a PPP link?
 * @addr: the address
 *
 * Never accepted from, assigned to or adopted for anyone (as pppd's
 * bad_ip_adrs(), plus 0.0.0.0/8): 0.0.0.0/8 ("this network"; 0.0.0.0 means
 * "please assign"), loopback 127.0.0.0/8, multicast 224.0.0.0/4 and the
 * reserved class E 240.0.0.0/4, which holds the limited broadcast
 * 255.255.255.255. The same rule applies to DNS and NBNS server addresses.
 *
 * Return: true if @addr is usable.
 */
static inline bool ipcp_neg_ipcp_addr_ok(__be32 addr)
{
	/* ipv4_is_zeronet() of Linux 6.1 only matches 0.0.0.0 itself */
	bool zeronet = (addr & htonl(0xff000000)) == 0;
	bool class_e = (addr & htonl(0xf0000000)) == htonl(0xf0000000);

	return !zeronet && !ipv4_is_loopback(addr) &&
	       !ipv4_is_multicast(addr) && !class_e;
}

void ipcp_neg_ipcp_init(struct ipcp_neg_ipcp *ip,
			const struct ipcp_neg_fsm_ops *ops,
			enum ipcp_neg_ipcp_role role, void *priv);
void ipcp_neg_ipcp_reset_ci(struct ipcp_neg_fsm *f);
unsigned int ipcp_neg_ipcp_build_cr(struct ipcp_neg_fsm *f, u8 *buf,
				    unsigned int size);
u8 ipcp_neg_ipcp_recv_cr(struct ipcp_neg_fsm *f, const u8 *opts,
			 unsigned int len, u8 *reply, unsigned int *reply_len,
			 bool reject_if_disagree);
int ipcp_neg_ipcp_recv_ack(struct ipcp_neg_fsm *f, const u8 *opts,
			   unsigned int len);
int ipcp_neg_ipcp_recv_nak(struct ipcp_neg_fsm *f, const u8 *opts,
			   unsigned int len, bool rej);

/*
 * The codec's members of a struct ipcp_neg_fsm_ops; the link glue adds
 * tlu, tld, tls, tlf, xmit, timer_start and timer_stop. IPCP has no
 * extended codes and no Echo.
 */
#define IPCP_NEG_IPCP_CODEC_OPS				\
	.name = "IPCP",					\
	.reset_ci = ipcp_neg_ipcp_reset_ci,		\
	.build_cr = ipcp_neg_ipcp_build_cr,		\
	.recv_cr = ipcp_neg_ipcp_recv_cr,		\
	.recv_ack = ipcp_neg_ipcp_recv_ack,		\
	.recv_nak = ipcp_neg_ipcp_recv_nak,		\
	.extcode = NULL,				\
	.ser = NULL

#endif /* _IPCP_NEG_IPCP_H */
