// SPDX-License-Identifier: GPL-2.0
/*
 * rawpeer: a scripted, hostile PPP peer for the guest tests.
 *
 *   rawpeer --pty PATH | --pppoe IFACE --session ID --peer MAC
 *           [--addr A] [--give B] [--mru N] STEP...
 *
 * It speaks LCP and IPCP itself over a pty (RFC 1662 HDLC-like framing:
 * flags, escapes, FCS-16) or a PPPoE session (RFC 2516 session frames on
 * an AF_PACKET socket; no discovery: the other side is attached to the
 * session by ipcpctl). Every frame it receives is logged in hex on stdout
 * ("rx <ms> <proto> <bytes>"); what it sends is logged as "tx".
 *
 * The steps run in order; each prints "ok: ..." or "FAIL: ..." lines for
 * what it saw on the wire. "sync" prints "sync N" and waits for a line on
 * stdin, so that the test script can read the module's state between
 * steps. Between and after the steps the peer behaves normally: it Acks
 * the module's requests, answers Echo-Requests and Terminate-Requests.
 * After the last step it prints "verdict pass|fail", keeps serving until
 * stdin reaches end of file, and exits 0 (pass) or 1 (fail).
 *
 * --addr A: the IP-Address we request (default 0.0.0.0: ask the module);
 * --give B: the address we Nak a module asking for 0.0.0.0 with;
 * --mru N: the MRU we request (default none; 1492 makes sense on PPPoE).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define LCP		0xc021
#define IPCP		0x8021
#define MAXFRAME	9000

enum {
	CONFREQ = 1, CONFACK, CONFNAK, CONFREJ, TERMREQ, TERMACK, CODEREJ,
	PROTREJ, ECHOREQ, ECHOREP, DISCREQ
};

/* Our side of one control protocol, and what we last saw of the module's */
struct cp {
	uint16_t proto;
	uint8_t id;		/* our last Configure-Request */
	int outstanding;	/* it is not Acked yet */
	long sent_at;
	int acked_us;
	int acked_them;
	uint8_t their_id;	/* the module's last Configure-Request */
	uint8_t their[256];
	int their_len;
	int their_seen;
};

/* What the peer does with the module's packets */
struct behaviour {
	int silent;		/* ignore Configure-Requests */
	int reject_all;		/* Reject every option of them */
	int nak_left;		/* Nak this many LCP Configure-Requests */
	int nak_then_silent;	/* then ignore the module's requests */
	int loop;		/* send every frame straight back */
};

/* The last frame received per (protocol, code), and counts */
struct seen {
	unsigned int count;
	int len;
	uint8_t data[MAXFRAME];
};

static int pppoe, fd = -1;
static unsigned char my_mac[6], peer_mac[6];
static int ifindex, pppoe_lenfield = -1;
static unsigned int sid;
static struct timespec t0;
static int failed, hung_up;

static struct cp lcp = { .proto = LCP, .id = 0x40 };
static struct cp ipcp = { .proto = IPCP, .id = 0x80 };
static struct behaviour bhv;
static uint32_t my_magic = 0x5ca1ab1e, my_addr, give_addr;
static int use_magic = 1, use_addr = 1, my_mru;
static struct seen seen_lcp[256], seen_ipcp[256];
static unsigned int rx_other, rx_frames, rx_badfcs;
static struct seen seen_other;	/* last frame of another protocol */

static uint8_t obuf[1 << 20];
static size_t olen;

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
}

static void expect(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", cond ? "ok" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
	if (!cond)
		failed = 1;
}

static void die(const char *what)
{
	printf("FAIL: %s: %s\nverdict fail\n", what, strerror(errno));
	exit(1);
}

/* The module's end went away (the link was torn down): no more frames */
static void hang_up(void)
{
	if (!hung_up)
		printf("hangup %ld\n", now_ms());
	hung_up = 1;
	olen = 0;
}

static void hexlog(const char *dir, uint16_t proto, const uint8_t *p, int len)
{
	int i;

	printf("%s %ld %04x", dir, now_ms(), proto);
	for (i = 0; i < len && i < 64; i++)
		printf(" %02x", p[i]);
	if (len > 64)
		printf(" ...(%d bytes)", len);
	printf("\n");
}

/* Framing: RFC 1662 FCS-16 */
static uint16_t fcs16(uint16_t fcs, const uint8_t *p, int len)
{
	int i;

	while (len--) {
		fcs ^= *p++;
		for (i = 0; i < 8; i++)
			fcs = fcs & 1 ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
	}
	return fcs;
}

