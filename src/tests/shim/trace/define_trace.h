/* SPDX-License-Identifier: GPL-2.0 */
/*
 * User-space stand-in for the kernel header of the same name:
 * tracepoints are never defined in the fuzz targets, see linux/tracepoint.h.
 */
