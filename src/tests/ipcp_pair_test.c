// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the IPCP option codec (suite ipcp_neg_ipcp, ipcp_test.c):
 * whole negotiations through the real automaton, a client or a server
 * against scripted packets, and a server and a client back to back.
 */

#include "ipcp_test.h"

/**
 * ipcp_client_nak_peer_addr_test - In Ack-Sent the peer has 10.0.0.9; a Nak
 * giving us 10.0.0.9 too is not adopted (both ends would have one address): we
 * ask for 0.0.0.0 again. A fuzzer finding: IPCP Opened with local == peer.
 * @test: the test
 */
void ipcp_client_nak_peer_addr_test(struct kunit *test)
{
	static const u8 his[] = { ADR, 6, 10, 0, 0, 9 };
	static const u8 ask[] = { ADR, 6, 0, 0, 0, 0 };
	struct ipcp_tconf tc = { CLIENT };
	struct ipcp_tctx *t = ipcp_tctx_new(test, &tc);
	struct ipcp_neg_fsm *f = &t->ip.fsm;
	u8 buf[BUFMAX];
	unsigned int len;

	ipcp_neg_ipcp_build_cr(f, buf, sizeof(buf));
	KUNIT_ASSERT_EQ(test, ipcp_neg_ipcp_recv_cr(f, his, sizeof(his), buf,
						    &len, false),
			IPCP_NEG_CONFACK);
	IPCP_NEG_EXPECT_ADDR(test, t->ip.peer, IP4(10, 0, 0, 9));
	f->state = IPCP_NEG_ST_ACKSENT;
	KUNIT_ASSERT_EQ(test, ipcp_neg_ipcp_recv_nak(f, his, sizeof(his),
						     false), 0);
	len = ipcp_neg_ipcp_build_cr(f, buf, sizeof(buf));
	ipcp_expect_bytes(test, buf, len, ask, sizeof(ask));
	KUNIT_EXPECT_EQ(test, t->ip.stats.bad_addr, 1);
}

/**
 * ipcp_client_peer_has_conf_local_test - Our configured address is ours even
 * while we ask for another one: a restart goes back to it after the peer's
 * request was judged. A client configured with 10.0.0.7 that was Nak'd 10.0.1.5
 * Rejects a server claiming 10.0.0.7. A fuzzer finding: IPCP Opened with local
 * == peer.
 * @test: the test
 */
void ipcp_client_peer_has_conf_local_test(struct kunit *test)
{
	static const u8 nak[] = { ADR, 6, 10, 0, 1, 5 };
	static const u8 his[] = { ADR, 6, 10, 0, 0, 7 };
	struct ipcp_tconf tc = { CLIENT, .local = true };
	struct ipcp_tctx *t = ipcp_tctx_new(test, &tc);
	struct ipcp_neg_fsm *f = &t->ip.fsm;
	u8 buf[BUFMAX];
	unsigned int len;

	ipcp_neg_ipcp_build_cr(f, buf, sizeof(buf));
	KUNIT_ASSERT_EQ(test, ipcp_neg_ipcp_recv_nak(f, nak, sizeof(nak),
						     false), 0);
	len = ipcp_neg_ipcp_build_cr(f, buf, sizeof(buf));
	ipcp_expect_bytes(test, buf, len, nak, sizeof(nak));
	KUNIT_EXPECT_EQ(test, ipcp_neg_ipcp_recv_cr(f, his, sizeof(his), buf,
						    &len, false),
			IPCP_NEG_CONFREJ);
	ipcp_expect_bytes(test, buf, len, his, sizeof(his));
	IPCP_NEG_EXPECT_ADDR(test, t->ip.peer, 0);
}

/**
 * ipcp_server_pool_negotiation_test - The peer takes the address Nak'd to it;
 * the pool gives the same again
 * @test: the test
 */
