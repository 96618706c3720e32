# SPDX-License-Identifier: GPL-2.0
# The data path part of the bench job (sourced by bench.sh, after lib.sh).
# Per transport (pty: a socat pty pair; pppoe: a veth pair, kernel PPPoE)
# three links are up at once, each between two network namespaces
# NAME-a (server end, 10.NET.0.1, runs "iperf3 -s") and NAME-b (client
# end, 10.NET.0.2, runs "iperf3 -c"), so that the traffic crosses the PPP
# link:
#   mod  the module on both ends (ipcpctl attach)
#   pin  pppd on both ends, pinned to what the module negotiates
#        (DP_PIN_PTY, DP_PIN_PPPOE)
#   def  pppd on both ends with pppd's defaults
# Runs alternate: run 1: up (b -> a), mod, pin, def; down (iperf3 -R),
# mod, pin, def; bidir; udp (64-byte datagrams, -b 0); then run 2 ...
# Figures, one per run (the table takes medians and spreads):
#   FIGURE dp_<t>_<side>_<up|down|bidir>_bps_r<run>  receiver bits/s
#   FIGURE dp_<t>_<side>_<up|down|bidir>_rtx_r<run>  sender retransmits
#   FIGURE dp_<t>_<side>_udp_pps_r<run>             datagrams received/s
#   FIGURE dp_<t>_mod_ctr_<counter> N count   module drop counters after
#                                             the runs, both ends summed
# Before that, one link module <-> pppd with pppd's "debug": what the
# module negotiates, as pppd logged it, goes to the console
# ("ipcp_neg-test: negotiated <t>: ...").

DP_SIDES="mod pin def"
DP_TESTS="up down bidir udp"

# dp_net T SIDE: NET of the link (its addresses 10.NET.0.1, 10.NET.0.2)
dp_net() {
	local base=10
	[ "$1" = pppoe ] && base=20
	case $2 in
	mod) echo $((base + 1)) ;;
	pin) echo $((base + 2)) ;;
	def) echo $((base + 3)) ;;
	*) echo $((base + 9)) ;;
	esac
}

# dp_pppd_opts T SIDE: pppd's options of a side ("" = its defaults)
dp_pppd_opts() {
	case $1-$2 in
	pty-pin) echo "$DP_PIN_PTY" ;;
	pppoe-pin) echo "$DP_PIN_PPPOE" ;;
	esac
}

# dp_attach NAME END ARGS...: ipcpctl attach in NAME-END; records
# "NETNS IF ID" in /tmp/NAME.links
dp_attach() {
	local name=$1 ns=$1-$2
	shift 2
	attach_in "$ns" "$@" || return 1
	echo "$ns $IF $ID" >>"/tmp/$name.links"
}

# dp_mac NETNS IFNAME
dp_mac() {
	/usr/sbin/ip netns exec "$1" cat "/sys/class/net/$2/address"
}

# dp_veth NAME END: the veth device of link NAME's END (a or b), named
# like the integration tests' (veth-SIDE-END)
dp_veth() {
	echo "veth-${1#*-}-$2"
}

# dp_transport T NAME: the two namespaces, and the pty pair (/tmp/NAME.pty
# and /tmp/NAME.peer) or the veth pair (dp_veth) between them
dp_transport() {
	if [ "$1" = pty ]; then
		ip netns add "$2-a" && ip netns add "$2-b" &&
			ip -n "$2-a" link set lo up && ip -n "$2-b" link set lo up &&
			pty_pair "$2"
	else
		netns_pair "$2-a" "$2-b" "$(dp_veth "$2" a)" "$(dp_veth "$2" b)"
	fi
}

