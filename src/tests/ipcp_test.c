// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the IPCP option codec, driven through its automaton
 * callbacks: the reply to the peer's Configure-Request in both roles, our
 * own Configure-Request, and how a Nak, Reject or Ack of it is applied;
 * then a server and a client negotiating through the real automaton.
 */

#include "ipcp_test.h"

static int ipcp_test_assign(struct ipcp_neg_ipcp *ip, __be32 wanted,
			    __be32 *out)
{
	struct ipcp_tctx *t = container_of(ip, struct ipcp_tctx, ip);

	t->calls++;
	t->wanted = wanted;
	if (t->pool == POOL_EMPTY)
		return -ENOSPC;
	if ((wanted & htonl(0xffffff00)) == IP4(10, 0, 1, 0) &&
	    wanted != IP4(10, 0, 1, 66))
		*out = wanted;
	else
		*out = POOL_FALLBACK;
	return 0;
}

static struct ipcp_tctx *to_tctx(struct ipcp_neg_fsm *f)
{
	return container_of(f, struct ipcp_tctx, ip.fsm);
}

/* Keep the packet, as the automaton hands it over, with its header */
static void ipcp_test_xmit(struct ipcp_neg_fsm *f, u8 code, u8 id,
			   const u8 *data, unsigned int len)
{
	struct ipcp_tctx *t = to_tctx(f);
	unsigned int n = t->nout++;
	u8 *p;

	if (n >= OUTBOX || len > BUFMAX)
		return;		/* the pair test fails on nout */
	p = t->out[n];
	p[0] = code;
	p[1] = id;
	p[2] = 0;
	p[3] = IPCP_NEG_HDRLEN + len;
	memcpy(p + IPCP_NEG_HDRLEN, data, len);
	t->out_len[n] = IPCP_NEG_HDRLEN + len;
}

static void ipcp_test_tlu(struct ipcp_neg_fsm *f)
{
	to_tctx(f)->ups++;
}

static void ipcp_test_timer_start(struct ipcp_neg_fsm *f, unsigned int ms)
{
}

static void ipcp_test_timer_stop(struct ipcp_neg_fsm *f)
{
}

static const struct ipcp_neg_fsm_ops ipcp_test_ops = {
	IPCP_NEG_IPCP_CODEC_OPS,
	.tlu = ipcp_test_tlu,
	.xmit = ipcp_test_xmit,
	.timer_start = ipcp_test_timer_start,
	.timer_stop = ipcp_test_timer_stop,
};

/**
 * ipcp_tctx_new - one end of a test link, configured as @tc says
 * @test: the test
 * @tc: the defaults plus what the test asks for
 *
 * Return: the end, with its request built, freed with the test.
 */
struct ipcp_tctx *ipcp_tctx_new(struct kunit *test, const struct ipcp_tconf *tc)
{
	struct ipcp_neg_ipcp_conf *conf;
	struct ipcp_tctx *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	ipcp_neg_ipcp_init(&t->ip, &ipcp_test_ops, tc->role, NULL);
	conf = &t->ip.conf;
	if (tc->role == IPCP_NEG_IPCP_SERVER)
		conf->local = IP4(10, 0, 0, 1);
	else if (tc->local)
		conf->local = IP4(10, 0, 0, 7);
	if (tc->fixed)
		conf->remote = IP4(10, 0, 0, 2);
	if (tc->srv) {
		conf->srv[IPCP_NEG_IPCP_O_DNS1] = IP4(192, 0, 2, 53);
		conf->srv[IPCP_NEG_IPCP_O_NBNS1] = IP4(192, 0, 2, 137);
		conf->srv[IPCP_NEG_IPCP_O_DNS2] = IP4(192, 0, 2, 54);
	}
	conf->forced = tc->forced;
	conf->req_dns = tc->dns;
	conf->req_nbns = tc->nbns;
	if (tc->no_accept)
		conf->accept_local = false;
	t->pool = tc->pool;
	if (tc->pool != NO_POOL)
		t->ip.assign = ipcp_test_assign;
	ipcp_neg_ipcp_reset_ci(&t->ip.fsm);
	return t;
}

/**
 * ipcp_expect_bytes - expect @got to be @want
 * @test: the test
 * @got: the bytes
 * @got_len: how many
 * @want: the bytes expected
 * @want_len: how many
 */
void ipcp_expect_bytes(struct kunit *test, const u8 *got, unsigned int got_len,
		       const u8 *want, unsigned int want_len)
{
	KUNIT_ASSERT_EQ_MSG(test, got_len, want_len, "got %*ph want %*ph",
			    got_len, got, want_len, want);
	KUNIT_EXPECT_EQ_MSG(test, memcmp(got, want, want_len), 0,
			    "got %*ph want %*ph", got_len, got, want_len, want);
}

/* The peer's Configure-Request and our reply */

struct ipcp_cr_case {
	const char *desc;
	struct ipcp_tconf tc;
	bool bad_framing;	/* ipcp_neg_opts_check() refuses it */
	bool max_fail;		/* reject_if_disagree */
	u8 req[BUFMAX];
	unsigned int req_len;
	u8 code;
	u8 reply[BUFMAX];
	unsigned int reply_len;
	__be32 peer;		/* ip->peer afterwards */
	u8 fail;		/* ip->fail afterwards */
	int assign_err;		/* ip->assign_err afterwards */
	unsigned int calls;	/* assign() calls */
	__be32 wanted;		/* what the last one asked for */
	unsigned int bad_addr;	/* ip->stats.bad_addr afterwards */
};

