import Grader
import Foundation

/// The two scripts at the root of a Gradescope autograder zip (gradescope/autograder_samples
/// `docs/specs.md`): `setup.sh`, run once as root when Gradescope builds the image (the zip is
/// unpacked in `/autograder/source`), and `run_autograder`, which Gradescope copies to
/// `/autograder/run_autograder` and runs for each submission, in `/autograder`, as root.
enum AutograderScripts {
    /// The Ubuntu packages the packed binary and the graded code need: OpenBLAS, libxml2, the
    /// system Python with numpy (run_autograder grades with `/usr/bin/python3`), bubblewrap, and
    /// util-linux (`setpriv`, `unshare`).
    static let packages = ["libopenblas0", "libxml2", "python3", "python3-numpy", "bubblewrap", "util-linux"]

    /// The interpreter run_autograder grades with: the system one, whose numpy setup.sh installs.
    static let python = "/usr/bin/python3"

    /// `setup.sh`: installs `packages`, then checks that the binary runs here and grades the
    /// built-in reference (its data is complete), and logs `gradecheck doctor`.
    static func setup(version: String) -> String {
        #"""
        #!/usr/bin/env bash
        # Gradescope setup, written by `gradecheck gradescope-bundle` (gradecheck \#(version)): installs what
        # the packed gradecheck needs on Gradescope's Ubuntu image, then checks that it runs and grades here.
        set -euo pipefail
        here="$(cd "$(dirname "$0")" && pwd)"
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \#(packages.joined(separator: " "))
        chmod 0755 "$here/bin/gradecheck" "$here/run_autograder"
        # A binary built against a newer glibc than this image's stops here, not at the first submission.
        "$here/bin/gradecheck" --version
        check="$(mktemp -d)"
        "$here/bin/gradecheck" grade --only layers.affine.forward \
            --junit "$check/junit.xml" --gradescope "$check/results.json" --markdown "$check/summary.md" >/dev/null
        rm -rf "$check"
        "$here/bin/gradecheck" doctor || echo "setup.sh: no sandbox works in this build container; if none works when grading either, run_autograder reports a grader fault"

        """#
    }

    /// `run_autograder`: grades ROOT/submission with `arguments` baked in and always writes
    /// ROOT/results/results.json (ROOT: `/autograder`, or `GRADECHECK_AUTOGRADER_ROOT`). gradecheck
    /// writes into a private temporary folder (Gradescope's results folder is not checked the way
    /// gradecheck checks report folders), and the grade is copied from there. When gradecheck
    /// cannot grade (exit 2 or 3, a crash, no binary), the script writes a results.json whose
    /// output says so (a fault of the grader; or, when no cs231n/ package was found, how to upload)
    /// with `extra_data.fault`, and exits non-zero.
    static func runAutograder(version: String, arguments: [String]) -> String {
        #"""
        #!/usr/bin/env bash
        # Gradescope autograder, written by `gradecheck gradescope-bundle` (gradecheck \#(version)).
        #
        # Grades ROOT/submission (cs231n/ may be a few folders down, as students upload) with the
        # gradecheck in ROOT/source (bin/gradecheck, its data in share/gradecheck) and always writes
        # ROOT/results/results.json: the grade, or, when gradecheck cannot grade (exit 2 or 3, a crash),
        # a results.json saying so, and a non-zero exit. ROOT is /autograder, or
        # GRADECHECK_AUTOGRADER_ROOT (for testing). The sandbox is gradecheck's own choice (bubblewrap,
        # else the Landlock fallback; the output names the one used), never none unless given here.
        set -uo pipefail
        arguments=(\#(arguments.map(ShellQuoting.quote).joined(separator: " ")))
        root="${GRADECHECK_AUTOGRADER_ROOT:-/autograder}"
        gradecheck="$root/source/bin/gradecheck"
        results="$root/results/results.json"
        mkdir -p "$root/results"
        rm -f "$results"
        work="$(mktemp -d "${TMPDIR:-/tmp}/gradecheck-autograder.XXXXXX")" || work=""

        # $1 as a JSON string: printable ASCII, tabs and line breaks kept, any other byte dropped.
        json_string() {
            local s
            s="$(printf '%s' "$1" | LC_ALL=C tr -cd '\11\12\40-\176')"
            s="${s//\\/\\\\}"
            s="${s//\"/\\\"}"
            s="${s//$'\t'/\\t}"
            s="${s//$'\n'/\\n}"
            printf '"%s"' "$s"
        }

        # Writes the fault's results.json and exits with $1 (3 when it is 0): $2 says what happened.
        fault() {
            local status="$1" what="$2" details="" kind="grader" output
            if [ -n "$work" ] && [ -s "$work/stderr" ]; then details="$(tail -n 20 "$work/stderr")"; fi
            # gradecheck's words for a submission without the course's layout (SubmissionFolder).
            if [[ "$details" == *"no cs231n/ package found"* || "$details" == *"point at one of them"* ]]; then
                kind="upload"
                output="**The autograder could not find your code**: no check ran. Upload the folder that holds cs231n/ (or cs231n/ itself) with layers.py, optim.py and the rest inside, and submit again."
            else
                output="**The autograder could not grade this submission**: a fault of the grader or of its setup, not of your work (no check ran). $what Please tell your course staff."
            fi
            if [ -n "$details" ]; then output+=$'\n\n'"$(printf '%s\n' "$details" | sed 's/^/    /')"; fi
            printf '{\n  "score": 0,\n  "output": %s,\n  "output_format": "md",\n  "visibility": "visible",\n  "stdout_visibility": "hidden",\n  "extra_data": {"fault": "%s", "exit_status": %d},\n  "tests": []\n}\n' \
                "$(json_string "$output")" "$kind" "$status" > "$results"
            echo "run_autograder: could not grade (exit $status): $what" >&2
            if [ -n "$work" ]; then rm -rf "$work"; fi
            if [ "$status" -eq 0 ]; then exit 3; fi
            exit "$status"
        }

        [ -n "$work" ] || fault 3 "run_autograder could not make a temporary folder."
        [ -x "$gradecheck" ] || fault 127 "$gradecheck is missing or not executable (did setup.sh run?)."
        echo "gradecheck: $("$gradecheck" --version 2>&1 | head -n 1); what this container gives a grading:"
        "$gradecheck" doctor 2>&1 | sed 's/^/    /'
        "$gradecheck" grade "$root/submission" "${arguments[@]}" \
            --gradescope "$work/results.json" --junit "$work/junit.xml" --markdown "$work/summary.md" 2> "$work/stderr"
        status=$?
        cat "$work/stderr" >&2
        case "$status" in
            0 | 1)
                if [ -s "$work/results.json" ] && cp "$work/results.json" "$results"; then
                    rm -rf "$work"
                    exit 0
                fi
                fault 3 "gradecheck ended (exit $status) without a results.json." ;;
            2) fault 2 "gradecheck refused to grade (exit 2: a setup or an input it cannot grade with)." ;;
            3) fault 3 "gradecheck hit an internal error (exit 3)." ;;
            126 | 127) fault "$status" "gradecheck could not be started (exit $status)." ;;
            *)
                if [ "$status" -gt 128 ]; then fault "$status" "gradecheck crashed (signal $((status - 128)))."; fi
                fault "$status" "gradecheck ended with exit status $status." ;;
        esac

        """#
    }
}

/// Quoting for POSIX shells.
enum ShellQuoting {
    /// `text` as one shell word: in single quotes, each `'` written `'\''`.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
