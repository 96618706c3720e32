#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 480
# ipcpctl's views of live links, against the real pppd over socat pty pairs
# (pppd in its own namespace, as in module_link.sh): a server link giving
# pppd an address from a pool, and a client link taking one from pppd.
#  - cli-status: the human output's lines carry the sysfs files' values
#    (states, addresses, DNS, reason, timers, config, counters, among them
#    addr_changes and ipcp_renegotiations), for one
#    link by name or by id, and for all; a missing link fails.
#  - cli-json: status --json is valid JSON whose values are the sysfs ones.
#  - cli-pool-show: pool show's numbers and ranges are the pool's files.
#  - cli-set: set writes an attribute (exit 0, the value lands); bad values,
#    the wrong role, an unknown pool, attribute or link exit 1 with the
#    kernel's error text and change nothing.
#  - cli-monitor: monitor (human and --json) prints an up line for each link
#    as it comes up, and a down line when one is detached.
. /test/lib.sh

SRV_ADDR=10.0.11.1
CLI_ADDR=10.0.12.2
PPPD_ADDR=10.0.12.1

# attach_as VAR ARGS...: attach; sets VAR (pppN) and VAR_ID
attach_as() {
	local var=$1
	shift
	attach "$@" && eval "$var=\$IF ${var}_ID=\$ID"
}

# f IFNAME FILE: a sysfs file of the link
f() {
	cat "/sys/class/net/$1/ipcp_neg/$2"
}

# has_line FILE LINE: FILE has exactly this line
has_line() {
	grep -qxF "$2" "$1" || { say "  no line '$2' in:"; cat "$1"; return 1; }
}

# pair "A B": the two words, 0.0.0.0 for a missing second one
pair() {
	set -- $1 0.0.0.0 0.0.0.0
	echo "$1 $2"
}

# row_ok STATUS_FILE IFNAME NAME SUFFIX: the counters row NAME shows the
# link's four counters <lcp|ipcp>_<tx|rx>_SUFFIX
row_ok() {
	local c="/sys/class/net/$2/ipcp_neg/counters" want got
	want="$(cat "$c/lcp_tx_$4") $(cat "$c/lcp_rx_$4") $(cat "$c/ipcp_tx_$4") $(cat "$c/ipcp_rx_$4")"
	got=$(awk -v n="$3" '$1 == n { print $2, $3, $4, $5 }' "$1")
	[ "$got" = "$want" ] || { say "  row $3: '$got', files '$want'"; return 1; }
}

# lcp_row_ok STATUS_FILE IFNAME NAME SUFFIX: an LCP-only row, IPCP "-"
lcp_row_ok() {
	local c="/sys/class/net/$2/ipcp_neg/counters" want got
	want="$(cat "$c/lcp_tx_$4") $(cat "$c/lcp_rx_$4") - -"
	got=$(awk -v n="$3" '$1 == n { print $2, $3, $4, $5 }' "$1")
	[ "$got" = "$want" ] || { say "  row $3: '$got', files '$want'"; return 1; }
}

