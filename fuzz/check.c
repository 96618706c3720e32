// SPDX-License-Identifier: GPL-2.0
/*
 * The packet oracle of the fsm_lcp and engine targets: every packet the
 * module transmits goes through fuzz_check_tx(), which checks what src/
 * documents:
 *
 * - every packet, its 4-byte header included, fits in 1500 bytes (the
 *   harness feeds no packet longer than that);
 * - what the automaton or LCP builds itself (Configure-Request, Terminate,
 *   Code-Reject, Echo, Protocol-Reject, Discard) fits the peer's MRU,
 *   ipcp_neg_fsm_tx_max();
 * - option lists we send are well framed;
 * - Configure-Ack/Nak/Reject answer the packet being processed, with its
 *   identifier, and only a Configure-Request: an Ack repeats its options,
 *   a Reject carries some of them verbatim and in order, a Nak some of
 *   them (type and length kept) in order; IPCP's Nak may end with one
 *   IP-Address the request lacked, so a reply is at most
 *   IPCP_NEG_REPLY_EXTRA bytes longer than the request (LCP: no longer);
 * - a Code-Reject carries the rejected packet's first bytes, as many as
 *   the peer's MRU allows;
 * - an Echo-Reply answers an Echo-Request with its identifier, our magic
 *   number and the rest of the request's data, truncated to the MRU.
 */

#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/unaligned.h>

#include "check.h"
#include "opt.h"

struct fuzz_rx fuzz_rx;

/* What transmitted bytes are copied to, so that ASan checks each of them */
static u8 fuzz_sink[65536];

/**
 * fuzz_rx_begin - a packet is about to be fed to the module
 * @proto: its protocol
 * @pkt: the packet from its Code field
 * @len: bytes at @pkt
 *
 * Replies are checked against it if its header is valid (as fsm_parse()
 * in src/fsm.c: at least 4 bytes, Length field from 4 to @len).
 */
void fuzz_rx_begin(u16 proto, const u8 *pkt, unsigned int len)
{
	unsigned int plen = len >= IPCP_NEG_HDRLEN ?
			    get_unaligned_be16(pkt + 2) : 0;

	fuzz_rx.active = plen >= IPCP_NEG_HDRLEN && plen <= len;
	fuzz_rx.proto = proto;
	fuzz_rx.pkt = pkt;
	fuzz_rx.len = plen;
}

/**
 * fuzz_rx_end - the packet has been processed
 */
void fuzz_rx_end(void)
{
	fuzz_rx.active = false;
}

/**
 * fuzz_timer_runs - does RFC 1661 run the restart timer in @state?
 * @state: the automaton's state
 *
 * Return: true in Closing, Stopping, Req-Sent, Ack-Rcvd and Ack-Sent.
 */
bool fuzz_timer_runs(u8 state)
{
	return state >= IPCP_NEG_ST_CLOSING && state <= IPCP_NEG_ST_ACKSENT;
}

/* Is @sub an in-order selection of the options of @opts? */
static bool opts_subseq(const u8 *sub, unsigned int slen, const u8 *opts,
			unsigned int len, bool verbatim, bool addr_tail)
{
	struct ipcp_neg_opt_iter si, ri;
	const u8 *s, *r = NULL;

	ipcp_neg_opt_iter_init(&ri, opts, len);
	ipcp_neg_for_each_opt(s, si, sub, slen) {
		while ((r = ipcp_neg_opt_next(&ri)))
			if (r[0] == s[0] && r[1] == s[1] &&
			    (!verbatim || !memcmp(r, s, s[1])))
				break;
		if (r)
			continue;
		/* IPCP's Nak may end with an IP-Address the peer lacked */
		return addr_tail && s + s[1] == sub + slen &&
		       s[0] == IPCP_NEG_IPCP_ADDR && s[1] == 6;
	}
	return true;
}

static void check_conf_reply(u16 proto, u8 code, u8 id, const u8 *data,
			     unsigned int len)
{
	const u8 *req = fuzz_rx.pkt + IPCP_NEG_HDRLEN;
	unsigned int rlen = fuzz_rx.len - IPCP_NEG_HDRLEN;
	bool ipcp = proto == IPCP_NEG_PROTO_IPCP;

	if (!fuzz_rx.active || fuzz_rx.proto != proto ||
	    fuzz_rx.pkt[0] != IPCP_NEG_CONFREQ)
		fuzz_fail("%04x code %u sent without a Configure-Request",
			  proto, code);
	if (id != fuzz_rx.pkt[1])
		fuzz_fail("%04x code %u id %u answers id %u", proto, code, id,
			  fuzz_rx.pkt[1]);
	if (code == IPCP_NEG_CONFACK) {
		if (len != rlen || memcmp(data, req, len))
			fuzz_fail("%04x Configure-Ack differs from the request",
				  proto);
		return;
	}
	if (len > rlen + (ipcp ? IPCP_NEG_REPLY_EXTRA : 0))
		fuzz_fail("%04x code %u: %u option bytes for a %u-byte request",
			  proto, code, len, rlen);
	if (!opts_subseq(data, len, req, rlen, code == IPCP_NEG_CONFREJ,
			 ipcp && code == IPCP_NEG_CONFNAK))
		fuzz_fail("%04x code %u: options not taken from the request",
			  proto, code);
}

