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

#include "rawpeer.h"

void expect_silence(const char *what)
{
	int n = barrier();

	expect(n == 0, "%s: no reply, link alive (%d other replies)", what, n);
}

/* The steps */

void step_up(int lcp_only)
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

void step_sync(void)
{
	static int n;

	printf("sync %d\n", ++n);
	fflush(stdout);
	while (pump(1000, 1) < 0)
		;
}

/* N LCP Configure-Requests, ids varying, then a fresh negotiation */
void step_crflood(int n)
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
void step_echoflood(int n)
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
void step_silent(int ms)
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
void step_naks(int n, int silent)
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
void step_truncated(void)
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
void step_zerolen(void)
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
void step_badopts(void)
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
void step_wrongids(void)
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
void expect_coderej(uint16_t proto, const uint8_t *pkt, int len,
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

void step_unknowncode(int max)
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
void step_unknownproto(void)
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

/*
 * N frames of a protocol the module does not run, as fast as they go:
 * the module Protocol-Rejects a bounded number of them (its ratelimit:
 * 10 a second, 10 saved up), not one for each
 */
void step_protoflood(int n)
{
	uint8_t info[4] = { 0xde, 0xad, 0xbe, 0xef };
	unsigned int before = count_of(LCP, PROTREJ), got;
	long t = now_ms(), ms;
	int i;

	for (i = 0; i < n; i++) {
		queue_frame(0x8281, info, sizeof(info), 0);
		pump(0, 0);
	}
	ms = now_ms() - t;
	/* the Rejects that are coming, then none */
	pump(500, 0);
	got = count_of(LCP, PROTREJ) - before;
	printf("stat protoflood sent %d rejected %u in %ld ms\n", n, got, ms);
	expect(got >= 1 && got <= 10 + 10 * (unsigned int)((ms + 500) / 1000 + 1),
	       "protocol flood: %u of %d Protocol-Rejected in %ld ms (at most 10 a second, 10 saved up)",
	       got, n, ms);
}

/* Echo-Requests bigger than the MRU: any reply fits the MRU */
void step_oversized(int max)
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
void step_termstorm(int n)
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
void step_reneg(int n)
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
void step_protrej(uint16_t proto)
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
void step_loop(int ms)
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


void bad_usage(void)
{
	fprintf(stderr, "usage: rawpeer --pty PATH | --pppoe IFACE --session ID --peer MAC\n"
		"       [--addr A] [--give B] [--mru N] STEP...\n"
		"steps: up lcpup sync crflood:N echoflood:N naks:N naksilent:N\n"
		"       truncated zerolen\n"
		"       badopts wrongids unknowncode unknownproto protoflood:N oversized\n"
		"       termstorm:N reneg:N protrej-ipcp protrej-lcp loop:MS silent:MS\n"
		"       rejectall\n");
	exit(2);
}

int arg_n(const char *step, int def)
{
	const char *c = strchr(step, ':');

	return c ? atoi(c + 1) : def;
}

void run_step(const char *s)
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
	else if (!strncmp(s, "protoflood", 10))
		step_protoflood(arg_n(s, 200));
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

