/* SPDX-License-Identifier: GPL-2.0 */
/* User-space stand-in for the kernel header of the same name. */
#ifndef _FUZZ_KUNIT_VISIBILITY_H
#define _FUZZ_KUNIT_VISIBILITY_H

#define EXPORT_SYMBOL_IF_KUNIT(sym)

#endif