# dp_module T NAME NET: the module on both ends
dp_module() {
	local name=$2 l=10.$3.0.1 r=10.$3.0.2 sid va vb
	if [ "$1" = pty ]; then
		dp_attach "$name" a --tty "/tmp/$name.pty" --role server \
			--local "$l" --remote "$r" &&
			dp_attach "$name" b --tty "/tmp/$name.peer" --role client
	else
		sid=$(printf '0x%x' $((256 + $3)))
		va=$(dp_veth "$name" a)
		vb=$(dp_veth "$name" b)
		dp_attach "$name" a --pppoe "$va" --session "$sid" \
			--peer "$(dp_mac "$name-b" "$vb")" --role server \
			--local "$l" --remote "$r" &&
			dp_attach "$name" b --pppoe "$vb" --session "$sid" \
				--peer "$(dp_mac "$name-a" "$va")" --role client
	fi
}

# dp_pppoe_server NAME NET OPTS: pppoe-server (kernel mode) in NAME-a, its
# pppd with OPTS (an options file), logging to /tmp/NAME-a.pppd.log
dp_pppoe_server() {
	printf 'noauth\nlcp-restart 1\nlogfile /tmp/%s-a.pppd.log\n%s\n' \
		"$1" "$3" >"/tmp/$1.options"
	/usr/sbin/ip netns exec "$1-a" pppoe-server -F -k -I "$(dp_veth "$1" a)" \
		-L "10.$2.0.1" -R "10.$2.0.2" -N 1 -O "/tmp/$1.options" \
		>"/tmp/$1.pppoe-server.log" 2>&1 &
}

# dp_pppd_b T NAME OPTS: the client end's pppd in NAME-b
dp_pppd_b() {
	local dev="/tmp/$2.peer local"
	[ "$1" = pppoe ] && dev="plugin rp-pppoe.so $(dp_veth "$2" b)"
	# shellcheck disable=SC2086 # the options are words
	/usr/sbin/ip netns exec "$2-b" pppd $dev nodetach noauth \
		lcp-restart 1 noipdefault logfile "/tmp/$2-b.pppd.log" $3 \
		>/dev/null 2>&1 &
}

# dp_pppd T NAME NET OPTS: pppd on both ends
dp_pppd() {
	if [ "$1" = pty ]; then
		# shellcheck disable=SC2086
		/usr/sbin/ip netns exec "$2-a" pppd "/tmp/$2.pty" nodetach \
			noauth local lcp-restart 1 "10.$3.0.1:10.$3.0.2" \
			logfile "/tmp/$2-a.pppd.log" $4 >/dev/null 2>&1 &
	else
		dp_pppoe_server "$2" "$3" "$4"
	fi
	dp_pppd_b "$1" "$2" "$4"
}

# dp_nego_ends T NAME NET: the module on one end, pppd with "debug" on
# the other: over a pty the module serves pppd; over PPPoE pppoe-server's
# pppd serves the module, which finds the session with "pppoe -d"
dp_nego_ends() {
	local sess
	if [ "$1" = pty ]; then
		dp_attach "$2" a --tty "/tmp/$2.pty" --role server \
			--local "10.$3.0.1" --remote "10.$3.0.2" &&
			dp_pppd_b pty "$2" debug
		return
	fi
	dp_pppoe_server "$2" "$3" debug
	sleep 1
	sess=$(/usr/sbin/ip netns exec "$2-b" timeout 30 pppoe \
		-I "$(dp_veth "$2" b)" -d 2>/dev/null)
	case $sess in
	*:*) ;;
	*) say "PPPoE discovery in $2-b found no session"; return 1 ;;
	esac
	dp_attach "$2" b --pppoe "$(dp_veth "$2" b)" --session "${sess%%:*}" \
		--peer "${sess#*:}" --role client
}

