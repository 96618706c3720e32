#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every test of ipcp_neg ("make check"): lint and build checks on the host,
# then two debug test kernels in QEMU running the KUnit suites and the
# integration tests against the real pppd, then a scan of each console for
# kernel splats. The 6.12 kernel runs KUnit and every integration test; the
# 6.1 kernel KUnit and the integration tests in CROSS_TESTS (the full suite
# on both would not fit CI's time). Each kernel's results are named after
# it ("6.12/module-server", "6.1/kunit:ipcp_neg_fsm/..."). Ends with one
# line "N passed, N failed[, N skipped]" and exits non-zero on any failure,
# splat, missing result or time-out.
#
# Usage: check.sh [--kunit | --only GLOB[,GLOB...]]
#        --kunit: only the KUnit suites, on every kernel; --only: no lint, no
#        fuzz and no KUnit, only the integration tests whose name matches one
#        of the GLOBs, on 6.12 (a development aid: the summary then misses
#        the KUnit suites)
# Environment: IPCP_NEG_SRC     tree to test (default: this checkout)
#              IPCP_NEG_OUT     where logs go (default: <tree>/out/<job>)
#              IPCP_NEG_KERNEL  the test kernels to run on, e.g. "6.1" or
#                               "6.12 6.1" (default: both; 6.12 for --only)
#              IPCP_NEG_STOCK   the full check also runs scripts/stock.sh
#                               (Debian's own 6.1 and 6.12 images, DKMS,
#                               modprobe); 0 leaves it out
set -uo pipefail
. "$(dirname "$0")/lib.sh"

# The integration tests the 6.1 kernel runs besides KUnit: the module's
# channels against 6.1's ppp_generic and transports (attach checks, pppd
# over a pty and over PPPoE, several links on one pool, hostile PPPoE
# frames) and its teardown paths. About 4 min of the full suite's 20 on
# the 6.1 debug kernel under TCG
CROSS_TESTS=attach_checks,hostile_pppoe,module_link,module_pool,module_pppoe,unload_inflight

job=check
only=
case "${1:-}" in
--kunit) job=kunit ;;
--only) only=${2:?--only needs a pattern} ;;
esac
if [ -n "$only" ]; then
	kernels=${IPCP_NEG_KERNEL:-6.12}
else
	kernels=${IPCP_NEG_KERNEL:-6.12 6.1}
