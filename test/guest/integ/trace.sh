#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The module's tracepoints (events/ipcp_neg in tracefs) while the module,
# as client, negotiates with pppd over a socat pty pair: the state lines
# show LCP and IPCP reaching opened, the packet lines show the
# Configure-Requests both ways.
. /test/lib.sh

T=/sys/kernel/tracing

# traced PATTERN: the trace holds a line matching the extended regex
traced() {
	grep -Eq "$1" "$T/trace"
}

trace_link() {
	local out ifname
	FAILED=
	if [ ! -d "$T/events/ipcp_neg" ]; then
		result fail trace "no $T/events/ipcp_neg (tracefs or the tracepoints missing)"
		return
	fi
	check "both tracepoints exist" test -e "$T/events/ipcp_neg/ipcp_neg_fsm_state/format" \
		-a -e "$T/events/ipcp_neg/ipcp_neg_packet/format"
	echo 0 >"$T/tracing_on"
	: >"$T/trace"
	echo 1 >"$T/events/ipcp_neg/enable"
	echo 1 >"$T/tracing_on"

	start_peer tr 10.0.11.1:10.0.11.2
	if out=$(ipcpctl attach --tty /tmp/tr.pty --role client); then
		set -- $out
		ifname=$1
		check "IPCP up" wait_for 60 "$ifname's address" \
			has_ipv4 "$ifname" "inet 10.0.11.2 peer 10.0.11.1/32"
		echo 0 >"$T/tracing_on"
		grep ipcp_neg_ "$T/trace" | head -n 40
		check "fsm_state: LCP reaches opened" traced \
			'ipcp_neg_fsm_state: proto=LCP old=ack-(rcvd|sent) new=opened event=RC'
		check "fsm_state: IPCP reaches opened" traced \
			'ipcp_neg_fsm_state: proto=IPCP old=ack-(rcvd|sent) new=opened event=RC'
		check "fsm_state: LCP leaves starting on Up" traced \
			'ipcp_neg_fsm_state: proto=LCP old=starting new=req-sent event=Up'
		check "packet: LCP Configure-Request sent" traced \
			'ipcp_neg_packet: proto=LCP dir=tx code=Configure-Request id=[0-9]+ len=[0-9]+'
		check "packet: LCP Configure-Request received" traced \
			'ipcp_neg_packet: proto=LCP dir=rx code=Configure-Request id=[0-9]+ len=[0-9]+'
		check "packet: IPCP Configure-Request sent, 10 bytes (IP-Address)" traced \
			'ipcp_neg_packet: proto=IPCP dir=tx code=Configure-Request id=[0-9]+ len=10$'
		check "packet: IPCP Configure-Ack received" traced \
			'ipcp_neg_packet: proto=IPCP dir=rx code=Configure-Ack'
		ipcpctl detach "$ifname"
	else
		FAILED="ipcpctl attach failed"
	fi
	echo 0 >"$T/events/ipcp_neg/enable"
	: >"$T/trace"
	echo 1 >"$T/tracing_on"
	stop_peer tr
	report trace
}

load_module
trace_link
