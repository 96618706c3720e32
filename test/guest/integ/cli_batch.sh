#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# timeout: 480
# ipcpctl -batch: one process runs a file of commands, one a line.
#  - cli-batch-attach: one batch attaches $BATCH_LINKS server links, each
#    on one end of a socat pty pair, and a second batch, in namespace bcli,
#    as many client links on the other ends; every link reaches IPCP
#    Opened with its addresses. The client batch runs under "ulimit -n 16"
#    (an attach holds 5 descriptors at most: one leaked per attach would
#    stop it within a few lines); the server batch ends with "unit", which
#    blocks: its /proc/PID/fd then holds stdin/out/err, the batch file and
#    the unit, nothing the attaches opened. Blank lines, comments and
#    quoted words are read as documented.
#  - cli-batch-stop: the first failing line stops the batch with
#    FILE:LINE: message and exit status 1; the lines after it do not run.
#  - cli-batch-force: with -force the batch goes on after a failing line
#    (and a refused monitor) and exits 1 at the end.
#  - cli-batch-stdin: "-batch -" reads standard input: detaching every
#    server link that way ends the client links too.
. /test/lib.sh

BATCH_LINKS=50
SRV=/tmp/batch-srv.txt
CLI=/tmp/batch-cli.txt

# uptime_ms: /proc/uptime in milliseconds (busybox date has no %N)
uptime_ms() {
	awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime
}

# batch_files: the two batch files over the pty pairs bat1..batN
batch_files() {
	local i
	printf '# %s server links\n\n' "$BATCH_LINKS" >"$SRV"
	printf '# %s client links\n' "$BATCH_LINKS" >"$CLI"
	for i in $(seq "$BATCH_LINKS"); do
		echo "attach --tty \"/tmp/bat$i.pty\" --role server --local 10.60.$i.1 --remote 10.60.$i.2   # link $i" >>"$SRV"
		printf '\tattach --tty /tmp/bat%s.peer --role "client"\n' "$i" >>"$CLI"
	done
	echo unit >>"$SRV"
}

# sysfs_opened NETNS: links of NETNS whose state/ipcp is opened (cheap to
# poll; ipcpctl status reads every file of every link)
sysfs_opened() {
	local cmd='cat /sys/class/net/ppp*/ipcp_neg/state/ipcp 2>/dev/null'
	if [ -n "$1" ]; then
		/usr/sbin/ip netns exec "$1" sh -c "$cmd"
	else
		sh -c "$cmd"
	fi | grep -cx opened
}

all_opened() {
	[ "$(sysfs_opened "$1")" = "$BATCH_LINKS" ]
}

# status_opened NETNS: links ipcpctl status shows with IPCP Opened
status_opened() {
	ctl_in "$1" status 2>/dev/null | grep -c ' ipcp Opened$'
}

# addr_lines [NETNS]: "IFNAME inet A peer B/32" of every ppp interface
addr_lines() {
	ip ${1:+-n "$1"} -4 -o addr show | awk '$2 ~ /^ppp/ {
		print $2, $3, $4, $5, $6 }' | sort
}

# addrs_ok: server link i has 10.60.i.1 peer 10.60.i.2, client the reverse
addrs_ok() {
	awk '{ printf "%s inet 10.60.%d.1 peer 10.60.%d.2/32\n", $1, NR, NR }' \
		/tmp/batch-srv.out | sort >/tmp/batch-srv.want
	awk '{ printf "%s inet 10.60.%d.2 peer 10.60.%d.1/32\n", $1, NR, NR }' \
		/tmp/batch-cli.out | sort >/tmp/batch-cli.want
	addr_lines >/tmp/batch-srv.got
	addr_lines bcli >/tmp/batch-cli.got
	cmp -s /tmp/batch-srv.want /tmp/batch-srv.got &&
		cmp -s /tmp/batch-cli.want /tmp/batch-cli.got
}

# fds_only_unit PID: the batch process holds 0, 1, 2, the batch file and
# the unit, nothing else
fds_only_unit() {
	local n
	n=$(ls "/proc/$1/fd" | wc -l)
	say "  ipcpctl -batch holds $n descriptors after $BATCH_LINKS attaches:"
	ls -l "/proc/$1/fd" | sed 's/^/    /'
	[ "$n" -le 5 ]
}

