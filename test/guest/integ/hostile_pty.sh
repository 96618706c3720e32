#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 600
# Hostile peers over a pty (RFC 1662 framing, ppp_async on the module's
# side): rawpeer attacks a module link and checks the bytes it gets back;
# between attacks the script checks the RFC 1661 states (state/lcp,
# state/ipcp, else ipcpctl status) and the counters the attack must move.
#  - hostile-pty-garbage: one server link takes truncated, zero-length,
#    bad-FCS, badly optioned, wrongly identified, unknown-code,
#    unknown-protocol and oversized packets, an Echo-Request flood, a
#    Configure-Request flood and a Protocol-Reject of IPCP, and still
#    negotiates normally afterwards.
#  - hostile-pty-naks: the peer Naks every LCP Configure-Request.
#  - hostile-pty-maxconf: ... then falls silent: Max-Configure ends LCP.
#  - hostile-pty-reject-server/-client: the peer Rejects every option.
#  - hostile-pty-termstorm, hostile-pty-protrej-lcp: the link goes.
#  - hostile-pty-loopback: a looped-back line is detected, the link goes.
#  - hostile-pty-reneg: the peer renegotiates IPCP 1000 times in a row:
#    every one counted, the kernel log grows by a bounded number of lines.
#  - hostile-pty-after: a normal negotiation, and Slab bounded overall.
. /test/lib.sh
. /test/hostile_lib.sh

# the counters the attacks move (counters/, see Documentation/ipcp_neg.rst)
SNAP="lcp_malformed ipcp_malformed lcp_discarded ipcp_discarded lcp_tx_coderej
ipcp_tx_coderej lcp_tx_protrej lcp_rx_protrej lcp_rx_echoreq lcp_tx_echorep
lcp_rx_confreq rx_dropped"

# start NAME ATTACH_ARGS -- RAWPEER_ARGS: socat, rawpeer, attach
start() {
	local name=$1 a=
	shift
	while [ "$1" != -- ]; do
		a="$a $1"
		shift
	done
	shift
	hp_pty "$name" || return 1
	hp_peer "/tmp/$name.log" rawpeer --pty "/tmp/$name.peer" "$@" || return 1
	hp_attach --tty "/tmp/$name.pty" $a && return 0
	cat "/tmp/$name.log"
	hp_stop_peer
	stop_pid "$SOCAT_PID"
	return 1
}

finish() {
	ipcpctl detach "$IF" >/dev/null 2>&1
	check "rawpeer's verdict: pass" hp_end
	hp_stop_peer
	stop_pid "$SOCAT_PID"
}

# after_sync DESCRIPTION: rawpeer reached its next sync and saw no error
after_sync() {
	check "rawpeer reached sync $((HP_SYNC + 1)) ($1)" hp_wait_sync &&
		check "bytes on the wire as expected ($1)" hp_wire_ok
}

garbage() {
	local t0 d
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start hpg --role server --local 10.0.20.1 --remote 10.0.20.2 -- \
	    up sync truncated sync zerolen sync badopts sync wrongids sync \
	    unknowncode sync unknownproto sync oversized sync echoflood:500 sync \
	    crflood:1000 sync protrej-ipcp sync up sync; then
		result fail hostile-pty-garbage "could not start"
		return
	fi
	after_sync "negotiated"
	check "LCP and IPCP opened" hp_states "$IF" "opened opened"
	check "$IF has 10.0.20.1 peer 10.0.20.2/32" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.20.1 peer 10.0.20.2/32"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "truncated packets"
	check "truncated: 3 LCP malformed" hp_moved "$IF" lcp_malformed -eq 3
	check "truncated: 1 IPCP malformed" hp_moved "$IF" ipcp_malformed -eq 1
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "zero-length frames"
	check "zero-length: 1 LCP malformed" hp_moved "$IF" lcp_malformed -eq 1
	check "zero-length: 1 IPCP malformed" hp_moved "$IF" ipcp_malformed -eq 1
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "bad option lengths"
	check "bad options: 3 LCP malformed" hp_moved "$IF" lcp_malformed -eq 3
	check "bad options: 2 IPCP malformed" hp_moved "$IF" ipcp_malformed -eq 2
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "wrong identifiers"
	check "wrong ids: 3 LCP discarded" hp_moved "$IF" lcp_discarded -eq 3
	check "wrong ids: 3 IPCP discarded" hp_moved "$IF" ipcp_discarded -eq 3
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "unknown codes"
	check "unknown codes: 1 LCP Code-Reject" hp_moved "$IF" lcp_tx_coderej -eq 1
	check "unknown codes: 1 IPCP Code-Reject" hp_moved "$IF" ipcp_tx_coderej -eq 1
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "unknown protocols"
	check "unknown protocols: 3 Protocol-Rejects" hp_moved "$IF" lcp_tx_protrej -eq 3
	check "still opened" hp_states "$IF" "opened opened"
	hp_go
	after_sync "oversized frames"
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "Echo-Request flood"
	grep '^stat echoflood' "$HP_LOG"
	check "Echo flood: 501 Echo-Requests counted" hp_moved "$IF" lcp_rx_echoreq -eq 501
	check "Echo flood: 501 Echo-Replies counted" hp_moved "$IF" lcp_tx_echorep -eq 501
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "Configure-Request flood"
	grep '^stat crflood' "$HP_LOG"
	hp_delta "$IF" rx_dropped
	d=$HP_D
	hp_delta "$IF" lcp_rx_confreq
	say "  Configure-Requests processed: ${HP_D:-n/a}, dropped: $d"
	check "CR flood: every request processed or counted dropped" \
		[ -z "$HP_D" -o "$((${HP_D:-0} + d))" -ge 1000 ]
	check "CR flood: LCP and IPCP opened again" hp_states "$IF" "opened opened"
	check "$IF has its address again" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.20.1 peer 10.0.20.2/32"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "Protocol-Reject of IPCP"
	check "IPCP stopped, LCP opened" wait_for 10 "IPCP stopped" \
		hp_states "$IF" "opened stopped"
	check "state/reason proto-reject" hp_reason_is "$IF" proto-reject
	check "1 Protocol-Reject received" hp_moved "$IF" lcp_rx_protrej -eq 1
	check "$IF's address deleted" wait_for 10 "no address" no_ipv4 "$IF"
	check "ipcpctl renegotiate $IF" ipcpctl renegotiate "$IF"
	hp_go
	after_sync "renegotiated"
	check "IPCP opened again" hp_states "$IF" "opened opened"
	check "$IF has its address again" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.20.1 peer 10.0.20.2/32"
	ipcpctl status "$IF"
	finish
	hp_result hostile-pty-garbage "$t0"
}

