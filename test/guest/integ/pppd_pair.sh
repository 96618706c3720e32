#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 360
# The real pppd on both ends: over a pty pair in one namespace, and over
# PPPoE on a veth pair between two namespaces. Proves the guest can run the
# peers that the module is later tested against.
. /test/lib.sh

pty_test() {
	FAILED=
	if ! pppd_pty_pair pty "10.0.0.1:10.0.0.2 ms-dns 10.0.0.53 ms-dns 10.0.0.54" \
	    "noipdefault usepeerdns"; then
		cat /tmp/pppd-pty.log
		stop_pppd_pty_pair pty
		result fail pppd-pty-pair "IPCP did not come up"
		return
	fi
	set -- $(pppd_report pty-cli)
	check "client pppd reports local 10.0.0.2" [ "$2" = 10.0.0.2 ]
	check "client pppd reports remote 10.0.0.1" [ "$3" = 10.0.0.1 ]
	check "client pppd reports DNS 10.0.0.53 10.0.0.54" \
		[ "$4 $5" = "10.0.0.53 10.0.0.54" ]
	check "client $1 has 10.0.0.2 peer 10.0.0.1/32" \
		has_ipv4 "$1" "inet 10.0.0.2 peer 10.0.0.1/32"
	cli_if=$1
	set -- $(pppd_report pty-srv)
	check "server $1 has 10.0.0.1 peer 10.0.0.2/32" \
		has_ipv4_ns pty "$1" "inet 10.0.0.1 peer 10.0.0.2/32"
	check "ping from the client to the server" ping -c 1 -W 5 10.0.0.1
	check "ping from the server to the client" \
		ip netns exec pty ping -c 1 -W 5 10.0.0.2
	stop_pppd_pty_pair pty
	check "client interface gone after hang-up" \
		wait_for 20 "$cli_if to go" sh -c "! /usr/sbin/ip link show $cli_if"
	report pppd-pty-pair
}

pppoe_test() {
	FAILED=
	rm -f /tmp/ppp-pppoe-cli.up
	if ! netns_pair pppoe-s pppoe-c veth-s veth-c; then
		result fail pppd-pppoe-pair "could not create the namespaces"
		return
	fi
	ip netns exec pppoe-s pppoe-server -F -k -I veth-s -L 10.1.0.1 \
		-R 10.1.0.2 -N 4 -O /etc/ppp/pppoe-server-options \
		>/tmp/pppoe-server.log 2>&1 &
	srv=$!
	ip netns exec pppoe-c pppd plugin rp-pppoe.so veth-c nodetach noauth \
		noipdefault usepeerdns lcp-restart 1 ipparam pppoe-cli \
		>/tmp/pppd-pppoe.log 2>&1 &
	cli=$!
	if wait_for 60 "PPPoE client IPCP up" test -s /tmp/ppp-pppoe-cli.up; then
		set -- $(pppd_report pppoe-cli)
		check "PPPoE client pppd reports local 10.1.0.2" [ "$2" = 10.1.0.2 ]
		check "PPPoE client pppd reports DNS 10.1.0.53" [ "$4" = 10.1.0.53 ]
		check "PPPoE client $1 has 10.1.0.2 peer 10.1.0.1/32" \
			has_ipv4_ns pppoe-c "$1" "inet 10.1.0.2 peer 10.1.0.1/32"
		check "ping over PPPoE" \
			ip netns exec pppoe-c ping -c 1 -W 5 10.1.0.1
	else
		cat /tmp/pppd-pppoe.log /tmp/pppoe-server.log
		FAILED="IPCP did not come up over PPPoE"
	fi
	stop_pid "$cli"
	stop_pid "$srv"
	ip netns del pppoe-s
	ip netns del pppoe-c
	report pppd-pppoe-pair
}

pty_test
pppoe_test
