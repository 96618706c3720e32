// SPDX-License-Identifier: GPL-2.0
/*
 * args.c: the parsers of command-line arguments the subcommands share
 * (addresses, numbers, names, flags). Each names what is wrong.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "ipcpctl.h"

int parse_addr(const char *s, __be32 *out)
{
	struct in_addr a;

	if (inet_pton(AF_INET, s, &a) != 1) {
		err_msg("'%s' is not an IPv4 address", s);
		return -1;
	}
	*out = a.s_addr;
	return 0;
}

/* "A" or "A,B" into two addresses */
int parse_addr_pair(const char *s, __be32 out[2])
{
	char buf[64], *comma;

	if (strlen(s) >= sizeof(buf)) {
		err_msg("'%s' is too long", s);
		return -1;
	}
	strcpy(buf, s);
	comma = strchr(buf, ',');
	if (comma) {
		*comma = '\0';
		if (parse_addr(comma + 1, &out[1]))
			return -1;
	}
	return parse_addr(buf, &out[0]);
}

int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 0);
	if (errno || end == s || *end || v < min || v > max) {
		err_msg("'%s' is not a number from %ld to %ld", s, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

/* @src into @dst of @size (NUL included); @what names it in the message */
int copy_name(char *dst, size_t size, const char *src, const char *what)
{
	if (!*src || strlen(src) >= size) {
		err_msg("%s '%s': 1 to %zu characters", what, src, size - 1);
		return -1;
	}
	strcpy(dst, src);
	return 0;
}

/* Remove @flag from the arguments after argv[0]; 1 if it was there */
int take_flag(int *argc, char **argv, const char *flag)
{
	int i, j, found = 0;

	for (i = j = 0; i < *argc; i++) {
		if (i && !strcmp(argv[i], flag))
			found = 1;
		else
			argv[j++] = argv[i];
	}
	*argc = j;
	return found;
}