#define FAIL(err)	.fail = IPCP_NEG_IPCP_FAIL_ASSIGN, .assign_err = (err)

#define ACK	.code = IPCP_NEG_CONFACK
#define NAK	.code = IPCP_NEG_CONFNAK
#define REJ	.code = IPCP_NEG_CONFREJ

static const struct ipcp_cr_case ipcp_cr_cases[] = {
	/* framing: the automaton drops these before the codec sees them */
	/* a zero length would never advance (CVE-2020-25643) */
	{ .desc = "option length 0", .tc = { SERVER }, .bad_framing = true,
	  BYTES(req, ADR, 0, 10, 0, 0, 2) },
	/* a length of 1 is shorter than the option header */
	{ .desc = "option length 1", .tc = { SERVER }, .bad_framing = true,
	  BYTES(req, ADR, 1, 10, 0, 0, 2) },
	/* IP-Address claims 6 bytes, 5 remain */
	{ .desc = "overrun by one", .tc = { SERVER }, .bad_framing = true,
	  BYTES(req, ADR, 6, 10, 0, 0) },

	/* server, fixed remote address 10.0.0.2 */
	{ .desc = "fixed: 0.0.0.0 Nak'd", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 0, 0, 0, 0), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2) },
	{ .desc = "fixed: assigned one Acked", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 10, 0, 0, 2), ACK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2),
	  .peer = IP4(10, 0, 0, 2) },
	/* a fixed address is the only one, forced or not */
	{ .desc = "fixed: other address Nak'd", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 10, 0, 0, 9), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2) },
	/* loopback may never be a peer address */
	{ .desc = "fixed: 127.0.0.1 Nak'd", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 127, 0, 0, 1), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2), .bad_addr = 1 },
	/* multicast may never be a peer address */
	{ .desc = "fixed: 224.0.0.1 Nak'd", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 224, 0, 0, 1), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2), .bad_addr = 1 },
	/* the limited broadcast may never be a peer address */
	{ .desc = "fixed: 255.255.255.255 Nak'd",
	  .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 255, 255, 255, 255), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2), .bad_addr = 1 },
	/* 0.0.0.0/8 is "this network", no host address */
	{ .desc = "fixed: 0.1.2.3 Nak'd", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 0, 1, 2, 3), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2), .bad_addr = 1 },
	/* class E 240.0.0.0/4 is reserved */
	{ .desc = "fixed: 240.0.0.1 Nak'd", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 240, 0, 0, 1), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2), .bad_addr = 1 },

	/* server, pool through assign() */
	{ .desc = "pool: proposal granted", .tc = { SERVER, .pool = POOL },
	  BYTES(req, ADR, 6, 10, 0, 1, 7), ACK,
	  BYTES(reply, ADR, 6, 10, 0, 1, 7),
	  .peer = IP4(10, 0, 1, 7), .calls = 1, .wanted = IP4(10, 0, 1, 7) },
	{ .desc = "pool forced: proposal Nak'd",
	  .tc = { SERVER, .pool = POOL, .forced = true },
	  BYTES(req, ADR, 6, 10, 0, 1, 7), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 1, 100),
	  .calls = 1, .wanted = 0 },
	{ .desc = "pool: proposal in use Nak'd", .tc = { SERVER, .pool = POOL },
	  BYTES(req, ADR, 6, 10, 0, 1, 66), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 1, 100),
	  .calls = 1, .wanted = IP4(10, 0, 1, 66) },
	{ .desc = "pool: 0.0.0.0 Nak'd", .tc = { SERVER, .pool = POOL },
	  BYTES(req, ADR, 6, 0, 0, 0, 0), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 1, 100),
	  .calls = 1, .wanted = 0 },
	/* an illegal proposal is never passed to the pool */
	{ .desc = "pool: 127.0.0.1 not asked for",
	  .tc = { SERVER, .pool = POOL },
	  BYTES(req, ADR, 6, 127, 0, 0, 1), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 1, 100), .calls = 1, .wanted = 0,
	  .bad_addr = 1 },
	/* our own address is not the peer's to take */
	{ .desc = "pool: our own address", .tc = { SERVER, .pool = POOL },
	  BYTES(req, ADR, 6, 10, 0, 0, 1), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 1, 100),
	  .calls = 1, .wanted = 0 },
	{ .desc = "pool empty: Rejected, fail",
	  .tc = { SERVER, .pool = POOL_EMPTY },
	  BYTES(req, ADR, 6, 0, 0, 0, 0), REJ, BYTES(reply, ADR, 6, 0, 0, 0, 0),
	  FAIL(-ENOSPC), .calls = 1 },
	{ .desc = "pool empty: only the address",
	  .tc = { SERVER, .pool = POOL_EMPTY, .srv = true },
	  BYTES(req, ADR, 6, 0, 0, 0, 0, DN1, 6, 0, 0, 0, 0), REJ,
	  BYTES(reply, ADR, 6, 0, 0, 0, 0), FAIL(-ENOSPC), .calls = 1 },

	/* server with no address source at all */
	{ .desc = "no source: peer keeps its own", .tc = { SERVER },
	  BYTES(req, ADR, 6, 10, 0, 0, 9), ACK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 9),
	  .peer = IP4(10, 0, 0, 9) },
	{ .desc = "no source: 0.0.0.0 Rejected", .tc = { SERVER },
	  BYTES(req, ADR, 6, 0, 0, 0, 0), REJ, BYTES(reply, ADR, 6, 0, 0, 0, 0),
	  FAIL(-ENOSPC) },
	{ .desc = "no source forced: Rejected",
	  .tc = { SERVER, .forced = true },
	  BYTES(req, ADR, 6, 10, 0, 0, 9), REJ,
	  BYTES(reply, ADR, 6, 10, 0, 0, 9), FAIL(-ENOSPC) },

	/* server, a request without IP-Address: one is Nak'd to the peer */
	{ .desc = "no IP-Address: fixed one Nak'd",
	  .tc = { SERVER, .fixed = true, .srv = true },
	  BYTES(req, DN1, 6, 192, 0, 2, 53), NAK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2) },
	{ .desc = "no IP-Address: empty request",
	  .tc = { SERVER, .fixed = true },
	  .req_len = 0, NAK, BYTES(reply, ADR, 6, 10, 0, 0, 2) },
	{ .desc = "no IP-Address: pool asked for any",
	  .tc = { SERVER, .pool = POOL },
	  .req_len = 0, NAK, BYTES(reply, ADR, 6, 10, 0, 1, 100),
	  .calls = 1, .wanted = 0 },
	{ .desc = "no IP-Address: after other Naks",
	  .tc = { SERVER, .fixed = true, .srv = true },
	  BYTES(req, DN1, 6, 0, 0, 0, 0, DN2, 6, 0, 0, 0, 0), NAK,
	  BYTES(reply, DN1, 6, 192, 0, 2, 53, DN2, 6, 192, 0, 2, 54,
		ADR, 6, 10, 0, 0, 2) },
	/* a Reject comes first: the peer asks again without it */
	{ .desc = "no IP-Address: Reject only",
	  .tc = { SERVER, .fixed = true },
	  BYTES(req, CMP, 4, 0x00, 0x2d), REJ, BYTES(reply, CMP, 4, 0x00, 0x2d) },
	{ .desc = "no IP-Address, pool empty: fail",
	  .tc = { SERVER, .pool = POOL_EMPTY, .srv = true },
	  BYTES(req, DN1, 6, 192, 0, 2, 53), ACK,
	  BYTES(reply, DN1, 6, 192, 0, 2, 53), FAIL(-ENOSPC), .calls = 1 },
	{ .desc = "no IP-Address, no source: fail", .tc = { SERVER },
	  .req_len = 0, ACK, .reply_len = 0, FAIL(-ENOSPC) },
	/* the peer ignored our Naks until Max-Failure */
	{ .desc = "no IP-Address, Max-Failure: Reject",
	  .tc = { SERVER, .fixed = true, .srv = true }, .max_fail = true,
	  BYTES(req, DN1, 6, 0, 0, 0, 0), REJ, BYTES(reply, DN1, 6, 0, 0, 0, 0) },
	{ .desc = "no IP-Address, Max-Failure: Ack, fail",
	  .tc = { SERVER, .fixed = true }, .max_fail = true,
	  .req_len = 0, ACK, .reply_len = 0, FAIL(-EDESTADDRREQ) },
	/* a client has no address to give the server */
	{ .desc = "client: no IP-Address Acked", .tc = { CLIENT },
	  .req_len = 0, ACK, .reply_len = 0 },

	/* DNS and NBNS servers, the peer's address being right */
	{ .desc = "DNS1 0.0.0.0 Nak'd",
	  .tc = { SERVER, .fixed = true, .srv = true },
	  BYTES(req, ADR, 6, 10, 0, 0, 2, DN1, 6, 0, 0, 0, 0), NAK,
	  BYTES(reply, DN1, 6, 192, 0, 2, 53) },
	{ .desc = "DNS1, NBNS1, DNS2 Nak'd",
	  .tc = { SERVER, .fixed = true, .srv = true },
	  BYTES(req, ADR, 6, 10, 0, 0, 2, DN1, 6, 0, 0, 0, 0,
		NB1, 6, 0, 0, 0, 0, DN2, 6, 0, 0, 0, 0),
	  NAK, BYTES(reply, DN1, 6, 192, 0, 2, 53, NB1, 6, 192, 0, 2, 137,
		     DN2, 6, 192, 0, 2, 54) },
	{ .desc = "DNS2 wrong, only it Nak'd",
	  .tc = { SERVER, .fixed = true, .srv = true },
	  BYTES(req, ADR, 6, 10, 0, 0, 2, DN1, 6, 192, 0, 2, 53,
		DN2, 6, 1, 2, 3, 4),
	  NAK, BYTES(reply, DN2, 6, 192, 0, 2, 54) },
	{ .desc = "NBNS2 unconfigured Rejected", .tc = { SERVER, .srv = true },
	  BYTES(req, DN1, 6, 192, 0, 2, 53, NB2, 6, 0, 0, 0, 0),
	  REJ, BYTES(reply, NB2, 6, 0, 0, 0, 0) },
	{ .desc = "no servers: DNS1 Rejected", .tc = { SERVER },
	  BYTES(req, DN1, 6, 0, 0, 0, 0), REJ,
	  BYTES(reply, DN1, 6, 0, 0, 0, 0) },
	{ .desc = "typical client request Nak'd",
	  .tc = { SERVER, .fixed = true, .srv = true },
	  BYTES(req, ADR, 6, 0, 0, 0, 0, DN1, 6, 0, 0, 0, 0,
		DN2, 6, 0, 0, 0, 0),
	  NAK, BYTES(reply, ADR, 6, 10, 0, 0, 2, DN1, 6, 192, 0, 2, 53,
		     DN2, 6, 192, 0, 2, 54) },
	{ .desc = "typical client request Acked",
	  .tc = { SERVER, .fixed = true, .srv = true },
	  BYTES(req, ADR, 6, 10, 0, 0, 2, DN1, 6, 192, 0, 2, 53,
		DN2, 6, 192, 0, 2, 54),
	  ACK, BYTES(reply, ADR, 6, 10, 0, 0, 2, DN1, 6, 192, 0, 2, 53,
		     DN2, 6, 192, 0, 2, 54), .peer = IP4(10, 0, 0, 2) },

	/* options we do not negotiate */
	/* IP-Addresses is deprecated (RFC 1332) */
	{ .desc = "IP-Addresses Rejected", .tc = { SERVER, .fixed = true },
	  BYTES(req, 1, 10, 10, 0, 0, 9, 10, 0, 0, 1), REJ,
	  BYTES(reply, 1, 10, 10, 0, 0, 9, 10, 0, 0, 1) },
	/* no Van Jacobson compression in our data path */
	{ .desc = "IP-Compression VJ Rejected",
	  .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 10, 0, 0, 2, CMP, 6, 0x00, 0x2d, 0x0f, 0x01), REJ,
	  BYTES(reply, CMP, 6, 0x00, 0x2d, 0x0f, 0x01) },
	/* the shortest IP-Compression-Protocol, likewise */
	{ .desc = "IP-Compression len 4 Rejected",
	  .tc = { SERVER, .fixed = true },
	  BYTES(req, CMP, 4, 0x00, 0x2d), REJ,
	  BYTES(reply, CMP, 4, 0x00, 0x2d) },
	/* a type nobody defined */
	{ .desc = "unknown type Rejected", .tc = { SERVER, .fixed = true },
	  BYTES(req, 200, 2, ADR, 6, 10, 0, 0, 2, 201, 3, 7), REJ,
	  BYTES(reply, 200, 2, 201, 3, 7) },

	/* wrong exact lengths: Rejected verbatim, the framing being sound */
	/* IP-Address is 6 bytes, not 5 */
	{ .desc = "IP-Address len 5 Rejected", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 5, 10, 0, 0), REJ, BYTES(reply, ADR, 5, 10, 0, 0) },
	/* nor 7 */
	{ .desc = "IP-Address len 7 Rejected", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 7, 10, 0, 0, 2, 0), REJ,
	  BYTES(reply, ADR, 7, 10, 0, 0, 2, 0) },
	/* a DNS option is 6 bytes, not 4 */
	{ .desc = "DNS1 len 4 Rejected", .tc = { SERVER, .srv = true },
	  BYTES(req, DN1, 4, 192, 0), REJ, BYTES(reply, DN1, 4, 192, 0) },

	/* duplicates: the second copy is Rejected */
	{ .desc = "IP-Address twice", .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 10, 0, 0, 2, ADR, 6, 10, 0, 0, 2), REJ,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2) },
	{ .desc = "DNS1 twice", .tc = { SERVER, .srv = true },
	  BYTES(req, DN1, 6, 0, 0, 0, 0, DN1, 6, 1, 1, 1, 1), REJ,
	  BYTES(reply, DN1, 6, 1, 1, 1, 1) },

	/* Max-Failure: what would be Nak'd is Rejected, Acks stay */
	{ .desc = "Max-Failure: Nak becomes Reject",
	  .tc = { SERVER, .fixed = true }, .max_fail = true,
	  BYTES(req, ADR, 6, 0, 0, 0, 0), REJ,
	  BYTES(reply, ADR, 6, 0, 0, 0, 0) },
	{ .desc = "Max-Failure: only the Nak'd one",
	  .tc = { SERVER, .fixed = true, .srv = true }, .max_fail = true,
	  BYTES(req, ADR, 6, 10, 0, 0, 2, DN1, 6, 0, 0, 0, 0), REJ,
	  BYTES(reply, DN1, 6, 0, 0, 0, 0) },
	{ .desc = "Max-Failure: Ack stays Ack",
	  .tc = { SERVER, .fixed = true }, .max_fail = true,
	  BYTES(req, ADR, 6, 10, 0, 0, 2), ACK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 2),
	  .peer = IP4(10, 0, 0, 2) },

	/* a Reject carries only the Rejected options */
	{ .desc = "Nak and Reject: Reject only",
	  .tc = { SERVER, .fixed = true },
	  BYTES(req, ADR, 6, 0, 0, 0, 0, CMP, 6, 0x00, 0x2d, 0x0f, 0x01), REJ,
	  BYTES(reply, CMP, 6, 0x00, 0x2d, 0x0f, 0x01) },

	/* client: the server announces its own address */
	{ .desc = "client: server address Acked", .tc = { CLIENT },
	  BYTES(req, ADR, 6, 10, 0, 0, 1), ACK,
	  BYTES(reply, ADR, 6, 10, 0, 0, 1),
	  .peer = IP4(10, 0, 0, 1) },
	/* it wants us to assign it one, but we have none to give */
	{ .desc = "client: 0.0.0.0 Rejected", .tc = { CLIENT },
	  BYTES(req, ADR, 6, 0, 0, 0, 0), REJ,
	  BYTES(reply, ADR, 6, 0, 0, 0, 0) },
	/* loopback is no peer address */
	{ .desc = "client: 127.0.0.1 Rejected", .tc = { CLIENT },
	  BYTES(req, ADR, 6, 127, 0, 0, 1), REJ,
	  BYTES(reply, ADR, 6, 127, 0, 0, 1), .bad_addr = 1 },
	/* nor is 0.0.0.0/8 */
	{ .desc = "client: 0.0.0.1 Rejected", .tc = { CLIENT },
	  BYTES(req, ADR, 6, 0, 0, 0, 1), REJ,
	  BYTES(reply, ADR, 6, 0, 0, 0, 1), .bad_addr = 1 },
	/* a client serves no DNS */
	{ .desc = "client: DNS1 Rejected", .tc = { CLIENT },
	  BYTES(req, ADR, 6, 10, 0, 0, 1, DN1, 6, 192, 0, 2, 53), REJ,
	  BYTES(reply, DN1, 6, 192, 0, 2, 53) },
};

