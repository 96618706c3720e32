#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 900
# Fault injection on the configuration paths and during negotiation.
#  - fault-pool-add, fault-attach, fault-sysfs-pool: the Nth fault-injection
#    point of the configuring task fails, for N = 1, 2, ... until the
#    operation runs with no injected failure left (the sweep covers every
#    allocation on the path once). /proc/thread-self/fail-nth is the
#    task filter: it counts only that task's allocations (failslab with
#    GFP_KERNEL included; a second sweep counts page allocations only) and
#    survives the exec of ipcpctl. A run that failed must exit non-zero
#    and leave no pool, link or unit; a run that succeeded despite a
#    failure must have made a whole pool or link. The injected failures
#    are counted through the attributes' "times".
#  - fault-negotiation: a window of probability-based failslab on atomic
#    allocations (frames, timers' work: no task filter is possible in
#    softirq) while a link negotiates with pppd; then the link is either
#    Opened with the right addresses or gone without address, and a fresh
#    negotiation works.
# The harness checks the console for splats and kmemleak at the end.
. /test/lib.sh
. /test/stress_lib.sh

POOLS=/sys/kernel/ipcp_neg/pools
SWEEP_MAX=${SWEEP_MAX:-4000}
# The attach path passes hundreds of fault points, most in ppp_generic and
# the net core, and a run that survives its failure costs seconds (detach
# waits for a Terminate-Ack nobody sends): "make check" fails every 25th
# point of it, the stress job ("make stress") every one.
ATTACH_STRIDE=25
grep -q 'ipcp_neg.job=stress' /proc/cmdline && ATTACH_STRIDE=1

# fi_nth_setup slab|page: which allocations fail-nth counts
fi_nth_setup() {
	fi_reset
	if [ "$1" = slab ]; then
		echo N >"$FI/failslab/ignore-gfp-wait"
		echo N >"$FI/failslab/cache-filter"
		echo Y >"$FI/fail_page_alloc/ignore-gfp-wait"
		echo 1 >"$FI/fail_page_alloc/min-order"
	else
		echo Y >"$FI/failslab/cache-filter"	# no cache is marked
		echo N >"$FI/fail_page_alloc/ignore-gfp-wait"
		echo N >"$FI/fail_page_alloc/ignore-gfp-highmem"
		echo 0 >"$FI/fail_page_alloc/min-order"
	fi
}

fi_nth_restore() {
	fi_reset
	echo Y >"$FI/failslab/ignore-gfp-wait"
	echo N >"$FI/failslab/cache-filter"
	echo Y >"$FI/fail_page_alloc/ignore-gfp-wait"
	echo 1 >"$FI/fail_page_alloc/min-order"
}

# fi_arm: times 1 on both, so that a hit shows as 0
fi_arm() {
	echo 1 >"$FI/failslab/times"
	echo 1 >"$FI/fail_page_alloc/times"
}

# fi_hit: the last run had its failure injected
fi_hit() {
	[ "$(fi_left failslab)" = 0 ] || [ "$(fi_left fail_page_alloc)" = 0 ]
}

# nth N CMD...: run CMD (in a child shell) with its Nth fault point failing;
# CMD's stdout/stderr go to /tmp/nth.out
nth() {
	local n=$1
	shift
	fi_arm
	sh -c 'echo "$0" >/proc/thread-self/fail-nth && exec "$@"' "$n" "$@" \
		>/tmp/nth.out 2>&1
}

# calibrate CMD...: the number of fault points CMD passes (binary search on
# fail-nth: is the Nth one reached?); prints it
calibrate() {
	local lo=0 hi=$SWEEP_MAX mid
	while [ $((hi - lo)) -gt 1 ]; do
		mid=$(((lo + hi) / 2))
		nth "$mid" "$@"
		if fi_hit; then lo=$mid; else hi=$mid; fi
	done
	echo "$lo"
}

pool_absent() {
	! ipcpctl pool del "$1" >/dev/null 2>&1 &&
		{ [ ! -d "$POOLS" ] || [ ! -e "$POOLS/$1" ]; }
}

