#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Run the fuzz targets built in OUT: run.sh run|smoke SECONDS OUT TARGET...
#
# run:   each target SECONDS seconds on OUT/corpus/<target> (kept between
#        runs, seeded from corpus/<target>), value profiling on
# smoke: each target SECONDS seconds from the seeds alone, fixed seed
# known: replay known/<target>/* (reproducers of reported findings); fails
#        while any still reproduces
# Prints one line per target (executions, rate, coverage) and exits
# non-zero if any target crashed; crash inputs are OUT/crash-<target>-*.

set -u
mode=$1
secs=$2
out=$3
shift 3
cd "$(dirname "$0")" || exit 1
fail=0
total=0

# known: one line per reproducer
replay() {
	for f in known/"$1"/*; do
		[ -f "$f" ] || continue
		if "$out/$1" "$f" >"$out/known.log" 2>&1; then
			echo "$f: fixed"
		else
			echo "$f: reproduces: $(grep -a -m 1 \
				'FUZZ FAIL\|ERROR:\|WARN\|BUG_ON' "$out/known.log")"
			fail=1
		fi
	done
}

for t in "$@"; do
	case $mode in
	known)
		replay "$t"
		continue
		;;
	run)
		work=$out/corpus/$t
		extra="-use_value_profile=1"
		;;
	smoke)
		work=$out/smoke/$t
		rm -rf "$work"
		extra="-seed=1"
		;;
	*)
		echo "usage: $0 run|smoke SECONDS OUT TARGET..." >&2
		exit 2
		;;
	esac
	mkdir -p "$work"
	log=$out/$mode-$t.log
	"$out/$t" -max_total_time="$secs" -timeout=10 -print_final_stats=1 \
		-artifact_prefix="$out/crash-$t-" $extra "$work" corpus/"$t" \
		>"$log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	cov=$(grep -a -o 'cov: [0-9]* ft: [0-9]* corp: [0-9]*' "$log" | tail -n 1)
	echo "$t: ${execs:-0} execs in $secs s (${rate:-0}/s), $cov, exit $rc"
	total=$((total + ${execs:-0}))
	if [ "$rc" -ne 0 ]; then
		fail=1
		grep -a -m 5 'FUZZ FAIL\|ERROR:\|SUMMARY\|WARN\|BUG_ON' "$log"
		echo "$t: see $log"
	fi
done
[ "$mode" = known ] || echo "total: $total execs"
exit $fail