static void ipcp_cr_case_desc(const struct ipcp_cr_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ipcp_cr, ipcp_cr_cases, ipcp_cr_case_desc);

static void ipcp_recv_cr_test(struct kunit *test)
{
	const struct ipcp_cr_case *c = test->param_value;
	unsigned int reply_len = ~0u;
	struct ipcp_tctx *t;
	u8 *req, *reply;
	u8 code;

	if (c->bad_framing) {
		KUNIT_EXPECT_EQ(test, ipcp_neg_opts_check(c->req, c->req_len),
				-EINVAL);
		return;
	}
	KUNIT_ASSERT_EQ(test, ipcp_neg_opts_check(c->req, c->req_len), 0);
	t = ipcp_tctx_new(test, &c->tc);
	/* exactly the room the automaton gives, so KASAN sees any overrun */
	req = kunit_kmalloc(test, c->req_len ?: 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, req);
	reply = kunit_kmalloc(test, c->req_len + IPCP_NEG_REPLY_EXTRA,
			      GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, reply);
	memcpy(req, c->req, c->req_len);

	code = ipcp_neg_ipcp_recv_cr(&t->ip.fsm, req, c->req_len, reply,
				     &reply_len, c->max_fail);
	KUNIT_EXPECT_EQ(test, code, c->code);
	ipcp_expect_bytes(test, reply, reply_len, c->reply, c->reply_len);
	IPCP_NEG_EXPECT_ADDR(test, t->ip.peer, c->peer);
	KUNIT_EXPECT_EQ(test, t->ip.fail, c->fail);
	KUNIT_EXPECT_EQ(test, t->ip.assign_err, c->assign_err);
	KUNIT_EXPECT_EQ(test, t->calls, c->calls);
	IPCP_NEG_EXPECT_ADDR(test, t->wanted, c->wanted);
	KUNIT_EXPECT_EQ(test, t->ip.stats.bad_addr, c->bad_addr);
}

