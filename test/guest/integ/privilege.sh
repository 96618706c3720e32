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
#  Each first runs what it must be able to do (run programs, write /tmp,
#  open the devices, read the link's state with ipcpctl status, and in its
#  own network namespace make and delete a pool), so that an environment
#  that refuses everything fails. Then it runs every ipcpctl subcommand
#  that configures (attach, detach and renegotiate by id and by name, pool
#  add, pool del, set) and writes every writable sysfs file (the link's
#  attributes, pools/create, pools/delete, a pool's ranges and next, the
#  module parameters): each must fail with the refusal expected of that
#  runner (ipcpctl's EPERM message, or ENOENT from a namespace that cannot
#  see the object; a file's mode (EACCES) or its store (EPERM)), never with
#  an exec failure, and nothing may change. /dev/ipcp_neg and /dev/ppp are
#  made 0666 for the test so that the ioctls' own checks are reached (uid
#  65534 also meets a 0600 /dev/ipcp_neg once: ipcpctl must blame the
#  device's mode, not CAP_NET_ADMIN).
#  - privilege-netns-isolation: a link and a pool in namespace A are neither
#    visible (sysfs, ipcpctl status) nor touchable (detach, renegotiate by
#    id and name, pool del) from namespace B.
#  - privilege-userns-link: the root of an unprivileged user namespace
#    attaches a link in the network namespace it owns; the link negotiates,
#    its sysfs files belong to that root, who writes them and detaches it;
#    another uid, root without capabilities and other user namespaces
#    cannot write them.
. /test/lib.sh

PARAMS=/sys/module/ipcp_neg/parameters
POOLS=/sys/kernel/ipcp_neg/pools
# The refusals, as ipcpctl and busybox sh print them. Not among them:
# "asuser: X: ..." (the runner could not exec X) and "ipcpctl: /dev/...:"
# (a device would not open: the test makes them 0666).
# ipcpctl's message for an ioctl's EPERM (ctl_strerror)
CTL_EPERM='^ipcpctl: .*: permission denied (CAP_NET_ADMIN needed)$'
# from a network namespace without the object: ENOENT from the module,
# ENXIO from ppp_generic for another namespace's channel
CTL_ENOENT='^ipcpctl: .*: no link managed by ipcp_neg$\|^ipcpctl: pool .*: no such pool$\|^ipcpctl: PPP channel [0-9]*: no such channel$'
# a sysfs file refused by its mode (EACCES at open) or by its store (EPERM)
W_EACCES="^sh: can't create .*: Permission denied$"
W_EPERM='^\(sh\|echo\): write error: Operation not permitted$'
W_ENOENT='^\(sh\|echo\): write error: No such file or directory$'

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

# denied WHAT PATTERN RUNNER...: the command fails and every line it
# prints matches PATTERN (grep basic regex): the refusal expected, nothing
# else
denied() {
	local what=$1 pat=$2 out
	shift 2
	if out=$("$@" 2>&1); then
		say "  $what: succeeded"
		return 1
	fi
	if [ -z "$out" ] || echo "$out" | grep -q '^asuser: \|^ipcpctl: /dev/' ||
	    echo "$out" | grep -v -q -e "$pat"; then
		say "  $what: failed, but not with the refusal expected ($pat): $out"
		return 1
	fi
}

# status_opened RUNNER...: the runner reads the server link's state
status_opened() {
	"$@" ipcpctl status "$SRV_IF" 2>&1 | grep -q ' ipcp Opened$'
}

# may TAG RUNNER...: what every runner must be able to do, or its refusals
# below would prove nothing
may() {
	local tag=$1
	shift
	check "$tag: runs /bin/true" "$@" /bin/true
	check "$tag: writes /tmp" "$@" sh -c "echo x >/tmp/priv.$tag && rm /tmp/priv.$tag"
	check "$tag: opens /dev/ipcp_neg" "$@" sh -c ": <>/dev/ipcp_neg"
	check "$tag: reads a parameter" "$@" cat "$PARAMS/restart_ms"
	check "$tag: ipcpctl status shows the link" status_opened "$@"
}

