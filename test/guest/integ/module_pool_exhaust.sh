#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 360
# A pool of exactly four addresses and five pppd clients, each against its
# own module server link (pool-empty ipcp-close). The first four get the
# four addresses; the fifth's IPCP does not come up while its LCP stays
# Opened, and a manual address is refused on its unit meanwhile. When the
# first client leaves (its pppd terminates the link), the fifth link is
# renegotiated and gets the address freed.
. /test/lib.sh

POOL="10.0.6.10 10.0.6.11 10.0.6.12 10.0.6.13"

# client N: pppd in namespace qN on a socat pty pair, the module on the
# other end; sets IF_N and PPPD_N. pppd retries IPCP every second for up
# to 120 s, so that the fifth is still there when an address frees.
client() {
	local n=$1
	start_peer "q$n" "ipcp-restart 1 ipcp-max-configure 120 noipdefault" ||
		return 1
	eval "PPPD_$n=$PEER_PID"
	attach_in "" --tty "/tmp/q$n.pty" --role server --local 10.0.6.1 \
		--pool pool4 --pool-empty ipcp-close || return 1
	eval "IF_$n=$IF"
	say "  client $n: module side $IF"
}

stop_client() {
	stop_peer "q$1"
}

# addr_of N: the local address pppd N reports
addr_of() {
	set -- $(pppd_report "q$1")
	echo "$2"
}

in_pool() {
	case " $POOL " in
	*" $1 "*) return 0 ;;
	esac
	return 1
}

# state_is IFNAME "lcp X ipcp Y"
state_is() {
	ipcpctl status "$1" | grep -q "$2"
}

FAILED=
load_module
check "pool add pool4 10.0.6.10-10.0.6.13" \
	ipcpctl pool add pool4 10.0.6.10-10.0.6.13

for n in 1 2 3 4; do
	client $n || FAILED="${FAILED:+$FAILED; }could not start client $n"
done
got=
for n in 1 2 3 4; do
	check "client $n IPCP up" wait_for 30 "client $n up" \
		test -s "/tmp/ppp-q$n.up"
	a=$(addr_of $n)
	eval "A_$n=$a"
	say "  client $n got $a"
	check "client $n's address $a is from the pool" in_pool "$a"
	eval "check \"module's \$IF_$n has 10.0.6.1 peer $a/32\" wait_for 10 \
		\"\$IF_$n's address\" has_ipv4 \$IF_$n \"inet 10.0.6.1 peer $a/32\""
	got="$got $a"
done
check "the four addresses are distinct" \
	[ "$(echo $got | tr ' ' '\n' | sort -u | wc -l)" = 4 ]

# the pool is empty: the fifth's IPCP is closed, its LCP stays up
client 5 || FAILED="${FAILED:+$FAILED; }could not start client 5"
check "client 5: LCP Opened, IPCP Closed" wait_for 30 \
	"client 5's IPCP to close" state_is "$IF_5" "lcp Opened ipcp Closed"
ipcpctl status "$IF_5"
check "client 5's pppd reports no IPCP up" [ ! -s /tmp/ppp-q5.up ]
check "module's $IF_5 has no address" no_ipv4 "$IF_5"
msg=$(ip addr add 10.0.6.99/32 dev "$IF_5" 2>&1)
say "  ip addr add said: $msg"
check "a manual address on $IF_5 is refused" \
	sh -c "echo '$msg' | grep -q 'obtained by IPCP negotiation'"
check "client 5: LCP still Opened" state_is "$IF_5" "lcp Opened ipcp Closed"

# client 1 leaves: its pppd terminates the link, its address is free
kill "$PPPD_1"
check "client 1's link ends" wait_for 15 "client 1's link to end" \
	link_gone "$IF_1"
check "renegotiate client 5" ipcpctl renegotiate "$IF_5"
check "client 5 IPCP up" wait_for 30 "client 5 up" test -s /tmp/ppp-q5.up
a5=$(addr_of 5)
say "  client 5 got $a5"
check "client 5 got client 1's freed address $A_1" [ "$a5" = "$A_1" ]
check "module's $IF_5 has 10.0.6.1 peer $A_1/32" wait_for 10 \
	"$IF_5's address" has_ipv4 "$IF_5" "inet 10.0.6.1 peer $A_1/32"
check "client 5: LCP Opened, IPCP Opened" \
	state_is "$IF_5" "lcp Opened ipcp Opened"
check "ping client 5" ping -c 1 -W 5 "$A_1"

stop_client 1
for n in 2 3 4 5; do
	eval "check \"detach client $n\" ipcpctl detach \$IF_$n"
	stop_client $n
done
check "pool del pool4" ipcpctl pool del pool4
report module-pool-exhaust