/* Which addresses a peer, a pool or a DNS server may have */

struct ipcp_addr_case {
	const char *desc;
	__be32 addr;
	bool ok;
};

static const struct ipcp_addr_case ipcp_addr_cases[] = {
	/* 0.0.0.0 asks to be assigned one */
	{ "0.0.0.0", IP4(0, 0, 0, 0), false },
	/* the rest of 0.0.0.0/8 is "this network" */
	{ "0.0.0.1", IP4(0, 0, 0, 1), false },
	{ "0.255.255.255", IP4(0, 255, 255, 255), false },
	{ "1.0.0.0", IP4(1, 0, 0, 0), true },
	{ "10.0.0.1", IP4(10, 0, 0, 1), true },
	{ "126.255.255.255", IP4(126, 255, 255, 255), true },
	/* loopback */
	{ "127.0.0.0", IP4(127, 0, 0, 0), false },
	{ "127.255.255.255", IP4(127, 255, 255, 255), false },
	{ "128.0.0.0", IP4(128, 0, 0, 0), true },
	{ "223.255.255.255", IP4(223, 255, 255, 255), true },
	/* multicast */
	{ "224.0.0.1", IP4(224, 0, 0, 1), false },
	{ "239.255.255.255", IP4(239, 255, 255, 255), false },
	/* class E, reserved */
	{ "240.0.0.0", IP4(240, 0, 0, 0), false },
	{ "255.255.255.254", IP4(255, 255, 255, 254), false },
	/* the limited broadcast */
	{ "255.255.255.255", IP4(255, 255, 255, 255), false },
};

