#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 1500
# Lifecycle stress. ipcp_neg.flaps=N on the kernel command line sets the
# number of flaps (default 200, 30 while the module has no restart_ms
# parameter; "make stress" runs 10000).
#  - lifecycle-flaps: a module-to-module pair flaps N times: IPCP
#    renegotiations (ipcpctl renegotiate, alternating ends) and, every 20th
#    flap, a full LCP flap (detach, the other end follows, attach both
#    again); after each, both ends are Opened with the right addresses.
#  - lifecycle-unload-traffic: rmmod while pings flood the link both ways,
#    and rmmod while a link is negotiating: rmmod succeeds (or fails with
#    EBUSY and the module still works), the units go, no splat.
#  - lifecycle-netns-del: "ip netns del" of a namespace holding a pool and a
#    server link leasing from it. A PPP channel holds its namespace (as a
#    pppd process would), so the link keeps running: the peer renegotiates
#    and is acked again. Once the transport hangs up, the link ends and the
#    namespace is dismantled (a veth witness in it goes), the peer's link
#    ends without an address, and its pool is gone (a new namespace has no
#    such pool).
#  - lifecycle-concurrent: configuration writes in parallel loops (ipcpctl
#    renegotiate, pool ranges added, pools made and deleted, sysfs link
#    and pool attributes, module parameters, attach/detach) while three
#    pool links negotiate; afterwards all renegotiate to Opened, and once
#    detached every pool's "used" is 0 and no ppp interface has an address.
. /test/lib.sh
. /test/stress_lib.sh

