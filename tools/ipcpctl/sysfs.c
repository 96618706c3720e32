// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs.c: the reader of the module's sysfs files, and the lookup of links
 * by interface or id there. IPCPCTL_SYSFS replaces /sys: a testing aid, a
 * directory laid out like sysfs; then status does not fall back to the
 * ioctls.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "json.h"
#include "sysfs.h"

const char *sysfs_root(void)
{
	const char *root = getenv("IPCPCTL_SYSFS");

	return root && *root ? root : "/sys";
}

int sysfs_faked(void)
{
	const char *root = getenv("IPCPCTL_SYSFS");

	return root && *root;
}

/* A path from a format; -1 (ENAMETOOLONG) when it does not fit */
int sysfs_path(char *buf, size_t size, const char *fmt, ...)
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

int sysfs_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* DIR/NAME into BUF without trailing newlines; -1 (errno) if unreadable */
int sysfs_read(const char *dir, const char *name, char *buf, size_t size)
{
	char path[PATH_MAX];
	ssize_t n;
	int fd;

	if (sysfs_path(path, sizeof(path), "%s/%s", dir, name))
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

const char *sysfs_val(const char *dir, const char *name)
{
	static char slot[VAL_SLOTS][SYSFS_VAL_SIZE];
	static unsigned int next;
	char *buf = slot[next++ % VAL_SLOTS];

	if (sysfs_read(dir, name, buf, SYSFS_VAL_SIZE))
		strcpy(buf, "?");
	return buf;
}

/* The @n attributes @attrs of @dir, each a key and its value */
void sysfs_json(struct json *js, const char *dir,
		const struct sysfs_json_attr *attrs, size_t n)
{
	char buf[SYSFS_VAL_SIZE];
	size_t i;

	for (i = 0; i < n; i++) {
		json_key(js, attrs[i].key);
		if (sysfs_read(dir, attrs[i].file, buf, sizeof(buf)))
			json_num(js, NULL);
		else if (attrs[i].type == SYSFS_JSON_NUM)
			json_num(js, buf);
		else if (attrs[i].type == SYSFS_JSON_WORDS)
			json_words(js, buf);
		else
			json_str(js, buf);
	}
}

/* The link of interface @ifname; -1 when it has none (or a bad name) */
int sysfs_link_dir(const char *ifname, struct link_dir *l)
{
	if (!*ifname || strlen(ifname) >= IFNAMSIZ || strchr(ifname, '/') ||
	    !strcmp(ifname, ".") || !strcmp(ifname, ".."))
		return -1;
	strcpy(l->ifname, ifname);
	if (sysfs_path(l->path, sizeof(l->path), "%s/class/net/%s/ipcp_neg",
		       sysfs_root(), ifname))
		return -1;
	return sysfs_is_dir(l->path) ? 0 : -1;
}

static int link_cmp(const void *a, const void *b)
{
	const struct link_dir *x = a, *y = b;

	return strverscmp(x->ifname, y->ifname);
}

/*
 * Every link of this network namespace, in interface order, in an array
 * the caller frees; their number, -1 on error
 */
int sysfs_list_links(struct link_dir **out)
{
	struct link_dir *v = NULL, *nv;
	char path[PATH_MAX];
	struct dirent *d;
	int n = 0, cap = 0;
	DIR *dir;

	*out = NULL;
	if (sysfs_path(path, sizeof(path), "%s/class/net", sysfs_root()))
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
		if (d->d_name[0] != '.' && !sysfs_link_dir(d->d_name, &v[n]))
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
int sysfs_find_link(const char *ref, struct link_dir *l)
{
	struct link_dir *v;
	int i, n, found = -1;

	if (!is_link_id(ref))
		return sysfs_link_dir(ref, l);
	n = sysfs_list_links(&v);
	for (i = 0; i < n && found < 0; i++)
		if (strtoul(sysfs_val(v[i].path, "id"), NULL, 10) ==
		    strtoul(ref, NULL, 10))
			found = i;
	if (found >= 0)
		*l = v[found];
	free(v);
	return found >= 0 ? 0 : -1;
}
