/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module's debugfs directory (debugfs.c): what it allocates per link.
 */
#ifndef _IPCP_NEG_DEBUGFS_H
#define _IPCP_NEG_DEBUGFS_H

void ipcp_neg_debugfs_init(void);
void ipcp_neg_debugfs_exit(void);

#endif /* _IPCP_NEG_DEBUGFS_H */