# sweep_pool_add KIND NAME RANGE: ipcpctl pool add under fail-nth
sweep_pool_add() {
	local kind=$1 name=$2 range=$3 start n hits=0 bad=0 rc tag
	tag="fault-pool-add-$kind"
	FAILED=
	fi_nth_setup "$kind"
	# the prefix ipcpctl runs before the ioctl: exec, libc, open
	start=$(calibrate ipcpctl pool del no-such-pool)
	say "  $tag: $start fault points before the control device's ioctl"
	# page faults make the page prefix vary from run to run: start well
	# before it then
	n=$((start > 20 ? start - 20 : 1))
	[ "$kind" = page ] && n=$((start / 2 + 1))
	while [ "$n" -le "$SWEEP_MAX" ]; do
		nth "$n" ipcpctl pool add "$name" "$range"
		rc=$?
		if ! fi_hit; then
			if [ "$rc" = 0 ]; then
				ipcpctl pool del "$name"
			else
				note "pool add failed with no injected failure: $(cat /tmp/nth.out)"
			fi
			break
		fi
		hits=$((hits + 1))
		if [ "$rc" = 0 ]; then
			ipcpctl pool del "$name" >/dev/null 2>&1 ||
				{ bad=$((bad + 1)); say "  N=$n: pool add succeeded but left no pool"; }
		elif ! pool_absent "$name"; then
			bad=$((bad + 1))
			say "  N=$n: failed pool add left pool $name behind: $(cat /tmp/nth.out)"
		fi
		n=$((n + 1))
	done
	fi_nth_restore
	check "$tag: every failure clean ($hits injected, $bad unclean)" [ "$bad" = 0 ]
	check "$tag: the sweep ended (N=$n)" [ "$n" -le "$SWEEP_MAX" ]
	check "$tag: the pool works afterwards" ipcpctl pool add "$name" "$range"
	check "$tag: and goes" ipcpctl pool del "$name"
	say "  $tag: $hits injected failures"
	report "$tag"
}

# no_ppp_unit: no pppN in this namespace (no exec: this runs per iteration)
no_ppp_unit() {
	local d
	for d in /sys/class/net/ppp*; do
		[ -e "$d" ] && return 1
	done
	return 0
}

# link_ids_absent FROM TO: no link has an id in FROM..TO
link_ids_absent() {
	local i=$1
	while [ "$i" -le "$2" ]; do
		ipcpctl status "$i" >/dev/null 2>&1 && return 1
		i=$((i + 1))
	done
}

# fresh_tty: a pty pair for the sweep whose module end the shell holds open
# (fd 5), so that the end closed by a failed ipcpctl does not end socat
fresh_tty() {
	exec 5>&-
	stop_pidfile /tmp/fa.socat-pid
	pty_pair fa || return 1
	exec 5<>/tmp/fa.pty
}

