// SPDX-License-Identifier: GPL-2.0
/*
 * detach.c: the subcommands that name one link and ask the control
 * device to act on it: detach and renegotiate.
 */
#include <unistd.h>

#include "ipcpctl.h"

static int ref_main(int argc, char **argv, unsigned long req)
{
	struct ipcp_neg_ref ref;
	int fd, ret;

	if (argc != 2)
		return bad_usage();
	fd = ctl_open();
	if (fd < 0)
		return 1;
	ret = ctl_ref_ioctl(fd, argv[1], req, &ref, &ref, 0);
	close(fd);
	return ret;
}

/* Terminate-Request, the address deleted, the link gone */
int detach_main(int argc, char **argv)
{
	return ref_main(argc, argv, IPCP_NEG_IOC_DETACH);
}

/* The address deleted, IPCP negotiated afresh */
int renegotiate_main(int argc, char **argv)
{
	return ref_main(argc, argv, IPCP_NEG_IOC_RENEGOTIATE);
}