# The lines of "ipcpctl status IF" that do not move while the link is up
status_server() {
	local st=/tmp/cli-status.srv peer
	ipcpctl status "$SRV" >$st
	cat $st
	peer=$(f "$SRV" state/peer)
	check "server peer is pppd's address $PPPD_SRV_ADDR" \
		[ "$peer" = "$PPPD_SRV_ADDR" ]
	check "header line" has_line $st \
		"$SRV id $SRV_ID role server lcp Opened ipcp Opened"
	check "local/peer line" has_line $st "local $SRV_ADDR peer $peer"
	check "dns line is state/dns" has_line $st "dns $(pair "$(f "$SRV" state/dns)")"
	check "dns handed out 10.0.11.53 10.0.11.54" has_line $st \
		"dns 10.0.11.53 10.0.11.54"
	check "nbns line is state/nbns" has_line $st "nbns $(pair "$(f "$SRV" state/nbns)")"
	check "reason line is state/reason" has_line $st "reason $(f "$SRV" state/reason)"
	check "uptime line" grep -qx 'uptime 0d 00:[0-9][0-9]:[0-9][0-9]' $st
	check "timers line" has_line $st \
		"timers restart_ms $(f "$SRV" restart_ms) max_configure $(f "$SRV" max_configure) max_terminate $(f "$SRV" max_terminate) max_failure $(f "$SRV" max_failure)"
	check "config line" has_line $st \
		"config local $SRV_ADDR remote $(f "$SRV" remote) pool clipool forced 0 pool_empty $(f "$SRV" pool_empty)"
	check "config dns line" has_line $st \
		"config dns 10.0.11.53 10.0.11.54 nbns $(pair "$(f "$SRV" nbns)")"
	for row in Configure-Request:confreq Configure-Ack:confack \
	    Configure-Nak:confnak Configure-Reject:confrej; do
		check "counters row ${row%%:*}" row_ok $st "$SRV" "${row%%:*}" "${row#*:}"
	done
	check "counters row Protocol-Reject" lcp_row_ok $st "$SRV" Protocol-Reject protrej
	check "at least one LCP and one IPCP Configure-Ack sent" \
		[ "$(f "$SRV" counters/lcp_tx_confack)" -ge 1 -a "$(f "$SRV" counters/ipcp_tx_confack)" -ge 1 ]
	check "malformed line" has_line $st \
		"malformed lcp $(f "$SRV" counters/lcp_malformed) ipcp $(f "$SRV" counters/ipcp_malformed)"
	check "addr_changes line is 1" has_line $st "addr_changes 1"
	check "addr_changes file is 1" [ "$(f "$SRV" counters/addr_changes)" = 1 ]
	check "ipcp_renegotiations line is the file" has_line $st \
		"ipcp_renegotiations $(f "$SRV" counters/ipcp_renegotiations)"
	check "dropped line is rx_dropped and tx_dropped" has_line $st \
		"dropped rx $(f "$SRV" counters/rx_dropped) tx $(f "$SRV" counters/tx_dropped)"
	for c in rx_short rx_ncp_down rx_unknown_proto rx_protrej_limited \
	    rx_queue_full rx_nomem rx_closing tx_short tx_ncp_down \
	    tx_ctl_queue_full tx_nomem tx_closing; do
		check "drop row $c is counters/drop_$c" grep -Eq \
			"^  $c +$(f "$SRV" counters/drop_$c)\$" $st
	done
}

status_client() {
	local st=/tmp/cli-status.cli
	ipcpctl status "$CLI" >$st
	cat $st
	check "client header line" has_line $st \
		"$CLI id $CLI_ID role client lcp Opened ipcp Opened"
	check "client local/peer line" has_line $st "local $CLI_ADDR peer $PPPD_ADDR"
	check "client state/local is $CLI_ADDR" [ "$(f "$CLI" state/local)" = $CLI_ADDR ]
	check "client dns line is state/dns" has_line $st "dns $(pair "$(f "$CLI" state/dns)")"
	check "client obtained DNS 10.0.12.53 10.0.12.54" has_line $st \
		"dns 10.0.12.53 10.0.12.54"
	check "client config line" has_line $st \
		"config local 0.0.0.0 request_dns 1 request_nbns 0"
	check "client reason line is state/reason" has_line $st "reason $(f "$CLI" state/reason)"
}

# have_sysfs NAME DIR: DIR exists, else NAME fails at once (a module without
# the sysfs ABI would otherwise spend the time limit on waits)
have_sysfs() {
	[ -d "$2" ] && return 0
	result fail "$1" "no $2: the module lacks the sysfs ABI"
	return 1
}

cli_status() {
	FAILED=
	have_sysfs cli-status "/sys/class/net/$SRV/ipcp_neg" || return
	status_server
	status_client
	ipcpctl status "$SRV_ID" >/tmp/cli-status.id
	check "status by id shows $SRV" has_line /tmp/cli-status.id \
		"$SRV id $SRV_ID role server lcp Opened ipcp Opened"
	ipcpctl status >/tmp/cli-status.all
	check "status lists every link of the namespace" [ \
		"$(grep -cE ' role (server|client) lcp ' /tmp/cli-status.all)" = \
		"$(ls -d /sys/class/net/*/ipcp_neg | wc -l)" ]
	check "status shows $SRV and $CLI" sh -c \
		"grep -q '^$SRV id $SRV_ID ' /tmp/cli-status.all && grep -q '^$CLI id $CLI_ID ' /tmp/cli-status.all"
	check "status of a missing link exits 1" sh -c "! ipcpctl status ppp99"
	check "status of a missing id exits 1" sh -c "! ipcpctl status 99999"
	report cli-status
}

