// SPDX-License-Identifier: GPL-2.0
/*
 * ipcpctl: attach PPP links to the ipcp_neg kernel module, and manage them.
 *
 *   ipcpctl attach (--tty DEV | --pppoe IFACE --session ID --peer MAC |
 *                   --chan N) --role server|client [--local A]
 *                  [--remote B | --pool NAME] [--dns A[,B]] [--nbns A[,B]]
 *                  [--forced] [--request-dns] [--request-nbns]
 *                  [--pool-empty ipcp-close|terminate] [--unit N]
 *   ipcpctl unit
 *   ipcpctl detach IFNAME|ID
 *   ipcpctl renegotiate IFNAME|ID
 *   ipcpctl status [IFNAME|ID] [--json]
 *   ipcpctl set IFNAME ATTR VALUE...
 *   ipcpctl monitor [--json]
 *   ipcpctl pool add NAME FIRST-LAST [--next NAME]
 *   ipcpctl pool del NAME
 *   ipcpctl pool show [NAME] [--json]
 *
 * attach prints "IFNAME ID" and exits; the module keeps the link's files
 * open. On any failure everything done so far is undone. With --unit N the
 * link runs on the existing unit pppN (PPPIOCATTACH) instead of a new one:
 * the module deletes the unit's IPv4 addresses, and on detach leaves the
 * unit to whoever created it. The unit must have no other channel.
 *
 * unit makes a PPP unit with no channel, prints its name and keeps it
 * until it is killed (the unit goes with it): a unit that exists before
 * negotiation is enabled on it, for attach --unit.
 *
 * status, set and pool show read and write the module's sysfs files
 * (/sys/class/net/IF/ipcp_neg/, /sys/kernel/ipcp_neg/pools/); status falls
 * back to the STATUS ioctl for a module without them. monitor prints the
 * module's uevents. The manual page is tools/ipcpctl.8.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <net/if.h>
#include <netinet/ether.h>
#include <linux/if_pppox.h>
#include <linux/netlink.h>
#include <linux/ppp-ioctl.h>

#include "ipcp_neg.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

struct attach_opts {
	const char *tty;
	const char *pppoe_if;
	const char *peer_mac;
	long session;
	long chan;
	long unit;
	struct ipcp_neg_create cr;
	int have_role;
};

/* Everything attach opened, closed in reverse on failure */
struct attach_state {
	int ctl;
	int transport;
	int bridge;
	int unit;
	int upper;
	int tty_ldisc_set;
	int old_ldisc;
};

static const char *prog = "ipcpctl";

static void err_msg(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void bad_usage(void)
{
	fprintf(stderr,
		"usage: %s attach (--tty DEV | --pppoe IFACE --session ID --peer MAC | --chan N)\n"
		"           --role server|client [--local A] [--remote B | --pool NAME]\n"
		"           [--dns A[,B]] [--nbns A[,B]] [--forced] [--request-dns]\n"
		"           [--request-nbns] [--pool-empty ipcp-close|terminate]\n"
		"           [--unit N]\n"
		"       %s unit\n"
		"       %s detach IFNAME|ID\n"
		"       %s renegotiate IFNAME|ID\n"
		"       %s status [IFNAME|ID] [--json]\n"
		"       %s set IFNAME ATTR VALUE...\n"
		"       %s monitor [--json]\n"
		"       %s pool add NAME FIRST-LAST [--next NAME]\n"
		"       %s pool del NAME\n"
		"       %s pool show [NAME] [--json]\n",
		prog, prog, prog, prog, prog, prog, prog, prog, prog, prog);
	exit(2);
}

/* A message for the errors every ioctl on the control device can give */
static const char *ctl_strerror(int err)
{
	if (err == EPERM || err == EACCES)
		return "permission denied (CAP_NET_ADMIN needed)";
	return strerror(err);
}

static int open_ctl(void)
{
	int fd = open(IPCP_NEG_CTL_DEVICE, O_RDWR | O_CLOEXEC);

	if (fd >= 0)
		return fd;
	if (errno == ENOENT || errno == ENODEV || errno == ENXIO)
		err_msg("%s: not found (is the ipcp_neg module loaded?)",
			IPCP_NEG_CTL_DEVICE);
	else
		err_msg("%s: %s", IPCP_NEG_CTL_DEVICE, ctl_strerror(errno));
	return -1;
}

static int parse_addr(const char *s, __be32 *out)
{
	struct in_addr a;

	if (inet_pton(AF_INET, s, &a) != 1) {
		err_msg("'%s' is not an IPv4 address", s);
		return -1;
	}
	*out = a.s_addr;
	return 0;
}

/* "A" or "A,B" into two addresses */
static int parse_addr_pair(const char *s, __be32 out[2])
{
	char buf[64], *comma;

	if (strlen(s) >= sizeof(buf)) {
		err_msg("'%s' is too long", s);
		return -1;
	}
	strcpy(buf, s);
	comma = strchr(buf, ',');
	if (comma) {
		*comma = '\0';
		if (parse_addr(comma + 1, &out[1]))
			return -1;
	}
	return parse_addr(buf, &out[0]);
}

static int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 0);
	if (errno || end == s || *end || v < min || v > max) {
		err_msg("'%s' is not a number from %ld to %ld", s, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

static int copy_name(char *dst, size_t size, const char *src, const char *what)
{
	if (!*src || strlen(src) >= size) {
		err_msg("%s '%s': 1 to %zu characters", what, src, size - 1);
		return -1;
	}
	strcpy(dst, src);
	return 0;
}

enum {
	OPT_TTY = 256, OPT_PPPOE, OPT_SESSION, OPT_PEER, OPT_CHAN, OPT_ROLE,
	OPT_LOCAL, OPT_REMOTE, OPT_POOL, OPT_DNS, OPT_NBNS, OPT_FORCED,
	OPT_REQ_DNS, OPT_REQ_NBNS, OPT_POOL_EMPTY, OPT_UNIT,
};

static const struct option attach_longopts[] = {
	{ "tty", required_argument, NULL, OPT_TTY },
	{ "pppoe", required_argument, NULL, OPT_PPPOE },
	{ "session", required_argument, NULL, OPT_SESSION },
	{ "peer", required_argument, NULL, OPT_PEER },
	{ "chan", required_argument, NULL, OPT_CHAN },
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "local", required_argument, NULL, OPT_LOCAL },
	{ "remote", required_argument, NULL, OPT_REMOTE },
	{ "pool", required_argument, NULL, OPT_POOL },
	{ "dns", required_argument, NULL, OPT_DNS },
	{ "nbns", required_argument, NULL, OPT_NBNS },
	{ "forced", no_argument, NULL, OPT_FORCED },
	{ "request-dns", no_argument, NULL, OPT_REQ_DNS },
	{ "request-nbns", no_argument, NULL, OPT_REQ_NBNS },
	{ "pool-empty", required_argument, NULL, OPT_POOL_EMPTY },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ NULL, 0, NULL, 0 },
};

