#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The benchmarks ("make bench", bench/README.rst): the user-space engine
# and pool benchmark on this machine, then the plain test kernel in QEMU
# running the bench job (the bench module; iperf3 through module links and
# pppd links, alternating; N links end to end with the module and with
# pppd; rmmod with every module link live). Prints one figures table, with
# the goals and whether each is met, and writes it to
# out/bench/figures.txt. Measures; passes no judgement on speed (a step
# that breaks is reported as such).
#
# Environment: BENCH_N      links end to end (default 1000)
#              BENCH_NEG    negotiations, kernel engine figure (default 20000)
#              BENCH_OPS    release+take pairs per kernel pool figure
#                           (default 1000000)
#              BENCH_SECS   seconds per iperf3 run (default 20)
#              BENCH_RUNS   alternating runs of each iperf3 test (default 5)
#              BENCH_TRANSPORTS  of the iperf3 figures (default "pty pppoe")
#              BENCH_STEPS  guest steps (default "kmod e2e-module e2e-pppd
#                           datapath")
#              BENCH_PIN_PTY, BENCH_PIN_PPPOE  pppd's options pinned to what
#                           the module negotiates (bench/README.rst)
#              BENCH_MEM    guest memory, MiB (default 4096)
#              IPCP_NEG_VM_TIMEOUT  the VM's limit, s (default: twice the
#                           estimate plus 30 minutes, at least 3600)
#              BENCH_USER_ARGS  arguments of bench_user (default
#                           "-n 300000 -p 5000000 -8")
#              IPCP_NEG_OUT where everything goes (default out/bench)
set -uo pipefail
. "$(dirname "$0")/lib.sh"

N=${BENCH_N:-1000}
NEG=${BENCH_NEG:-20000}
OPS=${BENCH_OPS:-1000000}
SECS=${BENCH_SECS:-20}
RUNS=${BENCH_RUNS:-5}
TRANSPORTS=${BENCH_TRANSPORTS:-pty pppoe}
STEPS=${BENCH_STEPS:-kmod e2e-module e2e-pppd datapath}
PIN_PTY=${BENCH_PIN_PTY:-asyncmap 0 novj noccp nopcomp noaccomp}
PIN_PPPOE=${BENCH_PIN_PPPOE:-novj noccp nopcomp noaccomp}
MEM=${BENCH_MEM:-4096}
USER_ARGS=${BENCH_USER_ARGS:--n 300000 -p 5000000 -8}
out=${IPCP_NEG_OUT:-$TOP/out/bench}
rm -rf "$out"
mkdir -p "$out"

# The VM's time, roughly (2 shared cores, TCG): per iperf3 run SECS plus
# about 6 s of set-up; per transport three links and a negotiation record,
# about 60 s; per end-to-end link about 0.8 s in all (module, pppd, socat
# starts, rmmod); the bench module and the boot, about 300 s
# shellcheck disable=SC2086 # the transports are words
set -- $TRANSPORTS
est=$(($# * (RUNS * 4 * 3 * (SECS + 6) + 60)))
case " $STEPS " in *" datapath "*) ;; *) est=0 ;; esac
case " $STEPS " in *" e2e-"*) est=$((est + N * 80 / 100 + 300)) ;; esac
limit=${IPCP_NEG_VM_TIMEOUT:-$((2 * est + 1800 > 3600 ? 2 * est + 1800 : 3600))}
log "estimated VM time: about $((est / 60)) min ($# transport(s) x $RUNS runs x 4 tests x 3 sides x ${SECS} s, N=$N; limit ${limit} s)"

"$TOP/scripts/deps.sh" || die "missing Debian packages"
command -v iperf3 >/dev/null ||
	log "iperf3 is not installed: the data path figures will be missing (apt-get install iperf3)"

log "user-space benchmark (engine and pools over the fuzz shim, -O2)"
make -s -C "$TOP/bench/user" OUT="$out/user" >"$out/user-build.log" 2>&1 ||
	{ cat "$out/user-build.log"; die "building bench_user failed"; }
