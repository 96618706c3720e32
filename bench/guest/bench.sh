#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The bench job inside the VM (test/guest/run.sh bench): prints figures,
# asserts nothing about speed. Each figure goes to the results port as
#   FIGURE <key> <value> <unit>
# and each step reports "RESULT pass|fail bench-<step>" so that a broken
# step is visible. Parameters come from the kernel command line:
#   ipcp_neg.bench_n=N      links for the end-to-end figures (default 1000)
#   ipcp_neg.bench_neg=N    negotiations in the kernel engine figure
#   ipcp_neg.bench_ops=N    release+take pairs per kernel pool figure
#   ipcp_neg.bench_secs=S   seconds per iperf3 run (default 20)
# and from /bench/params (written by scripts/bench.sh, sourced):
#   RUNS        alternating runs of each iperf3 test and side (default 5)
#   TRANSPORTS  of the data path figures (default "pty pppoe")
#   STEPS       which steps run, in this order (default
#               "kmod e2e-module e2e-pppd datapath")
#   DP_PIN_PTY, DP_PIN_PPPOE  pppd's options pinned to what the module
#               negotiates, per transport (datapath.sh)
#   STALL_MIN   minutes a task may stay blocked in the kernel before the
#               job gives up (default 10; stall_watch)
# Steps:
#  kmod        the bench module: engine negotiations/s and pool ops/s in
#              the kernel (loaded before ipcp_neg: both carry the engine's
#              KUnit exports)
#  datapath    iperf3 through the module and through pppd (datapath.sh)
#  e2e-module  N module servers and N module clients over N pty pairs
#              joined by socat, attached by one "ipcpctl -batch" (or one
#              ipcpctl per link end when ipcpctl has no -batch), from the
#              first attach until all 2N units have their negotiated
#              address; Slab and MemAvailable before/after, per unit (link
#              end); the module's sizes from debugfs; then rmmod with every
#              link live (bounded wait)
#  e2e-pppd    the same with pppd on both ends, as many pairs as memory
#              allows (batches of 50 while MemAvailable stays above
#              512 MB); VmRSS of every pppd
. /test/lib.sh

