#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 360
# The module as a PPPoE client: pppoe-server (kernel mode, pppd behind it)
# in namespace mpoe-s; in namespace mpoe-c, rp-pppoe's discovery-only mode
# ("pppoe -d") finds the session, and ipcpctl attaches the module to it.
# The module obtains pppoe-server's address and DNS, ping works, and the
# server ending the session (PADT) ends the link.
. /test/lib.sh

FAILED=
load_module
if ! pppoe_session mpoe-s mpoe-c veth-ms veth-mc 10.2.0.1 10.2.0.2 \
    /etc/ppp/pppoe-server-options; then
	pppoe_session_end mpoe-s mpoe-c
	result fail module-pppoe "could not set up the PPPoE session"
	exit 0
fi
srv=$PPPOE_SRV
IF=
out=$(ip netns exec mpoe-c ipcpctl attach --pppoe veth-mc --session "$PPPOE_ID" \
	--peer "$PPPOE_MAC" --role client --request-dns) && set -- $out && IF=$1
if [ -n "$IF" ]; then
	say "  attached as $IF in mpoe-c"
	check "module's $IF has 10.2.0.2 peer 10.2.0.1/32" wait_for 30 \
		"$IF's address" has_ipv4_ns mpoe-c "$IF" "inet 10.2.0.2 peer 10.2.0.1/32"
	status=$(ip netns exec mpoe-c ipcpctl status "$IF")
	echo "$status"
	check "status shows DNS 10.1.0.53" \
		sh -c "echo '$status' | grep -q '^dns 10.1.0.53 '"
	check "ping over PPPoE" ip netns exec mpoe-c ping -c 1 -W 5 10.2.0.1
	# the server side goes: pppd ends the session with a PADT
	for pid in $(ip netns pids mpoe-s); do
		[ "$pid" = "$srv" ] || kill "$pid" 2>/dev/null
	done
	check "link gone after the server ended the session" wait_for 20 \
		"link to go" link_gone_in mpoe-c "$IF"
else
	cat /tmp/mpoe-s-server.log
	FAILED="attach failed"
fi
pppoe_session_end mpoe-s mpoe-c
report module-pppoe
