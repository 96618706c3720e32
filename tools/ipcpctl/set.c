// SPDX-License-Identifier: GPL-2.0
/*
 * set.c: the set subcommand: write a value to an attribute of a link's
 * sysfs directory, and say what the kernel's refusal means.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "ipcpctl.h"
#include "sysfs.h"

/*
 * What a failed write to the attribute @path means. EACCES is a read-only
 * attribute only when its file has no write bit; otherwise the file's
 * owner and mode refuse this user (sysfs gives root EACCES too, for a
 * read-only file).
 */
static const char *set_hint(int err, const char *path)
{
	struct stat st;

	switch (err) {
	case EINVAL:
		return " (a bad value, or not for a link of this role)";
	case ENOENT:
		return " (no such pool)";
	case EPERM:
		return " (CAP_NET_ADMIN needed)";
	case EACCES:
		if (stat(path, &st) == 0 && !(st.st_mode & 0222))
			return " (a read-only attribute)";
		return " (not writable by this user)";
	}
	return "";
}

/* The message for @attr of @ifname, at @path, refused with @err */
static void set_error(const char *ifname, const char *attr, const char *path,
		      int err)
{
	err_msg("%s %s: %s%s", ifname, attr, strerror(err), set_hint(err, path));
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

int set_main(int argc, char **argv)
{
	char path[PATH_MAX], value[4096];
	const char *attr;
	struct link_dir l;
	ssize_t n = -1;
	int fd;

	if (argc < 4)
		return bad_usage();
	attr = argv[2];
	if (!*attr || strchr(attr, '/') || attr[0] == '.') {
		err_msg("'%s' is not an attribute of a link", attr);
		return 1;
	}
	if (sysfs_link_dir(argv[1], &l)) {
		err_msg("%s: no link managed by ipcp_neg", argv[1]);
		return 1;
	}
	if (join_value(argc - 3, argv + 3, value, sizeof(value)) ||
	    sysfs_path(path, sizeof(path), "%s/%s", l.path, attr))
		return 1;
	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			err_msg("%s %s: no such attribute", l.ifname, attr);
		else
			set_error(l.ifname, attr, path, errno);
		return 1;
	}
	n = write(fd, value, strlen(value));
	if (n < 0)
		set_error(l.ifname, attr, path, errno);
	close(fd);
	return n < 0;
}
