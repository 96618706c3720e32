/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_LINUX_IN_H
#define _FUZZ_LINUX_IN_H

#include <linux/types.h>

static inline bool ipv4_is_loopback(__be32 addr)
{
	return (addr & htonl(0xff000000)) == htonl(0x7f000000);
}

static inline bool ipv4_is_multicast(__be32 addr)
{
	return (addr & htonl(0xf0000000)) == htonl(0xe0000000);
}

static inline bool ipv4_is_lbcast(__be32 addr)
{
	return addr == htonl(0xffffffff);
}

static inline bool ipv4_is_zeronet(__be32 addr)
{
	return addr == 0;
}

#endif