# jis IFNAME PATH EXPECTED: a value of "ipcpctl status IFNAME --json",
# kept in /tmp/cli-json.IFNAME
jis() {
	local got
	got=$(jsoncheck "$2" <"/tmp/cli-json.$1")
	[ "$got" = "$3" ] || { say "  $2 is '$got', expected '$3'"; return 1; }
}

cli_json() {
	FAILED=
	have_sysfs cli-json "/sys/class/net/$SRV/ipcp_neg" || return
	check "status --json is valid JSON" sh -c "ipcpctl status --json | jsoncheck"
	ipcpctl status "$SRV" --json >"/tmp/cli-json.$SRV"
	ipcpctl status "$CLI" --json >"/tmp/cli-json.$CLI"
	check "status IF --json is valid JSON" jsoncheck <"/tmp/cli-json.$SRV"
	check "status --json has both links" sh -c \
		"ipcpctl status --json | jsoncheck 1.ifname"
	check "ifname" jis "$SRV" 0.ifname "$SRV"
	check "id is a number" jis "$SRV" 0.id "$SRV_ID"
	check "role" jis "$SRV" 0.role server
	check "lcp" jis "$SRV" 0.lcp opened
	check "ipcp" jis "$SRV" 0.ipcp opened
	check "local" jis "$SRV" 0.local "$SRV_ADDR"
	check "peer" jis "$SRV" 0.peer "$(f "$SRV" state/peer)"
	check "dns.0" jis "$SRV" 0.dns.0 10.0.11.53
	check "dns.1" jis "$SRV" 0.dns.1 10.0.11.54
	check "reason" jis "$SRV" 0.reason "$(f "$SRV" state/reason)"
	check "up_since" jis "$SRV" 0.up_since "$(f "$SRV" state/up_since)"
	check "uptime is a number" sh -c \
		"jsoncheck 0.uptime </tmp/cli-json.$SRV | grep -qx '[0-9][0-9]*'"
	check "timers.restart_ms" jis "$SRV" 0.timers.restart_ms "$(f "$SRV" restart_ms)"
	check "config.pool" jis "$SRV" 0.config.pool clipool
	check "config.forced" jis "$SRV" 0.config.forced 0
	check "counters.lcp_tx_confreq" jis "$SRV" 0.counters.lcp_tx_confreq \
		"$(f "$SRV" counters/lcp_tx_confreq)"
	check "counters.ipcp_rx_confack" jis "$SRV" 0.counters.ipcp_rx_confack \
		"$(f "$SRV" counters/ipcp_rx_confack)"
	check "counters.addr_changes" jis "$SRV" 0.counters.addr_changes 1
	check "counters.ipcp_renegotiations" jis "$SRV" 0.counters.ipcp_renegotiations \
		"$(f "$SRV" counters/ipcp_renegotiations)"
	check "client role" jis "$CLI" 0.role client
	check "client local" jis "$CLI" 0.local "$CLI_ADDR"
	check "client dns.0" jis "$CLI" 0.dns.0 10.0.12.53
	check "client dns.1" jis "$CLI" 0.dns.1 10.0.12.54
	check "client config.request_dns" jis "$CLI" 0.config.request_dns 1
	report cli-json
}

