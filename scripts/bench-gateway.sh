#!/usr/bin/env bash
# The gateway's cost, measured: the same requests straight to contacts-service (with the identity token the
# gateway would sign, X-Rapport-Identity), through the gateway (with bearer tokens), and — where nginx is installed — through nginx
# (one worker, keep-alive upstream) as the reference proxy. One run, one machine, ratios printed at the end.
#
#   scripts/bench-gateway.sh                 # starts its own system on ports 38080-38084 (+38089 nginx), 39092-39093, 57017; BENCH_BASE_PORT moves them
#   BENCH_DURATION=30s BENCH_MEMBERS=600 scripts/bench-gateway.sh
#   BENCH_PROFILE=1 scripts/bench-gateway.sh # also records the gateway with JFR during its measured runs
#
# Needs wrk (apt-get install wrk) and python3 (signs the identity tokens); nginx is optional. Builds what is stale through ./rapport run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-home.sh

DURATION=${BENCH_DURATION:-15s}
# The JIT compiles the hot paths during the warm-up: on a loaded 2-core machine 10 s was not enough for the gateway.
WARMUP=${BENCH_WARMUP:-30s}
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
# Enough members that the per-member limit (20/s, burst 40) is not what is measured: 600 members allow 12,000/s.
MEMBERS=${BENCH_MEMBERS:-600}
BASE_PORT=${BENCH_BASE_PORT:-38080}
GW_PORT=$BASE_PORT
CONTACTS_PORT=$((BASE_PORT + 1))
NGINX_PORT=$((BASE_PORT + 9))
WORK=${BENCH_DIR:-$PWD/target/bench-gateway}
DATA=$WORK/data

command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is needed" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed (it signs the identity tokens for the direct calls)" >&2; exit 1; }
# The system runs with this secret, so the direct calls (and nginx's) can carry identity tokens the service believes.
RAPPORT_IDENTITY_SECRET=${RAPPORT_IDENTITY_SECRET:-$(head -c 32 /dev/urandom | base64 | tr -d '=\n' | tr '+/' '-_')}
export RAPPORT_IDENTITY_SECRET
mkdir -p "$WORK"
rm -f "$WORK"/*.jfr

RUN_PID=""
NGINX_PID=""
cleanup() {
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
  if [ -n "$RUN_PID" ]; then
    kill -TERM "$RUN_PID" 2>/dev/null || true
    wait "$RUN_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

echo "Starting the embedded default (log: $WORK/run.log)…"
./rapport run --data-dir="$DATA" --reset --gateway-port="$GW_PORT" --contacts-port="$CONTACTS_PORT" \
  --scheduling-port=$((BASE_PORT + 2)) --notes-port=$((BASE_PORT + 3)) --reminders-port=$((BASE_PORT + 4)) \
  --kafka-port=$((BASE_PORT + 1012)) --kafka-controller-port=$((BASE_PORT + 1013)) --mongo-port=$((BASE_PORT + 18937)) \
  > "$WORK/run.log" 2>&1 &
RUN_PID=$!
for _ in $(seq 1 600); do
  grep -q "Rapport is up" "$WORK/run.log" && break
  kill -0 "$RUN_PID" 2>/dev/null || { cat "$WORK/run.log"; echo "./rapport run stopped" >&2; exit 1; }
  sleep 1
done
grep "Rapport is up" "$WORK/run.log" || { echo "not up after 10 minutes" >&2; exit 1; }

GW=http://127.0.0.1:$GW_PORT
DIRECT=http://127.0.0.1:$CONTACTS_PORT
GATEWAY_PID=$(cat "$DATA/pids/gateway.pid")
CONTACTS_PID=$(cat "$DATA/pids/contacts-service.pid")

# Resident memory of every process of the embedded default, before any load (sum of VmRSS).
rest_total=0
for pidfile in "$DATA"/pids/*.pid; do
  rest_total=$((rest_total + $(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$(cat "$pidfile")/status")))
done
rest_launcher=$(awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$RUN_PID/status")
echo "resident at rest: children $rest_total MB + launcher (with the MongoDB wire server) $rest_launcher MB = $((rest_total + rest_launcher)) MB"


# One line per member: member tenant token contact-id (a contact of their own, for GET /api/contacts/{id}).
echo "Signing in $MEMBERS members and giving each a contact…"
member_line() {
  local member=bench-$1 tenant=bench-uni token contact
  token=$(curl -sf -X POST "$GW/auth/dev-token" -H 'Content-Type: application/json' \
    -d "{\"member\":\"$member\",\"tenant\":\"$tenant\",\"roles\":[\"member\"]}" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  contact=$(curl -sf -X POST "$GW/api/contacts" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench Contact $1\",\"email\":\"c$1@bench.example\",\"source\":\"alumni\"}" | sed -E 's/^\{"id":"([^"]+)".*/\1/')
  echo "$member $tenant $token $contact"
}
export -f member_line
export GW
seq 1 "$MEMBERS" | xargs -P 4 -I{} bash -c 'member_line {}' > "$WORK/members.txt"
[ "$(awk 'NF == 4' "$WORK/members.txt" | wc -l)" -eq "$MEMBERS" ] || { echo "could not set up every member" >&2; exit 1; }