static void oput(uint8_t b)
{
	if (olen < sizeof(obuf))
		obuf[olen++] = b;
}

static void oput_esc(uint8_t b)
{
	if (b < 0x20 || b == 0x7d || b == 0x7e) {
		oput(0x7d);
		b ^= 0x20;
	}
	oput(b);
}

/* Queue one PPP frame: @proto then @len bytes; @bad_fcs corrupts the FCS */
static void queue_frame(uint16_t proto, const uint8_t *p, int len, int bad_fcs)
{
	uint8_t hdr[4] = { 0xff, 0x03, proto >> 8, proto & 0xff };
	uint16_t fcs;
	int i;

	hexlog("tx", proto, p, len);
	if (pppoe) {
		uint8_t f[MAXFRAME + 22];
		struct sockaddr_ll sa = { .sll_family = AF_PACKET,
					  .sll_ifindex = ifindex, .sll_halen = 6 };

		memcpy(f, peer_mac, 6);
		memcpy(f + 6, my_mac, 6);
		f[12] = 0x88;
		f[13] = 0x64;
		f[14] = 0x11;
		f[15] = 0;
		f[16] = sid >> 8;
		f[17] = sid & 0xff;
		i = pppoe_lenfield < 0 ? len + 2 : pppoe_lenfield;
		f[18] = i >> 8;
		f[19] = i & 0xff;
		f[20] = proto >> 8;
		f[21] = proto & 0xff;
		if (len > MAXFRAME)
			len = MAXFRAME;
		memcpy(f + 22, p, len);
		memcpy(sa.sll_addr, peer_mac, 6);
		for (i = 0; i < 100; i++) {
			if (sendto(fd, f, 22 + len, 0, (struct sockaddr *)&sa,
				   sizeof(sa)) >= 0)
				return;
			if (errno != ENOBUFS && errno != EAGAIN)
				die("sendto");
			usleep(1000);	/* the veth queue is full: back off */
		}
		return;
	}
	fcs = fcs16(0xffff, hdr, 4);
	fcs = fcs16(fcs, p, len) ^ 0xffff;
	if (bad_fcs)
		fcs ^= 0x5555;
	oput(0x7e);
	for (i = 0; i < 4; i++)
		oput_esc(hdr[i]);
	for (i = 0; i < len; i++)
		oput_esc(p[i]);
	oput_esc(fcs & 0xff);
	oput_esc(fcs >> 8);
	oput(0x7e);
}

/* A control packet: code, id, length (or @lenfield if not -1), data */
static void queue_cp(uint16_t proto, uint8_t code, uint8_t id,
		     const uint8_t *data, int len, int lenfield)
{
	uint8_t p[MAXFRAME];

	p[0] = code;
	p[1] = id;
	if (lenfield < 0)
		lenfield = len + 4;
	p[2] = lenfield >> 8;
	p[3] = lenfield & 0xff;
	if (len > MAXFRAME - 4)
		len = MAXFRAME - 4;
	if (len)
		memcpy(p + 4, data, len);
	queue_frame(proto, p, len + 4, 0);
}

/* Receiving */

static struct seen *seen_of(uint16_t proto, uint8_t code)
{
	if (proto == LCP)
		return &seen_lcp[code];
	if (proto == IPCP)
		return &seen_ipcp[code];
	return &seen_other;
}

static void dispatch(uint16_t proto, const uint8_t *p, int len);

static void got_frame(const uint8_t *f, int len)
{
	uint16_t proto;
	struct seen *s;

	if (len >= 2 && f[0] == 0xff && f[1] == 0x03) {
		f += 2;
		len -= 2;
	}
	if (len < 2)
		return;
	proto = f[0] << 8 | f[1];
	f += 2;
	len -= 2;
	rx_frames++;
	hexlog("rx", proto, f, len);
	if (bhv.loop) {
		queue_frame(proto, f, len, 0);
		return;
	}
	if ((proto != LCP && proto != IPCP) || len < 4) {
		rx_other += proto != LCP && proto != IPCP;
		return;
	}
	s = seen_of(proto, f[0]);
	s->count++;
	s->len = len;
	memcpy(s->data, f, len);
	dispatch(proto, f, len);
}

/* HDLC decoder state */
static uint8_t hbuf[MAXFRAME + 8];
static int hlen, hesc, htoss;

