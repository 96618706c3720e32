#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 400
# The module parameters and a link's sysfs directory, against the real pppd
# over a socat pty pair (pppd in its own namespace, as in module_link.sh):
#  - sysfs-params: each parameter reads its default, takes a value in
#    bounds and refuses one out of bounds (value unchanged); a new link
#    copies restart_ms and max_*, an old one keeps its copy.
#  - sysfs-link-server: every file of ipcp_neg/, state/ and counters/ read
#    after a negotiation; writes of dns, remote, pool and local reach pppd
#    by renegotiation; a one-address pool is left and taken again (the
#    lease went back); bad values and wrong-role writes fail and change
#    nothing; the directory goes with the link.
#  - sysfs-link-client: the client's files; request_dns and request_nbns
#    obtain servers by renegotiation; echo_failures ends a silent link with
#    reason echo-timeout.
. /test/lib.sh

P=/sys/module/ipcp_neg/parameters

# attach_d ARGS...: attach; sets IF, ID and D (the sysfs directory)
attach_d() {
	attach "$@" && D=/sys/class/net/$IF/ipcp_neg
}

# is FILE VALUE: FILE reads exactly VALUE
is() {
	[ "$(cat "$1" 2>/dev/null)" = "$2" ]
}

# ge FILE N: FILE holds a number >= N
ge() {
	local v
	v=$(cat "$1" 2>/dev/null) || return 1
	[ -n "$v" ] && [ "$v" -ge "$2" ] 2>/dev/null
}

# writes FILE VALUE: the write succeeds and FILE reads VALUE back
writes() {
	echo "$2" >"$1" && is "$1" "$2"
}

# refuses ERROR FILE VALUE: writing VALUE fails with ERROR (strerror text)
# and FILE reads what it did before
refuses() {
	local before msg
	before=$(cat "$2")
	if msg=$(sh -c "echo '$3' >$2" 2>&1); then
		say "  writing '$3' to $2 succeeded"
		return 1
	fi
	echo "$msg" | grep -q "$1" || { say "  '$3' > $2: $msg"; return 1; }
	is "$2" "$before"
}

# pppd_has NAME LOCAL REMOTE [DNS1 DNS2]: pppd's last ip-up reported these
pppd_has() {
	local loc=$2 rem=$3 dns="${4:-} ${5:-}"
	set -- $(pppd_report "$1")
	[ "${2:-}" = "$loc" ] && [ "${3:-}" = "$rem" ] || return 1
	[ "$dns" = " " ] || [ "${4:-} ${5:-}" = "$dns" ]
}

# renegotiated NAME DESC FILE VALUE...: after writing VALUE to FILE, pppd
# in NAME reports IPCP up again with the expected values (pppd_has args)
renegotiated() {
	local name=$1 file=$2 value=$3
	shift 3
	rm -f "/tmp/ppp-$name.up"
	echo "$value" >"$file" || return 1
	wait_for 30 "pppd $name up after $file=$value" pppd_has "$name" "$@"
}