cli_pool_show() {
	local p=/sys/kernel/ipcp_neg/pools/clipool out=/tmp/cli-pool.out
	FAILED=
	have_sysfs cli-pool-show $p || return
	ipcpctl pool show clipool >$out
	cat $out
	check "pool files: total 4, used 1, free 3" \
		[ "$(cat $p/total) $(cat $p/used) $(cat $p/free)" = "4 1 3" ]
	check "pool show's clipool line is the pool's files" sh -c \
		"awk '\$1 == \"clipool\" { print \$2, \$3, \$4, \$5, \$6 }' $out |
		grep -qx '4 1 3 $(cat $p/memory) -'"
	check "memory is not 0" [ "$(cat $p/memory)" -gt 0 ]
	check "the range line" has_line $out "  10.0.11.10-10.0.11.13"
	check "pool show (all) lists clipool" sh -c \
		"ipcpctl pool show | grep -q '^clipool '"
	check "pool show --json is valid JSON" sh -c "ipcpctl pool show --json | jsoncheck"
	check "json name" sh -c \
		"[ \"\$(ipcpctl pool show clipool --json | jsoncheck 0.name)\" = clipool ]"
	check "json used 1" sh -c \
		"[ \"\$(ipcpctl pool show clipool --json | jsoncheck 0.used)\" = 1 ]"
	check "json ranges" sh -c \
		"[ \"\$(ipcpctl pool show clipool --json | jsoncheck 0.ranges.0)\" = 10.0.11.10-10.0.11.13 ]"
	check "pool show of a missing pool exits 1" sh -c "! ipcpctl pool show nosuch"
	report cli-pool-show
}

# set_fails IFNAME ATTR VALUE TEXT: ipcpctl set exits 1 saying TEXT, and the
# attribute keeps its value
set_fails() {
	local before msg
	before=$(f "$1" "$2" 2>/dev/null)
	if msg=$(ipcpctl set "$1" "$2" "$3" 2>&1); then
		say "  set $1 $2 $3 succeeded"
		return 1
	fi
	say "  set $1 $2 $3: $msg"
	echo "$msg" | grep -q "$4" || return 1
	[ "$(f "$1" "$2" 2>/dev/null)" = "$before" ]
}

# an unknown attribute: exit 1, "no such attribute"
set_unknown_attr() {
	local msg
	msg=$(ipcpctl set "$SRV" nosuchattr 1 2>&1)
	[ $? = 1 ] && echo "$msg" | grep -q 'no such attribute'
}

