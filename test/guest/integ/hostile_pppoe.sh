#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 300
# Hostile peers over PPPoE: rawpeer, in namespace hpoe, plays the access
# concentrator of session 0x2a on a veth pair (no discovery: ipcpctl
# attaches the module straight to the session) and attacks the link with
# session frames of its own making (RFC 2516 header, its Length field
# included). The veth MTU is 4000 so that frames above the MRU arrive.
#  - hostile-pppoe-garbage: truncated, zero-length (PPPoE Length 0 and
#    beyond the frame), badly optioned, wrongly identified, unknown-code
#    (one of 2000 bytes: the Code-Reject is cut to the MRU of 1492),
#    unknown-protocol and oversized packets, Echo and Configure-Request
#    floods, a Protocol-Reject of IPCP, then a normal negotiation.
#  - hostile-pppoe-protrej-lcp: a Protocol-Reject of LCP ends the link.
#  - hostile-pppoe-loopback: the peer sends every frame back.
. /test/lib.sh
. /test/hostile_lib.sh

# the counters the attacks move (counters/, see Documentation/ipcp_neg.rst)
SNAP="lcp_malformed ipcp_malformed lcp_discarded ipcp_discarded lcp_tx_coderej
ipcp_tx_coderej lcp_tx_protrej lcp_rx_protrej lcp_rx_echoreq lcp_tx_echorep
lcp_rx_confreq rx_dropped"

SESSION=0x2a

# start NAME ATTACH_ARGS -- RAWPEER_ARGS: rawpeer in hpoe, then attach
start() {
	local name=$1 a=
	shift
	while [ "$1" != -- ]; do
		a="$a $1"
		shift
	done
	shift
	hp_peer "/tmp/hpoe-$name.log" /usr/sbin/ip netns exec hpoe rawpeer \
		--pppoe hpp --session "$SESSION" --peer "$MAC_M" --mru 1492 "$@" ||
		return 1
	hp_attach --pppoe hpm --session "$SESSION" --peer "$MAC_P" $a && return 0
	cat "$HP_LOG"
	hp_stop_peer
	return 1
}

finish() {
	ipcpctl detach "$IF" >/dev/null 2>&1
	check "rawpeer's verdict: pass" hp_end
	hp_stop_peer
}

after_sync() {
	check "rawpeer reached sync $((HP_SYNC + 1)) ($1)" hp_wait_sync &&
		check "bytes on the wire as expected ($1)" hp_wire_ok
}

garbage() {
	local t0 d
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start g --role server --local 10.0.30.1 --remote 10.0.30.2 -- \
	    up sync truncated sync zerolen sync badopts sync wrongids sync \
	    unknowncode sync unknownproto sync oversized sync echoflood:300 sync \
	    crflood:500 sync protrej-ipcp sync up sync; then
		result fail hostile-pppoe-garbage "could not start"
		return
	fi
	after_sync "negotiated"
	check "LCP and IPCP opened" hp_states "$IF" "opened opened"
	check "$IF has 10.0.30.1 peer 10.0.30.2/32" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.30.1 peer 10.0.30.2/32"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "truncated packets"
	check "truncated: 3 LCP malformed" hp_moved "$IF" lcp_malformed -eq 3
	check "truncated: 1 IPCP malformed" hp_moved "$IF" ipcp_malformed -eq 1
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "zero-length frames"
	check "zero-length: 1 LCP malformed" hp_moved "$IF" lcp_malformed -eq 1
	check "zero-length: 1 IPCP malformed" hp_moved "$IF" ipcp_malformed -eq 1
	check "PPPoE Length 0: one empty frame dropped" hp_moved "$IF" rx_dropped -eq 1
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "bad option lengths"
	check "bad options: 3 LCP malformed" hp_moved "$IF" lcp_malformed -eq 3
	check "bad options: 2 IPCP malformed" hp_moved "$IF" ipcp_malformed -eq 2
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "wrong identifiers"
	check "wrong ids: 3 LCP discarded" hp_moved "$IF" lcp_discarded -eq 3
	check "wrong ids: 3 IPCP discarded" hp_moved "$IF" ipcp_discarded -eq 3
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "unknown codes"
	check "unknown codes: 2 LCP Code-Rejects" hp_moved "$IF" lcp_tx_coderej -eq 2
	check "unknown codes: 1 IPCP Code-Reject" hp_moved "$IF" ipcp_tx_coderej -eq 1
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "unknown protocols"
	check "unknown protocols: 3 Protocol-Rejects" hp_moved "$IF" lcp_tx_protrej -eq 3
	hp_go
	after_sync "oversized frames"
	check "still opened" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "Echo-Request flood"
	grep '^stat echoflood' "$HP_LOG"
	check "Echo flood: 301 Echo-Requests counted" hp_moved "$IF" lcp_rx_echoreq -eq 301
	check "Echo flood: 301 Echo-Replies counted" hp_moved "$IF" lcp_tx_echorep -eq 301
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "Configure-Request flood"
	grep '^stat crflood' "$HP_LOG"
	hp_delta "$IF" rx_dropped
	d=$HP_D
	hp_delta "$IF" lcp_rx_confreq
	say "  Configure-Requests processed: ${HP_D:-n/a}, dropped: $d"
	check "CR flood: every request processed or counted dropped" \
		[ -z "$HP_D" -o "$((${HP_D:-0} + d))" -ge 500 ]
	check "CR flood: LCP and IPCP opened again" hp_states "$IF" "opened opened"
	hp_snap "$IF" $SNAP
	hp_go
	after_sync "Protocol-Reject of IPCP"
	check "IPCP stopped, LCP opened" wait_for 10 "IPCP stopped" \
		hp_states "$IF" "opened stopped"
	check "state/reason proto-reject" hp_reason_is "$IF" proto-reject
	check "$IF's address deleted" wait_for 10 "no address" no_ipv4 "$IF"
	check "ipcpctl renegotiate $IF" ipcpctl renegotiate "$IF"
	hp_go
	after_sync "renegotiated"
	check "IPCP opened again" hp_states "$IF" "opened opened"
	check "$IF has its address again" wait_for 10 "$IF's address" \
		has_ipv4 "$IF" "inet 10.0.30.1 peer 10.0.30.2/32"
	finish
	hp_result hostile-pppoe-garbage "$t0"
}