sysfs_params() {
	local p
	FAILED=
	check "restart_ms defaults to 3000" is $P/restart_ms 3000
	check "max_configure defaults to 10" is $P/max_configure 10
	check "max_terminate defaults to 2" is $P/max_terminate 2
	check "max_failure defaults to 5" is $P/max_failure 5
	check "echo_interval_ms defaults to 10000" is $P/echo_interval_ms 10000
	check "echo_failures defaults to 5" is $P/echo_failures 5
	check "restart_ms 100 (lowest)" writes $P/restart_ms 100
	check "restart_ms 60000 (highest)" writes $P/restart_ms 60000
	check "restart_ms 99 refused" refuses "Invalid argument" $P/restart_ms 99
	check "restart_ms 60001 refused" refuses "Invalid argument" $P/restart_ms 60001
	check "restart_ms abc refused" refuses "Invalid argument" $P/restart_ms abc
	for p in max_configure max_terminate max_failure echo_failures; do
		check "$p 255 (highest)" writes $P/$p 255
		check "$p 1 (lowest)" writes $P/$p 1
		check "$p 0 refused" refuses "Invalid argument" $P/$p 0
		check "$p 256 refused" refuses "Invalid argument" $P/$p 256
	done
	check "echo_interval_ms 3600000 (highest)" writes $P/echo_interval_ms 3600000
	check "echo_interval_ms 0 refused" refuses "Invalid argument" $P/echo_interval_ms 0
	check "echo_interval_ms 99 refused" refuses "Invalid argument" $P/echo_interval_ms 99
	check "echo_interval_ms 3600001 refused" \
		refuses "Invalid argument" $P/echo_interval_ms 3600001
	echo 3000 >$P/restart_ms
	echo 10 >$P/max_configure
	echo 2 >$P/max_terminate
	echo 5 >$P/max_failure
	echo 10000 >$P/echo_interval_ms
	echo 5 >$P/echo_failures
	report sysfs-params
}

COUNTERS="lcp_tx_confreq lcp_rx_confreq lcp_tx_confack lcp_rx_confack
lcp_tx_confnak lcp_rx_confnak lcp_tx_confrej lcp_rx_confrej lcp_tx_termreq
lcp_rx_termreq lcp_tx_termack lcp_rx_termack lcp_tx_coderej lcp_rx_coderej
ipcp_tx_confreq ipcp_rx_confreq ipcp_tx_confack ipcp_rx_confack
ipcp_tx_confnak ipcp_rx_confnak ipcp_tx_confrej ipcp_rx_confrej
ipcp_tx_termreq ipcp_rx_termreq ipcp_tx_termack ipcp_rx_termack
ipcp_tx_coderej ipcp_rx_coderej lcp_tx_protrej lcp_rx_protrej lcp_tx_echoreq
lcp_rx_echoreq lcp_tx_echorep lcp_rx_echorep lcp_tx_discreq lcp_rx_discreq
lcp_malformed lcp_discarded lcp_nak_loops ipcp_malformed ipcp_discarded
ipcp_nak_loops addr_changes ipcp_renegotiations rx_dropped tx_dropped
tx_transport_waits drop_rx_short drop_rx_ncp_down drop_rx_unknown_proto
drop_rx_protrej_limited drop_rx_queue_full drop_rx_nomem drop_rx_closing
drop_tx_short drop_tx_ncp_down drop_tx_ctl_queue_full drop_tx_nomem
drop_tx_closing"

# every counter the ABI names, and no other file, each a decimal number
counters_all() {
	local c n=0
	for c in $COUNTERS; do
		grep -qx '[0-9][0-9]*' "$D/counters/$c" || { say "  bad $c"; return 1; }
		n=$((n + 1))
	done
	[ "$(ls "$D/counters" | wc -l)" = "$n" ]
}

# the history's lines all have the documented shape, 32 at most
packets_shape() {
	local n
	n=$(wc -l <"$D/packets")
	[ "$n" -ge 1 ] && [ "$n" -le 32 ] || return 1
	! grep -Ev '^[0-9]+\.[0-9]{6} (rx|tx) (LCP|IPCP) [A-Za-z-]+ id=[0-9]+ len=[0-9]+( .*)?$' \
		"$D/packets"
}

