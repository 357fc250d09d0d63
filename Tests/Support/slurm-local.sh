#!/usr/bin/env bash
# A private one-node Slurm cluster on this machine, for tests (recipe: Slurm 22.05 from Debian's
# slurm-wlm and munge, as root, without systemd).
#
#   slurm-local.sh start STATE_DIR           start munged, slurmctld and slurmd; prints SLURM_CONF=...
#   slurm-local.sh wait STATE_DIR JOB [SEC]  wait for a job (every task of an array) to end (default 600 s)
#   slurm-local.sh stop STATE_DIR            cancel its jobs, stop the daemons it started (by pid file)
#
# Everything lives in STATE_DIR: the munge key and socket (slurm.conf's AuthInfo=socket=...), a
# slurm.conf (daemons get -f, clients SLURM_CONF), state, spool, logs and pid files, and two free
# TCP ports of its own; /etc/slurm, /etc/munge and any cluster already on the machine stay as they
# were. The node is `hostname -s` at 127.0.0.1 (so the name need not resolve) with every core, in
# partition `local`.
#
# Exit codes: 0 done; 77 Slurm cannot run here (not root, packages missing, no hostname), with
# one line on stderr saying why, so a test can skip with it; 1 it should have started and did not
# (the daemons' logs follow), or a waited-for job did not complete; 2 bad usage; 124 wait timed out.
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"

say() { echo "slurm-local: $*" >&2; }
unavailable() { echo "slurm-local: cannot start Slurm here: $*" >&2; exit 77; }
usage() { say "usage: slurm-local.sh start|stop STATE_DIR | wait STATE_DIR JOB [SECONDS]"; exit 2; }

