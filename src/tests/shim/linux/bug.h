/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * Every WARN and BUG aborts, so that the fuzzer reports it as a crash.
 */
#ifndef _FUZZ_LINUX_BUG_H
#define _FUZZ_LINUX_BUG_H

/* Out of line, and not noreturn, to keep llvm-cov's line counts right */
void fuzz_bug(const char *kind, const char *file, int line, const char *cond);

#define __fuzz_bug(kind, cond) ({					\
	int __c = !!(cond);						\
	if (__c)							\
		fuzz_bug(kind, __FILE__, __LINE__, #cond);		\
	__c; })

#define WARN_ON(cond)		__fuzz_bug("WARN_ON", cond)
#define WARN_ON_ONCE(cond)	__fuzz_bug("WARN_ON_ONCE", cond)
#define BUG_ON(cond)		((void)__fuzz_bug("BUG_ON", cond))
#define BUG()			BUG_ON(1)

#endif
