// SPDX-License-Identifier: GPL-2.0
/*
 * pppchan: prints the index of the PPP channel of a tty that has the PPP
 * line discipline (PPPIOCGCHAN), for tests that must name a channel.
 *
 *   pppchan TTY
 */
#include <fcntl.h>
#include <linux/ppp-ioctl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int fd, chan;

	if (argc != 2) {
		fprintf(stderr, "usage: pppchan TTY\n");
		return 2;
	}
	fd = open(argv[1], O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || ioctl(fd, PPPIOCGCHAN, &chan) < 0) {
		perror(argv[1]);
		return 1;
	}
	printf("%d\n", chan);
	close(fd);
	return 0;
}
