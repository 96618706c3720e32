#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The demonstration run by "make demo".
. /test/lib.sh

echo
echo "### ipcp_neg demo"
insmod "$MODDIR/ipcp_neg.ko" && echo "ipcp_neg.ko loaded: $(grep '^ipcp_neg ' /proc/modules)"
echo
echo "### Two pppd negotiating IPCP over a pty pair (server 10.0.0.1, pool of one: 10.0.0.2)"
if pppd_pty_pair demo "10.0.0.1:10.0.0.2 ms-dns 10.0.0.53" "noipdefault usepeerdns"; then
	set -- $(pppd_report demo-cli)
	echo "client pppd reports: interface $1, local $2, remote $3, DNS $4"
	echo "ip addr on the client interface:"
	ip -4 addr show dev "$1"
	set -- $(pppd_report demo-srv)
	echo "ip addr on the server interface (namespace demo):"
	ip -n demo -4 addr show dev "$1"
	result pass demo
else
	cat /tmp/pppd-demo.log
	result fail demo "IPCP did not come up"
fi
stop_pppd_pty_pair demo
rmmod ipcp_neg
