#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 360
# The module as a pool server for several pppd clients: a pool of two
# addresses, three clients. The first two get distinct addresses from the
# pool, the third none (the pool-empty policy closes IPCP, and pppd, left
# without a network protocol, ends the link). A renegotiation gives a client
# its address again (sticky) although another is free; a detached link's
# address is free again. Then a pool that holds the server's own address
# (10.0.9.0/24, --local 10.0.9.1): the clients never get it, a local address
# leased to another link's peer is refused, and the local address changed to
# its own peer's gives that peer another.
. /test/lib.sh

# client N [POLICY [POOL LOCAL]]: pppd in namespace pN on a socat pty pair,
# the module on the other end with POOL (default testpool), pool-empty
# POLICY (default ipcp-close) and address LOCAL (default 10.0.5.1); sets
# IF_N and PPPD_N; stop_client N ends it
client() {
	local n=$1 policy=${2:-ipcp-close} pool=${3:-testpool}
	local loc=${4:-10.0.5.1}
	start_peer "p$n" "noipdefault" || return 1
	eval "PPPD_$n=$PEER_PID"
	attach_in "" --tty "/tmp/p$n.pty" --role server --local "$loc" \
		--pool "$pool" --pool-empty $policy || return 1
	eval "IF_$n=$IF"
	say "  client $n: module side $IF"
}

stop_client() {
	stop_peer "p$1"
}

# addr_of N: the local address pppd N reports
addr_of() {
	set -- $(pppd_report "p$1")
	echo "$2"
}

in_pool() {
	[ "$1" = 10.0.5.10 ] || [ "$1" = 10.0.5.11 ]
}

FAILED=
load_module
check "pool add testpool 10.0.5.10-10.0.5.11" \
	ipcpctl pool add testpool 10.0.5.10-10.0.5.11
check "an overlapping range is refused" \
	sh -c "! ipcpctl pool add other 10.0.5.11-10.0.5.12"
check "a link on a missing pool is refused" sh -c \
	"! ipcpctl attach --chan 1 --role server --local 10.0.5.1 --pool nopool"

client 1 && client 2 || FAILED="could not start clients 1 and 2"
check "client 1 IPCP up" wait_for 30 "client 1 up" test -s /tmp/ppp-p1.up
check "client 2 IPCP up" wait_for 30 "client 2 up" test -s /tmp/ppp-p2.up
a1=$(addr_of 1)
a2=$(addr_of 2)
say "  client 1 got $a1, client 2 got $a2"
check "client 1's address is from the pool" in_pool "$a1"
check "client 2's address is from the pool" in_pool "$a2"
check "the two addresses differ" [ "$a1" != "$a2" ]
check "module's $IF_1 has 10.0.5.1 peer $a1/32" wait_for 10 "$IF_1's address" \
	has_ipv4 "$IF_1" "inet 10.0.5.1 peer $a1/32"

# pool empty, policy ipcp-close: LCP stays Opened, IPCP is closed
client 3 || FAILED="${FAILED:+$FAILED; }could not start client 3"
check "client 3 (ipcp-close): LCP Opened, IPCP Closed" wait_for 30 \
	"client 3's IPCP to close" sh -c \
	"ipcpctl status $IF_3 | grep -q 'lcp Opened ipcp Closed'"
check "client 3 has no address" no_ipv4 "$IF_3"
ipcpctl status "$IF_3"
check "detach client 3" ipcpctl detach "$IF_3"
stop_client 3
# pool empty, policy terminate: the module ends the link
client 5 terminate || FAILED="${FAILED:+$FAILED; }could not start client 5"
check "client 5 (terminate): its link ends" wait_for 30 \
	"client 5's link to end" link_gone "$IF_5"
check "client 5 never got an address" [ ! -s /tmp/ppp-p5.up ]
stop_client 5

# a free address now exists besides client 2's: the next-fit cursor would
# pick it, stickiness gives client 2 its own address back
check "pool add testpool 10.0.5.12-10.0.5.12" \
	ipcpctl pool add testpool 10.0.5.12-10.0.5.12
rm -f /tmp/ppp-p2.up
check "renegotiate client 2" ipcpctl renegotiate "$IF_2"
check "client 2 IPCP up again" wait_for 20 "client 2 up" test -s /tmp/ppp-p2.up
check "client 2 got the same address again (sticky)" [ "$(addr_of 2)" = "$a2" ]

