# SPDX-License-Identifier: GPL-2.0
# Helpers for the hostile-peer tests (sourced after /test/lib.sh): a module
# link attacked by rawpeer (tools/test/rawpeer.c), which runs a list of
# steps and stops at each "sync" step until we tell it to go on, so that
# the module's state and counters can be checked between attacks.

HP_CTL=/tmp/hp.ctl
PARAMS=/sys/module/ipcp_neg/parameters

# hp_peer LOG [ip netns exec NS] rawpeer ARGS...: start rawpeer, its stdout
# in LOG, its stdin our fd 3. Sets PEER_PID, HP_LOG, HP_SYNC, HP_FAILS.
hp_peer() {
	HP_LOG=$1
	shift
	rm -f "$HP_CTL" "$HP_LOG"
	mkfifo "$HP_CTL" || return 1
	"$@" <"$HP_CTL" >"$HP_LOG" 2>&1 &
	PEER_PID=$!
	exec 3>"$HP_CTL"
	HP_SYNC=0
	HP_FAILS=0
}

# hp_wait_sync: wait (bounded) until rawpeer stops at its next sync step
hp_wait_sync() {
	HP_SYNC=$((HP_SYNC + 1))
	wait_for "${1:-60}" "rawpeer at sync $HP_SYNC" grep -q "^sync $HP_SYNC\$" "$HP_LOG"
}

# hp_go: let rawpeer run its next steps
hp_go() {
	echo go >&3
}

# hp_wire_ok: rawpeer found nothing wrong on the wire since the last call
hp_wire_ok() {
	local n
	n=$(grep -c '^FAIL' "$HP_LOG")
	[ "$n" = "$HP_FAILS" ] && return 0
	grep '^FAIL' "$HP_LOG" | tail -n $((n - HP_FAILS))
	HP_FAILS=$n
	return 1
}

# hp_end: close rawpeer's stdin; it exits 0 if it printed "verdict pass"
hp_end() {
	exec 3>&-
	wait_for 20 "rawpeer to exit" sh -c "! kill -0 $PEER_PID 2>/dev/null"
	grep -q '^verdict pass$' "$HP_LOG"
}

hp_stop_peer() {
	exec 3>&-
	stop_pid "$PEER_PID"
}

# hp_pty NAME: socat joins /tmp/NAME.pty (the module's) and /tmp/NAME.peer
hp_pty() {
	rm -f "/tmp/$1.pty" "/tmp/$1.peer"
	socat "PTY,link=/tmp/$1.pty,raw,echo=0" "PTY,link=/tmp/$1.peer,raw,echo=0" \
		>/dev/null 2>&1 &
	SOCAT_PID=$!
	wait_for 10 "socat's ptys" test -e "/tmp/$1.pty" -a -e "/tmp/$1.peer"
}

# hp_attach ARGS...: ipcpctl attach; sets IF and ID
hp_attach() {
	local out
	out=$(ipcpctl attach "$@") || return 1
	set -- $out
	IF=$1
	ID=$2
	say "  attached link $ID as $IF"
}

hp_link_gone() {
	! ipcpctl status "$1" >/dev/null 2>&1
}

# hp_state IFNAME lcp|ipcp: the RFC 1661 state name (sysfs, else ipcpctl)
hp_state() {
	local f=/sys/class/net/$1/ipcp_neg/state/$2
	if [ -r "$f" ]; then
		cat "$f"
		return
	fi
	ipcpctl status "$1" 2>/dev/null | awk -v w="$2" \
		'NR == 1 { for (i = 1; i < NF; i++) if ($i == w) print tolower($(i + 1)) }'
}

# hp_states IFNAME "LCP IPCP": both states are these
hp_states() {
	[ "$(hp_state "$1" lcp) $(hp_state "$1" ipcp)" = "$2" ]
}

# hp_reason IFNAME: state/reason, or "n/a" before the sysfs files exist
hp_reason() {
	cat "/sys/class/net/$1/ipcp_neg/state/reason" 2>/dev/null || echo n/a
}

