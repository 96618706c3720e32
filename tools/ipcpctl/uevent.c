// SPDX-License-Identifier: GPL-2.0
/*
 * uevent.c: the uevent parser, and the netlink socket the kernel sends
 * its uevents on.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>

#include "ipcpctl.h"
#include "uevent.h"

static const char *key_value(const char *s, const char *key)
{
	size_t n = strlen(key);

	return !strncmp(s, key, n) && s[n] == '=' ? s + n + 1 : NULL;
}

static void uevent_key(struct uevent *ev, const char *s)
{
	static const struct {
		const char *key;
		size_t off;
	} keys[] = {
		{ "INTERFACE", offsetof(struct uevent, ifname) },
		{ "IPCP_NEG_EVENT", offsetof(struct uevent, event) },
		{ "IPCP_NEG_LINK", offsetof(struct uevent, link) },
		{ "IPCP_NEG_ROLE", offsetof(struct uevent, role) },
		{ "IPCP_NEG_LOCAL", offsetof(struct uevent, local) },
		{ "IPCP_NEG_PEER", offsetof(struct uevent, peer) },
		{ "IPCP_NEG_DNS1", offsetof(struct uevent, dns[0]) },
		{ "IPCP_NEG_DNS2", offsetof(struct uevent, dns[1]) },
		{ "IPCP_NEG_REASON", offsetof(struct uevent, reason) },
	};
	const char *v;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(keys); i++) {
		v = key_value(s, keys[i].key);
		if (v)
			*(const char **)((char *)ev + keys[i].off) = v;
	}
}

/*
 * A kernel uevent of @len bytes in @buf (which has room for one more):
 * "ACTION@DEVPATH", then KEY=VALUE strings, NUL-separated
 */
void uevent_parse(char *buf, size_t len, struct uevent *ev)
{
	size_t i;

	memset(ev, 0, sizeof(*ev));
	buf[len] = '\0';
	for (i = strlen(buf) + 1; i < len; i += strlen(buf + i) + 1)
		uevent_key(ev, buf + i);
}

int uevent_open(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK, .nl_groups = 1 };
	int fd, size = 1 << 20;

	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC,
		    NETLINK_KOBJECT_UEVENT);
	if (fd < 0 || bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		err_msg("uevent socket: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)))
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	return fd;
}

/*
 * One datagram into @buf; 1 when it was an ipcp_neg event from the
 * kernel, 0 for anything else (or lost events), -1 on a socket error
 */
int uevent_read(int fd, char *buf, size_t size, struct uevent *ev)
{
	struct sockaddr_nl src;
	struct iovec iov = { .iov_base = buf, .iov_len = size - 1 };
	struct msghdr msg = {
		.msg_name = &src, .msg_namelen = sizeof(src),
		.msg_iov = &iov, .msg_iovlen = 1,
	};
	ssize_t n = recvmsg(fd, &msg, 0);

	if (n < 0) {
		if (errno == ENOBUFS)
			err_msg("events were lost (receive buffer full)");
		else if (errno != EINTR)
			return -1;
		return 0;
	}
	if (src.nl_pid != 0 || (msg.msg_flags & MSG_TRUNC))
		return 0;
	uevent_parse(buf, n, ev);
	return !!ev->event;
}