cli_set() {
	FAILED=
	have_sysfs cli-set "/sys/class/net/$SRV/ipcp_neg" || return
	check "set restart_ms 2000" ipcpctl set "$SRV" restart_ms 2000
	check "restart_ms is 2000" [ "$(f "$SRV" restart_ms)" = 2000 ]
	check "status shows restart_ms 2000" sh -c \
		"ipcpctl status $SRV | grep -q '^timers restart_ms 2000 '"
	check "set restart_ms 5 (below 100) fails" \
		set_fails "$SRV" restart_ms 5 "Invalid argument"
	check "set remote on a client fails" \
		set_fails "$CLI" remote 10.0.12.9 "Invalid argument"
	check "set an unknown pool fails" \
		set_fails "$SRV" pool nosuchpool "No such file or directory"
	check "set a read-only attribute fails" \
		set_fails "$SRV" id 5 "Permission denied (a read-only attribute)"
	check "set an unknown attribute fails" set_unknown_attr
	check "set on a missing link fails" sh -c "! ipcpctl set ppp99 remote 10.0.0.1"
	check "set dns (two words) succeeds" ipcpctl set "$SRV" dns 10.0.11.55 10.0.11.56
	check "dns attribute is 10.0.11.55 10.0.11.56" \
		[ "$(pair "$(f "$SRV" dns)")" = "10.0.11.55 10.0.11.56" ]
	check "pppd gets the new DNS after the renegotiation" wait_for 30 \
		"state/dns 10.0.11.55" sh -c \
		"[ \"\$(cat /sys/class/net/$SRV/ipcp_neg/state/dns)\" = '10.0.11.55 10.0.11.56' ]"
	check "status shows it" wait_for 10 "dns line" sh -c \
		"ipcpctl status $SRV | grep -qx 'dns 10.0.11.55 10.0.11.56'"
	check "status shows the renegotiation in ipcp_renegotiations" wait_for 10 \
		"ipcp_renegotiations 1 or more, as the file" sh -c \
		"n=\$(cat /sys/class/net/$SRV/ipcp_neg/counters/ipcp_renegotiations) &&
		[ \"\$n\" -ge 1 ] && ipcpctl status $SRV | grep -qx \"ipcp_renegotiations \$n\""
	report cli-set
}

# json_up_is PATH VALUE: in the client's first up event of monitor --json
json_up_is() {
	local got
	got=$(grep "\"ifname\":\"$CLI\"" /tmp/cli-monitor.json |
		grep '"event":"up"' | head -n 1 | jsoncheck "$1")
	[ "$got" = "$2" ] || { say "  $1 is '$got', expected '$2'"; return 1; }
}

cli_monitor() {
	local out=/tmp/cli-monitor.out
	FAILED=
	check "monitor: an up line for the server" wait_for 20 "server up line" \
		grep -q " $SRV up link $SRV_ID server local $SRV_ADDR peer $PPPD_SRV_ADDR dns 10.0.11.53,10.0.11.54 reason negotiated\$" $out
	check "monitor: an up line for the client" wait_for 20 "client up line" \
		grep -q " $CLI up link $CLI_ID client local $CLI_ADDR peer $PPPD_ADDR dns 10.0.12.53,10.0.12.54 reason negotiated\$" $out
	check "monitor --json: valid JSON lines" sh -c "jsoncheck --lines </tmp/cli-monitor.json"
	check "monitor --json: the client's up event, local" json_up_is local "$CLI_ADDR"
	check "monitor --json: the client's up event, dns" json_up_is dns.1 10.0.12.54
	check "monitor --json: the client's up event, link" json_up_is link "$CLI_ID"
	check "detach the client" ipcpctl detach "$CLI"
	check "monitor: a down line for the client" wait_for 20 "client down line" \
		grep -q " $CLI down link $CLI_ID client local $CLI_ADDR peer $PPPD_ADDR " $out
	check "status of the detached client exits 1" sh -c "! ipcpctl status $CLI"
	cat $out
	report cli-monitor
}

# Everything the script started goes, also when its time limit ends it
cleanup() {
	stop_pid "$MON"
	stop_pid "$MONJ"
	[ -n "$SRV" ] && ipcpctl detach "$SRV" 2>/dev/null
	[ -n "$CLI" ] && ipcpctl detach "$CLI" 2>/dev/null
	stop_peer clisrv
	stop_peer clicli
	ipcpctl pool del clipool
}
trap 'cleanup; exit 1' TERM

load_module
FAILED=
rm -f /tmp/cli-monitor.*
ipcpctl monitor >/tmp/cli-monitor.out 2>/tmp/cli-monitor.err &
MON=$!
ipcpctl monitor --json >/tmp/cli-monitor.json 2>/tmp/cli-monitor.jerr &
MONJ=$!
wait_for 10 "monitor to listen" grep -q listening /tmp/cli-monitor.err &&
	wait_for 10 "monitor --json to listen" grep -q listening /tmp/cli-monitor.jerr ||
	FAILED="monitor did not start"
ipcpctl pool add clipool 10.0.11.10-10.0.11.13 || FAILED="pool add failed"
start_peer clisrv "noipdefault usepeerdns" &&
	attach_as SRV --tty /tmp/clisrv.pty --role server --local $SRV_ADDR \
		--pool clipool --dns 10.0.11.53,10.0.11.54 ||
	FAILED="${FAILED:+$FAILED; }server link did not start"
start_peer clicli "$PPPD_ADDR:$CLI_ADDR ms-dns 10.0.12.53 ms-dns 10.0.12.54" &&
	attach_as CLI --tty /tmp/clicli.pty --role client --request-dns ||
	FAILED="${FAILED:+$FAILED; }client link did not start"
wait_for 30 "pppd reports the server link up" test -s /tmp/ppp-clisrv.up &&
	wait_for 30 "$CLI's address" has_ipv4 "$CLI" "inet $CLI_ADDR peer $PPPD_ADDR/32" ||
	FAILED="${FAILED:+$FAILED; }IPCP did not come up"
set -- $(pppd_report clisrv)
PPPD_SRV_ADDR=$2
wait_for 10 "$SRV's address" has_ipv4 "$SRV" "inet $SRV_ADDR peer $PPPD_SRV_ADDR/32" ||
	FAILED="${FAILED:+$FAILED; }no address on $SRV"
if [ -n "$FAILED" ]; then
	cat /tmp/pppd-clisrv.log /tmp/pppd-clicli.log
	for t in cli-status cli-json cli-pool-show cli-set cli-monitor; do
		result fail $t "$FAILED"
	done
else
	cli_status
	cli_json
	cli_pool_show
	cli_set
	cli_monitor
fi
cleanup
exit 0
