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
	local f=/sys/class/net/$1/ipcp_neg/state/$2 v
	if [ -r "$f" ]; then
		read -r v <"$f"
		echo "$v"
		return
	fi
	ipcpctl status "$1" 2>/dev/null | awk -v w="$2" \
		'NR == 1 { for (i = 1; i < NF; i++) if ($i == w) print tolower($(i + 1)) }'
}

# hp_states IFNAME "LCP IPCP": both states are these
hp_states() {
	[ "$(hp_state "$1" lcp) $(hp_state "$1" ipcp)" = "$2" ]
}

# hp_reason IFNAME: state/reason, or "n/a" before the per-link sysfs
# directory exists
hp_reason() {
	[ -d "/sys/class/net/$1/ipcp_neg" ] || { echo n/a; return; }
	cat "/sys/class/net/$1/ipcp_neg/state/reason" 2>/dev/null || echo missing
}

# hp_reason_is IFNAME REASON (true when the file does not exist yet)
hp_reason_is() {
	local r
	r=$(hp_reason "$1")
	say "  state/reason: $r"
	[ "$r" = n/a ] || [ "$r" = "$2" ]
}

# hp_read IFNAME NAME: HP_V = the counter, "" when not available;
# rx_dropped/tx_dropped also from ipcpctl status. No fork for sysfs.
hp_read() {
	local f=/sys/class/net/$1/ipcp_neg/counters/$2
	HP_V=
	if [ -r "$f" ]; then
		read -r HP_V <"$f"
		return
	fi
	# the per-link directory exists: its counters must be there
	if [ -d "/sys/class/net/$1/ipcp_neg" ]; then
		HP_V=missing
		return
	fi
	case $2 in
	rx_dropped) HP_V=$(ipcpctl status "$1" | awk '/^dropped/ { print $3 }') ;;
	tx_dropped) HP_V=$(ipcpctl status "$1" | awk '/^dropped/ { print $5 }') ;;
	esac
}

# hp_snap IFNAME COUNTER...: remember these counters, for hp_delta
hp_snap() {
	local i=$1 c
	shift
	for c in "$@"; do
		hp_read "$i" "$c"
		eval "HP_SNAP_$c=\$HP_V"
	done
}

# hp_delta IFNAME NAME: HP_D = how much a counter moved since hp_snap;
# "" when the counter is not available
hp_delta() {
	local old
	eval "old=\${HP_SNAP_$2:-}"
	hp_read "$1" "$2"
	HP_D=
	case "$HP_V$old" in
	*missing*) HP_D=missing ;;
	*) [ -n "$HP_V" ] && [ -n "$old" ] && HP_D=$((HP_V - old)) ;;
	esac
}

# hp_moved IFNAME NAME OP N: the counter's move compares to N ("-eq", "-ge")
# A counter the module does not expose yet is reported and not checked.
hp_moved() {
	hp_delta "$1" "$2"
	if [ -z "$HP_D" ]; then
		say "  (counters/$2 not available: not checked)"
		return 0
	fi
	say "  counters/$2 moved by $HP_D"
	[ "$HP_D" "$3" "$4" ] 2>/dev/null
}

# hp_is IFNAME NAME OP N: a counter of a fresh link compares to N
hp_is() {
	hp_read "$1" "$2"
	if [ -z "$HP_V" ]; then
		say "  (counters/$2 not available: not checked)"
		return 0
	fi
	say "  counters/$2 is $HP_V"
	[ "$HP_V" "$3" "$4" ] 2>/dev/null
}

# hp_uptime_ms: boot time in milliseconds (for the reported durations)
hp_uptime_ms() {
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

# hp_slab_kb: Slab in kB, after dropping what the kernel can drop
hp_slab_kb() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	awk '/^Slab:/ { print $2 }' /proc/meminfo
}

# hp_slab_bound_kb: the growth of Slab tolerated over a test: KASAN's
# quarantine keeps up to 1/32 of the memory in freed objects, which Slab
# still counts, plus 16 MB
hp_slab_bound_kb() {
	awk '/^MemTotal:/ { print int($2 / 32) + 16384 }' /proc/meminfo
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
