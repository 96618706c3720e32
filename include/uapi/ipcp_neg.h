/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * ipcp_neg control device (/dev/ipcp_neg) ioctl ABI, shared by the module
 * and ipcpctl.
 *
 * Every structure has a fixed size; addresses are in network byte order
 * (__be32); reserved fields must be zero (the module answers -EINVAL
 * otherwise), so they can carry meaning later. Names are NUL-terminated.
 * Every ioctl needs CAP_NET_ADMIN in the caller's network namespace.
 *
 * Attaching a link (what ipcpctl does):
 *  1. IPCP_NEG_IOC_CREATE: the module makes a link with two PPP channels,
 *     LOWER and UPPER, in the caller's network namespace, and returns their
 *     indexes. A link not attached before the control file is closed is
 *     destroyed with it.
 *  2. user space opens /dev/ppp, attaches it to the transport's channel
 *     (PPPIOCATTCHAN) and bridges that channel to LOWER (PPPIOCBRIDGECHAN);
 *     opens /dev/ppp for a new unit (PPPIOCNEWUNIT) or for an existing
 *     unit with no channel (PPPIOCATTACH); opens /dev/ppp, attaches it to
 *     UPPER and connects it to the unit (PPPIOCCONNECT).
 *  3. IPCP_NEG_IOC_ATTACH hands those file descriptors (and the transport's
 *     own, a tty or PPPoX socket, or -1) to the module, which keeps them
 *     open: the link outlives the tool. The module then owns the unit's
 *     IPv4 addresses (the ones it has are deleted, and no other can be
 *     added while the link lives) and starts LCP. A unit made with
 *     PPPIOCNEWUNIT goes when the link does; an existing unit stays with
 *     the file that created it, and goes (ending the link) when that file
 *     is closed.
 */
#ifndef _UAPI_IPCP_NEG_H
#define _UAPI_IPCP_NEG_H

#include <linux/ioctl.h>
#include <linux/types.h>

#define IPCP_NEG_CTL_DEVICE	"/dev/ipcp_neg"
#define IPCP_NEG_NAME_SIZE	32	/* pool names, NUL included */
#define IPCP_NEG_IFNAME_SIZE	16	/* IFNAMSIZ */

/* struct ipcp_neg_create.role */
#define IPCP_NEG_ROLE_SERVER	0	/* assigns the peer its address */
#define IPCP_NEG_ROLE_CLIENT	1	/* obtains its address from the peer */

/* struct ipcp_neg_create.flags */
#define IPCP_NEG_F_FORCED	0x1	/* server: the peer takes our pick */
#define IPCP_NEG_F_REQ_DNS	0x2	/* client: request DNS servers */
#define IPCP_NEG_F_REQ_NBNS	0x4	/* client: request NBNS servers */
#define IPCP_NEG_F_ALL		0x7

/* struct ipcp_neg_create.pool_empty: when the pool has no address left */
#define IPCP_NEG_POOL_EMPTY_CLOSE	0	/* close IPCP, LCP stays up */
#define IPCP_NEG_POOL_EMPTY_TERM	1	/* terminate the link */

/*
 * struct ipcp_neg_create.lcp_flags: LCP options of a tty link (ignored on
 * other transports, where there is no ACCM and PFC/ACFC are refused)
 */
#define IPCP_NEG_LCP_F_DEFAULT_ASYNCMAP	0x1	/* request no ACCM */
#define IPCP_NEG_LCP_F_NO_PCOMP		0x2	/* no PFC either way */
#define IPCP_NEG_LCP_F_NO_ACCOMP	0x4	/* no ACFC either way */
#define IPCP_NEG_LCP_F_ALL		0x7

/* struct ipcp_neg_create.mru: the bounds of a configured MRU */
#define IPCP_NEG_MRU_MIN	128
#define IPCP_NEG_MRU_MAX	1500

/**
 * struct ipcp_neg_create - IPCP_NEG_IOC_CREATE
 * @role: IPCP_NEG_ROLE_*
 * @flags: IPCP_NEG_F_*
 * @pool_empty: IPCP_NEG_POOL_EMPTY_*
 * @local: our address; 0: server unnumbered, client asks for one
 * @remote: server: the peer's fixed address (0: from @pool)
 * @dns: server: DNS servers handed out (0: none)
 * @nbns: server: NBNS servers handed out (0: none)
 * @pool: server: pool the peer's address comes from ("" when @remote is
 *	set); exactly one of @remote and @pool for a server
 * @mru: the MRU LCP requests, IPCP_NEG_MRU_MIN to IPCP_NEG_MRU_MAX, at
 *	most the transport's limit (PPPoE: the Ethernet MTU less 8); 0: the
 *	transport's default (that limit when below 1500, else 1500, which
 *	is not sent)
 * @lcp_flags: IPCP_NEG_LCP_F_*; 0: a tty link requests @asyncmap, PFC and
 *	ACFC and Acks the peer's, as pppd does
 * @asyncmap: tty: the ACCM LCP requests (0, the default: no control
 *	character escaped; 0x000a0000 for a line with XON/XOFF)
 * @reserved: zero
 * @id: out: the link's id (never 0)
 * @lower_chan: out: LOWER's channel index, for PPPIOCBRIDGECHAN
 * @upper_chan: out: UPPER's channel index, for PPPIOCATTCHAN
 * @reserved_out: out: zero
 */
struct ipcp_neg_create {
	__u32 role;
	__u32 flags;
	__u32 pool_empty;
	__be32 local;
	__be32 remote;
	__be32 dns[2];
	__be32 nbns[2];
	char pool[IPCP_NEG_NAME_SIZE];
	__u32 mru;
	__u32 lcp_flags;
	__u32 asyncmap;
	__u32 reserved[4];
	__u32 id;
	__u32 lower_chan;
	__u32 upper_chan;
	__u32 reserved_out;
};

