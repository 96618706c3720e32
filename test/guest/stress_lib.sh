# SPDX-License-Identifier: GPL-2.0
# Helpers for the fault, lifecycle and privilege tests (sourced after
# lib.sh): pty pairs, module links, module-to-module pairs, fault injection.

# finish NAME: report NAME from $FAILED
finish() {
	if [ -n "$FAILED" ]; then
		result fail "$1" "$FAILED"
	else
		result pass "$1"
	fi
}

# note WHAT: record a failure found outside check
note() {
	say "  FAILED: $1"
	FAILED="${FAILED:+$FAILED; }$1"
}

load_module() {
	grep -q '^ipcp_neg ' /proc/modules || insmod "$MODDIR/ipcp_neg.ko"
}

# pty_pair NAME: socat joins /tmp/NAME.a and /tmp/NAME.b; sets PTY_PID
pty_pair() {
	rm -f "/tmp/$1.a" "/tmp/$1.b"
	socat "PTY,link=/tmp/$1.a,raw,echo=0" "PTY,link=/tmp/$1.b,raw,echo=0" \
		>/dev/null 2>&1 &
	PTY_PID=$!
	wait_for 10 "socat's ptys $1" test -e "/tmp/$1.a" -a -e "/tmp/$1.b"
}

# peer_pppd NAME NETNS PPPD_OPTS: pppd on /tmp/NAME.b in NETNS (made here),
# ipparam NAME; sets PEER_PID
peer_pppd() {
	rm -f "/tmp/ppp-$1.up" "/tmp/ppp-$1.down"
	ip netns add "$2" && ip -n "$2" link set lo up || return 1
	/usr/sbin/ip netns exec "$2" pppd "/tmp/$1.b" nodetach noauth local \
		lcp-restart 1 ipparam "$1" linkname "$1" $3 \
		>"/tmp/pppd-$1.log" 2>&1 &
	PEER_PID=$!
}

# attach_in NETNS ARGS...: ipcpctl attach in NETNS ("" = this one); sets
# IF and ID
attach_in() {
	local ns=$1 out
	shift
	if [ -n "$ns" ]; then
		out=$(/usr/sbin/ip netns exec "$ns" ipcpctl attach "$@") || return 1
	else
		out=$(ipcpctl attach "$@") || return 1
	fi
	set -- $out
	IF=$1
	ID=$2
}

# ctl_in NETNS ARGS...: ipcpctl in NETNS ("" = this one)
ctl_in() {
	local ns=$1
	shift
	if [ -n "$ns" ]; then
		/usr/sbin/ip netns exec "$ns" ipcpctl "$@"
	else
		ipcpctl "$@"
	fi
}

# ipcp_opened NETNS LINK: IPCP of LINK is Opened
ipcp_opened() {
	ctl_in "$1" status "$2" 2>/dev/null | grep -q ' ipcp Opened$'
}

# link_gone_in NETNS LINK
link_gone_in() {
	! ctl_in "$1" status "$2" >/dev/null 2>&1
}

# no_ppp_addr: no ppp interface of this namespace has an IPv4 address
no_ppp_addr() {
	! /usr/sbin/ip -4 -o addr show | grep -q ': ppp[0-9]* '
}

# no_ppp_if [NETNS]: no pppN interface at all
no_ppp_if() {
	if [ -n "${1:-}" ]; then
		! /usr/sbin/ip -n "$1" -o link show | grep -q ': ppp[0-9]*[:@]'
	else
		! /usr/sbin/ip -o link show | grep -q ': ppp[0-9]*[:@]'
	fi
}

# Module-to-module pair: server in this namespace (10.0.$NET.1), client in
# namespace "m2m$NET" asking for DNS. m2m_start NET sets SRV_IF SRV_ID
# CLI_IF CLI_ID PTY_PID; m2m_up NET waits until both are Opened with their
# addresses; m2m_stop NET ends everything.
m2m_start() {
	local n=$1
	SRV_IF= CLI_IF=
	ip netns add "m2m$n" 2>/dev/null && ip -n "m2m$n" link set lo up
	pty_pair "m2m$n" || return 1
	attach_in "" --tty "/tmp/m2m$n.a" --role server --local "10.0.$n.1" \
		--remote "10.0.$n.2" --dns "10.0.$n.53" || return 1
	SRV_IF=$IF SRV_ID=$ID
	attach_in "m2m$n" --tty "/tmp/m2m$n.b" --role client --request-dns ||
		return 1
	CLI_IF=$IF CLI_ID=$ID
}

m2m_up() {
	local n=$1 t=${2:-30}
	wait_for "$t" "server link $SRV_ID opened" ipcp_opened "" "$SRV_ID" &&
		wait_for "$t" "client link $CLI_ID opened" \
			ipcp_opened "m2m$n" "$CLI_ID" &&
		wait_for 10 "$SRV_IF's address" has_ipv4 "$SRV_IF" \
			"inet 10.0.$n.1 peer 10.0.$n.2/32" &&
		wait_for 10 "$CLI_IF's address" has_ipv4_ns "m2m$n" "$CLI_IF" \
			"inet 10.0.$n.2 peer 10.0.$n.1/32"
}

# m2m_down NET: both links of the pair are gone
m2m_down() {
	link_gone_in "" "$SRV_ID" && link_gone_in "m2m$1" "$CLI_ID"
}

m2m_stop() {
	ipcpctl detach "$SRV_ID" >/dev/null 2>&1
	ctl_in "m2m$1" detach "$CLI_ID" >/dev/null 2>&1
	[ -n "$PTY_PID" ] && stop_pid "$PTY_PID"
	ip netns del "m2m$1" 2>/dev/null
}

# Fault injection (Documentation/fault-injection/fault-injection.rst)
FI=/sys/kernel/debug

# fi_reset: no injection anywhere
fi_reset() {
	local f
	for f in failslab fail_page_alloc; do
		[ -d "$FI/$f" ] || continue
		echo 0 >"$FI/$f/probability"
		echo 1 >"$FI/$f/interval"
		echo 0 >"$FI/$f/space"
		echo 1 >"$FI/$f/times"
		echo 0 >"$FI/$f/verbose"
		echo N >"$FI/$f/task-filter"
	done
}

# fi_hits FILE_BEFORE: injected failures since fi_arm (times counted down)
fi_left() {
	cat "$FI/$1/times"
}