server_files() {
	check "id is the link id $ID" is "$D/id" "$ID"
	check "role server" is "$D/role" server
	check "local 10.0.11.1" is "$D/local" 10.0.11.1
	check "remote 10.0.11.2" is "$D/remote" 10.0.11.2
	check "pool empty" is "$D/pool" ""
	check "dns 10.0.11.53 0.0.0.0" is "$D/dns" "10.0.11.53 0.0.0.0"
	check "nbns 0.0.0.0 0.0.0.0" is "$D/nbns" "0.0.0.0 0.0.0.0"
	check "request_dns 0" is "$D/request_dns" 0
	check "request_nbns 0" is "$D/request_nbns" 0
	check "forced 0" is "$D/forced" 0
	check "pool_empty ipcp-close" is "$D/pool_empty" ipcp-close
	check "restart_ms copied from the parameter (1500)" is "$D/restart_ms" 1500
	check "max_configure copied from the parameter (7)" is "$D/max_configure" 7
	check "max_terminate 2" is "$D/max_terminate" 2
	check "max_failure 5" is "$D/max_failure" 5
	check "state/lcp opened" is "$D/state/lcp" opened
	check "state/ipcp opened" is "$D/state/ipcp" opened
	check "state/local 10.0.11.1" is "$D/state/local" 10.0.11.1
	check "state/peer 10.0.11.2" is "$D/state/peer" 10.0.11.2
	check "state/dns handed out: 10.0.11.53 0.0.0.0" \
		is "$D/state/dns" "10.0.11.53 0.0.0.0"
	check "state/nbns 0.0.0.0 0.0.0.0" is "$D/state/nbns" "0.0.0.0 0.0.0.0"
	check "state/up_since set" ge "$D/state/up_since" 1
	check "state/up_since not after now" \
		[ "$(cat "$D/state/up_since")" -le "$(cut -d. -f1 /proc/uptime)" ]
	check "state/reason none" is "$D/state/reason" none
	check "state/phase network" is "$D/state/phase" network
	check "every counter, numeric" counters_all
	check "lcp_tx_confreq >= 1" ge "$D/counters/lcp_tx_confreq" 1
	check "lcp_rx_confack >= 1" ge "$D/counters/lcp_rx_confack" 1
	check "lcp_rx_confreq >= 1" ge "$D/counters/lcp_rx_confreq" 1
	check "lcp_tx_confack >= 1" ge "$D/counters/lcp_tx_confack" 1
	check "ipcp_tx_confreq >= 1" ge "$D/counters/ipcp_tx_confreq" 1
	check "ipcp_rx_confack >= 1" ge "$D/counters/ipcp_rx_confack" 1
	check "ipcp_tx_confnak >= 1 (pppd asked for 0.0.0.0)" \
		ge "$D/counters/ipcp_tx_confnak" 1
	check "lcp_malformed 0" is "$D/counters/lcp_malformed" 0
	check "ipcp_malformed 0" is "$D/counters/ipcp_malformed" 0
	check "addr_changes 1" is "$D/counters/addr_changes" 1
	cat "$D/packets"
	check "packets: lines of the documented shape" packets_shape
	check "packets: rx IPCP Configure-Request" \
		grep -q ' rx IPCP Configure-Request id=' "$D/packets"
	check "packets: tx LCP Configure-Request with our magic" \
		grep -Eq ' tx LCP Configure-Request id=[0-9]+ len=[0-9]+ .*magic=0x' "$D/packets"
	check "packets: rx LCP Configure-Request with pppd's mru=1400" \
		grep -q ' rx LCP Configure-Request id=.* mru=1400' "$D/packets"
	check "packets: tx IPCP Configure-Nak addr=10.0.11.2" \
		grep -q ' tx IPCP Configure-Nak id=.* addr=10.0.11.2' "$D/packets"
}

