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
#   ipcp_neg.bench_secs=S   seconds per iperf3 run (default 5)
# Steps:
#  1. the bench module: engine negotiations/s and pool ops/s in the kernel
#     (loaded before ipcp_neg: both carry the engine's KUnit exports)
#  2. end to end, module: N module servers and N module clients over N pty
#     pairs joined by socat, from the first "ipcpctl attach" until all 2N
#     units have their negotiated address; Slab and MemAvailable
#     before/after, per unit (link end)
#  3. end to end, pppd: the same with pppd on both ends, as many pairs as
#     memory allows (batches of 50 while MemAvailable stays above 512 MB);
#     VmRSS of every pppd
#  4. data path: iperf3 over one module link, then over one pppd link
. /test/lib.sh

N=1000
NEG=20000
OPS=1000000
SECS=5
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

# 2. N module links, both ends in this namespace (server I on I.a, client
#    I on I.b, attached one after the other so that no server gives up
#    before its client comes; see README.rst)
bench_e2e_module() {
	local n=$1 i t0 t1 t2 slab0 slab1 avail0 avail1 a
	start_ptys "$n" || { result fail bench-e2e-module "ptys"; return; }
	mem_baseline
	slab0=$SLAB0 avail0=$AVAIL0 t0=$(now_ms)
	i=0
	while [ "$i" -lt "$n" ]; do
		a=$(addr_of "$i")
		ipcpctl attach --tty "/tmp/bp/$i.a" --role server \
			--local "10.1.$a" --remote "10.2.$a" >/dev/null ||
			say "server attach $i failed"
		ipcpctl attach --tty "/tmp/bp/$i.b" --role client >/dev/null ||
			say "client attach $i failed"
		i=$((i + 1))
	done
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
	t0=$(now_ms)
	rmmod ipcp_neg
	figure e2e_module_rmmod_ms $(($(now_ms) - t0)) ms
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

# iperf3 from this namespace to NETNS's ADDR: bits per second received
iperf_bps() {
	local srv bps
	ip netns exec "$1" iperf3 -s -1 -B "$2" >/dev/null 2>&1 &
	srv=$!
	# (wait_for reports on stdout, which is this function's result)
	wait_for 60 "iperf3 server" sh -c \
		"/usr/sbin/ip netns exec $1 cat /proc/net/tcp /proc/net/tcp6 | grep -q ' 0A '" >&2
	bps=$(iperf3 -c "$2" -t "$SECS" -f k 2>/dev/null |
		awk '/receiver/ { v = $7; u = $8 }
		     END { if (u == "Kbits/sec") printf "%d\n", v * 1000 }')
	stop_pid "$srv" >/dev/null 2>&1
	echo "${bps:-0}"
}

# 4. one link, module (server here, client in dm) then pppd (server here,
#    client in dp), over the same kind of socat pty pair
bench_datapath() {
	local mod ppp pid
	if ! command -v iperf3 >/dev/null; then
		result skip bench-datapath "iperf3 not in the initramfs (install it on the host)"
		return
	fi
	insmod "$MODDIR/ipcp_neg.ko"
	ip netns add dm && ip -n dm link set lo up
	start_ptys 1
	ipcpctl attach --tty /tmp/bp/0.a --role server --local 10.5.0.1 \
		--remote 10.5.0.2 >/dev/null
	ip netns exec dm ipcpctl attach --tty /tmp/bp/0.b --role client >/dev/null
	if wait_for 60 "module link up" links_up 1 &&
	    wait_for 60 "module client up" links_up 1 dm; then
		mod=$(iperf_bps dm 10.5.0.2)
	fi
	rmmod ipcp_neg
	stop_ptys
	ip netns del dm

	ip netns add dp && ip -n dp link set lo up
	start_ptys 1
	pppd /tmp/bp/0.a nodetach noauth local 10.6.0.1:10.6.0.2 >/dev/null 2>&1 &
	pid=$!
	ip netns exec dp pppd /tmp/bp/0.b nodetach noauth local noipdefault \
		>/dev/null 2>&1 &
	if wait_for 60 "pppd server up" links_up 1 &&
	    wait_for 60 "pppd client up" links_up 1 dp; then
		ppp=$(iperf_bps dp 10.6.0.2)
	fi
	for pid in $(pidof pppd); do
		kill "$pid"
	done
	wait_for 20 "pppd to exit" sh -c "! pidof pppd"
	stop_ptys
	ip netns del dp
	figure datapath_module_bps "${mod:-0}" bits/s
	figure datapath_pppd_bps "${ppp:-0}" bits/s
	if [ "${mod:-0}" -gt 0 ] && [ "${ppp:-0}" -gt 0 ]; then
		figure datapath_module_pct_of_pppd $((mod * 100 / ppp)) percent
		result pass bench-datapath
	else
		result fail bench-datapath "an iperf3 run gave no figure"
	fi
	grep -q '^ipcp_neg ' /proc/modules || insmod "$MODDIR/ipcp_neg.ko"
}

figure guest_mem_total_kb "$(meminfo MemTotal)" kB
figure guest_cpus "$(grep -c '^processor' /proc/cpuinfo)" count
bench_kmod
insmod "$MODDIR/ipcp_neg.ko" || result fail bench-module-load
bench_e2e_module "$N"
bench_e2e_pppd "$N"
bench_datapath