# device_mode RUNNER...: with /dev/ipcp_neg at 0600 the device's own mode
# refuses the runner (EACCES at open), and ipcpctl says so rather than
# blaming CAP_NET_ADMIN
device_mode() {
	local out rc
	chmod 0600 /dev/ipcp_neg
	out=$("$@" ipcpctl detach "$SRV_ID" 2>&1)
	rc=$?
	chmod 0666 /dev/ipcp_neg
	[ "$rc" = 1 ] && [ "$out" = "ipcpctl: /dev/ipcp_neg: permission denied (the device's permissions refuse this user)" ] ||
		{ say "  /dev/ipcp_neg 0600: exit $rc, '$out'"; return 1; }
}

# try_all TAG CTL_REFUSAL W_REFUSAL RUNNER...: every configuration path
# through RUNNER; its ioctls must be refused as CTL_REFUSAL says, its sysfs
# writes as W_REFUSAL ($W_EACCES or $W_EPERM)
try_all() {
	local tag=$1 ctl=$2 w=$3 setpat f before after
	shift 3
	FAILED=
	if [ "$w" = "$W_EPERM" ]; then
		setpat='^ipcpctl: ppp[0-9]* restart_ms: Operation not permitted'
	else
		# the file's mode would let its owner write: not "read-only"
		setpat='^ipcpctl: ppp[0-9]* restart_ms: Permission denied (not writable by this user)$'
	fi
	may "$tag" "$@"
	before=$(snapshot)
	if [ "$tag" = privilege-nobody ]; then
		check "$tag: a 0600 /dev/ipcp_neg refuses it by its mode" device_mode "$@"
	fi
	check "$tag: attach" denied attach "$ctl" "$@" ipcpctl attach --chan "$CHAN" \
		--role server --local 10.0.73.1 --remote 10.0.73.2
	check "$tag: detach by id" denied detach "$ctl" "$@" ipcpctl detach "$SRV_ID"
	check "$tag: detach by name" denied detach "$ctl" "$@" ipcpctl detach "$SRV_IF"
	check "$tag: renegotiate by id" denied reneg "$ctl" "$@" ipcpctl renegotiate "$SRV_ID"
	check "$tag: renegotiate by name" denied reneg "$ctl" "$@" ipcpctl renegotiate "$SRV_IF"
	if [ "$tag" = privilege-userns-netns ]; then
		# its own namespace's pools are its own, even with the name
		# and the ranges of one here; what it makes there must not
		# show here (the snapshot compares)
		check "$tag: makes and deletes a pool in its namespace" "$@" sh -c \
			"ipcpctl pool add ppool 10.0.70.10-10.0.70.20 && ipcpctl pool del ppool"
	else
		check "$tag: pool add to ppool" denied pool "$ctl" "$@" ipcpctl pool add ppool 10.0.71.1-10.0.71.2
		check "$tag: pool add a new pool" denied pool "$ctl" "$@" ipcpctl pool add evil 10.0.71.5-10.0.71.6
	fi
	check "$tag: pool del ppool" denied pool "$ctl" "$@" ipcpctl pool del ppool
	check "$tag: set" denied set "$setpat" "$@" ipcpctl set "$SRV_IF" restart_ms 1234
	for f in $(writable_files); do
		check "$tag: write $f" denied "$f" "$w" "$@" sh -c "echo $(value_of "$f") >$f"
	done
	after=$(snapshot)
	if [ "$before" != "$after" ]; then
		echo "$before" >/tmp/priv.before
		echo "$after" >/tmp/priv.after
		diff /tmp/priv.before /tmp/priv.after
		note "$tag: something changed"
	fi
	report "$tag"
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
		attach_in "" --tty /tmp/pv.pty --role server --local 10.0.70.1 \
			--remote 10.0.70.2 &&
		SRV_IF=$IF SRV_ID=$ID &&
		attach_in pvA --tty /tmp/pv.peer --role client &&
		CLI_IF=$IF CLI_ID=$ID &&
		wait_for 30 "the pair up" ipcp_opened "" "$SRV_ID" &&
		wait_for 30 "the pair up" ipcp_opened pvA "$CLI_ID"
}

