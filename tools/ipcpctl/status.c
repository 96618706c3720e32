// SPDX-License-Identifier: GPL-2.0
/*
 * status.c: the status subcommand, from the links' sysfs directories as
 * text (modelled on VRP's "display interface" and "display ppp") or JSON;
 * a module without them is asked through the STATUS ioctl (status_ioctl.c).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipcpctl.h"
#include "ipcp_neg_names.h"
#include "json.h"
#include "sysfs.h"

/* "A B" (or "A") as two words, 0.0.0.0 for a missing one */
struct pair {
	char a[SYSFS_VAL_SIZE], b[SYSFS_VAL_SIZE];
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

	if (sysfs_read("/proc", "uptime", buf, sizeof(buf)))
		return -1;
	return strtol(buf, NULL, 10);
}

/* Seconds IPCP has been Opened, -1 when it is not (or unknown) */
static long link_uptime(const char *dir)
{
	const char *since = sysfs_val(dir, "state/up_since");
	long now = boot_seconds(), t;

	if (!json_is_number(since) || now < 0)
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

static void print_config(const char *d, const char *role)
{
	struct pair dns, nbns;

	if (!strcmp(role, "client")) {
		printf("config local %s request_dns %s request_nbns %s\n",
		       sysfs_val(d, "local"), sysfs_val(d, "request_dns"),
		       sysfs_val(d, "request_nbns"));
		return;
	}
	printf("config local %s remote %s pool %s forced %s pool_empty %s\n",
	       sysfs_val(d, "local"), sysfs_val(d, "remote"),
	       or_dash(sysfs_val(d, "pool")), sysfs_val(d, "forced"),
	       sysfs_val(d, "pool_empty"));
	split_pair(sysfs_val(d, "dns"), &dns);
	split_pair(sysfs_val(d, "nbns"), &nbns);
	printf("config dns %s %s nbns %s %s\n", dns.a, dns.b, nbns.a, nbns.b);
}

/* Rows of the counters table: counters/<proto>_<tx|rx>_<suffix> */
static const struct {
	const char *suffix;
	const char *name;
	int lcp_only;
} count_rows[] = {
#define CODE_ROW(code, suffix, name, lcp_only)	{ suffix, name, lcp_only },
	IPCP_NEG_CODE_NAMES(CODE_ROW)
#undef CODE_ROW
};

static const char *counter(const char *d, const char *proto, const char *dir,
			   const char *suffix)
{
	char name[64];

	snprintf(name, sizeof(name), "counters/%s_%s_%s", proto, dir, suffix);
	return sysfs_val(d, name);
}

/* The reasons frames are dropped for: counters/drop_<name> */
#define DROP_NAME(id, rx, name, text)	name,
static const char * const drop_names[] = {
	IPCP_NEG_DROP_NAMES(DROP_NAME)
};

/* One row per reason, with its count: "-" if the module has no such file */
static void print_drops(const char *d)
{
	char name[64];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(drop_names); i++) {
		snprintf(name, sizeof(name), "counters/drop_%s", drop_names[i]);
		printf("  %-18s %9s\n", drop_names[i], sysfs_val(d, name));
	}
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
	printf("malformed lcp %s ipcp %s\n",
	       sysfs_val(d, "counters/lcp_malformed"),
	       sysfs_val(d, "counters/ipcp_malformed"));
	printf("discarded lcp %s ipcp %s\n",
	       sysfs_val(d, "counters/lcp_discarded"),
	       sysfs_val(d, "counters/ipcp_discarded"));
	printf("nak_loops lcp %s ipcp %s\n",
	       sysfs_val(d, "counters/lcp_nak_loops"),
	       sysfs_val(d, "counters/ipcp_nak_loops"));
	printf("addr_changes %s\n", sysfs_val(d, "counters/addr_changes"));
	printf("ipcp_renegotiations %s\n",
	       sysfs_val(d, "counters/ipcp_renegotiations"));
	printf("dropped rx %s tx %s\n", sysfs_val(d, "counters/rx_dropped"),
	       sysfs_val(d, "counters/tx_dropped"));
	print_drops(d);
}

static void print_link(const struct link_dir *l)
{
	const char *d = l->path;
	char lcp[32], ipcp[32], role[SYSFS_VAL_SIZE];
	struct pair dns, nbns;

	strcpy(role, sysfs_val(d, "role"));
	printf("%s id %s role %s lcp %s ipcp %s\n", l->ifname,
	       sysfs_val(d, "id"), role,
	       state_rfc_of(sysfs_val(d, "state/lcp"), lcp, sizeof(lcp)),
	       state_rfc_of(sysfs_val(d, "state/ipcp"), ipcp, sizeof(ipcp)));
	printf("local %s peer %s\n", sysfs_val(d, "state/local"),
	       sysfs_val(d, "state/peer"));
	split_pair(sysfs_val(d, "state/dns"), &dns);
	split_pair(sysfs_val(d, "state/nbns"), &nbns);
	printf("dns %s %s\n", dns.a, dns.b);
	printf("nbns %s %s\n", nbns.a, nbns.b);
	print_uptime(d);
	printf("reason %s\n", sysfs_val(d, "state/reason"));
	printf("timers restart_ms %s max_configure %s max_terminate %s max_failure %s\n",
	       sysfs_val(d, "restart_ms"), sysfs_val(d, "max_configure"),
	       sysfs_val(d, "max_terminate"), sysfs_val(d, "max_failure"));
	print_config(d, role);
	print_counters(d);
}

