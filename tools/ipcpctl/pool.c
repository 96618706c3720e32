// SPDX-License-Identifier: GPL-2.0
/*
 * pool.c: the pool subcommand: pool add and pool del through the control
 * device, pool show from <sysfs>/kernel/ipcp_neg/pools/<name>/.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/ioctl.h>

#include "ipcpctl.h"
#include "json.h"
#include "sysfs.h"

#define RANGES_SIZE	8192

/* A pool's directory; not the files pools/create and pools/delete */
static int pool_dir(const struct dirent *d)
{
	if (d->d_name[0] == '.')
		return 0;
	if (d->d_type == DT_DIR)
		return 1;
	return d->d_type == DT_UNKNOWN && strcmp(d->d_name, "create") &&
		strcmp(d->d_name, "delete");
}

static void print_pool(const char *dir, const char *name)
{
	char ranges[RANGES_SIZE], *line, *save;

	printf("%-16s %10s %10s %10s %10s  %s\n", name,
	       sysfs_val(dir, "total"), sysfs_val(dir, "used"),
	       sysfs_val(dir, "free"), sysfs_val(dir, "memory"),
	       or_dash(sysfs_val(dir, "next")));
	if (sysfs_read(dir, "ranges", ranges, sizeof(ranges)))
		return;
	for (line = strtok_r(ranges, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		printf("  %s\n", line);
}

/* The keys of a pool's JSON object after "name" and "ranges" */
static const struct sysfs_json_attr pool_attrs[] = {
	{ "next", "next", SYSFS_JSON_STR },
	{ "total", "total", SYSFS_JSON_NUM },
	{ "used", "used", SYSFS_JSON_NUM },
	{ "free", "free", SYSFS_JSON_NUM },
	{ "memory", "memory", SYSFS_JSON_NUM },
};

static void json_pool(struct json *js, const char *dir, const char *name)
{
	char ranges[RANGES_SIZE], *line, *save;

	json_begin(js, '{');
	json_kstr(js, "name", name);
	json_key(js, "ranges");
	if (sysfs_read(dir, "ranges", ranges, sizeof(ranges))) {
		json_num(js, NULL);
	} else {
		json_begin(js, '[');
		for (line = strtok_r(ranges, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save))
			json_str(js, line);
		json_end(js, ']');
	}
	sysfs_json(js, dir, pool_attrs, ARRAY_SIZE(pool_attrs));
	json_end(js, '}');
}

static void show_pool(const char *pools, const char *name, struct json *js)
{
	char dir[PATH_MAX];

	if (sysfs_path(dir, sizeof(dir), "%s/%s", pools, name))
		return;
	if (js)
		json_pool(js, dir, name);
	else
		print_pool(dir, name);
}

static int pool_show(int argc, char **argv)
{
	int json = take_flag(&argc, argv, "--json");
	char pools[PATH_MAX], dir[PATH_MAX];
	struct dirent **names;
	struct json jw;
	int i, n;

	if (argc > 3)
		return bad_usage();
	if (sysfs_path(pools, sizeof(pools), "%s/kernel/ipcp_neg/pools",
		       sysfs_root()))
		return 1;
	if (!sysfs_is_dir(pools)) {
		err_msg("%s: not found (is a module with sysfs pools loaded?)",
			pools);
		return 1;
	}
	if (argc == 3 && (strchr(argv[2], '/') || argv[2][0] == '.' ||
			  sysfs_path(dir, sizeof(dir), "%s/%s", pools, argv[2]) ||
			  !sysfs_is_dir(dir))) {
		err_msg("pool %s: no such pool", argv[2]);
		return 1;
	}
	n = scandir(pools, &names, pool_dir, versionsort);
	if (n < 0) {
		err_msg("%s: %s (is a module with sysfs pools loaded?)", pools,
			strerror(errno));
		return 1;
	}
	json_init(&jw, stdout);
	if (json)
		json_begin(&jw, '[');
	else
		printf("%-16s %10s %10s %10s %10s  %s\n", "Pool", "Total",
		       "Used", "Free", "Memory", "Next");
	for (i = 0; i < n; i++) {
		if (argc < 3 || !strcmp(argv[2], names[i]->d_name))
			show_pool(pools, names[i]->d_name, json ? &jw : NULL);
		free(names[i]);
	}
	free(names);
	if (json) {
		json_end(&jw, ']');
		json_end_doc(&jw);
	}
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

	fd = ctl_open();
	if (fd < 0)
		return 1;
	ret = ioctl(fd, req, p);
	if (ret < 0 && errno == EEXIST)
		err_msg("pool %s: the range overlaps a range of a pool", p->name);
	else if (ret < 0 && errno == EDQUOT)
		err_msg("pool %s: %s", p->name,
			"the range would take this namespace's pools past the module's userns_pool_addrs bound (namespaces of other user namespaces)");
	else if (ret < 0 && errno == ENOENT)
		err_msg("pool %s: no such pool%s", req == IPCP_NEG_IOC_POOL_ADD ?
			p->next : p->name,
			req == IPCP_NEG_IOC_POOL_ADD ? " (--next)" : "");
	else if (ret < 0)
		err_msg("pool %s: %s", p->name, ctl_strerror(errno));
	close(fd);
	return ret < 0;
}

int pool_main(int argc, char **argv)
{
	struct ipcp_neg_pool_req p;

	memset(&p, 0, sizeof(p));
	if (argc >= 2 && !strcmp(argv[1], "show"))
		return pool_show(argc, argv);
	if (argc < 3)
		return bad_usage();
	if (copy_name(p.name, sizeof(p.name), argv[2], "pool"))
		return 1;
	if (!strcmp(argv[1], "del") && argc == 3)
		return pool_ioctl(IPCP_NEG_IOC_POOL_DEL, &p);
	if (strcmp(argv[1], "add") || (argc != 4 && argc != 6))
		return bad_usage();
	if (pool_range(argv[3], &p))
		return 1;
	if (argc == 6) {
		if (strcmp(argv[4], "--next"))
			return bad_usage();
		if (copy_name(p.next, sizeof(p.next), argv[5], "pool"))
			return 1;
	}
	return pool_ioctl(IPCP_NEG_IOC_POOL_ADD, &p);
}