static void hdlc_byte(uint8_t b)
{
	if (b == 0x7e) {
		if (hlen >= 4 && !htoss) {
			if (fcs16(0xffff, hbuf, hlen) == 0xf0b8)
				got_frame(hbuf, hlen - 2);
			else
				rx_badfcs++;
		}
		hlen = 0;
		hesc = 0;
		htoss = 0;
		return;
	}
	if (b == 0x7d) {
		hesc = 1;
		return;
	}
	if (hesc) {
		b ^= 0x20;
		hesc = 0;
	}
	if (hlen < (int)sizeof(hbuf))
		hbuf[hlen++] = b;
	else
		htoss = 1;
}

static void read_input(void)
{
	uint8_t buf[MAXFRAME + 64];
	ssize_t n;
	int i;

	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && (errno == EAGAIN || errno == EINTR))
			return;
		if (n <= 0) {
			hang_up();
			return;
		}
		if (!pppoe) {
			for (i = 0; i < n; i++)
				hdlc_byte(buf[i]);
			continue;
		}
		if (n < 22 || buf[12] != 0x88 || buf[13] != 0x64 ||
		    memcmp(buf + 6, peer_mac, 6) ||
		    (unsigned int)(buf[16] << 8 | buf[17]) != sid)
			continue;
		i = buf[18] << 8 | buf[19];
		if (i > n - 20)
			i = n - 20;
		got_frame(buf + 20, i);
	}
}

static void flush_output(void)
{
	ssize_t n;

	if (hung_up)
		olen = 0;
	if (pppoe || !olen)
		return;
	n = write(fd, obuf, olen);
	if (n < 0) {
		if (errno == EAGAIN || errno == EINTR)
			return;
		hang_up();
		return;
	}
	memmove(obuf, obuf + n, olen - n);
	olen -= n;
}

static void retransmit(void);

/*
 * Move bytes both ways for up to @ms milliseconds (0: only what is ready);
 * with @ctl, return 1 as soon as a line arrives on stdin (0 at its end).
 */
static int pump(int ms, int ctl)
{
	long end = now_ms() + ms;
	struct pollfd pf[2];
	char line[64];
	int n;

	do {
		pf[0].fd = hung_up ? -1 : fd;
		pf[0].events = POLLIN | (olen ? POLLOUT : 0);
		pf[1].fd = 0;
		pf[1].events = POLLIN;
		n = end - now_ms();
		if (n > 100)
			n = 100;
		if (poll(pf, ctl ? 2 : 1, n < 0 ? 0 : n) < 0 && errno != EINTR)
			die("poll");
		if (pf[0].revents & (POLLERR | POLLHUP))
			hang_up();
		if (pf[0].revents & POLLIN)
			read_input();
		if (pf[0].revents & POLLOUT)
			flush_output();
		retransmit();
		if (ctl && (pf[1].revents & (POLLIN | POLLHUP)))
			return fgets(line, sizeof(line), stdin) ? 1 : 0;
	} while (now_ms() < end || olen);
	return -1;
}

/* Our Configure-Requests */

static int put_opt32(uint8_t *p, uint8_t type, uint32_t v)
{
	p[0] = type;
	p[1] = 6;
	p[2] = v >> 24;
	p[3] = v >> 16;
	p[4] = v >> 8;
	p[5] = v;
	return 6;
}

static void send_cr(struct cp *c, int new_id)
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

