/* SPDX-License-Identifier: GPL-2.0 */
/*
 * json.h: a small JSON writer. Its state lives in a struct json the caller
 * owns and passes to every call; nothing is global.
 */
#ifndef IPCPCTL_JSON_H
#define IPCPCTL_JSON_H

#include <stdio.h>

#define JSON_MAX_DEPTH	8

/*
 * One document being written to @out: the separators follow from the
 * nesting, so callers only say what comes next.
 */
struct json {
	FILE *out;
	int depth;
	int count[JSON_MAX_DEPTH];	/* values so far at each depth */
	int after_key;			/* a key was written, its value is next */
};

void json_init(struct json *js, FILE *out);
void json_begin(struct json *js, char c);
void json_end(struct json *js, char c);
void json_end_doc(struct json *js);
void json_key(struct json *js, const char *k);
void json_str(struct json *js, const char *s);
void json_num(struct json *js, const char *s);
void json_long(struct json *js, long v);
void json_words(struct json *js, const char *s);
void json_kstr(struct json *js, const char *k, const char *s);
void json_kuint(struct json *js, const char *k, unsigned long v);
int json_is_number(const char *s);

#endif /* IPCPCTL_JSON_H */
