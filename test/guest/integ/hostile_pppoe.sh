#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 300
# Hostile peers over PPPoE: rawpeer, in namespace hpoe, plays the access
# concentrator of session 0x2a on a veth pair (no discovery: ipcpctl
# attaches the module straight to the session) and attacks the link with
# session frames of its own making (RFC 2516 header, its Length field
# included). The scenarios are hostile_scenarios.sh's, here over the
# pppoe transport:
#  - hostile-pppoe-garbage: as hostile-pty-garbage, plus zero-length
#    frames by PPPoE Length 0 and beyond the frame, and an unknown code of
#    2000 bytes (the Code-Reject is cut to the MRU of 1492).
#  - hostile-pppoe-protrej-lcp: a Protocol-Reject of LCP ends the link.
#  - hostile-pppoe-loopback: the peer sends every frame back.
#  - hostile-pppoe-memory: no link left, Slab bounded overall.
. /test/lib.sh
. /test/hostile_lib.sh
. /test/hostile_scenarios.sh

load_module
hp_transport pppoe
slab0=$(hp_slab_kb)
if ! hp_pppoe_setup; then
	result fail hostile-pppoe "could not make the veth pair"
	exit 0
fi
hs_garbage 30
hs_protrej_lcp 31
hs_loopback 32
hp_pppoe_teardown
FAILED=
hp_slab_checks "$slab0"
report hostile-pppoe-memory "Slab $slab0 -> $HP_SLAB kB"
