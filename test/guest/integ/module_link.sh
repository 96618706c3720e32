#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The module runs real PPP links against the real pppd, over pty pairs made
# by socat: pppd runs in its own network namespace on one end, ipcpctl
# attaches the module to the other end.
#  - module-server: the module assigns pppd its address and DNS; both sides
#    agree, ping both ways, a manual "ip addr add" is refused with the
#    module's message, renegotiate negotiates afresh, a transport hang-up
#    deletes the address and ends the link.
#  - module-client: pppd assigns the module its address; pppd terminating
#    ends the link and deletes the address.
#  - module-unload: rmmod with a live link is clean and deletes the address.
. /test/lib.sh

# start_peer NAME PPPD_OPTS: socat joins two ptys, /tmp/NAME.pty for the
# module and /tmp/NAME.peer, on which pppd runs in namespace NAME (ipparam
# and linkname NAME). Sets PEER_PID (pppd's) and SOCAT_PID.
start_peer() {
	rm -f "/tmp/ppp-$1.up" "/tmp/ppp-$1.down" "/tmp/$1.pty" "/tmp/$1.peer"
	ip netns add "$1" && ip -n "$1" link set lo up || return 1
	socat "PTY,link=/tmp/$1.pty,raw,echo=0" "PTY,link=/tmp/$1.peer,raw,echo=0" \
		>"/tmp/socat-$1.log" 2>&1 &
	SOCAT_PID=$!
	wait_for 10 "socat's ptys" test -e "/tmp/$1.pty" -a -e "/tmp/$1.peer" ||
		return 1
	/usr/sbin/ip netns exec "$1" pppd "/tmp/$1.peer" nodetach noauth local \
		lcp-restart 1 ipparam "$1" linkname "$1" $2 >"/tmp/pppd-$1.log" 2>&1 &
	PEER_PID=$!
}

stop_peer() {
	stop_pid "$PEER_PID"
	stop_pid "$SOCAT_PID"
	ip netns del "$1" 2>/dev/null
}

# attach ARGS...: ipcpctl attach; sets IF (pppN) and ID
attach() {
	local out
	out=$(ipcpctl attach "$@") || return 1
	set -- $out
	IF=$1
	ID=$2
	say "  attached link $ID as $IF"
}

link_gone() {
	! ipcpctl status "$1" >/dev/null 2>&1
}

module_server() {
	FAILED=
	if ! start_peer msrv "noipdefault usepeerdns"; then
		result fail module-server "could not start pppd"
		return
	fi
	if ! attach --tty /tmp/msrv.pty --role server --local 10.0.1.1 \
	    --remote 10.0.1.2 --dns 10.0.1.53,10.0.1.54; then
		stop_peer msrv
		result fail module-server "ipcpctl attach failed"
		return
	fi
	if ! wait_for 30 "pppd reports IPCP up" test -s /tmp/ppp-msrv.up; then
		cat /tmp/pppd-msrv.log
		ipcpctl status "$IF"
		FAILED="IPCP did not come up"
	fi
	set -- $(pppd_report msrv)
	check "pppd reports local 10.0.1.2" [ "$2" = 10.0.1.2 ]
	check "pppd reports remote 10.0.1.1" [ "$3" = 10.0.1.1 ]
	check "pppd reports DNS 10.0.1.53 10.0.1.54" \
		[ "$4 $5" = "10.0.1.53 10.0.1.54" ]
	check "pppd's $1 has 10.0.1.2 peer 10.0.1.1/32" \
		has_ipv4_ns msrv "$1" "inet 10.0.1.2 peer 10.0.1.1/32"
	check "module's $IF has 10.0.1.1 peer 10.0.1.2/32" wait_for 10 \
		"$IF's address" has_ipv4 "$IF" "inet 10.0.1.1 peer 10.0.1.2/32"
	ipcpctl status "$IF"
	check "ping from the module's side to pppd" ping -c 1 -W 5 10.0.1.2
	check "ping from pppd's side to the module" \
		ip netns exec msrv ping -c 1 -W 5 10.0.1.1
	msg=$(ip addr add 10.9.9.9/32 dev "$IF" 2>&1)
	say "  ip addr add said: $msg"
	check "ip addr add on $IF refused with the module's message" \
		sh -c "echo '$msg' | grep -q 'obtained by IPCP negotiation'"

	rm -f /tmp/ppp-msrv.up
	check "ipcpctl renegotiate $IF" ipcpctl renegotiate "$IF"
	check "pppd saw IPCP go down" wait_for 10 "IPCP down" \
		test -s /tmp/ppp-msrv.down
	check "pppd saw IPCP come up again" wait_for 20 "IPCP up again" \
		test -s /tmp/ppp-msrv.up
	check "$IF has its address again" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.1.1 peer 10.0.1.2/32"

	# hang-up: the pty pair goes away under the link
	kill -KILL "$SOCAT_PID"
	check "address deleted after the hang-up" wait_for 10 \
		"$IF without address" no_ipv4 "$IF"
	check "link gone after the hang-up" wait_for 10 "link $ID to go" \
		link_gone "$ID"
	stop_peer msrv
	if [ -n "$FAILED" ]; then
		result fail module-server "$FAILED"
	else
		result pass module-server
	fi
}

