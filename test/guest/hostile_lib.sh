# SPDX-License-Identifier: GPL-2.0
# Helpers for the hostile-peer tests (sourced after /test/lib.sh): a module
# link attacked by rawpeer (tools/test/rawpeer/), which runs a list of
# steps and stops at each "sync" step until we tell it to go on, so that
# the module's state and counters can be checked between attacks. The
# scenarios are in hostile_scenarios.sh, written once for every transport
# (hp_transport below); integ/hostile_<transport>.sh runs them.

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

# hp_stop_peer: close rawpeer's stdin and end it
hp_stop_peer() {
	exec 3>&-
	stop_pid "$PEER_PID"
}

# The transports rawpeer attacks a link over. hp_transport pty|pppoe picks
# one (HP_T, in every result name: hostile-$HP_T-...) and the figures its
# scenarios expect. Per transport T: hp_T_peer NAME RAWPEER_ARGS starts
# rawpeer on the peer's end, hp_T_tty NAME prints the attach arguments of
# the module's end, hp_T_stop NAME ends what hp_T_peer started besides
# rawpeer.
#  - pty: socat joins the module's tty and rawpeer's (RFC 1662 framing,
#    ppp_async on the module's side)
#  - pppoe: rawpeer, in namespace hpoe, plays the access concentrator of
#    session 0x2a on the veth pair hpm/hpp (MTU 4000, so that frames above
#    the MRU arrive) that hp_pppoe_setup makes
# The floods are the sizes each transport's test always ran (PPPoE's,
# smaller, also runs on the 6.1 kernel: scripts/check.sh CROSS_TESTS).
# rawpeer sends a 2000-byte unknown code only over PPPoE (one more LCP
# Code-Reject, cut to the MRU), and only PPPoE has frames with Length 0
# (one empty frame dropped). The protocol flood is the same on both.
hp_transport() {
	HP_T=$1
	HP_PROTOS=200
	case $1 in
	pty) HP_ECHOS=500 HP_CRS=1000 HP_LCP_CODEREJ=1 HP_EMPTY_DROPPED= ;;
	pppoe) HP_ECHOS=300 HP_CRS=500 HP_LCP_CODEREJ=2 HP_EMPTY_DROPPED=1 ;;
	esac
}

hp_pty_peer() {
	local name=$1
	shift
	pty_pair "hp-$name" &&
		hp_peer "/tmp/hp-$name.log" rawpeer --pty "/tmp/hp-$name.peer" "$@"
}

hp_pty_tty() {
	echo "--tty /tmp/hp-$1.pty"
}

hp_pty_stop() {
	stop_pidfile "/tmp/hp-$1.socat-pid"
}

HP_SESSION=0x2a

# hp_pppoe_setup: the veth pair, hpm here and hpp in namespace hpoe; sets
# MAC_M and MAC_P. hp_pppoe_teardown removes it.
hp_pppoe_setup() {
	ip netns add hpoe &&
		ip link add hpm type veth peer name hpp netns hpoe &&
		ip link set hpm mtu 4000 up && ip -n hpoe link set hpp mtu 4000 up ||
		return 1
	MAC_M=$(cat /sys/class/net/hpm/address)
	MAC_P=$(ip netns exec hpoe cat /sys/class/net/hpp/address)
	say "  module side hpm $MAC_M, peer side hpp $MAC_P"
}

hp_pppoe_teardown() {
	ip link del hpm
	ip netns del hpoe
}

hp_pppoe_peer() {
	local name=$1
	shift
	hp_peer "/tmp/hpoe-$name.log" /usr/sbin/ip netns exec hpoe rawpeer \
		--pppoe hpp --session "$HP_SESSION" --peer "$MAC_M" --mru 1492 "$@"
}

hp_pppoe_tty() {
	echo "--pppoe hpm --session $HP_SESSION --peer $MAC_P"
}

hp_pppoe_stop() {
	:
}

# hp_start NAME ATTACH_ARGS -- RAWPEER_ARGS: rawpeer on the transport, then
# the module attached to the other end (sets IF and ID)
hp_start() {
	local name=$1 a=
	shift
	while [ "$1" != -- ]; do
		a="$a $1"
		shift
	done
	shift
	HP_NAME=$name HP_LOG=/dev/null PEER_PID=
	if "hp_${HP_T}_peer" "$name" "$@" &&
	    attach $("hp_${HP_T}_tty" "$name") $a; then
		return 0
	fi
	cat "$HP_LOG"
	hp_stop
	return 1
}

# hp_stop: end rawpeer and the transport of the last hp_start
hp_stop() {
	hp_stop_peer
	"hp_${HP_T}_stop" "$HP_NAME"
}

# hp_finish: detach the link, check rawpeer's verdict, hp_stop
hp_finish() {
	ipcpctl detach "$IF" >/dev/null 2>&1
	check "rawpeer's verdict: pass" hp_end
	hp_stop
}

# hp_after_sync DESCRIPTION: rawpeer reached its next sync and saw no error
hp_after_sync() {
	check "rawpeer reached sync $((HP_SYNC + 1)) ($1)" hp_wait_sync &&
		check "bytes on the wire as expected ($1)" hp_wire_ok
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

# hp_compare NAME VERB VALUE OP N: the counter NAME's VALUE compares to N
# ("-eq", "-ge"); one the module does not expose ("" VALUE) is reported
# and not checked
hp_compare() {
	if [ -z "$3" ]; then
		say "  (counters/$1 not available: not checked)"
		return 0
	fi
	say "  counters/$1 $2 $3"
	test "$3" "$4" "$5" 2>/dev/null
}

# hp_moved IFNAME NAME OP N: the counter's move since hp_snap compares to N
hp_moved() {
	hp_delta "$1" "$2"
	hp_compare "$2" "moved by" "$HP_D" "$3" "$4"
}

# hp_is IFNAME NAME OP N: a counter of a fresh link compares to N
hp_is() {
	hp_read "$1" "$2"
	hp_compare "$2" is "$HP_V" "$3" "$4"
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

# hp_slab_checks SLAB0: no link is left, and Slab grew by less than
# hp_slab_bound_kb since SLAB0 (kB); sets HP_SLAB (kB now)
hp_slab_checks() {
	HP_SLAB=$(hp_slab_kb)
	say "  Slab: $1 kB before, $HP_SLAB kB after"
	check "no link left" sh -c "! ls /sys/class/net | grep -q '^ppp'"
	check "Slab grew less than $(hp_slab_bound_kb) kB" \
		[ $((HP_SLAB - $1)) -lt "$(hp_slab_bound_kb)" ]
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
