// SPDX-License-Identifier: GPL-2.0
/*
 * names.c: the automaton state names ipcpctl prints, from the table the
 * module uses too (include/uapi/ipcp_neg_names.h).
 */
#include <ctype.h>
#include <string.h>

#include "ipcpctl.h"
#include "ipcp_neg_names.h"

static const struct state {
	__u32 value;		/* IPCP_NEG_STATE_* */
	const char *name;	/* as sysfs spells it: "req-sent" */
	const char *rfc;	/* as RFC 1661 does: "Req-Sent" */
} states[] = {
#define STATE(v, n, r)	{ v, n, r },
	IPCP_NEG_STATE_NAMES(STATE)
#undef STATE
};

static const struct state *state_of(__u32 st)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(states); i++)
		if (states[i].value == st)
			return &states[i];
	return NULL;
}

/* The sysfs name of IPCP_NEG_STATE_* @st, "?" for an unknown one */
const char *state_name(__u32 st)
{
	const struct state *s = state_of(st);

	return s ? s->name : "?";
}

/* The RFC 1661 spelling of IPCP_NEG_STATE_* @st, "?" for an unknown one */
const char *state_rfc(__u32 st)
{
	const struct state *s = state_of(st);

	return s ? s->rfc : "?";
}

/*
 * The RFC 1661 spelling of a state @name read from sysfs. A name not in
 * the table (from a newer module) is capitalized as the RFC would: each
 * word's first letter, in @buf of @size.
 */
const char *state_rfc_of(const char *name, char *buf, size_t size)
{
	size_t i;
	int up = 1;

	for (i = 0; i < ARRAY_SIZE(states); i++)
		if (!strcmp(name, states[i].name))
			return states[i].rfc;
	for (i = 0; name[i] && i < size - 1; i++) {
		buf[i] = up ? toupper((unsigned char)name[i]) : name[i];
		up = name[i] == '-';
	}
	buf[i] = '\0';
	return buf;
}