static void ipcp_addr_case_desc(const struct ipcp_addr_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ipcp_addr, ipcp_addr_cases, ipcp_addr_case_desc);

static void ipcp_addr_ok_test(struct kunit *test)
{
	const struct ipcp_addr_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, ipcp_neg_ipcp_addr_ok(c->addr), c->ok);
}

/* Our own Configure-Request */

struct ipcp_build_case {
	const char *desc;
	struct ipcp_tconf tc;
	unsigned int size;	/* room given to build_cr */
	u8 cr[BUFMAX];
	unsigned int cr_len;
};

static const struct ipcp_build_case ipcp_build_cases[] = {
	{ .desc = "client asks 0.0.0.0", .tc = { CLIENT }, .size = BUFMAX,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0) },
	{ .desc = "client asks DNS", .tc = { CLIENT, .dns = true },
	  .size = BUFMAX,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0, DN1, 6, 0, 0, 0, 0,
		DN2, 6, 0, 0, 0, 0) },
	{ .desc = "client asks DNS and NBNS",
	  .tc = { CLIENT, .dns = true, .nbns = true }, .size = BUFMAX,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0, DN1, 6, 0, 0, 0, 0, NB1, 6, 0, 0, 0, 0,
		DN2, 6, 0, 0, 0, 0, NB2, 6, 0, 0, 0, 0) },
	{ .desc = "client with an address", .tc = { CLIENT, .local = true },
	  .size = BUFMAX, BYTES(cr, ADR, 6, 10, 0, 0, 7) },
	/* what does not fit is left out */
	{ .desc = "client, room for 2 options",
	  .tc = { CLIENT, .dns = true, .nbns = true }, .size = 13,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0, DN1, 6, 0, 0, 0, 0) },
	{ .desc = "server sends its address", .tc = { SERVER }, .size = BUFMAX,
	  BYTES(cr, ADR, 6, 10, 0, 0, 1) },
};

