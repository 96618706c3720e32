#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Every sysfs file documented in Documentation/ABI/testing/ must be exercised
# by a guest test: its name must appear in test/guest/ (a literal name, so
# that a reader can find the test of an attribute with grep).
#
# Usage: abi-coverage.sh [TREE]     prints the untested files, exits 1 if any
set -uo pipefail

tree=${1:-$(cd "$(dirname "$0")/.." && pwd)}
missing=0
total=0
for what in $(sed -n 's/^What:[[:space:]]*//p' "$tree"/Documentation/ABI/testing/* 2>/dev/null); do
	# a What: line may name several files with braces: {lcp,ipcp}_malformed
	for name in $(eval "echo ${what##*/}"); do
		total=$((total + 1))
		if ! grep -rqwF -- "$name" "$tree/test/guest"; then
			echo "untested: ${what%/*}/$name"
			missing=$((missing + 1))
		fi
	done
done
echo "$total documented sysfs files, $missing without a guest test"
[ "$total" -gt 0 ] && [ "$missing" = 0 ]
