// SPDX-License-Identifier: GPL-2.0
/*
 * The module parameter the address pools read, at its default, for the
 * builds of the module's sources that leave params.c and its module
 * parameters out: the benchmark module (bench/kmod), the user-space
 * benchmark (bench/user) and the fuzz targets (fuzz/). They only make
 * pools in namespaces of the initial user namespace, which the bound does
 * not apply to.
 */

#include "../params.h"

/**
 * ipcp_neg_param_userns_pool_addrs - params.c's, fixed at the default
 *
 * Return: IPCP_NEG_USERNS_POOL_ADDRS_DEFAULT.
 */
unsigned int ipcp_neg_param_userns_pool_addrs(void)
{
	return IPCP_NEG_USERNS_POOL_ADDRS_DEFAULT;
}
