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
 *   ipcpctl status IFNAME|ID
 *   ipcpctl pool add NAME FIRST-LAST [--next NAME]
 *   ipcpctl pool del NAME
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
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>
#include <net/if.h>
#include <netinet/ether.h>
#include <linux/if_pppox.h>
#include <linux/ppp-ioctl.h>

#include "ipcp_neg.h"

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

static void __attribute__((format(printf, 1, 2))) err_msg(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void usage(void)
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
		"       %s status IFNAME|ID\n"
		"       %s pool add NAME FIRST-LAST [--next NAME]\n"
		"       %s pool del NAME\n",
		prog, prog, prog, prog, prog, prog, prog);
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
	if (!strcmp(s, "server"))
		o->cr.role = IPCP_NEG_ROLE_SERVER;
	else if (!strcmp(s, "client"))
		o->cr.role = IPCP_NEG_ROLE_CLIENT;
	else {
		err_msg("--role: 'server' or 'client', not '%s'", s);
		return -1;
	}
	o->have_role = 1;
	return 0;
}

static int parse_pool_empty(const char *s, struct attach_opts *o)
{
	if (!strcmp(s, "ipcp-close"))
		o->cr.pool_empty = IPCP_NEG_POOL_EMPTY_CLOSE;
	else if (!strcmp(s, "terminate"))
		o->cr.pool_empty = IPCP_NEG_POOL_EMPTY_TERM;
	else {
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
	usage();
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
		err_msg("cannot attach the link: %s", ctl_strerror(errno));
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
		usage();
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
		usage();
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

static int ref_ioctl(const char *s, unsigned long req, void *arg,
		     struct ipcp_neg_ref *ref)
{
	int fd, ret;

	if (parse_ref(s, ref))
		return 1;
	fd = open_ctl();
	if (fd < 0)
		return 1;
	ret = ioctl(fd, req, arg);
	if (ret < 0)
		err_msg("%s: %s", s, errno == ENOENT ?
			"no link managed by ipcp_neg" : ctl_strerror(errno));
	close(fd);
	return ret < 0;
}

static const char *const state_names[] = {
	"Initial", "Starting", "Closed", "Stopped", "Closing", "Stopping",
	"Req-Sent", "Ack-Rcvd", "Ack-Sent", "Opened",
};

static const char *state_name(__u32 st)
{
	if (st < sizeof(state_names) / sizeof(state_names[0]))
		return state_names[st];
	return "?";
}

static const char *ip(__be32 a, char *buf)
{
	struct in_addr in = { .s_addr = a };

	return inet_ntop(AF_INET, &in, buf, INET_ADDRSTRLEN);
}

static void print_status(const struct ipcp_neg_status *s)
{
	char b[4][INET_ADDRSTRLEN];

	printf("%.*s id %u role %s lcp %s ipcp %s\n", IPCP_NEG_IFNAME_SIZE,
	       s->ifname, s->id,
	       s->role == IPCP_NEG_ROLE_SERVER ? "server" : "client",
	       state_name(s->lcp_state), state_name(s->ipcp_state));
	printf("local %s peer %s\n", ip(s->local, b[0]), ip(s->peer, b[1]));
	printf("dns %s %s\n", ip(s->dns[0], b[2]), ip(s->dns[1], b[3]));
	printf("nbns %s %s\n", ip(s->nbns[0], b[0]), ip(s->nbns[1], b[1]));
	printf("dropped rx %u tx %u\n", s->rx_dropped, s->tx_dropped);
}

static int cmd_ref(int argc, char **argv, unsigned long req)
{
	struct ipcp_neg_status s;

	if (argc != 2)
		usage();
	memset(&s, 0, sizeof(s));
	if (req != IPCP_NEG_IOC_STATUS)
		return ref_ioctl(argv[1], req, &s.ref, &s.ref);
	if (ref_ioctl(argv[1], req, &s, &s.ref))
		return 1;
	print_status(&s);
	return 0;
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
	if (argc < 3)
		usage();
	if (copy_name(p.name, sizeof(p.name), argv[2], "pool"))
		return 1;
	if (!strcmp(argv[1], "del") && argc == 3)
		return pool_ioctl(IPCP_NEG_IOC_POOL_DEL, &p);
	if (strcmp(argv[1], "add") || (argc != 4 && argc != 6))
		usage();
	if (pool_range(argv[3], &p))
		return 1;
	if (argc == 6) {
		if (strcmp(argv[4], "--next"))
			usage();
		if (copy_name(p.next, sizeof(p.next), argv[5], "pool"))
			return 1;
	}
	return pool_ioctl(IPCP_NEG_IOC_POOL_ADD, &p);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		usage();
	if (!strcmp(argv[1], "attach"))
		return cmd_attach(argc - 1, argv + 1);
	if (!strcmp(argv[1], "unit"))
		return cmd_unit(argc - 1);
	if (!strcmp(argv[1], "detach"))
		return cmd_ref(argc - 1, argv + 1, IPCP_NEG_IOC_DETACH);
	if (!strcmp(argv[1], "renegotiate"))
		return cmd_ref(argc - 1, argv + 1, IPCP_NEG_IOC_RENEGOTIATE);
	if (!strcmp(argv[1], "status"))
		return cmd_ref(argc - 1, argv + 1, IPCP_NEG_IOC_STATUS);
	if (!strcmp(argv[1], "pool"))
		return cmd_pool(argc - 1, argv + 1);
	usage();
	return 2;
}