cli_batch_attach() {
	local i t0 t1 hold
	FAILED=
	ip netns add bcli && ip -n bcli link set lo up
	for i in $(seq "$BATCH_LINKS"); do
		pty_pair "bat$i" || note "socat pty pair $i"
	done
	batch_files
	t0=$(uptime_ms)
	ipcpctl -batch "$SRV" >/tmp/batch-srv.out 2>/tmp/batch-srv.err &
	hold=$!
	check "the server batch printed $BATCH_LINKS links and the unit" \
		wait_for 120 "the server batch's output" \
		sh -c "[ \$(wc -l </tmp/batch-srv.out) = $((BATCH_LINKS + 1)) ]"
	t1=$(uptime_ms)
	check "the server batch printed nothing on stderr" \
		[ ! -s /tmp/batch-srv.err ]
	cat /tmp/batch-srv.err
	check "no descriptor of the attaches left in ipcpctl" fds_only_unit "$hold"
	# the last line is the unit, not a link
	sed -i '$d' /tmp/batch-srv.out
	check "the client batch attaches $BATCH_LINKS links under ulimit -n 16" \
		/usr/sbin/ip netns exec bcli sh -c \
		"ulimit -n 16 && ipcpctl -batch $CLI >/tmp/batch-cli.out"
	check "the client batch printed $BATCH_LINKS links" \
		[ "$(wc -l </tmp/batch-cli.out)" = "$BATCH_LINKS" ]
	check "every server link reaches IPCP Opened" \
		wait_for 120 "server links opened" all_opened ""
	check "every client link reaches IPCP Opened" \
		wait_for 60 "client links opened" all_opened bcli
	check "ipcpctl status shows them all Opened" \
		[ "$(status_opened "")" = "$BATCH_LINKS" ]
	check "ipcpctl status in bcli shows them all Opened" \
		[ "$(status_opened bcli)" = "$BATCH_LINKS" ]
	check "every link has its addresses" wait_for 30 "addresses" addrs_ok
	diff /tmp/batch-srv.want /tmp/batch-srv.got
	diff /tmp/batch-cli.want /tmp/batch-cli.got
	stop_pid "$hold"
	report cli-batch-attach "$BATCH_LINKS attaches in $((t1 - t0)) ms"
}

# has_pool NAME
has_pool() {
	[ -d "/sys/kernel/ipcp_neg/pools/$1" ]
}

# batch_bad FILE: a good line, a failing one, a refused monitor, a good one
batch_bad() {
	cat >"$1" <<-EOF
	pool add bt1 10.61.0.1-10.61.0.2
	attach --tty /dev/nonexistent --role client
	monitor
	pool add bt2 10.61.0.3-10.61.0.4
	EOF
}

cli_batch_stop() {
	local rc
	FAILED=
	batch_bad /tmp/batch-bad.txt
	ipcpctl -batch /tmp/batch-bad.txt 2>/tmp/batch-bad.err
	rc=$?
	cat /tmp/batch-bad.err
	check "the batch exits 1" [ "$rc" = 1 ]
	check "it says FILE:LINE: message" grep -qxF \
		"/tmp/batch-bad.txt:2: /dev/nonexistent: no such tty" /tmp/batch-bad.err
	check "it says nothing more" [ "$(wc -l </tmp/batch-bad.err)" = 1 ]
	check "line 1 ran" has_pool bt1
	check "line 4 did not run" sh -c "! [ -d /sys/kernel/ipcp_neg/pools/bt2 ]"
	ipcpctl pool del bt1
	report cli-batch-stop
}

cli_batch_force() {
	local rc
	FAILED=
	ipcpctl -force -batch /tmp/batch-bad.txt 2>/tmp/batch-bad.err
	rc=$?
	cat /tmp/batch-bad.err
	check "the batch exits 1" [ "$rc" = 1 ]
	check "it names line 2" grep -qxF \
		"/tmp/batch-bad.txt:2: /dev/nonexistent: no such tty" /tmp/batch-bad.err
	check "it refuses monitor on line 3" grep -qxF \
		"/tmp/batch-bad.txt:3: monitor cannot run in a batch" /tmp/batch-bad.err
	check "line 1 ran" has_pool bt1
	check "line 4 ran too" has_pool bt2
	ipcpctl pool del bt1
	ipcpctl pool del bt2
	report cli-batch-force
}

cli_batch_stdin() {
	FAILED=
	check "detach every server link from stdin" sh -c \
		"awk '{ print \"detach\", \$2 }' /tmp/batch-srv.out | ipcpctl -batch -"
	check "no server link left" wait_for 60 "server links to go" \
		sh -c "[ -z \"\$(ipcpctl status 2>/dev/null)\" ]"
	check "the client links end too" wait_for 60 "client links to go" \
		sh -c "[ -z \"\$(/usr/sbin/ip netns exec bcli ipcpctl status 2>/dev/null)\" ]"
	report cli-batch-stdin
}

load_module
cli_batch_attach
cli_batch_stop
cli_batch_force
cli_batch_stdin
for i in $(seq "$BATCH_LINKS"); do
	stop_pidfile "/tmp/bat$i.socat-pid"
done
ip netns del bcli 2>/dev/null