sweep_attach() {
	local start n hits=0 bad=0 rc last= first out retry=0
	FAILED=
	fresh_tty || { result fail fault-attach "no pty pair"; return; }
	# the link id the next attach gets
	attach_in "" --tty /tmp/fa.pty --role server --local 10.0.42.1 \
		--remote 10.0.42.2 || { result fail fault-attach "attach failed"; return; }
	first=$((ID + 1))
	last=$first
	ipcpctl detach "$ID"
	fresh_tty
	fi_nth_setup slab
	start=$(calibrate ipcpctl attach --tty /tmp/no-such-tty --role server \
		--local 10.0.42.1 --remote 10.0.42.2)
	say "  fault-attach: $start fault points before the tty is opened; every ${ATTACH_STRIDE} after"
	n=$((start > 20 ? start - 20 : 1))
	while [ "$n" -le "$SWEEP_MAX" ]; do
		nth "$n" ipcpctl attach --tty /tmp/fa.pty --role server \
			--local 10.0.42.1 --remote 10.0.42.2
		rc=$?
		out=$(cat /tmp/nth.out)
		if [ "$rc" != 0 ] && echo "$out" | grep -q 'already attached to PPP'; then
			# an earlier run left the tty in N_PPP: not the module's
			retry=$((retry + 1))
			[ "$retry" -gt 3 ] && { note "tty stays in N_PPP"; break; }
			fresh_tty
			continue
		fi
		retry=0
		if ! fi_hit; then
			[ "$rc" = 0 ] || note "attach failed with no injected failure: $out"
			if [ "$rc" = 0 ]; then
				set -- $out
				last=$2
				ipcpctl detach "$2"
			fi
			break
		fi
		hits=$((hits + 1))
		if [ "$rc" = 0 ]; then
			set -- $out
			if ! ipcpctl status "$2" >/dev/null ||
			    [ ! -e "/sys/class/net/$1" ]; then
				bad=$((bad + 1))
				say "  N=$n: attach succeeded but made no whole link: $out"
			fi
			ipcpctl detach "$2" >/dev/null 2>&1
			if ! wait_for 10 "no ppp unit" no_ppp_unit; then
				bad=$((bad + 1))
				say "  N=$n: detach left a unit"
			fi
			fresh_tty
		elif ! no_ppp_unit; then
			bad=$((bad + 1))
			say "  N=$n: failed attach left a unit or link: $out"
			ip -o link show | grep ppp
		fi
		n=$((n + ATTACH_STRIDE))
	done
	fi_nth_restore
	check "fault-attach: every failure clean ($hits injected, $bad unclean)" [ "$bad" = 0 ]
	check "fault-attach: the sweep ended (N=$n)" [ "$n" -le "$SWEEP_MAX" ]
	check "fault-attach: no unit left" wait_for 10 "no ppp unit" no_ppp_unit
	# every link the failed runs created (ids first..last-1) is gone
	check "fault-attach: no link left (ids $first-$((last - 1)))" \
		link_ids_absent "$first" $((last - 1))
	exec 5>&-
	stop_pidfile /tmp/fa.socat-pid
	say "  fault-attach: $hits injected failures"
	report fault-attach
}

# sysfs_nth N FILE VALUE: write VALUE to FILE from this shell (a builtin:
# no exec) with its Nth fault point failing
sysfs_nth() {
	fi_arm
	echo "$1" >/proc/thread-self/fail-nth && echo "$3" 2>/dev/null >"$2"
	local rc=$?
	echo 0 >/proc/thread-self/fail-nth
	return $rc
}

# sweep_sysfs_pool: pools/create, then a range, under fail-nth
sweep_sysfs_pool() {
	local n=1 hits=0 bad=0 rc
	FAILED=
	if [ ! -e "$POOLS/create" ]; then
		result skip fault-sysfs-pool "no $POOLS/create in this module"
		return
	fi
	fi_nth_setup slab
	while [ "$n" -le "$SWEEP_MAX" ]; do
		sysfs_nth "$n" "$POOLS/create" fsys
		rc=$?
		if ! fi_hit; then
			[ "$rc" = 0 ] || note "pools/create failed with no injected failure"
			break
		fi
		hits=$((hits + 1))
		if [ "$rc" = 0 ]; then
			[ -e "$POOLS/fsys/ranges" ] ||
				{ bad=$((bad + 1)); say "  N=$n: create succeeded, no pool directory"; }
			echo fsys >"$POOLS/delete" 2>/dev/null
		elif [ -e "$POOLS/fsys" ] || ipcpctl pool del fsys >/dev/null 2>&1; then
			bad=$((bad + 1))
			say "  N=$n: failed create left pool fsys"
		fi
		n=$((n + 1))
	done
	check "pools/create: every failure clean ($hits injected, $bad unclean)" [ "$bad" = 0 ]
	check "pools/create made fsys" [ -e "$POOLS/fsys/ranges" ]
	local rhits=0
	n=1
	while [ "$n" -le "$SWEEP_MAX" ]; do
		sysfs_nth "$n" "$POOLS/fsys/ranges" 10.0.43.0/24
		rc=$?
		if ! fi_hit; then
			[ "$rc" = 0 ] || note "ranges failed with no injected failure"
			break
		fi
		rhits=$((rhits + 1))
		if [ "$rc" = 0 ]; then
			[ "$(cat "$POOLS/fsys/total")" -gt 0 ] ||
				{ bad=$((bad + 1)); say "  N=$n: range added but total is 0"; }
			echo fsys >"$POOLS/delete" && echo fsys >"$POOLS/create"
		elif [ -n "$(cat "$POOLS/fsys/ranges")" ] ||
		    [ "$(cat "$POOLS/fsys/total")" != 0 ]; then
			bad=$((bad + 1))
			say "  N=$n: failed range write left a range"
			echo fsys >"$POOLS/delete" && echo fsys >"$POOLS/create"
		fi
		n=$((n + 1))
	done
	fi_nth_restore
	check "ranges: every failure clean ($rhits injected, $bad unclean)" [ "$bad" = 0 ]
	check "fsys has 10.0.43.0-10.0.43.255" \
		[ "$(cat "$POOLS/fsys/ranges")" = 10.0.43.0-10.0.43.255 ]
	check "pools/delete fsys" sh -c "echo fsys >$POOLS/delete"
	check "fsys gone" [ ! -e "$POOLS/fsys" ]
	say "  fault-sysfs-pool: $hits + $rhits injected failures"
	report fault-sysfs-pool
}

