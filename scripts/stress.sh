#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The long versions of the lifecycle tests ("make stress"): the debug test
# kernel in QEMU runs the guest job "stress" with ipcp_neg.flaps=N
# (default 10000) on its command line, then the console is scanned for
# kernel splats as "make check" does. Ends with "N passed, N failed" and
# exits non-zero on any failure.
#
# Usage: stress.sh [FLAPS]
# Environment: IPCP_NEG_SRC   tree to test (default: this checkout)
#              IPCP_NEG_OUT   where logs go (default: <tree>/out/stress)
#              IPCP_NEG_ONLY  GLOB of the guest scripts (default: fault and
#                             lifecycle)
set -uo pipefail
. "$(dirname "$0")/lib.sh"

flaps=${1:-10000}
case "$flaps" in
'' | *[!0-9]*) die "FLAPS must be a number" ;;
esac
tree=$(cd "${IPCP_NEG_SRC:-$TOP}" && pwd)
out=${IPCP_NEG_OUT:-$tree/out/stress}
only=${IPCP_NEG_ONLY:-[fl][ai]*}
# up to 2 s a flap under TCG with KASAN on a loaded machine, plus the
# other cases
limit=$((1800 + flaps * 2))
rm -rf "$out"
mkdir -p "$out/guest-bin" "$out/build"
: >"$out/host.results"

hresult() {
	echo "RESULT $1 $2${3:+ # $3}" >>"$out/host.results"
	echo "host-test: $1 $2${3:+ ($3)}"
}

finish() {
	echo "logs: $out"
	python3 "$TOP/scripts/summarize.py" "$out"
	exit $?
}

"$TOP/scripts/deps.sh" || { hresult fail deps "missing Debian packages"; finish; }
kdir=$("$TOP/scripts/build-kernel.sh" debug) ||
	{ hresult fail test-kernel "building the test kernel failed"; finish; }
if ! make -s -B -f "$tree/tools/ipcpctl/Makefile" BIN="$out/ipcpctl" >"$out/tools.log" 2>&1; then
	hresult fail build-ipcpctl "see $out/tools.log"
	finish
fi
make -s -B -f "$tree/tools/test/Makefile" OUT="$out/guest-bin" >>"$out/tools.log" 2>&1 ||
	{ hresult fail build-guest-tools "see $out/tools.log"; finish; }
rsync -a --exclude "*.o" --exclude "*.ko" --exclude ".*.cmd" "$tree/src" "$tree/include" "$out/build/"
if ! make -C "$kdir" M="$out/build/src" modules >"$out/build.log" 2>&1; then
	hresult fail build-module "see $out/build.log"
	finish
fi
GUEST_BIN=$out/guest-bin IPCPCTL=$out/ipcpctl IPCP_NEG_SRC=$tree \
	"$TOP/scripts/mkinitramfs.sh" "$out/initramfs.cpio.gz" "$out"/build/src/*.ko ||
	{ hresult fail initramfs "assembling the initramfs failed"; finish; }

log "booting the debug kernel: stress, $flaps flaps, limit $limit s"
run_guest -t "$limit" -c "$out/console.log" "$kdir/arch/x86/boot/bzImage" \
	"$out/initramfs.cpio.gz" "$out/guest.results" \
	"log_buf_len=4M kasan.fault=report ipcp_neg.job=stress ipcp_neg.only=$only ipcp_neg.flaps=$flaps"
judge_guest "$out" $? "$limit"
finish
