// SPDX-License-Identifier: GPL-2.0
/*
 * attach.c: the attach subcommand (a link on a transport, handed over to
 * the module) and the unit subcommand (a bare PPP unit for attach --unit).
 *
 * attach prints "IFNAME ID" and returns; the module keeps the link's files
 * open, and attach closes every descriptor it opened (a batch runs many).
 * On any failure everything done so far is undone. With --unit N the link
 * runs on the existing unit pppN (PPPIOCATTACH) instead of a new one:
 * the module deletes the unit's IPv4 addresses, and on detach leaves the
 * unit to whoever created it. The unit must have no other channel.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/ppp-ioctl.h>

#include "ipcpctl.h"

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

enum {
	OPT_TTY = 256, OPT_PPPOE, OPT_SESSION, OPT_PEER, OPT_CHAN, OPT_ROLE,
	OPT_LOCAL, OPT_REMOTE, OPT_POOL, OPT_DNS, OPT_NBNS, OPT_FORCED,
	OPT_REQ_DNS, OPT_REQ_NBNS, OPT_POOL_EMPTY, OPT_UNIT, OPT_MRU,
	OPT_ASYNCMAP, OPT_DEFAULT_ASYNCMAP, OPT_NO_PCOMP, OPT_NO_ACCOMP,
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
	{ "mru", required_argument, NULL, OPT_MRU },
	{ "asyncmap", required_argument, NULL, OPT_ASYNCMAP },
	{ "default-asyncmap", no_argument, NULL, OPT_DEFAULT_ASYNCMAP },
	{ "no-pcomp", no_argument, NULL, OPT_NO_PCOMP },
	{ "no-accomp", no_argument, NULL, OPT_NO_ACCOMP },
	{ NULL, 0, NULL, 0 },
};

/* An option that takes one of two words, each standing for a value */
struct choice {
	const char *word[2];
	__u32 value[2];
};

static const struct choice roles = {
	{ "server", "client" },
	{ IPCP_NEG_ROLE_SERVER, IPCP_NEG_ROLE_CLIENT },
};

static const struct choice pool_empty = {
	{ "ipcp-close", "terminate" },
	{ IPCP_NEG_POOL_EMPTY_CLOSE, IPCP_NEG_POOL_EMPTY_TERM },
};

static int parse_choice(const char *opt, const struct choice *c,
			const char *s, __u32 *out)
{
	int i;

	for (i = 0; i < 2; i++) {
		if (!strcmp(s, c->word[i])) {
			*out = c->value[i];
			return 0;
		}
	}
	err_msg("%s: '%s' or '%s', not '%s'", opt, c->word[0], c->word[1], s);
	return -1;
}

/* --asyncmap: hexadecimal, with or without 0x, as pppd's asyncmap */
static int parse_asyncmap(const char *s, __u32 *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 16);
	if (errno || end == s || *end || *s == '-' || v > 0xffffffffUL) {
		err_msg("--asyncmap: '%s' is not a 32-bit hexadecimal map", s);
		return -1;
	}
	*out = v;
	return 0;
}

/* LCP's options (tty links; see Documentation/ipcp_neg.rst) */
static int attach_lcp_opt(int c, const char *arg, struct attach_opts *o)
{
	long v;

	switch (c) {
	case OPT_MRU:
		if (parse_long(arg, IPCP_NEG_MRU_MIN, IPCP_NEG_MRU_MAX, &v))
			return -1;
		o->cr.mru = v;
		return 0;
	case OPT_ASYNCMAP:
		return parse_asyncmap(arg, &o->cr.asyncmap);
	case OPT_DEFAULT_ASYNCMAP:
		o->cr.lcp_flags |= IPCP_NEG_LCP_F_DEFAULT_ASYNCMAP;
		return 0;
	case OPT_NO_PCOMP:
		o->cr.lcp_flags |= IPCP_NEG_LCP_F_NO_PCOMP;
		return 0;
	case OPT_NO_ACCOMP:
		o->cr.lcp_flags |= IPCP_NEG_LCP_F_NO_ACCOMP;
		return 0;
	}
	return bad_usage();
}

/* One option: 0, -1 for a bad value, or bad_usage()'s status */
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
		o->have_role = 1;
		return parse_choice("--role", &roles, arg, &o->cr.role);
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
		return parse_choice("--pool-empty", &pool_empty, arg,
				    &o->cr.pool_empty);
	case OPT_UNIT:
		if (!strncmp(arg, "ppp", 3))
			arg += 3;
		return parse_long(arg, 0, 0x7fffffff, &o->unit);
	}
	return attach_lcp_opt(c, arg, o);
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
	if (o->pppoe_if && (o->cr.asyncmap || o->cr.lcp_flags)) {
		err_msg("--asyncmap, --default-asyncmap, --no-pcomp, --no-accomp: tty only");
		return -1;
	}
	if (o->cr.asyncmap &&
	    (o->cr.lcp_flags & IPCP_NEG_LCP_F_DEFAULT_ASYNCMAP)) {
		err_msg("give one of --asyncmap and --default-asyncmap");
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
		return ppp_open_tty(st, o->tty, chan);
	if (o->pppoe_if)
		return ppp_open_pppoe(st, o->pppoe_if, o->session, o->peer_mac,
				      chan);
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
#define ATTACH_ENOTCONN \
	"the link's UPPER channel is not connected to that unit, or the transport is not connected"

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
		return ATTACH_ENOTCONN;
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

int attach_main(int argc, char **argv)
{
	struct attach_state st = { -1, -1, -1, -1, -1, 0, 0 };
	struct attach_opts o;
	int c, chan, ret;

	memset(&o, 0, sizeof(o));
	o.unit = -1;
	while ((c = getopt_long(argc, argv, "", attach_longopts, NULL)) != -1) {
		ret = attach_opt(c, optarg, &o);
		if (ret)
			return ret < 0 ? 1 : ret;
	}
	if (optind != argc)
		return bad_usage();
	if (attach_check(&o))
		return 1;
	st.ctl = ctl_open();
	if (st.ctl < 0)
		return 1;
	if (attach_open_transport(&st, &o, &chan) ||
	    attach_create(&st, &o) ||
	    ppp_bridge(&st, chan, o.cr.lower_chan) ||
	    ppp_make_unit(&st, o.cr.upper_chan, o.unit) ||
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
int unit_main(int argc, char **argv __maybe_unused)
{
	int fd, unit = -1;

	if (argc != 1)
		return bad_usage();
	fd = ppp_open("unit");
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
