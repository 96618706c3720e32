#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 420
# What LCP negotiates on each transport, as the real pppd reports it in
# its debug log, on the wire and on the units:
#  - lcp-tty-default: over a pty, the module requests asyncmap 0, pcomp
#    and accomp (what pppd requests by default) and Acks pppd's; socat's
#    dump shows control characters pass unescaped both ways once LCP is
#    up; the sysfs knobs show the defaults; a 1500-byte ping passes.
#  - lcp-tty-conf: attach --mru 1200 --asyncmap 0xa0000 --no-pcomp
#    --no-accomp: the request says so, pppd's pcomp and accomp are
#    Rejected, pppN's MTU is pppd's MRU (1400); pings both ways larger
#    than either; the knobs refuse values out of bounds.
#  - lcp-pppoe: over PPPoE (pppoe-server + pppd), the module requests mru
#    1492 and nothing else, pppN's MTU is 1492; a ping of exactly 1492
#    bytes passes with DF set, a 1500-byte one is fragmented and passes,
#    and with DF set fails locally with "message too long".
#  - lcp-pppoe-no-mru: a PPPoE peer that names no MRU (rawpeer; pppd's
#    rp-pppoe plugin always asks 1492): the module's request on the wire
#    is mru 1492, and pppN's MTU is still 1492.
. /test/lib.sh
. /test/hostile_lib.sh

# iputils' ping (busybox's has no -M); see scripts/mkinitramfs.sh
PING=/usr/bin/ping
# pppd's debug lines: "rcvd [LCP ConfReq id=0x1 <asyncmap 0x0> ...]"
IDRE='id=0x[0-9a-f]*'
MAGIC='<magic 0x[0-9a-f]*>'

knob() {
	cat "/sys/class/net/$1/ipcp_neg/$2"
}

# knob_is IFNAME KNOB VALUE
knob_is() {
	[ "$(knob "$1" "$2")" = "$3" ]
}

# knob_refuses IFNAME KNOB VALUE: a write of VALUE fails, KNOB unchanged
knob_refuses() {
	local old
	old=$(knob "$1" "$2")
	! sh -c "echo '$3' >/sys/class/net/$1/ipcp_neg/$2" 2>/dev/null &&
		[ "$(knob "$1" "$2")" = "$old" ]
}

# dump_dir LOG DIR: the bytes of direction DIR (">" from the module, "<"
# to it) of a socat -x dump, on one line; raw01 LOG DIR: how many 0x01
# bytes went as they are (not escaped as 7d 21)
dump_dir() {
	awk -v d="$2" '/^[<>] / { on = ($1 == d); next } on' "$1" |
		tr '\n' ' ' | tr -s ' '
}

# frames LOG DIR PATTERN: how many times the bytes PATTERN ("7e 21 45")
# occur in direction DIR of a socat -x dump
frames() {
	dump_dir "$1" "$2" | grep -o "$3" | wc -l
}

raw01() {
	dump_dir "$1" "$2" | sed 's/7d 21//g' | grep -o ' 01' | wc -l
}

# tty_link NAME TEST PPPD_OPTS ATTACH_ARGS...: pppd with PPPD_OPTS on the
# peer end of pty pair NAME, the module attached to the other end as a
# server with ATTACH_ARGS, and pppd's IPCP up; on failure TEST fails
tty_link() {
	local name=$1 test=$2 opts=$3
	shift 3
	if ! start_peer "$name" "$opts"; then
		result fail "$test" "could not start pppd"
		return 1
	fi
	if ! attach --tty "/tmp/$name.pty" --role server "$@"; then
		stop_peer "$name"
		result fail "$test" "ipcpctl attach failed"
		return 1
	fi
	check "pppd reports IPCP up" wait_for 30 "pppd's IPCP up" \
		test -s "/tmp/ppp-$name.up"
	grep 'LCP Conf' "/tmp/pppd-$name.log"
}

