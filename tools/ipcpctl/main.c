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
 *   ipcpctl [-force] -batch FILE
 *
 * attach, unit (attach.c) and detach, renegotiate (detach.c) use the
 * control device (ctl.c) and /dev/ppp (ppp.c); status (status.c), set
 * (set.c) and pool show (pool.c) read and write the module's sysfs files
 * (sysfs.c), status falling back to the STATUS ioctl (status_ioctl.c);
 * monitor (monitor.c) prints the module's uevents (uevent.c); -batch
 * (batch.c) runs one of these commands a line, in this one process: so a
 * subcommand returns its exit status, never exits, and closes what it
 * opened.
 */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipcpctl.h"

static const char *prog = "ipcpctl";

/* Where a batch is ("FILE:LINE"), replacing "ipcpctl" in messages */
static char where[PATH_MAX + 32];
static unsigned long messages;

/* One subcommand: each of its usage lines follows "ipcpctl " */
struct subcommand {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *usage[3];
	int no_batch;
};

#define CMD(n, ...)	{ .name = #n, .main = n##_main, .usage = { __VA_ARGS__ } }

static const struct subcommand subcommands[] = {
	CMD(attach,
	    "attach (--tty DEV | --pppoe IFACE --session ID --peer MAC | --chan N)\n"
	    "           --role server|client [--local A] [--remote B | --pool NAME]\n"
	    "           [--dns A[,B]] [--nbns A[,B]] [--forced] [--request-dns]\n"
	    "           [--request-nbns] [--pool-empty ipcp-close|terminate]\n"
	    "           [--unit N] [--mru N] [--asyncmap HEX | --default-asyncmap]\n"
	    "           [--no-pcomp] [--no-accomp]"),
	CMD(unit, "unit"),
	CMD(detach, "detach IFNAME|ID"),
	CMD(renegotiate, "renegotiate IFNAME|ID"),
	CMD(status, "status [IFNAME|ID] [--json]"),
	CMD(set, "set IFNAME ATTR VALUE..."),
	{ .name = "monitor", .main = monitor_main,
	  .usage = { "monitor [--json]" }, .no_batch = 1 },
	CMD(pool, "pool add NAME FIRST-LAST [--next NAME]", "pool del NAME",
	    "pool show [NAME] [--json]"),
};

#undef CMD

/* The subcommand running, for the usage a batch prints */
static const struct subcommand *running;

void err_msg(const char *fmt, ...)
{
	va_list ap;

	messages++;
	fprintf(stderr, "%s: ", where[0] ? where : prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

unsigned long err_count(void)
{
	return messages;
}

void err_where(const char *file, unsigned long line)
{
	if (file)
		snprintf(where, sizeof(where), "%s:%lu", file, line);
	else
		where[0] = '\0';
}

/* The usage lines of @c, the first after @lead */
static void print_usage(const char *lead, const struct subcommand *c)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(c->usage) && c->usage[i]; i++)
		fprintf(stderr, "%s%s %s\n", i ? "       " : lead, prog,
			c->usage[i]);
}

int bad_usage(void)
{
	size_t i;

	if (where[0] && running) {
		messages++;
		fprintf(stderr, "%s: ", where);
		print_usage("usage: ", running);
		return 2;
	}
	for (i = 0; i < ARRAY_SIZE(subcommands); i++)
		print_usage(i ? "       " : "usage: ", &subcommands[i]);
	fprintf(stderr, "       %s [-force] -batch FILE\n", prog);
	return 2;
}

int run_command(int argc, char **argv, int batch)
{
	const struct subcommand *c;
	size_t i;
	int ret;

	for (i = 0; i < ARRAY_SIZE(subcommands); i++) {
		c = &subcommands[i];
		if (strcmp(argv[0], c->name))
			continue;
		if (batch && c->no_batch) {
			err_msg("%s cannot run in a batch", c->name);
			return 1;
		}
		/* getopt starts afresh: 0, not 1, resets GNU getopt fully */
		optind = 0;
		running = c;
		ret = c->main(argc, argv);
		running = NULL;
		return ret;
	}
	if (batch) {
		err_msg("unknown command '%s'", argv[0]);
		return 1;
	}
	return bad_usage();
}

/* ipcpctl [-force] -batch FILE, in either order, as ip(8) takes them */
static int batch_args(int argc, char **argv)
{
	const char *file = NULL;
	int i, force = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-force") || !strcmp(argv[i], "--force"))
			force = 1;
		else if ((!strcmp(argv[i], "-batch") ||
			  !strcmp(argv[i], "--batch")) && i + 1 < argc && !file)
			file = argv[++i];
		else
			return bad_usage();
	}
	if (!file)
		return bad_usage();
	return batch_run(file, force);
}

int main(int argc, char **argv)
{
	if (argc < 2)
		return bad_usage();
	if (argv[1][0] == '-')
		return batch_args(argc, argv);
	return run_command(argc - 1, argv + 1, 0);
}
