// SPDX-License-Identifier: GPL-2.0
/*
 * badattach: hands IPCP_NEG_IOC_ATTACH files that do not belong together
 * and prints the errno the module answers each case with.
 *
 *   badattach TTY
 *
 * TTY is one end of a pty pair. For each case it builds a fresh link the
 * way ipcpctl does (N_PPP on the tty, /dev/ppp attached to the tty's
 * channel and bridged to LOWER, a new unit, /dev/ppp attached to UPPER
 * and connected to the unit), swaps one file for a wrong one, and prints
 * "CASE ERRNO-NAME" (or "CASE ok IFNAME" when the attach succeeded). The
 * last case, "right", swaps nothing: the positive control. The tty gets
 * its line discipline back between cases.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/ppp-ioctl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include <ipcp_neg.h>

enum { T_TRANSPORT, T_BRIDGE, T_UNIT, T_UPPER, T_N };

/* One link in the making: its files, and the spare ones cases swap in */
struct setup {
	int ctl;
	int f[T_N];
	int other_unit;		/* /dev/ppp of a second unit, not ours */
	int bare;		/* /dev/ppp attached to nothing */
	int regular;		/* a regular file */
	int sock;		/* a UDP socket */
	int tty_chan;
	__u32 id;
};

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static int open_ppp(void)
{
	int fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		die("/dev/ppp");
	return fd;
}

static int new_unit(void)
{
	int fd = open_ppp(), unit = -1;

	if (ioctl(fd, PPPIOCNEWUNIT, &unit) < 0)
		die("PPPIOCNEWUNIT");
	return fd;
}

static void build(struct setup *s, const char *tty)
{
	struct ipcp_neg_create cr;
	int ldisc = N_PPP, idx, unit;

	memset(s, 0, sizeof(*s));
	s->ctl = open(IPCP_NEG_CTL_DEVICE, O_RDWR | O_CLOEXEC);
	if (s->ctl < 0)
		die(IPCP_NEG_CTL_DEVICE);
	memset(&cr, 0, sizeof(cr));
	cr.role = IPCP_NEG_ROLE_CLIENT;
	if (ioctl(s->ctl, IPCP_NEG_IOC_CREATE, &cr) < 0)
		die("IPCP_NEG_IOC_CREATE");
	s->id = cr.id;
	s->f[T_TRANSPORT] = open(tty, O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (s->f[T_TRANSPORT] < 0)
		die(tty);
	if (ioctl(s->f[T_TRANSPORT], TIOCSETD, &ldisc) < 0 ||
	    ioctl(s->f[T_TRANSPORT], PPPIOCGCHAN, &s->tty_chan) < 0)
		die("N_PPP");
	s->f[T_BRIDGE] = open_ppp();
	idx = cr.lower_chan;
	if (ioctl(s->f[T_BRIDGE], PPPIOCATTCHAN, &s->tty_chan) < 0 ||
	    ioctl(s->f[T_BRIDGE], PPPIOCBRIDGECHAN, &idx) < 0)
		die("bridge");
	s->f[T_UNIT] = new_unit();
	if (ioctl(s->f[T_UNIT], PPPIOCGUNIT, &unit) < 0)
		die("PPPIOCGUNIT");
	s->f[T_UPPER] = open_ppp();
	idx = cr.upper_chan;
	if (ioctl(s->f[T_UPPER], PPPIOCATTCHAN, &idx) < 0 ||
	    ioctl(s->f[T_UPPER], PPPIOCCONNECT, &unit) < 0)
		die("upper");
	s->other_unit = new_unit();
	s->bare = open_ppp();
	s->regular = open("/tmp/badattach.regular", O_RDWR | O_CREAT | O_CLOEXEC,
			  0600);
	s->sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (s->regular < 0 || s->sock < 0)
		die("spare files");
}

/* Close everything: the control file last, so the link goes with it */
static void teardown(struct setup *s)
{
	int ldisc = N_TTY, i;

	ioctl(s->f[T_TRANSPORT], TIOCSETD, &ldisc);
	for (i = 0; i < T_N; i++)
		close(s->f[i]);
	close(s->other_unit);
	close(s->bare);
	close(s->regular);
	close(s->sock);
	close(s->ctl);
}

static void attempt(const char *name, const char *tty, int which, int spare)
{
	struct ipcp_neg_attach at;
	struct setup s;

	build(&s, tty);
	if (which >= 0) {
		int *pick[] = { &s.other_unit, &s.bare, &s.regular, &s.sock,
				&s.f[T_BRIDGE], &s.f[T_UPPER], &s.f[T_UNIT] };

		s.f[which] = dup(*pick[spare]);
	}
	memset(&at, 0, sizeof(at));
	at.id = s.id;
	at.transport_fd = s.f[T_TRANSPORT];
	at.bridge_fd = s.f[T_BRIDGE];
	at.unit_fd = s.f[T_UNIT];
	at.upper_fd = s.f[T_UPPER];
	if (ioctl(s.ctl, IPCP_NEG_IOC_ATTACH, &at) < 0) {
		printf("%s %s\n", name, strerrorname_np(errno));
	} else {
		struct ipcp_neg_ref ref = { .id = s.id };

		printf("%s ok %.*s\n", name, IPCP_NEG_IFNAME_SIZE, at.ifname);
		ioctl(s.ctl, IPCP_NEG_IOC_DETACH, &ref);
	}
	fflush(stdout);
	teardown(&s);
}

enum { S_OTHER_UNIT, S_BARE, S_REGULAR, S_SOCK, S_BRIDGE, S_UPPER, S_UNIT };

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: badattach TTY\n");
		return 2;
	}
	attempt("transport-regular-file", argv[1], T_TRANSPORT, S_REGULAR);
	attempt("transport-udp-socket", argv[1], T_TRANSPORT, S_SOCK);
	attempt("transport-dev-ppp", argv[1], T_TRANSPORT, S_BARE);
	attempt("bridge-unattached", argv[1], T_BRIDGE, S_BARE);
	attempt("bridge-is-upper", argv[1], T_BRIDGE, S_UPPER);
	attempt("bridge-is-unit", argv[1], T_BRIDGE, S_UNIT);
	attempt("bridge-regular-file", argv[1], T_BRIDGE, S_REGULAR);
	attempt("unit-other-unit", argv[1], T_UNIT, S_OTHER_UNIT);
	attempt("unit-is-bridge", argv[1], T_UNIT, S_BRIDGE);
	attempt("unit-unattached", argv[1], T_UNIT, S_BARE);
	attempt("upper-is-bridge", argv[1], T_UPPER, S_BRIDGE);
	attempt("upper-is-unit", argv[1], T_UPPER, S_UNIT);
	attempt("right", argv[1], -1, 0);
	return 0;
}
