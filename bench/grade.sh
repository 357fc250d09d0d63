#!/usr/bin/env bash
# Grades the correct example submission end to end (Python adapter start-up, numpy import and
# the whole catalog included), ROUNDS times, and prints the median wall time and the split
# between the harness and the submission's process.
#
#   bench/grade.sh            5 rounds
#   ROUNDS=9 bench/grade.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-5}"
scripts/bootstrap
swift build -c release --product gradecheck >&2
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for round in $(seq 1 "$ROUNDS"); do
    start=$(date +%s%N)
    line=$(.build/release/gradecheck grade examples/submissions/correct \
        --junit "$out/junit.xml" --gradescope "$out/results.json" --markdown "$out/summary.md" | grep '^time:' || true)
    end=$(date +%s%N)
    echo "round=$round process_wall_ms=$(( (end - start) / 1000000 )) $line" | tee -a "$out/rounds" >&2
done
python3 - "$out/rounds" <<'PY'
import re, statistics, sys
rows = [line for line in open(sys.argv[1])]
wall = [float(re.search(r'process_wall_ms=([0-9]+)', r).group(1)) / 1000 for r in rows]
inner = [re.search(r'time: ([0-9.]+) s wall; ([0-9.]+) s in (\d+) calls.*?([0-9.]+) s in the harness', r) for r in rows]
inner = [m for m in inner if m]
print('grading examples/submissions/correct, %d rounds' % len(rows))
print('median process wall time (start-up included): %.2f s' % statistics.median(wall))
if inner:
    print('median inside the grader: %.2f s, of which %.2f s in %s calls to the submission process and %.2f s in the harness' % (
        statistics.median(float(m.group(1)) for m in inner), statistics.median(float(m.group(2)) for m in inner),
        inner[0].group(3), statistics.median(float(m.group(4)) for m in inner)))
PY
