/* SPDX-License-Identifier: GPL-2.0 */
/* The packet oracle of the fsm_lcp and engine targets (see check.c). */
#ifndef _FUZZ_CHECK_H
#define _FUZZ_CHECK_H

#include <linux/types.h>

#include "common.h"
#include "fsm.h"
#include "proto.h"

/* The largest packet the harness feeds: our MRU, as the link's is */
#define FUZZ_MAX_PKT	IPCP_NEG_DEFAULT_MRU

/**
 * struct fuzz_rx - the control packet being fed, which replies answer
 * @active: a well-framed packet is being processed
 * @proto: its protocol
 * @pkt: the packet from its Code field
 * @len: its Length field (bytes past it are padding)
 */
struct fuzz_rx {
	bool active;
	u16 proto;
	const u8 *pkt;
	unsigned int len;
};

extern struct fuzz_rx fuzz_rx;

void fuzz_rx_begin(u16 proto, const u8 *pkt, unsigned int len);
void fuzz_rx_end(void);

/**
 * struct fuzz_track - what the harness saw of one automaton
 * @timer: the restart timer is armed
 * @ms: the time it was armed with
 */
struct fuzz_track {
	bool timer;
	unsigned int ms;
};

void fuzz_check_tx(const struct ipcp_neg_fsm *f, u16 proto, u8 code, u8 id,
		   const u8 *data, unsigned int len, u32 our_magic);
void fuzz_check_fsm(const struct ipcp_neg_fsm *f, bool armed);
bool fuzz_timer_runs(u8 state);

#endif