N=1000
NEG=20000
OPS=1000000
SECS=20
RUNS=5
TRANSPORTS="pty pppoe"
STEPS="kmod e2e-module e2e-pppd datapath"
DP_PIN_PTY="asyncmap 0 novj noccp nopcomp noaccomp"
DP_PIN_PPPOE="novj noccp nopcomp noaccomp"
STALL_MIN=10
# shellcheck disable=SC1091 # written by scripts/bench.sh
[ -f /bench/params ] && . /bench/params
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	ipcp_neg.bench_n=*) N=${arg#*=} ;;
	ipcp_neg.bench_neg=*) NEG=${arg#*=} ;;
	ipcp_neg.bench_ops=*) OPS=${arg#*=} ;;
	ipcp_neg.bench_secs=*) SECS=${arg#*=} ;;
	esac
done

figure() {
	echo "FIGURE $1 $2 $3" >>"$RESULTS"
	say "figure $1 $2 $3"
}

# now_ms: monotonic milliseconds (uptime has 10 ms resolution)
now_ms() {
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

# wait_secs SECONDS DESCRIPTION COMMAND...: wait_for bounded by the clock,
# not by a count of polls: under emulation a poll of "ip" can take most of
# a second, and wait_for's 10 polls a second become minutes
wait_secs() {
	local end=$(($(now_ms) + $1 * 1000)) what=$2
	shift 2
	until "$@" >/dev/null 2>&1; do
		if [ "$(now_ms)" -ge "$end" ]; then
			say "timed out after $end ms of uptime waiting for: $what"
			return 1
		fi
		sleep 0.5
	done
}

meminfo() {
	awk -v k="$1:" '$1 == k { print $2 }' /proc/meminfo
}

# mem_baseline: drop what the kernel can drop, then SLAB0 and AVAIL0 are
# Slab and MemAvailable (kB), the baseline of a per-unit memory figure
mem_baseline() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	SLAB0=$(meminfo Slab)
	AVAIL0=$(meminfo MemAvailable)
}

# addr_of I: "H.L" part of link I's addresses (10.1.H.L and 10.2.H.L)
addr_of() {
	echo "$(($1 / 250)).$(($1 % 250 + 1))"
}

# count_peer [NETNS]: IPv4 addresses with a peer (negotiated PPP ones)
count_peer() {
	if [ -n "${1:-}" ]; then
		ip -n "$1" -4 -o addr show
	else
		ip -4 -o addr show
	fi 2>/dev/null | grep -c ' peer '
}

# start_ptys N: N pty pairs /tmp/bp/I.a <-> /tmp/bp/I.b, one socat each
start_ptys() {
	local i=0
	rm -rf /tmp/bp
	mkdir -p /tmp/bp
	: >/tmp/bp.pids
	while [ "$i" -lt "$1" ]; do
		socat "PTY,link=/tmp/bp/$i.a,raw,echo=0" \
			"PTY,link=/tmp/bp/$i.b,raw,echo=0" >/dev/null 2>&1 &
		echo $! >>/tmp/bp.pids
		i=$((i + 1))
	done
	wait_for 300 "$1 socat pty pairs" sh -c "[ \$(ls /tmp/bp | wc -l) -ge $(($1 * 2)) ]"
}

stop_ptys() {
	local pid
	for pid in $(cat /tmp/bp.pids); do
		kill "$pid" 2>/dev/null
	done
	wait_for 120 "every socat to exit" sh -c "! pidof socat"
	rm -rf /tmp/bp /tmp/bp.pids
}

# links_up COUNT [NETNS]: COUNT units have a negotiated (peer) address
links_up() {
	[ "$(count_peer "${2:-}")" -ge "$1" ]
}

# wait_up SECONDS COUNT: links_up polled once a second, not every 0.1 s as
# wait_for does: listing 2000 units costs the emulated CPU the links need
wait_up() {
	local n=0
	until links_up "$2"; do
		n=$((n + 1))
		if [ "$n" -ge "$1" ]; then
			say "timed out after $1 s waiting for $2 negotiated units"
			return 1
		fi
		sleep 1
	done
}

# 1. the engine and pools in the kernel
bench_kmod() {
	local ko=$MODDIR/ipcp_neg_bench.ko
	grep -q '^ipcp_neg ' /proc/modules && rmmod ipcp_neg
	# a failed run still prints what it measured, and kernel_bench_ok 0
	insmod "$ko" n="$NEG" pool_ops="$OPS" && rmmod ipcp_neg_bench
	dmesg | sed -n 's/.*ipcp_neg_bench: figure //p' | while read -r k v u; do
		figure "$k" "$v" "$u"
	done
	if dmesg | grep -q 'ipcp_neg_bench: figure kernel_bench_ok 1 '; then
		result pass bench-kmod
	else
		result fail bench-kmod "see the console"
	fi
}

# module_sizes: the sizes of the module's per-link objects, as its debugfs
# file lists them ("NAME[:] BYTES" lines), as figures size_<NAME>; or
# figure module_sizes_listed 0 when there is no such file
module_sizes() {
	local f n=0 k v rest
	for f in /sys/kernel/debug/ipcp_neg/sizes*; do
		[ -f "$f" ] || continue
		say "module sizes ($f):"
		cat "$f"
		# NAME SIZEOF KMALLOC COUNT; the per_link row: NAME - TOTAL -
		while read -r k v slab rest; do
			k=${k%:}
			if [ "$k" = per_link ]; then
				case $slab in
				'' | *[!0-9]*) ;;
				*) figure alloc_per_link "$slab" bytes ;;
				esac
				continue
			fi
			case $v in
			'' | *[!0-9]*) continue ;;
			esac
			figure "size_$k" "$v" bytes
			n=$((n + 1))
		done <"$f"
	done
	figure module_sizes_listed "$n" count
}

# batch_file N FILE: the attach commands of N links for "ipcpctl -batch",
# server I on I.a then client I on I.b
batch_file() {
	local i=0 a
	: >"$2"
	while [ "$i" -lt "$1" ]; do
		a=$(addr_of "$i")
		echo "attach --tty /tmp/bp/$i.a --role server --local 10.1.$a --remote 10.2.$a" >>"$2"
		echo "attach --tty /tmp/bp/$i.b --role client" >>"$2"
		i=$((i + 1))
	done
}

