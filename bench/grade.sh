#!/usr/bin/env bash
# Grades the correct example submission end to end (Python adapter start-up, numpy import and
# the whole catalog included), ROUNDS times with the sandbox (the default: bubblewrap) and ROUNDS
# times without it (--unsafe-no-sandbox), interleaved so that machine noise hits both alike, and
# prints the medians side by side: what the sandbox costs one submission, and where one
# submission's time goes (the grader's `time:` line: start-up of the sandbox and interpreter,
# calls to the submission's process, the harness).
#
#   bench/grade.sh            5 rounds each
#   ROUNDS=9 bench/grade.sh
#   BASELINE=/tmp/old/gradecheck bench/grade.sh   this build against another (its data folders
#                             beside it, e.g. a copy of .build/release), both with the sandbox on
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-5}"
scripts/bootstrap
swift build -c release --product gradecheck >&2
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
modes="sandbox unsafe"
[ -n "${BASELINE:-}" ] && modes="baseline sandbox"
for round in $(seq 1 "$ROUNDS"); do
    for mode in $modes; do
        flag="" binary=.build/release/gradecheck
        [ "$mode" = unsafe ] && flag="--unsafe-no-sandbox"
        [ "$mode" = baseline ] && binary="$BASELINE"
        start=$(date +%s%N)
        line=$("$binary" grade examples/submissions/correct $flag \
            --junit "$out/junit.xml" --gradescope "$out/results.json" --markdown "$out/summary.md" | grep '^time:' || true)
        end=$(date +%s%N)
        echo "mode=$mode round=$round process_wall_ms=$(( (end - start) / 1000000 )) $line" | tee -a "$out/rounds" >&2
    done
done
python3 - "$out/rounds" <<'PY'
import re, statistics, sys
rows = [line for line in open(sys.argv[1])]
split = re.compile(r'time: ([0-9.]+) s wall; ([0-9.]+) s starting[^;]*; ([0-9.]+) s in (\d+) calls.*?([0-9.]+) s in the harness')
def medians(mode):
    mine = [r for r in rows if r.startswith('mode=%s ' % mode)]
    wall = statistics.median(float(re.search(r'process_wall_ms=([0-9]+)', r).group(1)) / 1000 for r in mine)
    inner = [m for m in (split.search(r) for r in mine) if m]
    if not inner:
        sys.exit('no `time:` line in the grader\'s output')
    field = lambda k: statistics.median(float(m.group(k)) for m in inner)
    return dict(rounds=len(mine), wall=wall, graded=field(1), startup=field(2), calls=field(3), count=field(4), harness=field(5))
baseline = any(r.startswith('mode=baseline ') for r in rows)
on, off = medians('sandbox'), medians('baseline' if baseline else 'unsafe')
print('grading examples/submissions/correct, %d rounds each (medians)' % on['rounds'])
print('%-22s %12s %10s %10s %16s %10s' % ('', 'process wall', 'graded', 'start-up', 'submission calls', 'harness'))
labels = ('this build', 'baseline') if baseline else ('sandbox (bubblewrap)', '--unsafe-no-sandbox')
for label, m in zip(labels, (on, off)):
    print('%-22s %10.2f s %8.2f s %8.2f s %8.2f s (%3d) %8.2f s' % (
        label, m['wall'], m['graded'], m['startup'], m['calls'], m['count'], m['harness']))
if baseline:
    print('this build takes %.3f s less per submission (ratio %.2f)' % (off['wall'] - on['wall'], on['wall'] / off['wall']))
else:
    print('the sandbox adds %.3f s per submission (ratio %.2f)' % (on['wall'] - off['wall'], on['wall'] / off['wall']))
PY