void ipcp_server_pool_negotiation_test(struct kunit *test)
{
	static const u8 ask[] = { ADR, 6, 0, 0, 0, 0 };
	static const u8 take[] = { ADR, 6, 10, 0, 1, 100 };
	struct ipcp_tconf tc = { SERVER, .pool = POOL };
	struct ipcp_tctx *t = ipcp_tctx_new(test, &tc);
	struct ipcp_neg_fsm *f = &t->ip.fsm;
	u8 reply[sizeof(take) + IPCP_NEG_REPLY_EXTRA];
	unsigned int len;

	KUNIT_EXPECT_EQ(test, ipcp_neg_ipcp_recv_cr(f, ask, 6, reply, &len,
						    false), IPCP_NEG_CONFNAK);
	ipcp_expect_bytes(test, reply, len, take, sizeof(take));
	IPCP_NEG_EXPECT_ADDR(test, t->ip.peer, 0);
	KUNIT_EXPECT_EQ(test, ipcp_neg_ipcp_recv_cr(f, take, 6, reply, &len,
						    false), IPCP_NEG_CONFACK);
	ipcp_expect_bytes(test, reply, len, take, sizeof(take));
	IPCP_NEG_EXPECT_ADDR(test, t->ip.peer, IP4(10, 0, 1, 100));
	KUNIT_EXPECT_EQ(test, t->calls, 2);
	IPCP_NEG_EXPECT_ADDR(test, t->wanted, IP4(10, 0, 1, 100));
	KUNIT_EXPECT_EQ(test, t->ip.stats.nak_sent[IPCP_NEG_IPCP_O_ADDR], 1);
}

/**
 * ipcp_server_no_addr_test - Through the automaton: a peer that never sends an
 * IP-Address is Nak'd one until Max-Failure, then Acked with the failure
 * flagged for the glue.
 * @test: the test
 */
void ipcp_server_no_addr_test(struct kunit *test)
{
	static const u8 req[] = { IPCP_NEG_CONFREQ, 0x40, 0, 4 };
	static const u8 nak[] = { ADR, 6, 10, 0, 0, 2 };
	struct ipcp_tconf tc = { SERVER, .fixed = true };
	struct ipcp_tctx *t = ipcp_tctx_new(test, &tc);
	struct ipcp_neg_fsm *f = &t->ip.fsm;
	unsigned int i, n = 4;

	f->conf.max_failure = n;
	ipcp_neg_fsm_open(f);
	ipcp_neg_fsm_up(f);
	KUNIT_ASSERT_EQ(test, t->nout, 1U);	/* our Configure-Request */
	for (i = 0; i <= n; i++)
		ipcp_neg_fsm_input(f, req, sizeof(req));
	KUNIT_ASSERT_EQ(test, t->nout, n + 2);
	for (i = 1; i <= n; i++) {
		KUNIT_EXPECT_EQ(test, t->out[i][0], IPCP_NEG_CONFNAK);
		ipcp_expect_bytes(test, t->out[i] + IPCP_NEG_HDRLEN,
				  t->out_len[i] - IPCP_NEG_HDRLEN,
				  nak, sizeof(nak));
	}
	KUNIT_EXPECT_EQ(test, t->out[n + 1][0], IPCP_NEG_CONFACK);
	KUNIT_EXPECT_EQ(test, t->out_len[n + 1], IPCP_NEG_HDRLEN);
	KUNIT_EXPECT_EQ(test, t->ip.fail, IPCP_NEG_IPCP_FAIL_ASSIGN);
	KUNIT_EXPECT_EQ(test, t->ip.assign_err, -EDESTADDRREQ);
	KUNIT_EXPECT_EQ(test, t->ip.stats.nak_sent[IPCP_NEG_IPCP_O_ADDR], n);
	IPCP_NEG_EXPECT_ADDR(test, t->ip.peer, 0);
}

/* Two codecs talking through their automatons, timers never firing */

/* Deliver what @from sent to @to; true if there was anything */
static bool ipcp_deliver(struct kunit *test, struct ipcp_tctx *from,
			 struct ipcp_tctx *to)
{
	unsigned int i, n = from->nout;

