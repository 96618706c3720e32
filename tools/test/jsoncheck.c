// SPDX-License-Identifier: GPL-2.0
/*
 * jsoncheck: validate JSON (RFC 8259) read from standard input, for the
 * guest tests (busybox has no JSON tool).
 *
 *   jsoncheck [--lines] [PATH]
 *
 * Exits 0 when the input is one valid JSON document (with --lines: every
 * non-empty line is one), 1 otherwise, saying where on standard error.
 * With PATH (object keys and array indexes joined by dots, such as
 * 0.counters.lcp_tx_confreq) it also prints the value found there, one
 * line per document: a string without its quotes (escapes as written),
 * anything else as written. A document without PATH fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MAX_DEPTH	64
#define MAX_PATH	512

struct parser {
	const char *s;
	size_t pos;
	size_t len;
	const char *query;
	char path[MAX_PATH];
	size_t plen;
	int found;
	const char *err;
};

static int parse_value(struct parser *p, int depth);

static int fail(struct parser *p, const char *why)
{
	if (!p->err)
		p->err = why;
	return -1;
}

static int peek(const struct parser *p)
{
	return p->pos < p->len ? (unsigned char)p->s[p->pos] : -1;
}

static void skip_ws(struct parser *p)
{
	while (p->pos < p->len && strchr(" \t\r\n", p->s[p->pos]))
		p->pos++;
}

static int expect(struct parser *p, char c)
{
	if (peek(p) != c)
		return fail(p, "unexpected character");
	p->pos++;
	return 0;
}

/* Append ".@name" (@n bytes) to the path; returns the old length */
static size_t path_push(struct parser *p, const char *name, size_t n)
{
	size_t old = p->plen;

	if (old + n + 2 > sizeof(p->path))
		n = 0;
	if (old)
		p->path[p->plen++] = '.';
	memcpy(p->path + p->plen, name, n);
	p->plen += n;
	p->path[p->plen] = '\0';
	return old;
}

static void path_pop(struct parser *p, size_t old)
{
	p->plen = old;
	p->path[old] = '\0';
}

static int is_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
		(c >= 'A' && c <= 'F');
}

static int parse_escape(struct parser *p)
{
	int i, c = peek(p);

	p->pos++;
	if (c >= 0 && strchr("\"\\/bfnrt", c))
		return 0;
	if (c != 'u')
		return fail(p, "bad escape");
	for (i = 0; i < 4; i++, p->pos++)
		if (!is_hex(peek(p)))
			return fail(p, "bad \\u escape");
	return 0;
}

static int parse_string(struct parser *p)
{
	int c;

	if (expect(p, '"'))
		return -1;
	for (;;) {
		c = peek(p);
		if (c < 0)
			return fail(p, "unterminated string");
		p->pos++;
		if (c == '"')
			return 0;
		if (c < 0x20)
			return fail(p, "control character in a string");
		if (c == '\\' && parse_escape(p))
			return -1;
	}
}

static int digits(struct parser *p)
{
	size_t start = p->pos;

	while (peek(p) >= '0' && peek(p) <= '9')
		p->pos++;
	return p->pos > start ? 0 : fail(p, "digit expected");
}

static int parse_number(struct parser *p)
{
	if (peek(p) == '-')
		p->pos++;
	if (peek(p) == '0')
		p->pos++;
	else if (digits(p))
		return -1;
	if (peek(p) == '.') {
		p->pos++;
		if (digits(p))
			return -1;
	}
	if (peek(p) == 'e' || peek(p) == 'E') {
		p->pos++;
		if (peek(p) == '+' || peek(p) == '-')
			p->pos++;
		if (digits(p))
			return -1;
	}
	return 0;
}

static int parse_literal(struct parser *p)
{
	static const char *const words[] = { "true", "false", "null" };
	size_t i, n;

	for (i = 0; i < ARRAY_SIZE(words); i++) {
		n = strlen(words[i]);
		if (p->len - p->pos >= n && !strncmp(p->s + p->pos, words[i], n)) {
			p->pos += n;
			return 0;
		}
	}
	return fail(p, "unexpected character");
}

static int parse_member(struct parser *p, int depth)
{
	size_t key, old;
	int ret;

	skip_ws(p);
	key = p->pos + 1;
	if (parse_string(p))
		return -1;
	old = path_push(p, p->s + key, p->pos - 1 - key);
	skip_ws(p);
	ret = expect(p, ':');
	if (!ret)
		ret = parse_value(p, depth);
	path_pop(p, old);
	return ret;
}