isolation() {
	local f
	FAILED=
	check "A sees its link" ctl_in pvA status "$CLI_ID"
	check "B cannot see A's link by id" denied status "$CTL_ENOENT" ctl_in pvB status "$CLI_ID"
	check "B cannot see A's link by name" denied status "$CTL_ENOENT" ctl_in pvB status "$CLI_IF"
	check "B cannot detach A's link by id" denied detach "$CTL_ENOENT" ctl_in pvB detach "$CLI_ID"
	check "B cannot detach A's link by name" denied detach "$CTL_ENOENT" ctl_in pvB detach "$CLI_IF"
	check "B cannot renegotiate A's link" denied reneg "$CTL_ENOENT" ctl_in pvB renegotiate "$CLI_ID"
	check "B cannot delete A's pool" denied pool "$CTL_ENOENT" ctl_in pvB pool del apool
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
		check "B's pools/delete apool: ENOENT" denied delete "$W_ENOENT" \
			/usr/sbin/ip netns exec pvB sh -c "echo apool >$f"
	fi
	check "A's link still Opened" ipcp_opened pvA "$CLI_ID"
	check "A's pool still there (a range overlapping it is refused)" sh -c \
		"! /usr/sbin/ip netns exec pvA ipcpctl pool add other 10.0.74.15-10.0.74.16 2>/dev/null"
	report privilege-netns-isolation
}

# The namespaces of privilege-userns-link: its user namespace's process
# (UNS_PID), its network namespace (pvU, named once it exists) and the
# link's peer (a client link in pvC)

# ns_root CMD...: CMD as the root of UNS_PID's user namespace, in pvU with
# pvU's sysfs
ns_root() {
	/usr/sbin/ip netns exec pvU asuser 65534 65534 -- \
		nsenter --preserve-credentials -t "$UNS_PID" -U -- "$@"
}

# in_pvU CMD...: CMD in pvU with pvU's sysfs, as real root
in_pvU() {
	/usr/sbin/ip netns exec pvU "$@"
}

# owners FILE...: the distinct uid:gid of the files, seen from outside
owners() {
	in_pvU stat -c %u:%g "$@" | sort -u
}

# the user namespace's process: attaches the link in its own network
# namespace, says how that went, then holds the namespaces until killed
uns_attach() {
	asuser 65534 65534 -- asuser --userns -- sh -c "
		ipcpctl attach --tty $1 --role server --local 10.0.75.1 \
			--remote 10.0.75.2 >/tmp/pu.out 2>&1
		echo \$? >/tmp/pu.rc.tmp && mv /tmp/pu.rc.tmp /tmp/pu.rc
		read go </tmp/pu.hold" &
	UNS_PID=$!
}

userns_link() {
	local tty d val
	FAILED=
	rm -f /tmp/pu.out /tmp/pu.rc /tmp/pu.hold
	if ! { ip netns add pvC && ip -n pvC link set lo up && pty_pair pu; }; then
		result fail privilege-userns-link "setup failed"
		return
	fi
	# the namespace's root opens its end of the pty (uid 65534 outside)
	tty=$(readlink -f /tmp/pu.pty)
	chown 65534:65534 "$tty"
	mkfifo -m 0600 /tmp/pu.hold && chown 65534:65534 /tmp/pu.hold
	uns_attach "$tty"
	if ! wait_for 30 "the user namespace's attach" test -s /tmp/pu.rc ||
	    [ "$(cat /tmp/pu.rc)" != 0 ] || ! ip netns attach pvU "$UNS_PID"; then
		note "the namespace's root attaches a link: $(cat /tmp/pu.out)"
		report privilege-userns-link
		return
	fi
	set -- $(cat /tmp/pu.out)
	UNS_IF=$1 UNS_ID=$2
	d=/sys/class/net/$UNS_IF/ipcp_neg
	say "  ok: the namespace's root attaches a link: $UNS_IF $UNS_ID"
	check "its peer attaches" attach_in pvC --tty /tmp/pu.peer --role client
	UNS_PEER=$ID
	check "the link negotiates" wait_for 30 "$UNS_IF opened" \
		ipcp_opened pvU "$UNS_ID"
	check "the link has its address" wait_for 10 "$UNS_IF's address" \
		has_ipv4_ns pvU "$UNS_IF" "inet 10.0.75.1 peer 10.0.75.2/32"
	val=$(owners $d $d/restart_ms $d/state $d/state/ipcp $d/counters \
		$d/counters/addr_changes)
	say "  owners of $d and its files: $val"
	check "its files belong to the namespace's root" [ "$val" = 65534:65534 ]
	check "the namespace's root writes restart_ms" \
		ns_root sh -c "echo 1234 >$d/restart_ms"
	check "the namespace's root writes dns" \
		ns_root sh -c "echo 10.0.75.53 >$d/dns"
	check "the namespace's root sets remote with ipcpctl" \
		ns_root ipcpctl set "$UNS_IF" remote 10.0.75.3
	val=$(in_pvU cat $d/restart_ms $d/dns $d/remote | tr '\n' ' ')
	say "  restart_ms, dns, remote: $val"
	check "the writes took" [ "$val" = "1234 10.0.75.53 0.0.0.0 10.0.75.3 " ]
	check "the link renegotiates the new remote" wait_for 30 \
		"$UNS_IF's new address" has_ipv4_ns pvU "$UNS_IF" \
		"inet 10.0.75.1 peer 10.0.75.3/32"
	val=$(in_pvU cat $d/restart_ms)
	check "another uid cannot write it" denied write "$W_EACCES" \
		in_pvU asuser 65533 65533 -- sh -c "echo 4321 >$d/restart_ms"
	check "root without capabilities cannot write it" denied write \
		"$W_EACCES" in_pvU asuser 0 0 -- sh -c "echo 4321 >$d/restart_ms"
	check "another user namespace of the same uid cannot write it" \
		denied write "$W_EPERM" in_pvU asuser 65534 65534 -- \
		asuser --userns --same-netns -- sh -c "echo 4321 >$d/restart_ms"
	check "another uid's user namespace cannot write it" \
		denied write "$W_EACCES" in_pvU asuser 65533 65533 -- \
		asuser --userns --same-netns -- sh -c "echo 4321 >$d/restart_ms"
	check "another uid cannot detach it" denied detach "$CTL_EPERM" \
		in_pvU asuser 65533 65533 -- ipcpctl detach "$UNS_ID"
	check "another user namespace cannot detach it" denied detach \
		"$CTL_EPERM" in_pvU asuser 65534 65534 -- \
		asuser --userns --same-netns -- ipcpctl detach "$UNS_ID"
	check "their writes changed nothing" [ "$(in_pvU cat $d/restart_ms)" = "$val" ]
	check "the link is still up" ipcp_opened pvU "$UNS_ID"
	check "the namespace's root detaches it" ns_root ipcpctl detach "$UNS_ID"
	check "the link is gone" wait_for 10 "$UNS_IF gone" \
		link_gone_in pvU "$UNS_ID"
	report privilege-userns-link
}

