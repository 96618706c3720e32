// SPDX-License-Identifier: GPL-2.0
/*
 * monitor.c: the monitor subcommand: one line (text or JSON) per
 * ipcp_neg uevent, until killed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ipcpctl.h"
#include "json.h"
#include "uevent.h"

static void print_event(const struct uevent *ev, const char *when)
{
	printf("%s %s %s link %s %s local %s peer %s dns %s%s%s reason %s\n",
	       when, or_dash(ev->ifname), ev->event, or_dash(ev->link),
	       or_dash(ev->role), or_dash(ev->local), or_dash(ev->peer),
	       or_dash(ev->dns[0]), ev->dns[1] ? "," : "",
	       ev->dns[1] ? ev->dns[1] : "", or_dash(ev->reason));
}

static void json_event(struct json *js, const struct uevent *ev,
		       const char *when)
{
	json_begin(js, '{');
	json_kstr(js, "time", when);
	json_kstr(js, "ifname", or_dash(ev->ifname));
	json_kstr(js, "event", ev->event);
	json_key(js, "link");
	json_num(js, ev->link);
	json_kstr(js, "role", or_dash(ev->role));
	json_kstr(js, "local", or_dash(ev->local));
	json_kstr(js, "peer", or_dash(ev->peer));
	json_key(js, "dns");
	json_begin(js, '[');
	if (ev->dns[0])
		json_str(js, ev->dns[0]);
	if (ev->dns[1])
		json_str(js, ev->dns[1]);
	json_end(js, ']');
	json_kstr(js, "reason", or_dash(ev->reason));
	json_end(js, '}');
	json_end_doc(js);
}

/* Local time, to the millisecond: "2024-05-01 12:00:00.123" */
static void now_text(char *buf, size_t size)
{
	struct timespec ts;
	struct tm tm;
	size_t n;

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	n = strftime(buf, size, "%Y-%m-%d %H:%M:%S", &tm);
	snprintf(buf + n, size - n, ".%03ld", ts.tv_nsec / 1000000);
}

int monitor_main(int argc, char **argv)
{
	int json = take_flag(&argc, argv, "--json");
	char buf[8192], when[64];
	struct uevent ev;
	struct json js;
	int fd, ret;

	if (argc != 1)
		return bad_usage();
	fd = uevent_open();
	if (fd < 0)
		return 1;
	json_init(&js, stdout);
	setvbuf(stdout, NULL, _IOLBF, 0);
	err_msg("listening for ipcp_neg events");
	for (;;) {
		ret = uevent_read(fd, buf, sizeof(buf), &ev);
		if (ret < 0)
			break;
		if (!ret)
			continue;
		now_text(when, sizeof(when));
		if (json)
			json_event(&js, &ev, when);
		else
			print_event(&ev, when);
	}
	err_msg("uevent socket: %s", strerror(errno));
	close(fd);
	return 1;
}