# A window of failslab on atomic allocations while a link negotiates
negotiation_window() {
	local prob=$1 left hits outcome
	FAILED=
	start_peer fneg "noipdefault" ||
		{ result fail fault-negotiation "could not start pppd"; return; }
	fi_reset
	echo Y >"$FI/failslab/ignore-gfp-wait"	# atomic only: softirq, tasklet
	echo 500 >"$FI/failslab/times"
	echo "$prob" >"$FI/failslab/probability"
	if attach_in "" --tty /tmp/fneg.pty --role server --local 10.0.44.1 \
	    --remote 10.0.44.2; then
		# the window: until the link opens or goes, at most 15 s
		wait_for 15 "link $ID opened or gone" sh -c \
			"ipcpctl status $ID 2>/dev/null | grep -q 'ipcp Opened' ||
			! ipcpctl status $ID >/dev/null 2>&1"
	else
		say "  attach failed during the window"
		ID=
	fi
	left=$(fi_left failslab)
	fi_nth_restore
	hits=$((500 - left))
	say "  fault-negotiation (p=$prob%): $hits injected failures in the window"
	if [ -n "$ID" ] && wait_for 40 "link $ID opened or gone" sh -c \
	    "ipcpctl status $ID 2>/dev/null | grep -q 'ipcp Opened' ||
	    ! ipcpctl status $ID >/dev/null 2>&1"; then
		if ipcpctl status "$ID" >/dev/null 2>&1; then
			outcome=opened
			check "opened link has 10.0.44.1 peer 10.0.44.2/32" \
				wait_for 10 "$IF's address" has_ipv4 "$IF" \
				"inet 10.0.44.1 peer 10.0.44.2/32"
			check "ping over the link" ping -c 1 -W 5 10.0.44.2
			ipcpctl detach "$ID"
		else
			outcome=failed
			check "failed link left no address" no_ppp_addr
		fi
	elif [ -n "$ID" ]; then
		outcome=stuck
		ipcpctl status "$ID"
		note "link $ID neither opened nor gone 40 s after the window"
		ipcpctl detach "$ID"
	else
		outcome=attach-failed
	fi
	say "  fault-negotiation (p=$prob%): outcome $outcome"
	check "no unit left" wait_for 10 "no ppp unit" no_ppp_if
	stop_peer fneg
	# a fresh negotiation works
	start_peer fneg2 "noipdefault"
	if attach_in "" --tty /tmp/fneg2.pty --role server --local 10.0.44.1 \
	    --remote 10.0.44.2; then
		check "fresh negotiation after the window" wait_for 30 \
			"$IF's address" has_ipv4 "$IF" "inet 10.0.44.1 peer 10.0.44.2/32"
		ipcpctl detach "$ID"
	else
		note "fresh attach failed"
	fi
	stop_peer fneg2
	report "fault-negotiation-p$prob" "$hits injected, $outcome"
}

load_module
if [ ! -e "$FI/failslab/probability" ] || [ ! -e /proc/self/fail-nth ]; then
	result fail fault-injection "no failslab/fail-nth in the debug kernel"
	exit 0
fi
sweep_pool_add slab fpool 10.0.40.10-10.0.40.20
sweep_pool_add page fbig 10.64.0.0-10.79.255.255
sweep_attach
sweep_sysfs_pool
negotiation_window 20
negotiation_window 60