	KUNIT_ASSERT_LE(test, n, OUTBOX);
	from->nout = 0;
	for (i = 0; i < n; i++)
		ipcp_neg_fsm_input(&to->ip.fsm, from->out[i], from->out_len[i]);
	return n > 0;
}

static void ipcp_run_pair(struct kunit *test, struct ipcp_tctx *srv,
			  struct ipcp_tctx *cli)
{
	unsigned int round;

	ipcp_neg_fsm_open(&srv->ip.fsm);
	ipcp_neg_fsm_open(&cli->ip.fsm);
	ipcp_neg_fsm_up(&srv->ip.fsm);
	ipcp_neg_fsm_up(&cli->ip.fsm);
	for (round = 0; round < 10; round++) {
		bool to_cli = ipcp_deliver(test, srv, cli);
		bool to_srv = ipcp_deliver(test, cli, srv);

		if (!to_cli && !to_srv)
			break;
	}
	KUNIT_EXPECT_LT(test, round, 10);
	KUNIT_EXPECT_EQ(test, srv->ip.fsm.state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, cli->ip.fsm.state, IPCP_NEG_ST_OPENED);
	KUNIT_EXPECT_EQ(test, srv->ups, 1);
	KUNIT_EXPECT_EQ(test, cli->ups, 1);
}

/**
 * ipcp_pair_test - A pool server and a client asking for DNS agree on
 * everything
 * @test: the test
 */
void ipcp_pair_test(struct kunit *test)
{
	struct ipcp_tconf sc = { SERVER, .pool = POOL, .srv = true };
	struct ipcp_tconf cc = { CLIENT, .dns = true };
	struct ipcp_tctx *srv = ipcp_tctx_new(test, &sc);
	struct ipcp_tctx *cli = ipcp_tctx_new(test, &cc);

	ipcp_run_pair(test, srv, cli);
	IPCP_NEG_EXPECT_ADDR(test, srv->ip.local, IP4(10, 0, 0, 1));
	IPCP_NEG_EXPECT_ADDR(test, srv->ip.peer, POOL_FALLBACK);
	IPCP_NEG_EXPECT_ADDR(test, cli->ip.local, POOL_FALLBACK);
	IPCP_NEG_EXPECT_ADDR(test, cli->ip.peer, IP4(10, 0, 0, 1));
	IPCP_NEG_EXPECT_ADDR(test, cli->ip.srv[IPCP_NEG_IPCP_O_DNS1],
			     IP4(192, 0, 2, 53));
	IPCP_NEG_EXPECT_ADDR(test, cli->ip.srv[IPCP_NEG_IPCP_O_DNS2],
			     IP4(192, 0, 2, 54));
	KUNIT_EXPECT_EQ(test, srv->ip.fail, IPCP_NEG_IPCP_FAIL_NONE);
	KUNIT_EXPECT_EQ(test, cli->ip.fail, IPCP_NEG_IPCP_FAIL_NONE);
}

/**
 * ipcp_pair_pool_empty_test - An exhausted pool: the server Rejects the
 * client's IP-Address, the client stops asking, and both ends flag the failure
 * for their glue.
 * @test: the test
 */
void ipcp_pair_pool_empty_test(struct kunit *test)
{
	struct ipcp_tconf sc = { SERVER, .pool = POOL_EMPTY };
	struct ipcp_tconf cc = { CLIENT };
	struct ipcp_tctx *srv = ipcp_tctx_new(test, &sc);
	struct ipcp_tctx *cli = ipcp_tctx_new(test, &cc);

	ipcp_run_pair(test, srv, cli);
	KUNIT_EXPECT_EQ(test, srv->ip.fail, IPCP_NEG_IPCP_FAIL_ASSIGN);
	KUNIT_EXPECT_EQ(test, srv->ip.assign_err, -ENOSPC);
	IPCP_NEG_EXPECT_ADDR(test, srv->ip.peer, 0);
	KUNIT_EXPECT_EQ(test, cli->ip.fail, IPCP_NEG_IPCP_FAIL_NO_ADDR);
	IPCP_NEG_EXPECT_ADDR(test, cli->ip.local, 0);
}
