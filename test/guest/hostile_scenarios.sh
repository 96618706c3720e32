# SPDX-License-Identifier: GPL-2.0
# The hostile-peer scenarios (sourced after /test/lib.sh and
# /test/hostile_lib.sh), each written once for every transport: the
# entry script picks the transport with hp_transport and runs the
# scenarios it wants. Each takes NET, the scenario's subnet (10.0.NET.0/24),
# and reports hostile-$HP_T-<scenario>. Between attacks each checks the
# RFC 1661 states (state/lcp, state/ipcp, else ipcpctl status) and the
# counters the attack must move.

# the counters the attacks move (counters/, see Documentation/ipcp_neg.rst)
HP_COUNTERS="lcp_malformed ipcp_malformed lcp_discarded ipcp_discarded
lcp_tx_coderej ipcp_tx_coderej lcp_tx_protrej lcp_rx_protrej lcp_rx_echoreq
lcp_tx_echorep lcp_rx_confreq rx_dropped drop_rx_unknown_proto
drop_rx_protrej_limited"

# hp_begin SCENARIO: the start of each scenario; sets HP_RES (its result
# name) and HP_T0
hp_begin() {
	FAILED=
	HP_RES=hostile-$HP_T-$1
	HP_T0=$(hp_uptime_ms)
}

# hp_launch SCENARIO ATTACH_ARGS -- RAWPEER_ARGS: hp_begin SCENARIO, then
# hp_start; when that fails the scenario fails, "could not start"
hp_launch() {
	hp_begin "$1"
	hp_start "$@" && return 0
	result fail "$HP_RES" "could not start"
	return 1
}

# hp_protoflood: rawpeer's protocol flood ($HP_PROTOS frames of a protocol
# the module does not run): every frame is counted, as Protocol-Rejected
# or as ratelimited away, and most are ratelimited
hp_protoflood() {
	local rej lim
	hp_next "protocol flood"
	hp_delta "$IF" drop_rx_unknown_proto
	rej=$HP_D
	hp_delta "$IF" drop_rx_protrej_limited
	lim=$HP_D
	check "protocol flood: $rej rejected + $lim ratelimited = $HP_PROTOS" \
		test "$((rej + lim))" -eq "$HP_PROTOS"
	check "protocol flood: at most 40 of $HP_PROTOS Protocol-Rejected" \
		test "$rej" -le 40
	check "protocol flood: lcp_tx_protrej moved as the rejected" \
		hp_moved "$IF" lcp_tx_protrej -eq "$rej"
	check "protocol flood: still opened" hp_states "$IF" "opened opened"
}

# hp_opened IFNAME NET: both layers opened, and the server's address on IFNAME
hp_opened() {
	check "LCP and IPCP opened" hp_states "$1" "opened opened"
	check "$1 has 10.0.$2.1 peer 10.0.$2.2/32" wait_for 10 "$1's address" \
		has_ipv4 "$1" "inet 10.0.$2.1 peer 10.0.$2.2/32"
}

# hp_next DESCRIPTION: snapshot the counters, let rawpeer run its next
# attack, wait until it is done
hp_next() {
	hp_snap "$IF" $HP_COUNTERS
	hp_go
	hp_after_sync "$1"
}