static void ipcp_build_case_desc(const struct ipcp_build_case *c,
				 char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ipcp_build, ipcp_build_cases, ipcp_build_case_desc);

static void ipcp_build_cr_test(struct kunit *test)
{
	const struct ipcp_build_case *c = test->param_value;
	struct ipcp_tctx *t = ipcp_tctx_new(test, &c->tc);
	unsigned int len;
	u8 *buf;

	buf = kunit_kmalloc(test, c->size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = ipcp_neg_ipcp_build_cr(&t->ip.fsm, buf, c->size);
	ipcp_expect_bytes(test, buf, len, c->cr, c->cr_len);
}

/* A server with no local address sends no IP-Address option */
static void ipcp_build_cr_unnumbered_test(struct kunit *test)
{
	struct ipcp_tconf tc = { SERVER };
	struct ipcp_tctx *t = ipcp_tctx_new(test, &tc);
	u8 buf[BUFMAX];

	t->ip.conf.local = 0;
	ipcp_neg_ipcp_reset_ci(&t->ip.fsm);
	KUNIT_EXPECT_EQ(test, ipcp_neg_ipcp_build_cr(&t->ip.fsm, buf,
						     sizeof(buf)), 0);
}

/* The peer's Configure-Nak or Configure-Reject of our request */

struct ipcp_nak_case {
	const char *desc;
	struct ipcp_tconf tc;
	bool rej;		/* a Configure-Reject */
	u8 pkt[BUFMAX];
	unsigned int pkt_len;
	int ret;
	u8 cr[BUFMAX];		/* our next request */
	unsigned int cr_len;
	u8 fail;
	u32 addr_changes;
};

static const struct ipcp_nak_case ipcp_nak_cases[] = {
	{ .desc = "address adopted", .tc = { CLIENT, .dns = true },
	  BYTES(pkt, ADR, 6, 10, 0, 1, 5),
	  BYTES(cr, ADR, 6, 10, 0, 1, 5, DN1, 6, 0, 0, 0, 0,
		DN2, 6, 0, 0, 0, 0),
	  .addr_changes = 1 },
	/* 0.0.0.0 is no address to adopt: the Nak is discarded */
	{ .desc = "Nak of 0.0.0.0 discarded", .tc = { CLIENT },
	  BYTES(pkt, ADR, 6, 0, 0, 0, 0), .ret = -EINVAL,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0) },
	/* nor is loopback */
	{ .desc = "Nak of 127.0.0.1 discarded", .tc = { CLIENT },
	  BYTES(pkt, ADR, 6, 127, 0, 0, 1), .ret = -EINVAL,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0) },
	/* IP-Address is 6 bytes */
	{ .desc = "Nak IP-Address len 5 discarded", .tc = { CLIENT },
	  BYTES(pkt, ADR, 5, 10, 0, 1), .ret = -EINVAL,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0) },
	{ .desc = "DNS servers adopted", .tc = { CLIENT, .dns = true },
	  BYTES(pkt, DN1, 6, 192, 0, 2, 53, DN2, 6, 192, 0, 2, 54),
	  BYTES(cr, ADR, 6, 0, 0, 0, 0, DN1, 6, 192, 0, 2, 53,
		DN2, 6, 192, 0, 2, 54) },
	/* DNS1 Nak'd as 0.0.0.0: the server has none, the rest applies */
	{ .desc = "DNS1 of 0.0.0.0 no longer asked",
	  .tc = { CLIENT, .dns = true },
	  BYTES(pkt, ADR, 6, 10, 0, 1, 5, DN1, 6, 0, 0, 0, 0),
	  BYTES(cr, ADR, 6, 10, 0, 1, 5, DN2, 6, 0, 0, 0, 0),
	  .addr_changes = 1 },
	/* likewise for any unusable server address (class E here) */
	{ .desc = "NBNS2 of 240.0.0.1 no longer asked",
	  .tc = { CLIENT, .nbns = true },
	  BYTES(pkt, NB1, 6, 192, 0, 2, 137, NB2, 6, 240, 0, 0, 1),
	  BYTES(cr, ADR, 6, 0, 0, 0, 0, NB1, 6, 192, 0, 2, 137) },
	/* an unusable IP-Address spoils the whole Nak: nothing adopted */
	{ .desc = "bad IP-Address spoils the Nak",
	  .tc = { CLIENT, .dns = true },
	  BYTES(pkt, ADR, 6, 127, 0, 0, 1, DN1, 6, 192, 0, 2, 53),
	  .ret = -EINVAL,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0, DN1, 6, 0, 0, 0, 0,
		DN2, 6, 0, 0, 0, 0) },
	/* 0.0.0.0/8 is no host address */
	{ .desc = "Nak of 0.1.2.3 discarded", .tc = { CLIENT },
	  BYTES(pkt, ADR, 6, 0, 1, 2, 3), .ret = -EINVAL,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0) },
	/* nor is class E */
	{ .desc = "Nak of 255.255.255.254 discarded", .tc = { CLIENT },
	  BYTES(pkt, ADR, 6, 255, 255, 255, 254), .ret = -EINVAL,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0) },
	{ .desc = "Nak of an unsent option ignored", .tc = { CLIENT },
	  BYTES(pkt, NB1, 6, 192, 0, 2, 137, 200, 2, ADR, 6, 10, 0, 1, 5),
	  BYTES(cr, ADR, 6, 10, 0, 1, 5), .addr_changes = 1 },
	{ .desc = "insisting on our address", .tc = { CLIENT, .local = true,
						      .no_accept = true },
	  BYTES(pkt, ADR, 6, 10, 0, 1, 5), BYTES(cr, ADR, 6, 10, 0, 0, 7) },
	{ .desc = "configured address replaced",
	  .tc = { CLIENT, .local = true },
	  BYTES(pkt, ADR, 6, 10, 0, 1, 5), BYTES(cr, ADR, 6, 10, 0, 1, 5),
	  .addr_changes = 1 },
	/* a server keeps its configured address, as pppd does */
	{ .desc = "server ignores Nak of its own", .tc = { SERVER },
	  BYTES(pkt, ADR, 6, 10, 0, 0, 9), BYTES(cr, ADR, 6, 10, 0, 0, 1) },

	{ .desc = "Reject of DNS stops asking", .rej = true,
	  .tc = { CLIENT, .dns = true },
	  BYTES(pkt, DN1, 6, 0, 0, 0, 0, DN2, 6, 0, 0, 0, 0),
	  BYTES(cr, ADR, 6, 0, 0, 0, 0) },
	{ .desc = "Reject of IP-Address: failure", .rej = true,
	  .tc = { CLIENT }, BYTES(pkt, ADR, 6, 0, 0, 0, 0), .cr_len = 0,
	  .fail = IPCP_NEG_IPCP_FAIL_NO_ADDR },
	{ .desc = "Reject of configured address", .rej = true,
	  .tc = { CLIENT, .local = true, .dns = true },
	  BYTES(pkt, ADR, 6, 10, 0, 0, 7),
	  BYTES(cr, DN1, 6, 0, 0, 0, 0, DN2, 6, 0, 0, 0, 0) },
	/* we never sent NBNS1 */
	{ .desc = "Reject of an unsent option", .rej = true, .tc = { CLIENT },
	  BYTES(pkt, NB1, 6, 0, 0, 0, 0), .ret = -EINVAL,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0) },
	/* a Reject must carry our value unchanged */
	{ .desc = "Reject with another value", .rej = true, .tc = { CLIENT },
	  BYTES(pkt, ADR, 6, 10, 0, 0, 9), .ret = -EINVAL,
	  BYTES(cr, ADR, 6, 0, 0, 0, 0) },
	/* we never send types we do not know */
	{ .desc = "Reject of an unknown type", .rej = true, .tc = { CLIENT },
	  BYTES(pkt, 200, 2), .ret = -EINVAL, BYTES(cr, ADR, 6, 0, 0, 0, 0) },
};

