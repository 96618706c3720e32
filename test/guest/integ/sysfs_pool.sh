#!/bin/sh
# timeout: 240
# SPDX-License-Identifier: GPL-2.0
# The pools in sysfs, /sys/kernel/ipcp_neg/pools/, every file:
#  - sysfs-pool-create: create makes a directory with its six files;
#    a name taken, bad, too long, or "create"/"delete" is refused
#  - sysfs-pool-ranges: both syntaxes, read back in order; overlap (in the
#    same or another pool) -EEXIST, garbage -EINVAL, a /7 -E2BIG, and the
#    ranges and counters are unchanged after every failed write
#  - sysfs-pool-next: set, read, unknown -ENOENT, loop -ELOOP, clear
#  - sysfs-pool-counters: total/free/memory; used follows a module link,
#    and memory its bitmap chunk
#    that takes an address from the pool against pppd, back to 0 on detach
#  - sysfs-pool-ioctl: ipcpctl pool add/del make and remove the directory
#  - sysfs-pool-delete: unknown -ENOENT; the directory goes
#  - sysfs-pool-netns: each namespace sees only its pools and has its own
#    create/delete; the same name and addresses may exist in both
#  - sysfs-pool-perm: writes without CAP_NET_ADMIN over the namespace are
#    -EPERM; in a namespace owned by a user namespace, the files belong to
#    its root, who may create pools there
. /test/lib.sh

P=/sys/kernel/ipcp_neg/pools

# Helpers also used by shells in other namespaces: in a file they source
cat >/tmp/sysfs-pool-lib.sh <<'LIB'
# fails_with FILE VALUE MESSAGE: writing VALUE to FILE fails with MESSAGE
# (strerror text, as the shell reports it)
fails_with() {
	local out
	if out=$(sh -c 'echo "$2" >"$1"' sh "$1" "$2" 2>&1); then
		say "    writing '$2' to $1 succeeded"
		return 1
	fi
	case $out in
	*"$3"*) return 0 ;;
	esac
	say "    writing '$2' to $1: expected '$3', got '$out'"
	return 1
}

# is FILE EXPECTED: the file reads EXPECTED
is() {
	local got
	got=$(cat "$1") || return 1
	[ "$got" = "$2" ] && return 0
	say "    $1 reads '$got', expected '$2'"
	return 1
}
LIB
. /tmp/sysfs-pool-lib.sh

# in_ns NETNS COMMAND: COMMAND (a string, may use the helpers) in NETNS, with
# that namespace's view of sysfs
in_ns() {
	/usr/sbin/ip netns exec "$1" sh -c ". /test/lib.sh; . /tmp/sysfs-pool-lib.sh; $2"
}

# in_userns COMMAND: COMMAND in a new user namespace whose root is the
# global root, so without CAP_NET_ADMIN over the initial network namespace
in_userns() {
	unshare -r sh -c ". /test/lib.sh; . /tmp/sysfs-pool-lib.sh; $1"
}

load_module

