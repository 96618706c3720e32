// SPDX-License-Identifier: GPL-2.0
/*
 * ctl.c: the module's control device, /dev/ipcp_neg: opening it, naming
 * a link in a struct ipcp_neg_ref, and the messages for its errors.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "ipcpctl.h"

/*
 * A message for the errors every ioctl on the control device can give: the
 * module refuses with EPERM a caller without CAP_NET_ADMIN
 */
const char *ctl_strerror(int err)
{
	if (err == EPERM)
		return "permission denied (CAP_NET_ADMIN needed)";
	return strerror(err);
}

int ctl_open(void)
{
	int fd = open(IPCP_NEG_CTL_DEVICE, O_RDWR | O_CLOEXEC);

	if (fd >= 0)
		return fd;
	if (errno == ENOENT || errno == ENODEV || errno == ENXIO)
		err_msg("%s: not found (is the ipcp_neg module loaded?)",
			IPCP_NEG_CTL_DEVICE);
	else if (errno == EACCES)
		err_msg("%s: permission denied (the device's permissions refuse this user)",
			IPCP_NEG_CTL_DEVICE);
	else
		err_msg("%s: %s", IPCP_NEG_CTL_DEVICE, ctl_strerror(errno));
	return -1;
}

/* IFNAME or a numeric link id into a struct ipcp_neg_ref */
static int parse_ref(const char *s, struct ipcp_neg_ref *ref)
{
	char *end;
	unsigned long id;

	memset(ref, 0, sizeof(*ref));
	id = strtoul(s, &end, 10);
	if (*s >= '0' && *s <= '9' && !*end && id && id <= 0xffffffffUL) {
		ref->id = id;
		return 0;
	}
	return copy_name(ref->ifname, sizeof(ref->ifname), s, "interface");
}

/*
 * The ioctl @req on @fd for the link @s, whose struct ipcp_neg_ref @ref is
 * within @arg; 1 on failure, with a message unless @quiet and the link
 * does not exist (ENOENT)
 */
int ctl_ref_ioctl(int fd, const char *s, unsigned long req, void *arg,
		  struct ipcp_neg_ref *ref, int quiet)
{
	if (parse_ref(s, ref))
		return 1;
	if (ioctl(fd, req, arg) == 0)
		return 0;
	if (errno != ENOENT || !quiet)
		err_msg("%s: %s", s, errno == ENOENT ?
			"no link managed by ipcp_neg" : ctl_strerror(errno));
	return 1;
}
