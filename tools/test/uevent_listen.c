// SPDX-License-Identifier: GPL-2.0
/*
 * uevent_listen - print kernel uevents, for the guest tests.
 *
 * Usage: uevent_listen [-n COUNT] [-t SECONDS] [-m KEY=VALUE] [-k KEY]...
 *                      [-r FILE]
 *
 * Listens on NETLINK_KOBJECT_UEVENT (the kernel's own group, in the
 * caller's network namespace) and prints each event's NUL-separated fields
 * one per line ("change@/devices/...", then KEY=VALUE lines), followed by
 * an empty line. With -m only events carrying that exact KEY=VALUE field
 * are printed and counted; with -k (up to 4 times) only events that have
 * at least one of the KEYs, whatever its value. Exits 0 after COUNT events (default 1), 1 when
 * SECONDS (default 30) pass first, 2 on a usage or socket error. With -r,
 * FILE is created once the socket listens, so that a test can wait for it
 * before causing events.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <linux/netlink.h>

#define BUF_SIZE 8192
#define MAX_KEYS 4

static int open_socket(void)
{
	struct sockaddr_nl sa = {
		.nl_family = AF_NETLINK,
		.nl_groups = 1,		/* the kernel's uevents */
	};
	int rcvbuf = 1 << 20;
	int fd;

	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC,
		    NETLINK_KOBJECT_UEVENT);
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Does the event of @len bytes at @buf carry the field @match? */
static int has_field(const char *buf, size_t len, const char *match)
{
	size_t off;

	if (!match)
		return 1;
	for (off = 0; off < len; off += strlen(buf + off) + 1)
		if (!strcmp(buf + off, match))
			return 1;
	return 0;
}

/* Does it have a field KEY=... for one of the @nkeys @keys (or none given)? */
static int has_key(const char *buf, size_t len, char **keys, int nkeys)
{
	size_t off, klen;
	int i;

	if (!nkeys)
		return 1;
	for (off = 0; off < len; off += strlen(buf + off) + 1) {
		for (i = 0; i < nkeys; i++) {
			klen = strlen(keys[i]);
			if (!strncmp(buf + off, keys[i], klen) &&
			    buf[off + klen] == '=')
				return 1;
		}
	}
	return 0;
}

static void print_event(const char *buf, size_t len)
{
	size_t off;

	for (off = 0; off < len; off += strlen(buf + off) + 1)
		if (buf[off])
			printf("%s\n", buf + off);
	printf("\n");
	fflush(stdout);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static int usage(void)
{
	fprintf(stderr,
		"usage: uevent_listen [-n COUNT] [-t SECONDS] [-m KEY=VALUE] [-k KEY]... [-r FILE]\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *match = NULL, *ready = NULL;
	char *keys[MAX_KEYS];
	int nkeys = 0;
	long count = 1, seconds = 30, seen = 0;
	static char buf[BUF_SIZE + 1];
	long long deadline;
	int fd, opt;

	while ((opt = getopt(argc, argv, "n:t:m:k:r:")) != -1) {
		switch (opt) {
		case 'n':
			count = strtol(optarg, NULL, 10);
			break;
		case 't':
			seconds = strtol(optarg, NULL, 10);
			break;
		case 'm':
			match = optarg;
			break;
		case 'k':
			if (nkeys == MAX_KEYS)
				return usage();
			keys[nkeys++] = optarg;
			break;
		case 'r':
			ready = optarg;
			break;
		default:
			return usage();
		}
	}
	if (optind != argc || count < 1 || seconds < 1)
		return usage();
	fd = open_socket();
	if (fd < 0) {
		perror("uevent_listen: socket");
		return 2;
	}
	if (ready) {
		int rfd = open(ready, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (rfd < 0) {
			perror("uevent_listen: ready file");
			return 2;
		}
		close(rfd);
	}
	deadline = now_ms() + seconds * 1000LL;
	while (seen < count) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		long long left = deadline - now_ms();
		ssize_t n;

		if (left <= 0)
			return 1;
		if (poll(&pfd, 1, (int)left) < 0) {
			if (errno == EINTR)
				continue;
			perror("uevent_listen: poll");
			return 2;
		}
		if (!(pfd.revents & POLLIN))
			continue;
		n = recv(fd, buf, BUF_SIZE, 0);
		if (n <= 0)
			continue;
		buf[n] = '\0';
		if (!has_field(buf, (size_t)n, match) ||
		    !has_key(buf, (size_t)n, keys, nkeys))
			continue;
		print_event(buf, (size_t)n);
		seen++;
	}
	close(fd);
	return 0;
}