static void ipcp_nak_case_desc(const struct ipcp_nak_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ipcp_nak, ipcp_nak_cases, ipcp_nak_case_desc);

static void ipcp_recv_nak_test(struct kunit *test)
{
	const struct ipcp_nak_case *c = test->param_value;
	struct ipcp_tctx *t = ipcp_tctx_new(test, &c->tc);
	u8 buf[BUFMAX];
	unsigned int len;
	int ret;

	KUNIT_ASSERT_EQ(test, ipcp_neg_opts_check(c->pkt, c->pkt_len), 0);
	ipcp_neg_ipcp_build_cr(&t->ip.fsm, buf, sizeof(buf));
	ret = ipcp_neg_ipcp_recv_nak(&t->ip.fsm, c->pkt, c->pkt_len, c->rej);
	KUNIT_EXPECT_EQ(test, ret, c->ret);
	len = ipcp_neg_ipcp_build_cr(&t->ip.fsm, buf, sizeof(buf));
	ipcp_expect_bytes(test, buf, len, c->cr, c->cr_len);
	KUNIT_EXPECT_EQ(test, t->ip.fail, c->fail);
	KUNIT_EXPECT_EQ(test, t->ip.stats.addr_changes, c->addr_changes);
}

/* The peer's Configure-Ack of our request */

struct ipcp_ack_case {
	const char *desc;
	struct ipcp_tconf tc;
	u8 pkt[BUFMAX];
	unsigned int pkt_len;
	int ret;
	__be32 local;		/* ip->local afterwards */
	u8 fail;
};

