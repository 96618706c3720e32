#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Prototype (issue 12 item 4): run integration tests on Debian's own stock
# kernels, not on our debug test kernels. For each series: the image package
# matching the installed headers is fetched with "apt-get download" and
# unpacked with "dpkg-deb -x" into the cache (never installed on the host),
# the module is built through DKMS with the project's dkms.conf in a scratch
# DKMS tree (nothing under /var/lib/dkms), the image's PPP and veth modules
# with their dependencies plus our DKMS-built module go into the initramfs
# under /lib/modules/<release>, and the guest job "stock" modprobes them and
# runs the tests in STOCK_TESTS. No KUnit (Debian has no CONFIG_KUNIT), no
# debug options, so no KASAN/kmemleak: a splat scan of the console still.
#
# Measured 2026-12-01 (2 cores, TCG): the debs are 68 MB (6.1) and 103 MB
# (6.12, modules .ko.xz), apt-get download < 1 s from the local mirror;
# dpkg-deb -x + depmod 2.7 s / 7.7 s (unpacked 405 MB / 120 MB); dkms build
# 4.2 s / 4.8 s; initramfs 13 MB in 1.3 s; boot to the first test 2.4 s /
# 2.8 s of guest uptime; the default four tests ~100 s of VM per kernel
# (module_link ~52 s, module_pool ~34 s, module_pppoe ~11 s, pppd_pair
# ~3 s), lifecycle alone ~110 s. Both pass on both. Stock kernels have
# ACPI: plain "-smp 2" brings up 2 CPUs too. Taint 12288 (out-of-tree +
# unsigned: DKMS signs with its own MOK key, which the kernel does not
# trust). kmod's modprobe hands the ipcp_neg.* words of the kernel command
# line to our module: "unknown parameter 'job' ignored", harmless.
#
# Usage: stock.sh [SERIES...]        (default: 6.1 6.12)
# Environment: STOCK_TESTS   comma-separated test globs
#              IPCP_NEG_SRC  tree to test (default: this checkout)
#              IPCP_NEG_OUT  where logs go (default: <tree>/out/stock)
#              STOCK_SMP     QEMU -smp (default: GUEST_SMP from lib.sh)
set -uo pipefail
. "$(dirname "$0")/lib.sh"

STOCK_TESTS=${STOCK_TESTS:-pppd_pair,module_link,module_pppoe,module_pool}
# The image's modules the tests need; their dependencies come along
STOCK_MODULES="ppp_generic ppp_async pppoe pppox slhc veth"

tree=$(cd "${IPCP_NEG_SRC:-$TOP}" && pwd)
out=${IPCP_NEG_OUT:-$tree/out/stock}
cache=$IPCP_NEG_CACHE/stock
series_list=${*:-6.1 6.12}
version=$(cat "$tree/VERSION")
rm -rf "$out/dkms" "$out/guest-bin"
mkdir -p "$out" "$cache/debs"
runs=()

"$TOP/scripts/deps.sh" || die "missing Debian packages"
command -v dkms >/dev/null || die "dkms is not installed (apt-get install dkms)"

# t0 / lap WHAT: print the wall time since the last t0
t0() { T0=$(date +%s.%N); }
lap() { log "$(printf '%s: %.2f s' "$1" "$(echo "$(date +%s.%N) - $T0" | bc)")"; }

# The generic amd64 headers of a series: its kernel release
release_of() {
	ls -d /usr/src/linux-headers-"$1".*-amd64 2>/dev/null | grep -Ev -- '-(cloud|rt)-amd64$' |
		sort -V | tail -n 1 | sed 's|.*/linux-headers-||'
}

# fetch_image RELEASE: the unpacked image's root directory (stdout)
fetch_image() {
	local r=$1 deb pkg root
	deb=$(ls "$cache/debs/linux-image-${r}_"*.deb "$cache/debs/linux-image-$r-unsigned_"*.deb 2>/dev/null | head -n 1)
	if [ -z "$deb" ]; then
		for pkg in "linux-image-$r-unsigned" "linux-image-$r"; do
			apt-cache show "$pkg" >/dev/null 2>&1 || continue
			t0
			(cd "$cache/debs" && apt-get download "$pkg" >&2) || return 1
			lap "apt-get download $pkg" >&2
			break
		done
		deb=$(ls "$cache/debs/linux-image-$r"*.deb 2>/dev/null | head -n 1)
		[ -n "$deb" ] || return 1
	fi
	root=$cache/$r/root
	if [ ! -f "$cache/$r/.unpacked" ]; then
		rm -rf "$cache/$r"
		mkdir -p "$root"
		t0
		dpkg-deb -x "$deb" "$root" || return 1
		# the package ships no modules.dep: its postinst runs depmod
		depmod -b "$root" "$r" || return 1
		lap "unpack + depmod $(basename "$deb") ($(du -sh "$deb" | cut -f1))" >&2
		touch "$cache/$r/.unpacked"
	fi
	echo "$root"
}

