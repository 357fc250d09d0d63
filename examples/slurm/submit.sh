#!/usr/bin/env bash
# Grades a class on Slurm: a job array of N shards (grade-class.sbatch), then a merge job
# (merge.sbatch) that runs once every shard has succeeded (--dependency=afterok) and is cancelled
# if one fails (--kill-on-invalid-dep=yes).
#
#   submit.sh ROOT OUT SHARDS GRADECHECK [SBATCH_OPTION...] [-- GRADE_CLASS_OPTION...]
#
# ROOT     the class: one entry per student (folder, .zip, .tar.gz or a Gradescope export)
# OUT      where everything goes: OUT/shards/K/ (one shard's outputs), OUT/class/ (the merged class:
#          grades.csv, class.json, index.html, junit.xml, students/), OUT/logs/ (the jobs' output)
# SHARDS   the number of array tasks (1 to the cluster's MaxArraySize - 1)
# GRADECHECK  the gradecheck binary, on a file system the compute nodes see
# SBATCH_OPTION  given to both sbatch calls (e.g. --partition=short --account=cs231n --time=00:30:00)
# GRADE_CLASS_OPTION  given to every shard's grade-class (e.g. --roster roster.csv)
#
# Prints `ARRAY_JOB_ID MERGE_JOB_ID` on stdout (what it did, on stderr). Paths are made absolute,
# so it may be run from any folder. Exit status: 0 both submitted, 2 bad usage, else sbatch's.
set -euo pipefail

fail() { echo "submit.sh: $*" >&2; exit 2; }

[ $# -ge 4 ] || fail "usage: submit.sh ROOT OUT SHARDS GRADECHECK [SBATCH_OPTION...] [-- GRADE_CLASS_OPTION...]"
[ -d "$1" ] || fail "no class folder $1"
[[ "$3" =~ ^[1-9][0-9]*$ ]] || fail "SHARDS must be a positive integer, not '$3'"
gradecheck=$4
[[ "$gradecheck" == */* ]] || gradecheck=$(command -v "$gradecheck") || fail "no $4 on the PATH"
[ -x "$gradecheck" ] && [ -f "$gradecheck" ] || fail "$4 is not an executable file"
command -v sbatch >/dev/null || fail "no sbatch on the PATH (run this on a Slurm login node)"

root=$(cd "$1" && pwd -P)
mkdir -p "$2/logs" || fail "cannot make $2/logs"
out=$(cd "$2" && pwd -P)
shards=$3
gradecheck="$(cd "$(dirname "$gradecheck")" && pwd -P)/$(basename "$gradecheck")"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
shift 4
sbatch_options=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do sbatch_options+=("$1"); shift; done
[ $# -gt 0 ] && shift
grade_options=("$@")

array=$(sbatch --parsable --array="1-$shards" --output="$out/logs/grade-%A_%a.out" "${sbatch_options[@]}" \
    "$here/grade-class.sbatch" "$root" "$out" "$gradecheck" "$shards" "${grade_options[@]}")
array=${array%%;*}
if ! merge=$(sbatch --parsable --dependency="afterok:$array" --kill-on-invalid-dep=yes \
    --output="$out/logs/merge-%j.out" "${sbatch_options[@]}" "$here/merge.sbatch" "$out" "$gradecheck" "$shards"); then
    scancel "$array" || true
    echo "submit.sh: the merge job was refused; grading array $array cancelled" >&2
    exit 1
fi
merge=${merge%%;*}

echo "submit.sh: grading array $array ($shards shards, $out/shards/), merge $merge after it ($out/class/); logs in $out/logs/" >&2
echo "$array $merge"
