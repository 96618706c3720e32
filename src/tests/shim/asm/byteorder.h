/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_ASM_BYTEORDER_H
#define _FUZZ_ASM_BYTEORDER_H

#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "the fuzz shim assumes a little-endian host"
#endif

#define cpu_to_be16(x)	((__be16)__builtin_bswap16(x))
#define be16_to_cpu(x)	((u16)__builtin_bswap16(x))
#define cpu_to_be32(x)	((__be32)__builtin_bswap32(x))
#define be32_to_cpu(x)	((u32)__builtin_bswap32(x))
#define htons(x)	cpu_to_be16(x)
#define ntohs(x)	be16_to_cpu(x)
#define htonl(x)	cpu_to_be32(x)
#define ntohl(x)	be32_to_cpu(x)

#endif
