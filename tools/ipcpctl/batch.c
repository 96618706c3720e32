// SPDX-License-Identifier: GPL-2.0
/*
 * batch.c: ipcpctl -batch FILE, as ip -batch: one command a line, with the
 * words of the command line after "ipcpctl", run in this one process, so
 * that attaching a thousand links costs one process start. Blank lines
 * and comments (a word starting with '#' to the end of the line) are
 * skipped; words are split on blanks, double quotes group blanks into a
 * word. The first failing line stops the batch ("FILE:LINE: message" on
 * stderr) unless -force; then the batch goes on and fails at the end.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ipcpctl.h"

/* More words than any command takes */
#define BATCH_WORDS	64

/*
 * Split @line in place into at most BATCH_WORDS words in @argv (NULL
 * after the last); the number of words, or -1 with a message
 */
static int split_words(char *line, char **argv)
{
	char *in = line, *out;
	int argc = 0, quoted;

	for (;;) {
		while (*in == ' ' || *in == '\t' || *in == '\r' || *in == '\n')
			in++;
		if (!*in || *in == '#')
			break;
		if (argc == BATCH_WORDS) {
			err_msg("more than %d words", BATCH_WORDS);
			return -1;
		}
		out = in;
		argv[argc++] = out;
		for (quoted = 0; *in; in++) {
			if (*in == '"') {
				quoted = !quoted;
				continue;
			}
			if (!quoted && strchr(" \t\r\n", *in))
				break;
			*out++ = *in;
		}
		if (quoted) {
			err_msg("no closing '\"'");
			return -1;
		}
		if (*in)
			in++;
		*out = '\0';
	}
	argv[argc] = NULL;
	return argc;
}

/* One line: 0, or 1 when it failed (always with a message) */
static int batch_line(char *line)
{
	char *argv[BATCH_WORDS + 1];
	unsigned long before = err_count();
	int argc, ret;

	argc = split_words(line, argv);
	if (argc <= 0)
		return argc < 0;
	ret = run_command(argc, argv, 1);
	fflush(stdout);
	if (ret && err_count() == before)
		err_msg("%s failed (exit status %d)", argv[0], ret);
	return !!ret;
}

int batch_run(const char *file, int force)
{
	FILE *f = strcmp(file, "-") ? fopen(file, "re") : stdin;
	unsigned long lineno = 0;
	char *line = NULL;
	size_t size = 0;
	int failed = 0;

	if (!f) {
		err_msg("%s: %s", file, strerror(errno));
		return 1;
	}
	while (getline(&line, &size, f) >= 0) {
		err_where(file, ++lineno);
		if (batch_line(line)) {
			failed = 1;
			if (!force)
				break;
		}
	}
	err_where(NULL, 0);
	if (ferror(f)) {
		err_msg("%s: %s", file, strerror(errno));
		failed = 1;
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return failed;
}