static void check_code_rej(const struct ipcp_neg_fsm *f, u16 proto,
			   const u8 *data, unsigned int len)
{
	unsigned int want;

	if (!fuzz_rx.active || fuzz_rx.proto != proto)
		fuzz_fail("%04x Code-Reject without a packet", proto);
	want = min(fuzz_rx.len, ipcp_neg_fsm_tx_max(f) - IPCP_NEG_HDRLEN);
	if (len != want || memcmp(data, fuzz_rx.pkt, len))
		fuzz_fail("%04x Code-Reject of %u bytes, %u expected", proto,
			  len, want);
}

static void check_echo_rep(const struct ipcp_neg_fsm *f, u8 id,
			   const u8 *data, unsigned int len, u32 magic)
{
	unsigned int room = ipcp_neg_fsm_tx_max(f) - IPCP_NEG_HDRLEN - 4;
	unsigned int rlen = fuzz_rx.len - IPCP_NEG_HDRLEN;
	const u8 *req = fuzz_rx.pkt + IPCP_NEG_HDRLEN;

	if (!fuzz_rx.active || fuzz_rx.proto != IPCP_NEG_PROTO_LCP ||
	    fuzz_rx.pkt[0] != IPCP_NEG_ECHOREQ || rlen < 4)
		fuzz_fail("Echo-Reply without an Echo-Request");
	if (f->state != IPCP_NEG_ST_OPENED)
		fuzz_fail("Echo-Reply in state %u", f->state);
	if (id != fuzz_rx.pkt[1] || len != 4 + min(rlen - 4, room) ||
	    get_unaligned_be32(data) != magic ||
	    memcmp(data + 4, req + 4, len - 4))
		fuzz_fail("Echo-Reply does not answer its request");
}

/**
 * fuzz_check_tx - check a packet the module transmits (see the top)
 * @f: the automaton it belongs to
 * @proto: IPCP_NEG_PROTO_LCP or IPCP_NEG_PROTO_IPCP
 * @code: its code
 * @id: its identifier
 * @data: what follows its header
 * @len: length of @data
 * @our_magic: LCP: the magic number the peer acked for us, or 0
 *
 * Aborts on any violation.
 */
void fuzz_check_tx(const struct ipcp_neg_fsm *f, u16 proto, u8 code, u8 id,
		   const u8 *data, unsigned int len, u32 our_magic)
{
	unsigned int max = proto == IPCP_NEG_PROTO_LCP ? IPCP_NEG_DISCREQ :
			   IPCP_NEG_CODEREJ;

	fuzz_log("  tx %s code %u id %u len %u", f->ops->name, code, id, len);
	if (len > sizeof(fuzz_sink) || (len && !data))
		fuzz_fail("%04x code %u: bad buffer, %u bytes", proto, code,
			  len);
	if (len)
		memcpy(fuzz_sink, data, len);	/* ASan reads every byte */
	if (len + IPCP_NEG_HDRLEN > IPCP_NEG_DEFAULT_MRU)
		fuzz_fail("%04x code %u: %u-byte packet", proto, code,
			  len + IPCP_NEG_HDRLEN);
	if (!code || code > max)
		fuzz_fail("%04x: code %u sent", proto, code);
	switch (code) {
	case IPCP_NEG_CONFACK:
	case IPCP_NEG_CONFNAK:
	case IPCP_NEG_CONFREJ:
		if (ipcp_neg_opts_check(data, len))
			fuzz_fail("%04x code %u: bad option framing", proto,
				  code);
		check_conf_reply(proto, code, id, data, len);
		return;
	case IPCP_NEG_CONFREQ:
		if (ipcp_neg_opts_check(data, len))
			fuzz_fail("%04x Configure-Request: bad framing", proto);
		break;
	case IPCP_NEG_CODEREJ:
		check_code_rej(f, proto, data, len);
		break;
	case IPCP_NEG_ECHOREP:
		check_echo_rep(f, id, data, len, our_magic);
		break;
	}
	if (len + IPCP_NEG_HDRLEN > ipcp_neg_fsm_tx_max(f))
		fuzz_fail("%04x code %u: %u bytes, peer MRU %u", proto, code,
			  len + IPCP_NEG_HDRLEN, ipcp_neg_fsm_tx_max(f));
}

/**
 * fuzz_check_fsm - check an automaton between two operations
 * @f: the automaton
 * @armed: the harness saw its restart timer armed
 *
 * The state is valid and the restart timer is armed exactly in the states
 * that run it.
 */
void fuzz_check_fsm(const struct ipcp_neg_fsm *f, bool armed)
{
	if (f->state >= IPCP_NEG_ST_COUNT)
		fuzz_fail("%s: state %u", f->ops->name, f->state);
	if (armed != fuzz_timer_runs(f->state))
		fuzz_fail("%s: timer %s in %s", f->ops->name,
			  armed ? "armed" : "stopped",
			  ipcp_neg_fsm_state_name(f->state));
}
