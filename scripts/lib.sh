# SPDX-License-Identifier: GPL-2.0
# Shared settings for the ipcp_neg build and test scripts (sourced, not run).

IPCP_NEG_CACHE=${IPCP_NEG_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ipcp_neg}
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() {
	echo "$(basename "$0"): $*" >&2
	exit 1
}

log() {
	echo "==> $*" >&2
}

# The kernel series the test kernels are built from (Debian 12's
# linux-source-SERIES packages); the first is the default, and its tree
# also gives the jobs checkpatch and kunit.py
KERNEL_SERIES="6.1 6.12"

# kernel_pkg_version [SERIES]: the Debian source package version of
# linux-source-SERIES (default 6.1), e.g. 6.1.192-3 or 6.12.117-1~deb12u1
kernel_pkg_version() {
	dpkg-query -W -f='${Version}' "linux-source-${1:-6.1}" 2>/dev/null
}

# kernel_src_dir [SERIES]: the unpacked source tree of linux-source-SERIES
# (default 6.1), unpacked once per package version
kernel_src_dir() {
	local series=${1:-6.1}
	echo "$IPCP_NEG_CACHE/linux-source-$series-$(kernel_pkg_version "$series")"
}

# kernel_src_unpack [SERIES]: unpack linux-source-SERIES (default 6.1)
# into kernel_src_dir unless that is done already
kernel_src_unpack() {
	local series=${1:-6.1} src tarball
	tarball=/usr/src/linux-source-$series.tar.xz
	src=$(kernel_src_dir "$series")
	[ -f "$src/.unpacked" ] && return 0
	[ -f "$tarball" ] || die "linux-source-$series is not installed (run: make deps)"
	log "unpacking linux-source-$series $(kernel_pkg_version "$series") into $src"
	rm -rf "$src" "$src.tmp"
	mkdir -p "$src.tmp"
	tar -C "$src.tmp" --strip-components=1 -xf "$tarball" || return 1
	mv "$src.tmp" "$src"
	touch "$src/.unpacked"
}

# The start of every test VM's kernel command line. no_timer_check: on a
# loaded host TCG can run the boot-time IO-APIC timer check too slowly,
# and the kernel then panics ("IO-APIC + timer doesn't work!"), seen here
# with four VMs and a kernel build at once
GUEST_CMDLINE="console=ttyS0 panic=-1 no_timer_check"
# Two CPUs as two sockets: the test kernels read the CPUs from SeaBIOS's MP
# table (no ACPI), which lists one processor per socket, and QEMU 7.2's
# plain "-smp 2" is one socket of two cores (seen: 1 CPU online)
GUEST_SMP="2,sockets=2,cores=1"

# What counts as a kernel splat on a test VM's console (grep -E)
SPLAT_RE='WARNING:|BUG:|KASAN|UBSAN|kernel BUG|Oops|general protection|Kernel panic|'
SPLAT_RE+='possible recursive locking|possible circular locking|inconsistent lock state|'
SPLAT_RE+='suspicious RCU usage|unreferenced object|ODEBUG|Call Trace:|list_(add|del) corruption'

# find_splats CONSOLE_LOG: print its splat lines, with 5 lines before and
# 30 after each when CONTEXT=1. The stack the kernel dumps itself when an
# injected -ENOMEM fails a sysctl registration (fault.sh: "sysctl could
# not get directory: ... -12", a pr_err plus dump_stack) is not a splat.
find_splats() {
	awk '/sysctl could not get directory: .* -12/ { skip = 60; next }
	     skip && /<\/TASK>/ { skip = 0; next }
	     skip { skip--; next }
	     { print }' "$1" |
		if [ "${CONTEXT:-0}" = 1 ]; then
			grep -E -B 5 -A 30 "$SPLAT_RE"
		else
			grep -E "$SPLAT_RE"
		fi
}

# run_guest [-m MiB] [-t SECONDS] [-c CONSOLE] KERNEL INITRAMFS RESULTS APPEND [QEMU_ARG...]
# The one QEMU command line of every job: KERNEL with INITRAMFS under TCG,
# GUEST_SMP CPUs, MiB of memory (default 2048), kernel command line
# "GUEST_CMDLINE APPEND"; the guest's console (ttyS0) into the file CONSOLE
# (default "-": this stdout), its results port (ttyS1) into the file
# RESULTS; killed after SECONDS (default 3600). QEMU_ARGs (-device, -drive,
# ...) come last. Returns QEMU's exit status, 124 when the time ran out.
run_guest() {
	local mem=2048 limit=3600 console=- opt OPTIND=1 cmd
	while getopts m:t:c: opt; do
		case $opt in
		m) mem=$OPTARG ;;
		t) limit=$OPTARG ;;
		c) console=$OPTARG ;;
		*) return 2 ;;
		esac
	done
	shift $((OPTIND - 1))
	cmd=(timeout --foreground -k 10 "$limit"
		qemu-system-x86_64 -accel tcg -m "$mem" -smp "$GUEST_SMP"
		-nographic -no-reboot -monitor none -serial stdio -serial "file:$3"
		-kernel "$1" -initrd "$2" -append "$GUEST_CMDLINE $4")
	shift 4
	if [ "$console" = - ]; then
		"${cmd[@]}" "$@" </dev/null 2>&1
	else
		"${cmd[@]}" "$@" </dev/null >"$console" 2>&1
	fi
}

# guest_done RESULTS: the guest finished its job (run.sh writes DONE last)
guest_done() {
	tail -n 1 "$1" 2>/dev/null | grep -q '^DONE'
}

# judge_guest DIR RC LIMIT: the results of a test VM's run, through the
# caller's hresult STATUS NAME [DETAIL]: vm (only when RC says the LIMIT
# of seconds ran out), vm-complete (DIR/guest.results ends with DONE),
# kernel-clean (no splat on DIR/console.log; the splats go to
# DIR/splats.log, and with context to stdout)
judge_guest() {
	local dir=$1
	[ "$2" = 124 ] && hresult fail vm "timed out after $3 s"
	if guest_done "$dir/guest.results"; then
		hresult pass vm-complete
	else
		tail -n 40 "$dir/console.log"
		hresult fail vm-complete "the guest did not finish its job (see $dir/console.log)"
	fi
	if find_splats "$dir/console.log" >"$dir/splats.log"; then
		CONTEXT=1 find_splats "$dir/console.log" | head -n 200
		hresult fail kernel-clean "kernel splat on the console: $(head -n 1 "$dir/splats.log")"
	else
		hresult pass kernel-clean
	fi
}