server_errors() {
	local inv="Invalid argument"
	check "id is read-only" sh -c "! echo 5 >$D/id 2>/dev/null"
	check "role is read-only" sh -c "! echo client >$D/role 2>/dev/null"
	check "remote 10.0.11 refused" refuses "$inv" "$D/remote" 10.0.11
	check "remote 127.0.0.1 refused" refuses "$inv" "$D/remote" 127.0.0.1
	check "remote = local refused" refuses "$inv" "$D/remote" 10.0.11.1
	check "remote 0.0.0.0 without pool refused" refuses "$inv" "$D/remote" 0.0.0.0
	check "pool \"\" accepted while remote is set" \
		sh -c "echo >$D/pool && [ \"\$(cat $D/remote)\" = 10.0.11.2 ]"
	check "pool nosuch refused (ENOENT)" \
		refuses "No such file" "$D/pool" nosuch
	check "local 0.0.0.0 refused on a server" refuses "$inv" "$D/local" 0.0.0.0
	check "dns with three addresses refused" \
		refuses "$inv" "$D/dns" "10.0.0.1 10.0.0.2 10.0.0.3"
	check "dns 224.0.0.1 refused" refuses "$inv" "$D/dns" 224.0.0.1
	check "nbns x refused" refuses "$inv" "$D/nbns" x
	check "request_dns refused on a server" refuses "$inv" "$D/request_dns" 1
	check "request_nbns refused on a server" refuses "$inv" "$D/request_nbns" 1
	check "forced 2 refused" refuses "$inv" "$D/forced" 2
	check "pool_empty foo refused" refuses "$inv" "$D/pool_empty" foo
	check "restart_ms 99 refused" refuses "$inv" "$D/restart_ms" 99
	check "restart_ms 60001 refused" refuses "$inv" "$D/restart_ms" 60001
	check "max_configure 0 refused" refuses "$inv" "$D/max_configure" 0
	check "max_terminate 256 refused" refuses "$inv" "$D/max_terminate" 256
	check "max_failure 256 refused" refuses "$inv" "$D/max_failure" 256
}

server_writes() {
	check "restart_ms 2000" writes "$D/restart_ms" 2000
	check "max_configure 9" writes "$D/max_configure" 9
	check "max_terminate 3" writes "$D/max_terminate" 3
	check "max_failure 4" writes "$D/max_failure" 4
	check "pool_empty terminate" writes "$D/pool_empty" terminate
	check "pool_empty ipcp-close" writes "$D/pool_empty" ipcp-close
	check "forced 1" writes "$D/forced" 1
	check "forced 0" writes "$D/forced" 0
	check "nbns 10.0.11.60" writes "$D/nbns" "10.0.11.60 0.0.0.0"
	check "dns 10.0.11.54 10.0.11.55: pppd gets the new DNS" \
		renegotiated msys "$D/dns" "10.0.11.54 10.0.11.55" \
		10.0.11.2 10.0.11.1 10.0.11.54 10.0.11.55
	check "dns reads back" is "$D/dns" "10.0.11.54 10.0.11.55"
	check "state/dns 10.0.11.54 10.0.11.55" wait_for 10 "state/dns" \
		is "$D/state/dns" "10.0.11.54 10.0.11.55"
	check "remote 10.0.11.3: pppd gets 10.0.11.3" \
		renegotiated msys "$D/remote" 10.0.11.3 10.0.11.3 10.0.11.1
	check "remote reads back 10.0.11.3" is "$D/remote" 10.0.11.3
	check "$IF has 10.0.11.1 peer 10.0.11.3/32" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.11.1 peer 10.0.11.3/32"
	check "addr_changes 2" wait_for 10 "addr_changes 2" \
		is "$D/counters/addr_changes" 2
	check "local 10.0.11.9: pppd's remote is 10.0.11.9" \
		renegotiated msys "$D/local" 10.0.11.9 10.0.11.3 10.0.11.9
	check "local reads back 10.0.11.9" is "$D/local" 10.0.11.9
	check "addr_changes still 2 (the peer's address did not change)" \
		is "$D/counters/addr_changes" 2
	ipcpctl pool add sysfs1 10.0.11.20-10.0.11.20
	check "pool sysfs1: pppd gets 10.0.11.20" \
		renegotiated msys "$D/pool" sysfs1 10.0.11.20 10.0.11.9
	check "pool reads back sysfs1" is "$D/pool" sysfs1
	check "writing pool cleared remote" is "$D/remote" 0.0.0.0
	check "pool \"\" refused without remote" refuses "Invalid argument" "$D/pool" ""
	check "remote 0.0.0.0 with a pool accepted" sh -c "echo 0.0.0.0 >$D/remote"
	check "remote 10.0.11.2: pppd gets 10.0.11.2" \
		renegotiated msys "$D/remote" 10.0.11.2 10.0.11.2 10.0.11.9
	check "writing remote cleared pool" is "$D/pool" ""
	check "pool sysfs1 again: its one address was given back" \
		renegotiated msys "$D/pool" sysfs1 10.0.11.20 10.0.11.9
	check "addr_changes 5" wait_for 10 "addr_changes 5" \
		is "$D/counters/addr_changes" 5
}

