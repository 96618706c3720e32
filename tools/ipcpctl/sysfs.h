/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sysfs.h: reading the module's sysfs files: a link's directory
 * <sysfs>/class/net/IF/ipcp_neg/, the pools' <sysfs>/kernel/ipcp_neg/pools/.
 */
#ifndef IPCPCTL_SYSFS_H
#define IPCPCTL_SYSFS_H

#include <limits.h>
#include <stddef.h>
#include <net/if.h>

#include "ipcpctl.h"

struct json;

/* The size of a short attribute's value, as sysfs_val() returns it */
#define SYSFS_VAL_SIZE	128

const char *sysfs_root(void);
int sysfs_faked(void);
__printf(3, 4) int sysfs_path(char *buf, size_t size, const char *fmt, ...);
int sysfs_is_dir(const char *path);
int sysfs_read(const char *dir, const char *name, char *buf, size_t size);
const char *sysfs_val(const char *dir, const char *name);

/* How sysfs_json() writes an attribute; null when it cannot be read */
enum sysfs_json_type {
	SYSFS_JSON_STR,		/* a string */
	SYSFS_JSON_NUM,		/* a number, null when it is not one */
	SYSFS_JSON_WORDS,	/* "A B" as ["A","B"] */
};

/* An attribute of a directory as a JSON key and its value */
struct sysfs_json_attr {
	const char *key;
	const char *file;	/* relative to the directory */
	enum sysfs_json_type type;
};

void sysfs_json(struct json *js, const char *dir,
		const struct sysfs_json_attr *attrs, size_t n);

/* One link: its interface and its directory <sysfs>/class/net/IF/ipcp_neg */
struct link_dir {
	char ifname[IFNAMSIZ];
	char path[PATH_MAX];
};

int sysfs_link_dir(const char *ifname, struct link_dir *l);
int sysfs_list_links(struct link_dir **out);
int sysfs_find_link(const char *ref, struct link_dir *l);

#endif /* IPCPCTL_SYSFS_H */
