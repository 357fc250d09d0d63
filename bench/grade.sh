#!/usr/bin/env bash
# Grades the correct example submission end to end (Python adapter start-up, numpy import and
# the whole catalog included), ROUNDS times with the sandbox (the default: bubblewrap) and ROUNDS
# times without it (--unsafe-no-sandbox), interleaved so that machine noise hits both alike, and
# prints the medians side by side: what the sandbox costs one submission.
#
#   bench/grade.sh            5 rounds each
#   ROUNDS=9 bench/grade.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-5}"
scripts/bootstrap
swift build -c release --product gradecheck >&2
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for round in $(seq 1 "$ROUNDS"); do
    for mode in sandbox unsafe; do
        flag=""
        [ "$mode" = unsafe ] && flag="--unsafe-no-sandbox"
        start=$(date +%s%N)
        line=$(.build/release/gradecheck grade examples/submissions/correct $flag \
            --junit "$out/junit.xml" --gradescope "$out/results.json" --markdown "$out/summary.md" | grep '^time:' || true)
        end=$(date +%s%N)
        echo "mode=$mode round=$round process_wall_ms=$(( (end - start) / 1000000 )) $line" | tee -a "$out/rounds" >&2
    done
done
python3 - "$out/rounds" <<'PY'
import re, statistics, sys
rows = [line for line in open(sys.argv[1])]
def medians(mode):
    mine = [r for r in rows if r.startswith('mode=%s ' % mode)]
    wall = statistics.median(float(re.search(r'process_wall_ms=([0-9]+)', r).group(1)) / 1000 for r in mine)
    inner = [re.search(r'time: ([0-9.]+) s wall; [0-9.]+ s starting[^;]*; ([0-9.]+) s in (\d+) calls.*?([0-9.]+) s in the harness', r) for r in mine]
    inner = [m for m in inner if m]
    return (len(mine), wall, statistics.median(float(m.group(2)) for m in inner), statistics.median(float(m.group(4)) for m in inner))
on, off = medians('sandbox'), medians('unsafe')
print('grading examples/submissions/correct, %d rounds each (medians)' % on[0])
print('%-22s %12s %16s %12s' % ('', 'process wall', 'submission calls', 'harness'))
print('%-22s %10.2f s %14.2f s %10.2f s' % ('sandbox (bubblewrap)', on[1], on[2], on[3]))
print('%-22s %10.2f s %14.2f s %10.2f s' % ('--unsafe-no-sandbox', off[1], off[2], off[3]))
print('the sandbox adds %.3f s per submission (ratio %.2f)' % (on[1] - off[1], on[1] / off[1]))
PY
