#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The demonstration run by "make demo": the module negotiates real PPP
# links with the real pppd over pty pairs, first as the server (it assigns
# pppd its address and DNS), then as the client (pppd assigns it one).
. /test/lib.sh

show_module_side() {
	echo "module side: ipcpctl status $1"
	ipcpctl status "$1" | sed 's/^/    /'
	echo "module side: ip addr show dev $1"
	ip -4 addr show dev "$1" | sed 's/^/    /'
}

FAILED=
echo
echo "### ipcp_neg demo"
insmod "$MODDIR/ipcp_neg.ko" && echo "ipcp_neg.ko loaded: $(grep '^ipcp_neg ' /proc/modules)"

echo
echo "### 1. The module is the server: it assigns 10.0.1.2 and DNS to a pppd client"
echo "    pppd /tmp/demo1.peer noipdefault usepeerdns          (namespace demo1)"
echo "    ipcpctl attach --tty /tmp/demo1.pty --role server --local 10.0.1.1 --remote 10.0.1.2 --dns 10.0.1.53,10.0.1.54"
start_peer demo1 "noipdefault usepeerdns"
set -- $(ipcpctl attach --tty /tmp/demo1.pty --role server --local 10.0.1.1 \
	--remote 10.0.1.2 --dns 10.0.1.53,10.0.1.54)
ifname=$1
echo "    -> attached as $1, link id $2"
if [ -n "$ifname" ] && wait_for 30 "pppd's IPCP up" test -s /tmp/ppp-demo1.up &&
    wait_for 10 "the module's address" has_ipv4 "$ifname" "inet 10.0.1.1 peer 10.0.1.2/32"; then
	set -- $(pppd_report demo1)
	echo "pppd reports: interface $1, local $2, remote $3, DNS $4 $5"
	echo "pppd side: ip addr show dev $1 (namespace demo1)"
	ip -n demo1 -4 addr show dev "$1" | sed 's/^/    /'
	show_module_side "$ifname"
	ping -c 1 -W 5 10.0.1.2 >/dev/null && echo "ping module -> pppd: ok"
	ip netns exec demo1 ping -c 1 -W 5 10.0.1.1 >/dev/null &&
		echo "ping pppd -> module: ok"
	echo "a manual address on $ifname is refused:"
	echo "    \$ ip addr add 10.9.9.9/32 dev $ifname"
	ip addr add 10.9.9.9/32 dev "$ifname" 2>&1 | sed 's/^/    /'
else
	cat /tmp/pppd-demo1.log
	FAILED="module server"
fi
echo "hanging up the pty pair under the link:"
kill -KILL "$SOCAT_PID"
wait_for 10 "the link to go" link_gone "$ifname"
echo "    ipcpctl status $ifname: $(ipcpctl status "$ifname" 2>&1)"
stop_peer demo1

echo
echo "### 2. The module is the client: a pppd server assigns it 10.0.2.2 and DNS"
echo "    pppd /tmp/demo2.peer 10.0.2.1:10.0.2.2 ms-dns 10.0.2.53   (namespace demo2)"
echo "    ipcpctl attach --tty /tmp/demo2.pty --role client --request-dns"
start_peer demo2 "10.0.2.1:10.0.2.2 ms-dns 10.0.2.53"
set -- $(ipcpctl attach --tty /tmp/demo2.pty --role client --request-dns)
ifname=$1
echo "    -> attached as $1, link id $2"
if [ -n "$ifname" ] && wait_for 30 "the module's address" \
    has_ipv4 "$ifname" "inet 10.0.2.2 peer 10.0.2.1/32"; then
	show_module_side "$ifname"
	ping -c 1 -W 5 10.0.2.1 >/dev/null && echo "ping module -> pppd: ok"
	echo "ipcpctl detach $ifname"
	ipcpctl detach "$ifname"
	wait_for 10 "pppd to see the link end" sh -c "! kill -0 $PEER_PID"
	echo "    pppd: $(tail -n 2 /tmp/pppd-demo2.log | tr '\n' ' ')"
else
	cat /tmp/pppd-demo2.log
	FAILED="${FAILED:+$FAILED, }module client"
fi
stop_peer demo2

rmmod ipcp_neg
report demo
