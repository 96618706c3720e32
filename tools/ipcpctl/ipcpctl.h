/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ipcpctl.h: what the subcommands share: their entry points (the table is
 * in main.c), messages, argument parsing, the control device, the names
 * of the shared table, and what attach opens on the ppp_generic side.
 */
#ifndef IPCPCTL_H
#define IPCPCTL_H

#include <stddef.h>
#include <linux/types.h>

#include "ipcp_neg.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define __maybe_unused	__attribute__((__unused__))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))

/* The subcommands: argv[0] is the subcommand's name */
int attach_main(int argc, char **argv);
int unit_main(int argc, char **argv);
int detach_main(int argc, char **argv);
int renegotiate_main(int argc, char **argv);
int status_main(int argc, char **argv);
int set_main(int argc, char **argv);
int monitor_main(int argc, char **argv);
int pool_main(int argc, char **argv);

/*
 * main.c: "ipcpctl: <message>" on stderr ("FILE:LINE: <message>" in a
 * batch, after err_where()), and how many were printed; the usage, whose
 * exit status 2 bad_usage() returns; one command line (argv[0] the
 * subcommand) run, its exit status returned, @batch when from a batch
 */
__printf(1, 2) void err_msg(const char *fmt, ...);
unsigned long err_count(void);
void err_where(const char *file, unsigned long line);
int bad_usage(void);
int run_command(int argc, char **argv, int batch);

/* batch.c: the commands of @file ("-": stdin), one a line */
int batch_run(const char *file, int force);

/* args.c: parsers that say what is wrong (err_msg) and return -1 */
int parse_addr(const char *s, __be32 *out);
int parse_addr_pair(const char *s, __be32 out[2]);
int parse_long(const char *s, long min, long max, long *out);
int copy_name(char *dst, size_t size, const char *src, const char *what);
int take_flag(int *argc, char **argv, const char *flag);

/* "-" for a missing or empty value */
static inline const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

/* ctl.c: the control device, /dev/ipcp_neg */
int ctl_open(void);
const char *ctl_strerror(int err);
int ctl_ref_ioctl(int fd, const char *s, unsigned long req, void *arg,
		  struct ipcp_neg_ref *ref, int quiet);

/* names.c: the names of include/uapi/ipcp_neg_names.h */
const char *state_name(__u32 st);
const char *state_rfc(__u32 st);
const char *state_rfc_of(const char *name, char *buf, size_t size);

/* status_ioctl.c: status through the STATUS ioctl, for a module without sysfs */
struct json;
int status_ioctl_one(const char *ref, struct json *js);
int status_ioctl_all(struct json *js);

/* Everything attach opened, closed in reverse on failure (-1: not open) */
struct attach_state {
	int ctl;
	int transport;
	int bridge;
	int unit;
	int upper;
	int tty_ldisc_set;
	int old_ldisc;
};

/* ppp.c: the transports and the /dev/ppp files */
int ppp_open(const char *what);
int ppp_open_tty(struct attach_state *st, const char *path, int *chan);
int ppp_open_pppoe(struct attach_state *st, const char *ifname, long session,
		   const char *peer_mac, int *chan);
int ppp_bridge(struct attach_state *st, int chan, __u32 lower);
int ppp_make_unit(struct attach_state *st, __u32 upper, int existing);

#endif /* IPCPCTL_H */
