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
#  - pool-quota-memory: MemAvailable drops by less than 4 MiB over those
#    64 attempts (before the fix each /8 took 2-4 MiB: 128 MiB or more);
#  - pool-quota-init-ns: the initial namespace is not bound: root adds a /8
#    there, and its pool's memory file shows kilobytes, not megabytes.
. /test/lib.sh
. /test/stress_lib.sh

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
# sysfs of this namespace, in a mount namespace of its own
unshare -m sh -c '
	mount -t sysfs sysfs /sys || exit 1
	echo sq >'"$P"'/create || exit 1
	if msg=$(sh -c "echo 30.0.0.0/8 >'"$P"'/sq/ranges" 2>&1); then
		echo "sysfs accepted"
	else
		echo "sysfs refused: $msg"
	fi
	echo sq >'"$P"'/delete
' >>"$out" 2>&1
ipcpctl pool del small
ipcpctl pool del big 2>/dev/null
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
finish pool-quota-within

FAILED=
check "all 64 /8 ranges refused, naming userns_pool_addrs" \
	grep -qx "refused 64 named 64" "$OUT"
finish pool-quota-ioctl

FAILED=
check "a /8 through sysfs is refused with EDQUOT" \
	grep -q "^sysfs refused: .*Disk quota exceeded" "$OUT"
finish pool-quota-sysfs

FAILED=
set -- $(sed -n 's/^memavail //p' "$OUT")
if [ $# -eq 2 ]; then
	say "  MemAvailable ${1} kB before, ${2} kB after: $(($1 - $2)) kB less"
	check "MemAvailable dropped by less than 4 MiB" [ $(($1 - $2)) -lt 4096 ]
else
	note "no MemAvailable figures"
fi
finish pool-quota-memory

FAILED=
check "root adds a /8 in the initial namespace" \
	ipcpctl pool add qinit 10.0.0.0-10.255.255.255
if [ -r "$P/qinit/memory" ]; then
	say "  a /8 with no lease takes $(cat "$P/qinit/memory") bytes"
	check "a /8 with no lease takes less than 64 KiB" \
		[ "$(cat "$P/qinit/memory")" -lt 65536 ]
fi
ipcpctl pool del qinit
finish pool-quota-init-ns
