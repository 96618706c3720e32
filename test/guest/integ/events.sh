#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 360
# The module's uevents (IPCP_NEG_*, on the pppN device) against the real
# pppd over socat pty pairs, read with uevent_listen:
#  - events-client: the module as client gets its address and DNS from
#    pppd: "up" with every key's exact value; pppd terminating gives
#    "down" with the addresses it had and reason peer-terminated.
#  - events-resolv: examples/udev/ipcp_neg-resolv run with those two
#    events' variables puts the peer's DNS servers in front of a
#    resolv.conf's own lines and takes them out again.
#  - events-server: the module as server: up, renegotiate (down with reason
#    renegotiate, up again), detach (down with reason detach).
#  - events-netns: the events of a link in another namespace reach a
#    listener there, and not one in the initial namespace.
#  - events-unload: rmmod with a live link: down with reason unload.
. /test/lib.sh

RESOLV=/usr/share/ipcp_neg/udev/ipcp_neg-resolv

# listen FILE ARGS...: uevent_listen ARGS in the background, its output in
# FILE; returns once it listens. Sets LISTEN_PID.
listen() {
	local file=$1
	shift
	rm -f "$file" "$file.ready"
	uevent_listen -r "$file.ready" "$@" >"$file" 2>"$file.err" &
	LISTEN_PID=$!
	wait_for 10 "uevent_listen to listen" test -e "$file.ready"
}

# nevents FILE: how many events FILE holds
nevents() {
	grep -c '^$' "$1" 2>/dev/null
}

# has_events FILE N: FILE holds at least N events
has_events() {
	[ "$(nevents "$1")" -ge "$2" ]
}

# ev FILE N KEY: the value of KEY in the Nth event of FILE ("" if absent)
ev() {
	awk -v n="$2" -v k="$3=" 'BEGIN { e = 1 }
		/^$/ { e++; next }
		e == n && index($0, k) == 1 { print substr($0, length(k) + 1) }' "$1"
}

# ev_env FILE N: the KEY=VALUE fields of the Nth event of FILE
ev_env() {
	awk -v n="$2" 'BEGIN { e = 1 } /^$/ { e++; next } e == n && /=/' "$1"
}

# ev_is FILE N KEY VALUE
ev_is() {
	[ "$(ev "$1" "$2" "$3")" = "$4" ]
}

