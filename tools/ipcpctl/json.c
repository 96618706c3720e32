// SPDX-License-Identifier: GPL-2.0
/*
 * json.c: the JSON writer of status, pool show and monitor (--json).
 * Strings are escaped; bytes outside printable ASCII are written as
 * \u00XX, so the output is valid JSON whatever a name holds.
 */
#include <string.h>

#include "json.h"

void json_init(struct json *js, FILE *out)
{
	memset(js, 0, sizeof(*js));
	js->out = out;
}

/* The comma before a value, unless it is the first or follows its key */
static void json_sep(struct json *js)
{
	if (js->after_key) {
		js->after_key = 0;
		return;
	}
	if (js->count[js->depth]++)
		fputc(',', js->out);
}

/* Open an object ('{') or an array ('[') */
void json_begin(struct json *js, char c)
{
	json_sep(js);
	fputc(c, js->out);
	if (js->depth < JSON_MAX_DEPTH - 1)
		js->depth++;
	js->count[js->depth] = 0;
}

void json_end(struct json *js, char c)
{
	fputc(c, js->out);
	if (js->depth > 0)
		js->depth--;
}

/* The newline after a document; the writer is ready for the next one */
void json_end_doc(struct json *js)
{
	fputc('\n', js->out);
	json_init(js, js->out);
}

static void json_quoted(struct json *js, const char *s)
{
	const unsigned char *p;

	fputc('"', js->out);
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(js->out, "\\%c", *p);
		else if (*p < 0x20 || *p >= 0x7f)
			fprintf(js->out, "\\u%04x", *p);
		else
			fputc(*p, js->out);
	}
	fputc('"', js->out);
}

void json_key(struct json *js, const char *k)
{
	json_sep(js);
	json_quoted(js, k);
	fputc(':', js->out);
	js->after_key = 1;
}

void json_str(struct json *js, const char *s)
{
	json_sep(js);
	json_quoted(js, s);
}

/* A JSON number: "0" or digits without a leading zero, maybe negative */
int json_is_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s < '0' || *s > '9' || (s[0] == '0' && s[1]))
		return 0;
	while (*s >= '0' && *s <= '9')
		s++;
	return !*s;
}

/* @s as a number, or null when it is not one (or NULL) */
void json_num(struct json *js, const char *s)
{
	json_sep(js);
	fputs(s && json_is_number(s) ? s : "null", js->out);
}

void json_long(struct json *js, long v)
{
	json_sep(js);
	fprintf(js->out, "%ld", v);
}

/* The words of @s as an array of strings */
void json_words(struct json *js, const char *s)
{
	char w[64];
	int n;

	json_begin(js, '[');
	while (sscanf(s, " %63s%n", w, &n) == 1) {
		json_str(js, w);
		s += n;
	}
	json_end(js, ']');
}

void json_kstr(struct json *js, const char *k, const char *s)
{
	json_key(js, k);
	json_str(js, s);
}

void json_kuint(struct json *js, const char *k, unsigned long v)
{
	json_key(js, k);
	json_sep(js);
	fprintf(js->out, "%lu", v);
}
