/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the fuzz targets share: reading the input and failing loudly.
 */
#ifndef _FUZZ_COMMON_H
#define _FUZZ_COMMON_H

#include <stdio.h>

#include <linux/types.h>

/**
 * struct fuzz_in - the rest of the fuzz input
 * @p: next byte
 * @left: bytes left
 */
struct fuzz_in {
	const u8 *p;
	size_t left;
};

u8 fuzz_u8(struct fuzz_in *in);
u16 fuzz_u16(struct fuzz_in *in);
u32 fuzz_u32(struct fuzz_in *in);
unsigned int fuzz_bytes(struct fuzz_in *in, u8 *buf, unsigned int len);
void fuzz_start(struct fuzz_in *in, const u8 *data, size_t size);
u8 *fuzz_dup(const u8 *data, unsigned int len);

__noreturn __printf(1, 2)
void fuzz_fail(const char *fmt, ...);

/*
 * Checks that catch findings reported but not yet fixed in src/ are on,
 * unless built with "make SKIP_KNOWN=1" to fuzz on past them (README.rst).
 */
#ifdef FUZZ_SKIP_KNOWN
#define FUZZ_CHECK_KNOWN	false
#else
#define FUZZ_CHECK_KNOWN	true
#endif

/* Set from the environment variable FUZZ_TRACE: print what happens */
extern bool fuzz_trace;

#define fuzz_log(fmt, ...) do {						\
	if (fuzz_trace)							\
		fprintf(stderr, fmt "\n", ##__VA_ARGS__);		\
} while (0)

#define FUZZ_ASSERT(cond) do {						\
	if (!(cond))							\
		fuzz_fail("%s:%d: %s", __FILE__, __LINE__, #cond);	\
} while (0)

#endif
