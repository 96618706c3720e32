/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The names ipcp_neg prints, one table each, shared by the module (sysfs,
 * packet history, tracepoints, kernel log) and by ipcpctl.
 *
 * Each list is an X-macro: IPCP_NEG_STATE_NAMES(X) expands to one
 * X(value, name, rfc) per automaton state, so that a user builds whatever
 * array or switch it needs, e.g.
 *
 *	#define STATE_NAME(v, name, rfc) [v] = name,
 *	static const char * const names[] = { IPCP_NEG_STATE_NAMES(STATE_NAME) };
 *
 * The names are ABI where sysfs or a uevent shows them
 * (Documentation/ABI/testing/sysfs-class-net-ipcp_neg).
 */
#ifndef _UAPI_IPCP_NEG_NAMES_H
#define _UAPI_IPCP_NEG_NAMES_H

/*
 * RFC 1661 automaton states (IPCP_NEG_STATE_* of ipcp_neg.h): the value,
 * the name sysfs state/lcp, state/ipcp and ipcpctl print, and the RFC's
 * own spelling, used in the kernel log
 */
#define IPCP_NEG_STATE_NAMES(X)				\
	X(0, "initial", "Initial")			\
	X(1, "starting", "Starting")			\
	X(2, "closed", "Closed")			\
	X(3, "stopped", "Stopped")			\
	X(4, "closing", "Closing")			\
	X(5, "stopping", "Stopping")			\
	X(6, "req-sent", "Req-Sent")			\
	X(7, "ack-rcvd", "Ack-Rcvd")			\
	X(8, "ack-sent", "Ack-Sent")			\
	X(9, "opened", "Opened")

/*
 * Control packet codes of RFC 1661 section 5: the Code value, the suffix
 * of the counters/<proto>_<tx|rx>_<suffix> files, the name the packet
 * history, the tracepoints and ipcpctl print, and whether only LCP has
 * the code (1) or every control protocol (0)
 */
#define IPCP_NEG_CODE_NAMES(X)					\
	X(1, "confreq", "Configure-Request", 0)			\
	X(2, "confack", "Configure-Ack", 0)			\
	X(3, "confnak", "Configure-Nak", 0)			\
	X(4, "confrej", "Configure-Reject", 0)			\
	X(5, "termreq", "Terminate-Request", 0)			\
	X(6, "termack", "Terminate-Ack", 0)			\
	X(7, "coderej", "Code-Reject", 0)			\
	X(8, "protrej", "Protocol-Reject", 1)			\
	X(9, "echoreq", "Echo-Request", 1)			\
	X(10, "echorep", "Echo-Reply", 1)			\
	X(11, "discreq", "Discard-Request", 1)

/*
 * Why a layer last went down: the index, the one-word code sysfs
 * state/reason and the uevents' IPCP_NEG_REASON show (ABI), and the text
 * of the kernel log
 */
#define IPCP_NEG_REASON_NAMES(X)					\
	X(0, "none", "none")						\
	X(1, "admin-down", "administrative stop")			\
	X(2, "lower-down", "lower layer down")				\
	X(3, "renegotiate", "renegotiation")				\
	X(4, "peer-terminated", "peer terminated")			\
	X(5, "peer", "peer packet")					\
	X(6, "max-configure", "no answer from peer")			\
	X(7, "loopback", "line looped back")				\
	X(8, "proto-reject", "peer rejected IPCP")			\
	X(9, "pool-empty", "no address")				\
	X(10, "echo-timeout", "no answer to LCP Echo-Requests")

/*
 * The link's phases (RFC 1661 section 3.2): the value and the name sysfs
 * state/phase shows
 */
#define IPCP_NEG_PHASE_NAMES(X)					\
	X(0, "dead")						\
	X(1, "establish")					\
	X(2, "authenticate")					\
	X(3, "network")						\
	X(4, "terminate")

/*
 * Why the module dropped a frame: the identifier (IPCP_NEG_DROP_<id> in
 * the module), 1 for a frame of the peer or 0 for one towards the peer,
 * the name of the counters/drop_<name> file and of ipcpctl status's row,
 * and what it means. counters/rx_dropped and tx_dropped are the sums of
 * the rx and tx rows. A frame pppN hands over while the transport is busy
 * is not dropped: the module holds it back (ppp_generic keeps it pending)
 * and asks for more once the transport has taken what it holds.
 */
#define IPCP_NEG_DROP_NAMES(X)						\
	X(RX_SHORT, 1, "rx_short", "peer frame without a protocol field")	\
	X(RX_NCP_DOWN, 1, "rx_ncp_down",					\
	  "peer data of a network protocol that is not up")		\
	X(RX_UNKNOWN, 1, "rx_unknown_proto",				\
	  "peer frame of a protocol not run here, Protocol-Rejected")	\
	X(RX_PROTREJ_LIMITED, 1, "rx_protrej_limited",			\
	  "the same, Protocol-Reject ratelimited away")			\
	X(RX_QUEUE_FULL, 1, "rx_queue_full",				\
	  "peer control packets beyond the queue bound")		\
	X(RX_NOMEM, 1, "rx_nomem", "peer frame, out of memory")		\
	X(RX_CLOSING, 1, "rx_closing", "peer frame while the link closes")	\
	X(TX_SHORT, 0, "tx_short", "pppN frame without a protocol field")	\
	X(TX_NCP_DOWN, 0, "tx_ncp_down",					\
	  "pppN data of a network protocol that is not up")		\
	X(TX_CTL_QUEUE_FULL, 0, "tx_ctl_queue_full",			\
	  "our control packets beyond the queue bound")			\
	X(TX_NOMEM, 0, "tx_nomem", "our control packet, out of memory")	\
	X(TX_CLOSING, 0, "tx_closing", "frame to the peer while the link closes")

#endif /* _UAPI_IPCP_NEG_NAMES_H */
