#!/usr/bin/env bash
# Start-up cost of two gateway jars, alternately, in one sitting, on the embedded profile with one instance of each
# service (as ./rapport run starts it): the CPU seconds the process used until Spring Boot logged "Started
# GatewayApplication" (steady on a loaded machine), and that line's wall-clock seconds (not steady there).
#   scripts/bench-gateway-start.sh BEFORE.jar AFTER.jar [RUNS]     (default 5 runs each)
# Used to check that adding Spring Cloud LoadBalancer (on only with --instances=N) left the default start as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh
before=$1 after=$2 runs=${3:-5}
export RAPPORT_IDENTITY_SECRET="${RAPPORT_IDENTITY_SECRET:-$(head -c 48 /dev/urandom | base64 | tr -d '\n')}"
port=$(( 30000 + RANDOM % 20000 ))

start_once() {
  local jar=$1 log
  log=$(mktemp)
  java -Xms64m -Xmx384m -XX:+UseSerialGC -jar "$jar" --server.port="$port" --server.address=127.0.0.1 \
    --spring.profiles.active=embedded >"$log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    if grep -q 'Started GatewayApplication in' "$log"; then break; fi
    sleep 0.1
  done
  local ticks wall
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  wall=$(grep -o 'Started GatewayApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' | head -1)
  echo "$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}')/$wall"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -f "$log"
}

declare -a a b
for i in $(seq 1 "$runs"); do
  a+=("$(start_once "$before")")
  b+=("$(start_once "$after")")
done
echo "CPU s/wall s until started, before ($before): ${a[*]}"
echo "CPU s/wall s until started, after  ($after): ${b[*]}"
printf '%s\n' "${a[@]}" | cut -d/ -f1 | sort -n | awk '{v[NR]=$1} END {print "before: median " v[int((NR+1)/2)] " CPU s"}'
printf '%s\n' "${b[@]}" | cut -d/ -f1 | sort -n | awk '{v[NR]=$1} END {print "after:  median " v[int((NR+1)/2)] " CPU s"}'
