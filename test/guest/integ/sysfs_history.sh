#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 240
# The packet history's depth, the module parameter history_depth, over
# module-to-module pairs (stress_lib.sh):
#  - history-depth0: a link made with history_depth 0 keeps no ring: its
#    sysfs packets file is empty while the link runs and negotiated.
#  - history-depth2: a link made with history_depth 2 shows exactly the last
#    two packets; changing the parameter later leaves it at 2; values past
#    256 are refused.
#  - debugfs-sizes: /sys/kernel/debug/ipcp_neg/sizes lists the per-link
#    objects, the ring at the depth the parameter has now.
. /test/lib.sh
. /test/stress_lib.sh

DEPTH=/sys/module/ipcp_neg/parameters/history_depth
SIZES=/sys/kernel/debug/ipcp_neg/sizes

# packets_of IFNAME: the lines of the link's packets file
packets_of() {
	wc -l <"/sys/class/net/$1/ipcp_neg/packets"
}

# packets_empty IFNAME: the file reads 0 bytes (test -s cannot tell: a
# sysfs file always has a size of 4096)
packets_empty() {
	[ "$(wc -c <"/sys/class/net/$1/ipcp_neg/packets")" = 0 ]
}

history_depth0() {
	FAILED=
	check "history_depth defaults to 32" [ "$(cat $DEPTH)" = 32 ]
	check "history_depth 0 accepted" sh -c "echo 0 >$DEPTH"
	if m2m_start 70 && m2m_up 70; then
		check "packets of $SRV_IF is empty" packets_empty "$SRV_IF"
		check "$SRV_IF negotiated all the same" \
			test "$(cat /sys/class/net/"$SRV_IF"/ipcp_neg/counters/lcp_tx_confreq)" -ge 1
		check "renegotiate keeps it empty" ipcpctl renegotiate "$SRV_ID"
		check "IPCP up again" wait_for 30 "IPCP opened" \
			ipcp_opened "" "$SRV_ID"
		check "packets of $SRV_IF still empty" packets_empty "$SRV_IF"
	else
		note "pair 70 did not come up"
	fi
	m2m_stop 70
	report history-depth0
}

history_depth2() {
	FAILED=
	check "history_depth 257 refused" sh -c "! echo 257 >$DEPTH 2>/dev/null"
	check "history_depth 2 accepted" sh -c "echo 2 >$DEPTH"
	if m2m_start 71 && m2m_up 71; then
		check "$SRV_IF shows 2 packets" [ "$(packets_of "$SRV_IF")" = 2 ]
		cat "/sys/class/net/$SRV_IF/ipcp_neg/packets"
		echo 32 >$DEPTH
		check "renegotiate" ipcpctl renegotiate "$SRV_ID"
		check "IPCP up again" wait_for 30 "IPCP opened" \
			ipcp_opened "" "$SRV_ID"
		check "$SRV_IF keeps its depth of 2" \
			[ "$(packets_of "$SRV_IF")" = 2 ]
	else
		note "pair 71 did not come up"
	fi
	m2m_stop 71
	echo 32 >$DEPTH
	report history-depth2
}

# row NAME: the "bytes kmalloc count" of NAME's row of the sizes file
row() {
	awk -v n="$1" '$1 == n { print $2, $3, $4 }' "$SIZES"
}

debugfs_sizes() {
	local entry
	FAILED=
	cat "$SIZES"
	set -- $(row link)
	check "a link row with its kmalloc size" [ "$#" = 3 -a "$2" -ge "$1" ]
	entry=$(row hist_entry | cut -d' ' -f1)
	set -- $(row hist)
	check "the ring at depth 32: 32 entries and a header" \
		[ "$1" -ge $((32 * entry)) -a "$1" -lt $((32 * entry + 32)) ]
	echo 0 >$DEPTH
	check "the ring at depth 0: none" [ "$(row hist)" = "0 0 0" ]
	echo 32 >$DEPTH
	check "a per_link total" [ -n "$(row per_link)" ]
	report debugfs-sizes
}

load_module
history_depth0
history_depth2
debugfs_sizes
