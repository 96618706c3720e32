#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The main job ("make demo"): build what is missing, boot the test VM and
# show a PPP link negotiating its addresses, live on this terminal.
#
# Environment: KERNEL=debug|plain  test kernel variant (default debug, the
#              one "make check" uses, so one kernel build serves both)
set -uo pipefail
. "$(dirname "$0")/lib.sh"

variant=${KERNEL:-debug}
out=${IPCP_NEG_OUT:-$TOP/out/demo}
rm -rf "$out"
mkdir -p "$out"

"$TOP/scripts/deps.sh" || exit 1
kdir=$("$TOP/scripts/build-kernel.sh" "$variant") || die "building the test kernel failed"
mkdir -p "$out/build"
rsync -a "$TOP/src" "$TOP/include" "$out/build/"
make -s -C "$kdir" M="$out/build/src" modules >"$out/build.log" 2>&1 ||
	{ cat "$out/build.log"; die "building the module failed"; }
make -s -B -f "$TOP/tools/ipcpctl/Makefile" BIN="$out/ipcpctl" || die "building ipcpctl failed"
IPCPCTL=$out/ipcpctl "$TOP/scripts/mkinitramfs.sh" "$out/initramfs.cpio.gz" "$out"/build/src/ipcp_neg.ko ||
	die "assembling the initramfs failed"

log "booting the $variant test kernel in QEMU"
run_guest -t 600 "$kdir/arch/x86/boot/bzImage" "$out/initramfs.cpio.gz" \
	"$out/guest.results" "loglevel=4 ipcp_neg.job=demo" | tee "$out/console.log" | grep -v -E '^\[ *[0-9.]+\]|^ipcp_neg-test:'
grep -q '^RESULT pass demo' "$out/guest.results" 2>/dev/null ||
	die "the demo did not complete (console: $out/console.log)"
