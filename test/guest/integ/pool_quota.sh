#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 300
# An unprivileged user's own user and network namespace cannot pin kernel
# memory in pools (issue 11, item 3). As uid 65534, in a user namespace of
# its own with a network namespace owned by it (root there, CAP_NET_ADMIN
# over that namespace only):
#  - pool-quota-within: a /16's worth (the default userns_pool_addrs,
#    65536 addresses) is accepted;
#  - pool-quota-ioctl: then each of 64 /8 ranges (ipcpctl pool add, one
#    pool) is refused, and ipcpctl names the reason (userns_pool_addrs);
#  - pool-quota-sysfs: a /8 written to a pool's ranges file in that
#    namespace's own sysfs is refused with EDQUOT ("Disk quota exceeded");
#  - pool-quota-memory: MemAvailable drops by less than 4 MiB more over
#    those 64 attempts than over 64 that take the same path with a range
#    of one address (refused as overlapping): the control takes out what a
#    debug kernel's KASAN quarantine and kmemleak cost (about 24 MiB here).
#    Before the fix each /8 took 2-4 MiB: 128 MiB or more;
#  - pool-quota-init-ns: the initial namespace is not bound: root adds a /8
#    there, and its pool's memory file shows kilobytes, not megabytes.
. /test/lib.sh

P=/sys/kernel/ipcp_neg/pools
OUT=/tmp/pool-quota.out

# Runs as root of the new user namespace, in its network namespace
cat >/tmp/pool-quota-inner.sh <<'INNER'
out=$1
P=/sys/kernel/ipcp_neg/pools
mem() { awk '/^MemAvailable:/ { print $2 }' /proc/meminfo; }
if ipcpctl pool add small 10.0.0.0-10.0.255.255 2>>"$out.err"; then
	echo "within ok" >>"$out"
else
	echo "within failed" >>"$out"
fi
# Control: 64 adds that take the same path (a pool made, a range
# allocated and refused, the pool deleted) with a range overlapping
# "small": what the debug kernel's quarantines and the process starts cost
c0=$(mem)
i=0
while [ $i -lt 64 ]; do
	ipcpctl pool add big 10.0.0.$i-10.0.0.$i 2>/dev/null
	i=$((i + 1))
done
c1=$(mem)
echo "control $c0 $c1" >>"$out"
before=$(mem)
i=0
refused=0
named=0
while [ $i -lt 64 ]; do
	if msg=$(ipcpctl pool add big $((20 + i)).0.0.0-$((20 + i)).255.255.255 2>&1); then
		:
	else
		refused=$((refused + 1))
		case $msg in
		*userns_pool_addrs*) named=$((named + 1)) ;;
		esac
	fi
	[ $i -eq 0 ] && echo "first message: $msg" >>"$out"
	i=$((i + 1))
done
after=$(mem)
echo "refused $refused named $named" >>"$out"
echo "memavail $before $after" >>"$out"
ipcpctl pool del small
ipcpctl pool del big 2>/dev/null
# sysfs of this namespace, in a mount namespace of its own. pools/create
# was made with the network namespace, before the user namespace had a
# uid map, so it is not this root's: make the pool (up to the bound again)
# with ipcpctl; its directory is made now, and is.
ipcpctl pool add sq 10.1.0.0-10.1.255.255 2>>"$out.err"
unshare -m sh -c '
	mount -t sysfs sysfs /sys || exit 1
	if msg=$(sh -c "echo 30.0.0.0/8 >'"$P"'/sq/ranges" 2>&1); then
		echo "sysfs accepted"
	else
		echo "sysfs refused: $msg"
	fi
' >>"$out" 2>&1
ipcpctl pool del sq
INNER

load_module
rm -f "$OUT" "$OUT.err"
touch "$OUT" "$OUT.err"
chmod 0666 "$OUT" "$OUT.err"
chmod 0666 /dev/ipcp_neg
asuser 65534 65534 -- asuser --userns -- sh /tmp/pool-quota-inner.sh "$OUT"
chmod 0600 /dev/ipcp_neg
cat "$OUT" "$OUT.err"

FAILED=
check "a /16 is within the bound" grep -qx "within ok" "$OUT"
report pool-quota-within

FAILED=
check "all 64 /8 ranges refused, naming userns_pool_addrs" \
	grep -qx "refused 64 named 64" "$OUT"
report pool-quota-ioctl

FAILED=
check "a /8 through sysfs is refused with EDQUOT" \
	grep -q "^sysfs refused: .*Disk quota exceeded" "$OUT"
report pool-quota-sysfs

FAILED=
set -- $(sed -n 's/^control //p; s/^memavail //p' "$OUT")
if [ $# -eq 4 ]; then
	say "  MemAvailable over the control: ${1} kB before, ${2} kB after: $(($1 - $2)) kB less"
	say "  MemAvailable over the /8s: ${3} kB before, ${4} kB after: $(($3 - $4)) kB less"
	check "MemAvailable dropped by less than 4 MiB more than the control" \
		[ $(($3 - $4 - ($1 - $2))) -lt 4096 ]
else
	note "no MemAvailable figures"
fi
report pool-quota-memory

FAILED=
check "root adds a /8 in the initial namespace" \
	ipcpctl pool add qinit 10.0.0.0-10.255.255.255
if [ -r "$P/qinit/memory" ]; then
	say "  a /8 with no lease takes $(cat "$P/qinit/memory") bytes"
	check "a /8 with no lease takes less than 64 KiB" \
		[ "$(cat "$P/qinit/memory")" -lt 65536 ]
fi
ipcpctl pool del qinit
report pool-quota-init-ns