# hp_reason_is IFNAME REASON (true when the file does not exist yet)
hp_reason_is() {
	local r
	r=$(hp_reason "$1")
	say "  state/reason: $r"
	[ "$r" = n/a ] || [ "$r" = "$2" ]
}

# hp_counter IFNAME NAME: a counter; rx_dropped/tx_dropped also from
# ipcpctl status; empty when not available
hp_counter() {
	local f=/sys/class/net/$1/ipcp_neg/counters/$2
	if [ -r "$f" ]; then
		cat "$f"
		return
	fi
	case $2 in
	rx_dropped) ipcpctl status "$1" | awk '/^dropped/ { print $3 }' ;;
	tx_dropped) ipcpctl status "$1" | awk '/^dropped/ { print $5 }' ;;
	esac
}

HP_COUNTERS="lcp_malformed ipcp_malformed lcp_discarded ipcp_discarded
lcp_tx_coderej ipcp_tx_coderej lcp_tx_protrej lcp_rx_protrej lcp_rx_echoreq
lcp_tx_echorep lcp_rx_confreq lcp_tx_confack lcp_rx_confnak lcp_tx_confreq
lcp_rx_termreq lcp_tx_termack rx_dropped tx_dropped"

# hp_snap IFNAME: remember the counters, for hp_delta
hp_snap() {
	local c v
	: >/tmp/hp.snap
	for c in $HP_COUNTERS; do
		v=$(hp_counter "$1" "$c")
		echo "$c ${v:-x}" >>/tmp/hp.snap
	done
}

# hp_delta IFNAME NAME: how much a counter moved since hp_snap; empty when
# the counter is not available
hp_delta() {
	local old new
	old=$(awk -v c="$2" '$1 == c { print $2 }' /tmp/hp.snap)
	new=$(hp_counter "$1" "$2")
	[ -n "$new" ] && [ "$old" != x ] && [ -n "$old" ] || return 0
	echo $((new - old))
}

# hp_moved IFNAME NAME OP N: the counter's move compares to N ("-eq", "-ge")
# A counter the module does not expose yet is reported and not checked.
hp_moved() {
	local d
	d=$(hp_delta "$1" "$2")
	if [ -z "$d" ]; then
		say "  (counters/$2 not available: not checked)"
		return 0
	fi
	say "  counters/$2 moved by $d"
	[ "$d" "$3" "$4" ]
}

# hp_is IFNAME NAME OP N: a counter of a fresh link compares to N
hp_is() {
	local v
	v=$(hp_counter "$1" "$2")
	if [ -z "$v" ]; then
		say "  (counters/$2 not available: not checked)"
		return 0
	fi
	say "  counters/$2 is $v"
	[ "$v" "$3" "$4" ]
}

# hp_uptime_ms: boot time in milliseconds (for the reported durations)
hp_uptime_ms() {
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

hp_slab_kb() {
	awk '/^Slab:/ { print $2 }' /proc/meminfo
}

# hp_set_param NAME VALUE: set a module parameter if the module has it;
# the old value is kept in HP_OLD_<NAME>
hp_set_param() {
	[ -w "$PARAMS/$1" ] || return 1
	eval "HP_OLD_$1=\$(cat $PARAMS/$1)"
	echo "$2" >"$PARAMS/$1"
}

hp_restore_param() {
	local v
	eval "v=\${HP_OLD_$1:-}"
	[ -n "$v" ] && echo "$v" >"$PARAMS/$1"
	eval "HP_OLD_$1="
}

# hp_result NAME T0 [EXTRA]: report the scenario with its duration
hp_result() {
	local ms=$(($(hp_uptime_ms) - $2))
	if [ -n "$FAILED" ]; then
		result fail "$1" "$FAILED ($ms ms)"
	else
		result pass "$1" "${ms} ms${3:+; $3}"
	fi
}