[ $# -ge 2 ] || usage
command=$1
[ -n "$2" ] || usage
state=$(realpath -m -- "$2")  # absolute: the daemons read it from their own working folders
conf="$state/slurm.conf"
munge_socket="$state/munge/munge.socket"

# The pid, if the pid file names a live process called `name`.
live_pid() {
    local file=$1 name=$2 pid
    [ -s "$file" ] || return 1
    pid=$(tr -dc 0-9 <"$file")
    [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] && echo "$pid"
}

# Stops the process of a pid file: SIGTERM, up to 10 s, then SIGKILL.
stop_daemon() {
    local pid
    pid=$(live_pid "$1" "$2") || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for _ in $(seq 100); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    say "$2 ($pid) ignored SIGTERM; killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

stop() {
    if [ -f "$conf" ] && live_pid "$state/slurmctld.pid" slurmctld >/dev/null; then
        local jobs
        jobs=$(SLURM_CONF="$conf" squeue -h -o %A 2>/dev/null | sort -u | tr '\n' ' ')
        if [ -n "${jobs// /}" ]; then
            # shellcheck disable=SC2086
            SLURM_CONF="$conf" scancel $jobs 2>/dev/null || true
            for _ in $(seq 100); do
                [ -z "$(SLURM_CONF="$conf" squeue -h -o %A 2>/dev/null)" ] && break
                sleep 0.1
            done
        fi
    fi
    stop_daemon "$state/slurmd.pid" slurmd
    stop_daemon "$state/slurmctld.pid" slurmctld
    stop_daemon "$state/munge/munged.pid" munged
}

# A TCP port nothing on 127.0.0.1 listens on (and not `other`).
free_port() {
    local port
    for _ in $(seq 200); do
        port=$((20000 + RANDOM % 30000))
        [ "$port" = "${1:-}" ] && continue
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
    done
    return 1
}

write_conf() {
    local node=$1 cpus memory ctld_port slurmd_port
    cpus=$(nproc)
    memory=$(awk '/^MemTotal:/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)
    ctld_port=$(free_port) || unavailable "no free TCP port on 127.0.0.1"
    slurmd_port=$(free_port "$ctld_port") || unavailable "no free TCP port on 127.0.0.1"
    : >"$state/plugstack.conf"
    cat >"$conf" <<EOF
# Written by slurm-local.sh for a private one-node test cluster.
ClusterName=gradecheck-local
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$ctld_port
SlurmdPort=$slurmd_port
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$munge_socket
StateSaveLocation=$state/slurmctld
SlurmdSpoolDir=$state/slurmd
SlurmctldPidFile=$state/slurmctld.pid
SlurmdPidFile=$state/slurmd.pid
SlurmctldLogFile=$state/log/slurmctld.log
SlurmdLogFile=$state/log/slurmd.log
PlugStackConfig=$state/plugstack.conf
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
# Finished jobs stay visible to scontrol for an hour (what \`wait\` reads).
MinJobAge=3600
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$node Default=YES MaxTime=INFINITE State=UP
EOF
}

# Prints the logs' last lines and exits 1 (the EXIT trap stops what was started).
failed() {
    say "$*"
    for log in "$state/munge/munged.log" "$state/log/slurmctld.log" "$state/log/slurmd.log"; do
        [ -f "$log" ] && { echo "--- $log" >&2; tail -n 15 "$log" >&2; }
    done
    exit 1
}

# Closes every descriptor above stderr that this script was given, so the daemons (munged keeps
# what it inherits) hold none of the caller's: a caller that waits for its pipes or sockets to
# close (Foundation's Process does) would otherwise wait for ever.
close_inherited_fds() {
    local fd
    for fd in /proc/$$/fd/*; do
        fd=${fd##*/}
        [ "$fd" -gt 2 ] && [ "$fd" -ne 255 ] && eval "exec $fd>&-" 2>/dev/null || true
    done
}

start() {
    [ "$(id -u)" -eq 0 ] || unavailable "not root (slurmd and munged run as root here)"
    local missing=()
    for tool in munged munge unmunge slurmctld slurmd sinfo sbatch squeue scontrol scancel; do
        command -v "$tool" >/dev/null || missing+=("$tool")
    done
    [ ${#missing[@]} -eq 0 ] || unavailable "missing ${missing[*]} (apt-get install slurm-wlm munge; scripts/bootstrap installs them)"
    local node
    node=$(hostname -s 2>/dev/null) || true
    [ -n "$node" ] || unavailable "no hostname (hostname -s prints nothing)"
    if live_pid "$state/slurmctld.pid" slurmctld >/dev/null || live_pid "$state/munge/munged.pid" munged >/dev/null; then
        say "a cluster already runs from $state (stop it first)"
        exit 2
    fi

    close_inherited_fds
    mkdir -p "$state"
    chmod 0755 "$state"
    rm -rf "$state/munge" "$state/slurmctld" "$state/slurmd" "$state/log"
    mkdir -m 0755 "$state/munge" && mkdir -m 0700 "$state/slurmctld" "$state/slurmd" && mkdir -m 0755 "$state/log"
    # Whatever ends this before the node is idle stops what it started.
    trap '[ "${up:-}" = 1 ] || stop' EXIT
    trap 'failed "interrupted"' INT TERM

    head -c 1024 /dev/urandom >"$state/munge/munge.key"
    chmod 0400 "$state/munge/munge.key"
    munged --key-file="$state/munge/munge.key" --socket="$munge_socket" --pid-file="$state/munge/munged.pid" \
        --log-file="$state/munge/munged.log" --seed-file="$state/munge/munged.seed" \
        || failed "munged did not start (every folder above $state must be searchable by all)"
    munge -S "$munge_socket" -n | unmunge -S "$munge_socket" 2>&1 | grep -q 'STATUS: *Success' \
        || failed "munge cannot encode and decode a credential"

    write_conf "$node"
    slurmctld -f "$conf" || failed "slurmctld did not start"
    slurmd -f "$conf" || failed "slurmd did not start"

    local node_state=""
    for _ in $(seq 60); do
        node_state=$(SLURM_CONF="$conf" sinfo -h -N -n "$node" -o %T 2>/dev/null | head -n 1)
        [ "$node_state" = "idle" ] && { up=1; echo "SLURM_CONF=$conf"; return 0; }
        [ "$node_state" = "inval" ] && break  # its configuration does not fit: it will not come back
        sleep 0.5
    done
    failed "node $node is not idle (after up to 30 s; state: ${node_state:-unknown}; $(SLURM_CONF="$conf" scontrol show node "$node" 2>/dev/null | grep -o 'Reason=.*' || true))"
}

# Prints `JOB[_TASK] STATE REASON` for every task of `job`; exit 0 when all completed, 1 when one did not,
# 124 when some still run after `seconds`. A job whose dependency can never be met has ended.
wait_job() {
    local job=$1 seconds=${2:-600} deadline states
    [[ "$job" =~ ^[0-9]+$ && "$seconds" =~ ^[0-9]+$ ]] || usage
    deadline=$((SECONDS + seconds))
    while :; do
        states=$(SLURM_CONF="$conf" scontrol -o show job "$job" 2>/dev/null | awk '{
            delete f
            for (i = 1; i <= NF; i++) { n = index($i, "="); if (n) f[substr($i, 1, n - 1)] = substr($i, n + 1) }
            id = ("ArrayTaskId" in f) ? f["ArrayJobId"] "_" f["ArrayTaskId"] : f["JobId"]
            print id, f["JobState"], f["Reason"]
        }') || true
        [ -n "$states" ] || { say "no job $job"; exit 1; }
        if ! grep -qE ' (PENDING|RUNNING|CONFIGURING|COMPLETING|REQUEUED|RESIZING|SUSPENDED) ' <<<"$states" \
            || grep -q 'DependencyNeverSatisfied' <<<"$states"; then
            break
        fi
        [ "$SECONDS" -lt "$deadline" ] || { say "job $job still running after $seconds s"; echo "$states"; exit 124; }
        sleep 1
    done
    echo "$states"
    ! grep -qvE '^[^ ]+ COMPLETED ' <<<"$states"
}

case "$command" in
    start) [ $# -eq 2 ] || usage; start ;;
    stop) [ $# -eq 2 ] || usage; stop ;;
    wait) [ $# -ge 3 ] && [ $# -le 4 ] || usage; wait_job "$3" "${4:-600}" ;;
    *) usage ;;
esac