sysfs_link_server() {
	local before
	FAILED=
	echo 1500 >$P/restart_ms
	echo 7 >$P/max_configure
	if ! start_peer msys "noipdefault usepeerdns mru 1400" ||
	    ! attach_d --tty /tmp/msys.pty --role server --local 10.0.11.1 \
	    --remote 10.0.11.2 --dns 10.0.11.53; then
		echo 3000 >$P/restart_ms
		echo 10 >$P/max_configure
		stop_peer msys
		result fail sysfs-link-server "could not start pppd or attach"
		return
	fi
	echo 3000 >$P/restart_ms
	echo 10 >$P/max_configure
	if ! wait_for 30 "pppd reports IPCP up" pppd_has msys 10.0.11.2 10.0.11.1; then
		cat /tmp/pppd-msys.log
		FAILED="IPCP did not come up"
	fi
	check "$IF has 10.0.11.1 peer 10.0.11.2/32" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.11.1 peer 10.0.11.2/32"
	server_files
	check "the link keeps restart_ms 1500 after the parameter changed" \
		is "$D/restart_ms" 1500

	before=$(cat "$D/counters/ipcp_tx_confreq")
	rm -f /tmp/ppp-msys.up
	check "ipcpctl renegotiate" ipcpctl renegotiate "$IF"
	check "pppd up again" wait_for 30 "pppd up again" test -s /tmp/ppp-msys.up
	check "ipcp_tx_confreq grew after renegotiate" \
		ge "$D/counters/ipcp_tx_confreq" $((before + 1))
	check "addr_changes still 1 (same address)" is "$D/counters/addr_changes" 1

	# pppd stopped: IPCP renegotiates without an answer
	kill -STOP "$PEER_PID"
	ipcpctl renegotiate "$IF"
	check "state/ipcp leaves opened" wait_for 10 "IPCP not opened" \
		sh -c "! grep -qx opened $D/state/ipcp"
	check "state/reason renegotiate" is "$D/state/reason" renegotiate
	check "state/local 0.0.0.0 while down" is "$D/state/local" 0.0.0.0
	check "state/peer 0.0.0.0 while down" is "$D/state/peer" 0.0.0.0
	check "state/dns 0.0.0.0 0.0.0.0 while down" \
		is "$D/state/dns" "0.0.0.0 0.0.0.0"
	check "state/up_since 0 while down" is "$D/state/up_since" 0
	rm -f /tmp/ppp-msys.up
	kill -CONT "$PEER_PID"
	check "pppd up again after SIGCONT" wait_for 30 "pppd up" \
		test -s /tmp/ppp-msys.up
	check "state/reason none when up again" wait_for 10 "reason none" \
		is "$D/state/reason" none

	server_errors
	server_writes
	check "ipcpctl status shows the DNS handed out" sh -c \
		"ipcpctl status $IF | grep -q '^dns 10.0.11.54 10.0.11.55'"
	check "detach" ipcpctl detach "$IF"
	check "the directory goes with the link" sh -c "! test -e $D"
	ipcpctl pool del sysfs1
	stop_peer msys
	report sysfs-link-server
}

