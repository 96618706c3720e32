// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz target fsm_lcp: one LCP and one IPCP automaton (src/fsm.c with the
 * codecs of src/lcp.c and src/ipcp.c), not joined, driven by the input.
 *
 * Input: a 33-byte configuration header (below), then operations until the
 * input ends. An operation is one byte: bit 7 picks the automaton (0 LCP,
 * 1 IPCP), bits 0-3 the operation, bits 4-6 an argument:
 *	0	raw packet: length (8 bits + arg << 8, at most 1500), bytes
 *	1, 12-15 framed packet: code, id, data length (8 bits + (arg & 1) << 8),
 *		data; the Length field is set, arg & 2 adds 3 bytes of padding
 *	2-5	Up, Down, Open, Close
 *	6	restart timer expiry (arg & 1: even if the timer is not armed)
 *	7	the peer's MRU becomes 128 + (16 bits % 1500)
 *	8	LCP Echo-Request (ipcp_neg_lcp_send_echo())
 *	9	LCP Protocol-Reject of a 16-bit protocol with a packet of up to
 *		2047 bytes
 *	10	RXJ+ (arg & 1) or RXJ- event, as the engine feeds IPCP
 *	11	IPCP's forced, accept_local and restart option change: 8 bits,
 *		as header byte 0 (the role stays)
 *
 * Every packet sent goes through fuzz_check_tx(); after each operation
 * both automata are checked (state, restart timer, This-Layer-Up/Down
 * pairing, LCP's peer MRU) and at the end no memory may be left.
 */

#include <stdlib.h>

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "check.h"
#include "ipcp.h"
#include "lcp.h"
#include "shim.h"

/* Header byte 0 (and operation 11) */
#define CF_CLIENT	BIT(0)	/* IPCP client, else server */
#define CF_LCP_RESTART	BIT(1)	/* LCP restart option */
#define CF_IPCP_RESTART	BIT(2)	/* IPCP restart option */
#define CF_PFC		BIT(3)	/* LCP accept_pfc */
#define CF_ACFC		BIT(4)	/* LCP accept_acfc */
#define CF_ACCM		BIT(5)	/* LCP req_accm */
#define CF_FORCED	BIT(6)	/* IPCP forced */
#define CF_ACCEPT_LOCAL	BIT(7)	/* flip IPCP accept_local */
/* Header byte 1 */
#define CF_ASSIGN	0x03	/* none, pool, always fails, bogus address */
#define CF_DNS		BIT(2)	/* IPCP req_dns */
#define CF_NBNS		BIT(3)	/* IPCP req_nbns */
#define CF_LOCAL	BIT(4)	/* IPCP local address configured */
#define CF_REMOTE	BIT(5)	/* IPCP fixed remote address */
#define CF_SRV		BIT(6)	/* IPCP DNS/NBNS servers configured */
#define CF_KMEM		BIT(7)	/* allocations fail as header bytes 29-32 say */

#define ADDR(a, b, c, d)	htonl((a) << 24 | (b) << 16 | (c) << 8 | (d))

enum { ASSIGN_NONE, ASSIGN_POOL, ASSIGN_FAIL, ASSIGN_BOGUS };

static struct {
	struct ipcp_neg_lcp lcp;
	struct ipcp_neg_ipcp ip;
	struct fuzz_track t[2];		/* LCP, IPCP */
	bool up[2];
	u8 assign_mode;
	u32 assign_fail;		/* call n fails if bit n % 32 is set */
	unsigned int assign_calls;
	__be32 held;			/* the address assign() holds */
	u8 pkt[2048 + 8];
} h;

static int fsm_idx(const struct ipcp_neg_fsm *f)
{
	return f == &h.ip.fsm;
}

static void h_tlu(struct ipcp_neg_fsm *f)
{
	FUZZ_ASSERT(!h.up[fsm_idx(f)]);
	FUZZ_ASSERT(f->state == IPCP_NEG_ST_ACKRCVD ||
		    f->state == IPCP_NEG_ST_ACKSENT);
	h.up[fsm_idx(f)] = true;
	/* ipcp.c: the peer may not have our own address */
	if (f == &h.ip.fsm && h.ip.local)
		FUZZ_ASSERT(h.ip.local != h.ip.peer);
}

static void h_tld(struct ipcp_neg_fsm *f)
{
	FUZZ_ASSERT(h.up[fsm_idx(f)]);
	FUZZ_ASSERT(f->state == IPCP_NEG_ST_OPENED);
	h.up[fsm_idx(f)] = false;
}

static void h_xmit(struct ipcp_neg_fsm *f, u8 code, u8 id, const u8 *data,
		   unsigned int len)
{
	u32 magic = h.lcp.got.neg_magic ? h.lcp.got.magic : 0;

	fuzz_check_tx(f, fsm_idx(f) ? IPCP_NEG_PROTO_IPCP : IPCP_NEG_PROTO_LCP,
		      code, id, data, len, magic);
}

static void h_timer_start(struct ipcp_neg_fsm *f, unsigned int ms)
{
	h.t[fsm_idx(f)].timer = true;
	h.t[fsm_idx(f)].ms = ms;
}

static void h_timer_stop(struct ipcp_neg_fsm *f)
{
	h.t[fsm_idx(f)].timer = false;
}

/* This-Layer-Started and -Finished: only their order is the RFC's */
static void h_tls(struct ipcp_neg_fsm *f)
{
	FUZZ_ASSERT(f->state == IPCP_NEG_ST_INITIAL ||
		    f->state == IPCP_NEG_ST_STOPPED);
}

static void h_tlf(struct ipcp_neg_fsm *f)
{
	FUZZ_ASSERT(f->state != IPCP_NEG_ST_OPENED);
}

static const struct ipcp_neg_fsm_ops h_lcp_ops = {
	IPCP_NEG_LCP_CODEC_OPS,
	.tlu = h_tlu,
	.tld = h_tld,
	.tls = h_tls,
	.tlf = h_tlf,
	.xmit = h_xmit,
	.timer_start = h_timer_start,
	.timer_stop = h_timer_stop,
};

static const struct ipcp_neg_fsm_ops h_ipcp_ops = {
	IPCP_NEG_IPCP_CODEC_OPS,
	.tlu = h_tlu,
	.tld = h_tld,
	.tls = h_tls,
	.tlf = h_tlf,
	.xmit = h_xmit,
	.timer_start = h_timer_start,
	.timer_stop = h_timer_stop,
};

/* A pool of 10.0.0.2-10.0.0.254 holding one address for this link */
static int h_assign_pool(__be32 wanted, __be32 *out)
{
	u32 w = ntohl(wanted);

	if (w > 0x0a000001 && w < 0x0a0000ff)
		h.held = wanted;	/* grant it, release the old one */
	else if (!h.held)
		h.held = ADDR(10, 0, 0, 2 + h.assign_calls % 200);
	*out = h.held;
	return 0;
}

static int h_assign(struct ipcp_neg_ipcp *ip, __be32 wanted, __be32 *out)
{
	static const __be32 bogus[] = {
		0, ADDR(127, 0, 0, 1), ADDR(224, 0, 0, 5),
		ADDR(255, 255, 255, 255), ADDR(10, 0, 0, 1),
	};
	unsigned int n = h.assign_calls++;

	if (h.assign_mode == ASSIGN_FAIL || (h.assign_fail & BIT(n % 32)))
		return -ENOSPC;
	if (h.assign_mode == ASSIGN_BOGUS) {
		*out = bogus[n % ARRAY_SIZE(bogus)];
		return 0;
	}
	return h_assign_pool(wanted, out);
}

static void h_lcp_conf(u8 c0, u16 mru, u32 accm, u8 c2)
{
	struct ipcp_neg_lcp *lcp = &h.lcp;

	lcp->conf.mru = mru;
	lcp->conf.req_accm = c0 & CF_ACCM;
	lcp->conf.accm = accm;
	lcp->conf.accept_pfc = c0 & CF_PFC;
	lcp->conf.accept_acfc = c0 & CF_ACFC;
	lcp->fsm.conf.restart_option = c0 & CF_LCP_RESTART;
	lcp->fsm.conf.max_failure = c2 & 3;
	lcp->fsm.conf.max_configure = 1 + (c2 >> 2 & 3);
	lcp->fsm.conf.max_terminate = c2 >> 4 & 3;
}

/* What may change at run time: IPCP's forced, accept_local, restart */
static void h_ipcp_flags(u8 c0)
{
	struct ipcp_neg_ipcp_conf *c = &h.ip.conf;

	c->forced = c0 & CF_FORCED;
	c->accept_local = (c->role == IPCP_NEG_IPCP_CLIENT) ^
			  !!(c0 & CF_ACCEPT_LOCAL);
	h.ip.fsm.conf.restart_option = c0 & CF_IPCP_RESTART;
}

static void h_ipcp_conf(u8 c0, u8 c1, u8 c2)
{
	struct ipcp_neg_ipcp_conf *c = &h.ip.conf;

	h_ipcp_flags(c0);
	h.assign_mode = c1 & CF_ASSIGN;
	h.ip.assign = h.assign_mode == ASSIGN_NONE ? NULL : h_assign;
	c->req_dns = c1 & CF_DNS;
	c->req_nbns = c1 & CF_NBNS;
	c->local = c1 & CF_LOCAL ? ADDR(10, 0, 0, 1) : 0;
	c->remote = c1 & CF_REMOTE ? ADDR(10, 0, 0, 77) : 0;
	if (c1 & CF_SRV) {
		c->srv[IPCP_NEG_IPCP_O_DNS1] = ADDR(192, 0, 2, 53);
		c->srv[IPCP_NEG_IPCP_O_DNS2] = ADDR(192, 0, 2, 54);
		c->srv[IPCP_NEG_IPCP_O_NBNS1] = ADDR(192, 0, 2, 137);
	}
	h.ip.fsm.conf.max_failure = c2 & 3;
	h.ip.fsm.conf.max_configure = 1 + (c2 >> 2 & 3);
	h.ip.fsm.conf.max_terminate = c2 >> 4 & 3;
}

static void h_setup(struct fuzz_in *in)
{
	u8 c0 = fuzz_u8(in), c1 = fuzz_u8(in), c2 = fuzz_u8(in);
	u16 mru = fuzz_u16(in);
	u32 accm = fuzz_u32(in);
	u32 tape[FUZZ_RANDOM_TAPE];
	u32 kmem;
	int i;

	for (i = 0; i < FUZZ_RANDOM_TAPE; i++)
		tape[i] = fuzz_u32(in);
	h.assign_fail = fuzz_u32(in);
	kmem = fuzz_u32(in);
	memset(&h, 0, offsetof(typeof(h), pkt));
	fuzz_random_seed(tape, tape[0] ^ tape[1]);
	ipcp_neg_lcp_init(&h.lcp, &h_lcp_ops, NULL);
	ipcp_neg_ipcp_init(&h.ip, &h_ipcp_ops,
			   c0 & CF_CLIENT ? IPCP_NEG_IPCP_CLIENT :
					    IPCP_NEG_IPCP_SERVER, NULL);
	h_lcp_conf(c0, mru, accm, c2);
	h_ipcp_conf(c0, c1, c2);
	fuzz_kmem_fail_pattern(c1 & CF_KMEM ? kmem : 0);
}

static void h_feed(struct ipcp_neg_fsm *f, const u8 *buf, unsigned int len)
{
	u8 *pkt = fuzz_dup(buf, len);

	fuzz_rx_begin(fsm_idx(f) ? IPCP_NEG_PROTO_IPCP : IPCP_NEG_PROTO_LCP,
		      pkt, len);
	ipcp_neg_fsm_input(f, pkt, len);
	fuzz_rx_end();
	free(pkt);
}

static void op_raw(struct ipcp_neg_fsm *f, struct fuzz_in *in, u8 arg)
{
	unsigned int len = fuzz_u8(in) | arg << 8;

	len = fuzz_bytes(in, h.pkt, min_t(unsigned int, len, FUZZ_MAX_PKT));
	h_feed(f, h.pkt, len);
}

static void op_framed(struct ipcp_neg_fsm *f, struct fuzz_in *in, u8 arg)
{
	unsigned int pad = arg & 2 ? 3 : 0;
	unsigned int dlen;

	h.pkt[0] = fuzz_u8(in);
	h.pkt[1] = fuzz_u8(in);
	dlen = fuzz_u8(in) | (arg & 1) << 8;
	dlen = fuzz_bytes(in, h.pkt + IPCP_NEG_HDRLEN, dlen);
	put_unaligned_be16(IPCP_NEG_HDRLEN + dlen, h.pkt + 2);
	memset(h.pkt + IPCP_NEG_HDRLEN + dlen, 0xa5, pad);
	h_feed(f, h.pkt, IPCP_NEG_HDRLEN + dlen + pad);
}

static void op_timeout(struct ipcp_neg_fsm *f, u8 arg)
{
	struct fuzz_track *t = &h.t[fsm_idx(f)];

	if (!t->timer && !(arg & 1))
		return;
	t->timer = false;		/* one-shot */
	ipcp_neg_fsm_timeout(f);
}

static void op_protrej(struct fuzz_in *in)
{
	u16 proto = fuzz_u16(in);
	unsigned int len = fuzz_u16(in) % 2048;
	u8 *info;

	memset(h.pkt, 0x5a, len);
	fuzz_bytes(in, h.pkt, len);
	info = fuzz_dup(h.pkt, len);
	ipcp_neg_lcp_send_protrej(&h.lcp, proto, info, len);
	free(info);
}

static void op_run(struct ipcp_neg_fsm *f, u8 op, struct fuzz_in *in)
{
	u8 arg = op >> 4 & 7;

	switch (op & 0x0f) {
	case 0:
		op_raw(f, in, arg);
		break;
	case 2:
		ipcp_neg_fsm_up(f);
		break;
	case 3:
		ipcp_neg_fsm_down(f);
		break;
	case 4:
		ipcp_neg_fsm_open(f);
		break;
	case 5:
		ipcp_neg_fsm_close(f);
		break;
	case 6:
		op_timeout(f, arg);
		break;
	case 7:
		f->peer_mru = IPCP_NEG_MIN_MRU + fuzz_u16(in) % 1500;
		break;
	case 8:
		ipcp_neg_lcp_send_echo(&h.lcp);
		break;
	case 9:
		op_protrej(in);
		break;
	case 10:
		ipcp_neg_fsm_event(f, arg & 1 ? IPCP_NEG_EV_RXJ_PLUS :
				   IPCP_NEG_EV_RXJ_MINUS);
		break;
	case 11:
		h_ipcp_flags(fuzz_u8(in));
		break;
	default:
		op_framed(f, in, arg);
	}
}

static void h_check(void)
{
	int i;

	for (i = 0; i < 2; i++) {
		struct ipcp_neg_fsm *f = i ? &h.ip.fsm : &h.lcp.fsm;

		fuzz_check_fsm(f, h.t[i].timer);
		FUZZ_ASSERT(h.up[i] == (f->state == IPCP_NEG_ST_OPENED));
	}
	FUZZ_ASSERT(h.lcp.fsm.peer_mru >= IPCP_NEG_MIN_MRU);
	FUZZ_ASSERT(h.lcp.last_cr_len <= IPCP_NEG_LCP_CR_MAX);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_in in;
	u8 op;

	fuzz_start(&in, data, size);
	h_setup(&in);
	while (in.left) {
		op = fuzz_u8(&in);
		op_run(op & 0x80 ? &h.ip.fsm : &h.lcp.fsm, op, &in);
		fuzz_log("op %02x: LCP %s, IPCP %s", op,
			 ipcp_neg_fsm_state_name(h.lcp.fsm.state),
			 ipcp_neg_fsm_state_name(h.ip.fsm.state));
		h_check();
	}
	fuzz_kmem_fail_pattern(0);
	FUZZ_ASSERT(fuzz_kmem_live == 0);
	return 0;
}
