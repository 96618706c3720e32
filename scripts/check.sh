#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every test of ipcp_neg ("make check"): lint and build checks on the host,
# then the debug test kernel in QEMU running the KUnit suites and the
# integration tests against the real pppd, then a scan of the console for
# kernel splats. Ends with one line "N passed, N failed[, N skipped]" and
# exits non-zero on any failure, splat, missing result or time-out.
#
# Usage: check.sh [--kunit | --only GLOB]
#        --kunit: only the KUnit suites; --only GLOB: no lint, no fuzz and no
#        KUnit, only the integration tests whose name matches GLOB (a
#        development aid: the summary then misses the KUnit suites)
# Environment: IPCP_NEG_SRC   tree to test (default: this checkout)
#              IPCP_NEG_OUT   where logs go (default: <tree>/out/<job>)
set -uo pipefail
. "$(dirname "$0")/lib.sh"

job=check
only=
case "${1:-}" in
--kunit) job=kunit ;;
--only) only=${2:?--only needs a pattern} ;;
esac
tree=$(cd "${IPCP_NEG_SRC:-$TOP}" && pwd)
out=${IPCP_NEG_OUT:-$tree/out/$job}
rm -rf "$out"
mkdir -p "$out"
host_results=$out/host.results
: >"$host_results"

hresult() {
	echo "RESULT $1 $2${3:+ # $3}" >>"$host_results"
	echo "host-test: $1 $2${3:+ ($3)}"
}

# The summary's last line, "N passed, N failed[, N skipped]", is the last
# line this script prints.
finish() {
	echo "logs: $out"
	python3 "$TOP/scripts/summarize.py" "$out" $(expected_suites)
}