module_client() {
	FAILED=
	if ! start_peer mcli "10.0.2.1:10.0.2.2 ms-dns 10.0.2.53 ms-dns 10.0.2.54"; then
		result fail module-client "could not start pppd"
		return
	fi
	if ! attach --tty /tmp/mcli.pty --role client --request-dns; then
		stop_peer mcli
		result fail module-client "ipcpctl attach failed"
		return
	fi
	check "module's $IF has 10.0.2.2 peer 10.0.2.1/32" wait_for 30 \
		"$IF's address" has_ipv4 "$IF" "inet 10.0.2.2 peer 10.0.2.1/32"
	status=$(ipcpctl status "$IF")
	echo "$status"
	check "status shows IPCP Opened" \
		sh -c "echo '$status' | grep -q 'ipcp Opened'"
	check "status shows DNS 10.0.2.53 10.0.2.54" \
		sh -c "echo '$status' | grep -q '^dns 10.0.2.53 10.0.2.54'"
	check "ping from the module's side to pppd" ping -c 1 -W 5 10.0.2.1
	# pppd terminates the link (LCP Terminate-Request)
	kill "$PEER_PID"
	check "address deleted after pppd terminated" wait_for 10 \
		"$IF without address" no_ipv4 "$IF"
	check "link gone after pppd terminated" wait_for 10 "link $ID to go" \
		link_gone "$ID"
	stop_peer mcli
	if [ -n "$FAILED" ]; then
		result fail module-client "$FAILED"
	else
		result pass module-client
	fi
}

module_misuse() {
	FAILED=
	check "attach to a missing tty fails" \
		sh -c "! ipcpctl attach --tty /dev/nonexistent --role client"
	check "attach to a non-tty fails" \
		sh -c "! ipcpctl attach --tty /dev/null --role client"
	check "server without --remote or --pool is refused" \
		sh -c "! ipcpctl attach --tty /dev/null --role server --local 10.0.0.1"
	check "detach of an unknown interface fails" \
		sh -c "! ipcpctl detach ppp99"
	check "no PPP channel left behind" \
		sh -c "! ls /sys/class/net | grep -q '^ppp'"
	if [ -n "$FAILED" ]; then
		result fail module-misuse "$FAILED"
	else
		result pass module-misuse
	fi
}

