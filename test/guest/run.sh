#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest-side job runner. check: KUnit suites, then the integration tests
# (every one, or those ipcp_neg.only names), then module unload and a
# kmemleak scan. kunit: the KUnit part only. integ: check without KUnit.
# demo: the demonstration. bench: the benchmarks (scripts/bench.sh).
# Ends by writing "DONE" to the results port.
. /test/lib.sh

# The KTAP the test module printed, as one document on the results port.
# Read from the kernel log between two markers: on 6.1 the debugfs results
# keep only the last parameter of a parameterised case. 6.1 prints a
# module's suites without the top-level header, 6.12 with one: drop it if
# there, add one, and number the suites' result lines from 1 in case
# another test module ran before.
kunit_results() {
	dmesg | sed -n '/ipcp_neg-ktap-begin/,/ipcp_neg-ktap-end/p' |
		sed -e 's/^\[ *[0-9.]*\] //' -e '/ipcp_neg-ktap-/d' \
		    -e '/^KTAP version /d' -e '/^1\.\.[0-9]*$/d' >/tmp/ktap
	{
		echo "BEGIN KTAP"
		echo "KTAP version 1"
		echo "1..$(grep -c '^    # Subtest:' /tmp/ktap)"
		awk '/^(not )?ok [0-9]+ / { n++; sub(/ok [0-9]+ /, "ok " n " ") } { print }' /tmp/ktap
		echo "END KTAP"
	} >>"$RESULTS"
}

run_kunit() {
	if insmod "$MODDIR/ipcp_neg.ko"; then
		result pass module-load
	else
		result fail module-load "insmod ipcp_neg.ko failed"
		return
	fi
	echo ipcp_neg-ktap-begin >/dev/kmsg
	if insmod "$MODDIR/ipcp_neg_test.ko"; then
		echo ipcp_neg-ktap-end >/dev/kmsg
		kunit_results
		rmmod ipcp_neg_test || result fail test-module-unload
	else
		result fail kunit "insmod ipcp_neg_test.ko failed"
	fi
}

# selected NAME: NAME matches one of the comma-separated globs in
# IPCP_NEG_ONLY (all names when it is empty)
selected() {
	local IFS=, pat
	set -f
	for pat in ${IPCP_NEG_ONLY:-*}; do
		# shellcheck disable=SC2254
		case "$1" in $pat) set +f; return 0 ;; esac
	done
	set +f
	return 1
}

# Each integration test is a script that reports its own results; a script
# that dies or hangs without reporting is caught here. Scripts run in name
# order.
run_integ() {
	local t name limit
	for t in /test/integ/*.sh; do
		[ -e "$t" ] || continue
		name=$(basename "$t" .sh)
		selected "$name" || continue
		# a script may raise its limit with a line "# timeout: SECONDS"
		limit=$(sed -n 's/^# timeout: \([0-9]*\)$/\1/p' "$t")
		say "--- integration: $name"
		# the stress job's long versions run without the limit
		[ -n "${IPCP_NEG_STRESS:-}" ] && limit=$IPCP_NEG_STRESS
		if ! timeout "${limit:-180}" sh "$t"; then
			result fail "$name" "script exited non-zero or timed out"
		fi
	done
}

unload_and_scan() {
	if grep -q '^ipcp_neg ' /proc/modules; then
		if rmmod ipcp_neg; then
			result pass module-unload
		else
			result fail module-unload "rmmod ipcp_neg failed"
		fi
	fi
	[ -e /sys/kernel/debug/kmemleak ] || return 0
	# kmemleak only reports objects older than 5 s: let them age, then scan
	sleep 6
	echo scan >/sys/kernel/debug/kmemleak
	cat /sys/kernel/debug/kmemleak
}

# Races only show on SMP: every VM runs with two CPUs and must bring both
# up (the test kernels need CONFIG_X86_MPPARSE for SeaBIOS's MP table, and
# QEMU two sockets: scripts/lib.sh GUEST_SMP)
guest_cpus() {
	local n
	n=$(nproc)
	if [ "$n" -ge 2 ]; then
		result pass guest-cpus "$n CPUs online"
	else
		result fail guest-cpus "$n CPU online, 2 expected"
	fi
}

[ "$1" = demo ] || guest_cpus
case "$1" in
kunit)
	run_kunit
	unload_and_scan
	;;
check)
	run_kunit
	run_integ
	unload_and_scan
	;;
integ)
	insmod "$MODDIR/ipcp_neg.ko" && result pass module-load
	run_integ
	unload_and_scan
	;;
stress)
	# the long versions (scripts/stress.sh: ipcp_neg.flaps=N)
	insmod "$MODDIR/ipcp_neg.ko" && result pass module-load
	IPCP_NEG_STRESS=86400 run_integ
	unload_and_scan
	;;
stock)
	# Debian's own kernel (scripts/stock.sh): the PPP modules are modules
	# there, and ours is a DKMS build under updates/dkms. modprobe (kmod's,
	# by path: busybox's applet would win otherwise) loads it with its
	# dependencies; the tests' own "insmod $MODDIR/ipcp_neg.ko" then works
	# since those stay loaded
	for m in ppp_async pppoe veth; do
		/usr/sbin/modprobe "$m" || result fail "modprobe-$m"
	done
	if /usr/sbin/modprobe ipcp_neg; then
		result pass module-load "$(/usr/sbin/modinfo -F filename ipcp_neg)"
	else
		result fail module-load "modprobe ipcp_neg failed"
	fi
	[ -c /dev/ppp ] && result pass dev-ppp || result fail dev-ppp "no /dev/ppp"
	say "taint: $(cat /proc/sys/kernel/tainted), uptime before the tests: $(cut -d" " -f1 /proc/uptime) s"
	run_integ
	unload_and_scan
	;;
demo)
	sh /test/demo.sh
	;;
bench)
	# figures, not tests: scripts/bench.sh appends /bench to the initramfs
	if [ -f /bench/bench.sh ]; then
		sh /bench/bench.sh
	else
		result fail bench "no /bench/bench.sh in the initramfs"
	fi
	;;
esac
echo DONE >>"$RESULTS"