lcp_tty_default() {
	local log=/tmp/pppd-lcpd.log dump=/tmp/socat-lcpd.log e r
	FAILED=
	# socat dumps the bytes both ways
	PTY_PAIR_OPTS=-x
	tty_link lcpd lcp-tty-default "noipdefault debug" \
		--local 10.0.11.1 --remote 10.0.11.2
	e=$?
	PTY_PAIR_OPTS=
	[ "$e" = 0 ] || return
	check "the module requests asyncmap 0, pcomp and accomp" grep -q \
		"rcvd \[LCP ConfReq $IDRE <asyncmap 0x0> $MAGIC <pcomp> <accomp>\]" "$log"
	check "the module Acks pppd's asyncmap 0, pcomp and accomp" grep -q \
		"rcvd \[LCP ConfAck $IDRE <asyncmap 0x0> $MAGIC <pcomp> <accomp>\]" "$log"
	check "knob mru is 1500" knob_is "$IF" mru 1500
	check "knob asyncmap is 0x00000000" knob_is "$IF" asyncmap 0x00000000
	check "knob pcomp is 1" knob_is "$IF" pcomp 1
	check "knob accomp is 1" knob_is "$IF" accomp 1
	check "$IF's MTU is 1500" [ "$(mtu_of "$IF")" = 1500 ]
	# the bytes of 3 pings of 250 bytes of 0x01 (less a time stamp), both ways
	: >"$dump"
	check "ping with a payload of 0x01 bytes" \
		ping -c 3 -W 5 -s 250 -p 01 10.0.11.2
	e=$(frames "$dump" ">" "7d 21") r=$(raw01 "$dump" ">")
	say "  from the module: $r bytes 0x01 raw, $e escaped"
	check "0x01 sent unescaped by the module's tty" \
		[ "$e" -eq 0 -a "$r" -ge 600 ]
	e=$(frames "$dump" "<" "7d 21") r=$(raw01 "$dump" "<")
	say "  from pppd: $r bytes 0x01 raw, $e escaped"
	check "0x01 sent unescaped by pppd's tty" [ "$e" -eq 0 -a "$r" -ge 600 ]
	# IPv4 frames: pppd's compressed (flag, 0x21, IPv4 header), ours not
	check "pppd sends IPv4 with PFC and ACFC, the module receives it" \
		[ "$(frames "$dump" "<" "7e 21 45")" -ge 3 ]
	check "the module sends IPv4 uncompressed" \
		[ "$(frames "$dump" ">" "7e ff 03 00 21 45")" -ge 3 ]
	check "a 1500-byte ping passes" \
		ping -c 1 -W 5 -s 1472 10.0.11.2
	stop_peer lcpd
	report lcp-tty-default
}

lcp_tty_conf() {
	local log=/tmp/pppd-lcpc.log
	FAILED=
	tty_link lcpc lcp-tty-conf "noipdefault debug mru 1400" \
		--local 10.0.12.1 --remote 10.0.12.2 --mru 1200 \
		--asyncmap 0xa0000 --no-pcomp --no-accomp || return
	check "the module requests mru 1200, asyncmap 0xa0000 only" grep -q \
		"rcvd \[LCP ConfReq $IDRE <mru 1200> <asyncmap 0xa0000> $MAGIC\]" "$log"
	check "the module Rejects pppd's pcomp and accomp" grep -q \
		"rcvd \[LCP ConfRej $IDRE <pcomp> <accomp>\]" "$log"
	check "knob mru is 1200" knob_is "$IF" mru 1200
	check "knob asyncmap is 0x000a0000" knob_is "$IF" asyncmap 0x000a0000
	check "knob pcomp is 0" knob_is "$IF" pcomp 0
	check "knob accomp is 0" knob_is "$IF" accomp 0
	check "$IF's MTU is pppd's MRU, 1400" wait_for 10 "$IF's MTU" \
		[ "$(mtu_of "$IF")" = 1400 ]
	check "ping of 1450 bytes from the module's side" \
		ping -c 1 -W 5 -s 1422 10.0.12.2
	check "ping of 1450 bytes from pppd's side" \
		ip netns exec lcpc ping -c 1 -W 5 -s 1422 10.0.12.1
	check "knob mru refuses 127" knob_refuses "$IF" mru 127
	check "knob mru refuses 1501" knob_refuses "$IF" mru 1501
	check "knob asyncmap refuses 0x100000000" \
		knob_refuses "$IF" asyncmap 0x100000000
	check "knob pcomp refuses 2" knob_refuses "$IF" pcomp 2
	check "knob mru takes 0 (the transport's default)" \
		sh -c "echo 0 >/sys/class/net/$IF/ipcp_neg/mru"
	check "knob mru is 1500 again" knob_is "$IF" mru 1500
	check "knob asyncmap takes none" \
		sh -c "echo none >/sys/class/net/$IF/ipcp_neg/asyncmap"
	check "knob asyncmap is none" knob_is "$IF" asyncmap none
	check "knob accomp takes 1" \
		sh -c "echo 1 >/sys/class/net/$IF/ipcp_neg/accomp"
	check "knob accomp is 1" knob_is "$IF" accomp 1
	stop_peer lcpc
	report lcp-tty-conf
}

# ctr IFNAME NAME: a statistics counter of IFNAME in namespace lpoe-c
ctr() {
	ip netns exec lpoe-c cat "/sys/class/net/$1/statistics/$2"
}