# Two links of the module talk to each other: the client in namespace m2m
module_to_module() {
	local srv_if cli_if
	FAILED=
	rm -f /tmp/m2m.a /tmp/m2m.b
	ip netns add m2m && ip -n m2m link set lo up
	socat PTY,link=/tmp/m2m.a,raw,echo=0 PTY,link=/tmp/m2m.b,raw,echo=0 \
		>/dev/null 2>&1 &
	SOCAT_PID=$!
	wait_for 10 "socat's ptys" test -e /tmp/m2m.a -a -e /tmp/m2m.b
	if attach --tty /tmp/m2m.a --role server --local 10.0.7.1 \
	    --remote 10.0.7.2 --dns 10.0.7.53; then
		srv_if=$IF
		set -- $(ip netns exec m2m ipcpctl attach --tty /tmp/m2m.b \
			--role client --request-dns)
		cli_if=$1
	fi
	if [ -n "$srv_if" ] && [ -n "$cli_if" ]; then
		check "server $srv_if has 10.0.7.1 peer 10.0.7.2/32" wait_for 30 \
			"$srv_if's address" has_ipv4 "$srv_if" "inet 10.0.7.1 peer 10.0.7.2/32"
		check "client $cli_if has 10.0.7.2 peer 10.0.7.1/32" wait_for 10 \
			"$cli_if's address" has_ipv4_ns m2m "$cli_if" "inet 10.0.7.2 peer 10.0.7.1/32"
		check "client obtained DNS 10.0.7.53" sh -c \
			"/usr/sbin/ip netns exec m2m ipcpctl status $cli_if | grep -q '^dns 10.0.7.53 '"
		check "ping server -> client" ping -c 1 -W 5 10.0.7.2
		check "ping client -> server" ip netns exec m2m ping -c 1 -W 5 10.0.7.1
		check "detach the server" ipcpctl detach "$srv_if"
		check "the client link ends too" wait_for 15 "client link to go" \
			sh -c "! /usr/sbin/ip netns exec m2m ipcpctl status $cli_if >/dev/null 2>&1"
	else
		FAILED="ipcpctl attach failed"
	fi
	stop_pid "$SOCAT_PID"
	ip netns del m2m
	if [ -n "$FAILED" ]; then
		result fail module-to-module "$FAILED"
	else
		result pass module-to-module
	fi
}

# "ip link del" of a unit the module manages: the link lets it go
module_dellink() {
	FAILED=
	if ! start_peer mdel "noipdefault"; then
		result fail module-dellink "could not start pppd"
		return
	fi
	if attach --tty /tmp/mdel.pty --role server --local 10.0.4.1 \
	    --remote 10.0.4.2; then
		check "IPCP up" wait_for 30 "$IF's address" \
			has_ipv4 "$IF" "inet 10.0.4.1 peer 10.0.4.2/32"
		check "ip link del $IF" timeout 30 /usr/sbin/ip link del "$IF"
		check "$IF gone" sh -c "! /usr/sbin/ip link show $IF 2>/dev/null"
		check "link gone after its unit was deleted" wait_for 10 \
			"link $ID to go" link_gone "$ID"
	else
		FAILED="ipcpctl attach failed"
	fi
	stop_peer mdel
	if [ -n "$FAILED" ]; then
		result fail module-dellink "$FAILED"
	else
		result pass module-dellink
	fi
}

module_unload() {
	FAILED=
	if ! start_peer munl "noipdefault"; then
		result fail module-unload-live "could not start pppd"
		return
	fi
	if attach --tty /tmp/munl.pty --role server --local 10.0.3.1 \
	    --remote 10.0.3.2; then
		check "IPCP up" wait_for 30 "$IF's address" \
			has_ipv4 "$IF" "inet 10.0.3.1 peer 10.0.3.2/32"
		check "rmmod ipcp_neg with a live link" rmmod ipcp_neg
		check "$IF gone or addressless after rmmod" no_ipv4 "$IF"
		check "pppd saw IPCP go down" wait_for 10 "IPCP down" \
			test -s /tmp/ppp-munl.down
	else
		FAILED="ipcpctl attach failed"
	fi
	stop_peer munl
	grep -q '^ipcp_neg ' /proc/modules || insmod "$MODDIR/ipcp_neg.ko"
	if [ -n "$FAILED" ]; then
		result fail module-unload-live "$FAILED"
	else
		result pass module-unload-live
	fi
}

grep -q '^ipcp_neg ' /proc/modules || insmod "$MODDIR/ipcp_neg.ko"
module_misuse
module_server
module_client
module_to_module
module_dellink
module_unload