# ---- create ----
FAILED=
check "pools/create and pools/delete are write-only for root" \
	[ "$(stat -c '%a %u' $P/create $P/delete)" = "200 0
200 0" ]
check "create t1" sh -c "echo t1 >$P/create"
check "t1 has ranges next total used free memory" \
	[ "$(ls $P/t1 | tr '\n' ' ')" = "free memory next ranges total used " ]
check "ranges and next are 0644, the rest 0444" \
	[ "$(stat -c %a $P/t1/ranges $P/t1/next $P/t1/total $P/t1/used \
		$P/t1/free $P/t1/memory | tr '\n' ' ')" = \
		"644 644 444 444 444 444 " ]
check "an existing name: EEXIST" fails_with $P/create t1 "File exists"
check "'create' is reserved" fails_with $P/create create "Invalid argument"
check "'delete' is reserved" fails_with $P/create delete "Invalid argument"
check "an empty name: EINVAL" fails_with $P/create "" "Invalid argument"
check "a name with a space: EINVAL" fails_with $P/create "a b" \
	"Invalid argument"
check "'..': EINVAL" fails_with $P/create .. "Invalid argument"
check "32 characters: EINVAL" fails_with $P/create \
	abcdefghijklmnopqrstuvwxyz012345 "Invalid argument"
check "31 characters are fine" sh -c \
	"echo abcdefghijklmnopqrstuvwxyz01234 >$P/create"
check "the 31-character pool is deleted" sh -c \
	"echo abcdefghijklmnopqrstuvwxyz01234 >$P/delete"
check "a new pool is empty" is $P/t1/ranges ""
check "a new pool has no address" is $P/t1/total 0
check "a new pool has no next" is $P/t1/next ""
report sysfs-pool-create

# ---- ranges ----
check "add 10.0.6.10-10.0.6.11" sh -c "echo 10.0.6.10-10.0.6.11 >$P/t1/ranges"
check "add 10.0.7.0/30" sh -c "echo 10.0.7.0/30 >$P/t1/ranges"
check "add without a newline" sh -c "printf 10.0.7.8/31 >$P/t1/ranges"
R1="10.0.6.10-10.0.6.11
10.0.7.0-10.0.7.3
10.0.7.8-10.0.7.9"
check "ranges read back in order" is $P/t1/ranges "$R1"
# 2 + the /30 without network and broadcast + the /31 whole
check "total is 6" is $P/t1/total 6
check "create t2" sh -c "echo t2 >$P/create"
check "overlap with t1 from t2: EEXIST" \
	fails_with $P/t2/ranges 10.0.6.11-10.0.6.20 "File exists"
check "overlap within t1: EEXIST" \
	fails_with $P/t1/ranges 10.0.7.2/31 "File exists"
for bad in 10.0.8.x-10.0.8.9 10.0.8.1 10.0.8.1- -10.0.8.1 10.0.8.0/ \
	10.0.8.0/33 10.0.8.0/+24 10.0.8.0/24x 10.0.8.1/24 10.0.8.9-10.0.8.1 \
	"10.0.8.1 - 10.0.8.2" 10.0.8.1-10.0.8.2-10.0.8.3 10.0.8.256/32 \
	10.0.8.1-10.0.8 1.2.3.4.5-1.2.3.6; do
	check "garbage '$bad': EINVAL" \
		fails_with $P/t2/ranges "$bad" "Invalid argument"
done
check "a /7: E2BIG" fails_with $P/t2/ranges 10.0.0.0/7 "Argument list too long"
check "t1's ranges unchanged after the failed writes" is $P/t1/ranges "$R1"
check "t1's total unchanged" is $P/t1/total 6
check "t2 still empty" is $P/t2/ranges ""
check "t2's total still 0" is $P/t2/total 0
report sysfs-pool-ranges

# ---- next ----
check "t1 next t2" sh -c "echo t2 >$P/t1/next"
check "t1's next reads t2" is $P/t1/next t2
check "an unknown next: ENOENT" \
	fails_with $P/t1/next nosuch "No such file or directory"
check "t1's next is still t2" is $P/t1/next t2
check "t2 next t1 (a loop): ELOOP" \
	fails_with $P/t2/next t1 "symbolic links"
check "t1 next t1 (a loop): ELOOP" \
	fails_with $P/t1/next t1 "symbolic links"
check "t2's next is still empty" is $P/t2/next ""
check "clear t1's next" sh -c "echo >$P/t1/next"
check "t1's next reads empty" is $P/t1/next ""
check "with t1's next cleared, t2 next t1 is fine" sh -c "echo t1 >$P/t2/next"
check "t2's next reads t1" is $P/t2/next t1
check "clear t2's next" sh -c "echo >$P/t2/next"
report sysfs-pool-next

# ---- counters ----
m0=$(cat $P/t2/memory)
check "an empty pool takes memory ($m0 bytes)" [ "$m0" -gt 0 ]
check "add 10.2.0.0/16 to t2" sh -c "echo 10.2.0.0/16 >$P/t2/ranges"
m1=$(cat $P/t2/memory)
# bitmaps come in 4 KiB chunks of 32768 addresses, each allocated with
# its first lease: an unleased /16 adds its range, not its 8 KiB of bits
check "t2's memory grew, by less than a chunk ($m0 -> $m1)" \
	[ "$m1" -gt "$m0" -a "$m1" -lt $((m0 + 4096)) ]
check "t2: total 65534" is $P/t2/total 65534
check "t2: free 65534" is $P/t2/free 65534
check "t1: used 0" is $P/t1/used 0
check "t1: free 6" is $P/t1/free 6

l0=$(cat $P/t1/memory)
check "pppd on a pty pair" start_peer sp noipdefault
IF=$(ipcpctl attach --tty /tmp/sp.pty --role server --local 10.0.6.1 --pool t1 |
	cut -d' ' -f1)
check "a server link on pool t1 ($IF)" [ -n "$IF" ]
check "pppd IPCP up" wait_for 30 "pppd up" test -s /tmp/ppp-sp.up
set -- $(pppd_report sp)
check "pppd got 10.0.6.10 (first of t1)" [ "$2" = 10.0.6.10 ]
check "t1: used 1" is $P/t1/used 1
l1=$(cat $P/t1/memory)
# (a chunk is 4 KiB for 32768 addresses, and as small as its range needs)
check "t1's first lease allocated its bitmap chunk ($l0 -> $l1)" \
	[ "$l1" -gt "$l0" ]
check "t1: free 5" is $P/t1/free 5
check "t1: total still 6" is $P/t1/total 6
check "t2: used 0" is $P/t2/used 0
check "detach $IF" ipcpctl detach "$IF"
check "t1: used back to 0" wait_for 10 "t1's lease released" is $P/t1/used 0
check "t1: free 6 again" is $P/t1/free 6
check "t1's chunk freed with its last lease" is $P/t1/memory "$l0"
stop_peer sp
report sysfs-pool-counters

# ---- the ioctls are the same operations ----
check "ipcpctl pool add io 10.0.10.1-10.0.10.4" \
	ipcpctl pool add io 10.0.10.1-10.0.10.4
check "io's directory appeared, with its range" \
	is $P/io/ranges 10.0.10.1-10.0.10.4
check "a pool made by sysfs is found by ipcpctl" \
	ipcpctl pool add t2 10.0.10.9-10.0.10.9
check "... and the range shows in sysfs" is $P/t2/ranges "10.2.0.0-10.2.255.255
10.0.10.9-10.0.10.9"
check "ipcpctl refuses a pool named 'create'" \
	sh -c "! ipcpctl pool add create 10.0.10.20-10.0.10.20"
check "... and leaves no directory" [ ! -e $P/create/ranges ]
check "ipcpctl pool del io" ipcpctl pool del io
check "io's directory went" [ ! -e $P/io ]
report sysfs-pool-ioctl

# ---- delete ----
check "an unknown pool: ENOENT" \
	fails_with $P/delete nosuch "No such file or directory"
check "delete t1" sh -c "echo t1 >$P/delete"
check "t1's directory went" [ ! -e $P/t1 ]
check "t1 is gone for ipcpctl too" sh -c "! ipcpctl pool del t1"
check "delete t1 again: ENOENT" \
	fails_with $P/delete t1 "No such file or directory"
check "delete t2" sh -c "echo t2 >$P/delete"
check "no pool left" [ "$(ls $P | tr '\n' ' ')" = "create delete " ]
report sysfs-pool-delete

# ---- namespaces ----
ip netns add pa && ip netns add pb
check "create 'same' in pa" in_ns pa "echo same >$P/create"
check "create 'same' in pb" in_ns pb "echo same >$P/create"
check "create 'onlya' in pa" in_ns pa "echo onlya >$P/create"
check "create 'onlyb' in pb" in_ns pb "echo onlyb >$P/create"
check "10.0.11.0/24 in pa's 'same'" in_ns pa "echo 10.0.11.0/24 >$P/same/ranges"
check "the same range in pb's 'same'" \
	in_ns pb "echo 10.0.11.0/24 >$P/same/ranges"
check "pa sees its own" \
	[ "$(in_ns pa "ls $P" | tr '\n' ' ')" = "create delete onlya same " ]
check "pb sees its own" \
	[ "$(in_ns pb "ls $P" | tr '\n' ' ')" = "create delete onlyb same " ]
check "the initial namespace sees none of them" \
	[ "$(ls $P | tr '\n' ' ')" = "create delete " ]
check "pa cannot delete pb's pool" in_ns pa \
	"fails_with $P/delete onlyb 'No such file or directory'"
check "pb's onlyb survived" in_ns pb "test -d $P/onlyb"
check "delete 'same' in pa" in_ns pa "echo same >$P/delete"
check "pa's 'same' went" in_ns pa "test ! -e $P/same"
check "pb's 'same' survived" in_ns pb "is $P/same/ranges 10.0.11.0-10.0.11.255"
ip netns del pa
ip netns del pb
check "the initial namespace still sees none" \
	[ "$(ls $P | tr '\n' ' ')" = "create delete " ]
report sysfs-pool-netns

# ---- permissions ----
check "create from a user namespace without CAP_NET_ADMIN: EPERM" \
	in_userns "fails_with $P/create u 'Operation not permitted'"
check "create p for the next checks" sh -c "echo p >$P/create"
check "ranges from that user namespace: EPERM" \
	in_userns "fails_with $P/p/ranges 10.0.12.0/24 'Operation not permitted'"
check "next from that user namespace: EPERM" \
	in_userns "fails_with $P/p/next p 'Operation not permitted'"
check "delete from that user namespace: EPERM" \
	in_userns "fails_with $P/delete p 'Operation not permitted'"
check "p is unchanged" is $P/p/ranges ""
check "delete p" sh -c "echo p >$P/delete"

# A user namespace whose root is uid 1000, with its own mount namespace and
# a network namespace its root creates: its sysfs shows the files owned by
# its root, who creates a pool there; the initial namespace does not see it.
# cat, blocked opening a FIFO, holds the user and mount namespaces; nsenter
# runs the script in them as their root, in a new network namespace (made
# after the uid map is written: ownership is fixed when files are created).
# The global root is mapped too, as uid 1, so that the namespace's root may
# pass the initramfs's directories (its / is 0700): files that belonged to
# the global root would show as uid 1 in there, not 0.
rm -f /tmp/sysfs-pool.fifo /tmp/userns.out
mkfifo -m 666 /tmp/sysfs-pool.fifo
cat >/tmp/userns-inner.sh <<EOF
mount -t sysfs sysfs /sys || exit 1
stat -c '%u %a %n' $P/create $P/delete
echo cpool >$P/create || exit 1
echo 10.0.13.0/24 >$P/cpool/ranges || exit 1
stat -c '%u %n' $P/cpool/ranges $P/cpool/next
cat $P/cpool/total
EOF
unshare -U -m cat /tmp/sysfs-pool.fifo &
HOLD=$!
check "the holder is in its user namespace" wait_for 10 "the holder's userns" \
	sh -c "[ \"\$(readlink /proc/$HOLD/ns/user)\" != \
		\"\$(readlink /proc/self/ns/user)\" ]"
printf '0 1000 1\n1 0 1\n' >/proc/$HOLD/uid_map
printf '0 1000 1\n1 0 1\n' >/proc/$HOLD/gid_map
nsenter -t $HOLD -U -m -S 0 -G 0 unshare -n sh /tmp/userns-inner.sh \
	>/tmp/userns.out 2>&1
URC=$?
cat /tmp/userns.out
stop_pid $HOLD
check "the container's root created a pool (exit $URC)" [ "$URC" = 0 ]
check "its files are owned by its root, as it sees them" \
	[ "$(cat /tmp/userns.out)" = "0 200 $P/create
0 200 $P/delete
0 $P/cpool/ranges
0 $P/cpool/next
254" ]
check "the initial namespace does not see the container's pool" \
	[ ! -e $P/cpool ]
report sysfs-pool-perm
