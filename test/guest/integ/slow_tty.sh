#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 300
# A TCP transfer over a slow line loses no frame inside the module.
#  - slow-tty-tcp: the module (server) and the real pppd (in namespace
#    slow) run over two ptys joined by slowrelay, a relay that moves
#    SLOW_RATE bytes a second each way, so the module's tty fills and
#    ppp_async refuses frames while it holds one. A 1 MiB file goes by TCP
#    from the module's side to pppd's and arrives whole; the sender's TCP
#    retransmitted nothing (a frame dropped anywhere on the way is a
#    retransmission); the module counted no dropped data frame, and it
#    did wait for the transport (counters/tx_transport_waits moved:
#    the test exercised the pacing).
. /test/lib.sh

SLOW_RATE=${SLOW_RATE:-262144}
SLOW_KB=1024

# retrans: the TCP segments this namespace retransmitted so far
retrans() {
	awk '/^Tcp:/ { if (!h) { for (i = 1; i <= NF; i++) if ($i == "RetransSegs") c = i; h = 1 }
		else print $c }' /proc/net/snmp
}

# ctr NAME: counters/NAME of the module's link
ctr() {
	cat "/sys/class/net/$IF/ipcp_neg/counters/$1"
}

slow_tcp() {
	local relay rx r0 r1 sum_tx sum_rx c
	FAILED=
	rm -f /tmp/slow.pty /tmp/slow.peer /tmp/slow.rx
	slowrelay /tmp/slow.pty /tmp/slow.peer "$SLOW_RATE" >/tmp/slowrelay.log 2>&1 &
	relay=$!
	if ! wait_for 10 "slowrelay's ptys" test -e /tmp/slow.pty -a -e /tmp/slow.peer ||
	    ! peer_pppd slow "noipdefault noipv6"; then
		stop_pid "$relay"
		result fail slow-tty-tcp "could not start slowrelay and pppd"
		return
	fi
	if ! attach --tty /tmp/slow.pty --role server --local 10.0.7.1 \
	    --remote 10.0.7.2; then
		stop_peer slow
		stop_pid "$relay"
		result fail slow-tty-tcp "ipcpctl attach failed"
		return
	fi
	check "pppd reports IPCP up" wait_for 60 "IPCP up" test -s /tmp/ppp-slow.up
	check "module's $IF has 10.0.7.1 peer 10.0.7.2/32" wait_for 10 \
		"$IF's address" has_ipv4 "$IF" "inet 10.0.7.1 peer 10.0.7.2/32"
	dd if=/dev/urandom of=/tmp/slow.tx bs=1024 count=$SLOW_KB 2>/dev/null
	ip netns exec slow socat -u TCP-LISTEN:5001,bind=10.0.7.2,reuseaddr \
		OPEN:/tmp/slow.rx,creat,trunc >/tmp/slow-socat.log 2>&1 &
	rx=$!
	# port 5001 (0x1389) in state LISTEN (0A)
	check "the receiver listens" wait_for 30 "the receiver listening" sh -c \
		"/usr/sbin/ip netns exec slow cat /proc/net/tcp | grep -q ':1389 00000000:0000 0A'"
	r0=$(retrans)
	check "1 MiB sent by TCP over the slow line" timeout 120 socat -u \
		FILE:/tmp/slow.tx TCP:10.0.7.2:5001
	check "the receiver finished" wait_for 30 "the receiver" \
		sh -c "! kill -0 $rx 2>/dev/null"
	r1=$(retrans)
	sum_tx=$(md5sum </tmp/slow.tx)
	sum_rx=$(md5sum </tmp/slow.rx 2>/dev/null)
	check "the file arrived whole" [ "$sum_tx" = "$sum_rx" ]
	say "  TCP retransmissions: $((r1 - r0))"
	check "TCP retransmitted nothing ($((r1 - r0)))" [ "$((r1 - r0))" -eq 0 ]
	for c in tx_dropped drop_rx_queue_full drop_rx_nomem drop_rx_ncp_down \
	    drop_rx_short; do
		check "counters/$c is 0 ($(ctr $c))" [ "$(ctr $c)" -eq 0 ]
	done
	say "  counters/tx_transport_waits: $(ctr tx_transport_waits)"
	check "the module waited for the transport" \
		[ "$(ctr tx_transport_waits)" -gt 0 ]
	ipcpctl status "$IF"
	ipcpctl detach "$IF"
	stop_pid "$rx"
	stop_peer slow
	stop_pid "$relay"
	cat /tmp/slowrelay.log
	rm -f /tmp/slow.tx /tmp/slow.rx
	report slow-tty-tcp
}

load_module
slow_tcp