static void retransmit(void)
{
	struct cp *cs[2] = { &lcp, &ipcp };
	int i;

	for (i = 0; i < 2; i++)
		if (cs[i]->outstanding && now_ms() - cs[i]->sent_at >= 1000)
			send_cr(cs[i], 0);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/* Reject every option of the module's request, or Ack an empty one */
static void reject_all(struct cp *c, const uint8_t *p, int len)
{
	queue_cp(c->proto, len > 4 ? CONFREJ : CONFACK, p[1], p + 4, len - 4, -1);
	c->acked_them = len <= 4;
}

/* Nak the Magic-Number of the module's LCP request (and nothing else) */
static void nak_magic(struct cp *c, const uint8_t *p, int len)
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
static void judge_ipcp(struct cp *c, const uint8_t *p, int len)
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
static void cp_reset(struct cp *c)
{
	c->acked_us = 0;
	c->acked_them = 0;
	c->outstanding = 0;
	if (c == &lcp)
		cp_reset(&ipcp);
}

static void rx_confreq(struct cp *c, const uint8_t *p, int len)
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
static void rx_naknrej(struct cp *c, const uint8_t *p, int len, int rej)
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

static void dispatch(uint16_t proto, const uint8_t *p, int len)
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

static int lcp_open(void)
{
	return lcp.acked_us && lcp.acked_them;
}

static int ipcp_open(void)
{
	return lcp_open() && ipcp.acked_us && ipcp.acked_them;
}

/* Pump until @cond holds; 0 after @ms milliseconds */
static int wait_until(int (*cond)(void), int ms)
{
	long end = now_ms() + ms;

	while (!cond()) {
		if (now_ms() >= end)
			return 0;
		pump(50, 0);
	}
	return 1;
}

static unsigned int count_of(uint16_t proto, uint8_t code)
{
	return seen_of(proto, code)->count;
}

/* Wait until a (@proto, @code) packet arrives beyond @before; its seen */
static struct seen *await(uint16_t proto, uint8_t code, unsigned int before,
			  int ms)
{
	struct seen *s = seen_of(proto, code);
	long end = now_ms() + ms;

	while (s->count == before && now_ms() < end)
		pump(20, 0);
	return s->count != before ? s : NULL;
}

/* Control packets from the module other than its own Echo-Requests */
static unsigned int replies(void)
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
static int barrier(void)
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

static void expect_silence(const char *what)
{
	int n = barrier();

	expect(n == 0, "%s: no reply, link alive (%d other replies)", what, n);
}

/* The steps */

static void step_up(int lcp_only)
{
	long t = now_ms();

	bhv.silent = 0;
	bhv.loop = 0;
	if (!lcp_open() && !lcp.outstanding)
		send_cr(&lcp, 1);
	expect(wait_until(lcp_open, 30000), "LCP opened (%ld ms)", now_ms() - t);
	if (lcp_only)
		return;
	if (!ipcp_open() && !ipcp.outstanding)
		send_cr(&ipcp, 1);
	expect(wait_until(ipcp_open, 30000), "IPCP opened (%ld ms)",
	       now_ms() - t);
}

static void step_sync(void)
{
	static int n;

	printf("sync %d\n", ++n);
	fflush(stdout);
	while (pump(1000, 1) < 0)
		;
}

/* N LCP Configure-Requests, ids varying, then a fresh negotiation */
static void step_crflood(int n)
{
	unsigned int acks = count_of(LCP, CONFACK);
	uint8_t o[6];
	long t = now_ms();
	int i;

	put_opt32(o, 5, my_magic);
	bhv.silent = 1;
	for (i = 0; i < n; i++) {
		queue_cp(LCP, CONFREQ, i & 0xff, o, 6, -1);
		pump(0, 0);
	}
	pump(300, 0);
	bhv.silent = 0;
	acks = count_of(LCP, CONFACK) - acks;
	printf("stat crflood sent %d acked %u in %ld ms\n", n, acks, now_ms() - t);
	expect(acks >= 1 && acks <= (unsigned int)n,
	       "Configure-Request flood: %u of %d Acked", acks, n);
	cp_reset(&lcp);
	/* our new request, and an Ack of the module's last one */
	send_cr(&lcp, 1);
	if (lcp.their_seen)
		rx_confreq(&lcp, lcp.their, lcp.their_len);
	step_up(0);
	printf("stat crflood-recovered %ld ms\n", now_ms() - t);
}

/* N Echo-Requests: every one answered with its id and data, our magic */
static void step_echoflood(int n)
{
	struct seen *s = seen_of(LCP, ECHOREP);
	unsigned int before = s->count;
	uint8_t d[12];
	long t = now_ms();
	int i, bad = 0;

	for (i = 0; i < n; i++) {
		d[0] = my_magic >> 24;
		d[1] = my_magic >> 16;
		d[2] = my_magic >> 8;
		d[3] = my_magic;
		memcpy(d + 4, "echo", 4);
		d[8] = i >> 8;
		d[9] = i;
		queue_cp(LCP, ECHOREQ, i & 0xff, d, 10, -1);
		pump(0, 0);
	}
	while (s->count - before < (unsigned int)n && now_ms() - t < 20000)
		pump(50, 0);
	/* the last one must carry the last id and data */
	if (s->count - before == (unsigned int)n &&
	    (s->data[1] != ((n - 1) & 0xff) || s->len != 14 ||
	     s->data[12] != ((n - 1) >> 8 & 0xff) || s->data[13] != ((n - 1) & 0xff)))
		bad = 1;
	printf("stat echoflood sent %d answered %u in %ld ms\n", n,
	       s->count - before, now_ms() - t);
	expect(s->count - before == (unsigned int)n && !bad,
	       "Echo-Request flood: %u of %d answered, last one matching",
	       s->count - before, n);
	expect_silence("after the Echo flood");
}

/*
 * Ignore the module's requests for @ms milliseconds, or until the link is
 * torn down (the pty hangs up); count the requests that came meanwhile
 */
static void step_silent(int ms)
{
	unsigned int crs = count_of(LCP, CONFREQ);
	long end = now_ms() + ms;

	bhv.silent = 1;
	lcp.outstanding = 0;
	ipcp.outstanding = 0;
	while (!hung_up && now_ms() < end)
		pump(100, 0);
	bhv.silent = 0;
	printf("stat silent %u requests unanswered in %ld ms%s\n",
	       count_of(LCP, CONFREQ) - crs, now_ms() - end + ms,
	       hung_up ? ", then hang-up" : "");
}

/*
 * Nak the module's LCP Magic-Number N times; then negotiate normally, or
 * with @silent ignore its requests from then on (see step_silent)
 */
static void step_naks(int n, int silent)
{
	unsigned int base = count_of(LCP, CONFREQ), crs;
	long t = now_ms();

	bhv.nak_left = n;
	bhv.nak_then_silent = silent;
	if (!lcp.outstanding)
		send_cr(&lcp, 1);
	while (bhv.nak_left > 0 && now_ms() - t < 60000)
		pump(50, 0);
	crs = count_of(LCP, CONFREQ) - base;
	printf("stat naks %d requests-seen %u in %ld ms\n", n, crs,
	       now_ms() - t);
	expect(bhv.nak_left == 0, "module sent a new Configure-Request per Nak (%d Naks)", n);
	if (silent) {
		bhv.nak_then_silent = 0;
		step_silent(30000);
		return;
	}
	expect(wait_until(lcp_open, 10000), "LCP opened once the Naks stopped");
	/* one Configure-Request per Nak, plus the first: no amplification */
	crs = count_of(LCP, CONFREQ) - base;
	expect(crs >= (unsigned int)n + 1 && crs <= (unsigned int)n + 2,
	       "%u Configure-Requests for %d Naks", crs, n);
}

/* Truncated headers: Length beyond the frame, under 4, a 3-byte packet */
static void step_truncated(void)
{
	uint8_t d[8] = { my_magic >> 24, my_magic >> 16, my_magic >> 8, my_magic };
	uint8_t three[3] = { ECHOREQ, 0x33, 0 };

	queue_cp(LCP, ECHOREQ, 0x31, d, 4, 40);		/* Length 40 > 8 */
	queue_cp(LCP, ECHOREQ, 0x32, d, 4, 2);		/* Length 2 < 4 */
	queue_frame(LCP, three, 3, 0);			/* no room for Length */
	queue_cp(IPCP, CONFREQ, 0x34, d, 4, 200);	/* Length 200 > 8 */
	expect_silence("truncated packets (Length > frame, Length < 4, 3 bytes)");
}

/* Frames with nothing after the protocol; empty and bad-FCS frames */
static void step_zerolen(void)
{
	static const uint8_t flags[2] = { 0x7e, 0x7e };
	static const uint8_t badfcs[8] = { ECHOREQ, 1, 0, 8, 'a', 'b', 'c', 'd' };

	queue_frame(LCP, NULL, 0, 0);
	queue_frame(IPCP, NULL, 0, 0);
	if (pppoe) {
		pppoe_lenfield = 0;	/* PPPoE Length 0: an empty PPP frame */
		queue_cp(LCP, ECHOREQ, 0x51, badfcs + 4, 4, -1);
		pppoe_lenfield = 200;	/* PPPoE Length beyond the frame */
		queue_cp(LCP, ECHOREQ, 0x52, badfcs + 4, 4, -1);
		pppoe_lenfield = -1;
	} else {
		memcpy(obuf + olen, flags, 2);		/* an empty HDLC frame */
		olen += 2;
		queue_frame(LCP, badfcs, sizeof(badfcs), 1);
	}
	expect_silence("zero-length (and on a pty: empty and bad-FCS) frames");
}

/* Option lists with lengths 0, 1 and overrunning: whole packet dropped */
static void step_badopts(void)
{
	static const uint8_t len0[] = { 5, 0, 1, 2, 3, 4 };
	static const uint8_t len1[] = { 5, 6, 1, 2, 3, 4, 1, 1 };
	static const uint8_t over[] = { 5, 6, 1, 2, 3, 4, 1, 10, 5, 0xdc };
	static const uint8_t ip0[] = { 3, 0, 10, 0, 0, 9 };
	static const uint8_t ipover[] = { 3, 6, 10, 0, 0, 9, 129, 7, 0 };

	queue_cp(LCP, CONFREQ, 0x41, len0, sizeof(len0), -1);
	queue_cp(LCP, CONFREQ, 0x42, len1, sizeof(len1), -1);
	queue_cp(LCP, CONFREQ, 0x43, over, sizeof(over), -1);
	queue_cp(IPCP, CONFREQ, 0x44, ip0, sizeof(ip0), -1);
	queue_cp(IPCP, CONFREQ, 0x45, ipover, sizeof(ipover), -1);
	expect_silence("Configure-Requests with option lengths 0, 1, overrunning");
}

/* Ack, Nak, Reject with an identifier the module did not use */
static void step_wrongids(void)
{
	uint8_t bad = lcp.their_id + 0x55, ibad = ipcp.their_id + 0x55;
	static const uint8_t ipo[] = { 3, 6, 10, 9, 9, 9 };

	queue_cp(LCP, CONFACK, bad, lcp.their + 4, lcp.their_len - 4, -1);
	queue_cp(LCP, CONFNAK, bad, lcp.their + 4, lcp.their_len - 4, -1);
	queue_cp(LCP, CONFREJ, bad, lcp.their + 4, lcp.their_len - 4, -1);
	queue_cp(IPCP, CONFACK, ibad, ipcp.their + 4, ipcp.their_len - 4, -1);
	queue_cp(IPCP, CONFNAK, ibad, ipo, sizeof(ipo), -1);
	queue_cp(IPCP, CONFREJ, ibad, ipcp.their + 4, ipcp.their_len - 4, -1);
	expect_silence("Configure-Ack/Nak/Reject with wrong identifiers");
}

/* Send @pkt (a whole control packet); expect a Code-Reject carrying it */
static void expect_coderej(uint16_t proto, const uint8_t *pkt, int len,
			   int max)
{
	struct seen *s;
	int want = len + 4 > max ? max : len + 4;

	queue_frame(proto, pkt, len, 0);
	s = await(proto, CODEREJ, count_of(proto, CODEREJ), 5000);
	expect(s && s->len == want && (s->data[2] << 8 | s->data[3]) == want &&
	       !memcmp(s->data + 4, pkt, want - 4),
	       "%s code %u: Code-Reject of %d bytes carrying the packet (got %d)",
	       proto == LCP ? "LCP" : "IPCP", pkt[0], want, s ? s->len : -1);
}

static void step_unknowncode(int max)
{
	uint8_t p[2000] = { 0x42, 0x77, 0, 12, 'h', 'o', 's', 't', 'i', 'l', 'e', '!' };
	uint8_t q[8] = { 12, 0x78, 0, 8, 1, 2, 3, 4 };

	expect_coderej(LCP, p, 12, max);
	expect_coderej(IPCP, q, 8, max);
	/* a big one: the Code-Reject is truncated to the MRU */
	memset(p + 4, 0xa5, sizeof(p) - 4);
	p[2] = sizeof(p) >> 8;
	p[3] = sizeof(p) & 0xff;
	if (pppoe)
		expect_coderej(LCP, p, sizeof(p), max);
	expect_silence("after the unknown codes");
}

/* Frames of protocols the module does not run: LCP Protocol-Reject */
static void step_unknownproto(void)
{
	static const uint16_t protos[] = { 0x8057, 0x0057, 0x8281 };
	uint8_t info[6] = { 1, 0x11, 0, 6, 0xde, 0xad };
	struct seen *s;
	unsigned int i;

	for (i = 0; i < 3; i++) {
		unsigned int before = count_of(LCP, PROTREJ);

		queue_frame(protos[i], info, sizeof(info), 0);
		s = await(LCP, PROTREJ, before, 5000);
		expect(s && s->len == 12 && s->data[3] == 12 &&
		       (s->data[4] << 8 | s->data[5]) == protos[i] &&
		       !memcmp(s->data + 6, info, 6),
		       "protocol 0x%04x: LCP Protocol-Reject carrying it", protos[i]);
	}
	expect_silence("after the unknown protocols");
}

/* Echo-Requests bigger than the MRU: any reply fits the MRU */
static void step_oversized(int max)
{
	static uint8_t d[4000];
	unsigned int before = count_of(LCP, ECHOREP);
	struct seen *s;
	int n = 0, size[2] = { 1600, 3000 }, i;

	for (i = 0; i < 2; i++) {
		memset(d, 0x5a, sizeof(d));
		d[0] = my_magic >> 24;
		d[1] = my_magic >> 16;
		d[2] = my_magic >> 8;
		d[3] = my_magic;
		queue_cp(LCP, ECHOREQ, 0x60 + i, d, size[i], -1);
		s = await(LCP, ECHOREP, before, 2000);
		if (s) {
			before = s->count;
			n++;
			expect(s->len <= max, "reply to a %d-byte Echo-Request: %d bytes, MRU %d",
			       size[i] + 4, s->len, max);
		}
	}
	printf("stat oversized answered %d of 2\n", n);
	if (pppoe)
		expect(n == 2, "on PPPoE both big Echo-Requests answered (truncated)");
	expect_silence("after the oversized frames");
}

/* N Terminate-Requests: each Acked with its identifier */
static void step_termstorm(int n)
{
	struct seen *s = seen_of(LCP, TERMACK);
	unsigned int before = s->count;
	long t = now_ms();
	int i;

	bhv.silent = 1;
	for (i = 0; i < n; i++) {
		queue_cp(LCP, TERMREQ, i & 0xff, NULL, 0, -1);
		pump(0, 0);
	}
	while (s->count - before < (unsigned int)n && now_ms() - t < 10000)
		pump(50, 0);
	printf("stat termstorm sent %d acked %u in %ld ms\n", n,
	       s->count - before, now_ms() - t);
	expect(s->count - before == (unsigned int)n &&
	       s->data[1] == ((n - 1) & 0xff),
	       "Terminate-Request storm: %u of %d Acked, last id matching",
	       s->count - before, n);
}

/*
 * N IPCP renegotiations from Opened: each time a new IPCP Configure-Request
 * (the module goes down, requests again and Acks ours), then Opened again
 */
static void step_reneg(int n)
{
	long t = now_ms();
	int i, ok = 0;

	for (i = 0; i < n; i++) {
		if (!ipcp_open())
			break;
		ipcp.acked_them = 0;
		send_cr(&ipcp, 1);
		if (!wait_until(ipcp_open, 10000))
			break;
		ok++;
	}
	printf("stat reneg %d of %d in %ld ms\n", ok, n, now_ms() - t);
	expect(ok == n, "IPCP renegotiated %d of %d times, Opened again each time",
	       ok, n);
}

/* Protocol-Reject of @proto; the module terminates that protocol */
static void step_protrej(uint16_t proto)
{
	uint8_t d[8] = { proto >> 8, proto & 0xff, 1, 1, 0, 4 };
	unsigned int before = count_of(proto, TERMREQ);
	struct seen *s;

	queue_cp(LCP, PROTREJ, 0x70, d, 6, -1);
	s = await(proto, TERMREQ, before, 5000);
	expect(!!s, "Protocol-Reject of 0x%04x: the module sent %s Terminate-Request",
	       proto, proto == LCP ? "an LCP" : "an IPCP");
	pump(300, 0);
}

/* Send back every frame (a looped line), for @ms ms or until a hang-up */
static void step_loop(int ms)
{
	unsigned int frames = rx_frames;

	long end = now_ms() + ms;

	lcp.outstanding = 0;
	bhv.loop = 1;
	while (!hung_up && now_ms() < end)
		pump(100, 0);
	bhv.loop = 0;
	printf("stat loop looped %u frames\n", rx_frames - frames);
	expect(rx_frames - frames >= 2, "looped line: %u frames sent back",
	       rx_frames - frames);
}

/* Transport setup */

static void open_pty(const char *path)
{
	struct termios t;

	fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		die(path);
	if (tcgetattr(fd, &t) == 0) {
		cfmakeraw(&t);
		tcsetattr(fd, TCSANOW, &t);
	}
}

static int parse_mac(const char *s, unsigned char *mac)
{
	return sscanf(s, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &mac[0], &mac[1],
		      &mac[2], &mac[3], &mac[4], &mac[5]) == 6 ? 0 : -1;
}

static void open_pppoe(const char *ifname)
{
	struct sockaddr_ll sa = { .sll_family = AF_PACKET,
				  .sll_protocol = htons(ETH_P_PPP_SES) };
	struct ifreq ifr;

	fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK, htons(ETH_P_PPP_SES));
	if (fd < 0)
		die("socket");
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0)
		die(ifname);
	memcpy(my_mac, ifr.ifr_hwaddr.sa_data, 6);
	ifindex = if_nametoindex(ifname);
	sa.sll_ifindex = ifindex;
	if (!ifindex || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		die("bind");
	pppoe = 1;
}