static int parse_role(const char *s, struct attach_opts *o)
{
	if (!strcmp(s, "server")) {
		o->cr.role = IPCP_NEG_ROLE_SERVER;
	} else if (!strcmp(s, "client")) {
		o->cr.role = IPCP_NEG_ROLE_CLIENT;
	} else {
		err_msg("--role: 'server' or 'client', not '%s'", s);
		return -1;
	}
	o->have_role = 1;
	return 0;
}

static int parse_pool_empty(const char *s, struct attach_opts *o)
{
	if (!strcmp(s, "ipcp-close")) {
		o->cr.pool_empty = IPCP_NEG_POOL_EMPTY_CLOSE;
	} else if (!strcmp(s, "terminate")) {
		o->cr.pool_empty = IPCP_NEG_POOL_EMPTY_TERM;
	} else {
		err_msg("--pool-empty: 'ipcp-close' or 'terminate', not '%s'",
			s);
		return -1;
	}
	return 0;
}

static int attach_opt(int c, const char *arg, struct attach_opts *o)
{
	switch (c) {
	case OPT_TTY:
		o->tty = arg;
		return 0;
	case OPT_PPPOE:
		o->pppoe_if = arg;
		return 0;
	case OPT_SESSION:
		return parse_long(arg, 1, 0xfffe, &o->session);
	case OPT_PEER:
		o->peer_mac = arg;
		return 0;
	case OPT_CHAN:
		return parse_long(arg, 1, 0x7fffffff, &o->chan);
	case OPT_ROLE:
		return parse_role(arg, o);
	case OPT_LOCAL:
		return parse_addr(arg, &o->cr.local);
	case OPT_REMOTE:
		return parse_addr(arg, &o->cr.remote);
	case OPT_POOL:
		return copy_name(o->cr.pool, sizeof(o->cr.pool), arg, "pool");
	case OPT_DNS:
		return parse_addr_pair(arg, o->cr.dns);
	case OPT_NBNS:
		return parse_addr_pair(arg, o->cr.nbns);
	case OPT_FORCED:
		o->cr.flags |= IPCP_NEG_F_FORCED;
		return 0;
	case OPT_REQ_DNS:
		o->cr.flags |= IPCP_NEG_F_REQ_DNS;
		return 0;
	case OPT_REQ_NBNS:
		o->cr.flags |= IPCP_NEG_F_REQ_NBNS;
		return 0;
	case OPT_POOL_EMPTY:
		return parse_pool_empty(arg, o);
	case OPT_UNIT:
		if (!strncmp(arg, "ppp", 3))
			arg += 3;
		return parse_long(arg, 0, 0x7fffffff, &o->unit);
	}
	bad_usage();
	return -1;
}

/* The combinations the module would refuse, caught with a clear message */
static int attach_check(const struct attach_opts *o)
{
	int transports = !!o->tty + !!o->pppoe_if + (o->chan > 0);

	if (transports != 1) {
		err_msg("give exactly one of --tty, --pppoe, --chan");
		return -1;
	}
	if (o->pppoe_if && (!o->session || !o->peer_mac)) {
		err_msg("--pppoe needs --session and --peer");
		return -1;
	}
	if (!o->have_role) {
		err_msg("--role server|client is required");
		return -1;
	}
	if (o->cr.role == IPCP_NEG_ROLE_SERVER &&
	    !o->cr.remote == !o->cr.pool[0]) {
		err_msg("a server needs exactly one of --remote and --pool");
		return -1;
	}
	if (o->cr.role == IPCP_NEG_ROLE_CLIENT &&
	    (o->cr.remote || o->cr.pool[0] || o->cr.dns[0] || o->cr.nbns[0] ||
	     (o->cr.flags & IPCP_NEG_F_FORCED))) {
		err_msg("--remote, --pool, --dns, --nbns and --forced are for a server");
		return -1;
	}
	return 0;
}

static int open_tty(struct attach_state *st, const char *path, int *chan)
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

static int open_pppoe(struct attach_state *st, const struct attach_opts *o,
		      int *chan)
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
	sp->sa_addr.pppoe.sid = htons(o->session);
	mac = ether_aton(o->peer_mac);
	if (!mac) {
		err_msg("--peer '%s' is not a MAC address", o->peer_mac);
		return -1;
	}
	memcpy(sp->sa_addr.pppoe.remote, mac, ETH_ALEN);
	if (copy_name(sp->sa_addr.pppoe.dev, IFNAMSIZ, o->pppoe_if,
		      "interface"))
		return -1;
	st->transport = socket(AF_PPPOX, SOCK_STREAM | SOCK_CLOEXEC,
			       PX_PROTO_OE);
	if (st->transport < 0) {
		err_msg("PPPoE socket: %s (is pppoe.ko loaded?)",
			strerror(errno));
		return -1;
	}
	if (connect(st->transport, &u.sa, sizeof(*sp)) < 0) {
		err_msg("PPPoE session %ld on %s: %s", o->session, o->pppoe_if,
			strerror(errno));
		return -1;
	}
	if (ioctl(st->transport, PPPIOCGCHAN, chan) < 0) {
		err_msg("PPPoE socket: no PPP channel: %s", strerror(errno));
		return -1;
	}
	return 0;
}