# dkms_build RELEASE: build the module through DKMS in a scratch tree; the
# built module's path (stdout). DKMS signs it with a MOK key of its own,
# here a scratch one (mok_signing_key/mok_certificate from the environment,
# else it makes /var/lib/dkms/mok.key)
dkms_build() {
	local r=$1 d=$out/dkms src
	src=$d/source/ipcp_neg-$version
	rm -rf "$d"
	mkdir -p "$src" "$d/tree" "$cache/mok"
	tar -C "$tree" -c --exclude='*.o' --exclude='*.ko' --exclude='*.mod' \
		--exclude='*.mod.c' --exclude='.*.cmd' --exclude='*.order' \
		--exclude='Module.symvers' src include VERSION | tar -C "$src" -x
	sed "s/@VERSION@/$version/" "$tree/dkms.conf" >"$src/dkms.conf"
	t0
	mok_signing_key=$cache/mok/mok.key mok_certificate=$cache/mok/mok.pub \
		dkms build -m ipcp_neg -v "$version" -k "$r" --dkmstree "$d/tree" --sourcetree "$d/source" \
		--kernelsourcedir "/usr/src/linux-headers-$r" >"$kout/dkms.log" 2>&1 || {
		tail -n 30 "$kout/dkms.log" >&2
		cat "$d/tree/ipcp_neg/$version/build/make.log" >&2 2>/dev/null
		return 1
	}
	lap "dkms build for $r" >&2
	ls "$d/tree/ipcp_neg/$version/$r/x86_64/module/ipcp_neg.ko"* | head -n 1
}

# stage_modules ROOT RELEASE KO STAGE: the image's modules we need and ours
stage_modules() {
	local root=$1 r=$2 ko=$3 st=$4 m f
	local md=$st/lib/modules/$r
	mkdir -p "$md/updates/dkms" "$st/lib/modules/ipcp_neg" "$st/usr/sbin"
	for f in modules.builtin modules.builtin.modinfo modules.order; do
		cp "$root/lib/modules/$r/$f" "$md/"
	done
	for m in $STOCK_MODULES; do
		modprobe -d "$root" -S "$r" --show-depends "$m" | awk '$1 == "insmod" { print $2 }'
	done | sort -u | while read -r f; do
		mkdir -p "$st/$(dirname "${f#"$root"}")"
		cp "$f" "$st/${f#"$root"}"
	done
	cp "$ko" "$md/updates/dkms/"
	# the tests' own "insmod $MODDIR/ipcp_neg.ko": busybox insmod, no xz
	case "$ko" in
	*.xz) xz -dc "$ko" >"$st/lib/modules/ipcp_neg/ipcp_neg.ko" ;;
	*) cp "$ko" "$st/lib/modules/ipcp_neg/ipcp_neg.ko" ;;
	esac
	depmod -b "$st" "$r" || return 1
	# kmod's modprobe (compressed modules, modules.dep.bin) and its libraries
	cp -L "$(command -v kmod)" "$st/usr/sbin/kmod"
	for f in modprobe modinfo lsmod depmod; do
		ln -sf kmod "$st/usr/sbin/$f"
	done
	for f in $(ldd "$(command -v kmod)" | awk '/=> \// { print $3 }'); do
		mkdir -p "$st$(dirname "$f")"
		cp -L "$f" "$st$f"
	done
}

hresult() {
	echo "RESULT $1 $2${3:+ # $3}" >>"$kout/host.results"
}

stock_kernel() {
	local series=$1 r root ko st rc limit=${IPCP_NEG_VM_TIMEOUT:-1800}
	kout=$out/stock-$series
	rm -rf "$kout"
	mkdir -p "$kout"
	: >"$kout/host.results"
	runs+=(--run "stock-$series")
	r=$(release_of "$series")
	[ -n "$r" ] || { hresult fail headers "no linux-headers-$series.*-amd64"; return; }
	log "stock $series: release $r"
	root=$(fetch_image "$r") || { hresult fail image "no image for $r"; return; }
	hresult pass image "$r"
	ko=$(dkms_build "$r") || { hresult fail dkms-build "see $kout/dkms.log"; return; }
	hresult pass dkms-build "$(basename "$ko")"
	st=$kout/stage
	rm -rf "$st"
	t0
	stage_modules "$root" "$r" "$ko" "$st" || { hresult fail stage "staging modules failed"; return; }
	GUEST_BIN=$out/guest-bin IPCPCTL=$out/ipcpctl IPCP_NEG_SRC=$tree \
		"$TOP/scripts/mkinitramfs.sh" "$kout/base.cpio.gz" || { hresult fail initramfs; return; }
	# a second archive appended: the kernel unpacks both
	(cd "$st" && find . -print0 | cpio --null -o -H newc -R 0:0 --quiet) | gzip -1 >"$kout/modules.cpio.gz"
	cat "$kout/base.cpio.gz" "$kout/modules.cpio.gz" >"$kout/initramfs.cpio.gz"
	lap "initramfs ($(du -h "$kout/initramfs.cpio.gz" | cut -f1))"
	t0
	GUEST_SMP=${STOCK_SMP:-$GUEST_SMP} run_guest -t "$limit" -c "$kout/console.log" \
		"$root/boot/vmlinuz-$r" "$kout/initramfs.cpio.gz" "$kout/guest.results" \
		"ipcp_neg.job=stock ipcp_neg.only=$STOCK_TESTS"
	rc=$?
	lap "stock $series VM (rc $rc)"
	judge_guest "$kout" "$rc" "$limit"
}

make -s -B -f "$tree/tools/ipcpctl/Makefile" BIN="$out/ipcpctl" || die "building ipcpctl failed"
mkdir -p "$out/guest-bin"
make -s -B -f "$tree/tools/test/Makefile" OUT="$out/guest-bin" || die "building the guest tools failed"
for s in $series_list; do
	stock_kernel "$s"
done
echo "logs: $out"
python3 "$TOP/scripts/summarize.py" "$out" "${runs[@]}"
