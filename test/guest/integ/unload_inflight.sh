#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 300
# Unload while a teardown that the module began by itself is still under way.
#  - unload-inflight-unitdel: the unit of a live link is deleted ("ip link
#    del pppN", in the background: it waits for the link to let the unit
#    go), which makes the link's work item tear it down, sending a
#    Terminate-Request and waiting for the Ack. The peer pppd is stopped,
#    so no Ack comes and the teardown waits its full second. As soon as
#    the teardown has begun ("IPCP down" in the kernel log) the module is
#    unloaded. When rmmod returns, that teardown must have ended ("link N
#    detached" is in the kernel log), and the kernel must stay clean (no
#    use-after-free of the module's code, pools or pernet data: make
#    check's console scan sees any splat). Three rounds.
#  - unload-inflight-hangup: the transport hangs up (socat killed) and the
#    module is unloaded as soon as the link saw it ("transport hung up"),
#    three rounds: rmmod waits for the teardown the hang-up began.
. /test/lib.sh

# no_splat: the kernel log shows no splat (make check scans the console
# for every kind; this catches the crash in the round that caused it)
no_splat() {
	! dmesg | grep -E 'BUG:|KASAN|Oops|general protection|WARNING:' >&2
}

# up_link NAME: a server link on a pty against a pppd in NETNS NAME; sets
# IF, ID, SOCAT_PID, PEER_PID
up_link() {
	start_peer "$1" "noipdefault" &&
		attach_in "" --tty "/tmp/$1.pty" --role server --local 10.0.81.1 \
			--remote 10.0.81.2 &&
		wait_for 30 "link $ID opened" ipcp_opened "" "$ID"
}

# logged TEXT: the kernel log has a line ending in TEXT
logged() {
	dmesg | grep -q ": $1\$"
}

# round NAME HOW: one round; HOW is unitdel or hangup
round() {
	local name=$1 how=$2 id
	load_module
	if ! up_link "$name"; then
		note "$name: the link did not come up"
		stop_peer "$name"
		return
	fi
	id=$ID
	dmesg -c >/dev/null
	case "$how" in
	unitdel)
		kill -STOP "$PEER_PID"
		ip link del "$IF" &
		DEL_PID=$!
		wait_for 10 "the teardown begun" logged "IPCP down (administrative stop)"
		;;
	hangup)
		kill "$SOCAT_PID"
		wait_for 10 "the hang-up seen" logged "transport hung up"
		;;
	esac
	if ! rmmod ipcp_neg; then
		note "$name: rmmod failed"
		wait_for 10 "the link gone" link_gone_in "" "$id"
		rmmod ipcp_neg
	fi
	check "$name: link $id torn down before rmmod returned" \
		logged "link $id detached"
	check "$name: module gone" sh -c "! grep -q '^ipcp_neg ' /proc/modules"
	[ "$how" = unitdel ] && wait_for 10 "ip link del to return" \
		sh -c "! kill -0 $DEL_PID 2>/dev/null"
	stop_peer "$name"
	check "$name: no splat" no_splat
}

for how in unitdel hangup; do
	FAILED=
	for n in 1 2 3; do
		round "ui$how$n" "$how"
	done
	report "unload-inflight-$how"
done
load_module