# ev_check FILE N "KEY=VALUE ..." WHAT: one check per key; VALUE "-" means
# the key must be absent
ev_check() {
	local file=$1 n=$2 kv k v
	for kv in $3; do
		k=${kv%%=*}
		v=${kv#*=}
		[ "$v" = - ] && v=
		check "$4: $k=${v:-(absent)}" ev_is "$file" "$n" "$k" "$v"
	done
}

# ev_begin NAME FILE N SECONDS PEER PPPD_OPTS ATTACH_ARGS...: the start of
# a test: a listener for N events into FILE (for at most SECONDS), pppd in
# namespace PEER, the module attached to its pty; if one fails, NAME fails
# and what was started is stopped
ev_begin() {
	local name=$1 f=$2 n=$3 t=$4 peer=$5 opts=$6
	shift 6
	FAILED=
	if ! listen "$f" -k IPCP_NEG_EVENT -n "$n" -t "$t"; then
		result fail "$name" "uevent_listen did not start"
		return 1
	fi
	if ! start_peer "$peer" "$opts" || ! attach --tty "/tmp/$peer.pty" "$@"; then
		stop_pid "$LISTEN_PID"
		stop_peer "$peer"
		result fail "$name" "could not start pppd or attach"
		return 1
	fi
}

events_client() {
	local f=/tmp/ev-client common
	ev_begin events-client "$f" 2 120 evc \
		"10.0.5.1:10.0.5.2 ms-dns 10.0.5.53 ms-dns 10.0.5.54" \
		--role client --request-dns || return
	check "up event" wait_for 60 "the up event" has_events "$f" 1
	cat "$f"
	common="ACTION=change SUBSYSTEM=net INTERFACE=$IF IPCP_NEG_LINK=$ID
		IPCP_NEG_ROLE=client IPCP_NEG_LOCAL=10.0.5.2
		IPCP_NEG_PEER=10.0.5.1 IPCP_NEG_DNS1=10.0.5.53
		IPCP_NEG_DNS2=10.0.5.54"
	ev_check "$f" 1 "IPCP_NEG_EVENT=up $common IPCP_NEG_REASON=negotiated" up
	check "the address was on $IF when up was sent" \
		has_ipv4 "$IF" "inet 10.0.5.2 peer 10.0.5.1/32"
	# pppd ends the link: LCP Terminate-Request
	kill "$PEER_PID"
	check "down event" wait_for 30 "the down event" has_events "$f" 2
	cat "$f"
	ev_check "$f" 2 "IPCP_NEG_EVENT=down $common IPCP_NEG_REASON=peer-terminated" down
	check "uevent_listen got its 2 events" wait_for 10 "uevent_listen" \
		sh -c "! kill -0 $LISTEN_PID"
	stop_pid "$LISTEN_PID"
	stop_peer evc
	report events-client
	events_resolv "$f"
}

# resolv_run FILE N DIR: the example hook with the Nth event's variables
resolv_run() {
	env -i PATH="$PATH" $(ev_env "$1" "$2") \
		IPCP_NEG_RESOLV_CONF="$3/resolv.conf" IPCP_NEG_RESOLV_DIR="$3/ppp" \
		sh "$RESOLV"
}

events_resolv() {
	local f=$1 d=/tmp/ev-resolv orig
	FAILED=
	rm -rf "$d"
	mkdir -p "$d"
	orig="search example.net
nameserver 192.0.2.1"
	echo "$orig" >"$d/resolv.conf"
	check "the example hook is installed" test -r "$RESOLV"
	check "hook on the up event" resolv_run "$f" 1 "$d"
	check "state file holds the peer's servers" [ "$(cat "$d/ppp/resolv.conf.$IF" 2>/dev/null)" = "nameserver 10.0.5.53
nameserver 10.0.5.54" ]
	cat "$d/resolv.conf"
	check "resolv.conf: peer's servers first, own lines kept" \
		[ "$(cat "$d/resolv.conf")" = "# ipcp_neg begin $IF
nameserver 10.0.5.53
nameserver 10.0.5.54
# ipcp_neg end
$orig" ]
	check "hook on the up event again changes nothing" resolv_run "$f" 1 "$d"
	check "resolv.conf has one block for $IF" \
		[ "$(grep -c 'nameserver 10.0.5.5' "$d/resolv.conf")" = 2 ]
	check "hook on the down event" resolv_run "$f" 2 "$d"
	check "state file gone" test ! -e "$d/ppp/resolv.conf.$IF"
	check "resolv.conf is as it was" [ "$(cat "$d/resolv.conf")" = "$orig" ]
	report events-resolv
}

events_server() {
	local f=/tmp/ev-server common
	ev_begin events-server "$f" 4 150 evs noipdefault --role server \
		--local 10.0.6.1 --remote 10.0.6.2 --dns 10.0.6.53 || return
	common="INTERFACE=$IF IPCP_NEG_LINK=$ID IPCP_NEG_ROLE=server
		IPCP_NEG_LOCAL=10.0.6.1 IPCP_NEG_PEER=10.0.6.2
		IPCP_NEG_DNS1=10.0.6.53 IPCP_NEG_DNS2=-"
	check "up event" wait_for 60 "the up event" has_events "$f" 1
	ev_check "$f" 1 "IPCP_NEG_EVENT=up $common IPCP_NEG_REASON=negotiated" up
	check "ipcpctl renegotiate $IF" ipcpctl renegotiate "$IF"
	check "down and up events" wait_for 60 "down, up" has_events "$f" 3
	cat "$f"
	ev_check "$f" 2 "IPCP_NEG_EVENT=down $common IPCP_NEG_REASON=renegotiate" \
		"renegotiate: down"
	ev_check "$f" 3 "IPCP_NEG_EVENT=up $common IPCP_NEG_REASON=negotiated" \
		"renegotiate: up"
	check "ipcpctl detach $IF" ipcpctl detach "$IF"
	check "down event" wait_for 30 "the down event" has_events "$f" 4
	cat "$f"
	ev_check "$f" 4 "IPCP_NEG_EVENT=down $common IPCP_NEG_REASON=detach" detach
	stop_pid "$LISTEN_PID"
	stop_peer evs
	report events-server
}

# A link entirely in namespace evn (its pppd peer in evp)
events_netns() {
	local fi=/tmp/ev-init fn=/tmp/ev-ns pid_init
	FAILED=
	ip netns add evn && ip -n evn link set lo up
	# the initial namespace's listener stops at its first IPCP_NEG event
	# or at the marker below, whichever comes first
	listen "$fi" -k IPCP_NEG_EVENT -k SYNTH_ARG_IPCPNEGMARK -n 1 -t 120
	pid_init=$LISTEN_PID
	rm -f "$fn.ready"
	/usr/sbin/ip netns exec evn uevent_listen -r "$fn.ready" \
		-k IPCP_NEG_EVENT -n 2 -t 120 >"$fn" 2>"$fn.err" &
	LISTEN_PID=$!
	wait_for 10 "uevent_listen in evn" test -e "$fn.ready"
	if start_peer evp "noipdefault" &&
	    attach_in evn --tty /tmp/evp.pty --role server --local 10.0.10.1 \
	    --remote 10.0.10.2; then
		check "up event in evn" wait_for 60 "the up event" has_events "$fn" 1
		ev_check "$fn" 1 "IPCP_NEG_EVENT=up INTERFACE=$IF IPCP_NEG_PEER=10.0.10.2" \
			"evn: up"
		check "detach in evn" /usr/sbin/ip netns exec evn ipcpctl detach "$IF"
		check "down event in evn" wait_for 30 "the down event" has_events "$fn" 2
		ev_check "$fn" 2 "IPCP_NEG_EVENT=down IPCP_NEG_REASON=detach" "evn: down"
	else
		FAILED="could not start pppd or attach"
	fi
	# after evn's events, the marker: the first event the initial
	# namespace sees must be it
	check "marker uevent on lo" sh -c "echo 'change \
00000000-0000-0000-0000-000000000000 IPCPNEGMARK=1' >/sys/class/net/lo/uevent"
	check "the initial namespace's listener stops" wait_for 20 \
		"uevent_listen" sh -c "! kill -0 $pid_init"
	cat "$fi"
	check "the initial namespace saw the marker" \
		ev_is "$fi" 1 SYNTH_ARG_IPCPNEGMARK 1
	check "the initial namespace saw no event of evn's link" \
		sh -c "! grep -q '^IPCP_NEG_EVENT=' $fi"
	stop_pid "$pid_init"
	stop_pid "$LISTEN_PID"
	stop_peer evp
	ip netns del evn
	report events-netns
}

events_unload() {
	local f=/tmp/ev-unload
	ev_begin events-unload "$f" 2 120 evu noipdefault --role server \
		--local 10.0.12.1 --remote 10.0.12.2 || return
	check "up event" wait_for 60 "the up event" has_events "$f" 1
	check "rmmod ipcp_neg with a live link" rmmod ipcp_neg
	check "down event" wait_for 30 "the down event" has_events "$f" 2
	cat "$f"
	ev_check "$f" 2 "IPCP_NEG_EVENT=down INTERFACE=$IF IPCP_NEG_LINK=$ID
		IPCP_NEG_LOCAL=10.0.12.1 IPCP_NEG_PEER=10.0.12.2
		IPCP_NEG_REASON=unload" unload
	stop_pid "$LISTEN_PID"
	stop_peer evu
	load_module
	report events-unload
}

load_module
events_client
events_server
events_netns
events_unload
