#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 480
# The module runs real PPP links against the real pppd, over pty pairs made
# by socat: pppd runs in its own network namespace on one end, ipcpctl
# attaches the module to the other end.
#  - module-server: the module assigns pppd its address and DNS; both sides
#    agree, ping both ways, a manual "ip addr add" is refused with the
#    module's message, renegotiate negotiates afresh, a transport hang-up
#    deletes the address and ends the link.
#  - module-client: pppd assigns the module its address; pppd terminating
#    ends the link and deletes the address.
#  - module-existing-unit: attach --unit runs a link on a unit that exists
#    already with manual addresses: they are deleted, the negotiated one
#    is the only one, a second one is refused; detach leaves the unit.
#  - module-silent-peer: pppd stopped (SIGSTOP) stops answering LCP
#    Echo-Requests: the link is declared dead and its address deleted.
#  - module-unload-live: rmmod with three live links is clean, deletes the
#    addresses and sends each pppd a Terminate-Request.
. /test/lib.sh

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
	report module-server
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
	report module-client
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
	report module-misuse
}

# Two links of the module talk to each other: the client in namespace m2m
module_to_module() {
	local srv_if cli_if
	FAILED=
	ip netns add m2m && ip -n m2m link set lo up
	pty_pair m2m
	if attach --tty /tmp/m2m.pty --role server --local 10.0.7.1 \
	    --remote 10.0.7.2 --dns 10.0.7.53; then
		srv_if=$IF
		set -- $(ip netns exec m2m ipcpctl attach --tty /tmp/m2m.peer \
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
	report module-to-module
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
	report module-dellink
}

# only_ipv4 IFNAME EXPECTED: EXPECTED is the interface's one IPv4 address
only_ipv4() {
	[ "$(ipv4_of "$1")" = "$2" ]
}

# ip addr add refused on a managed unit, with the module's message
add_refused() {
	local msg
	msg=$(ip addr add "$2" dev "$1" 2>&1) && return 1
	say "  ip addr add $2 said: $msg"
	echo "$msg" | grep -q 'obtained by IPCP negotiation'
}

# A unit that exists, with manual addresses, before the module negotiates
# on it: "ipcpctl unit" makes and holds a bare unit, since pppd always
# connects its own channel to the unit it makes.
module_existing_unit() {
	local unit hold
	FAILED=
	rm -f /tmp/munit.name
	ipcpctl unit >/tmp/munit.name 2>/tmp/munit.err &
	hold=$!
	if ! wait_for 10 "ipcpctl unit to print its unit" test -s /tmp/munit.name; then
		cat /tmp/munit.err
		stop_pid "$hold"
		result fail module-existing-unit "ipcpctl unit failed"
		return
	fi
	unit=$(cat /tmp/munit.name)
	say "  existing unit $unit"
	check "manual address 10.0.8.99/24 on $unit" \
		ip addr add 10.0.8.99/24 dev "$unit"
	check "manual address 10.0.18.99/32 on $unit" \
		ip addr add 10.0.18.99/32 dev "$unit"
	check "$unit has both manual addresses" \
		[ "$(ipv4_of "$unit" | wc -l)" = 2 ]
	start_peer mexist "noipdefault"
	check "attach --unit to a missing unit fails" sh -c \
		"ipcpctl attach --tty /tmp/mexist.pty --role client --unit 99 2>&1 |
		grep -q 'ppp99: no such PPP unit'"
	if attach --tty /tmp/mexist.pty --role server --local 10.0.8.1 \
	    --remote 10.0.8.2 --unit "$unit"; then
		check "the link runs on the existing $unit" [ "$IF" = "$unit" ]
		check "attach deleted both manual addresses" sh -c \
			"! /usr/sbin/ip -4 addr show dev $unit | grep -e 10.0.8.99 -e 10.0.18.99"
		check "no manual address while negotiating" \
			add_refused "$unit" 10.0.8.98/32
		check "pppd reports IPCP up" wait_for 30 "pppd's IPCP up" \
			test -s /tmp/ppp-mexist.up
		set -- $(pppd_report mexist)
		check "pppd reports local 10.0.8.2 remote 10.0.8.1" \
			[ "$2 $3" = "10.0.8.2 10.0.8.1" ]
		check "$unit has only 10.0.8.1 peer 10.0.8.2/32" wait_for 10 \
			"$unit's address" only_ipv4 "$unit" "inet 10.0.8.1 peer 10.0.8.2/32"
		check "a secondary address is refused" \
			add_refused "$unit" 10.0.8.97/24
		check "the refused address is not there" \
			only_ipv4 "$unit" "inet 10.0.8.1 peer 10.0.8.2/32"
		check "ping over the existing unit" ping -c 1 -W 5 10.0.8.2
		check "detach the link" ipcpctl detach "$unit"
		check "$unit stays after detach" ip link show "$unit"
		check "$unit has no address after detach" no_ipv4 "$unit"
		check "$unit takes a manual address again" \
			ip addr add 10.0.8.99/24 dev "$unit"
	else
		FAILED="could not start pppd or attach to $unit"
	fi
	stop_pid "$hold"
	check "$unit goes with the process that made it" wait_for 10 \
		"$unit to go" sh -c "! /usr/sbin/ip link show $unit 2>/dev/null"
	stop_peer mexist
	report module-existing-unit
}

ECHO_PARAM=/sys/module/ipcp_neg/parameters/echo_interval_ms

# pppd stops answering (SIGSTOP, the pty stays open: no hang-up)
module_silent_peer() {
	local old
	FAILED=
	old=$(cat "$ECHO_PARAM")
	check "echo_interval_ms defaults to 10000" [ "$old" = 10000 ]
	check "echo_interval_ms 50 (below 100) refused" \
		sh -c "! echo 50 >$ECHO_PARAM 2>/dev/null"
	check "echo_interval_ms set to 500" sh -c "echo 500 >$ECHO_PARAM"
	if start_peer msil "noipdefault" &&
	    attach --tty /tmp/msil.pty --role server --local 10.0.9.1 \
	    --remote 10.0.9.2; then
		check "IPCP up" wait_for 30 "$IF's address" \
			has_ipv4 "$IF" "inet 10.0.9.1 peer 10.0.9.2/32"
		set -- $(pppd_report msil)
		check "pppd reports local 10.0.9.2 remote 10.0.9.1" \
			[ "$2 $3" = "10.0.9.2 10.0.9.1" ]
		# about 2 s of pings: 4 echo intervals, answered
		check "ping for 4 echo intervals" ping -c 3 -W 5 10.0.9.2
		check "the link lives while pppd answers" ipcpctl status "$ID"
		kill -STOP "$PEER_PID"
		check "address deleted when the silent peer is declared dead" \
			wait_for 15 "$IF without address" no_ipv4 "$IF"
		check "link gone" wait_for 10 "link $ID to go" link_gone "$ID"
		check "the log says why" \
			sh -c "dmesg | grep -q 'LCP Echo-Requests unanswered'"
		kill -CONT "$PEER_PID"
	else
		FAILED="could not start pppd or attach"
	fi
	echo "$old" >"$ECHO_PARAM"
	stop_peer msil
	report module-silent-peer
}

# Three live links: unload closes all of them, then waits for their
# Terminate-Acks together
module_unload() {
	local n ifs=
	FAILED=
	for n in 1 2 3; do
		if ! start_peer "munl$n" "noipdefault"; then
			FAILED="${FAILED:+$FAILED; }could not start pppd $n"
			continue
		fi
		if attach --tty "/tmp/munl$n.pty" --role server \
		    --local "10.0.3.$((4 * n + 1))" --remote "10.0.3.$((4 * n + 2))"; then
			ifs="$ifs $IF"
			check "IPCP up on link $n" wait_for 30 "$IF's address" \
				has_ipv4 "$IF" "inet 10.0.3.$((4 * n + 1)) peer 10.0.3.$((4 * n + 2))/32"
		else
			FAILED="${FAILED:+$FAILED; }ipcpctl attach $n failed"
		fi
	done
	check "rmmod ipcp_neg with three live links" rmmod ipcp_neg
	for IF in $ifs; do
		check "$IF gone or addressless after rmmod" no_ipv4 "$IF"
	done
	for n in 1 2 3; do
		check "pppd $n saw IPCP go down" wait_for 10 "IPCP down" \
			test -s "/tmp/ppp-munl$n.down"
		check "pppd $n was sent a Terminate-Request" wait_for 10 \
			"pppd $n's log" grep -q "terminated by peer" "/tmp/pppd-munl$n.log"
	done
	for n in 1 2 3; do
		stop_peer "munl$n"
	done
	load_module
	report module-unload-live
}

load_module
module_misuse
module_server
module_client
module_to_module
module_dellink
module_existing_unit
module_silent_peer
module_unload
