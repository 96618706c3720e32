#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build a QEMU test kernel from Debian's linux-source-SERIES package:
# tinyconfig + kvm_guest.config + test/kernel/base.config [+ debug.config]
# [+ test/kernel/SERIES.config, when one exists: what only that series
# needs]. The build lives in $IPCP_NEG_CACHE/kbuild-<variant>-<series>-<hash>,
# keyed on the fragments, this script and the source package version, and
# is reused while none of them changes. Prints the build directory on stdout.
#
# Usage: build-kernel.sh plain|debug [SERIES]
#        SERIES: 6.1 (default) or 6.12
set -euo pipefail
. "$(dirname "$0")/lib.sh"

variant=${1:-debug}
series=${2:-6.1}
case " $KERNEL_SERIES " in
*" $series "*) ;;
*) die "unknown kernel series '$series' (one of: $KERNEL_SERIES)" ;;
esac
case "$variant" in
plain) frags=("$TOP/test/kernel/base.config") ;;
debug) frags=("$TOP/test/kernel/base.config" "$TOP/test/kernel/debug.config") ;;
*) die "unknown variant '$variant' (plain or debug)" ;;
esac
[ -f "$TOP/test/kernel/$series.config" ] && frags+=("$TOP/test/kernel/$series.config")

kernel_src_unpack "$series" || die "unpacking linux-source-$series failed"
pkgver=$(kernel_pkg_version "$series")
src=$(kernel_src_dir "$series")

key=$( (echo "$pkgver"; cat "${frags[@]}" "$0") | sha256sum | cut -c1-16)
out="$IPCP_NEG_CACHE/kbuild-$variant-$series-$key"
if [ -f "$out/.done" ]; then
	echo "$out"
	exit 0
fi

log "configuring the $variant $series test kernel in $out"
rm -rf "$out"
mkdir -p "$out"
mk=(make -s -C "$src" O="$out" ARCH=x86_64)
"${mk[@]}" tinyconfig >&2
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" \
	"$src/kernel/configs/kvm_guest.config" "${frags[@]}" >/dev/null
"${mk[@]}" olddefconfig >&2

# Every symbol a fragment asks for must have survived olddefconfig.
bad=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=*) want=$line ;;
	"# CONFIG_"*" is not set") want=$line ;;
	*) continue ;;
	esac
	sym=${want#\# }
	sym=${sym%%[= ]*}
	got=$(grep -E "^($sym=|# $sym is not set)" "$out/.config" || true)
	if [ "$want" != "$got" ]; then
		case "$want" in
		"# "*) [ -z "$got" ] && continue ;;
		esac
		echo "config: asked '$want', got '${got:-<absent>}'" >&2
		bad=1
	fi
done < <(cat "${frags[@]}")
[ "$bad" = 0 ] || die "the kernel config fragments do not apply cleanly"

log "building the $variant $series test kernel ($(nproc) jobs; ~10-12 min cold)"
start=$(date +%s)
"${mk[@]}" -j"$(nproc)" bzImage modules >&2
touch "$out/.done"
log "kernel built in $(($(date +%s) - start)) s"
echo "$out"