static void bad_usage(void)
{
	fprintf(stderr, "usage: rawpeer --pty PATH | --pppoe IFACE --session ID --peer MAC\n"
		"       [--addr A] [--give B] [--mru N] STEP...\n"
		"steps: up lcpup sync crflood:N echoflood:N naks:N naksilent:N\n"
		"       truncated zerolen\n"
		"       badopts wrongids unknowncode unknownproto oversized\n"
		"       termstorm:N reneg:N protrej-ipcp protrej-lcp loop:MS silent:MS\n"
		"       rejectall\n");
	exit(2);
}

static int arg_n(const char *step, int def)
{
	const char *c = strchr(step, ':');

	return c ? atoi(c + 1) : def;
}

static void run_step(const char *s)
{
	int max = my_mru ? my_mru : 1500;

	printf("step %s\n", s);
	fflush(stdout);
	if (!strcmp(s, "up"))
		step_up(0);
	else if (!strcmp(s, "lcpup"))
		step_up(1);
	else if (!strcmp(s, "sync"))
		step_sync();
	else if (!strncmp(s, "crflood", 7))
		step_crflood(arg_n(s, 2000));
	else if (!strncmp(s, "echoflood", 9))
		step_echoflood(arg_n(s, 1000));
	else if (!strncmp(s, "naksilent", 9))
		step_naks(arg_n(s, 100), 1);
	else if (!strncmp(s, "naks", 4))
		step_naks(arg_n(s, 100), 0);
	else if (!strcmp(s, "truncated"))
		step_truncated();
	else if (!strcmp(s, "zerolen"))
		step_zerolen();
	else if (!strcmp(s, "badopts"))
		step_badopts();
	else if (!strcmp(s, "wrongids"))
		step_wrongids();
	else if (!strcmp(s, "unknowncode"))
		step_unknowncode(max);
	else if (!strcmp(s, "unknownproto"))
		step_unknownproto();
	else if (!strcmp(s, "oversized"))
		step_oversized(max);
	else if (!strncmp(s, "reneg", 5))
		step_reneg(arg_n(s, 1000));
	else if (!strncmp(s, "termstorm", 9))
		step_termstorm(arg_n(s, 200));
	else if (!strcmp(s, "protrej-ipcp"))
		step_protrej(IPCP);
	else if (!strcmp(s, "protrej-lcp"))
		step_protrej(LCP);
	else if (!strncmp(s, "loop", 4))
		step_loop(arg_n(s, 5000));
	else if (!strncmp(s, "silent", 6))
		step_silent(arg_n(s, 5000));
	else if (!strcmp(s, "rejectall"))
		bhv.reject_all = 1;
	else
		bad_usage();
}