# attach_each N: the same links, one ipcpctl process per link end
attach_each() {
	local i=0 a
	while [ "$i" -lt "$1" ]; do
		a=$(addr_of "$i")
		ipcpctl attach --tty "/tmp/bp/$i.a" --role server \
			--local "10.1.$a" --remote "10.2.$a" >/dev/null ||
			say "server attach $i failed"
		ipcpctl attach --tty "/tmp/bp/$i.b" --role client >/dev/null ||
			say "client attach $i failed"
		i=$((i + 1))
	done
}

# rmmod_timed LIMIT: unload ipcp_neg with every link live, waiting at most
# LIMIT seconds; figure e2e_module_rmmod_ms (busybox date has no %N: ms
# from /proc/uptime, 10 ms resolution), or e2e_module_rmmod_timeout
rmmod_timed() {
	local t0 pid
	t0=$(now_ms)
	rmmod ipcp_neg &
	pid=$!
	if wait_for "$1" "rmmod ipcp_neg" sh -c "! kill -0 $pid"; then
		figure e2e_module_rmmod_ms $(($(now_ms) - t0)) ms
	else
		figure e2e_module_rmmod_timeout "$1" s
	fi
}

# 2. N module links, both ends in this namespace (server I on I.a, client
#    I on I.b, attached one after the other so that no server gives up
#    before its client comes; see README.rst)
bench_e2e_module() {
	local n=$1 t0 t1 t2 slab0 slab1 avail0 avail1 batch=0
	load_module
	module_sizes
	start_ptys "$n" || { result fail bench-e2e-module "ptys"; return; }
	ipcpctl -batch /dev/null >/dev/null 2>&1 && batch=1
	[ "$batch" = 1 ] && batch_file "$n" /tmp/bp.batch
	figure e2e_module_batch "$batch" bool
	mem_baseline
	slab0=$SLAB0 avail0=$AVAIL0 t0=$(now_ms)
	if [ "$batch" = 1 ]; then
		ipcpctl -batch /tmp/bp.batch >/dev/null ||
			say "ipcpctl -batch failed"
	else
		attach_each "$n"
	fi
	t1=$(now_ms)
	if wait_up 900 $((2 * n)); then
		t2=$(now_ms)
		slab1=$(meminfo Slab)
		avail1=$(meminfo MemAvailable)
		figure e2e_module_links "$n" count
		figure e2e_module_attach_ms $((t1 - t0)) ms
		figure e2e_module_open_ms $((t2 - t0)) ms
		figure e2e_module_us_per_link $(((t2 - t0) * 1000 / n)) us
		figure e2e_module_slab_per_unit $(((slab1 - slab0) * 512 / n)) bytes
		figure e2e_module_memavail_per_unit $(((avail0 - avail1) * 512 / n)) bytes
		result pass bench-e2e-module
	else
		say "units with a negotiated address: $(count_peer) of $((2 * n))"
		result fail bench-e2e-module "not every link came up"
	fi
	# Unload with every link live: each is sent a Terminate-Request and
	# all wait together (up to 1 s) for Terminate-Acks, which the peers,
	# unloaded too, do not all send
	figure e2e_module_rmmod_units "$(ip -o link show | grep -c ': ppp[0-9]*:')" count
	rmmod_timed 900
	stop_ptys
}

pppd_rss_kb() {
	local pid sum=0 kb
	for pid in $(pidof pppd); do
		kb=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$pid/status" 2>/dev/null)
		sum=$((sum + ${kb:-0}))
	done
	echo "$sum"
}