/**
 * struct ipcp_neg_attach - IPCP_NEG_IOC_ATTACH
 * @id: the link, from IPCP_NEG_IOC_CREATE
 * @transport_fd: the transport's file (a tty with N_PPP, a PPPoX socket)
 *	or -1 when user space keeps it open by other means; anything else
 *	gives ENOTTY
 * @bridge_fd: /dev/ppp attached to the transport's channel and bridged to
 *	LOWER; the module watches it for hang-up
 * @unit_fd: /dev/ppp owning the pppN unit, or attached to it
 * @upper_fd: /dev/ppp attached to UPPER and connected to the unit
 * @reserved: zero
 * @ifname: out: the unit's interface name
 *
 * Files that do not belong together give EBADFD; a unit that is not in
 * the caller's namespace ENODEV; UPPER not connected to the unit, or a
 * PPPoX socket not connected, ENOTCONN.
 */
struct ipcp_neg_attach {
	__u32 id;
	__s32 transport_fd;
	__s32 bridge_fd;
	__s32 unit_fd;
	__s32 upper_fd;
	__u32 reserved[3];
	char ifname[IPCP_NEG_IFNAME_SIZE];
};

/**
 * struct ipcp_neg_ref - names one link: by @id, or by @ifname if @id is 0
 * @id: link id, or 0
 * @reserved: zero
 * @ifname: interface name, used when @id is 0
 */
struct ipcp_neg_ref {
	__u32 id;
	__u32 reserved[3];
	char ifname[IPCP_NEG_IFNAME_SIZE];
};

/* struct ipcp_neg_status.lcp_state and .ipcp_state: RFC 1661 states */
#define IPCP_NEG_STATE_INITIAL	0
#define IPCP_NEG_STATE_STARTING	1
#define IPCP_NEG_STATE_CLOSED	2
#define IPCP_NEG_STATE_STOPPED	3
#define IPCP_NEG_STATE_CLOSING	4
#define IPCP_NEG_STATE_STOPPING	5
#define IPCP_NEG_STATE_REQSENT	6
#define IPCP_NEG_STATE_ACKRCVD	7
#define IPCP_NEG_STATE_ACKSENT	8
#define IPCP_NEG_STATE_OPENED	9

/**
 * struct ipcp_neg_status - IPCP_NEG_IOC_STATUS
 * @ref: in: the link
 * @id: out: its id
 * @role: out: IPCP_NEG_ROLE_*
 * @lcp_state: out: IPCP_NEG_STATE_*
 * @ipcp_state: out: IPCP_NEG_STATE_*
 * @local: out: our negotiated address (0 unless IPCP is Opened)
 * @peer: out: the peer's negotiated address (0 unless IPCP is Opened)
 * @dns: out: client: DNS servers obtained; server: DNS servers handed out
 *	(0 unless IPCP is Opened)
 * @nbns: out: the same for NBNS servers
 * @rx_dropped: out: frames dropped on the way in (queue full, no IPCP)
 * @tx_dropped: out: frames dropped on the way out
 * @reserved: out: zero
 * @ifname: out: the unit's interface name ("" before ATTACH)
 */
struct ipcp_neg_status {
	struct ipcp_neg_ref ref;
	__u32 id;
	__u32 role;
	__u32 lcp_state;
	__u32 ipcp_state;
	__be32 local;
	__be32 peer;
	__be32 dns[2];
	__be32 nbns[2];
	__u32 rx_dropped;
	__u32 tx_dropped;
	__u32 reserved[4];
	char ifname[IPCP_NEG_IFNAME_SIZE];
};

/**
 * struct ipcp_neg_pool_req - IPCP_NEG_IOC_POOL_ADD, IPCP_NEG_IOC_POOL_DEL
 * @name: the pool; POOL_ADD creates it when it does not exist
 * @next: POOL_ADD: the overflow pool, or "" to leave it unchanged
 * @first: POOL_ADD: first address of the range added
 * @last: POOL_ADD: last address of the range added
 * @reserved: zero
 */
struct ipcp_neg_pool_req {
	char name[IPCP_NEG_NAME_SIZE];
	char next[IPCP_NEG_NAME_SIZE];
	__be32 first;
	__be32 last;
	__u32 reserved[6];
};

#define IPCP_NEG_IOC_MAGIC	0xE6
#define IPCP_NEG_IOC_CREATE	_IOWR(IPCP_NEG_IOC_MAGIC, 1, struct ipcp_neg_create)
#define IPCP_NEG_IOC_ATTACH	_IOWR(IPCP_NEG_IOC_MAGIC, 2, struct ipcp_neg_attach)
#define IPCP_NEG_IOC_DETACH	_IOW(IPCP_NEG_IOC_MAGIC, 3, struct ipcp_neg_ref)
#define IPCP_NEG_IOC_RENEGOTIATE _IOW(IPCP_NEG_IOC_MAGIC, 4, struct ipcp_neg_ref)
#define IPCP_NEG_IOC_STATUS	_IOWR(IPCP_NEG_IOC_MAGIC, 5, struct ipcp_neg_status)
#define IPCP_NEG_IOC_POOL_ADD	_IOW(IPCP_NEG_IOC_MAGIC, 6, struct ipcp_neg_pool_req)
#define IPCP_NEG_IOC_POOL_DEL	_IOW(IPCP_NEG_IOC_MAGIC, 7, struct ipcp_neg_pool_req)

#endif /* _UAPI_IPCP_NEG_H */