protrej_lcp() {
	local t0
	FAILED=
	t0=$(hp_uptime_ms)
	if ! start p --role server --local 10.0.31.1 --remote 10.0.31.2 -- \
	    up sync protrej-lcp sync; then
		result fail hostile-pppoe-protrej-lcp "could not start"
		return
	fi
	after_sync "negotiated"
	hp_go
	after_sync "Protocol-Reject of LCP"
	check "link gone" wait_for 15 "link $ID to go" hp_link_gone "$ID"
	finish
	hp_result hostile-pppoe-protrej-lcp "$t0"
}

loopback() {
	local t0 lim=60
	FAILED=
	hp_set_param restart_ms 200 && lim=15
	t0=$(hp_uptime_ms)
	dmesg -c >/dev/null
	if start l --role server --local 10.0.32.1 --remote 10.0.32.2 -- \
	    loop:60000; then
		check "link gone (looped line)" wait_for "$lim" "link $ID to go" \
			hp_link_gone "$ID"
		check "the kernel log says the line is looped back" \
			sh -c "dmesg | grep -q 'line looped back'"
		grep '^stat' "$HP_LOG"
		hp_stop_peer
	else
		FAILED="could not start"
	fi
	hp_restore_param restart_ms
	hp_result hostile-pppoe-loopback "$t0"
}

grep -q '^ipcp_neg ' /proc/modules || insmod "$MODDIR/ipcp_neg.ko"
slab0=$(hp_slab_kb)
if ! ip netns add hpoe ||
    ! ip link add hpm type veth peer name hpp netns hpoe ||
    ! ip link set hpm mtu 4000 up || ! ip -n hpoe link set hpp mtu 4000 up; then
	result fail hostile-pppoe "could not make the veth pair"
	exit 0
fi
MAC_M=$(cat /sys/class/net/hpm/address)
MAC_P=$(ip netns exec hpoe cat /sys/class/net/hpp/address)
say "  module side hpm $MAC_M, peer side hpp $MAC_P"
garbage
protrej_lcp
loopback
ip link del hpm
ip netns del hpoe
slab1=$(hp_slab_kb)
FAILED=
check "no link left" sh -c "! ls /sys/class/net | grep -q '^ppp'"
check "Slab grew less than $(hp_slab_bound_kb) kB ($slab0 -> $slab1 kB)" \
	[ $((slab1 - slab0)) -lt "$(hp_slab_bound_kb)" ]
if [ -n "$FAILED" ]; then
	result fail hostile-pppoe-memory "$FAILED"
else
	result pass hostile-pppoe-memory "Slab $slab0 -> $slab1 kB"
fi
