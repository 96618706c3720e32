// SPDX-License-Identifier: GPL-2.0
/*
 * asuser: run a command without privilege, for the privilege tests.
 *
 *   asuser UID GID -- CMD [ARG...]
 *	drop every capability (bounding, ambient, permitted, effective,
 *	inheritable), become UID/GID with no supplementary groups, exec CMD.
 *	UID 0 stays root but without capabilities: the "no-root" securebits
 *	are set and locked, so exec gives none back. Such a process passes
 *	the file permission checks of root-owned 0644/0600 files and so
 *	reaches the kernel's own capability checks.
 *   asuser --userns [--same-netns] -- CMD [ARG...]
 *	unshare a user namespace (the current uid/gid mapped to 0, setgroups
 *	denied) and, unless --same-netns, a network namespace owned by it,
 *	then exec CMD. Run by an unprivileged user, CMD has every capability
 *	over the new namespaces and none over the initial ones.
 *
 * Exits 125 if it cannot set up what was asked, else CMD's exec errno
 * (126/127 like a shell), else CMD's status.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

static int fail(const char *what)
{
	fprintf(stderr, "asuser: %s: %s\n", what, strerror(errno));
	return 125;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: asuser UID GID -- CMD [ARG...]\n"
		"       asuser --userns [--same-netns] -- CMD [ARG...]\n");
	exit(2);
}

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t len = strlen(text);

	if (fd < 0)
		return -1;
	if (write(fd, text, len) != len) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* Nothing in any capability set, for this process and what it execs */
static int drop_caps(void)
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct data[2];
	unsigned long cap;

	for (cap = 0; prctl(PR_CAPBSET_READ, cap, 0, 0, 0) >= 0; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
			return -1;
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) < 0 &&
	    errno != EINVAL)
		return -1;
	memset(data, 0, sizeof(data));
	return syscall(SYS_capset, &hdr, data);
}

static int as_user(uid_t uid, gid_t gid)
{
	if (prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED |
		  SECBIT_NO_SETUID_FIXUP | SECBIT_NO_SETUID_FIXUP_LOCKED |
		  SECBIT_KEEP_CAPS_LOCKED, 0, 0, 0) < 0)
		return fail("securebits");
	if (setgroups(0, NULL) < 0)
		return fail("setgroups");
	if (setresgid(gid, gid, gid) < 0)
		return fail("setgid");
	if (setresuid(uid, uid, uid) < 0)
		return fail("setuid");
	if (drop_caps() < 0)
		return fail("dropping capabilities");
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return fail("no_new_privs");
	return 0;
}

static int in_userns(int netns)
{
	char map[64];
	uid_t uid = geteuid();
	gid_t gid = getegid();

	if (unshare(CLONE_NEWUSER | (netns ? CLONE_NEWNET : 0)) < 0)
		return fail("unshare");
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned int)uid);
	if (write_file("/proc/self/uid_map", map) < 0)
		return fail("uid_map");
	if (write_file("/proc/self/setgroups", "deny") < 0)
		return fail("setgroups");
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned int)gid);
	if (write_file("/proc/self/gid_map", map) < 0)
		return fail("gid_map");
	return 0;
}

static unsigned int number(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (!*s || *end || errno || v > 0xfffffffeUL)
		usage();
	return v;
}

int main(int argc, char **argv)
{
	int i = 1, err;

	if (argc > 2 && !strcmp(argv[1], "--userns")) {
		int netns = 1;

		i = 2;
		if (!strcmp(argv[i], "--same-netns")) {
			netns = 0;
			i++;
		}
		err = in_userns(netns);
	} else if (argc > 3) {
		err = as_user(number(argv[1]), number(argv[2]));
		i = 3;
	} else {
		usage();
	}
	if (err)
		return err;
	if (i >= argc || strcmp(argv[i], "--") || i + 1 >= argc)
		usage();
	execvp(argv[i + 1], argv + i + 1);
	fprintf(stderr, "asuser: %s: %s\n", argv[i + 1], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
