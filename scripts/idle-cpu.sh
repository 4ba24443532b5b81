#!/usr/bin/env bash
# Idle cost of a running embedded default: CPU (utime + stime from /proc/<pid>/stat, in CLK_TCK ticks) of every
# process the launcher noted in <data-dir>/pids, over a window, as % of one core.
#
#   scripts/idle-cpu.sh [data-dir] [seconds]     defaults: .rapport-data 60
#
# Start the system first (./rapport run) and let it settle (a minute after "Rapport is up"); nothing else should
# call it meanwhile. Two systems measured side by side (different --data-dir and ports) see the same machine load,
# which is how a before/after ratio is taken on a shared machine.
set -euo pipefail
dir=${1:-.rapport-data}
seconds=${2:-60}
ticks=$(getconf CLK_TCK)

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }

declare -A pid start
for file in "$dir"/pids/*.pid; do
  name=$(basename "$file" .pid)
  pid[$name]=$(tr -d '[:space:]' < "$file")
  [ -d "/proc/${pid[$name]}" ] || { echo "$name (pid ${pid[$name]}) is not running" >&2; exit 1; }
done
for name in "${!pid[@]}"; do start[$name]=$(cpu_ticks "${pid[$name]}"); done
sleep "$seconds"
total=0
for name in $(printf '%s\n' "${!pid[@]}" | sort); do
  used=$(( $(cpu_ticks "${pid[$name]}") - ${start[$name]} ))
  total=$(( total + used ))
  awk -v n="$name" -v u="$used" -v t="$ticks" -v s="$seconds" 'BEGIN { printf "%-20s %6.2f %% of one core\n", n, 100 * u / t / s }'
done
awk -v u="$total" -v t="$ticks" -v s="$seconds" 'BEGIN { printf "%-20s %6.2f %% of one core over %d s\n", "total", 100 * u / t / s, s }'