static const struct ipcp_ack_case ipcp_ack_cases[] = {
	{ .desc = "exact Ack", .tc = { CLIENT, .local = true, .dns = true },
	  BYTES(pkt, ADR, 6, 10, 0, 0, 7, DN1, 6, 0, 0, 0, 0,
		DN2, 6, 0, 0, 0, 0),
	  .local = IP4(10, 0, 0, 7) },
	/* 0.0.0.0 Acked leaves the client with no address */
	{ .desc = "Ack of 0.0.0.0: failure", .tc = { CLIENT },
	  BYTES(pkt, ADR, 6, 0, 0, 0, 0), .fail = IPCP_NEG_IPCP_FAIL_NO_ADDR },
	{ .desc = "server's own address Acked", .tc = { SERVER },
	  BYTES(pkt, ADR, 6, 10, 0, 0, 1), .local = IP4(10, 0, 0, 1) },
	/* an Ack must repeat our value */
	{ .desc = "Ack with another value", .tc = { CLIENT, .local = true },
	  BYTES(pkt, ADR, 6, 10, 0, 0, 8), .ret = -EINVAL },
	/* an Ack must repeat every option */
	{ .desc = "Ack missing an option", .tc = { CLIENT, .dns = true },
	  BYTES(pkt, ADR, 6, 0, 0, 0, 0, DN1, 6, 0, 0, 0, 0), .ret = -EINVAL },
	/* and nothing more */
	{ .desc = "Ack with an extra option", .tc = { CLIENT, .local = true },
	  BYTES(pkt, ADR, 6, 10, 0, 0, 7, DN1, 6, 0, 0, 0, 0), .ret = -EINVAL },
	/* in the same order */
	{ .desc = "Ack reordered", .tc = { CLIENT, .local = true, .dns = true },
	  BYTES(pkt, DN1, 6, 0, 0, 0, 0, ADR, 6, 10, 0, 0, 7,
		DN2, 6, 0, 0, 0, 0),
	  .ret = -EINVAL },
};

static void ipcp_ack_case_desc(const struct ipcp_ack_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ipcp_ack, ipcp_ack_cases, ipcp_ack_case_desc);

static void ipcp_recv_ack_test(struct kunit *test)
{
	const struct ipcp_ack_case *c = test->param_value;
	struct ipcp_tctx *t = ipcp_tctx_new(test, &c->tc);
	u8 buf[BUFMAX];

	ipcp_neg_ipcp_build_cr(&t->ip.fsm, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, ipcp_neg_ipcp_recv_ack(&t->ip.fsm, c->pkt,
						     c->pkt_len), c->ret);
	IPCP_NEG_EXPECT_ADDR(test, t->ip.local, c->local);
	KUNIT_EXPECT_EQ(test, t->ip.fail, c->fail);
}

/* Sequences */

/* A client adopts the Nak'd address and servers, then records them */
static void ipcp_client_negotiation_test(struct kunit *test)
{
	static const u8 nak[] = { ADR, 6, 10, 0, 1, 5, DN1, 6, 192, 0, 2, 53,
				  DN2, 6, 192, 0, 2, 54 };
	struct ipcp_tconf tc = { CLIENT, .dns = true };
	struct ipcp_tctx *t = ipcp_tctx_new(test, &tc);
	struct ipcp_neg_fsm *f = &t->ip.fsm;
	u8 buf[BUFMAX];
	unsigned int len;

	ipcp_neg_ipcp_build_cr(f, buf, sizeof(buf));
	KUNIT_ASSERT_EQ(test, ipcp_neg_ipcp_recv_nak(f, nak, sizeof(nak),
						     false), 0);
	len = ipcp_neg_ipcp_build_cr(f, buf, sizeof(buf));
	ipcp_expect_bytes(test, buf, len, nak, sizeof(nak));
	KUNIT_ASSERT_EQ(test, ipcp_neg_ipcp_recv_ack(f, buf, len), 0);
	IPCP_NEG_EXPECT_ADDR(test, t->ip.local, IP4(10, 0, 1, 5));
	IPCP_NEG_EXPECT_ADDR(test, t->ip.srv[IPCP_NEG_IPCP_O_DNS1],
			     IP4(192, 0, 2, 53));
	IPCP_NEG_EXPECT_ADDR(test, t->ip.srv[IPCP_NEG_IPCP_O_DNS2],
			     IP4(192, 0, 2, 54));
	IPCP_NEG_EXPECT_ADDR(test, t->ip.srv[IPCP_NEG_IPCP_O_NBNS1], 0);
	KUNIT_EXPECT_EQ(test, t->ip.fail, IPCP_NEG_IPCP_FAIL_NONE);
}

static struct kunit_case ipcp_test_cases[] = {
	KUNIT_CASE_PARAM(ipcp_recv_cr_test, ipcp_cr_gen_params),
	KUNIT_CASE_PARAM(ipcp_addr_ok_test, ipcp_addr_gen_params),
	KUNIT_CASE_PARAM(ipcp_build_cr_test, ipcp_build_gen_params),
	KUNIT_CASE(ipcp_build_cr_unnumbered_test),
	KUNIT_CASE_PARAM(ipcp_recv_nak_test, ipcp_nak_gen_params),
	KUNIT_CASE_PARAM(ipcp_recv_ack_test, ipcp_ack_gen_params),
	KUNIT_CASE(ipcp_client_negotiation_test),
	KUNIT_CASE(ipcp_client_nak_peer_addr_test),
	KUNIT_CASE(ipcp_client_peer_has_conf_local_test),
	KUNIT_CASE(ipcp_server_pool_negotiation_test),
	KUNIT_CASE(ipcp_server_no_addr_test),
	KUNIT_CASE(ipcp_pair_test),
	KUNIT_CASE(ipcp_pair_pool_empty_test),
	{}
};

static struct kunit_suite ipcp_test_suite = {
	.name = "ipcp_neg_ipcp",
	.test_cases = ipcp_test_cases,
};

kunit_test_suite(ipcp_test_suite);
