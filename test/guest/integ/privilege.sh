#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 600
# Privilege and namespace isolation of every configuration path.
#  - privilege-nobody: uid 65534 with no capabilities;
#  - privilege-root-nocaps: uid 0 with no capabilities (it passes the file
#    permission checks of root's files, so the module's own
#    CAP_NET_ADMIN checks are what refuse it);
#  - privilege-userns: an unprivileged user namespace (root inside, in the
#    initial network namespace): no power over the initial namespace;
#  - privilege-userns-netns: the same with its own network namespace: it
#    finds none of the other namespaces' links and pools.
#  Each runs every ipcpctl subcommand that configures (attach, detach and
#  renegotiate by id and by name, pool add, pool del, set when ipcpctl has
#  it) and writes every writable sysfs file (the link's attributes,
#  pools/create, pools/delete, a pool's ranges and next, the module
#  parameters): each must fail with EPERM/EACCES (ENOENT from a namespace
#  that cannot see the object), and nothing may change. /dev/ipcp_neg is
#  made 0666 for the test so that the ioctls' own checks are reached.
#  - privilege-netns-isolation: a link and a pool in namespace A are neither
#    visible (sysfs, ipcpctl status) nor touchable (detach, renegotiate by
#    id and name, pool del) from namespace B.
. /test/lib.sh
. /test/stress_lib.sh

PARAMS=/sys/module/ipcp_neg/parameters
POOLS=/sys/kernel/ipcp_neg/pools
DENIED='ermission denied\|not permitted\|no link managed\|no such pool'

# a valid value for each writable attribute, so a write that got through
# would change something
value_of() {
	case "$(basename "$1")" in
	local) echo 10.0.70.9 ;;
	remote) echo 10.0.70.8 ;;
	pool) echo ppool ;;
	dns) echo 10.0.70.53 ;;
	nbns) echo 10.0.70.54 ;;
	request_dns | request_nbns | forced) echo 1 ;;
	pool_empty) echo terminate ;;
	restart_ms) echo 1234 ;;
	echo_interval_ms) echo 20000 ;;
	max_* | echo_failures) echo 7 ;;
	create) echo evil ;;
	delete) echo ppool ;;
	ranges) echo 10.0.72.0/30 ;;
	next) echo ppool2 ;;
	*) echo 1 ;;
	esac
}

