/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals of a link shared by the files that make it up (link.c lists
 * them): the link itself and the functions they call in each other. Its
 * packet history is hist.h, its configuration's rules and setters
 * link_conf.h.
 *
 * Lock order of the module, outermost first (a lock is only ever taken
 * while holding those above it, never the reverse):
 *
 *   RTNL (addr.c)  >  links_mutex (link.c)  >  a pool's lock (addr_pool.c)
 *   link->lock (BH)  >  a pool's lock  >  link->qlock (BH)
 *
 * - links_mutex: the list of links, ids, attach; process context only,
 *   never held while a link is torn down. attach takes RTNL under it
 *   (addr_manage), so the netdevice notifier, which runs under RTNL,
 *   walks the list under RCU instead.
 * - link->lock (BH): the engine and everything its callbacks touch (the
 *   fields marked "Protected by lock"); the lease policy (lease.c) takes
 *   the pool's lock under it.
 * - link->qlock (BH): the three frame queues and link->dead; taken inside
 *   link->lock (the engine's xmit queues a packet), and inside
 *   ppp_generic's transmit lock of LOWER or UPPER (their start_xmit).
 *   Never held across a call into ppp_generic (ppp_input(),
 *   ppp_output_wakeup()), which takes those locks.
 * - Every call into ppp_generic is made from the tasklet with no lock of
 *   ours held: from a channel's start_xmit it would nest ppp_generic's
 *   locks in an order ppp_generic itself reverses (link_data.c).
 * - Addresses and MTU are programmed from a work item, under RTNL and no
 *   link lock (link_events.c).
 * - The sysfs directory (link_sysfs.c) takes link->lock only; it goes
 *   first in teardown, outside any lock (removal waits for running
 *   show/store calls).
 * lockdep checks the order at run time; lockdep_assert_held() marks the
 * functions that need a lock held.
 */
#ifndef _IPCP_NEG_LINK_INT_H
#define _IPCP_NEG_LINK_INT_H

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/hrtimer.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/netdevice.h>
#include <linux/poll.h>
#include <linux/ratelimit.h>
#include <linux/ppp_channel.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <linux/timer.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "bucket.h"
#include "events.h"
#include "hist.h"
#include "lease.h"
#include "link.h"
#include "ncp.h"
#include <ipcp_neg_names.h>

/* The sysfs directories of a link: ipcp_neg, ipcp_neg/state, .../counters */
enum ipcp_neg_link_kobj {
	IPCP_NEG_LINK_KOBJ_TOP,
	IPCP_NEG_LINK_KOBJ_STATE,
	IPCP_NEG_LINK_KOBJ_COUNTERS,
	IPCP_NEG_LINK_NKOBJS
};

/* Why a frame was dropped: counters/drop_<name> (ipcp_neg_names.h) */
#define IPCP_NEG_DROP_ENUM(id, rx, name, text)	IPCP_NEG_DROP_##id,
enum ipcp_neg_link_drop {
	IPCP_NEG_DROP_NAMES(IPCP_NEG_DROP_ENUM)
	IPCP_NEG_DROP_COUNT
};

/*
 * Automata of a link, as ipcp_neg_link_fsm() numbers them: LCP's, then
 * the NCPs' in the order of their table (ncp.h); a restart timer each
 */
#define IPCP_NEG_LINK_FSM_LCP		0
#define IPCP_NEG_LINK_FSM_NCP(id)	(1 + (id))
#define IPCP_NEG_LINK_NFSMS		IPCP_NEG_LINK_FSM_NCP(IPCP_NEG_NCP_COUNT)
#define IPCP_NEG_LINK_NTIMERS		IPCP_NEG_LINK_NFSMS

/**
 * struct link_timer - one protocol's restart timer
 * @t: the timer
 * @proto: whose: LCP or an NCP's control protocol
 * @link: the link it belongs to
 */
struct link_timer {
	struct timer_list t;
	u16 proto;
	struct ipcp_neg_link *link;
};

/* The address state IPCP wants on the unit */
struct link_addr {
	__be32 local;
	__be32 peer;
	unsigned int mtu;
	bool up;
};

/**
 * struct ipcp_neg_link - one PPP link run by the module
 * @node: entry in links; written under links_mutex, walked under RCU by
 *	the netdevice notifier
 * @dead_node: entry in a list of links being torn down
 * @id: the link's id, never 0
 * @net: namespace of the channels and the unit (held)
 * @owner: the control file that created it, until it is attached;
 *	Protected by links_mutex
 * @listed: on links; Protected by links_mutex. Whoever unlists it tears
 *	it down.
 * @attached: files held, engine started; Protected by links_mutex
 * @lock: serialises the engine and the fields marked with it
 * @eng: LCP and IPCP; Protected by lock
 * @want: the address IPCP negotiated; Protected by lock
 * @transport: the transport attach found (lcp_policy.h); Protected by lock
 * @lcp_set: LCP's options as configured, which lcp_policy.c turns into
 *	eng.lcp.conf for @transport; Protected by lock
 * @data_up: bit N set while NCP N of the table (ncp.h) is up: its data
 *	protocols may flow (written under lock, read locklessly)
 * @lease: the pool the peer's address comes from and the address leased
 *	(lease.h); Protected by lock
 * @timer: the restart timers: LCP's, then one per NCP of the table
 * @echo_timer: sends LCP Echo-Requests, declares the link dead when
 *	echo_failures in a row go unanswered (a fallback for hang-up
 *	detection)
 * @handed: server: the DNS/NBNS servers in our last IPCP Configure-Ack,
 *	by enum ipcp_neg_ipcp_opt; Protected by lock
 * @neg_addr: the last negotiated local (client) or peer (server)
 *	address; Protected by lock
 * @addr_changes: times @neg_addr changed; Protected by lock
 * @ipcp_ups: times IPCP went up; Protected by lock
 * @renegotiations: IPCP ups after the first; Protected by lock
 * @log_rs: ratelimits the IPCP up and down lines (a peer can loop them)
 * @up_since: CLOCK_BOOTTIME seconds of the last IPCP up, 0 while down;
 *	Protected by lock
 * @protrej: ratelimits the Protocol-Rejects a peer's frames make us send;
 *	Protected by lock
 * @qlock: protects the queues, @dead and @upper_stopped
 * @from_lower: frames of the peer, from LOWER's start_xmit
 * @from_upper: frames of pppN, from UPPER's start_xmit (bounded: when it
 *	is full UPPER refuses the frame and ppp_generic keeps it pending)
 * @to_lower: control packets of the engine
 * @dead: being torn down: nothing is queued or scheduled any more
 * @upper_stopped: UPPER refused a frame; the tasklet wakes ppp_generic
 *	(ppp_output_wakeup()) when @from_upper has room again
 * @tx_paced: the transport takes one frame at a time and drops the next
 *	while it holds one (ppp_async, ppp_synctty: a tty); set at attach
 * @tx_held: paced: the last frame handed to the transport, with our
 *	reference: while the transport holds its own, it is busy. The
 *	tasklet's only (and teardown's once the tasklet is dead).
 * @tx_poll: paced: polls @tx_held while frames wait for it
 * @tx_poll_ns: the next poll's delay; the tasklet's only
 * @tx_waits: paced: times frames had to wait for the transport; written
 *	by the tasklet only, read locklessly
 * @tasklet: processes the queues
 * @drops: frames dropped, by enum ipcp_neg_link_drop
 * @lower: the channel bridged to the transport's
 * @upper: the channel connected to pppN
 * @dev: the unit's net_device (held) once attached
 * @addr_up: the address is on @dev; addr_work and teardown only
 * @kobj: the sysfs directory ipcp_neg under @dev and its state/ and
 *	counters/ while attached (enum ipcp_neg_link_kobj); attach and
 *	teardown only (process context)
 * @addr_work: applies @want to @dev
 * @down_reason: enum ipcp_neg_engine_reason of IPCP's last down;
 *	Protected by lock
 * @removing: detach or unload tears the link down: a down event says so
 * @term_wait: teardown sent a Terminate-Request and waits for its Ack
 * @ev_up: an up event was sent and no down since; addr_work and teardown
 * @ev: the last event sent (events.h); addr_work and teardown only
 * @kill_work: tears the link down after LCP finished or a hang-up (the
 *	only work item that tears down, so no two cancel each other)
 * @lcp_done: LCP finished: @kill_work tears the link down
 * @dev_gone: @dev is being unregistered: @kill_work tears the link down
 * @hup_wqh: the wait queue @hup_wait is on, or NULL
 * @hup_wait: our entry on the transport channel's wait queue
 * @hup_pt: the poll table that registers @hup_wait
 * @finished: LCP finished (This-Layer-Finished)
 * @files: the files held, enum ipcp_neg_link_file
 * @rcu: for kfree_rcu()
 * @hist: the last control packets to and from the peer (its own
 *	allocation, of the depth history_depth had at creation; NULL for 0);
 *	the ring's contents are Protected by lock
 */
struct ipcp_neg_link {
	struct list_head node;
	struct list_head dead_node;
	u32 id;
	struct net *net;
	const void *owner;
	bool listed;
	bool attached;

	spinlock_t lock;		/* serialises the engine */
	struct ipcp_neg_engine eng;
	struct link_addr want;
	struct ipcp_neg_transport_info transport;
	struct ipcp_neg_lcp_settings lcp_set;
	unsigned long data_up;
	struct ipcp_neg_lease lease;
	struct link_timer timer[IPCP_NEG_LINK_NTIMERS];
	struct timer_list echo_timer;
	__be32 handed[IPCP_NEG_IPCP_O_COUNT];
	__be32 neg_addr;
	u32 addr_changes;
	u32 ipcp_ups;
	u32 renegotiations;
	struct ratelimit_state log_rs;
	time64_t up_since;
	struct ipcp_neg_bucket protrej;

	spinlock_t qlock;		/* the queues and their flags */
	struct sk_buff_head from_lower;
	struct sk_buff_head from_upper;
	struct sk_buff_head to_lower;
	bool dead;
	bool upper_stopped;
	bool tx_paced;
	struct sk_buff *tx_held;
	struct hrtimer tx_poll;
	u32 tx_poll_ns;
	u32 tx_waits;
	struct tasklet_struct tasklet;
	atomic_t drops[IPCP_NEG_DROP_COUNT];

	struct ppp_channel lower;
	struct ppp_channel upper;

	struct net_device *dev;
	bool addr_up;
	struct kobject *kobj[IPCP_NEG_LINK_NKOBJS];
	struct work_struct addr_work;
	u8 down_reason;
	bool removing;
	bool term_wait;
	bool ev_up;
	struct ipcp_neg_event ev;
	struct work_struct kill_work;
	bool lcp_done;
	bool dev_gone;
	wait_queue_head_t *hup_wqh;
	wait_queue_entry_t hup_wait;
	poll_table hup_pt;
	struct completion finished;
	struct file *files[IPCP_NEG_LINK_NFILES];
	struct rcu_head rcu;
	struct ipcp_neg_hist *hist;
};

/* Room in front of the frames we build, and asked of pppN for UPPER */
#define IPCP_NEG_LINK_HEADROOM	32

/* Every work item of every link (link.c) */
extern struct workqueue_struct *ipcp_neg_link_wq;

/* link_data.c */
void ipcp_neg_link_data_init(struct ipcp_neg_link *link);
int ipcp_neg_link_data_register(struct ipcp_neg_link *link);
void ipcp_neg_link_data_close(struct ipcp_neg_link *link);
void ipcp_neg_link_data_stop(struct ipcp_neg_link *link);
void ipcp_neg_link_drop(struct ipcp_neg_link *link, unsigned int why,
			struct sk_buff *skb);
u32 ipcp_neg_link_drops(struct ipcp_neg_link *link, bool rx);
unsigned int ipcp_neg_link_data_ok(struct ipcp_neg_link *link,
				   struct sk_buff *skb);

/* link_tx.c */
void ipcp_neg_link_tx_init(struct ipcp_neg_link *link);
void ipcp_neg_link_tx_all(struct ipcp_neg_link *link);
void ipcp_neg_link_tx_stop_poll(struct ipcp_neg_link *link);
void ipcp_neg_link_tx_purge(struct ipcp_neg_link *link);
void ipcp_neg_link_send_ctl(struct ipcp_neg_link *link, u16 proto, u8 code,
			    u8 id, const u8 *data, unsigned int len);
void ipcp_neg_link_data_start(struct ipcp_neg_link *link, bool paced);

/**
 * struct ipcp_neg_link_state - a link's state, read at once under its lock
 * @fsm: the state of each automaton (enum ipcp_neg_fsm_state), as
 *	ipcp_neg_link_fsm() numbers them
 * @phase: enum ipcp_neg_phase
 * @reason: enum ipcp_neg_engine_reason
 * @local: our negotiated address, 0 unless IPCP is up
 * @peer: the peer's, 0 unless IPCP is up
 * @srv: DNS/NBNS obtained (client) or handed out (server) while IPCP is
 *	up, by enum ipcp_neg_ipcp_opt
 * @up_since: CLOCK_BOOTTIME seconds of IPCP up, 0 while down
 */
struct ipcp_neg_link_state {
	u8 fsm[IPCP_NEG_LINK_NFSMS];
	u8 phase;
	u32 reason;
	__be32 local;
	__be32 peer;
	__be32 srv[IPCP_NEG_IPCP_O_COUNT];
	time64_t up_since;
};

/* link_engine.c */
void ipcp_neg_link_engine_init(struct ipcp_neg_link *link,
			       const struct ipcp_neg_link_conf *c);
void ipcp_neg_link_echo_start(struct ipcp_neg_link *link);
void ipcp_neg_link_timers_shutdown(struct ipcp_neg_link *link);
struct ipcp_neg_fsm *ipcp_neg_link_fsm(struct ipcp_neg_link *link,
				       unsigned int i);
void ipcp_neg_link_get_state(struct ipcp_neg_link *link,
			     struct ipcp_neg_link_state *s);
void ipcp_neg_link_get_stats(struct ipcp_neg_link *link, unsigned int i,
			     struct ipcp_neg_fsm_stats *st);

/* link_events.c */
void ipcp_neg_link_addr_work(struct work_struct *w);
void ipcp_neg_link_event_down(struct ipcp_neg_link *link);

/* link_hup.c */
bool ipcp_neg_link_hung_up(struct ipcp_neg_link *link);
int ipcp_neg_link_watch(struct ipcp_neg_link *link, struct file *bridge);
void ipcp_neg_link_unwatch(struct ipcp_neg_link *link);

/* link_files.c */
struct net_device *
ipcp_neg_link_check_files(struct ipcp_neg_link *link,
			  struct file *files[IPCP_NEG_LINK_NFILES],
			  struct ipcp_neg_transport_info *t);

/* link_sysfs.c */
void ipcp_neg_link_sysfs_init(void);
int ipcp_neg_link_sysfs_add(struct ipcp_neg_link *link);
void ipcp_neg_link_sysfs_del(struct ipcp_neg_link *link);
size_t ipcp_neg_link_sysfs_dir_size(void);

#endif /* _IPCP_NEG_LINK_INT_H */
