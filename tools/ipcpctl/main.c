// SPDX-License-Identifier: GPL-2.0
/*
 * ipcpctl: attach PPP links to the ipcp_neg kernel module, and manage them.
 * This file holds the table of subcommands, the usage and the messages;
 * each subcommand is its own file. The manual page is tools/ipcpctl.8.
 *
 *   ipcpctl attach (--tty DEV | --pppoe IFACE --session ID --peer MAC |
 *                   --chan N) --role server|client [--local A]
 *                  [--remote B | --pool NAME] [--dns A[,B]] [--nbns A[,B]]
 *                  [--forced] [--request-dns] [--request-nbns]
 *                  [--pool-empty ipcp-close|terminate] [--unit N]
 *                  [--mru N] [--asyncmap HEX | --default-asyncmap]
 *                  [--no-pcomp] [--no-accomp]
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
 * attach, unit (attach.c) and detach, renegotiate (detach.c) use the
 * control device (ctl.c) and /dev/ppp (ppp.c); status (status.c), set
 * (set.c) and pool show (pool.c) read and write the module's sysfs files
 * (sysfs.c), status falling back to the STATUS ioctl (status_ioctl.c);
 * monitor (monitor.c) prints the module's uevents (uevent.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipcpctl.h"

static const char *prog = "ipcpctl";

static const struct {
	const char *name;
	int (*main)(int argc, char **argv);
} subcommands[] = {
	{ "attach", attach_main },
	{ "unit", unit_main },
	{ "detach", detach_main },
	{ "renegotiate", renegotiate_main },
	{ "status", status_main },
	{ "set", set_main },
	{ "monitor", monitor_main },
	{ "pool", pool_main },
};

void err_msg(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void bad_usage(void)
{
	fprintf(stderr,
		"usage: %s attach (--tty DEV | --pppoe IFACE --session ID --peer MAC | --chan N)\n"
		"           --role server|client [--local A] [--remote B | --pool NAME]\n"
		"           [--dns A[,B]] [--nbns A[,B]] [--forced] [--request-dns]\n"
		"           [--request-nbns] [--pool-empty ipcp-close|terminate]\n"
		"           [--unit N] [--mru N] [--asyncmap HEX | --default-asyncmap]\n"
		"           [--no-pcomp] [--no-accomp]\n"
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

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2)
		bad_usage();
	for (i = 0; i < ARRAY_SIZE(subcommands); i++)
		if (!strcmp(argv[1], subcommands[i].name))
			return subcommands[i].main(argc - 1, argv + 1);
	bad_usage();
}