# The peer Naks the module's Magic-Number 200 times, then Acks
naks() {
	local t0
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start hpn --role server --local 10.0.21.1 --remote 10.0.21.2 -- \
	    naks:200 up sync; then
		result fail hostile-pty-naks "could not start"
		return
	fi
	after_sync "200 Naks, then a normal negotiation"
	grep '^stat naks' "$HP_LOG"
	check "LCP and IPCP opened" hp_states "$IF" "opened opened"
	check "200 Naks counted" hp_is "$IF" lcp_rx_confnak -eq 200
	check "one Configure-Request per Nak (201)" hp_is "$IF" lcp_tx_confreq -eq 201
	finish
	hp_result hostile-pty-naks "$t0" "$(grep '^stat naks' "$HP_LOG")"
}

# Naks, then silence: RCN re-initialises the restart counter (RFC 1661
# irc,scr), so only silence lets Max-Configure end the negotiation
maxconf() {
	local t0
	FAILED=
	if ! hp_set_param restart_ms 200 || ! hp_set_param max_configure 3; then
		hp_restore_param restart_ms
		result skip hostile-pty-maxconf "no restart_ms/max_configure parameters yet"
		return
	fi
	t0=$(hp_uptime_ms)
	if start hpm --role server --local 10.0.22.1 --remote 10.0.22.2 -- \
	    naksilent:50; then
		check "link gone after Max-Configure" wait_for 30 "link $ID to go" \
			hp_link_gone "$ID"
		# rawpeer's own count of the silent phase is not reliable yet
		# (it may not see the pty hang up): shown, not checked
		grep '^stat' "$HP_LOG"
		finish
	else
		FAILED="could not start"
	fi
	hp_restore_param restart_ms
	hp_restore_param max_configure
	hp_result hostile-pty-maxconf "$t0" "$(grep '^stat silent' "$HP_LOG")"
}

reject_server() {
	local t0
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start hprs --role server --local 10.0.23.1 --remote 10.0.23.2 -- \
	    rejectall up sync; then
		result fail hostile-pty-reject-server "could not start"
		return
	fi
	after_sync "everything Rejected"
	check "LCP and IPCP opened" hp_states "$IF" "opened opened"
	check "the module asked again without options (LCP)" \
		grep -q '^rx [0-9]* c021 01 .. 00 04$' "$HP_LOG"
	check "the module asked again without options (IPCP)" \
		grep -q '^rx [0-9]* 8021 01 .. 00 04$' "$HP_LOG"
	check "$IF has 10.0.23.1 peer 10.0.23.2/32" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.23.1 peer 10.0.23.2/32"
	finish
	hp_result hostile-pty-reject-server "$t0"
}

reject_client() {
	local t0
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start hprc --role client -- --addr 10.0.24.1 rejectall lcpup sync; then
		result fail hostile-pty-reject-client "could not start"
		return
	fi
	after_sync "everything Rejected"
	check "IPCP closed (pool-empty policy ipcp-close), LCP opened" \
		wait_for 10 "IPCP closed" hp_states "$IF" "opened closed"
	check "state/reason pool-empty" hp_reason_is "$IF" pool-empty
	check "$IF has no address" no_ipv4 "$IF"
	finish
	hp_result hostile-pty-reject-client "$t0"
}