# hp_attack DESCRIPTION [COUNTER N]...: hp_next DESCRIPTION, then each
# COUNTER moved by exactly N, and both layers are still opened
hp_attack() {
	local what=$1
	shift
	hp_next "$what"
	while [ $# -ge 2 ]; do
		check "$what: $1 moved by $2" hp_moved "$IF" "$1" -eq "$2"
		shift 2
	done
	check "$what: still opened" hp_states "$IF" "opened opened"
}

# garbage NET: one server link takes truncated, zero-length, badly optioned,
# wrongly identified, unknown-code, unknown-protocol and oversized packets,
# an Echo-Request flood, a Configure-Request flood and a Protocol-Reject
# of IPCP, and still negotiates normally afterwards
hs_garbage() {
	local n=$1 d
	hp_launch garbage --role server --local "10.0.$n.1" --remote "10.0.$n.2" -- \
	    up sync truncated sync zerolen sync badopts sync wrongids sync \
	    unknowncode sync unknownproto sync "protoflood:$HP_PROTOS" sync oversized sync "echoflood:$HP_ECHOS" sync \
	    "crflood:$HP_CRS" sync protrej-ipcp sync up sync || return
	hp_after_sync "negotiated"
	hp_opened "$IF" "$n"
	hp_attack "truncated packets" lcp_malformed 3 ipcp_malformed 1
	hp_attack "zero-length frames" lcp_malformed 1 ipcp_malformed 1 \
		${HP_EMPTY_DROPPED:+rx_dropped $HP_EMPTY_DROPPED}
	hp_attack "bad option lengths" lcp_malformed 3 ipcp_malformed 2
	hp_attack "wrong identifiers" lcp_discarded 3 ipcp_discarded 3
	hp_attack "unknown codes" lcp_tx_coderej "$HP_LCP_CODEREJ" ipcp_tx_coderej 1
	hp_attack "unknown protocols" lcp_tx_protrej 3 drop_rx_unknown_proto 3 \
		rx_dropped 3
	grep '^stat protoflood' "$HP_LOG"
	hp_protoflood
	hp_attack "oversized frames"
	hp_attack "Echo-Request flood" lcp_rx_echoreq $((HP_ECHOS + 1)) \
		lcp_tx_echorep $((HP_ECHOS + 1))
	grep '^stat echoflood' "$HP_LOG"
	hp_next "Configure-Request flood"
	grep '^stat crflood' "$HP_LOG"
	hp_delta "$IF" rx_dropped
	d=$HP_D
	hp_delta "$IF" lcp_rx_confreq
	say "  Configure-Requests processed: ${HP_D:-n/a}, dropped: $d"
	check "CR flood: every request processed or counted dropped" \
		[ -z "$HP_D" -o "$((${HP_D:-0} + d))" -ge "$HP_CRS" ]
	check "CR flood: LCP and IPCP opened again" hp_states "$IF" "opened opened"
	check "$IF has its address again" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.$n.1 peer 10.0.$n.2/32"
	hp_next "Protocol-Reject of IPCP"
	check "IPCP stopped, LCP opened" wait_for 10 "IPCP stopped" \
		hp_states "$IF" "opened stopped"
	check "state/reason proto-reject" hp_reason_is "$IF" proto-reject
	check "1 Protocol-Reject received" hp_moved "$IF" lcp_rx_protrej -eq 1
	check "$IF's address deleted" wait_for 10 "no address" no_ipv4 "$IF"
	check "ipcpctl renegotiate $IF" ipcpctl renegotiate "$IF"
	hp_go
	hp_after_sync "renegotiated"
	check "IPCP opened again" hp_states "$IF" "opened opened"
	check "$IF has its address again" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.$n.1 peer 10.0.$n.2/32"
	ipcpctl status "$IF"
	hp_finish
	hp_result "$HP_RES" "$HP_T0"
}

# naks NET: the peer Naks the module's Magic-Number 200 times, then Acks
hs_naks() {
	local n=$1
	hp_launch naks --role server --local "10.0.$n.1" --remote "10.0.$n.2" -- \
	    naks:200 up sync || return
	hp_after_sync "200 Naks, then a normal negotiation"
	grep '^stat naks' "$HP_LOG"
	check "LCP and IPCP opened" hp_states "$IF" "opened opened"
	check "200 Naks counted" hp_is "$IF" lcp_rx_confnak -eq 200
	check "one Configure-Request per Nak (201)" hp_is "$IF" lcp_tx_confreq -eq 201
	hp_finish
	hp_result "$HP_RES" "$HP_T0" "$(grep '^stat naks' "$HP_LOG")"
}

# maxconf NET: Naks, then silence: RCN re-initialises the restart counter
# (RFC 1661 irc,scr), so only silence lets Max-Configure end LCP
hs_maxconf() {
	local n=$1
	hp_begin maxconf
	if ! hp_set_param restart_ms 200 || ! hp_set_param max_configure 3; then
		hp_restore_param restart_ms
		result skip "$HP_RES" "no restart_ms/max_configure parameters yet"
		return
	fi
	if hp_start maxconf --role server --local "10.0.$n.1" --remote "10.0.$n.2" -- \
	    naksilent:50; then
		check "link gone after Max-Configure" wait_for 30 "link $ID to go" \
			link_gone "$ID"
		# rawpeer's own count of the silent phase is not reliable yet
		# (it may not see the pty hang up): shown, not checked
		grep '^stat' "$HP_LOG"
		hp_finish
	else
		FAILED="could not start"
	fi
	hp_restore_param restart_ms
	hp_restore_param max_configure
	hp_result "$HP_RES" "$HP_T0" "$(grep '^stat silent' "$HP_LOG")"
}

# reject_server NET: the peer Rejects every option of the server
hs_reject_server() {
	local n=$1
	hp_launch reject-server --role server --local "10.0.$n.1" \
	    --remote "10.0.$n.2" -- rejectall up sync || return
	hp_after_sync "everything Rejected"
	check "LCP and IPCP opened" hp_states "$IF" "opened opened"
	check "the module asked again without options (LCP)" \
		grep -q '^rx [0-9]* c021 01 .. 00 04$' "$HP_LOG"
	check "the module asked again without options (IPCP)" \
		grep -q '^rx [0-9]* 8021 01 .. 00 04$' "$HP_LOG"
	check "$IF has 10.0.$n.1 peer 10.0.$n.2/32" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.$n.1 peer 10.0.$n.2/32"
	hp_finish
	hp_result "$HP_RES" "$HP_T0"
}

# reject_client NET: the peer (10.0.NET.1) Rejects every option of the
# client, which is left without an address
hs_reject_client() {
	local n=$1
	hp_launch reject-client --role client -- --addr "10.0.$n.1" rejectall \
	    lcpup sync || return
	hp_after_sync "everything Rejected"
	check "IPCP closed (pool-empty policy ipcp-close), LCP opened" \
		wait_for 10 "IPCP closed" hp_states "$IF" "opened closed"
	check "state/reason pool-empty" hp_reason_is "$IF" pool-empty
	check "$IF has no address" no_ipv4 "$IF"
	hp_finish
	hp_result "$HP_RES" "$HP_T0"
}

# termstorm NET: 100 Terminate-Requests end the link
hs_termstorm() {
	local n=$1 t1
	hp_launch termstorm --role server --local "10.0.$n.1" --remote "10.0.$n.2" -- \
	    up sync termstorm:100 sync || return
	hp_after_sync "negotiated"
	check "$IF has its address" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.$n.1 peer 10.0.$n.2/32"
	t1=$(hp_uptime_ms)
	hp_go
	hp_after_sync "100 Terminate-Requests"
	grep '^stat termstorm' "$HP_LOG"
	check "link gone after the storm" wait_for 15 "link $ID to go" \
		link_gone "$ID"
	say "  link gone $(($(hp_uptime_ms) - t1)) ms after the storm began"
	hp_finish
	hp_result "$HP_RES" "$HP_T0" "$(grep '^stat termstorm' "$HP_LOG")"
}

# protrej_lcp NET: a Protocol-Reject of LCP ends the link
hs_protrej_lcp() {
	local n=$1
	hp_launch protrej-lcp --role server --local "10.0.$n.1" \
	    --remote "10.0.$n.2" -- up sync protrej-lcp sync || return
	hp_after_sync "negotiated"
	hp_go
	hp_after_sync "Protocol-Reject of LCP"
	check "link gone" wait_for 15 "link $ID to go" link_gone "$ID"
	hp_finish
	hp_result "$HP_RES" "$HP_T0"
}

# loopback NET: the peer sends every frame back: the module detects the
# looped-back line and ends the link
hs_loopback() {
	local n=$1 lim=60
	hp_begin loopback
	hp_set_param restart_ms 200 && lim=15
	dmesg -c >/dev/null
	if hp_start loopback --role server --local "10.0.$n.1" --remote "10.0.$n.2" -- \
	    loop:60000; then
		check "link gone (looped line)" wait_for "$lim" "link $ID to go" \
			link_gone "$ID"
		check "the kernel log says the line is looped back" \
			sh -c "dmesg | grep -q 'line looped back'"
		grep '^stat' "$HP_LOG"
		hp_stop
	else
		FAILED="could not start"
	fi
	hp_restore_param restart_ms
	hp_result "$HP_RES" "$HP_T0"
}

# reneg NET: the peer renegotiates IPCP 1000 times in a row, each an "IPCP
# down" and "IPCP up" for the module: every one counted, the kernel log
# grows by a bounded number of lines
hs_reneg() {
	local n=$1 l0 l1
	hp_launch reneg --role server --local "10.0.$n.1" --remote "10.0.$n.2" -- \
	    up sync reneg:1000 sync || return
	hp_after_sync "negotiated"
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
	hp_opened "$IF" "$n"
	hp_finish
	hp_result "$HP_RES" "$HP_T0" "$(grep '^stat reneg' "$HP_LOG")"
}

# after NET SLAB0: a normal negotiation after the attacks, then no link
# left and Slab bounded since SLAB0 (kB)
hs_after() {
	local n=$1
	hp_launch after --role server --local "10.0.$n.1" --remote "10.0.$n.2" -- \
	    up sync || return
	hp_after_sync "negotiated"
	hp_opened "$IF" "$n"
	hp_finish
	hp_slab_checks "$2"
	hp_result "$HP_RES" "$HP_T0" "Slab $2 -> $HP_SLAB kB"
}