int main(int argc, char **argv)
{
	struct in_addr a;
	int i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 1; i < argc && !strncmp(argv[i], "--", 2); i += 2) {
		if (i + 1 >= argc)
			bad_usage();
		if (!strcmp(argv[i], "--pty"))
			open_pty(argv[i + 1]);
		else if (!strcmp(argv[i], "--pppoe"))
			open_pppoe(argv[i + 1]);
		else if (!strcmp(argv[i], "--session"))
			sid = strtoul(argv[i + 1], NULL, 0);
		else if (!strcmp(argv[i], "--peer") && !parse_mac(argv[i + 1], peer_mac))
			continue;
		else if (!strcmp(argv[i], "--addr") && inet_aton(argv[i + 1], &a))
			my_addr = a.s_addr;
		else if (!strcmp(argv[i], "--give") && inet_aton(argv[i + 1], &a))
			give_addr = a.s_addr;
		else if (!strcmp(argv[i], "--mru"))
			my_mru = atoi(argv[i + 1]);
		else
			bad_usage();
	}
	if (fd < 0 || (pppoe && !sid))
		bad_usage();
	for (; i < argc; i++)
		run_step(argv[i]);
	printf("verdict %s\n", failed ? "fail" : "pass");
	fflush(stdout);
	while (pump(1000, 1) != 0)
		;
	return failed;
}