# 3. pppd pairs, the same way: server I on I.a, client I on I.b, as many
#    as memory allows (batches of 50 while MemAvailable > 512 MB)
bench_e2e_pppd() {
	local want=$1 n=0 i t0 t1 slab0 slab1 avail0 avail1 a end rss
	# pppd's best case: no ip-up/ip-down scripts to run per link
	mv /etc/ppp/ip-up /etc/ppp/ip-up.off
	mv /etc/ppp/ip-down /etc/ppp/ip-down.off
	start_ptys "$want" || { result fail bench-e2e-pppd "ptys"; return; }
	mem_baseline
	slab0=$SLAB0 avail0=$AVAIL0 t0=$(now_ms)
	while [ "$n" -lt "$want" ]; do
		if [ "$(meminfo MemAvailable)" -lt 524288 ]; then
			say "pppd pairs limited by memory at $n"
			break
		fi
		end=$((n + 50))
		[ "$end" -gt "$want" ] && end=$want
		while [ "$n" -lt "$end" ]; do
			a=$(addr_of "$n")
			pppd "/tmp/bp/$n.a" nodetach noauth local \
				"10.1.$a:10.2.$a" >/dev/null 2>&1 &
			pppd "/tmp/bp/$n.b" nodetach noauth local noipdefault \
				>/dev/null 2>&1 &
			n=$((n + 1))
		done
	done
	figure e2e_pppd_links "$n" count
	if wait_up 1200 $((2 * n)); then
		t1=$(now_ms)
		slab1=$(meminfo Slab)
		avail1=$(meminfo MemAvailable)
		rss=$(pppd_rss_kb)
		figure e2e_pppd_open_ms $((t1 - t0)) ms
		figure e2e_pppd_us_per_link $(((t1 - t0) * 1000 / n)) us
		figure e2e_pppd_slab_per_unit $(((slab1 - slab0) * 512 / n)) bytes
		figure e2e_pppd_memavail_per_unit $(((avail0 - avail1) * 512 / n)) bytes
		figure e2e_pppd_rss_per_unit $((rss * 512 / n)) bytes
		figure e2e_pppd_processes "$(pidof pppd | wc -w)" count
		result pass bench-e2e-pppd
	else
		say "units with a negotiated address: $(count_peer) of $((2 * n))"
		result fail bench-e2e-pppd "not every pair came up"
	fi
	for i in $(pidof pppd); do
		kill "$i"
	done
	wait_for 300 "every pppd to exit" sh -c "! pidof pppd"
	stop_ptys
	mv /etc/ppp/ip-up.off /etc/ppp/ip-up
	mv /etc/ppp/ip-down.off /etc/ppp/ip-down
}

. /bench/datapath.sh

figure guest_mem_total_kb "$(meminfo MemTotal)" kB
figure guest_cpus "$(grep -c '^processor' /proc/cpuinfo)" count
# stall_watch: every 60 s, the kernel stacks of the tasks that were in D
# state (uninterruptible) at two scans in a row, to the console: a step
# that hangs in the kernel shows where. One awk over every status file,
# not a process per task: there are 4000 of them during e2e-pppd. When
# some task stays blocked for STALL_MIN minutes, the job cannot go on:
# RESULT fail bench-stall, and the VM ends (reboot -f; QEMU exits), so
# that the host prints what was measured instead of waiting for its limit.
stall_watch() {
	local prev="" cur p n=0 blocked
	while sleep 60; do
		cur=$(awk '$1 == "State:" && $2 == "D" {
			f = FILENAME; sub("^/proc/", "", f); sub("/status$", "", f)
			printf "%s ", f; nextfile }' /proc/[0-9]*/status 2>/dev/null)
		blocked=
		for p in $cur; do
			case " $prev " in
			*" $p "*)
				blocked="$blocked $p($(cat "/proc/$p/comm" 2>/dev/null))"
				say "task $p ($(cat "/proc/$p/comm" 2>/dev/null)) blocked for 60 s or more:"
				cat "/proc/$p/stack" 2>/dev/null
				;;
			esac
		done
		prev=$cur
		if [ -z "$blocked" ]; then
			n=0
			continue
		fi
		n=$((n + 1))
		if [ "$n" -ge "$STALL_MIN" ]; then
			result fail bench-stall "blocked in the kernel for $n min:$blocked"
			sync
			reboot -f
		fi
	done
}

stall_watch &
WATCH_PID=$!
for step in $STEPS; do
	say "bench step $step"
	case $step in
	kmod) bench_kmod ;;
	datapath) bench_datapath ;;
	e2e-module) bench_e2e_module "$N" ;;
	e2e-pppd) bench_e2e_pppd "$N" ;;
	*) result fail "bench-$step" "no such step" ;;
	esac
done
kill "$WATCH_PID" 2>/dev/null
