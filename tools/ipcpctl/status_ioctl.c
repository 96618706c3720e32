// SPDX-License-Identifier: GPL-2.0
/*
 * status_ioctl.c: status through the control device's STATUS ioctl, for
 * a module without the sysfs files: states, addresses, DNS, NBNS, drops.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>

#include "ipcpctl.h"
#include "json.h"

static const char *ip(__be32 a, char *buf)
{
	struct in_addr in = { .s_addr = a };

	return inet_ntop(AF_INET, &in, buf, INET_ADDRSTRLEN);
}

static const char *role_name(__u32 role)
{
	return role == IPCP_NEG_ROLE_SERVER ? "server" : "client";
}

static void print_status(const struct ipcp_neg_status *s)
{
	char b[4][INET_ADDRSTRLEN];

	printf("%.*s id %u role %s lcp %s ipcp %s\n", IPCP_NEG_IFNAME_SIZE,
	       s->ifname, s->id, role_name(s->role), state_rfc(s->lcp_state),
	       state_rfc(s->ipcp_state));
	printf("local %s peer %s\n", ip(s->local, b[0]), ip(s->peer, b[1]));
	printf("dns %s %s\n", ip(s->dns[0], b[2]), ip(s->dns[1], b[3]));
	printf("nbns %s %s\n", ip(s->nbns[0], b[0]), ip(s->nbns[1], b[1]));
	printf("dropped rx %u tx %u\n", s->rx_dropped, s->tx_dropped);
}

/* Two addresses as a JSON array */
static void json_ip_pair(struct json *js, const char *k, const __be32 a[2])
{
	char b[INET_ADDRSTRLEN];

	json_key(js, k);
	json_begin(js, '[');
	json_str(js, ip(a[0], b));
	json_str(js, ip(a[1], b));
	json_end(js, ']');
}

static void json_status(struct json *js, const struct ipcp_neg_status *s)
{
	char b[INET_ADDRSTRLEN], name[IPCP_NEG_IFNAME_SIZE + 1];

	snprintf(name, sizeof(name), "%.*s", IPCP_NEG_IFNAME_SIZE, s->ifname);
	json_begin(js, '{');
	json_kstr(js, "ifname", name);
	json_kuint(js, "id", s->id);
	json_kstr(js, "role", role_name(s->role));
	json_kstr(js, "lcp", state_name(s->lcp_state));
	json_kstr(js, "ipcp", state_name(s->ipcp_state));
	json_kstr(js, "local", ip(s->local, b));
	json_kstr(js, "peer", ip(s->peer, b));
	json_ip_pair(js, "dns", s->dns);
	json_ip_pair(js, "nbns", s->nbns);
	json_key(js, "counters");
	json_begin(js, '{');
	json_kuint(js, "rx_dropped", s->rx_dropped);
	json_kuint(js, "tx_dropped", s->tx_dropped);
	json_end(js, '}');
	json_end(js, '}');
}

static void show_status(const struct ipcp_neg_status *s, struct json *js)
{
	if (js)
		json_status(js, s);
	else
		print_status(s);
}

/* status of one link (IFNAME or id); JSON when @js */
int status_ioctl_one(const char *ref, struct json *js)
{
	struct ipcp_neg_status s;
	int fd, ret;

	fd = ctl_open();
	if (fd < 0)
		return 1;
	memset(&s, 0, sizeof(s));
	ret = ctl_ref_ioctl(fd, ref, IPCP_NEG_IOC_STATUS, &s, &s.ref, 0);
	close(fd);
	if (ret)
		return 1;
	if (js)
		json_begin(js, '[');
	show_status(&s, js);
	if (js) {
		json_end(js, ']');
		json_end_doc(js);
	}
	return 0;
}

/* status of every network interface the ioctl knows as a link */
int status_ioctl_all(struct json *js)
{
	struct ipcp_neg_status s;
	struct dirent *d;
	DIR *dir;
	int fd;

	fd = ctl_open();
	if (fd < 0)
		return 1;
	if (js)
		json_begin(js, '[');
	dir = opendir("/sys/class/net");
	while (dir && (d = readdir(dir))) {
		if (d->d_name[0] == '.' || strlen(d->d_name) >= IFNAMSIZ)
			continue;
		memset(&s, 0, sizeof(s));
		if (!ctl_ref_ioctl(fd, d->d_name, IPCP_NEG_IOC_STATUS, &s,
				   &s.ref, 1))
			show_status(&s, js);
	}
	if (dir)
		closedir(dir);
	close(fd);
	if (js) {
		json_end(js, ']');
		json_end_doc(js);
	}
	return 0;
}
