// SPDX-License-Identifier: GPL-2.0
/* rawpeer's protocol side: our Configure-Requests, how we judge the
 * module's, the normal answers, and the waits the steps build on. */
#include "rawpeer.h"

int put_opt32(uint8_t *p, uint8_t type, uint32_t v)
{
	p[0] = type;
	p[1] = 6;
	p[2] = v >> 24;
	p[3] = v >> 16;
	p[4] = v >> 8;
	p[5] = v;
	return 6;
}

void send_cr(struct cp *c, int new_id)
{
	uint8_t o[16];
	int n = 0;

	if (new_id)
		c->id++;
	if (c->proto == LCP) {
		if (my_mru) {
			o[0] = 1;
			o[1] = 4;
			o[2] = my_mru >> 8;
			o[3] = my_mru & 0xff;
			n = 4;
		}
		if (use_magic)
			n += put_opt32(o + n, 5, my_magic);
	} else if (use_addr) {
		n = put_opt32(o, 3, ntohl(my_addr));
	}
	c->outstanding = 1;
	c->acked_us = 0;
	c->sent_at = now_ms();
	queue_cp(c->proto, CONFREQ, c->id, o, n, -1);
}

void retransmit(void)
{
	struct cp *cs[2] = { &lcp, &ipcp };
	int i;

	for (i = 0; i < 2; i++)
		if (cs[i]->outstanding && now_ms() - cs[i]->sent_at >= 1000)
			send_cr(cs[i], 0);
}

uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/* Reject every option of the module's request, or Ack an empty one */
void reject_all(struct cp *c, const uint8_t *p, int len)
{
	queue_cp(c->proto, len > 4 ? CONFREJ : CONFACK, p[1], p + 4, len - 4, -1);
	c->acked_them = len <= 4;
}

/* Nak the Magic-Number of the module's LCP request (and nothing else) */
void nak_magic(struct cp *c, const uint8_t *p, int len)
{
	uint8_t o[6];
	int i;

	for (i = 4; i + 2 <= len && p[i + 1] >= 2; i += p[i + 1])
		if (p[i] == 5)
			break;
	put_opt32(o, 5, 0x0badf00d + bhv.nak_left);
	if (!--bhv.nak_left && bhv.nak_then_silent)
		bhv.silent = 1;
	queue_cp(c->proto, i + 2 <= len ? CONFNAK : CONFACK, p[1], o,
		 i + 2 <= len ? 6 : 0, -1);
	c->acked_them = 0;
}

/* IPCP: Nak an IP-Address of 0.0.0.0 with @give_addr, Reject DNS/NBNS */
void judge_ipcp(struct cp *c, const uint8_t *p, int len)
{
	uint8_t rej[256], nak[8];
	int i, nrej = 0, nnak = 0;

	for (i = 4; i + 2 <= len && p[i + 1] >= 2 && i + p[i + 1] <= len;
	     i += p[i + 1]) {
		if (p[i] == 3 && p[i + 1] == 6) {
			if (!get32(p + i + 2) && give_addr)
				nnak = put_opt32(nak, 3, ntohl(give_addr));
		} else {
			memcpy(rej + nrej, p + i, p[i + 1]);
			nrej += p[i + 1];
		}
	}
	if (nrej)
		queue_cp(c->proto, CONFREJ, p[1], rej, nrej, -1);
	else if (nnak)
		queue_cp(c->proto, CONFNAK, p[1], nak, nnak, -1);
	else
		queue_cp(c->proto, CONFACK, p[1], p + 4, len - 4, -1);
	c->acked_them = !nrej && !nnak;
}

/* Forget a negotiation (@c, and IPCP too when @c is LCP) */
void cp_reset(struct cp *c)
{
	c->acked_us = 0;
	c->acked_them = 0;
	c->outstanding = 0;
	if (c == &lcp)
		cp_reset(&ipcp);
}

void rx_confreq(struct cp *c, const uint8_t *p, int len)
{
	c->their_id = p[1];
	c->their_len = len < 256 ? len : 256;
	memcpy(c->their, p, c->their_len);
	c->their_seen++;
	if (bhv.silent)
		return;
	/* a request while we thought we were done renegotiates (RFC 1661) */
	if (c->acked_us && c->acked_them)
		cp_reset(c);
	if (!c->outstanding && !c->acked_us &&
	    (c == &lcp || (lcp.acked_us && lcp.acked_them)))
		send_cr(c, 1);
	if (bhv.reject_all) {
		reject_all(c, p, len);
	} else if (c == &lcp && bhv.nak_left > 0) {
		nak_magic(c, p, len);
	} else if (c == &ipcp) {
		judge_ipcp(c, p, len);
	} else {
		queue_cp(c->proto, CONFACK, p[1], p + 4, len - 4, -1);
		c->acked_them = 1;
	}
}