static int counter_file(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

/* Every file of counters/ as a number */
static void json_counters(struct json *js, const char *d)
{
	struct sysfs_json_attr a = { .type = SYSFS_JSON_NUM };
	struct dirent **names;
	char path[PATH_MAX];
	int i, n;

	json_begin(js, '{');
	n = -1;
	if (!sysfs_path(path, sizeof(path), "%s/counters", d))
		n = scandir(path, &names, counter_file, alphasort);
	for (i = 0; i < n; i++) {
		a.key = names[i]->d_name;
		a.file = names[i]->d_name;
		sysfs_json(js, path, &a, 1);
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	json_end(js, '}');
}

#define STR(key, file)		{ key, file, SYSFS_JSON_STR }
#define NUM(key, file)		{ key, file, SYSFS_JSON_NUM }
#define WORDS(key, file)	{ key, file, SYSFS_JSON_WORDS }

/* The keys of a link's JSON object up to "uptime", and after it */
static const struct sysfs_json_attr link_state[] = {
	NUM("id", "id"), STR("role", "role"),
	STR("lcp", "state/lcp"), STR("ipcp", "state/ipcp"),
	STR("local", "state/local"), STR("peer", "state/peer"),
	WORDS("dns", "state/dns"), WORDS("nbns", "state/nbns"),
	NUM("up_since", "state/up_since"),
};

static const struct sysfs_json_attr link_reason[] = {
	STR("reason", "state/reason"),
};

static const struct sysfs_json_attr link_timers[] = {
	NUM("restart_ms", "restart_ms"), NUM("max_configure", "max_configure"),
	NUM("max_terminate", "max_terminate"), NUM("max_failure", "max_failure"),
};

static const struct sysfs_json_attr link_config[] = {
	STR("local", "local"), STR("remote", "remote"), STR("pool", "pool"),
	NUM("forced", "forced"), STR("pool_empty", "pool_empty"),
	WORDS("dns", "dns"), WORDS("nbns", "nbns"),
	NUM("request_dns", "request_dns"), NUM("request_nbns", "request_nbns"),
};

#undef STR
#undef NUM
#undef WORDS

/* "@key": { the attributes } */
static void json_object(struct json *js, const char *key, const char *d,
			const struct sysfs_json_attr *attrs, size_t n)
{
	json_key(js, key);
	json_begin(js, '{');
	sysfs_json(js, d, attrs, n);
	json_end(js, '}');
}

static void json_link(struct json *js, const struct link_dir *l)
{
	const char *d = l->path;
	long up = link_uptime(d);

	json_begin(js, '{');
	json_kstr(js, "ifname", l->ifname);
	sysfs_json(js, d, link_state, ARRAY_SIZE(link_state));
	json_key(js, "uptime");
	if (up < 0)
		json_num(js, NULL);
	else
		json_long(js, up);
	sysfs_json(js, d, link_reason, ARRAY_SIZE(link_reason));
	json_object(js, "timers", d, link_timers, ARRAY_SIZE(link_timers));
	json_object(js, "config", d, link_config, ARRAY_SIZE(link_config));
	json_key(js, "counters");
	json_counters(js, d);
	json_end(js, '}');
}

/* The @n links of @v as text, or as one JSON array when @js */
static void show_links(const struct link_dir *v, int n, struct json *js)
{
	int i;

	if (js)
		json_begin(js, '[');
	for (i = 0; i < n; i++) {
		if (js) {
			json_link(js, &v[i]);
			continue;
		}
		if (i)
			putchar('\n');
		print_link(&v[i]);
	}
	if (js) {
		json_end(js, ']');
		json_end_doc(js);
	}
}

int status_main(int argc, char **argv)
{
	int json = take_flag(&argc, argv, "--json");
	struct json jw, *js = NULL;
	struct link_dir l, *v;
	int n;

	if (argc > 2)
		return bad_usage();
	if (json) {
		json_init(&jw, stdout);
		js = &jw;
	}
	if (argc == 2) {
		if (!sysfs_find_link(argv[1], &l)) {
			show_links(&l, 1, js);
			return 0;
		}
		if (!sysfs_faked())
			return status_ioctl_one(argv[1], js);
		err_msg("%s: no link managed by ipcp_neg", argv[1]);
		return 1;
	}
	n = sysfs_list_links(&v);
	if (n <= 0 && !sysfs_faked()) {
		free(v);
		return status_ioctl_all(js);
	}
	show_links(v, n < 0 ? 0 : n, js);
	free(v);
	return 0;
}