fi
kernels=${kernels//,/ }
tree=$(cd "${IPCP_NEG_SRC:-$TOP}" && pwd)
out=${IPCP_NEG_OUT:-$tree/out/$job}
rm -rf "$out"
mkdir -p "$out"
host_results=$out/host.results
: >"$host_results"
# summarize.py's arguments for the kernels' runs: --run SERIES SUITE...
runs=()

# The results of one kernel's run go to its host.results, and are shown
# with its name ($kname, while test_kernel runs)
kname=
hresult() {
	echo "RESULT $1 $2${3:+ # $3}" >>"$host_results"
	echo "host-test: $1 ${kname:+$kname/}$2${3:+ ($3)}"
}

# The summary's last line, "N passed, N failed[, N skipped]", is the last
# line this script prints.
finish() {
	echo "logs: $out"
	python3 "$TOP/scripts/summarize.py" "$out" "${runs[@]}"
}

# The KUnit suites the test sources declare: each must report results.
expected_suites() {
	grep -ho '\.name = "ipcp_neg_[a-z0-9_]*"' "$tree"/src/tests/*.c 2>/dev/null |
		sed 's/.*"\(.*\)"/\1/' | sort -u
}

# A warning-free build of the module tree against a kernel build directory.
# build_module NAME KDIR DIR [make args...]
build_module() {
	local name=$1 kdir=$2 dir=$3 logf
	shift 3
	logf=$(dirname "$dir")/$name.log
	rm -rf "$dir"
	mkdir -p "$dir"
	rsync -a --exclude out --exclude .git --exclude "*.o" --exclude "*.ko" --exclude ".*.cmd" "$tree/src" "$tree/include" "$dir/"
	if ! make -C "$kdir" M="$dir/src" "$@" modules >"$logf" 2>&1; then
		tail -n 30 "$logf"
		hresult fail "$name" "build failed, see $logf"
		return 1
	fi
	if grep -E 'warning:|error:' "$logf"; then
		hresult fail "$name" "warnings, see $logf"
		return 1
	fi
	hresult pass "$name"
}

lint() {
	local cp files
	cp="$(kernel_src_dir)/scripts/checkpatch.pl"
	files=$(cd "$tree" && ls src/*.[ch] src/tests/*.[ch] 2>/dev/null | grep -v "\.mod\.c$" |
		grep -vx src/compat.h)
	# src/compat.h is the one file that tests LINUX_VERSION_CODE; the uapi
	# headers' name lists are X-macros (a list of X(...) with no parentheses)
	if (cd "$tree" && perl "$cp" --strict --no-tree --quiet --show-types \
	    --ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG -f $files &&
	    perl "$cp" --strict --no-tree --quiet --show-types \
	    --ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG,LINUX_VERSION_CODE,CONSTANT_COMPARISON \
	    -f src/compat.h &&
	    perl "$cp" --strict --no-tree --quiet --show-types \
	    --ignore FILE_PATH_CHANGES,SPDX_LICENSE_TAG,COMPLEX_MACRO,MACRO_ARG_REUSE \
	    -f include/uapi/*.h) >"$out/checkpatch.log" 2>&1; then
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

# run_vm SERIES KDIR GUEST_JOB ONLY: boot the kernel in QEMU with the
# initramfs of $kout, run the guest job, and scan the console for splats
run_vm() {
	local series=$1 kdir=$2 gjob=$3 gonly=$4 limit=${IPCP_NEG_VM_TIMEOUT:-3600}
	log "booting the $series debug kernel in QEMU (job $gjob${gonly:+ $gonly}, limit ${limit} s)"
	run_guest -t "$limit" -c "$kout/console.log" "$kdir/arch/x86/boot/bzImage" \
		"$kout/initramfs.cpio.gz" "$kout/guest.results" \
		"log_buf_len=4M kasan.fault=report ipcp_neg.job=$gjob${gonly:+ ipcp_neg.only=$gonly}"
	judge_guest "$kout" $? "$limit"
}

# The KTAP the guest sent, parsed by the kunit.py of the tree that gives
# checkpatch too (kernel_src_dir's default series)
parse_kunit() {
	awk '/^BEGIN KTAP/ { on = 1; next } /^END KTAP/ { on = 0 } on' \
		"$kout/guest.results" >"$kout/kunit.ktap"
	[ -s "$kout/kunit.ktap" ] || return 0
	PYTHONDONTWRITEBYTECODE=1 python3 "$(kernel_src_dir)/tools/testing/kunit/kunit.py" \
		parse --json="$kout/kunit.json" "$kout/kunit.ktap" | tee "$kout/kunit.txt" | tail -n 3
}

# A step that stops the run still ends it with the summary line.
abort() {
	hresult fail "$1" "$2"
	finish
	exit 1
}

"$TOP/scripts/deps.sh" || abort deps "missing Debian packages"
for k in $kernels; do
	case " $KERNEL_SERIES " in
	*" $k "*) ;;
	*) abort kernel "IPCP_NEG_KERNEL: no test kernel series '$k' (one of: $KERNEL_SERIES)" ;;
	esac
done
# checkpatch and kunit.py come from the 6.1 tree, whichever kernels run
kernel_src_unpack || abort kernel-source "unpacking linux-source-6.1 failed"
[ "$job" = check ] && [ -z "$only" ] && lint
# The CLI, built the way "make tools" does, goes into the initramfs.
build_ipcpctl() {
	if make -s -B -f "$tree/tools/ipcpctl/Makefile" BIN="$out/ipcpctl" >"$out/ipcpctl.log" 2>&1; then
		hresult pass build-ipcpctl
	else
		cat "$out/ipcpctl.log"
		hresult fail build-ipcpctl "see $out/ipcpctl.log"
	fi
}

# The guest's test tools (tools/test/Makefile: every .c one program, every
# directory one program)
build_guest_tools() {
	local ok=1
	mkdir -p "$out/guest-bin"
	make -s -B -f "$tree/tools/test/Makefile" OUT="$out/guest-bin" \
	    >>"$out/guest-tools.log" 2>&1 || ok=0
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

# The benchmark module (bench/kmod) compiles src/ too: build it against
# each test kernel, warning free, so that "make bench" cannot break unnoticed
build_bench_kmod() {
	local kdir=$1 dir=$kout/bench-kmod
	rm -rf "$dir"
	mkdir -p "$dir"
	rsync -a --exclude out --exclude "*.o" --exclude "*.ko" --exclude ".*.cmd" \
		"$tree/src" "$tree/include" "$tree/bench" "$dir/"
	if make -C "$kdir" M="$dir/bench/kmod" W=1 modules >"$kout/bench-kmod.log" 2>&1 &&
	    ! grep -E 'warning:|error:' "$kout/bench-kmod.log"; then
		hresult pass build-bench-kmod
	else
		tail -n 30 "$kout/bench-kmod.log"
		hresult fail build-bench-kmod "see $kout/bench-kmod.log"
	fi
}

# CROSS_TESTS names only tests that exist
check_cross_tests() {
	local t bad=
	for t in ${CROSS_TESTS//,/ }; do
		[ -f "$tree/test/guest/integ/$t.sh" ] || bad="$bad $t"
	done
	if [ -z "$bad" ]; then
		hresult pass cross-tests
	else
		hresult fail cross-tests "CROSS_TESTS names no such test:$bad"
	fi
}

# test_kernel SERIES: build the debug test kernel of SERIES and the module
# against it, then run this job's part for that kernel in QEMU. Its
# results go to $out/SERIES and are named "SERIES/<name>".
test_kernel() {
	local series=$1 kdir gjob=$job gonly=$only
	kname=$series
	kout=$out/$series
	mkdir -p "$kout"
	host_results=$kout/host.results
	: >"$host_results"
	if [ "$job" = check ]; then
		if [ -n "$only" ]; then
			gjob=integ
		elif [ "$series" = 6.1 ]; then
			gonly=$CROSS_TESTS
		fi
	fi
	runs+=(--run "$series")
	[ "$gjob" = integ ] || runs+=($(expected_suites))
	kdir=$("$TOP/scripts/build-kernel.sh" debug "$series") || {
		hresult fail test-kernel "building the $series test kernel failed"
		return
	}
	[ -z "$only" ] && build_bench_kmod "$kdir"
	build_module build-test-kernel-w1 "$kdir" "$kout/build" W=1 || return
	if ! GUEST_BIN=$out/guest-bin IPCPCTL=$out/ipcpctl IPCP_NEG_SRC=$tree \
	    "$TOP/scripts/mkinitramfs.sh" "$kout/initramfs.cpio.gz" "$kout"/build/src/*.ko; then
		hresult fail initramfs "assembling the initramfs failed"
		return
	fi
	run_vm "$series" "$kdir" "$gjob" "$gonly"
	parse_kunit
}

build_ipcpctl
build_guest_tools
[ "$job" = check ] && [ -z "$only" ] && fuzz_smoke
[ "$job" = check ] && [ -z "$only" ] && check_cross_tests
for k in $kernels; do
	test_kernel "$k"
done
kname=
host_results=$out/host.results

# Debian's own kernels (scripts/stock.sh): its results in $out/stock,
# judged here with the rest, each kernel's named stock/stock-SERIES/...
stock_kernels() {
	local s
	for s in $STOCK_SERIES; do
		runs+=(--run "stock/stock-$s")
	done
	if IPCP_NEG_SRC=$tree IPCP_NEG_OUT=$out/stock "$TOP/scripts/stock.sh" $STOCK_SERIES \
	    >"$out/stock.log" 2>&1; then
		hresult pass stock-kernels
	else
		tail -n 20 "$out/stock.log"
		hresult fail stock-kernels "see $out/stock.log"
	fi
}
STOCK_SERIES="6.1 6.12"
[ "$job" = check ] && [ -z "$only" ] && [ "${IPCP_NEG_STOCK:-1}" != 0 ] && stock_kernels
finish
exit $?
