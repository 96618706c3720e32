// SPDX-License-Identifier: GPL-2.0
/*
 * The module parameters. Each is an unsigned value with bounds, checked on
 * write: a value that does not parse or lies outside them is refused with
 * -EINVAL and the old value stays. Changing one needs CAP_NET_ADMIN (the
 * files are root's, but root may have dropped its capabilities); module
 * load, by a task that has it, passes. Readers use the accessors below,
 * which read locklessly (a parameter is one aligned word).
 */

#include <linux/capability.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/sysfs.h>
#include <kunit/visibility.h>

#include "fsm.h"
#include "hist.h"
#include "params.h"

/**
 * struct params_uint - one bounded parameter
 * @val: the value; written with WRITE_ONCE, read with READ_ONCE
 * @min: smallest value accepted
 * @max: largest value accepted
 */
struct params_uint {
	unsigned int val;
	unsigned int min;
	unsigned int max;
};

static int params_set(const char *val, const struct kernel_param *kp)
{
	struct params_uint *p = kp->arg;
	unsigned int v;

	if (!capable(CAP_NET_ADMIN))
		return -EPERM;
	if (kstrtouint(val, 10, &v) || v < p->min || v > p->max)
		return -EINVAL;
	WRITE_ONCE(p->val, v);
	return 0;
}

static int params_get(char *buf, const struct kernel_param *kp)
{
	const struct params_uint *p = kp->arg;

	return sysfs_emit(buf, "%u\n", READ_ONCE(p->val));
}

static const struct kernel_param_ops params_ops = {
	.set = params_set,
	.get = params_get,
};

static struct params_uint params_restart_ms = {
	.val = 3000, .min = IPCP_NEG_RESTART_MS_MIN, .max = IPCP_NEG_RESTART_MS_MAX,
};
module_param_cb(restart_ms, &params_ops, &params_restart_ms, 0644);
MODULE_PARM_DESC(restart_ms,
		 "RFC 1661 Restart timer of new links, ms (100-60000, default 3000)");

static struct params_uint params_max_configure = {
	.val = 10, .min = IPCP_NEG_MAX_COUNT_MIN, .max = IPCP_NEG_MAX_COUNT_MAX,
};
module_param_cb(max_configure, &params_ops, &params_max_configure, 0644);
MODULE_PARM_DESC(max_configure,
		 "Max-Configure of new links (1-255, default 10)");

static struct params_uint params_max_terminate = {
	.val = 2, .min = IPCP_NEG_MAX_COUNT_MIN, .max = IPCP_NEG_MAX_COUNT_MAX,
};
module_param_cb(max_terminate, &params_ops, &params_max_terminate, 0644);
MODULE_PARM_DESC(max_terminate,
		 "Max-Terminate of new links (1-255, default 2)");

static struct params_uint params_max_failure = {
	.val = 5, .min = IPCP_NEG_MAX_COUNT_MIN, .max = IPCP_NEG_MAX_COUNT_MAX,
};
module_param_cb(max_failure, &params_ops, &params_max_failure, 0644);
MODULE_PARM_DESC(max_failure,
		 "Max-Failure of new links (1-255, default 5)");

static struct params_uint params_echo_interval_ms = {
	.val = 10000, .min = IPCP_NEG_ECHO_MS_MIN, .max = IPCP_NEG_ECHO_MS_MAX,
};
module_param_cb(echo_interval_ms, &params_ops, &params_echo_interval_ms, 0644);
MODULE_PARM_DESC(echo_interval_ms,
		 "LCP Echo-Request interval of every link, ms (100-3600000, default 10000)");

static struct params_uint params_echo_failures = {
	.val = 5, .min = IPCP_NEG_MAX_COUNT_MIN, .max = IPCP_NEG_MAX_COUNT_MAX,
};
module_param_cb(echo_failures, &params_ops, &params_echo_failures, 0644);
MODULE_PARM_DESC(echo_failures,
		 "Unanswered LCP Echo-Requests that end a link (1-255, default 5)");