# shellcheck disable=SC2086
"$out/user/bench_user" $USER_ARGS >"$out/user.figures" ||
	log "bench_user failed (see $out/user.figures)"

kdir=$("$TOP/scripts/build-kernel.sh" plain) || die "building the plain test kernel failed"
log "building ipcp_neg.ko, ipcp_neg_bench.ko and ipcpctl"
mkdir -p "$out/build"
rsync -a --exclude out "$TOP/src" "$TOP/include" "$TOP/bench" "$out/build/"
for m in src bench/kmod; do
	make -C "$kdir" M="$out/build/$m" modules >>"$out/build.log" 2>&1 ||
		{ tail -n 30 "$out/build.log"; die "building $m failed"; }
done
make -s -B -f "$TOP/tools/ipcpctl/Makefile" BIN="$out/ipcpctl" || die "building ipcpctl failed"
IPCPCTL=$out/ipcpctl "$TOP/scripts/mkinitramfs.sh" "$out/initramfs.cpio.gz" \
	"$out/build/src/ipcp_neg.ko" "$out/build/bench/kmod/ipcp_neg_bench.ko" ||
	die "assembling the initramfs failed"
# The guest side of the job as /bench, a second archive appended to the
# first (the kernel unpacks concatenated archives in order)
mkdir -p "$out/extra/bench"
cp "$TOP/bench/guest/"*.sh "$out/extra/bench/"
{
	printf 'RUNS=%s\n' "$RUNS"
	printf "TRANSPORTS='%s'\n" "$TRANSPORTS"
	printf "STEPS='%s'\n" "$STEPS"
	printf "DP_PIN_PTY='%s'\n" "$PIN_PTY"
	printf "DP_PIN_PPPOE='%s'\n" "$PIN_PPPOE"
} >"$out/extra/bench/params"
(cd "$out/extra" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 \
	>>"$out/initramfs.cpio.gz"

log "booting the plain test kernel in QEMU (bench job, $MEM MiB, N=$N)"
start=$(date +%s)
run_guest -m "$MEM" -t "$limit" -c "$out/console.log" \
	"$kdir/arch/x86/boot/bzImage" "$out/initramfs.cpio.gz" "$out/guest.results" \
	"log_buf_len=4M loglevel=4 ipcp_neg.job=bench ipcp_neg.bench_n=$N ipcp_neg.bench_neg=$NEG ipcp_neg.bench_ops=$OPS ipcp_neg.bench_secs=$SECS"
log "the VM ran $(($(date +%s) - start)) s"
guest_done "$out/guest.results" ||
	log "the guest did not finish its job (see $out/console.log)"
# What the module negotiated with pppd, from pppd's debug log
sed -n 's/.*ipcp_neg-test: negotiated //p' "$out/console.log" | tr -d '\r' \
	>"$out/negotiated.txt"

# The table: every figure with its unit, then the goals
{
	sed -n 's/^figure \([^ ]*\) \([^ ]*\) \(.*\)$/\1 \2 \3/p' "$out/user.figures"
	sed -n 's/^FIGURE \([^ ]*\) \([^ ]*\) \(.*\)$/\1 \2 \3/p' "$out/guest.results"
} >"$out/figures.raw"
python3 "$TOP/bench/table.py" "$out/figures.raw" "$(date -u +%Y-%m-%d)" \
	"N=$N NEG=$NEG OPS=$OPS SECS=$SECS RUNS=$RUNS TRANSPORTS='$TRANSPORTS' MEM=$MEM user: $USER_ARGS; pppd pinned: pty '$PIN_PTY', pppoe '$PIN_PPPOE'" \
	>"$out/figures.txt"
grep -E '^RESULT (fail|skip)' "$out/guest.results" >>"$out/figures.txt"
if [ -s "$out/negotiated.txt" ]; then
	echo "module <-> pppd, as pppd's debug log shows it (pppd's side):"
	cat "$out/negotiated.txt"
fi >>"$out/figures.txt"
cat "$out/figures.txt"
echo "logs: $out"
! grep -q '^RESULT fail' "$out/guest.results"
