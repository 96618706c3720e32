#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Attach refuses files that do not belong together (tools/test/badattach.c
# builds each link as ipcpctl does, then swaps one file for a wrong one).
#  - attach-checks: a transport that is neither a tty nor a PPPoX socket
#    gets ENOTTY; a bridge file that is not attached to the transport's
#    channel, an UPPER file that is not the link's UPPER, a unit file that
#    is no unit get EBADFD; a unit that UPPER is not connected to gets
#    ENOTCONN; the right files attach (the positive control).
. /test/lib.sh

EXPECT="transport-regular-file ENOTTY
transport-udp-socket ENOTTY
transport-dev-ppp ENOTTY
bridge-unattached EBADFD
bridge-is-upper EBADFD
bridge-is-unit EBADFD
bridge-regular-file EBADFD
unit-other-unit ENOTCONN
unit-is-bridge EBADFD
unit-unattached EBADFD
upper-is-bridge EBADFD
upper-is-unit EBADFD"

# answered CASE ERRNO: badattach's line for CASE says ERRNO
answered() {
	grep -qx "$1 $2" /tmp/badattach.out
}

load_module
FAILED=
if ! pty_pair bad; then
	result fail attach-checks "no pty pair"
	exit 0
fi
badattach /tmp/bad.pty >/tmp/badattach.out 2>&1
cat /tmp/badattach.out
echo "$EXPECT" | while read -r c e; do
	answered "$c" "$e" || echo "$c: expected $e, got: $(grep "^$c " /tmp/badattach.out)"
done >/tmp/badattach.wrong
while read -r line; do
	note "$line"
done </tmp/badattach.wrong
check "the right files attach" grep -q '^right ok ppp[0-9]*$' /tmp/badattach.out
check "no link left" sh -c "! ls -d /sys/class/net/*/ipcp_neg 2>/dev/null"
stop_pid "$SOCAT_PID"
report attach-checks