static struct params_uint params_userns_pool_addrs = {
	.val = IPCP_NEG_USERNS_POOL_ADDRS_DEFAULT, .min = 0, .max = U32_MAX,
};
module_param_cb(userns_pool_addrs, &params_ops, &params_userns_pool_addrs,
		0644);
MODULE_PARM_DESC(userns_pool_addrs,
		 "Addresses all pools of a network namespace not owned by the initial user namespace may hold (0-4294967295, 0: none, default 65536)");

static struct params_uint params_history_depth = {
	.val = IPCP_NEG_HIST_LEN, .min = 0, .max = IPCP_NEG_HIST_LEN_MAX,
};
module_param_cb(history_depth, &params_ops, &params_history_depth, 0644);
MODULE_PARM_DESC(history_depth,
		 "Control packets the sysfs packets file of new links keeps (0-256, 0: none, default 32)");

/**
 * ipcp_neg_param_restart_ms - module parameter restart_ms
 *
 * Return: the Restart timer new links start with, in milliseconds.
 */
unsigned int ipcp_neg_param_restart_ms(void)
{
	return READ_ONCE(params_restart_ms.val);
}

/**
 * ipcp_neg_param_max_configure - module parameter max_configure
 *
 * Return: the Max-Configure new links start with.
 */
unsigned int ipcp_neg_param_max_configure(void)
{
	return READ_ONCE(params_max_configure.val);
}

/**
 * ipcp_neg_param_max_terminate - module parameter max_terminate
 *
 * Return: the Max-Terminate new links start with.
 */
unsigned int ipcp_neg_param_max_terminate(void)
{
	return READ_ONCE(params_max_terminate.val);
}

/**
 * ipcp_neg_param_max_failure - module parameter max_failure
 *
 * Return: the Max-Failure new links start with.
 */
unsigned int ipcp_neg_param_max_failure(void)
{
	return READ_ONCE(params_max_failure.val);
}

/**
 * ipcp_neg_param_echo_interval_ms - module parameter echo_interval_ms
 *
 * Read at each Echo-Request of every link.
 *
 * Return: the LCP Echo-Request interval, in milliseconds.
 */
unsigned int ipcp_neg_param_echo_interval_ms(void)
{
	return READ_ONCE(params_echo_interval_ms.val);
}

/**
 * ipcp_neg_param_echo_failures - module parameter echo_failures
 *
 * Read at each Echo-Request of every link.
 *
 * Return: how many Echo-Requests in a row may go unanswered before the
 * link is declared dead.
 */
unsigned int ipcp_neg_param_echo_failures(void)
{
	return READ_ONCE(params_echo_failures.val);
}

/**
 * ipcp_neg_param_userns_pool_addrs - module parameter userns_pool_addrs
 *
 * Read at each range added to a pool of a network namespace that the
 * initial user namespace does not own; a lower value does not shrink pools
 * that hold more already.
 *
 * Return: how many addresses the ranges of all pools of such a namespace
 * may hold together.
 */
unsigned int ipcp_neg_param_userns_pool_addrs(void)
{
	return READ_ONCE(params_userns_pool_addrs.val);
}
EXPORT_SYMBOL_IF_KUNIT(ipcp_neg_param_userns_pool_addrs);

/**
 * ipcp_neg_param_history_depth - module parameter history_depth
 *
 * Read when a link is created: its packet history keeps this many
 * packets for its life.
 *
 * Return: the depth of new links' packet history, 0 for none.
 */
unsigned int ipcp_neg_param_history_depth(void)
{
	return READ_ONCE(params_history_depth.val);
}

/**
 * ipcp_neg_param_fsm_conf - load the module's defaults into an automaton
 * @conf: the automaton's tunables; restart_option is left as it is
 *
 * Sets the Restart timer, Max-Configure, Max-Terminate and Max-Failure
 * from the module parameters, as a new link does for its LCP and IPCP.
 */
void ipcp_neg_param_fsm_conf(struct ipcp_neg_fsm_conf *conf)
{
	conf->restart_ms = ipcp_neg_param_restart_ms();
	conf->max_configure = ipcp_neg_param_max_configure();
	conf->max_terminate = ipcp_neg_param_max_terminate();
	conf->max_failure = ipcp_neg_param_max_failure();
}