userns_link_cleanup() {
	[ -n "${UNS_ID:-}" ] && ctl_in pvU detach "$UNS_ID" >/dev/null 2>&1
	[ -n "${UNS_PEER:-}" ] && ctl_in pvC detach "$UNS_PEER" >/dev/null 2>&1
	[ -n "${UNS_PID:-}" ] && stop_pid "$UNS_PID"
	stop_pidfile /tmp/pu.socat-pid
	ip netns del pvU 2>/dev/null
	ip netns del pvC 2>/dev/null
	rm -f /tmp/pu.out /tmp/pu.rc /tmp/pu.hold
}

load_module
FAILED=
# The channel the attaches name: the server link's upper one here. Its
# tty's channel is registered first, then the link's lower and upper, so
# it is the tty's + 2 (3 when this script runs alone, more after other
# tests: the indexes only grow); a new namespace, holding only the two of
# the link its own attach creates, has no such channel
if setup; then
	t=$(pppchan /tmp/pv.pty) && CHAN=$((t + 2))
	say "  the server link's upper channel: $CHAN"
fi
if [ -z "${CHAN:-}" ] || ! denied "channel $CHAN is here, and busy" \
    "^ipcpctl: PPP channel $CHAN: cannot bridge it: already attached" \
    ipcpctl attach --chan "$CHAN" --role server --local 10.0.73.1 \
	--remote 10.0.73.2; then
	result fail privilege "setup failed"
	exit 0
fi
chmod 0666 /dev/ipcp_neg /dev/ppp
try_all privilege-nobody "$CTL_EPERM" "$W_EACCES" asuser 65534 65534 --
try_all privilege-root-nocaps "$CTL_EPERM" "$W_EPERM" asuser 0 0 --
try_all privilege-userns "$CTL_EPERM" "$W_EACCES" \
	asuser 65534 65534 -- asuser --userns --same-netns --
try_all privilege-userns-netns "$CTL_ENOENT" "$W_EACCES" \
	asuser 65534 65534 -- asuser --userns --
userns_link
userns_link_cleanup
chmod 0600 /dev/ipcp_neg /dev/ppp
isolation
ipcpctl detach "$SRV_ID"
ctl_in pvA detach "$CLI_ID" >/dev/null 2>&1
stop_pidfile /tmp/pv.socat-pid
ipcpctl pool del ppool
ipcpctl pool del ppool2
ip netns del pvA
ip netns del pvB
