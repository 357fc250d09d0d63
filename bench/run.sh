#!/usr/bin/env bash
# Engine vs numpy: one training step (forward + backward + Adam) of a FullyConnectedNet
# 3072-100-100-100-100-100-10, timed in the engine (bench/EngineBench) and in numpy written the
# cs231n way (bench/netstep.py), in alternating processes: engine, numpy, engine, numpy, ...
# Prints each side's median ms/step per configuration and, as its last line, the median of the
# pairwise engine/numpy ratios at batch 200, float64.
#
# Two engine lines: "engine" is the engine's training step as its Solver runs it, which does not
# compute the gradient of the input batch (nothing uses it); "engine-samework" also computes it,
# as the cs231n code does, so it does exactly numpy's GEMM work. Both ratios are printed.
#
# Both sides run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (some machines set them), so
# each library picks its own kernels; engine-bench then calls BLASRuntime.selectKernels() at
# start-up, as gradecheck does, which corrects a slow choice. Both print the OpenBLAS core they
# ran. Same threads on both sides (the default, or set OPENBLAS_NUM_THREADS for both).
#
#   bench/run.sh               5 rounds per configuration
#   ROUNDS=9 bench/run.sh      more rounds (medians of noisy machines settle with more)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${ROUNDS:-5}"

scripts/bootstrap
swift build -c release --product engine-bench >&2
engine=".build/release/engine-bench"
results="$(mktemp)"
trap 'rm -f "$results"' EXIT

configs=("float64 200 300" "float64 1000 80" "float32 200 300")
for config in "${configs[@]}"; do
    read -r dtype batch steps <<<"$config"
    for round in $(seq 1 "$ROUNDS"); do
        for side in engine samework numpy; do
            if [ "$side" = engine ]; then
                line=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$engine" --dtype "$dtype" --batch "$batch" --steps "$steps")
            elif [ "$side" = samework ]; then
                line=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$engine" --dtype "$dtype" --batch "$batch" --steps "$steps" --input-gradient)
            else
                line=$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 bench/netstep.py --dtype "$dtype" --batch "$batch" --steps "$steps")
            fi
            echo "round=$round $line" | tee -a "$results" >&2
        done
    done
done

python3 - "$results" <<'PY'
import re, statistics, sys
rows = []
for line in open(sys.argv[1]):
    fields = dict(re.findall(r'(\w+)=(\S+)', line))
    fields['side'] = line.split()[1]
    rows.append(fields)
print()
print('%-8s %-16s %6s  %10s %9s  %7s  %s' % ('dtype', 'side', 'batch', 'median ms', 'steps/s', 'ratio', 'kernels'))
headline = {}
for dtype, batch in [('float64', '200'), ('float64', '1000'), ('float32', '200')]:
    pick = [r for r in rows if r['dtype'] == dtype and r['batch'] == batch]
    numpy = [r for r in pick if r['side'] == 'numpy']
    for name in ('engine', 'engine-samework', 'numpy'):
        side = [r for r in pick if r['side'] == name]
        ms = statistics.median(float(r['median_ms']) for r in side)
        ratios = [float(e['median_ms']) / float(n['median_ms']) for e, n in zip(side, numpy)]
        ratio = statistics.median(ratios)
        print('%-8s %-16s %6s  %10.3f %9.1f  %7s  %s, %s threads' % (
            dtype, name, batch, ms, 1000 / ms, '%.3f' % ratio if name != 'numpy' else '',
            side[0]['core'], side[0]['threads']))
        if dtype == 'float64' and batch == '200':
            headline[name] = (ratio, min(ratios), max(ratios), len(ratios))
print()
ratio, low, high, count = headline['engine-samework']
print('same work as numpy (engine also computes dX of the first layer): ratio %.3f (range %.3f-%.3f)' % (ratio, low, high))
ratio, low, high, count = headline['engine']
print('median engine/numpy step-time ratio (float64, batch 200, %d alternating pairs, range %.3f-%.3f): %.3f' % (count, low, high, ratio))
PY