# dp_up T SIDE: bring up the link T-SIDE (side mod, pin, def or nego) and
# wait (bounded) until both ends have their negotiated address
dp_up() {
	local name=$1-$2 net
	net=$(dp_net "$1" "$2")
	say "link $name: up"
	: >"/tmp/$name.links"
	dp_transport "$1" "$name" || return 1
	case $2 in
	mod) dp_module "$1" "$name" "$net" ;;
	nego) dp_nego_ends "$1" "$name" "$net" ;;
	*) dp_pppd "$1" "$name" "$net" "$(dp_pppd_opts "$1" "$2")" ;;
	esac || return 1
	wait_secs 90 "$name: the a end up" links_up 1 "$name-a" &&
		wait_secs 90 "$name: the b end up" links_up 1 "$name-b"
}

# dp_down T SIDE: end everything of link T-SIDE (bounded waits)
dp_down() {
	local name=$1-$2 ns ifn id pid
	say "link $name: down"
	[ -f "/tmp/$name.links" ] && while read -r ns ifn id; do
		timeout 60 /usr/sbin/ip netns exec "$ns" ipcpctl detach "$id" \
			>/dev/null 2>&1 || say "link $name: detach $id in $ns failed"
	done <"/tmp/$name.links"
	for ns in "$name-a" "$name-b"; do
		for pid in $(ip netns pids "$ns" 2>/dev/null); do
			stop_pid "$pid" >/dev/null
		done
	done
	stop_pidfile "/tmp/$name.socat-pid"
	ip netns del "$name-a" 2>/dev/null
	ip netns del "$name-b" 2>/dev/null
	rm -f "/tmp/$name.links"
}

# dp_nego T: what the module negotiates with pppd, from pppd's debug log
dp_nego() {
	local log
	if dp_up "$1" nego; then
		sleep 2
		for log in "/tmp/$1-nego-a.pppd.log" "/tmp/$1-nego-b.pppd.log"; do
			[ -f "$log" ] || continue
			grep -E '(sent|rcvd) \[(LCP|IPCP) Conf' "$log" |
				while read -r line; do
					say "negotiated $1: $line"
				done
		done
		result pass "bench-dp-$1-negotiation"
	else
		cat "/tmp/$1-nego-a.pppd.log" "/tmp/$1-nego-b.pppd.log" 2>/dev/null
		result fail "bench-dp-$1-negotiation" "module <-> pppd did not come up"
	fi
	dp_down "$1" nego
}

# dp_sums: the summaries of iperf3 -J on stdin, one line each:
#   <sum_sent|sum_received|..._bidir_reverse> bits/s retransmits bytes seconds
dp_sums() {
	awk '/"end":[ \t]*\{/ { e = 1; next }
	     e && /"sum[a-z_]*":[ \t]*\{/ {
		s = $1; gsub(/[":]/, "", s); bps = rtx = bytes = sec = 0; next }
	     s != "" && /"bits_per_second":/ { bps = $2 + 0 }
	     s != "" && /"retransmits":/ { rtx = $2 + 0 }
	     s != "" && /"bytes":/ { bytes = $2 + 0 }
	     s != "" && /"seconds":/ { sec = $2 + 0 }
	     s != "" && /\}/ {
		printf "%s %.0f %d %.0f %.6f\n", s, bps, rtx, bytes, sec; s = "" }'
}

# dp_sum FILE NAME FIELD: FIELD (2 bits/s, 3 retransmits, 4 bytes,
# 5 seconds) of summary NAME in FILE (dp_sums' output), 0 if absent
dp_sum() {
	awk -v n="$2" -v f="$3" '$1 == n { v = $f } END { print v + 0 }' "$1"
}

# dp_iperf T SIDE TEST RUN: one iperf3 test from T-SIDE-b to T-SIDE-a,
# SECS seconds (bounded: SECS + 60), and its figures
dp_iperf() {
	local name=$1-$2 key=dp_$1_$2_$3 run=$4 addr args srv s=/tmp/iperf.sums
	addr=10.$(dp_net "$1" "$2").0.1
	case $3 in
	up) args= ;;
	down) args=-R ;;
	bidir) args=--bidir ;;
	udp) args="-u -l 64 -b 0" ;;
	esac
	/usr/sbin/ip netns exec "$name-a" iperf3 -s -1 -B "$addr" \
		>/dev/null 2>&1 &
	srv=$!
	wait_secs 60 "iperf3 server in $name-a" sh -c \
		"/usr/sbin/ip netns exec $name-a cat /proc/net/tcp | grep -q ' 0A '"
	# shellcheck disable=SC2086 # the options are words
	timeout $((SECS + 60)) /usr/sbin/ip netns exec "$name-b" iperf3 \
		-c "$addr" -t "$SECS" -J $args 2>/dev/null | dp_sums >"$s"
	stop_pid "$srv" >/dev/null 2>&1
	if ! grep -q '^sum_received ' "$s"; then
		say "iperf3 $3 over $name, run $run: no result"
		return
	fi
	case $3 in
	udp)
		figure "${key}_pps_r$run" "$(awk '$1 == "sum_received" && $5 > 0 {
			printf "%.0f\n", $4 / 64 / $5 }' "$s")" packets/s
		;;
	bidir)
		figure "${key}_bps_r$run" $(($(dp_sum "$s" sum_received 2) +
			$(dp_sum "$s" sum_received_bidir_reverse 2))) bits/s
		figure "${key}_rtx_r$run" $(($(dp_sum "$s" sum_sent 3) +
			$(dp_sum "$s" sum_sent_bidir_reverse 3))) count
		;;
	*)
		figure "${key}_bps_r$run" "$(dp_sum "$s" sum_received 2)" bits/s
		figure "${key}_rtx_r$run" "$(dp_sum "$s" sum_sent 3)" count
		;;
	esac
}

