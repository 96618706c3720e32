// SPDX-License-Identifier: GPL-2.0
/*
 * ppp.c: what attach opens on the ppp_generic side: the transport (a tty
 * given the PPP line discipline, or a connected PPPoE socket), /dev/ppp
 * bridging the transport's channel to the link's lower channel, and the
 * unit with the link's upper channel connected to it.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/ether.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/if_pppox.h>
#include <linux/ppp-ioctl.h>

#include "ipcpctl.h"

int ppp_open_tty(struct attach_state *st, const char *path, int *chan)
{
	int ldisc = N_PPP;
	struct termios tio;

	st->transport = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	if (st->transport < 0) {
		err_msg("%s: %s", path, errno == ENOENT ? "no such tty" :
			strerror(errno));
		return -1;
	}
	if (!isatty(st->transport) ||
	    ioctl(st->transport, TIOCGETD, &st->old_ldisc) < 0) {
		err_msg("%s: not a tty", path);
		return -1;
	}
	if (st->old_ldisc == N_PPP) {
		err_msg("%s: already attached to PPP", path);
		return -1;
	}
	if (tcgetattr(st->transport, &tio) == 0) {
		cfmakeraw(&tio);
		tio.c_cflag |= CLOCAL | CREAD;
		tcsetattr(st->transport, TCSANOW, &tio);
	}
	if (ioctl(st->transport, TIOCSETD, &ldisc) < 0) {
		err_msg("%s: cannot set the PPP line discipline: %s", path,
			strerror(errno));
		return -1;
	}
	st->tty_ldisc_set = 1;
	if (ioctl(st->transport, PPPIOCGCHAN, chan) < 0) {
		err_msg("%s: no PPP channel: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

int ppp_open_pppoe(struct attach_state *st, const char *ifname, long session,
		   const char *peer_mac, int *chan)
{
	union {
		struct sockaddr sa;
		struct sockaddr_pppox pp;
	} u;
	struct sockaddr_pppox *sp = &u.pp;
	struct ether_addr *mac;

	memset(&u, 0, sizeof(u));
	sp->sa_family = AF_PPPOX;
	sp->sa_protocol = PX_PROTO_OE;
	sp->sa_addr.pppoe.sid = htons(session);
	mac = ether_aton(peer_mac);
	if (!mac) {
		err_msg("--peer '%s' is not a MAC address", peer_mac);
		return -1;
	}
	memcpy(sp->sa_addr.pppoe.remote, mac, ETH_ALEN);
	if (copy_name(sp->sa_addr.pppoe.dev, IFNAMSIZ, ifname, "interface"))
		return -1;
	st->transport = socket(AF_PPPOX, SOCK_STREAM | SOCK_CLOEXEC,
			       PX_PROTO_OE);
	if (st->transport < 0) {
		err_msg("PPPoE socket: %s (is pppoe.ko loaded?)",
			strerror(errno));
		return -1;
	}
	if (connect(st->transport, &u.sa, sizeof(*sp)) < 0) {
		err_msg("PPPoE session %ld on %s: %s", session, ifname,
			strerror(errno));
		return -1;
	}
	if (ioctl(st->transport, PPPIOCGCHAN, chan) < 0) {
		err_msg("PPPoE socket: no PPP channel: %s", strerror(errno));
		return -1;
	}
	return 0;
}

/* A new /dev/ppp file; @what it is for names it in the message */
int ppp_open(const char *what)
{
	int fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		err_msg("/dev/ppp (%s): %s", what, strerror(errno));
	return fd;
}

/* The transport's channel @chan bridged to the link's lower channel */
int ppp_bridge(struct attach_state *st, int chan, __u32 lower)
{
	int idx = lower;

	st->bridge = ppp_open("transport channel");
	if (st->bridge < 0)
		return -1;
	if (ioctl(st->bridge, PPPIOCATTCHAN, &chan) < 0) {
		err_msg("PPP channel %d: %s", chan,
			errno == ENXIO ? "no such channel" : strerror(errno));
		return -1;
	}
	if (ioctl(st->bridge, PPPIOCBRIDGECHAN, &idx) < 0) {
		err_msg("PPP channel %d: cannot bridge it: %s", chan,
			errno == EALREADY ?
			"already attached to a unit or bridged" :
			strerror(errno));
		return -1;
	}
	return 0;
}

/* A new unit (@unit -1), or the existing unit pppN (@unit N) */
static int open_unit(struct attach_state *st, int unit)
{
	st->unit = ppp_open("unit");
	if (st->unit < 0)
		return -1;
	if (unit < 0) {
		if (ioctl(st->unit, PPPIOCNEWUNIT, &unit) == 0)
			return unit;
		err_msg("cannot create a PPP unit: %s", strerror(errno));
		return -1;
	}
	if (ioctl(st->unit, PPPIOCATTACH, &unit) < 0) {
		err_msg("ppp%d: %s", unit, errno == ENXIO ?
			"no such PPP unit" : strerror(errno));
		return -1;
	}
	return unit;
}

/* The unit (new, or pppN for @existing N) with the upper channel on it */
int ppp_make_unit(struct attach_state *st, __u32 upper, int existing)
{
	int unit, idx = upper;

	unit = open_unit(st, existing);
	if (unit < 0)
		return -1;
	st->upper = ppp_open("upper channel");
	if (st->upper < 0)
		return -1;
	if (ioctl(st->upper, PPPIOCATTCHAN, &idx) < 0 ||
	    ioctl(st->upper, PPPIOCCONNECT, &unit) < 0) {
		err_msg("cannot connect the link to ppp%d: %s", unit,
			strerror(errno));
		return -1;
	}
	return 0;
}
