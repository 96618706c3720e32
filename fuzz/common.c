// SPDX-License-Identifier: GPL-2.0
/*
 * What the fuzz targets share: reading the input and failing loudly.
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>

#include "common.h"

bool fuzz_trace;

/**
 * LLVMFuzzerInitialize - libFuzzer's start-up hook
 * @argc: unused
 * @argv: unused
 *
 * Return: 0.
 */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_trace = getenv("FUZZ_TRACE");
	fuzz_printk_on = fuzz_trace;
	return 0;
}

/**
 * fuzz_fail - report a broken property and abort
 * @fmt: what broke
 */
void fuzz_fail(const char *fmt, ...)
{
	va_list ap;

	fputs("FUZZ FAIL: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/**
 * fuzz_start - start reading a fuzz input
 * @in: the cursor
 * @data: the input
 * @size: its length
 */
void fuzz_start(struct fuzz_in *in, const u8 *data, size_t size)
{
	in->p = data;
	in->left = size;
}

/**
 * fuzz_dup - copy bytes the module is given into a block of their size
 * @data: the bytes
 * @len: how many
 *
 * A read past them is then caught by AddressSanitizer. Not counted in
 * fuzz_kmem_live; free() it.
 *
 * Return: the copy.
 */
u8 *fuzz_dup(const u8 *data, unsigned int len)
{
	u8 *p = malloc(len ? len : 1);

	if (!p)
		abort();
	memcpy(p, data, len);
	return p;
}

/**
 * fuzz_u8 - the next byte of the input
 * @in: the cursor
 *
 * Return: the byte, or 0 past the end.
 */
u8 fuzz_u8(struct fuzz_in *in)
{
	if (!in->left)
		return 0;
	in->left--;
	return *in->p++;
}

/**
 * fuzz_u16 - the next two bytes of the input, big endian
 * @in: the cursor
 *
 * Return: the value; missing bytes read as 0.
 */
u16 fuzz_u16(struct fuzz_in *in)
{
	u16 hi = fuzz_u8(in);

	return hi << 8 | fuzz_u8(in);
}

/**
 * fuzz_u32 - the next four bytes of the input, big endian
 * @in: the cursor
 *
 * Return: the value; missing bytes read as 0.
 */
u32 fuzz_u32(struct fuzz_in *in)
{
	u32 hi = fuzz_u16(in);

	return hi << 16 | fuzz_u16(in);
}

/**
 * fuzz_bytes - copy up to @len bytes of the input
 * @in: the cursor
 * @buf: where they go
 * @len: how many are wanted
 *
 * Return: how many were copied (fewer at the end of the input).
 */
unsigned int fuzz_bytes(struct fuzz_in *in, u8 *buf, unsigned int len)
{
	len = min_t(size_t, len, in->left);
	memcpy(buf, in->p, len);
	in->p += len;
	in->left -= len;
	return len;
}
