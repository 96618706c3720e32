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

# report NAME [DETAIL]: a test's result from its checks: fail with $FAILED
# when a check failed, else pass (with DETAIL); then clears $FAILED
report() {
	if [ -n "$FAILED" ]; then
		result fail "$1" "$FAILED"
	else
		result pass "$1" "${2:-}"
	fi
	FAILED=
}

# note WHAT: record a failure found outside check
note() {
	say "  FAILED: $1"
	FAILED="${FAILED:+$FAILED; }$1"
}

# load_module: insmod ipcp_neg unless it is loaded (a test may unload it)
load_module() {
	grep -q '^ipcp_neg ' /proc/modules || insmod "$MODDIR/ipcp_neg.ko"
}

# pty_pair NAME: socat joins two ptys, /tmp/NAME.pty (the module's end) and
# /tmp/NAME.peer (pppd's, rawpeer's or a second link's); sets SOCAT_PID.
# PTY_PAIR_OPTS: socat's own options (-x: the bytes both ways in hex, ">"
# from the module's end, "<" to it, in /tmp/socat-NAME.log, which a test
# may empty at any time)
pty_pair() {
	rm -f "/tmp/$1.pty" "/tmp/$1.peer" "/tmp/socat-$1.log"
	# shellcheck disable=SC2086
	socat ${PTY_PAIR_OPTS:-} "PTY,link=/tmp/$1.pty,raw,echo=0" \
		"PTY,link=/tmp/$1.peer,raw,echo=0" >>"/tmp/socat-$1.log" 2>&1 &
	SOCAT_PID=$!
	echo "$SOCAT_PID" >"/tmp/$1.socat-pid"
	wait_for 10 "socat's ptys $1" test -e "/tmp/$1.pty" -a -e "/tmp/$1.peer"
}

# peer_pppd NAME PPPD_OPTS: pppd on /tmp/NAME.peer in namespace NAME (made
# here), ipparam and linkname NAME, its log /tmp/pppd-NAME.log; sets PEER_PID
peer_pppd() {
	rm -f "/tmp/ppp-$1.up" "/tmp/ppp-$1.down"
	ip netns add "$1" && ip -n "$1" link set lo up || return 1
	/usr/sbin/ip netns exec "$1" pppd "/tmp/$1.peer" nodetach noauth local \
		lcp-restart 1 ipparam "$1" linkname "$1" $2 >"/tmp/pppd-$1.log" 2>&1 &
	PEER_PID=$!
	echo "$PEER_PID" >"/tmp/$1.pppd-pid"
}

# start_peer NAME PPPD_OPTS: pty_pair NAME, then peer_pppd NAME on its peer
# end; sets SOCAT_PID and PEER_PID. stop_peer NAME ends what it started.
start_peer() {
	pty_pair "$1" && peer_pppd "$1" "$2"
}

# stop_pidfile FILE: stop_pid the process FILE names (if any); remove FILE
stop_pidfile() {
	local pid
	[ -r "$1" ] && read -r pid <"$1" && stop_pid "$pid"
	rm -f "$1"
}

# stop_peer NAME: end NAME's pppd (SIGCONT first: a test may have stopped
# it) and socat, delete namespace NAME; by the pids start_peer recorded, so
# that several peers can run at once
stop_peer() {
	local pid
	[ -r "/tmp/$1.pppd-pid" ] && read -r pid <"/tmp/$1.pppd-pid" &&
		kill -CONT "$pid" 2>/dev/null
	stop_pidfile "/tmp/$1.pppd-pid"
	stop_pidfile "/tmp/$1.socat-pid"
	ip netns del "$1" 2>/dev/null
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

# attach_in NETNS ARGS...: ipcpctl attach in NETNS ("" = this one); sets IF
# (pppN) and ID (the link id)
attach_in() {
	local ns=$1 out
	shift
	out=$(ctl_in "$ns" attach "$@") || return 1
	set -- $out
	IF=$1
	ID=$2
}

# attach ARGS...: attach_in this namespace, and say which link it made
attach() {
	attach_in "" "$@" && say "  attached link $ID as $IF"
}

# link_gone_in NETNS LINK: ipcpctl status no longer knows LINK
link_gone_in() {
	! ctl_in "$1" status "$2" >/dev/null 2>&1
}

# link_gone LINK: the same in this namespace
link_gone() {
	link_gone_in "" "$1"
}

# ipcp_opened NETNS LINK: IPCP of LINK is Opened
ipcp_opened() {
	ctl_in "$1" status "$2" 2>/dev/null | grep -q ' ipcp Opened$'
}

# netns_pair A B IFA IFB: two network namespaces joined by a veth pair
netns_pair() {
	ip netns add "$1" && ip netns add "$2" &&
		ip link add "$3" netns "$1" type veth peer name "$4" netns "$2" &&
		ip -n "$1" link set "$3" up && ip -n "$2" link set "$4" up &&
		ip -n "$1" link set lo up && ip -n "$2" link set lo up
}

# pppoe_session NS_S NS_C IF_S IF_C LOCAL REMOTE OPTIONS: pppoe-server
# (kernel mode; pppd behind it, with the options file OPTIONS, assigns
# LOCAL:REMOTE) on IF_S in namespace NS_S, joined by a veth pair to IF_C
# in NS_C, where rp-pppoe's discovery-only mode ("pppoe -d") finds the
# session. Sets PPPOE_SRV (pppoe-server's pid), PPPOE_ID and PPPOE_MAC;
# logs in /tmp/NS_S-server.log and /tmp/NS_S-disc.log.
# pppoe_session_end NS_S NS_C ends everything in both and deletes them.
pppoe_session() {
	local sess
	PPPOE_SRV= PPPOE_ID= PPPOE_MAC=
	netns_pair "$1" "$2" "$3" "$4" || return 1
	ip netns exec "$1" pppoe-server -F -k -I "$3" -L "$5" -R "$6" -N 4 \
		-O "$7" >"/tmp/$1-server.log" 2>&1 &
	PPPOE_SRV=$!
	# pppoe-server listens on its packet sockets
	wait_for 10 "pppoe-server on $3" sh -c \
		"[ \$(/usr/sbin/ip netns exec $1 cat /proc/net/packet | wc -l) -gt 1 ]"
	sess=$(ip netns exec "$2" pppoe -I "$4" -d 2>"/tmp/$1-disc.log")
	say "  discovery: $sess"
	PPPOE_ID=${sess%%:*}
	PPPOE_MAC=${sess#*:}
	[ -n "$PPPOE_ID" ] && [ "$PPPOE_ID" != "$sess" ] && return 0
	cat "/tmp/$1-disc.log" "/tmp/$1-server.log"
	return 1
}

pppoe_session_end() {
	local pid
	[ -n "$PPPOE_SRV" ] && stop_pid "$PPPOE_SRV"
	for pid in $(ip netns pids "$1") $(ip netns pids "$2"); do
		kill "$pid" 2>/dev/null
	done
	ip netns del "$1"
	ip netns del "$2"
}

# mtu_of [NETNS] IFNAME: the interface's MTU
mtu_of() {
	if [ $# -eq 2 ]; then
		ip -n "$1" -o link show dev "$2"
	else
		ip -o link show dev "$1"
	fi 2>/dev/null | sed -n 's/.* mtu \([0-9]*\) .*/\1/p'
}
