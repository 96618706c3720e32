/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * As the kernel's lib/ctype.c (not the C library's "C" locale): Latin-1
 * letters, bytes 0xc0-0xff but for 0xd7 and 0xf7, are letters too.
 */
#ifndef _FUZZ_LINUX_CTYPE_H
#define _FUZZ_LINUX_CTYPE_H

#include <linux/types.h>

static inline bool fuzz_isdigit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static inline bool fuzz_isalpha(unsigned char c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
		return true;
	return c >= 0xc0 && c != 0xd7 && c != 0xf7;
}

#define isascii(c)	(((unsigned char)(c)) <= 0x7f)
#define isdigit(c)	fuzz_isdigit((unsigned char)(c))
#define isalpha(c)	fuzz_isalpha((unsigned char)(c))
#define isalnum(c)	(isalpha(c) || isdigit(c))

#endif
