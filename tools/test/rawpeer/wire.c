// SPDX-License-Identifier: GPL-2.0
/* rawpeer's wire: HDLC-like framing and FCS, PPPoE session frames, the
 * output queue, the input pump, the pty and PPPoE transports. */
#include "rawpeer.h"

int pppoe, fd = -1;
unsigned char my_mac[6], peer_mac[6];
int ifindex, pppoe_lenfield = -1;
unsigned int sid;
struct timespec t0;
int failed, hung_up;

struct cp lcp = { .proto = LCP, .id = 0x40 };
struct cp ipcp = { .proto = IPCP, .id = 0x80 };
struct behaviour bhv;
uint32_t my_magic = 0x5ca1ab1e, my_addr, give_addr;
int use_magic = 1, use_addr = 1, my_mru;
struct seen seen_lcp[256], seen_ipcp[256];
unsigned int rx_other, rx_frames, rx_badfcs;
struct seen seen_other;	/* last frame of another protocol */

uint8_t obuf[1 << 20];
size_t olen;


long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000;
}

void expect(int cond, const char *fmt, ...)
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

void die(const char *what)
{
	printf("FAIL: %s: %s\nverdict fail\n", what, strerror(errno));
	exit(1);
}

/* The module's end went away (the link was torn down): no more frames */
void hang_up(void)
{
	if (!hung_up)
		printf("hangup %ld\n", now_ms());
	hung_up = 1;
	olen = 0;
}

void hexlog(const char *dir, uint16_t proto, const uint8_t *p, int len)
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
uint16_t fcs16(uint16_t fcs, const uint8_t *p, int len)
{
	int i;

	while (len--) {
		fcs ^= *p++;
		for (i = 0; i < 8; i++)
			fcs = fcs & 1 ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
	}
	return fcs;
}

void oput(uint8_t b)
{
	if (olen < sizeof(obuf))
		obuf[olen++] = b;
}

void oput_esc(uint8_t b)
{
	if (b < 0x20 || b == 0x7d || b == 0x7e) {
		oput(0x7d);
		b ^= 0x20;
	}
	oput(b);
}

/* Queue one PPP frame: @proto then @len bytes; @bad_fcs corrupts the FCS */
void queue_frame(uint16_t proto, const uint8_t *p, int len, int bad_fcs)
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
void queue_cp(uint16_t proto, uint8_t code, uint8_t id,
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

struct seen *seen_of(uint16_t proto, uint8_t code)
{
	if (proto == LCP)
		return &seen_lcp[code];
	if (proto == IPCP)
		return &seen_ipcp[code];
	return &seen_other;
}

void dispatch(uint16_t proto, const uint8_t *p, int len);

void got_frame(const uint8_t *f, int len)
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
uint8_t hbuf[MAXFRAME + 8];
int hlen, hesc, htoss;

void hdlc_byte(uint8_t b)
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

void read_input(void)
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

void flush_output(void)
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

void retransmit(void);

/*
 * Move bytes both ways for up to @ms milliseconds (0: only what is ready);
 * with @ctl, return 1 as soon as a line arrives on stdin (0 at its end).
 */
int pump(int ms, int ctl)
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


void open_pty(const char *path)
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

int parse_mac(const char *s, unsigned char *mac)
{
	return sscanf(s, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx", &mac[0], &mac[1],
		      &mac[2], &mac[3], &mac[4], &mac[5]) == 6 ? 0 : -1;
}

void open_pppoe(const char *ifname)
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

