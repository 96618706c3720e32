/* SPDX-License-Identifier: GPL-2.0 */
/*
 * uevent.h: the kernel's uevents (NETLINK_KOBJECT_UEVENT) and the
 * ipcp_neg keys of one (Documentation/ipcp_neg.rst, "Events").
 */
#ifndef IPCPCTL_UEVENT_H
#define IPCPCTL_UEVENT_H

#include <stddef.h>

/* The ipcp_neg keys of a uevent, NULL when absent; they point into it */
struct uevent {
	const char *ifname, *event, *link, *role, *local, *peer;
	const char *dns[2], *reason;
};

void uevent_parse(char *buf, size_t len, struct uevent *ev);
int uevent_open(void);
int uevent_read(int fd, char *buf, size_t size, struct uevent *ev);

#endif /* IPCPCTL_UEVENT_H */