static int open_ppp(const char *what)
{
	int fd = open("/dev/ppp", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		err_msg("/dev/ppp (%s): %s", what, strerror(errno));
	return fd;
}

static int bridge_transport(struct attach_state *st, int chan, __u32 lower)
{
	int idx = lower;

	st->bridge = open_ppp("transport channel");
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
	st->unit = open_ppp("unit");
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

static int make_unit(struct attach_state *st, __u32 upper, int existing)
{
	int unit, idx = upper;

	unit = open_unit(st, existing);
	if (unit < 0)
		return -1;
	st->upper = open_ppp("upper channel");
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

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Undo in reverse; the module destroys an unattached link on close */
static void attach_undo(struct attach_state *st)
{
	close_fd(&st->upper);
	close_fd(&st->unit);
	close_fd(&st->bridge);
	close_fd(&st->ctl);
	if (st->tty_ldisc_set)
		ioctl(st->transport, TIOCSETD, &st->old_ldisc);
	close_fd(&st->transport);
}

static int attach_open_transport(struct attach_state *st,
				 const struct attach_opts *o, int *chan)
{
	if (o->tty)
		return open_tty(st, o->tty, chan);
	if (o->pppoe_if)
		return open_pppoe(st, o, chan);
	*chan = o->chan;
	return 0;
}

static int attach_create(struct attach_state *st, struct attach_opts *o)
{
	if (ioctl(st->ctl, IPCP_NEG_IOC_CREATE, &o->cr) == 0)
		return 0;
	if (errno == ENOENT && o->cr.pool[0])
		err_msg("no pool called '%s'", o->cr.pool);
	else
		err_msg("cannot create the link: %s", ctl_strerror(errno));
	return -1;
}

/* What the module's ATTACH errors mean (Documentation/ipcp_neg.rst) */
static const char *attach_strerror(int err)
{
	switch (err) {
	case ENOTTY:
		return "the transport is neither a tty nor a PPPoX socket";
	case EBADFD:
		return "the /dev/ppp files do not belong to this link and its transport";
	case ENODEV:
		return "the unit is not a PPP unit of this network namespace";
	case ENOTCONN:
		return "the link's UPPER channel is not connected to that unit, or the transport is not connected";
	}
	return ctl_strerror(err);
}

static int attach_hand_over(struct attach_state *st, struct attach_opts *o)
{
	struct ipcp_neg_attach at;

	memset(&at, 0, sizeof(at));
	at.id = o->cr.id;
	at.transport_fd = st->transport;
	at.bridge_fd = st->bridge;
	at.unit_fd = st->unit;
	at.upper_fd = st->upper;
	if (ioctl(st->ctl, IPCP_NEG_IOC_ATTACH, &at) < 0) {
		err_msg("cannot attach the link: %s", attach_strerror(errno));
		return -1;
	}
	printf("%.*s %u\n", IPCP_NEG_IFNAME_SIZE, at.ifname, at.id);
	return 0;
}

static int cmd_attach(int argc, char **argv)
{
	struct attach_state st = { -1, -1, -1, -1, -1, 0, 0 };
	struct attach_opts o;
	int c, chan;

	memset(&o, 0, sizeof(o));
	o.unit = -1;
	while ((c = getopt_long(argc, argv, "", attach_longopts, NULL)) != -1)
		if (attach_opt(c, optarg, &o))
			return 1;
	if (optind != argc)
		bad_usage();
	if (attach_check(&o))
		return 1;
	st.ctl = open_ctl();
	if (st.ctl < 0)
		return 1;
	if (attach_open_transport(&st, &o, &chan) ||
	    attach_create(&st, &o) ||
	    bridge_transport(&st, chan, o.cr.lower_chan) ||
	    make_unit(&st, o.cr.upper_chan, o.unit) ||
	    attach_hand_over(&st, &o)) {
		attach_undo(&st);
		return 1;
	}
	/* The module holds the files now; our descriptors go. */
	st.tty_ldisc_set = 0;
	attach_undo(&st);
	return 0;
}

/* A unit with no channel, held until a signal ends the process */
static int cmd_unit(int argc)
{
	int fd, unit = -1;

	if (argc != 1)
		bad_usage();
	fd = open_ppp("unit");
	if (fd < 0)
		return 1;
	if (ioctl(fd, PPPIOCNEWUNIT, &unit) < 0) {
		err_msg("cannot create a PPP unit: %s", strerror(errno));
		close(fd);
		return 1;
	}
	printf("ppp%d\n", unit);
	fflush(stdout);
	for (;;)
		pause();
}

/* IFNAME or a numeric link id into a struct ipcp_neg_ref */
static int parse_ref(const char *s, struct ipcp_neg_ref *ref)
{
	char *end;
	unsigned long id;

	memset(ref, 0, sizeof(*ref));
	id = strtoul(s, &end, 10);
	if (*s >= '0' && *s <= '9' && !*end && id && id <= 0xffffffffUL) {
		ref->id = id;
		return 0;
	}
	return copy_name(ref->ifname, sizeof(ref->ifname), s, "interface");
}

/* @quiet: no message for a link that does not exist (ENOENT) */
static int ref_ioctl(int fd, const char *s, unsigned long req, void *arg,
		     struct ipcp_neg_ref *ref, int quiet)
{
	if (parse_ref(s, ref))
		return 1;
	if (ioctl(fd, req, arg) == 0)
		return 0;
	if (errno != ENOENT || !quiet)
		err_msg("%s: %s", s, errno == ENOENT ?
			"no link managed by ipcp_neg" : ctl_strerror(errno));
	return 1;
}

/* RFC 1661 state names, as the sysfs files spell them */
static const char *const state_names[] = {
	"initial", "starting", "closed", "stopped", "closing", "stopping",
	"req-sent", "ack-rcvd", "ack-sent", "opened",
};

static const char *state_name(__u32 st)
{
	if (st < ARRAY_SIZE(state_names))
		return state_names[st];
	return "?";
}

/* "req-sent" as RFC 1661 prints it: "Req-Sent" */
static const char *rfc_state(const char *s, char *buf, size_t size)
{
	size_t i;
	int up = 1;

	for (i = 0; s[i] && i < size - 1; i++) {
		buf[i] = up ? toupper((unsigned char)s[i]) : s[i];
		up = s[i] == '-';
	}
	buf[i] = '\0';
	return buf;
}

static const char *ip(__be32 a, char *buf)
{
	struct in_addr in = { .s_addr = a };

	return inet_ntop(AF_INET, &in, buf, INET_ADDRSTRLEN);
}

/*
 * A small JSON writer for one document on stdout: the separators follow
 * from the nesting. Strings are escaped; bytes outside printable ASCII are
 * written as \u00XX, so the output is valid JSON whatever a name holds.
 */
static struct {
	int depth;
	int count[8];
	int after_key;
} js;

static void j_sep(void)
{
	if (js.after_key) {
		js.after_key = 0;
		return;
	}
	if (js.count[js.depth]++)
		putchar(',');
}

static void j_begin(char c)
{
	j_sep();
	putchar(c);
	if (js.depth < (int)ARRAY_SIZE(js.count) - 1)
		js.depth++;
	js.count[js.depth] = 0;
}

static void j_end(char c)
{
	putchar(c);
	if (js.depth > 0)
		js.depth--;
}

static void j_quoted(const char *s)
{
	const unsigned char *p;

	putchar('"');
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

static void j_key(const char *k)
{
	j_sep();
	j_quoted(k);
	putchar(':');
	js.after_key = 1;
}

static void j_str(const char *s)
{
	j_sep();
	j_quoted(s);
}

/* A JSON number: "0" or digits without a leading zero */
static int is_decimal(const char *s)
{
	if (*s == '-')
		s++;
	if (*s < '0' || *s > '9' || (s[0] == '0' && s[1]))
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	return !*s;
}

/* @s as a number, or null when it is not one */
static void j_num(const char *s)
{
	j_sep();
	fputs(s && is_decimal(s) ? s : "null", stdout);
}

static void j_kstr(const char *k, const char *s)
{
	j_key(k);
	j_str(s);
}

static void j_long(long v)
{
	j_sep();
	printf("%ld", v);
}

static void j_kuint(const char *k, unsigned long v)
{
	j_key(k);
	j_sep();
	printf("%lu", v);
}

/* The words of @s as an array of strings */
static void j_words(const char *s)
{
	char w[64];
	int n;

	j_begin('[');
	while (sscanf(s, " %63s%n", w, &n) == 1) {
		j_str(w);
		s += n;
	}
	j_end(']');
}

static void j_end_doc(void)
{
	putchar('\n');
	memset(&js, 0, sizeof(js));
}

/* The status of a link through the STATUS ioctl (a module without sysfs) */
static void print_status_ioctl(const struct ipcp_neg_status *s)
{
	char b[4][INET_ADDRSTRLEN], lcp[16], ipcp[16];

	printf("%.*s id %u role %s lcp %s ipcp %s\n", IPCP_NEG_IFNAME_SIZE,
	       s->ifname, s->id,
	       s->role == IPCP_NEG_ROLE_SERVER ? "server" : "client",
	       rfc_state(state_name(s->lcp_state), lcp, sizeof(lcp)),
	       rfc_state(state_name(s->ipcp_state), ipcp, sizeof(ipcp)));
	printf("local %s peer %s\n", ip(s->local, b[0]), ip(s->peer, b[1]));
	printf("dns %s %s\n", ip(s->dns[0], b[2]), ip(s->dns[1], b[3]));
	printf("nbns %s %s\n", ip(s->nbns[0], b[0]), ip(s->nbns[1], b[1]));
	printf("dropped rx %u tx %u\n", s->rx_dropped, s->tx_dropped);
}

static void json_status_ioctl(const struct ipcp_neg_status *s)
{
	char b[INET_ADDRSTRLEN], name[IPCP_NEG_IFNAME_SIZE + 1];

	snprintf(name, sizeof(name), "%.*s", IPCP_NEG_IFNAME_SIZE, s->ifname);
	j_begin('{');
	j_kstr("ifname", name);
	j_kuint("id", s->id);
	j_kstr("role", s->role == IPCP_NEG_ROLE_SERVER ? "server" : "client");
	j_kstr("lcp", state_name(s->lcp_state));
	j_kstr("ipcp", state_name(s->ipcp_state));
	j_kstr("local", ip(s->local, b));
	j_kstr("peer", ip(s->peer, b));
	j_key("dns");
	j_begin('[');
	j_str(ip(s->dns[0], b));
	j_str(ip(s->dns[1], b));
	j_end(']');
	j_key("nbns");
	j_begin('[');
	j_str(ip(s->nbns[0], b));
	j_str(ip(s->nbns[1], b));
	j_end(']');
	j_key("counters");
	j_begin('{');
	j_kuint("rx_dropped", s->rx_dropped);
	j_kuint("tx_dropped", s->tx_dropped);
	j_end('}');
	j_end('}');
}

static void show_status_ioctl(const struct ipcp_neg_status *s, int json)
{
	if (json)
		json_status_ioctl(s);
	else
		print_status_ioctl(s);
}

/* status of one link (IFNAME or id) through the ioctl */
static int status_ioctl_one(const char *ref, int json)
{
	struct ipcp_neg_status s;
	int fd, ret;

	fd = open_ctl();
	if (fd < 0)
		return 1;
	memset(&s, 0, sizeof(s));
	ret = ref_ioctl(fd, ref, IPCP_NEG_IOC_STATUS, &s, &s.ref, 0);
	close(fd);
	if (ret)
		return 1;
	if (json)
		j_begin('[');
	show_status_ioctl(&s, json);
	if (json) {
		j_end(']');
		j_end_doc();
	}
	return 0;
}

/* status of every PPP interface the ioctl knows */
static int status_ioctl_all(int json)
{
	struct ipcp_neg_status s;
	struct dirent *d;
	DIR *dir;
	int fd;

	fd = open_ctl();
	if (fd < 0)
		return 1;
	if (json)
		j_begin('[');
	dir = opendir("/sys/class/net");
	while (dir && (d = readdir(dir))) {
		if (d->d_name[0] == '.' || strlen(d->d_name) >= IFNAMSIZ)
			continue;
		memset(&s, 0, sizeof(s));
		if (!ref_ioctl(fd, d->d_name, IPCP_NEG_IOC_STATUS, &s, &s.ref,
			       1))
			show_status_ioctl(&s, json);
	}
	if (dir)
		closedir(dir);
	close(fd);
	if (json) {
		j_end(']');
		j_end_doc();
	}
	return 0;
}

static int cmd_ref(int argc, char **argv, unsigned long req)
{
	struct ipcp_neg_ref ref;
	int fd, ret;

	if (argc != 2)
		bad_usage();
	fd = open_ctl();
	if (fd < 0)
		return 1;
	ret = ref_ioctl(fd, argv[1], req, &ref, &ref, 0);
	close(fd);
	return ret;
}

/*
 * The module's sysfs files. IPCPCTL_SYSFS replaces /sys: a testing aid, a
 * directory laid out like sysfs; then there is no fallback to the ioctls.
 */
static const char *sysfs_root(void)
{
	const char *root = getenv("IPCPCTL_SYSFS");

	return root && *root ? root : "/sys";
}

static int sysfs_faked(void)
{
	const char *root = getenv("IPCPCTL_SYSFS");

	return root && *root;
}

/* A path from a format; -1 (ENAMETOOLONG) when it does not fit */
static int mkpath(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* DIR/NAME into BUF without trailing newlines; -1 (errno) if unreadable */
static int read_attr(const char *dir, const char *name, char *buf,
		     size_t size)
{
	char path[PATH_MAX];
	ssize_t n;
	int fd;

	if (mkpath(path, sizeof(path), "%s/%s", dir, name))
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return 0;
}

/*
 * A short attribute for printing, "?" when it cannot be read. The value
 * lives in one of VAL_SLOTS buffers used in turn: enough for one printf.
 */
#define VAL_SLOTS	16
#define VAL_SIZE	128

static const char *val(const char *dir, const char *name)
{
	static char slot[VAL_SLOTS][VAL_SIZE];
	static unsigned int next;
	char *buf = slot[next++ % VAL_SLOTS];

	if (read_attr(dir, name, buf, VAL_SIZE))
		strcpy(buf, "?");
	return buf;
}

/* An attribute as a JSON string, null when it cannot be read */
static void j_kattr_str(const char *k, const char *dir, const char *name)
{
	char buf[VAL_SIZE];

	j_key(k);
	if (read_attr(dir, name, buf, sizeof(buf)))
		j_num(NULL);
	else
		j_str(buf);
}

static void j_kattr_num(const char *k, const char *dir, const char *name)
{
	char buf[VAL_SIZE];

	j_key(k);
	j_num(read_attr(dir, name, buf, sizeof(buf)) ? NULL : buf);
}

/* "A B" as ["A","B"], null when it cannot be read */
static void j_kattr_words(const char *k, const char *dir, const char *name)
{
	char buf[VAL_SIZE];

	j_key(k);
	if (read_attr(dir, name, buf, sizeof(buf)))
		j_num(NULL);
	else
		j_words(buf);
}

/* One link: its interface and its directory <sysfs>/class/net/IF/ipcp_neg */
struct link_dir {
	char ifname[IFNAMSIZ];
	char path[PATH_MAX];
};

static int link_dir_of(const char *ifname, struct link_dir *l)
{
	if (!*ifname || strlen(ifname) >= IFNAMSIZ || strchr(ifname, '/') ||
	    !strcmp(ifname, ".") || !strcmp(ifname, ".."))
		return -1;
	strcpy(l->ifname, ifname);
	if (mkpath(l->path, sizeof(l->path), "%s/class/net/%s/ipcp_neg",
		   sysfs_root(), ifname))
		return -1;
	return is_dir(l->path) ? 0 : -1;
}

static int link_cmp(const void *a, const void *b)
{
	const struct link_dir *x = a, *y = b;

	return strverscmp(x->ifname, y->ifname);
}

/* Every link of this network namespace, in interface order; -1 on error */
static int list_links(struct link_dir **out)
{
	struct link_dir *v = NULL, *nv;
	char path[PATH_MAX];
	struct dirent *d;
	int n = 0, cap = 0;
	DIR *dir;

	*out = NULL;
	if (mkpath(path, sizeof(path), "%s/class/net", sysfs_root()))
		return -1;
	dir = opendir(path);
	if (!dir)
		return -1;
	while ((d = readdir(dir))) {
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			nv = realloc(v, cap * sizeof(*v));
			if (!nv)
				break;
			v = nv;
		}
		if (d->d_name[0] != '.' && !link_dir_of(d->d_name, &v[n]))
			n++;
	}
	closedir(dir);
	if (n)
		qsort(v, n, sizeof(*v), link_cmp);
	*out = v;
	return n;
}

static int is_link_id(const char *s)
{
	return *s >= '1' && *s <= '9' && strspn(s, "0123456789") == strlen(s);
}

/* The link named by its interface or by its numeric id */
static int find_link(const char *ref, struct link_dir *l)
{
	struct link_dir *v;
	int i, n, found = -1;

	if (!is_link_id(ref))
		return link_dir_of(ref, l);
	n = list_links(&v);
	for (i = 0; i < n && found < 0; i++)
		if (strtoul(val(v[i].path, "id"), NULL, 10) ==
		    strtoul(ref, NULL, 10))
			found = i;
	if (found >= 0)
		*l = v[found];
	free(v);
	return found >= 0 ? 0 : -1;
}

/* "A B" (or "A") as two words, 0.0.0.0 for a missing one */
struct pair {
	char a[VAL_SIZE], b[VAL_SIZE];
};

static void split_pair(const char *s, struct pair *p)
{
	strcpy(p->a, "0.0.0.0");
	strcpy(p->b, !strcmp(s, "?") ? "?" : "0.0.0.0");
	if (sscanf(s, "%127s %127s", p->a, p->b) < 1)
		strcpy(p->a, "0.0.0.0");
}

/* Seconds since boot, as CLOCK_BOOTTIME (and up_since) counts them */
static long boot_seconds(void)
{
	char buf[64];

	if (read_attr("/proc", "uptime", buf, sizeof(buf)))
		return -1;
	return strtol(buf, NULL, 10);
}

/* Seconds IPCP has been Opened, -1 when it is not (or unknown) */
static long link_uptime(const char *dir)
{
	const char *since = val(dir, "state/up_since");
	long now = boot_seconds(), t;

	if (!is_decimal(since) || now < 0)
		return -1;
	t = strtol(since, NULL, 10);
	if (t <= 0)
		return -1;
	return now > t ? now - t : 0;
}

static void print_uptime(const char *dir)
{
	long t = link_uptime(dir);

	if (t < 0) {
		printf("uptime -\n");
		return;
	}
	printf("uptime %ldd %02ld:%02ld:%02ld\n", t / 86400, t / 3600 % 24,
	       t / 60 % 60, t % 60);
}

static const char *dash_if_empty(const char *s)
{
	return *s ? s : "-";
}

static void print_config(const char *d, const char *role)
{
	struct pair dns, nbns;

	if (!strcmp(role, "client")) {
		printf("config local %s request_dns %s request_nbns %s\n",
		       val(d, "local"), val(d, "request_dns"),
		       val(d, "request_nbns"));
		return;
	}
	printf("config local %s remote %s pool %s forced %s pool_empty %s\n",
	       val(d, "local"), val(d, "remote"), dash_if_empty(val(d, "pool")),
	       val(d, "forced"), val(d, "pool_empty"));
	split_pair(val(d, "dns"), &dns);
	split_pair(val(d, "nbns"), &nbns);
	printf("config dns %s %s nbns %s %s\n", dns.a, dns.b, nbns.a, nbns.b);
}

/* Rows of the counters table: counters/<proto>_<tx|rx>_<suffix> */
static const struct {
	const char *suffix;
	const char *name;
	int lcp_only;
} count_rows[] = {
	{ "confreq", "Configure-Request", 0 },
	{ "confack", "Configure-Ack", 0 },
	{ "confnak", "Configure-Nak", 0 },
	{ "confrej", "Configure-Reject", 0 },
	{ "termreq", "Terminate-Request", 0 },
	{ "termack", "Terminate-Ack", 0 },
	{ "coderej", "Code-Reject", 0 },
	{ "protrej", "Protocol-Reject", 1 },
	{ "echoreq", "Echo-Request", 1 },
	{ "echorep", "Echo-Reply", 1 },
	{ "discreq", "Discard-Request", 1 },
};

static const char *counter(const char *d, const char *proto, const char *dir,
			   const char *suffix)
{
	char name[64];

	snprintf(name, sizeof(name), "counters/%s_%s_%s", proto, dir, suffix);
	return val(d, name);
}

static void print_counters(const char *d)
{
	const char *ipcp_tx, *ipcp_rx, *sfx;
	size_t i;

	printf("%-20s %9s %9s %9s %9s\n", "counters", "LCP sent", "LCP rcvd",
	       "IPCP sent", "IPCP rcvd");
	for (i = 0; i < ARRAY_SIZE(count_rows); i++) {
		sfx = count_rows[i].suffix;
		ipcp_tx = "-";
		ipcp_rx = "-";
		if (!count_rows[i].lcp_only) {
			ipcp_tx = counter(d, "ipcp", "tx", sfx);
			ipcp_rx = counter(d, "ipcp", "rx", sfx);
		}
		printf("  %-18s %9s %9s %9s %9s\n", count_rows[i].name,
		       counter(d, "lcp", "tx", sfx),
		       counter(d, "lcp", "rx", sfx), ipcp_tx, ipcp_rx);
	}
	printf("malformed lcp %s ipcp %s\n", val(d, "counters/lcp_malformed"),
	       val(d, "counters/ipcp_malformed"));
	printf("discarded lcp %s ipcp %s\n", val(d, "counters/lcp_discarded"),
	       val(d, "counters/ipcp_discarded"));
	printf("nak_loops lcp %s ipcp %s\n", val(d, "counters/lcp_nak_loops"),
	       val(d, "counters/ipcp_nak_loops"));
	printf("addr_changes %s\n", val(d, "counters/addr_changes"));
	printf("dropped rx %s tx %s\n", val(d, "counters/rx_dropped"),
	       val(d, "counters/tx_dropped"));
}

/* One link, modelled on VRP's "display interface" and "display ppp" */
static void print_link(const struct link_dir *l)
{
	const char *d = l->path;
	char lcp[32], ipcp[32], role[VAL_SIZE];
	struct pair dns, nbns;

	strcpy(role, val(d, "role"));
	printf("%s id %s role %s lcp %s ipcp %s\n", l->ifname, val(d, "id"),
	       role, rfc_state(val(d, "state/lcp"), lcp, sizeof(lcp)),
	       rfc_state(val(d, "state/ipcp"), ipcp, sizeof(ipcp)));
	printf("local %s peer %s\n", val(d, "state/local"),
	       val(d, "state/peer"));
	split_pair(val(d, "state/dns"), &dns);
	split_pair(val(d, "state/nbns"), &nbns);
	printf("dns %s %s\n", dns.a, dns.b);
	printf("nbns %s %s\n", nbns.a, nbns.b);
	print_uptime(d);
	printf("reason %s\n", val(d, "state/reason"));
	printf("timers restart_ms %s max_configure %s max_terminate %s max_failure %s\n",
	       val(d, "restart_ms"), val(d, "max_configure"),
	       val(d, "max_terminate"), val(d, "max_failure"));
	print_config(d, role);
	print_counters(d);
}

static int counter_file(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Every file of counters/ as a number */
static void json_counters(const char *d)
{
	struct dirent **names;
	char path[PATH_MAX];
	int i, n;

	j_begin('{');
	n = -1;
	if (!mkpath(path, sizeof(path), "%s/counters", d))
		n = scandir(path, &names, counter_file, alphasort);
	for (i = 0; i < n; i++) {
		j_kattr_num(names[i]->d_name, path, names[i]->d_name);
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	j_end('}');
}

static void json_link(const struct link_dir *l)
{
	const char *d = l->path;
	long up = link_uptime(d);

	j_begin('{');
	j_kstr("ifname", l->ifname);
	j_kattr_num("id", d, "id");
	j_kattr_str("role", d, "role");
	j_kattr_str("lcp", d, "state/lcp");
	j_kattr_str("ipcp", d, "state/ipcp");
	j_kattr_str("local", d, "state/local");
	j_kattr_str("peer", d, "state/peer");
	j_kattr_words("dns", d, "state/dns");
	j_kattr_words("nbns", d, "state/nbns");
	j_kattr_num("up_since", d, "state/up_since");
	j_key("uptime");
	if (up < 0)
		j_num(NULL);
	else
		j_long(up);
	j_kattr_str("reason", d, "state/reason");
	j_key("timers");
	j_begin('{');
	j_kattr_num("restart_ms", d, "restart_ms");
	j_kattr_num("max_configure", d, "max_configure");
	j_kattr_num("max_terminate", d, "max_terminate");
	j_kattr_num("max_failure", d, "max_failure");
	j_end('}');
	j_key("config");
	j_begin('{');
	j_kattr_str("local", d, "local");
	j_kattr_str("remote", d, "remote");
	j_kattr_str("pool", d, "pool");
	j_kattr_num("forced", d, "forced");
	j_kattr_str("pool_empty", d, "pool_empty");
	j_kattr_words("dns", d, "dns");
	j_kattr_words("nbns", d, "nbns");
	j_kattr_num("request_dns", d, "request_dns");
	j_kattr_num("request_nbns", d, "request_nbns");
	j_end('}');
	j_key("counters");
	json_counters(d);
	j_end('}');
}

static void show_links(const struct link_dir *v, int n, int json)
{
	int i;

	if (json)
		j_begin('[');
	for (i = 0; i < n; i++) {
		if (json) {
			json_link(&v[i]);
			continue;
		}
		if (i)
			putchar('\n');
		print_link(&v[i]);
	}
	if (json) {
		j_end(']');
		j_end_doc();
	}
}

/* Remove @flag from the arguments; 1 if it was there */
static int take_flag(int *argc, char **argv, const char *flag)
{
	int i, j, found = 0;

	for (i = j = 0; i < *argc; i++) {
		if (i && !strcmp(argv[i], flag))
			found = 1;
		else
			argv[j++] = argv[i];
	}
	*argc = j;
	return found;
}

static int cmd_status(int argc, char **argv)
{
	int json = take_flag(&argc, argv, "--json");
	struct link_dir l, *v;
	int n;

	if (argc > 2)
		bad_usage();
	if (argc == 2) {
		if (!find_link(argv[1], &l)) {
			show_links(&l, 1, json);
			return 0;
		}
		if (!sysfs_faked())
			return status_ioctl_one(argv[1], json);
		err_msg("%s: no link managed by ipcp_neg", argv[1]);
		return 1;
	}
	n = list_links(&v);
	if (n <= 0 && !sysfs_faked()) {
		free(v);
		return status_ioctl_all(json);
	}
	show_links(v, n < 0 ? 0 : n, json);
	free(v);
	return 0;
}

/* Pools: <sysfs>/kernel/ipcp_neg/pools/<name>/ */
static int pool_dir(const struct dirent *d)
{
	if (d->d_name[0] == '.')
		return 0;
	if (d->d_type == DT_DIR)
		return 1;
	return d->d_type == DT_UNKNOWN && strcmp(d->d_name, "create") &&
		strcmp(d->d_name, "delete");
}

#define RANGES_SIZE	8192

static void print_pool(const char *dir, const char *name)
{
	char ranges[RANGES_SIZE], *line, *save;

	printf("%-16s %10s %10s %10s %10s  %s\n", name, val(dir, "total"),
	       val(dir, "used"), val(dir, "free"), val(dir, "memory"),
	       dash_if_empty(val(dir, "next")));
	if (read_attr(dir, "ranges", ranges, sizeof(ranges)))
		return;
	for (line = strtok_r(ranges, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		printf("  %s\n", line);
}

static void json_pool(const char *dir, const char *name)
{
	char ranges[RANGES_SIZE], *line, *save;

	j_begin('{');
	j_kstr("name", name);
	j_key("ranges");
	if (read_attr(dir, "ranges", ranges, sizeof(ranges))) {
		j_num(NULL);
	} else {
		j_begin('[');
		for (line = strtok_r(ranges, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save))
			j_str(line);
		j_end(']');
	}
	j_kattr_str("next", dir, "next");
	j_kattr_num("total", dir, "total");
	j_kattr_num("used", dir, "used");
	j_kattr_num("free", dir, "free");
	j_kattr_num("memory", dir, "memory");
	j_end('}');
}

static void show_pool(const char *pools, const char *name, int json)
{
	char dir[PATH_MAX];

	if (mkpath(dir, sizeof(dir), "%s/%s", pools, name))
		return;
	if (json)
		json_pool(dir, name);
	else
		print_pool(dir, name);
}

static int cmd_pool_show(int argc, char **argv)
{
	int json = take_flag(&argc, argv, "--json");
	char pools[PATH_MAX], dir[PATH_MAX];
	struct dirent **names;
	int i, n;

	if (argc > 3)
		bad_usage();
	if (mkpath(pools, sizeof(pools), "%s/kernel/ipcp_neg/pools",
		   sysfs_root()))
		return 1;
	if (!is_dir(pools)) {
		err_msg("%s: not found (is a module with sysfs pools loaded?)",
			pools);
		return 1;
	}
	if (argc == 3 && (strchr(argv[2], '/') || argv[2][0] == '.' ||
			  mkpath(dir, sizeof(dir), "%s/%s", pools, argv[2]) ||
			  !is_dir(dir))) {
		err_msg("pool %s: no such pool", argv[2]);
		return 1;
	}
	n = scandir(pools, &names, pool_dir, versionsort);
	if (n < 0) {
		err_msg("%s: %s (is a module with sysfs pools loaded?)", pools,
			strerror(errno));
		return 1;
	}
	if (json)
		j_begin('[');
	else
		printf("%-16s %10s %10s %10s %10s  %s\n", "Pool", "Total",
		       "Used", "Free", "Memory", "Next");
	for (i = 0; i < n; i++) {
		if (argc < 3 || !strcmp(argv[2], names[i]->d_name))
			show_pool(pools, names[i]->d_name, json);
		free(names[i]);
	}
	free(names);
	if (json) {
		j_end(']');
		j_end_doc();
	}
	return 0;
}

/* What a failed write to a link's attribute means */
static const char *set_hint(int err)
{
	switch (err) {
	case EINVAL:
		return " (a bad value, or not for a link of this role)";
	case ENOENT:
		return " (no such pool)";
	case EPERM:
		return " (CAP_NET_ADMIN needed)";
	case EACCES:
		return " (a read-only attribute)";
	}
	return "";
}

/* VALUE... joined by spaces, with a newline, as echo writes it */
static int join_value(int argc, char **argv, char *buf, size_t size)
{
	size_t len = 0, n;
	int i;

	for (i = 0; i < argc; i++) {
		n = strlen(argv[i]);
		if (len + n + 2 > size) {
			err_msg("value too long");
			return -1;
		}
		if (i)
			buf[len++] = ' ';
		memcpy(buf + len, argv[i], n);
		len += n;
	}
	buf[len++] = '\n';
	buf[len] = '\0';
	return 0;
}

static int cmd_set(int argc, char **argv)
{
	char path[PATH_MAX], value[4096];
	const char *attr;
	struct link_dir l;
	ssize_t n = -1;
	int fd;

	if (argc < 4)
		bad_usage();
	attr = argv[2];
	if (!*attr || strchr(attr, '/') || attr[0] == '.') {
		err_msg("'%s' is not an attribute of a link", attr);
		return 1;
	}
	if (link_dir_of(argv[1], &l)) {
		err_msg("%s: no link managed by ipcp_neg", argv[1]);
		return 1;
	}
	if (join_value(argc - 3, argv + 3, value, sizeof(value)) ||
	    mkpath(path, sizeof(path), "%s/%s", l.path, attr))
		return 1;
	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd >= 0) {
		n = write(fd, value, strlen(value));
		if (n < 0)
			err_msg("%s %s: %s%s", l.ifname, attr, strerror(errno),
				set_hint(errno));
		close(fd);
	} else {
		err_msg("%s %s: %s%s", l.ifname, attr, errno == ENOENT ?
			"no such attribute" : strerror(errno),
			errno == ENOENT ? "" : set_hint(errno));
	}
	return n < 0;
}

/* The ipcp_neg keys of a uevent, NULL when absent */
struct uevent {
	const char *ifname, *event, *link, *role, *local, *peer;
	const char *dns[2], *reason;
};

static const char *key_value(const char *s, const char *key)
{
	size_t n = strlen(key);

	return !strncmp(s, key, n) && s[n] == '=' ? s + n + 1 : NULL;
}

static void uevent_key(struct uevent *ev, const char *s)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "INTERFACE", offsetof(struct uevent, ifname) },
		{ "IPCP_NEG_EVENT", offsetof(struct uevent, event) },
		{ "IPCP_NEG_LINK", offsetof(struct uevent, link) },
		{ "IPCP_NEG_ROLE", offsetof(struct uevent, role) },
		{ "IPCP_NEG_LOCAL", offsetof(struct uevent, local) },
		{ "IPCP_NEG_PEER", offsetof(struct uevent, peer) },
		{ "IPCP_NEG_DNS1", offsetof(struct uevent, dns[0]) },
		{ "IPCP_NEG_DNS2", offsetof(struct uevent, dns[1]) },
		{ "IPCP_NEG_REASON", offsetof(struct uevent, reason) },
	};
	const char *v;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		v = key_value(s, keys[i].key);
		if (v)
			*(const char **)((char *)ev + keys[i].off) = v;
	}
}

/* A kernel uevent: "ACTION@DEVPATH", then KEY=VALUE strings, NUL-separated */
static void parse_uevent(char *buf, size_t len, struct uevent *ev)
{
	size_t i;

	memset(ev, 0, sizeof(*ev));
	buf[len] = '\0';
	for (i = strlen(buf) + 1; i < len; i += strlen(buf + i) + 1)
		uevent_key(ev, buf + i);
}

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static void print_event(const struct uevent *ev, const char *when, int json)
{
	if (!json) {
		printf("%s %s %s link %s %s local %s peer %s dns %s%s%s reason %s\n",
		       when, or_dash(ev->ifname), ev->event, or_dash(ev->link),
		       or_dash(ev->role), or_dash(ev->local), or_dash(ev->peer),
		       or_dash(ev->dns[0]), ev->dns[1] ? "," : "",
		       ev->dns[1] ? ev->dns[1] : "", or_dash(ev->reason));
		return;
	}
	j_begin('{');
	j_kstr("time", when);
	j_kstr("ifname", or_dash(ev->ifname));
	j_kstr("event", ev->event);
	j_key("link");
	j_num(ev->link);
	j_kstr("role", or_dash(ev->role));
	j_kstr("local", or_dash(ev->local));
	j_kstr("peer", or_dash(ev->peer));
	j_key("dns");
	j_begin('[');
	if (ev->dns[0])
		j_str(ev->dns[0]);
	if (ev->dns[1])
		j_str(ev->dns[1]);
	j_end(']');
	j_kstr("reason", or_dash(ev->reason));
	j_end('}');
	j_end_doc();
}

/* Local time, to the millisecond: "2024-05-01 12:00:00.123" */
static void now_text(char *buf, size_t size)
{
	struct timespec ts;
	struct tm tm;
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, size, "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(buf + n, size - n, ".%03ld", ts.tv_nsec / 1000000);
}

static int open_uevents(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	int fd, size = 1 << 20;

	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC,
		    NETLINK_KOBJECT_UEVENT);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		err_msg("uevent socket: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	return fd;
}

/* One datagram; 1 when it was an ipcp_neg event from the kernel */
static int read_uevent(int fd, char *buf, size_t size, struct uevent *ev)
{
	struct sockaddr_nl src;
	struct iovec iov = { .iov_base = buf, .iov_len = size - 1 };
	struct msghdr msg = {
		.msg_name = &src, .msg_namelen = sizeof(src),
		.msg_iov = &iov, .msg_iovlen = 1,
	};
	ssize_t n = recvmsg(fd, &msg, 0);

	if (n < 0) {
		if (errno == ENOBUFS)
			err_msg("events were lost (receive buffer full)");
		else if (errno != EINTR)
			return -1;
		return 0;
	}
	if (src.nl_pid != 0 || (msg.msg_flags & MSG_TRUNC))
		return 0;
	parse_uevent(buf, n, ev);
	return !!ev->event;
}

static int cmd_monitor(int argc, char **argv)
{
	int json = take_flag(&argc, argv, "--json");
	char buf[8192], when[64];
	struct uevent ev;
	int fd, ret;

	if (argc != 1)
		bad_usage();
	fd = open_uevents();
	if (fd < 0)
		return 1;
	setvbuf(stdout, NULL, _IOLBF, 0);
	err_msg("listening for ipcp_neg events");
	for (;;) {
		ret = read_uevent(fd, buf, sizeof(buf), &ev);
		if (ret < 0)
			break;
		if (!ret)
			continue;
		now_text(when, sizeof(when));
		print_event(&ev, when, json);
	}
	err_msg("uevent socket: %s", strerror(errno));
	close(fd);
	return 1;
}

static int pool_range(const char *s, struct ipcp_neg_pool_req *p)
{
	char buf[40], *dash;

	if (strlen(s) >= sizeof(buf))
		goto bad;
	strcpy(buf, s);
	dash = strchr(buf, '-');
	if (!dash)
		goto bad;
	*dash = '\0';
	if (parse_addr(buf, &p->first) || parse_addr(dash + 1, &p->last))
		return -1;
	if (ntohl(p->first) > ntohl(p->last)) {
		err_msg("range '%s': first address above last", s);
		return -1;
	}
	return 0;
bad:
	err_msg("range '%s': expected FIRST-LAST", s);
	return -1;
}

static int pool_ioctl(unsigned long req, struct ipcp_neg_pool_req *p)
{
	int fd, ret;

	fd = open_ctl();
	if (fd < 0)
		return 1;
	ret = ioctl(fd, req, p);
	if (ret < 0 && errno == EEXIST)
		err_msg("pool %s: the range overlaps a range of a pool", p->name);
	else if (ret < 0 && errno == EDQUOT)
		err_msg("pool %s: the range would take this namespace's pools past "
			"the module's userns_pool_addrs bound (namespaces of other "
			"user namespaces)", p->name);
	else if (ret < 0 && errno == ENOENT)
		err_msg("pool %s: no such pool%s", req == IPCP_NEG_IOC_POOL_ADD ?
			p->next : p->name,
			req == IPCP_NEG_IOC_POOL_ADD ? " (--next)" : "");
	else if (ret < 0)
		err_msg("pool %s: %s", p->name, ctl_strerror(errno));
	close(fd);
	return ret < 0;
}

static int cmd_pool(int argc, char **argv)
{
	struct ipcp_neg_pool_req p;

	memset(&p, 0, sizeof(p));
	if (argc >= 2 && !strcmp(argv[1], "show"))
		return cmd_pool_show(argc, argv);
	if (argc < 3)
		bad_usage();
	if (copy_name(p.name, sizeof(p.name), argv[2], "pool"))
		return 1;
	if (!strcmp(argv[1], "del") && argc == 3)
		return pool_ioctl(IPCP_NEG_IOC_POOL_DEL, &p);
	if (strcmp(argv[1], "add") || (argc != 4 && argc != 6))
		bad_usage();
	if (pool_range(argv[3], &p))
		return 1;
	if (argc == 6) {
		if (strcmp(argv[4], "--next"))
			bad_usage();
		if (copy_name(p.next, sizeof(p.next), argv[5], "pool"))
			return 1;
	}
	return pool_ioctl(IPCP_NEG_IOC_POOL_ADD, &p);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		bad_usage();
	if (!strcmp(argv[1], "attach"))
		return cmd_attach(argc - 1, argv + 1);
	if (!strcmp(argv[1], "unit"))
		return cmd_unit(argc - 1);
	if (!strcmp(argv[1], "detach"))
		return cmd_ref(argc - 1, argv + 1, IPCP_NEG_IOC_DETACH);
	if (!strcmp(argv[1], "renegotiate"))
		return cmd_ref(argc - 1, argv + 1, IPCP_NEG_IOC_RENEGOTIATE);
	if (!strcmp(argv[1], "status"))
		return cmd_status(argc - 1, argv + 1);
	if (!strcmp(argv[1], "set"))
		return cmd_set(argc - 1, argv + 1);
	if (!strcmp(argv[1], "monitor"))
		return cmd_monitor(argc - 1, argv + 1);
	if (!strcmp(argv[1], "pool"))
		return cmd_pool(argc - 1, argv + 1);
	bad_usage();
	return 2;
}