static int parse_object(struct parser *p, int depth)
{
	p->pos++;
	skip_ws(p);
	if (peek(p) == '}') {
		p->pos++;
		return 0;
	}
	for (;;) {
		if (parse_member(p, depth))
			return -1;
		skip_ws(p);
		if (peek(p) == '}') {
			p->pos++;
			return 0;
		}
		if (expect(p, ','))
			return -1;
	}
}

static int parse_array(struct parser *p, int depth)
{
	char index[16];
	size_t old;
	int i, ret;

	p->pos++;
	skip_ws(p);
	if (peek(p) == ']') {
		p->pos++;
		return 0;
	}
	for (i = 0;; i++) {
		snprintf(index, sizeof(index), "%d", i);
		old = path_push(p, index, strlen(index));
		ret = parse_value(p, depth);
		path_pop(p, old);
		if (ret)
			return -1;
		skip_ws(p);
		if (peek(p) == ']') {
			p->pos++;
			return 0;
		}
		if (expect(p, ','))
			return -1;
	}
}

static int parse_any(struct parser *p, int depth)
{
	int c = peek(p);

	if (c == '{')
		return parse_object(p, depth + 1);
	if (c == '[')
		return parse_array(p, depth + 1);
	if (c == '"')
		return parse_string(p);
	if (c == '-' || (c >= '0' && c <= '9'))
		return parse_number(p);
	return parse_literal(p);
}

/* A value; the one at the query's path is printed */
static int parse_value(struct parser *p, int depth)
{
	size_t start;
	int quoted;

	if (depth >= MAX_DEPTH)
		return fail(p, "nested too deep");
	skip_ws(p);
	start = p->pos;
	quoted = peek(p) == '"';
	if (parse_any(p, depth))
		return -1;
	if (p->query && !p->found && !strcmp(p->path, p->query)) {
		p->found = 1;
		printf("%.*s\n", (int)(p->pos - start - 2 * quoted),
		       p->s + start + quoted);
	}
	return 0;
}

/* One document in s[0..len) */
static int check_doc(const char *s, size_t len, const char *query,
		     const char *what)
{
	struct parser p;

	memset(&p, 0, sizeof(p));
	p.s = s;
	p.len = len;
	p.query = query;
	if (!parse_value(&p, 0)) {
		skip_ws(&p);
		if (p.pos != len)
			fail(&p, "text after the document");
	}
	if (p.err) {
		fprintf(stderr, "jsoncheck: %s: %s at offset %zu\n", what,
			p.err, p.pos);
		return 1;
	}
	if (query && !p.found) {
		fprintf(stderr, "jsoncheck: %s: nothing at %s\n", what, query);
		return 1;
	}
	return 0;
}

static char *read_all(size_t *len)
{
	size_t cap = 65536, n;
	char *buf = malloc(cap), *nb;

	*len = 0;
	while (buf) {
		n = fread(buf + *len, 1, cap - *len, stdin);
		*len += n;
		if (*len < cap)
			return buf;
		cap *= 2;
		nb = realloc(buf, cap);
		if (!nb)
			free(buf);
		buf = nb;
	}
	return NULL;
}

static int check_lines(char *buf, size_t len, const char *query)
{
	char *line = buf, *end, what[32];
	int ret = 0, n = 0;

	while (line < buf + len) {
		end = memchr(line, '\n', buf + len - line);
		if (!end)
			end = buf + len;
		n++;
		snprintf(what, sizeof(what), "line %d", n);
		if (strspn(line, " \t\r") < (size_t)(end - line))
			ret |= check_doc(line, end - line, query, what);
		line = end + 1;
	}
	return ret;
}

int main(int argc, char **argv)
{
	const char *query = NULL;
	int lines = 0, i;
	size_t len;
	char *buf;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--lines"))
			lines = 1;
		else
			query = argv[i];
	}
	buf = read_all(&len);
	if (!buf) {
		fprintf(stderr, "jsoncheck: out of memory\n");
		return 1;
	}
	if (memchr(buf, '\0', len)) {
		fprintf(stderr, "jsoncheck: NUL byte in the input\n");
		return 1;
	}
	i = lines ? check_lines(buf, len, query) :
		check_doc(buf, len, query, "input");
	free(buf);
	return i;
}