# writable_files: every sysfs file a privileged user could write
writable_files() {
	local f
	for f in /sys/class/net/*/ipcp_neg/* "$POOLS"/create "$POOLS"/delete \
	    "$POOLS"/*/ranges "$POOLS"/*/next "$PARAMS"/*; do
		[ -f "$f" ] || continue
		case "$(stat -c %A "$f")" in
		--w* | -rw*) echo "$f" ;;
		esac
	done
}

# snapshot: everything that would show a change
snapshot() {
	local f
	for f in $(writable_files); do
		[ -r "$f" ] && echo "$f=$(cat "$f" 2>/dev/null)"
	done
	ls "$POOLS" 2>/dev/null
	# less what moves by itself: the uptime and the LCP Echo counters
	ipcpctl status "$SRV_ID" | grep -v '^uptime \|Echo-Re'
	ctl_in pvA status "$CLI_ID" | head -n 1
	/usr/sbin/ip -o link show | grep -c ': ppp'
}

# denied WHAT RUNNER...: the command fails, saying why
denied() {
	local what=$1 out
	shift
	if out=$("$@" 2>&1); then
		say "  $what: succeeded"
		return 1
	fi
	if ! echo "$out" | grep -q "$DENIED"; then
		say "  $what: failed but not with EPERM/EACCES/ENOENT: $out"
		return 1
	fi
}

# try_all TAG RUNNER...: every configuration path through RUNNER
try_all() {
	local tag=$1 f before after
	shift
	FAILED=
	before=$(snapshot)
	check "$tag: attach" denied attach "$@" ipcpctl attach --chan 1 \
		--role server --local 10.0.73.1 --remote 10.0.73.2
	check "$tag: detach by id" denied detach "$@" ipcpctl detach "$SRV_ID"
	check "$tag: detach by name" denied detach "$@" ipcpctl detach "$SRV_IF"
	check "$tag: renegotiate by id" denied reneg "$@" ipcpctl renegotiate "$SRV_ID"
	check "$tag: renegotiate by name" denied reneg "$@" ipcpctl renegotiate "$SRV_IF"
	if [ "$tag" = privilege-userns-netns ]; then
		# its own namespace's pools are its own: what it makes there
		# must not show here (the snapshot compares)
		"$@" ipcpctl pool add ppool 10.0.71.1-10.0.71.2 >/dev/null 2>&1
	else
		check "$tag: pool add to ppool" denied pool "$@" ipcpctl pool add ppool 10.0.71.1-10.0.71.2
		check "$tag: pool add a new pool" denied pool "$@" ipcpctl pool add evil 10.0.71.5-10.0.71.6
	fi
	check "$tag: pool del ppool" denied pool "$@" ipcpctl pool del ppool
	if ipcpctl 2>&1 | grep -q ' set '; then
		check "$tag: set" denied set "$@" ipcpctl set "$SRV_IF" restart_ms 1234
	fi
	for f in $(writable_files); do
		check "$tag: write $f" denied "$f" "$@" sh -c "echo $(value_of "$f") >$f"
	done
	after=$(snapshot)
	if [ "$before" != "$after" ]; then
		echo "$before" >/tmp/priv.before
		echo "$after" >/tmp/priv.after
		diff /tmp/priv.before /tmp/priv.after
		note "$tag: something changed"
	fi
	finish "$tag"
}

# setup: a server link here, its client in pvA; pools ppool here and apool
# in pvA
setup() {
	ip netns add pvA && ip -n pvA link set lo up
	ip netns add pvB && ip -n pvB link set lo up
	ipcpctl pool add ppool 10.0.70.10-10.0.70.20 &&
		ipcpctl pool add ppool2 10.0.70.30-10.0.70.40 &&
		ctl_in pvA pool add apool 10.0.74.10-10.0.74.20 &&
		pty_pair pv &&
		attach_in "" --tty /tmp/pv.a --role server --local 10.0.70.1 \
			--remote 10.0.70.2 &&
		SRV_IF=$IF SRV_ID=$ID &&
		attach_in pvA --tty /tmp/pv.b --role client &&
		CLI_IF=$IF CLI_ID=$ID &&
		wait_for 30 "the pair up" ipcp_opened "" "$SRV_ID" &&
		wait_for 30 "the pair up" ipcp_opened pvA "$CLI_ID"
}

isolation() {
	local f
	FAILED=
	check "A sees its link" ctl_in pvA status "$CLI_ID"
	check "B cannot see A's link by id" sh -c "! /usr/sbin/ip netns exec pvB ipcpctl status $CLI_ID"
	check "B cannot see A's link by name" sh -c "! /usr/sbin/ip netns exec pvB ipcpctl status $CLI_IF"
	check "B cannot detach A's link by id" denied detach ctl_in pvB detach "$CLI_ID"
	check "B cannot detach A's link by name" denied detach ctl_in pvB detach "$CLI_IF"
	check "B cannot renegotiate A's link" denied reneg ctl_in pvB renegotiate "$CLI_ID"
	check "B cannot delete A's pool" denied pool ctl_in pvB pool del apool
	check "B's sysfs has no $CLI_IF" sh -c \
		"! /usr/sbin/ip netns exec pvB ls /sys/class/net | grep -qx $CLI_IF"
	if [ -d "$POOLS" ]; then
		check "A's sysfs shows apool" /usr/sbin/ip netns exec pvA test -d "$POOLS/apool"
		check "B's sysfs has no apool" sh -c \
			"! /usr/sbin/ip netns exec pvB test -e $POOLS/apool"
		check "this namespace's sysfs has no apool" [ ! -e "$POOLS/apool" ]
		check "B's sysfs has no ppool" sh -c \
			"! /usr/sbin/ip netns exec pvB test -e $POOLS/ppool"
		f=$POOLS/delete
		check "B's pools/delete apool: ENOENT" sh -c \
			"! /usr/sbin/ip netns exec pvB sh -c 'echo apool >$f' 2>/dev/null"
	fi
	check "A's link still Opened" ipcp_opened pvA "$CLI_ID"
	check "A's pool still there (a range overlapping it is refused)" sh -c \
		"! /usr/sbin/ip netns exec pvA ipcpctl pool add other 10.0.74.15-10.0.74.16 2>/dev/null"
	finish privilege-netns-isolation
}

load_module
FAILED=
if ! setup; then
	result fail privilege "setup failed"
	exit 0
fi
chmod 0666 /dev/ipcp_neg
try_all privilege-nobody asuser 65534 65534 --
try_all privilege-root-nocaps asuser 0 0 --
try_all privilege-userns asuser 65534 65534 -- asuser --userns --same-netns --
try_all privilege-userns-netns asuser 65534 65534 -- asuser --userns --
chmod 0600 /dev/ipcp_neg
isolation
ipcpctl detach "$SRV_ID"
ctl_in pvA detach "$CLI_ID" >/dev/null 2>&1
stop_pid "$PTY_PID"
ipcpctl pool del ppool
ipcpctl pool del ppool2
ip netns del pvA
ip netns del pvB