sysfs_link_client() {
	local inv="Invalid argument"
	FAILED=
	if ! start_peer mcsys "10.0.12.1:10.0.12.2 ms-dns 10.0.12.53 ms-dns 10.0.12.54 ms-wins 10.0.12.60" ||
	    ! attach_d --tty /tmp/mcsys.pty --role client; then
		stop_peer mcsys
		result fail sysfs-link-client "could not start pppd or attach"
		return
	fi
	check "IPCP up" wait_for 30 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.12.2 peer 10.0.12.1/32"
	check "role client" is "$D/role" client
	check "local 0.0.0.0 (ask the peer)" is "$D/local" 0.0.0.0
	check "remote 0.0.0.0" is "$D/remote" 0.0.0.0
	check "pool empty" is "$D/pool" ""
	check "dns empty on a client" is "$D/dns" ""
	check "nbns empty on a client" is "$D/nbns" ""
	check "request_dns 0" is "$D/request_dns" 0
	check "request_nbns 0" is "$D/request_nbns" 0
	check "state/local 10.0.12.2" is "$D/state/local" 10.0.12.2
	check "state/peer 10.0.12.1" is "$D/state/peer" 10.0.12.1
	check "state/dns none requested" is "$D/state/dns" "0.0.0.0 0.0.0.0"
	check "addr_changes 1" is "$D/counters/addr_changes" 1
	check "request_dns 1: DNS obtained" sh -c "echo 1 >$D/request_dns"
	check "state/dns 10.0.12.53 10.0.12.54" wait_for 30 "state/dns" \
		is "$D/state/dns" "10.0.12.53 10.0.12.54"
	check "request_nbns 1: NBNS obtained" sh -c "echo 1 >$D/request_nbns"
	# pppd hands out its one ms-wins as primary and secondary
	check "state/nbns 10.0.12.60 10.0.12.60" wait_for 30 "state/nbns" \
		is "$D/state/nbns" "10.0.12.60 10.0.12.60"
	check "packets: rx IPCP Configure-Ack with nbns1=10.0.12.60" \
		grep -q ' rx IPCP Configure-Ack id=.* nbns1=10.0.12.60' "$D/packets"
	check "request_dns reads 1" is "$D/request_dns" 1
	check "ipcpctl status shows the DNS obtained" sh -c \
		"ipcpctl status $IF | grep -q '^dns 10.0.12.53 10.0.12.54'"
	check "local 10.0.12.7" writes "$D/local" 10.0.12.7
	check "local 0.0.0.0 again" writes "$D/local" 0.0.0.0
	check "dns refused on a client" refuses "$inv" "$D/dns" 10.0.0.1
	check "nbns refused on a client" refuses "$inv" "$D/nbns" 10.0.0.1
	check "remote refused on a client" refuses "$inv" "$D/remote" 10.0.0.1
	check "pool refused on a client" refuses "$inv" "$D/pool" any
	check "forced refused on a client" refuses "$inv" "$D/forced" 1
	check "request_dns 2 refused" refuses "$inv" "$D/request_dns" 2

	# echo_failures: 2 unanswered Echo-Requests end the link
	echo 2 >$P/echo_failures
	echo 300 >$P/echo_interval_ms
	check "state/ipcp opened before pppd stops" wait_for 10 "state/ipcp opened" \
		is "$D/state/ipcp" opened
	kill -STOP "$PEER_PID"
	check "link gone after 2 unanswered Echo-Requests" wait_for 25 "$D to go" \
		sh -c "! test -e $D"
	check "the log says 2 unanswered" \
		sh -c "dmesg | grep -q '$IF: 2 LCP Echo-Requests unanswered'"
	check "IPCP down with reason echo-timeout" \
		sh -c "dmesg | grep -q '$IF: IPCP down (no answer to LCP Echo-Requests)'"
	echo 5 >$P/echo_failures
	echo 10000 >$P/echo_interval_ms
	stop_peer mcsys
	report sysfs-link-client
}

# a fresh module: the parameters at their defaults, whatever ran before
grep -q '^ipcp_neg ' /proc/modules && rmmod ipcp_neg
insmod "$MODDIR/ipcp_neg.ko"
sysfs_params
sysfs_link_server
sysfs_link_client