check "detach client 1" ipcpctl detach "$IF_1"
stop_client 1
client 4 || FAILED="${FAILED:+$FAILED; }could not start client 4"
check "client 4 IPCP up" wait_for 30 "client 4 up" test -s /tmp/ppp-p4.up
a4=$(addr_of 4)
check "client 4 got a free pool address ($a4)" \
	sh -c "[ '$a4' = 10.0.5.10 ] || [ '$a4' = 10.0.5.12 ]"
check "detach client 4" ipcpctl detach "$IF_4"
check "detach client 2" ipcpctl detach "$IF_2"
stop_client 4
stop_client 2
check "pool del testpool" ipcpctl pool del testpool
check "pool del of a missing pool fails" sh -c "! ipcpctl pool del testpool"

# The server's own address inside its pool
POOLS=/sys/kernel/ipcp_neg/pools
used_is() {
	[ "$(cat $POOLS/dialin/used)" = "$1" ]
}

# client_has N SERVER: pppd N has SERVER as its peer, and both ends show
# their pair of addresses
client_has() {
	local n=$1 srv=$2
	set -- $(pppd_report "p$n")
	[ "$3" = "$srv" ] && has_ipv4_ns "p$n" "$1" "inet $2 peer $srv/32" &&
		eval "has_ipv4 \$IF_$n 'inet $srv peer $2/32'"
}

# local_in_pool: clients 6 and 7 on the pool dialin, which holds the
# server's address; returns early if client 6 never comes up (main before
# the fix: "no address for the peer (-99)")
local_in_pool() {
	client 6 ipcp-close dialin 10.0.9.1 ||
		FAILED="${FAILED:+$FAILED; }could not start client 6"
	check "client 6 IPCP up" wait_for 30 "client 6 up" test -s /tmp/ppp-p6.up
	[ -s /tmp/ppp-p6.up ] || return 1
	a6=$(addr_of 6)
	say "  client 6 got $a6"
	check "client 6 did not get the server's 10.0.9.1 ($a6)" \
		[ "$a6" = 10.0.9.2 ]
	check "client 6 and $IF_6 show 10.0.9.1 and $a6" wait_for 10 \
		"both ends' addresses" client_has 6 10.0.9.1
	client 7 ipcp-close dialin 10.0.9.1 ||
		FAILED="${FAILED:+$FAILED; }could not start client 7"
	check "client 7 IPCP up" wait_for 30 "client 7 up" test -s /tmp/ppp-p7.up
	a7=$(addr_of 7)
	check "client 7 got the next address ($a7)" [ "$a7" = 10.0.9.3 ]
	check "dialin used is 2" used_is 2
	ipcpctl pool show dialin

	L6=/sys/class/net/$IF_6/ipcp_neg/local
	check "local := client 7's address is refused (EADDRINUSE)" sh -c \
		"! echo $a7 2>/tmp/local.err > $L6 && grep -q 'in use' /tmp/local.err"
	check "$IF_6's local is still 10.0.9.1" [ "$(cat $L6)" = 10.0.9.1 ]
	check "attach with client 7's address as local is refused" sh -c \
		"! ipcpctl attach --chan 1 --role server --local $a7 --pool dialin"
	rm -f /tmp/ppp-p6.up
	check "local := client 6's own address ($a6)" sh -c "echo $a6 > $L6"
	check "client 6 IPCP up again" wait_for 30 "client 6 up" test -s /tmp/ppp-p6.up
	b6=$(addr_of 6)
	say "  client 6 now has $b6"
	check "client 6 got another address ($b6)" [ "$b6" = 10.0.9.4 ]
	check "client 6 and $IF_6 show $a6 and $b6" wait_for 10 \
		"both ends' addresses" client_has 6 "$a6"
	check "dialin used is still 2" used_is 2
	ipcpctl status "$IF_6"
}

check "pool dialin 10.0.9.0/24 (sysfs)" sh -c \
	"echo dialin > $POOLS/create && echo 10.0.9.0/24 > $POOLS/dialin/ranges"
local_in_pool || true
check "detach client 6" ipcpctl detach "$IF_6"
[ -z "$IF_7" ] || check "detach client 7" ipcpctl detach "$IF_7"
stop_client 6
[ -z "$PPPD_7" ] || stop_client 7
check "dialin used is 0" used_is 0
check "pool del dialin" ipcpctl pool del dialin
report module-pool
