/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name.
 * TRACE_EVENT(name, ...) gives a trace_<name>() that does nothing; the
 * arguments are still evaluated, as the kernel's would be when enabled.
 */
#ifndef _FUZZ_LINUX_TRACEPOINT_H
#define _FUZZ_LINUX_TRACEPOINT_H

#define PARAMS(args...) args
#define TP_PROTO(args...) args
#define TP_ARGS(args...) args
#define TRACE_DEFINE_ENUM(a)

#define TRACE_EVENT(name, proto, args, tstruct, assign, print)	\
	static inline void trace_##name(proto) {}

#endif
