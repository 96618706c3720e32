/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of the ipcp_neg_lcp KUnit suite share (lcp_test.c holds
 * the suite, its recording callbacks and the option tables; lcp_ops_test.c
 * our request, the peer's Ack, loopback and the packets the codec sends
 * itself): the recorded context and the helpers that make one.
 */
#ifndef _IPCP_NEG_TESTS_LCP_TEST_H
#define _IPCP_NEG_TESTS_LCP_TEST_H

#include <kunit/test.h>
#include <linux/string.h>

#include "../compat.h"
#include "../lcp.h"
#include "../opt.h"

#define LCP_T_OURS	0x11111111
#define LCP_T_NEXT	0x11111112
#define LCP_T_QLEN	8
#define LCP_T_PKTMAX	32

/* Everything the codec does to the outside, recorded */
struct lcp_ctx {
	struct ipcp_neg_lcp lcp;
	unsigned int nxmit;
	u8 code;
	u8 id;
	unsigned int len;
	u8 data[IPCP_NEG_DEFAULT_MRU];
	unsigned int nprotrej;
	u16 protrej;
	unsigned int nrecv_cr;
	/* a looped-back line: what we send is queued to come back */
	bool loop;
	unsigned int qhead;
	unsigned int qtail;
	unsigned int qlen[LCP_T_QLEN];
	u8 q[LCP_T_QLEN][LCP_T_PKTMAX];
};

/* The codec's own callbacks, with the recording ones (lcp_test.c) */
extern const struct ipcp_neg_fsm_ops lcp_t_codec_ops;
/* Our request with conf.mru 1400, ACCM 0 requested, and our magic */
extern const u8 lcp_t_cr[16];

void lcp_t_proto_rej(struct ipcp_neg_lcp *lcp, u16 proto);
struct lcp_ctx *lcp_ctx_new(struct kunit *test);
struct lcp_ctx *lcp_ctx_sent(struct kunit *test);
struct lcp_ctx *lcp_ctx_opened(struct kunit *test);
void lcp_expect_bytes(struct kunit *test, const u8 *got,
		      unsigned int got_len, const u8 *want,
		      unsigned int want_len);

/* lcp_ops_test.c */
void lcp_test_build_cr_default(struct kunit *test);
void lcp_test_build_cr_conf(struct kunit *test);
void lcp_test_recv_ack(struct kunit *test);
void lcp_test_his(struct kunit *test);
void lcp_test_loopback(struct kunit *test);
void lcp_test_ser(struct kunit *test);
void lcp_test_ser_truncated(struct kunit *test);
void lcp_test_send_echo(struct kunit *test);
void lcp_test_send_protrej(struct kunit *test);
void lcp_test_codec_ops(struct kunit *test);
void lcp_test_echo_req_looped(struct kunit *test);
void lcp_test_looped_line(struct kunit *test);

#endif /* _IPCP_NEG_TESTS_LCP_TEST_H */