# dp_counters T: the module's drop counters of both ends of T-mod, summed
# per counter; each end's unit (its MTU) and ipcpctl status on the console
dp_counters() {
	local ns ifn id
	: >/tmp/dp-counters
	while read -r ns ifn id; do
		ip -n "$ns" -o link show "$ifn"
		ctl_in "$ns" status "$id"
		/usr/sbin/ip netns exec "$ns" sh -c \
			"cd /sys/class/net/$ifn/ipcp_neg/counters && grep . *drop*" \
			>>/tmp/dp-counters
	done <"/tmp/$1-mod.links"
	awk -F: '{ v[$1] += $2 } END { for (k in v) print k, v[k] }' \
		/tmp/dp-counters | while read -r ctr n; do
		figure "dp_$1_mod_ctr_$ctr" "$n" count
	done
	rm -f /tmp/dp-counters
}

# bench_datapath_transport T: the negotiation record, then the three links
# and BENCH_RUNS alternating runs of every test
bench_datapath_transport() {
	local t=$1 side run=1 test s
	dp_nego "$t"
	for side in $DP_SIDES; do
		if ! dp_up "$t" "$side"; then
			cat "/tmp/$t-$side-a.pppd.log" "/tmp/$t-$side-b.pppd.log" \
				"/tmp/$t-$side.pppoe-server.log" 2>/dev/null
			result fail "bench-dp-$t" "link $t-$side did not come up"
			for s in $DP_SIDES; do
				dp_down "$t" "$s"
			done
			return
		fi
	done
	while [ "$run" -le "$RUNS" ]; do
		for test in $DP_TESTS; do
			for side in $DP_SIDES; do
				dp_iperf "$t" "$side" "$test" "$run"
			done
		done
		run=$((run + 1))
	done
	dp_counters "$t"
	for side in $DP_SIDES; do
		dp_down "$t" "$side"
	done
	result pass "bench-dp-$t"
}

# bench_datapath: every transport of TRANSPORTS, with the module loaded
bench_datapath() {
	local t
	if ! command -v iperf3 >/dev/null; then
		result skip bench-datapath "iperf3 not in the initramfs (install it on the host)"
		return
	fi
	load_module
	figure dp_runs "$RUNS" count
	figure dp_secs "$SECS" s
	for t in $TRANSPORTS; do
		bench_datapath_transport "$t"
	done
}
