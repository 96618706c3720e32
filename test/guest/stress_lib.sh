# SPDX-License-Identifier: GPL-2.0
# Helpers for the fault, lifecycle and privilege tests (sourced after
# lib.sh): module-to-module pairs, fault injection.

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
# CLI_IF CLI_ID SOCAT_PID; m2m_up NET waits until both are Opened with their
# addresses; m2m_stop NET ends everything.
m2m_start() {
	local n=$1
	SRV_IF= CLI_IF=
	ip netns add "m2m$n" 2>/dev/null && ip -n "m2m$n" link set lo up
	pty_pair "m2m$n" || return 1
	attach_in "" --tty "/tmp/m2m$n.pty" --role server --local "10.0.$n.1" \
		--remote "10.0.$n.2" --dns "10.0.$n.53" || return 1
	SRV_IF=$IF SRV_ID=$ID
	attach_in "m2m$n" --tty "/tmp/m2m$n.peer" --role client --request-dns ||
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
	stop_pidfile "/tmp/m2m$1.socat-pid"
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
