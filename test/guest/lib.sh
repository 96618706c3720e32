# SPDX-License-Identifier: GPL-2.0
# Helpers for the guest-side tests (sourced). Results are written as
# "RESULT <pass|fail|skip> <name> [# detail]" lines on /dev/ttyS1, which the
# host collects; everything else goes to the console.

RESULTS=${RESULTS:-/dev/ttyS1}

# Debian's busybox runs its own applet for a command named like one, even
# when a real binary comes first on PATH: call iproute2 explicitly.
ip() {
	/usr/sbin/ip "$@"
}
MODDIR=/lib/modules/ipcp_neg

say() {
	echo "ipcp_neg-test: $*"
}

# result STATUS NAME [DETAIL]
result() {
	echo "RESULT $1 $2${3:+ # $3}" >>"$RESULTS"
	say "$1 $2${3:+ ($3)}"
}

# wait_for SECONDS DESCRIPTION COMMAND...: poll COMMAND every 0.1 s until it
# succeeds; fail (return 1, saying what was awaited) after SECONDS.
wait_for() {
	local limit=$(($1 * 10)) what=$2 n=0
	shift 2
	until "$@" >/dev/null 2>&1; do
		n=$((n + 1))
		if [ "$n" -ge "$limit" ]; then
			say "timed out after ${limit}00 ms waiting for: $what"
			return 1
		fi
		sleep 0.1
	done
}

# ipv4_of [NETNS] IFNAME: "inet A peer B/32" words of the interface, if any
ipv4_of() {
	if [ $# -eq 2 ]; then
		ip -n "$1" -4 -o addr show dev "$2" 2>/dev/null
	else
		ip -4 -o addr show dev "$1" 2>/dev/null
	fi | awk '{ for (i = 1; i < NF; i++) if ($i == "inet") {
		s = "inet " $(i + 1)
		if ($(i + 2) == "peer") s = s " peer " $(i + 3)
		print s } }'
}

# has_ipv4 IFNAME EXPECTED: the interface's first IPv4 address is EXPECTED,
# e.g. "inet 10.0.0.2 peer 10.0.0.1/32"; has_ipv4_ns NETNS IFNAME EXPECTED
has_ipv4() {
	[ "$(ipv4_of "$1" | head -n 1)" = "$2" ]
}

has_ipv4_ns() {
	[ "$(ipv4_of "$1" "$2" | head -n 1)" = "$3" ]
}

# no_ipv4 [NETNS] IFNAME: the interface has no IPv4 address at all
no_ipv4() {
	[ -z "$(ipv4_of "$@")" ]
}

# check NAME DESCRIPTION COMMAND...: one assertion inside a test; on failure
# prints what was expected and records it in $FAILED.
check() {
	local what=$1
	shift
	if "$@"; then
		say "  ok: $what"
	else
		say "  FAILED: $what"
		FAILED="${FAILED:+$FAILED; }$what"
	fi
}

# The ip-up/ip-down hooks of pppd write what pppd itself reports into
# /tmp/ppp-<ipparam>.up: "IFNAME LOCAL REMOTE DNS1 DNS2". pppd runs ip-up
# after its IPCP is up, which may be after our end saw it: wait (bounded)
# for the file. Callers remove a stale one before starting pppd.
pppd_report() {
	wait_for 10 "pppd's ip-up report /tmp/ppp-$1.up" \
		test -s "/tmp/ppp-$1.up" >&2
	cat "/tmp/ppp-$1.up" 2>/dev/null
}

# pppd_pty_pair NAME SERVER_OPTS CLIENT_OPTS: two pppd joined over a pty
# pair: the client in this namespace runs the server, in namespace NAME, as
# its pty command; ipparam NAME-srv and NAME-cli. Waits (bounded) until both
# report IPCP up. Sets PAIR_PID; stop_pppd_pty_pair NAME ends it.
pppd_pty_pair() {
	local name=$1 srv=$2 cli=$3
	rm -f "/tmp/ppp-$name-srv.up" "/tmp/ppp-$name-cli.up"
	ip netns add "$name" && ip -n "$name" link set lo up || return 1
	pppd pty "/usr/sbin/ip netns exec $name pppd notty nodetach noauth local lcp-restart 1 ipparam $name-srv $srv" \
		nodetach noauth local lcp-restart 1 ipparam "$name-cli" $cli \
		>"/tmp/pppd-$name.log" 2>&1 &
	PAIR_PID=$!
	wait_for 30 "pppd pair $name: IPCP up on both ends" \
		test -s "/tmp/ppp-$name-srv.up" -a -s "/tmp/ppp-$name-cli.up"
}

stop_pppd_pty_pair() {
	stop_pid "$PAIR_PID"
	ip netns del "$1"
}

# stop_pid PID: terminate a process and wait (bounded) for it to exit
stop_pid() {
	kill "$1" 2>/dev/null
	wait_for 20 "process $1 to exit" sh -c "! kill -0 $1"
}

# netns_pair A B IFA IFB: two network namespaces joined by a veth pair
netns_pair() {
	ip netns add "$1" && ip netns add "$2" &&
		ip link add "$3" netns "$1" type veth peer name "$4" netns "$2" &&
		ip -n "$1" link set "$3" up && ip -n "$2" link set "$4" up &&
		ip -n "$1" link set lo up && ip -n "$2" link set lo up
}