/* The module Nak'd or Rejected our request */
void rx_naknrej(struct cp *c, const uint8_t *p, int len, int rej)
{
	int i;

	for (i = 4; i + 2 <= len && p[i + 1] >= 2 && i + p[i + 1] <= len;
	     i += p[i + 1]) {
		if (c == &lcp && p[i] == 5) {
			use_magic = !rej;
			my_magic = rej ? 0 : get32(p + i + 2);
		} else if (c == &lcp && p[i] == 1) {
			my_mru = rej ? 0 : p[i + 2] << 8 | p[i + 3];
		} else if (c == &ipcp && p[i] == 3) {
			use_addr = !rej;
			my_addr = htonl(get32(p + i + 2));
		}
	}
	send_cr(c, 1);
}

void dispatch(uint16_t proto, const uint8_t *p, int len)
{
	struct cp *c = proto == LCP ? &lcp : &ipcp;
	int plen = p[2] << 8 | p[3];

	if (plen < 4 || plen > len)
		return;
	len = plen;
	switch (p[0]) {
	case CONFREQ:
		rx_confreq(c, p, len);
		break;
	case CONFACK:
		if (p[1] == c->id && c->outstanding) {
			c->outstanding = 0;
			c->acked_us = 1;
		}
		break;
	case CONFNAK:
	case CONFREJ:
		if (p[1] == c->id && c->outstanding)
			rx_naknrej(c, p, len, p[0] == CONFREJ);
		break;
	case TERMREQ:
		queue_cp(proto, TERMACK, p[1], NULL, 0, -1);
		cp_reset(c);
		break;
	case ECHOREQ:
		if (proto == LCP && len >= 8) {
			uint8_t r[MAXFRAME];

			r[0] = my_magic >> 24;
			r[1] = my_magic >> 16;
			r[2] = my_magic >> 8;
			r[3] = my_magic;
			memcpy(r + 4, p + 8, len - 8);
			queue_cp(LCP, ECHOREP, p[1], r, len - 4, -1);
		}
		break;
	}
}

/* Waiting */

int lcp_open(void)
{
	return lcp.acked_us && lcp.acked_them;
}

int ipcp_open(void)
{
	return lcp_open() && ipcp.acked_us && ipcp.acked_them;
}

/* Pump until @cond holds; 0 after @ms milliseconds */
int wait_until(int (*cond)(void), int ms)
{
	long end = now_ms() + ms;

	while (!cond()) {
		if (now_ms() >= end)
			return 0;
		pump(50, 0);
	}
	return 1;
}

unsigned int count_of(uint16_t proto, uint8_t code)
{
	return seen_of(proto, code)->count;
}

/* Wait until a (@proto, @code) packet arrives beyond @before; its seen */
struct seen *await(uint16_t proto, uint8_t code, unsigned int before,
			  int ms)
{
	struct seen *s = seen_of(proto, code);
	long end = now_ms() + ms;

	while (s->count == before && now_ms() < end)
		pump(20, 0);
	return s->count != before ? s : NULL;
}

/* Control packets from the module other than its own Echo-Requests */
unsigned int replies(void)
{
	unsigned int n = rx_other;
	int i;

	for (i = 0; i < 256; i++)
		n += seen_ipcp[i].count + (i == ECHOREQ ? 0 : seen_lcp[i].count);
	return n;
}

/*
 * An Echo-Request with a unique id; wait for its reply. The module handles
 * frames in order, so everything sent before has been processed when it
 * comes. Return the number of other replies that came meanwhile, or -1.
 */
int barrier(void)
{
	static uint8_t bid = 0xb0;
	uint8_t d[8] = { my_magic >> 24, my_magic >> 16, my_magic >> 8,
			 my_magic, 'b', 'a', 'r', ++bid };
	unsigned int before = replies();
	long end = now_ms() + 10000;
	struct seen *s = seen_of(LCP, ECHOREP);

	queue_cp(LCP, ECHOREQ, bid, d, 8, -1);
	for (;;) {
		pump(20, 0);
		if (s->count && s->data[1] == bid && s->len >= 12 &&
		    !memcmp(s->data + 8, d + 4, 4))
			return replies() - before - 1;
		if (now_ms() > end)
			return -1;
	}
}