# The KUnit suites the test sources declare: each must report results.
expected_suites() {
	grep -ho '\.name = "ipcp_neg_[a-z0-9_]*"' "$tree"/src/tests/*.c 2>/dev/null |
		sed 's/.*"\(.*\)"/\1/' | sort -u
}

# A warning-free build of the module tree against a kernel build directory.
# build_module NAME KDIR DIR [make args...]
build_module() {
	local name=$1 kdir=$2 dir=$3
	shift 3
	rm -rf "$dir"
	mkdir -p "$dir"
	rsync -a --exclude out --exclude .git --exclude "*.o" --exclude "*.ko" --exclude ".*.cmd" "$tree/src" "$tree/include" "$dir/"
	if ! make -C "$kdir" M="$dir/src" "$@" modules >"$out/$name.log" 2>&1; then
		tail -n 30 "$out/$name.log"
		hresult fail "$name" "build failed, see $out/$name.log"
		return 1
	fi
	if grep -E 'warning:|error:' "$out/$name.log"; then
		hresult fail "$name" "warnings, see $out/$name.log"
		return 1
	fi
	hresult pass "$name"
}

lint() {
	local cp files
	cp="$(kernel_src_dir)/scripts/checkpatch.pl"
	files=$(cd "$tree" && ls src/*.[ch] src/tests/*.[ch] 2>/dev/null | grep -v "\.mod\.c$" |
		grep -vx src/compat.h)
	# src/compat.h is the one file that tests LINUX_VERSION_CODE
	if (cd "$tree" && perl "$cp" --strict --no-tree --quiet --show-types \
	    --ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG -f $files &&
	    perl "$cp" --strict --no-tree --quiet --show-types \
	    --ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG,LINUX_VERSION_CODE,CONSTANT_COMPARISON \
	    -f src/compat.h) >"$out/checkpatch.log" 2>&1; then
		hresult pass lint-checkpatch
	else
		cat "$out/checkpatch.log"
		hresult fail lint-checkpatch "see $out/checkpatch.log"
	fi
	if "$TOP/scripts/abi-coverage.sh" "$tree" >"$out/abi-coverage.log" 2>&1; then
		hresult pass abi-coverage "$(tail -n 1 "$out/abi-coverage.log")"
	else
		cat "$out/abi-coverage.log"
		hresult fail abi-coverage "see $out/abi-coverage.log"
	fi
	build_debian
}

# The Debian kernels the module must build for, by series: each series'
# newest installed headers (/lib/modules/<release>/build, the generic amd64
# flavour), W=1 and sparse, warning free.
DEBIAN_SERIES="6.1 6.12"

build_debian() {
	local series kdir
	for series in $DEBIAN_SERIES; do
		kdir=$(ls -d /lib/modules/"$series".*-amd64/build 2>/dev/null |
			grep -Ev -- '-(cloud|rt)-amd64/build$' | sort -V | tail -n 1)
		if [ -n "$kdir" ]; then
			build_module "build-debian-$series-w1-sparse" "$kdir" "$out/debian-$series" W=1 C=1
		else
			hresult fail "build-debian-$series-w1-sparse" "no Debian $series kernel headers (run: make deps)"
		fi
	done
}

# Kernel messages that mean something went wrong, whatever the tests said.

run_vm() {
	local kdir=$1 limit=${IPCP_NEG_VM_TIMEOUT:-3600} rc
	log "booting the debug kernel in QEMU (job $job, limit ${limit} s)"
	timeout --foreground -k 10 "$limit" qemu-system-x86_64 -accel tcg -m 2048 -smp "$GUEST_SMP" \
		-nographic -no-reboot -monitor none -serial stdio \
		-serial "file:$out/guest.results" \
		-kernel "$kdir/arch/x86/boot/bzImage" -initrd "$out/initramfs.cpio.gz" \
		-append "$GUEST_CMDLINE log_buf_len=4M kasan.fault=report ipcp_neg.job=$job${only:+ ipcp_neg.only=$only}" \
		</dev/null >"$out/console.log" 2>&1
	rc=$?
	[ "$rc" = 124 ] && hresult fail vm "timed out after $limit s"
	if ! tail -n 1 "$out/guest.results" 2>/dev/null | grep -q '^DONE'; then
		tail -n 40 "$out/console.log"
		hresult fail vm-complete "the guest did not finish its job (see $out/console.log)"
	else
		hresult pass vm-complete
	fi
	if find_splats "$out/console.log" >"$out/splats.log"; then
		CONTEXT=1 find_splats "$out/console.log" | head -n 200
		hresult fail kernel-clean "kernel splat on the console: $(head -n 1 "$out/splats.log")"
	else
		hresult pass kernel-clean
	fi
}

parse_kunit() {
	awk '/^BEGIN KTAP/ { on = 1; next } /^END KTAP/ { on = 0 } on' \
		"$out/guest.results" >"$out/kunit.ktap"
	[ -s "$out/kunit.ktap" ] || return 0
	PYTHONDONTWRITEBYTECODE=1 python3 "$(kernel_src_dir)/tools/testing/kunit/kunit.py" \
		parse --json="$out/kunit.json" "$out/kunit.ktap" | tee "$out/kunit.txt" | tail -n 3
}

# A step that stops the run still ends it with the summary line.
abort() {
	hresult fail "$1" "$2"
	finish
	exit 1
}

"$TOP/scripts/deps.sh" || abort deps "missing Debian packages"
kdir=$("$TOP/scripts/build-kernel.sh" debug) || abort test-kernel "building the test kernel failed"
[ "$job" = check ] && [ -z "$only" ] && lint
# The CLI, built the way "make tools" does, goes into the initramfs.
build_ipcpctl() {
	if gcc -O2 -Wall -Wextra -Werror -I"$tree/include/uapi" -o "$out/ipcpctl" \
	    "$tree/tools/ipcpctl.c" >"$out/ipcpctl.log" 2>&1; then
		hresult pass build-ipcpctl
	else
		cat "$out/ipcpctl.log"
		hresult fail build-ipcpctl "see $out/ipcpctl.log"
	fi
}

# The guest's test tools: every tools/test/*.c, one program each.
build_guest_tools() {
	local c ok=1
	mkdir -p "$out/guest-bin"
	for c in "$tree"/tools/test/*.c; do
		[ -e "$c" ] || continue
		if ! gcc -O2 -Wall -Wextra -Werror -I"$tree/include/uapi" -o "$out/guest-bin/$(basename "$c" .c)" \
		    "$c" >>"$out/guest-tools.log" 2>&1; then
			ok=0
		fi
	done
	if [ $ok = 1 ]; then
		hresult pass build-guest-tools
	else
		cat "$out/guest-tools.log"
		hresult fail build-guest-tools "see $out/guest-tools.log"
	fi
}

# A short run of every fuzz target over the module's own sources.
fuzz_smoke() {
	if make -C "$tree/fuzz" smoke >"$out/fuzz.log" 2>&1; then
		hresult pass fuzz-smoke "$(grep '^total:' "$out/fuzz.log")"
	else
		tail -n 40 "$out/fuzz.log"
		hresult fail fuzz-smoke "see $out/fuzz.log"
	fi
}

# The benchmark module (bench/kmod) compiles src/ too: build it, warning
# free, so that "make bench" cannot break unnoticed
build_bench_kmod() {
	local dir=$out/bench-kmod
	rm -rf "$dir"
	mkdir -p "$dir"
	rsync -a --exclude out --exclude "*.o" --exclude "*.ko" --exclude ".*.cmd" \
		"$tree/src" "$tree/include" "$tree/bench" "$dir/"
	if make -C "$kdir" M="$dir/bench/kmod" W=1 modules >"$out/bench-kmod.log" 2>&1 &&
	    ! grep -E 'warning:|error:' "$out/bench-kmod.log"; then
		hresult pass build-bench-kmod
	else
		tail -n 30 "$out/bench-kmod.log"
		hresult fail build-bench-kmod "see $out/bench-kmod.log"
	fi
}

build_ipcpctl
build_guest_tools
[ -z "$only" ] && build_bench_kmod
[ "$job" = check ] && [ -z "$only" ] && fuzz_smoke
if build_module build-test-kernel-w1 "$kdir" "$out/build" W=1; then
	GUEST_BIN=$out/guest-bin IPCPCTL=$out/ipcpctl IPCP_NEG_SRC=$tree "$TOP/scripts/mkinitramfs.sh" "$out/initramfs.cpio.gz" "$out"/build/src/*.ko ||
		abort initramfs "assembling the initramfs failed"
	run_vm "$kdir"
	parse_kunit
fi
finish
exit $?
