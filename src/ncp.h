/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The network control protocols of the Network phase (RFC 1661 section
 * 3.5), as a table: the engine brings every NCP up with LCP's
 * This-Layer-Up and down with its This-Layer-Down, routes each NCP's
 * packets, timeouts and Protocol-Rejects by protocol number, and the link
 * asks the table which data protocols may pass (ipcp_neg_engine_data_ok())
 * and which control protocols it runs (ipcp_neg_ncp_by_proto()).
 *
 * Adding an NCP: its option codec and its descriptor in one file (as
 * ncp_ipcp.c with ipcp.c's codec), its state in struct ipcp_neg_engine,
 * one entry in ipcp_neg_ncps[] (ncp.c) and enum ipcp_neg_ncp_id; the owner's
 * reaction to it coming up (addresses, events) in its up/down hooks.
 */
#ifndef _IPCP_NEG_NCP_H
#define _IPCP_NEG_NCP_H

#include <linux/types.h>

struct ipcp_neg_engine;
struct ipcp_neg_fsm;

/* Data protocols one NCP opens, at most */
#define IPCP_NEG_NCP_DATA_MAX	2

/**
 * struct ipcp_neg_ncp - one network control protocol
 * @id: its enum ipcp_neg_ncp_id, its index in ipcp_neg_ncps[]
 * @name: its name in logs ("IPCP"; its automaton's ops->name too)
 * @proto: its control protocol number
 * @data: the data protocols it opens while up, 0-terminated
 * @fsm: its automaton in @e
 * @init: set up its state (ipcp_neg_engine_init(); @role as given there)
 * @start: before an Open of its automaton by ipcp_neg_engine_start() or
 *	a renegotiation: clear what one attempt leaves behind; may be NULL
 * @up: may its data protocols flow? (between its up and down hooks)
 * @input_done: after each of its packets was processed, e.g. IPCP's
 *	pool_empty policy; may be NULL
 */
struct ipcp_neg_ncp {
	u8 id;
	const char *name;
	u16 proto;
	u16 data[IPCP_NEG_NCP_DATA_MAX + 1];
	struct ipcp_neg_fsm *(*fsm)(struct ipcp_neg_engine *e);
	void (*init)(struct ipcp_neg_engine *e, int role);
	void (*start)(struct ipcp_neg_engine *e);
	bool (*up)(const struct ipcp_neg_engine *e);
	void (*input_done)(struct ipcp_neg_engine *e);
};

/* The table's entries, in the order the engine brings them up */
enum ipcp_neg_ncp_id {
	IPCP_NEG_NCP_IPCP,
	IPCP_NEG_NCP_COUNT
};

extern const struct ipcp_neg_ncp ipcp_neg_ncp_ipcp;
extern const struct ipcp_neg_ncp *const ipcp_neg_ncps[IPCP_NEG_NCP_COUNT];

int ipcp_neg_ncp_index(u16 proto);
const struct ipcp_neg_ncp *ipcp_neg_ncp_by_proto(u16 proto);
const struct ipcp_neg_ncp *ipcp_neg_ncp_by_data(u16 proto);

#endif /* _IPCP_NEG_NCP_H */