termstorm() {
	local t0 t1
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start hpt --role server --local 10.0.25.1 --remote 10.0.25.2 -- \
	    up sync termstorm:100 sync; then
		result fail hostile-pty-termstorm "could not start"
		return
	fi
	after_sync "negotiated"
	check "$IF has its address" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.25.1 peer 10.0.25.2/32"
	t1=$(hp_uptime_ms)
	hp_go
	after_sync "100 Terminate-Requests"
	grep '^stat termstorm' "$HP_LOG"
	check "link gone after the storm" wait_for 15 "link $ID to go" \
		hp_link_gone "$ID"
	say "  link gone $(($(hp_uptime_ms) - t1)) ms after the storm began"
	finish
	hp_result hostile-pty-termstorm "$t0" "$(grep '^stat termstorm' "$HP_LOG")"
}

protrej_lcp() {
	local t0
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start hppl --role server --local 10.0.26.1 --remote 10.0.26.2 -- \
	    up sync protrej-lcp sync; then
		result fail hostile-pty-protrej-lcp "could not start"
		return
	fi
	after_sync "negotiated"
	hp_go
	after_sync "Protocol-Reject of LCP"
	check "link gone" wait_for 15 "link $ID to go" hp_link_gone "$ID"
	finish
	hp_result hostile-pty-protrej-lcp "$t0"
}

loopback() {
	local t0 lim=60
	FAILED=
	hp_set_param restart_ms 200 && lim=15
	t0=$(hp_uptime_ms)
	dmesg -c >/dev/null
	if start hpl --role server --local 10.0.27.1 --remote 10.0.27.2 -- \
	    loop:60000; then
		check "link gone (looped line)" wait_for "$lim" "link $ID to go" \
			hp_link_gone "$ID"
		check "the kernel log says the line is looped back" \
			sh -c "dmesg | grep -q 'line looped back'"
		grep '^stat' "$HP_LOG"
		hp_stop_peer
		stop_pid "$SOCAT_PID"
	else
		FAILED="could not start"
	fi
	hp_restore_param restart_ms
	hp_result hostile-pty-loopback "$t0"
}

# 1000 IPCP renegotiations: each an "IPCP down" and "IPCP up" for the
# module, which may log only a bounded number of them
reneg() {
	local t0 l0 l1
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start hpr --role server --local 10.0.29.1 --remote 10.0.29.2 -- \
	    up sync reneg:1000 sync; then
		result fail hostile-pty-reneg "could not start"
		return
	fi
	after_sync "negotiated"
	hp_snap "$IF" ipcp_renegotiations
	l0=$(dmesg | wc -l)
	hp_go
	check "rawpeer reached sync 2 (1000 renegotiations)" hp_wait_sync 300 &&
		check "every renegotiation opened IPCP again" hp_wire_ok
	l1=$(dmesg | wc -l)
	grep '^stat reneg' "$HP_LOG"
	say "  kernel log: $((l1 - l0)) lines for 1000 renegotiations"
	hp_delta "$IF" ipcp_renegotiations
	check "1000 renegotiations counted (counted: ${HP_D:-no counter})" \
		[ "${HP_D:-0}" = 1000 ]
	check "the kernel log grew by at most 30 lines" [ $((l1 - l0)) -le 30 ]
	check "LCP and IPCP opened" hp_states "$IF" "opened opened"
	check "$IF has 10.0.29.1 peer 10.0.29.2/32" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.29.1 peer 10.0.29.2/32"
	finish
	hp_result hostile-pty-reneg "$t0" "$(grep '^stat reneg' "$HP_LOG")"
}

after() {
	local t0
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start hpa --role server --local 10.0.28.1 --remote 10.0.28.2 -- \
	    up sync; then
		result fail hostile-pty-after "could not start"
		return
	fi
	after_sync "negotiated"
	check "LCP and IPCP opened" hp_states "$IF" "opened opened"
	check "$IF has 10.0.28.1 peer 10.0.28.2/32" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.28.1 peer 10.0.28.2/32"
	finish
	check "no link left" sh -c "! ls /sys/class/net | grep -q '^ppp'"
	slab1=$(hp_slab_kb)
	say "  Slab: $slab0 kB before, $slab1 kB after"
	check "Slab grew less than $(hp_slab_bound_kb) kB" \
		[ $((slab1 - slab0)) -lt "$(hp_slab_bound_kb)" ]
	hp_result hostile-pty-after "$t0" "Slab $slab0 -> $slab1 kB"
}

grep -q '^ipcp_neg ' /proc/modules || insmod "$MODDIR/ipcp_neg.ko"
slab0=$(hp_slab_kb)
garbage
naks
maxconf
reject_server
reject_client
termstorm
protrej_lcp
loopback
reneg
after