# Requests are formatted once per wrk thread, so the load generator does little per request.
cat > "$WORK/rotate.lua" <<'LUA'
-- args: identity (token|identity) endpoint (lint|get) members-file (the third column: a bearer token, or an
-- identity token as the gateway signs it)
local requests = {}
local i = 0
function init(args)
  local identity, endpoint = args[1], args[2]
  for line in io.lines(args[3]) do
    local member, tenant, token, contact = line:match("(%S+) (%S+) (%S+) (%S+)")
    local headers = { ["Content-Type"] = "application/json" }
    if identity == "token" then
      headers["Authorization"] = "Bearer " .. token
    else
      headers["X-Rapport-Identity"] = token
    end
    if endpoint == "lint" then
      table.insert(requests, wrk.format("POST", "/api/outreach/lint", headers,
        '{"channel":"email","text":"Hi Priya, as a fellow alum I admired your launch. Would you have 20 minutes next week?"}'))
    else
      table.insert(requests, wrk.format("GET", "/api/contacts/" .. contact, headers))
    end
  end
  i = math.random(#requests)
end
function request()
  i = i % #requests + 1
  return requests[i]
end
LUA

HAVE_NGINX=""
if command -v nginx >/dev/null; then
  mkdir -p "$WORK/nginx"
  cat > "$WORK/nginx/nginx.conf" <<NGINX
worker_processes 1;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  upstream contacts { server 127.0.0.1:$CONTACTS_PORT; keepalive 32; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    client_body_temp_path $WORK/nginx/body;
    proxy_temp_path $WORK/nginx/proxy;
    location / {
      proxy_pass http://contacts;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
NGINX
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" &
  NGINX_PID=$!
  sleep 1
  NGINX_WORKER=$(pgrep -P "$NGINX_PID" | head -n 1 || true)
  if kill -0 "$NGINX_PID" 2>/dev/null && [ -n "$NGINX_WORKER" ]; then HAVE_NGINX=yes; else NGINX_PID=""; echo "nginx did not start: see $WORK/nginx/error.log"; fi
else
  echo "nginx: skipped (not installed; apt-get install nginx to add the reference proxy)"
fi

# members.txt with the bearer token replaced by an identity token the gateway would sign (HS256, 60 s), written
# again before each wrk run, since a run with its warm-up can outlast a token.
sign_identities() {
  python3 - "$WORK/members.txt" "$WORK/identities.txt" <<'PY'
import base64, hashlib, hmac, json, os, sys, time
b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=")
key = os.environ["RAPPORT_IDENTITY_SECRET"].encode()
now = int(time.time())
with open(sys.argv[1]) as members, open(sys.argv[2], "w") as out:
    for line in members:
        member, tenant, _, contact = line.split()
        claims = {"iss": "rapport-gateway", "aud": "rapport-services", "sub": member, "tenant": tenant,
                  "roles": ["member"], "iat": now, "exp": now + 60}
        signing_input = b64(b'{"alg":"HS256"}') + b"." + b64(json.dumps(claims, separators=(",", ":")).encode())
        token = signing_input + b"." + b64(hmac.new(key, signing_input, hashlib.sha256).digest())
        out.write(f"{member} {tenant} {token.decode()} {contact}\n")
PY
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# CPU time (user + system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# Prints "requests/s p50-ms non-2xx cpu-us-per-request" for one measured run after a warm-up; the CPU is the
# proxy's (the gateway's or nginx's worker), or the service's when called directly.
measure() { # name url identity endpoint pid
  local name=$1 url=$2 identity=$3 endpoint=$4 pid=$5 out=$WORK/wrk-$1-$4.txt before after members=$WORK/members.txt
  [ "$identity" = identity ] && { members=$WORK/identities.txt; sign_identities; }
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$WORK/rotate.lua" "$url" -- "$identity" "$endpoint" "$members" > /dev/null
  [ "$identity" = identity ] && sign_identities
  if [ -n "${BENCH_PROFILE:-}" ] && [ "$name" = gateway ]; then
    jcmd "$GATEWAY_PID" JFR.start name=bench settings=profile filename="$WORK/gateway-$endpoint.jfr" > /dev/null
  fi
  before=$(cpu_ticks "$pid")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$WORK/rotate.lua" "$url" -- "$identity" "$endpoint" "$members" > "$out"
  after=$(cpu_ticks "$pid")
  if [ -n "${BENCH_PROFILE:-}" ] && [ "$name" = gateway ]; then
    jcmd "$GATEWAY_PID" JFR.stop name=bench > /dev/null
  fi
  awk -v ticks=$((after - before)) -v hz="$(getconf CLK_TCK)" '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 }
    $1 == "50%" { p50 = ms($2) }
    /Non-2xx/ { bad = $NF }
    /requests in/ { requests = $1 }
    END { printf "%.0f %.2f %d %.0f\n", rps, p50, bad + 0, ticks / hz * 1e6 / requests }' "$out"
}


echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (after a $WARMUP warm-up each), $MEMBERS members rotating, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "(CPU µs/req: the service's own when direct; the proxy's alone through the gateway or nginx)"
printf '%-24s %-8s %8s %8s %7s %11s %10s %13s\n' endpoint via "req/s" "p50 ms" non2xx "CPU µs/req" "of direct" "p50 overhead"
for endpoint in lint get; do
  label=$([ "$endpoint" = lint ] && echo "POST /api/outreach/lint" || echo "GET /api/contacts/{id}")
  read -r d_rps d_p50 d_bad d_cpu <<< "$(measure direct "$DIRECT" identity "$endpoint" "$CONTACTS_PID")"
  printf '%-24s %-8s %8s %8s %7s %11s %10s %13s\n' "$label" direct "$d_rps" "$d_p50" "$d_bad" "$d_cpu" "1.00" "-"
  targets="gateway"
  [ -n "$HAVE_NGINX" ] && targets="gateway nginx"
  for via in $targets; do
    if [ "$via" = gateway ]; then
      read -r rps p50 bad cpu <<< "$(measure gateway "$GW" token "$endpoint" "$GATEWAY_PID")"
    else
      read -r rps p50 bad cpu <<< "$(measure nginx "http://127.0.0.1:$NGINX_PORT" identity "$endpoint" "$NGINX_WORKER")"
    fi
    printf '%-24s %-8s %8s %8s %7s %11s %10s %13s\n' "$label" "$via" "$rps" "$p50" "$bad" "$cpu" \
      "$(awk -v a="$rps" -v b="$d_rps" 'BEGIN { printf "%.2f", a / b }')" \
      "$(awk -v a="$p50" -v b="$d_p50" 'BEGIN { printf "%+.2f ms", a - b }')"
  done
done
# The proxy's own latency, without queueing: one connection, one request at a time (the saturated runs above measure
# throughput, where p50 is mostly waiting for a CPU). Everything is compiled by now: the runs above warmed it.
one_at_a_time() { # url identity endpoint → "p50-ms p99-ms"
  local members=$WORK/members.txt out=$WORK/wrk-one-$RANDOM.txt
  [ "$2" = identity ] && { members=$WORK/identities.txt; sign_identities; }
  wrk -t1 -c1 -d"${BENCH_LATENCY_DURATION:-10s}" --latency -s "$WORK/rotate.lua" "$1" -- "$2" "$3" "$members" > "$out"
  awk 'function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) } END { printf "%.2f %.2f\n", p50, p99 }' "$out"
}
echo
echo "one request at a time (wrk -t1 -c1 -d${BENCH_LATENCY_DURATION:-10s}): the proxy's latency without queueing, load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-24s %-8s %8s %8s %13s\n' endpoint via "p50 ms" "p99 ms" "p50 overhead"
for endpoint in lint get; do
  label=$([ "$endpoint" = lint ] && echo "POST /api/outreach/lint" || echo "GET /api/contacts/{id}")
  read -r d_p50 d_p99 <<< "$(one_at_a_time "$DIRECT" identity "$endpoint")"
  printf '%-24s %-8s %8s %8s %13s\n' "$label" direct "$d_p50" "$d_p99" "-"
  targets="gateway"
  [ -n "$HAVE_NGINX" ] && targets="gateway nginx"
  for via in $targets; do
    if [ "$via" = gateway ]; then
      read -r p50 p99 <<< "$(one_at_a_time "$GW" token "$endpoint")"
    else
      read -r p50 p99 <<< "$(one_at_a_time "http://127.0.0.1:$NGINX_PORT" identity "$endpoint")"
    fi
    printf '%-24s %-8s %8s %8s %13s\n' "$label" "$via" "$p50" "$p99" "$(awk -v a="$p50" -v b="$d_p50" 'BEGIN { printf "%+.2f ms", a - b }')"
  done
done

echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "resident after the runs: gateway $(rss_mb "$GATEWAY_PID") MB, contacts-service $(rss_mb "$CONTACTS_PID") MB"
[ -n "${BENCH_PROFILE:-}" ] && echo "JFR recordings: $WORK/gateway-*.jfr (jfr print --events jdk.ExecutionSample FILE | ... or jfr view hot-methods FILE)"
exit 0