PARAMS=/sys/module/ipcp_neg/parameters
POOLS=/sys/kernel/ipcp_neg/pools
# Each renegotiation waits one Restart timer: with the restart_ms
# parameter the flaps run at 100 ms and "make check" does 200 of them;
# without it (3 s) only 30.
FLAPS=30
[ -e "$PARAMS/restart_ms" ] && FLAPS=200
for arg in $(cat /proc/cmdline); do
	case "$arg" in
	ipcp_neg.flaps=*) FLAPS=${arg#ipcp_neg.flaps=} ;;
	esac
done

# pair_opened NET: both ends of the m2m pair NET are Opened
pair_opened() {
	ipcp_opened "" "$SRV_ID" && ipcp_opened "m2m$1" "$CLI_ID"
}

# flaps_restore: the parameters flaps changed, back (old_rs, old_mc)
flaps_restore() {
	[ -n "$old_rs" ] && echo "$old_rs" >"$PARAMS/restart_ms"
	[ -n "$old_mc" ] && echo "$old_mc" >"$PARAMS/max_configure"
}

flaps() {
	local i=0 lcp=0 ipcp=0 t0 t1 side old_rs= old_mc=
	FAILED=
	# 100 ms restarts; Max-Configure 100 keeps the 10 s an end may wait
	# for the other to be attached (a loaded machine needs over 1 s)
	if [ -e "$PARAMS/restart_ms" ]; then
		old_rs=$(cat "$PARAMS/restart_ms")
		old_mc=$(cat "$PARAMS/max_configure")
		echo 100 >"$PARAMS/restart_ms"
		echo 100 >"$PARAMS/max_configure"
	fi
	if ! m2m_start 50 || ! m2m_up 50; then
		m2m_stop 50
		flaps_restore
		result fail lifecycle-flaps "the pair did not come up"
		return
	fi
	t0=$(cut -d. -f1 /proc/uptime)
	while [ "$i" -lt "$FLAPS" ]; do
		i=$((i + 1))
		if [ $((i % 20)) = 0 ]; then
			lcp=$((lcp + 1))
			if [ $((i % 40)) = 0 ]; then
				ipcpctl detach "$SRV_ID"
			else
				ctl_in m2m50 detach "$CLI_ID"
			fi
			if ! wait_for 20 "both links of the pair gone" m2m_down 50; then
				note "flap $i: detach did not end both links"
				break
			fi
			stop_pid "$SOCAT_PID"
			if ! m2m_start 50; then
				note "flap $i: attach failed"
				break
			fi
		else
			ipcp=$((ipcp + 1))
			if [ $((i % 2)) = 0 ]; then side=""; else side=m2m50; fi
			if [ -z "$side" ]; then
				ipcpctl renegotiate "$SRV_ID"
			else
				ctl_in m2m50 renegotiate "$CLI_ID"
			fi || { note "flap $i: renegotiate failed"; break; }
		fi
		# both Opened; the addresses checked every 10th flap
		if ! wait_for 30 "pair opened" pair_opened 50 ||
		    { [ $((i % 10)) = 0 ] && ! m2m_up 50; }; then
			note "flap $i: the pair did not come up again"
			ipcpctl status "$SRV_ID"
			ctl_in m2m50 status "$CLI_ID"
			break
		fi
	done
	t1=$(cut -d. -f1 /proc/uptime)
	say "  lifecycle-flaps: $i of $FLAPS flaps ($ipcp IPCP, $lcp LCP) in $((t1 - t0)) s"
	check "the pair's addresses after the flaps" m2m_up 50
	check "ping over the pair after the flaps" ping -c 1 -W 5 10.0.50.2
	m2m_stop 50
	flaps_restore
	check "no address left on a ppp interface" no_ppp_addr
	check "no ppp interface left" wait_for 10 "units gone" no_ppp_if
	report lifecycle-flaps
}

# flood DEST [NETNS]: pings as fast as answered, in the background; their
# pids are added to FLOOD
flood() {
	local k=0
	while [ $k -lt 3 ]; do
		if [ -n "${2:-}" ]; then
			/usr/sbin/ip netns exec "$2" ping -A -q -s 1200 "$1" >/dev/null 2>&1 &
		else
			ping -A -q -s 1200 "$1" >/dev/null 2>&1 &
		fi
		FLOOD="$FLOOD $!"
		k=$((k + 1))
	done
}

# try_rmmod: rmmod succeeds, or fails with EBUSY; RMMOD says which
try_rmmod() {
	local out
	if out=$(rmmod ipcp_neg 2>&1); then
		RMMOD=unloaded
		return 0
	fi
	say "  rmmod said: $out"
	RMMOD=busy
	echo "$out" | grep -qi 'in use\|busy'
}

unload_traffic() {
	local p
	FAILED=
	FLOOD=
	if ! m2m_start 51 || ! m2m_up 51; then
		m2m_stop 51
		result fail lifecycle-unload-traffic "the pair did not come up"
		return
	fi
	check "ping before the flood" ping -c 2 -W 5 10.0.51.2
	flood 10.0.51.2
	flood 10.0.51.1 m2m51
	check "rmmod with a flooded link succeeds or says EBUSY" try_rmmod
	say "  rmmod under traffic: $RMMOD"
	if [ "$RMMOD" = unloaded ]; then
		check "the server's unit went with the module" \
			wait_for 10 "$SRV_IF to go" sh -c "! /usr/sbin/ip link show $SRV_IF 2>/dev/null"
		check "the client's unit went with the module" \
			wait_for 10 "$CLI_IF to go" no_ppp_if m2m51
	else
		check "the link still works after EBUSY" ping -c 1 -W 5 10.0.51.2
	fi
	for p in $FLOOD; do
		stop_pid "$p"
	done
	m2m_stop 51
	load_module
	check "the module is loaded again" grep -q '^ipcp_neg ' /proc/modules
	check "rmmod succeeds after the links are gone" rmmod ipcp_neg
	load_module

	# rmmod while LCP/IPCP negotiate: right after attach
	if m2m_start 51; then
		check "rmmod during negotiation succeeds or says EBUSY" try_rmmod
		say "  rmmod during negotiation: $RMMOD"
	else
		note "attach for the negotiation case failed"
	fi
	m2m_stop 51
	load_module
	check "no ppp interface left" wait_for 10 "units gone" no_ppp_if
	check "no address left on a ppp interface" no_ppp_addr
	report lifecycle-unload-traffic
}

vdel_gone() {
	! /usr/sbin/ip link show vdel0 >/dev/null 2>&1
}

# ctl_rx_acks IF: IPCP Configure-Acks IF (in nsdelc) has received
ctl_rx_acks() {
	/usr/sbin/ip netns exec nsdelc \
		cat "/sys/class/net/$1/ipcp_neg/counters/ipcp_rx_confack"
}

# ctl_acked IF N: IF has received more than N IPCP Configure-Acks
ctl_acked() {
	[ "$(ctl_rx_acks "$1")" -gt "$2" ]
}

netns_del() {
	local cli cli_id
	FAILED=
	ip netns add nsdel && ip -n nsdel link set lo up
	ip netns add nsdelc && ip -n nsdelc link set lo up
	ip link add vdel0 type veth peer name vdel1 netns nsdel
	check "pool in nsdel" ctl_in nsdel pool add dpool 10.0.55.10-10.0.55.20
	check "a namesake pool in this namespace" \
		ipcpctl pool add dpool 10.0.55.10-10.0.55.20
	pty_pair nd
	if attach_in nsdel --tty /tmp/nd.pty --role server --local 10.0.55.1 \
	    --pool dpool && srv=$IF &&
	    attach_in nsdelc --tty /tmp/nd.peer --role client; then
		cli=$IF
		cli_id=$ID
		check "the client gets 10.0.55.x from the pool" wait_for 30 \
			"$cli's address" sh -c \
			"/usr/sbin/ip -n nsdelc -4 addr show dev $cli | grep -q 'inet 10.0.55.1[0-9] peer 10.0.55.1/32'"
		[ -d "$POOLS" ] && check "nsdel's pool has 1 used" \
			sh -c "[ \$(/usr/sbin/ip netns exec nsdel cat $POOLS/dpool/used) = 1 ]"
		acks=$(ctl_rx_acks "$cli")
		check "ip netns del nsdel" ip netns del nsdel
		# Every registered PPP channel holds a counted reference on
		# its namespace (ppp_generic), so a live link keeps nsdel
		# alive, as a pppd in it would: the server still answers.
		check "the client renegotiates after ip netns del" \
			ctl_in nsdelc renegotiate "$cli_id"
		check "nsdel's server acks the client again" wait_for 30 \
			"a new IPCP Configure-Ack on $cli" ctl_acked "$cli" "$acks"
		check "the client is Opened again" wait_for 30 \
			"link $cli_id Opened" ipcp_opened nsdelc "$cli_id"
		check "nsdel lives while its link does (vdel0 is there)" \
			/usr/sbin/ip link show vdel0
		# The transport's hang-up ends the link; then nothing holds
		# nsdel and it is dismantled, pool and all.
		stop_pid "$SOCAT_PID"
		check "nsdel dismantled once its link ended (vdel0 goes)" \
			wait_for 30 "vdel0 to go" vdel_gone
		check "the peer's link ends" wait_for 30 \
			"client link $cli_id to go" link_gone_in nsdelc "$cli_id"
		check "the client has no address" no_ipv4 nsdelc "$cli"
	else
		note "attach failed"
		ip netns del nsdel
		stop_pid "$SOCAT_PID"
	fi
	ip netns del nsdelc
	check "this namespace's dpool is untouched" ipcpctl pool del dpool
	# a namespace made now (it may reuse nsdel's memory) has no dpool
	ip netns add nsnew
	check "a new namespace has no dpool" sh -c \
		"! /usr/sbin/ip netns exec nsnew ipcpctl pool del dpool 2>/dev/null"
	check "a new namespace can use dpool's range" \
		ctl_in nsnew pool add dpool 10.0.55.10-10.0.55.20
	ip netns del nsnew
	ip link del vdel0 2>/dev/null
	report lifecycle-netns-del
}

# loop N CMD...: run CMD N times, ignoring its errors (it races on purpose)
loop() {
	local n=$1 k=0
	shift
	while [ "$k" -lt "$n" ]; do
		"$@" >/dev/null 2>&1
		k=$((k + 1))
	done
}

# sysfs_writes N: link and pool attributes, module parameters
sysfs_writes() {
	local k=0 d
	while [ "$k" -lt "$1" ]; do
		for d in /sys/class/net/ppp*/ipcp_neg; do
			[ -d "$d" ] || continue
			echo $((1000 + k % 3 * 500)) >"$d/restart_ms"
			echo $((5 + k % 5)) >"$d/max_configure"
			echo 10.0.60.53 >"$d/dns"
			echo $((k % 2)) >"$d/request_dns"
			echo ipcp-close >"$d/pool_empty"
			cat "$d/state/ipcp" "$d/packets" "$d/counters/ipcp_tx_confreq"
		done
		echo $((1000 + k % 4 * 250)) >"$PARAMS/restart_ms"
		echo $((5 + k % 3)) >"$PARAMS/max_configure"
		echo cother >"$POOLS/cpool/next"
		echo "" >"$POOLS/cpool/next"
		cat "$POOLS/cpool/used" "$POOLS/cpool/ranges"
		k=$((k + 1))
	done 2>/dev/null
}

# renegotiate_all N: every link of the test, N times
renegotiate_all() {
	local k=0 j
	while [ "$k" -lt "$1" ]; do
		for j in 1 2 3; do
			eval "ipcpctl renegotiate \$SRV_$j"
			eval "ctl_in cw$j renegotiate \$CLI_$j"
		done
		k=$((k + 1))
	done >/dev/null 2>&1
}

# pool_ranges N: ranges added to the links' pool, another pool made and
# deleted
pool_ranges() {
	local k=0
	while [ "$k" -lt "$1" ]; do
		ipcpctl pool add cpool "10.0.57.$((k * 2))-10.0.57.$((k * 2 + 1))"
		ipcpctl pool add cother "10.0.58.$k-10.0.58.$k"
		ipcpctl pool del cother
		k=$((k + 1))
	done >/dev/null 2>&1
}

# cw_pair J: server with pool cpool here, client in namespace cwJ
cw_pair() {
	local j=$1
	ip netns add "cw$j" 2>/dev/null && ip -n "cw$j" link set lo up
	pty_pair "cw$j" || return 1
	attach_in "" --tty "/tmp/cw$j.pty" --role server --local 10.0.56.1 \
		--pool cpool || return 1
	eval "SRV_$j=$ID SIF_$j=$IF"
	attach_in "cw$j" --tty "/tmp/cw$j.peer" --role client --request-dns || return 1
	eval "CLI_$j=$ID"
}

cw_stop() {
	eval "ipcpctl detach \$SRV_$1; ctl_in cw$1 detach \$CLI_$1"
	stop_pidfile "/tmp/cw$1.socat-pid"
	ip netns del "cw$1"
} >/dev/null 2>&1

cw_opened() {
	eval "ipcp_opened '' \$SRV_$1 && ipcp_opened cw$1 \$CLI_$1"
}

# attach_detach N: a fourth pair attached and detached N times
attach_detach() {
	local k=0
	while [ "$k" -lt "$1" ]; do
		cw_pair 4
		cw_stop 4
		k=$((k + 1))
	done >/dev/null 2>&1
}

concurrent() {
	local j pids= p used old_rs old_mc
	FAILED=
	old_rs=$(cat "$PARAMS/restart_ms" 2>/dev/null)
	old_mc=$(cat "$PARAMS/max_configure" 2>/dev/null)
	check "pool cpool" ipcpctl pool add cpool 10.0.56.10-10.0.56.20
	for j in 1 2 3; do
		cw_pair "$j" || note "pair $j did not attach"
	done
	renegotiate_all 20 & pids="$pids $!"
	pool_ranges 20 & pids="$pids $!"
	sysfs_writes 20 & pids="$pids $!"
	attach_detach 5 & pids="$pids $!"
	loop 40 ipcpctl status "$SRV_1" & pids="$pids $!"
	for p in $pids; do
		wait "$p"
	done
	say "  lifecycle-concurrent: the writers are done"
	[ -n "$old_rs" ] && echo "$old_rs" >"$PARAMS/restart_ms"
	[ -n "$old_mc" ] && echo "$old_mc" >"$PARAMS/max_configure"
	for j in 1 2 3; do
		eval "ipcpctl renegotiate \$SRV_$j"
	done
	for j in 1 2 3; do
		check "pair $j Opened after the storm" wait_for 60 "pair $j" cw_opened "$j"
	done
	check "ping over pair 1" sh -c "ping -c 1 -W 5 \$(ipcpctl status $SRV_1 | sed -n 's/^local .* peer //p')"
	if [ -d "$POOLS/cpool" ]; then
		used=$(cat "$POOLS/cpool/used")
		check "cpool has 3 used with 3 links up ($used)" [ "$used" = 3 ]
	fi
	for j in 1 2 3 4; do
		cw_stop "$j"
	done
	check "no ppp interface left" wait_for 15 "units gone" no_ppp_if
	check "no address left on a ppp interface" no_ppp_addr
	if [ -d "$POOLS" ]; then
		for p in "$POOLS"/*/used; do
			[ -e "$p" ] || continue
			check "$p is 0" [ "$(cat "$p")" = 0 ]
		done
	fi
	check "pool del cpool" ipcpctl pool del cpool
	ipcpctl pool del cother >/dev/null 2>&1
	report lifecycle-concurrent
}

load_module
flaps
unload_traffic
netns_del
concurrent
