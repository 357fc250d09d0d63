#!/usr/bin/env bash
# Grades a class made of the example submissions (every folder of examples/submissions but the
# hostile ones, whose time-outs measure the time limits, each a student) with `gradecheck grade-class --jobs JOBS`, ROUNDS times, and prints the medians:
# submissions per second for the class, and the per-submission split (sandbox and interpreter
# start-up, calls into the submission's process, the harness) from class.json; then the wall time
# of grading one submission end to end (`gradecheck grade examples/submissions/correct`).
#
#   bench/class.sh              3 rounds, --jobs 2
#   ROUNDS=5 JOBS=2 bench/class.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-3}"
JOBS="${JOBS:-2}"
scripts/bootstrap
swift build -c release --product gradecheck >&2
bin=.build/release/gradecheck
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/root"
for example in examples/submissions/*/; do
    case "$(basename "$example")" in hostile-*) continue ;; esac
    cp -R "$example" "$out/root/"
done
for round in $(seq 1 "$ROUNDS"); do
    rm -rf "$out/class"
    line=$("$bin" grade-class "$out/root" --out "$out/class" --jobs "$JOBS" | grep '^time:')
    echo "round=$round $line" | tee -a "$out/class-rounds" >&2
    cp "$out/class/class.json" "$out/class-$round.json"
    start=$(date +%s%N)
    "$bin" grade examples/submissions/correct --junit "$out/one/junit.xml" --gradescope "$out/one/results.json" \
        --markdown "$out/one/summary.md" >/dev/null
    end=$(date +%s%N)
    echo "one_ms=$(( (end - start) / 1000000 ))" >> "$out/one-rounds"
done
python3 - "$out" "$ROUNDS" "$JOBS" <<'PY'
import json, re, statistics, sys
out, rounds, jobs = sys.argv[1], int(sys.argv[2]), sys.argv[3]
rates = [float(re.search(r'([0-9.]+) submissions per second', l).group(1)) for l in open(out + '/class-rounds')]
counts = [int(re.search(r'for (\d+) submissions', l).group(1)) for l in open(out + '/class-rounds')]
timings = [json.load(open('%s/class-%d.json' % (out, r)))['timings'] for r in range(1, rounds + 1)]
one = [int(l.split('=')[1]) / 1000 for l in open(out + '/one-rounds')]
med = lambda key: statistics.median(t[key] for t in timings)
print('class of %d example submissions, --jobs %s, %d rounds (medians)' % (counts[0], jobs, rounds))
print('  %.2f submissions per second' % statistics.median(rates))
print('  per submission: %.2f s wall = %.2f s start-up (sandbox + interpreter + imports) + %.2f s in adapter calls + %.2f s harness'
      % (med('median_seconds'), med('median_startup_seconds'), med('median_call_seconds'), med('median_harness_seconds')))
print('one submission end to end (gradecheck grade examples/submissions/correct, process wall): %.2f s' % statistics.median(one))
PY
