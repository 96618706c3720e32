/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of the ipcp_neg_ipcp KUnit suite share (ipcp_test.c holds
 * the suite, the codec's test callbacks and the option tables;
 * ipcp_pair_test.c negotiations through the real automaton): one end of a
 * test link, its configuration, and the short forms of the tables.
 */
#ifndef _IPCP_NEG_TESTS_IPCP_TEST_H
#define _IPCP_NEG_TESTS_IPCP_TEST_H

#include <kunit/test.h>

#include "../ipcp.h"
#include "../opt.h"
#include "test_util.h"

/*
 * Option types, short for the tables: options are written as bytes, e.g.
 * "ADR, 6, 10, 0, 0, 2" is IP-Address 10.0.0.2.
 */
#define ADR	IPCP_NEG_IPCP_ADDR
#define DN1	IPCP_NEG_IPCP_DNS1
#define NB1	IPCP_NEG_IPCP_NBNS1
#define DN2	IPCP_NEG_IPCP_DNS2
#define NB2	IPCP_NEG_IPCP_NBNS2
#define CMP	IPCP_NEG_IPCP_COMP

/* A byte array and its length, for the tables */
#define BYTES(f, ...)	.f = { __VA_ARGS__ },			\
			.f##_len = sizeof((u8[]){ __VA_ARGS__ })

#define BUFMAX 32

/* The test pool: grants 10.0.1.0/24 except 10.0.1.66 (in use) */
#define POOL_FALLBACK	IP4(10, 0, 1, 100)

enum pool_mode {
	NO_POOL,	/* no assign() callback */
	POOL,		/* the test pool above */
	POOL_EMPTY,	/* assign() fails with -ENOSPC */
};

#define OUTBOX 8

/* One end of a test link: its codec, its pool and what it sent */
struct ipcp_tctx {
	struct ipcp_neg_ipcp ip;
	u8 pool;
	unsigned int calls;	/* assign() calls */
	__be32 wanted;		/* the last one's wanted address */
	unsigned int ups;	/* tlu calls */
	unsigned int nout;	/* packets in out[], lost ones counted too */
	u8 out[OUTBOX][IPCP_NEG_HDRLEN + BUFMAX];
	unsigned int out_len[OUTBOX];
};

/* The configuration of a test: the defaults plus what a row asks for */
struct ipcp_tconf {
	u8 role;
	u8 pool;		/* enum pool_mode */
	bool fixed;		/* server: remote 10.0.0.2 */
	bool forced;
	bool srv;		/* server: DNS1, NBNS1, DNS2; no NBNS2 */
	bool local;		/* client: local 10.0.0.7 (server: .1) */
	bool no_accept;		/* accept_local off */
	bool dns;		/* client: request DNS */
	bool nbns;		/* client: request NBNS */
};

#define SERVER	.role = IPCP_NEG_IPCP_SERVER
#define CLIENT	.role = IPCP_NEG_IPCP_CLIENT

struct ipcp_tctx *ipcp_tctx_new(struct kunit *test,
				const struct ipcp_tconf *tc);
void ipcp_expect_bytes(struct kunit *test, const u8 *got,
		       unsigned int got_len, const u8 *want,
		       unsigned int want_len);

/* ipcp_pair_test.c */
void ipcp_client_nak_peer_addr_test(struct kunit *test);
void ipcp_client_peer_has_conf_local_test(struct kunit *test);
void ipcp_server_pool_negotiation_test(struct kunit *test);
void ipcp_server_no_addr_test(struct kunit *test);
void ipcp_pair_test(struct kunit *test);
void ipcp_pair_pool_empty_test(struct kunit *test);

#endif /* _IPCP_NEG_TESTS_IPCP_TEST_H */
