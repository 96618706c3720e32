#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 600
# Hostile peers over a pty (RFC 1662 framing, ppp_async on the module's
# side): rawpeer attacks a module link and checks the bytes it gets back.
# The scenarios are hostile_scenarios.sh's, here over the pty transport:
#  - hostile-pty-garbage: truncated, zero-length, bad-FCS, badly optioned,
#    wrongly identified, unknown-code, unknown-protocol and oversized
#    packets, Echo-Request and Configure-Request floods, a Protocol-Reject
#    of IPCP, and still a normal negotiation afterwards.
#  - hostile-pty-naks: the peer Naks every LCP Configure-Request.
#  - hostile-pty-maxconf: ... then falls silent: Max-Configure ends LCP.
#  - hostile-pty-reject-server/-client: the peer Rejects every option.
#  - hostile-pty-termstorm, hostile-pty-protrej-lcp: the link goes.
#  - hostile-pty-loopback: a looped-back line is detected, the link goes.
#  - hostile-pty-reneg: the peer renegotiates IPCP 1000 times in a row:
#    every one counted, the kernel log grows by a bounded number of lines.
#  - hostile-pty-after: a normal negotiation, and Slab bounded overall.
. /test/lib.sh
. /test/hostile_lib.sh
. /test/hostile_scenarios.sh

load_module
hp_transport pty
slab0=$(hp_slab_kb)
hs_garbage 20
hs_naks 21
hs_maxconf 22
hs_reject_server 23
hs_reject_client 24
hs_termstorm 25
hs_protrej_lcp 26
hs_loopback 27
hs_reneg 29
hs_after 28 "$slab0"
