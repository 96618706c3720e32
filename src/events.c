// SPDX-License-Identifier: GPL-2.0
/*
 * Link events for user space (events.h), and the definition of the
 * module's tracepoints (trace.h).
 *
 * An event is a KOBJ_CHANGE uevent on the pppN net device. The netdev core
 * adds ACTION, SUBSYSTEM=net, INTERFACE and IFINDEX; the device's kobject
 * belongs to its network namespace, so only listeners of that namespace
 * receive it. Keys (Documentation/ipcp_neg.rst, "Events and tracing"):
 * IPCP_NEG_EVENT, IPCP_NEG_LINK, IPCP_NEG_ROLE, IPCP_NEG_LOCAL,
 * IPCP_NEG_PEER, IPCP_NEG_DNS1 and IPCP_NEG_DNS2 (only when non-zero),
 * IPCP_NEG_REASON.
 */

#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/slab.h>
#include <kunit/visibility.h>

#include "events.h"

/* The IPCP_NEG_* variables of one event, at most */
#define EVENTS_NKEYS	8

#define CREATE_TRACE_POINTS
#include "trace.h"

static const char * const events_kind_names[] = {
	[IPCP_NEG_EVENT_UP] = "up",
	[IPCP_NEG_EVENT_DOWN] = "down",
	[IPCP_NEG_EVENT_CHANGE] = "change",
};

/* One "KEY=address" variable, unless @addr is 0 and @always is not set */
static int events_add_addr(struct kobj_uevent_env *env, const char *key,
			   __be32 addr, bool always)
{
	if (!addr && !always)
		return 0;
	return add_uevent_var(env, "%s=%pI4", key, &addr);
}

static int events_fill(struct kobj_uevent_env *env,
		       const struct ipcp_neg_event *ev)
{
	int err;

	err = add_uevent_var(env, "IPCP_NEG_EVENT=%s",
			     events_kind_names[ev->kind]);
	err = err ?: add_uevent_var(env, "IPCP_NEG_LINK=%u", ev->link_id);
	err = err ?: add_uevent_var(env, "IPCP_NEG_ROLE=%s",
				    ev->client ? "client" : "server");
	err = err ?: events_add_addr(env, "IPCP_NEG_LOCAL", ev->local, true);
	err = err ?: events_add_addr(env, "IPCP_NEG_PEER", ev->peer, true);
	err = err ?: events_add_addr(env, "IPCP_NEG_DNS1", ev->dns[0], false);
	err = err ?: events_add_addr(env, "IPCP_NEG_DNS2", ev->dns[1], false);
	return err ?: add_uevent_var(env, "IPCP_NEG_REASON=%s", ev->reason);
}

/**
 * ipcp_neg_event_send - tell user space about an IPCP up, down or change
 * @dev: the pppN net device of the link
 * @ev: what happened
 *
 * Sends nothing for a device that is no longer registered (it is being
 * deleted: user space gets its "remove" instead).
 *
 * Context: process context.
 * Return: 0, or a negative errno when the event could not be sent:
 * -ENODEV (device unregistered), -EINVAL (bad @ev), -ENOMEM, or
 * kobject_uevent_env()'s error.
 */
int ipcp_neg_event_send(struct net_device *dev,
			const struct ipcp_neg_event *ev)
{
	struct kobj_uevent_env *env;
	char *envp[EVENTS_NKEYS + 1];
	int err, i;

	might_sleep();
	if (ev->kind >= ARRAY_SIZE(events_kind_names) || !ev->reason)
		return -EINVAL;
	if (READ_ONCE(dev->reg_state) != NETREG_REGISTERED)
		return -ENODEV;
	env = kzalloc(sizeof(*env), GFP_KERNEL);
	if (!env)
		return -ENOMEM;
	err = events_fill(env, ev);
	if (!err) {
		for (i = 0; i < env->envp_idx && i < EVENTS_NKEYS; i++)
			envp[i] = env->envp[i];
		envp[i] = NULL;
		err = kobject_uevent_env(&dev->dev.kobj, KOBJ_CHANGE, envp);
	}
	kfree(env);
	return err;
}

/**
 * ipcp_neg_event_detach_reason - IPCP_NEG_REASON of a link being removed
 *
 * Context: any.
 * Return: "unload" while the module is being unloaded, else "detach".
 */
const char *ipcp_neg_event_detach_reason(void)
{
#ifdef MODULE
	if (!module_is_live(THIS_MODULE))
		return "unload";
#endif
	return "detach";
}

/**
 * ipcp_neg_event_up_next - does IPCP's new outcome call for an up or change?
 * @ev: the last event sent; on true, the one to send (kind, addresses,
 *	DNS servers and reason set; the caller sets link_id and client)
 * @ev_up: an up or change was sent since the last down; set on true
 * @local: our address now
 * @peer: the peer's
 * @dns: the DNS servers now (client: obtained; server: handed out)
 *
 * Up after a down (or at first), change when the addresses or DNS servers
 * differ from the last up or change, nothing when they are the same.
 *
 * Return: true if @ev is to be sent.
 */
bool ipcp_neg_event_up_next(struct ipcp_neg_event *ev, bool *ev_up,
			    __be32 local, __be32 peer, const __be32 dns[2])
{
	if (*ev_up && ev->local == local && ev->peer == peer &&
	    ev->dns[0] == dns[0] && ev->dns[1] == dns[1])
		return false;
	ev->kind = *ev_up ? IPCP_NEG_EVENT_CHANGE : IPCP_NEG_EVENT_UP;
	ev->local = local;
	ev->peer = peer;
	ev->dns[0] = dns[0];
	ev->dns[1] = dns[1];
	ev->reason = "negotiated";
	*ev_up = true;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_event_up_next);

/**
 * ipcp_neg_event_down_next - does IPCP going down call for a down event?
 * @ev: the last event sent; on true, the down to send, with the addresses
 *	of the last up or change (the caller sets its reason)
 * @ev_up: an up or change was sent since the last down; cleared on true
 *
 * Return: true if @ev is to be sent: once per up, never without one.
 */
bool ipcp_neg_event_down_next(struct ipcp_neg_event *ev, bool *ev_up)
{
	if (!*ev_up)
		return false;
	*ev_up = false;
	ev->kind = IPCP_NEG_EVENT_DOWN;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_event_down_next);