# lcp_pppoe: the module as a PPPoE client of pppoe-server's pppd (which
# asks mru 1492 itself: rp-pppoe's plugin clamps it, even under
# default-mru)
lcp_pppoe() {
	local test=lcp-pppoe opts=/tmp/lpoe-options log=/tmp/lpoe-pppd.log
	local out tx msg
	FAILED=
	printf '%s\n' noauth "lcp-restart 1" debug "logfile $log" \
		"ipparam lpoe-srv" >"$opts"
	rm -f "$log"
	if ! pppoe_session lpoe-s lpoe-c veth-ls veth-lc 10.2.1.1 10.2.1.2 \
	    "$opts"; then
		pppoe_session_end lpoe-s lpoe-c
		result fail "$test" "could not set up the PPPoE session"
		return
	fi
	IF=
	out=$(ip netns exec lpoe-c ipcpctl attach --pppoe veth-lc \
		--session "$PPPOE_ID" --peer "$PPPOE_MAC" --role client) &&
		set -- $out && IF=$1
	if [ -z "$IF" ]; then
		pppoe_session_end lpoe-s lpoe-c
		result fail "$test" "ipcpctl attach failed"
		return
	fi
	check "module's $IF has 10.2.1.2 peer 10.2.1.1/32" wait_for 30 \
		"$IF's address" has_ipv4_ns lpoe-c "$IF" "inet 10.2.1.2 peer 10.2.1.1/32"
	grep 'LCP Conf' "$log"
	check "the module requests mru 1492 and no asyncmap, pcomp, accomp" \
		grep -q "rcvd \[LCP ConfReq $IDRE <mru 1492> $MAGIC\]" "$log"
	check "the module Acks pppd's mru 1492" grep -q \
		"rcvd \[LCP ConfAck $IDRE <mru 1492> $MAGIC\]" "$log"
	check "pppd Acks the module's mru 1492" grep -q \
		"sent \[LCP ConfAck $IDRE <mru 1492> $MAGIC\]" "$log"
	check "$IF's MTU is 1492" [ "$(mtu_of lpoe-c "$IF")" = 1492 ]
	check "knob mru is 1492" sh -c \
		"[ \$(/usr/sbin/ip netns exec lpoe-c cat /sys/class/net/$IF/ipcp_neg/mru) = 1492 ]"
	check "knob pcomp is 0" sh -c \
		"[ \$(/usr/sbin/ip netns exec lpoe-c cat /sys/class/net/$IF/ipcp_neg/pcomp) = 0 ]"
	check "ping of exactly 1492 bytes with DF set" \
		ip netns exec lpoe-c $PING -c 1 -W 5 -M do -s 1464 10.2.1.1
	tx=$(ctr "$IF" tx_packets)
	check "ping of 1500 bytes passes" \
		ip netns exec lpoe-c $PING -c 1 -W 5 -s 1472 10.2.1.1
	tx=$(($(ctr "$IF" tx_packets) - tx))
	say "  $IF sent $tx frames for it"
	check "... in two fragments" [ "$tx" -eq 2 ]
	msg=$(ip netns exec lpoe-c $PING -c 1 -W 5 -M do -s 1472 10.2.1.1 2>&1)
	say "  ping -M do -s 1472 said: $msg"
	check "ping of 1500 bytes with DF set fails locally: message too long" \
		sh -c "echo '$msg' | grep -qi 'message too long'"
	pppoe_session_end lpoe-s lpoe-c
	report "$test"
}

# lcp_pppoe_no_mru: rawpeer plays a PPPoE access concentrator that names
# no MRU (so 1500) on a 1500-byte veth pair: the module's request on the
# wire is mru 1492 and magic, and pppN's MTU is still 1492, the most a
# PPPoE frame carries there
lcp_pppoe_no_mru() {
	local test=lcp-pppoe-no-mru mac_s mac_c
	FAILED=
	if ! netns_pair lpr-s lpr-c veth-rs veth-rc; then
		result fail "$test" "could not create the namespaces"
		return
	fi
	mac_s=$(ip netns exec lpr-s cat /sys/class/net/veth-rs/address)
	mac_c=$(ip netns exec lpr-c cat /sys/class/net/veth-rc/address)
	hp_peer /tmp/lpr.log ip netns exec lpr-s rawpeer --pppoe veth-rs \
		--session 0x2a --peer "$mac_c" up sync
	if attach_in lpr-c --pppoe veth-rc --session 0x2a --peer "$mac_s" \
	    --role server --local 10.2.2.1 --remote 10.2.2.2; then
		check "rawpeer brought LCP and IPCP up" hp_wait_sync
		check "the module's request on the wire: mru 1492, magic" \
			grep -q "^rx [0-9]* c021 01 [0-9a-f]* 00 0e 01 04 05 d4 05 06 " \
			/tmp/lpr.log
		check "$IF's MTU is 1492 with the peer's MRU 1500" wait_for 10 \
			"$IF's MTU" [ "$(mtu_of lpr-c "$IF")" = 1492 ]
	else
		FAILED="ipcpctl attach failed"
	fi
	grep '^rx [0-9]* c021' /tmp/lpr.log
	hp_stop_peer
	ip netns del lpr-s
	ip netns del lpr-c
	report "$test"
}

load_module
lcp_tty_default
lcp_tty_conf
lcp_pppoe
lcp_pppoe_no_mru
