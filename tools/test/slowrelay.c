// SPDX-License-Identifier: GPL-2.0
/*
 * slowrelay: two pty pairs joined at their masters by a relay that moves
 * at most RATE bytes a second each way, in chunks of at most CHUNK bytes:
 * a slow serial line between two PPP ends, so that the tty of each end
 * fills and its line discipline has to wait (ppp_async's "full").
 *
 *   slowrelay A B RATE [CHUNK]
 *
 * A and B are made symbolic links to the two slaves (as socat's PTY,link=
 * does). It runs until killed; it prints the bytes moved each way to
 * stdout when it gets SIGTERM.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t done;

static void on_term(int sig)
{
	(void)sig;
	done = 1;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A pty pair: its master, and the slave, raw, linked at @link and kept open */
static int pty_at(const char *link, int *slave)
{
	struct termios t;
	int m = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
	char *name;

	if (m < 0 || grantpt(m) || unlockpt(m))
		return -1;
	name = ptsname(m);
	if (!name)
		return -1;
	*slave = open(name, O_RDWR | O_NOCTTY);
	if (*slave < 0 || tcgetattr(*slave, &t))
		return -1;
	cfmakeraw(&t);
	if (tcsetattr(*slave, TCSANOW, &t))
		return -1;
	unlink(link);
	if (symlink(name, link))
		return -1;
	return m;
}

/* One direction: a token bucket of RATE bytes a second, CHUNK saved up */
struct dir {
	int from, to;
	double tokens, stamp;
	unsigned long long moved;
};

/* Move what the bucket allows; return the seconds until it allows more */
static double relay(struct dir *d, double rate, size_t chunk)
{
	char buf[65536];
	double t = now_s();
	ssize_t n, w, off;

	d->tokens += (t - d->stamp) * rate;
	if (d->tokens > chunk)
		d->tokens = chunk;
	d->stamp = t;
	if (d->tokens < 1)
		return (1 - d->tokens) / rate;
	n = read(d->from, buf, (size_t)d->tokens < sizeof(buf) ?
		 (size_t)d->tokens : sizeof(buf));
	if (n <= 0)
		return -1;
	for (off = 0; off < n; off += w) {
		w = write(d->to, buf + off, n - off);
		if (w < 0 && errno == EAGAIN) {
			poll(&(struct pollfd){ .fd = d->to, .events = POLLOUT },
			     1, 100);
			w = 0;
		} else if (w < 0) {
			return -1;
		}
	}
	d->tokens -= n;
	d->moved += n;
	return 0;
}

int main(int argc, char **argv)
{
	struct dir d[2] = { 0 };
	int ma, mb, sa, sb, i;
	size_t chunk;
	double rate;

	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: slowrelay A B RATE [CHUNK]\n");
		return 2;
	}
	rate = atof(argv[3]);
	chunk = argc == 5 ? strtoul(argv[4], NULL, 0) : 256;
	if (rate < 1 || chunk < 1 || chunk > 65536) {
		fprintf(stderr, "slowrelay: bad RATE or CHUNK\n");
		return 2;
	}
	ma = pty_at(argv[1], &sa);
	mb = pty_at(argv[2], &sb);
	if (ma < 0 || mb < 0) {
		perror("slowrelay: pty");
		return 1;
	}
	signal(SIGTERM, on_term);
	signal(SIGINT, on_term);
	d[0] = (struct dir){ .from = ma, .to = mb, .stamp = now_s() };
	d[1] = (struct dir){ .from = mb, .to = ma, .stamp = now_s() };
	while (!done) {
		struct pollfd p[2] = { { .fd = ma, .events = POLLIN },
				       { .fd = mb, .events = POLLIN } };
		double wait = 1;
		int ms;

		for (i = 0; i < 2; i++) {
			double w = relay(&d[i], rate, chunk);

			if (w > 0) {
				/* its bucket is empty: do not wake for data */
				p[i].fd = -1;
				if (w < wait)
					wait = w;
			}
		}
		/* wait for data, or for the bucket of a direction to refill */
		ms = (int)(wait * 1000) + 1;
		if (poll(p, 2, ms) < 0 && errno != EINTR)
			break;
	}
	printf("slowrelay moved %llu %llu\n", d[0].moved, d[1].moved);
	return 0;
}
