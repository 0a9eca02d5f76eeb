#!/usr/bin/env bash
# resource-service direct (no gateway): CPU per request of a public and a JWT-protected route in one run.
#   bench/resource-service/run.sh [A.jar B.jar ...]   (method: docs/performance.md#resource-services)
# Without arguments it measures resource-service's jar and writes bench/resource-service/RESULTS.md (RESULTS=
# sets where a run's report goes, with or without arguments).
# One auth-server (fresh database platform_bench_rs, dropped afterwards; Redis namespace bench-rs) with one API
# key (bench/auth-server/bench-key.sh); the JWT is that key exchanged at auth-server as the gateway does for
# every key caller (RFC 8693): a real RS256 token for audience platform-api. The JWT route is
# /examples/either-auth (@JwtOrApiKey: the checks of a user's token; @JwtOnly would refuse a key's token), sent
# `Authorization: Bearer <token>`, a fresh token before every window (they live 5 minutes); the public route
# is /examples/public. Every jar (a jar with "reactive" in its name is resource-service-reactive) runs COPIES
# (3) times, each with java @deploy/jvm/<app>.args and MALLOC_ARENA_MAX=2 on its own port from 20110;
# APP_ARGS_i adds application arguments to the i-th process (1-based, in start order), e.g.
# APP_ARGS_2=--platform.resource-server.verified-tokens=0. Each process is warmed WARMUP_SECONDS (60) on both
# routes at once (-c16 each), then ROUNDS (4) rounds alternate `wrk -t2 -c32 -d12s` between the two routes
# within each process (every other round in reverse order). Each line: req/s, p99, the process's CPU per
# request (utime + stime over the window / requests). Summary per build (jar and arguments), summed over all
# its windows: CPU µs per request of each route, the added CPU of the JWT route, and the peak VmHWM.
# PROFILER=/path/to/libasyncProfiler.so: a diagnostic run, not a measurement: every measured window is profiled
# (event=cpu,interval=1ms), its stacks appended to $WORK/profile-pN-ROUTE.collapsed and its request count to the
# .requests file beside it; bench/gateway/profile-diff.py compares two.
# Needs Java 17, wrk, psql, redis-cli, curl, python3; PostgreSQL (trust) and Redis at 127.0.0.1. Ports
# 20100 (auth-server) and 20110 on; stops every process it starts. Only ratios within one run mean anything.
set -euo pipefail
# Several instances of an app run side by side here: each takes a free management port.
export MANAGEMENT_PORT=0
cd "$(dirname "$0")/../.."
HERE=bench/resource-service
COPIES=${COPIES:-3} ROUNDS=${ROUNDS:-4} WARMUP_SECONDS=${WARMUP_SECONDS:-60} SECONDS_PER_RUN=${SECONDS_PER_RUN:-12}
DB=platform_bench_rs NS=bench-rs AUTH_PORT=20100 FIRST_PORT=20110
GW_SECRET=bench-gateway-secret-0123456789abcdef0123
RESULTS=${RESULTS:-}
if [ $# = 0 ]; then
  [ -f resource-service/target/resource-service-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B -DskipTests -pl resource-service -am package
  set -- resource-service/target/resource-service-0.1.0-SNAPSHOT.jar
  RESULTS=${RESULTS:-$HERE/RESULTS.md}
fi
[ -f auth-server/target/auth-server-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B -DskipTests -pl auth-server -am package
WORK=$(mktemp -d /tmp/bench-rs.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  redis-cli --scan --pattern "$NS:*" | xargs -r redis-cli DEL >/dev/null
  psql -h 127.0.0.1 -U postgres -qAt -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  echo "logs in $WORK" >&2
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 180); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done; echo "not up: $1" >&2; exit 1; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
HZ=$(getconf CLK_TCK)
export MALLOC_ARENA_MAX=2

psql -h 127.0.0.1 -U postgres -qAt -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"
AUTH_SERVER_PORT=$AUTH_PORT POSTGRES_DB=$DB AUTH_ISSUER=http://127.0.0.1:$AUTH_PORT PLATFORM_REDIS_NAMESPACE=$NS \
  PLATFORM_SIGNING_SECRET=bench-signing-secret-0123456789abcdef0123 GATEWAY_CLIENT_SECRET=$GW_SECRET \
  PORTAL_CLIENT_SECRET=bench-portal-secret-0123456789abcdef0123 \
  java @deploy/jvm/auth-server.args -jar auth-server/target/auth-server-0.1.0-SNAPSHOT.jar >"$WORK/auth-server.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$AUTH_PORT/readyz"
KEY=$(bench/auth-server/bench-key.sh $DB)
fresh_token() { # the API key exchanged at auth-server, as the gateway does
  JWT=$(curl -s -u "gateway:$GW_SECRET" -d grant_type=urn:ietf:params:oauth:grant-type:token-exchange \
    -d "subject_token=$KEY" -d subject_token_type=urn:ssoplatform:params:oauth:token-type:api-key \
    "http://127.0.0.1:$AUTH_PORT/oauth2/token" | sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
  [ -n "$JWT" ] || { echo "no token from auth-server" >&2; exit 1; }
}

declare -a PORT PID NAME
n=0
for jar in "$@"; do
  app=resource-service
  [[ $(basename "$jar") == *reactive* ]] && app=resource-service-reactive
  cp "$jar" "$WORK/$(basename "$jar")" # a rebuild in the tree cannot swap a jar under a running benchmark
  for _ in $(seq 1 "$COPIES"); do
    n=$((n + 1))
    extra=APP_ARGS_$n
    PORT[$n]=$((FIRST_PORT + n)) NAME[$n]=$(basename "$jar" .jar)${!extra:+ ${!extra}}
    AUTH_ISSUER=http://127.0.0.1:$AUTH_PORT AUTH_SERVER_URL=http://127.0.0.1:$AUTH_PORT \
      java @deploy/jvm/$app.args -jar "$WORK/$(basename "$jar")" --server.port=${PORT[$n]} ${!extra:-} \
      >"$WORK/process-$n.log" 2>&1 &
    PID[$n]=$!
    PIDS+=(${PID[$n]})
  done
done
for i in "${!PORT[@]}"; do wait_for "http://127.0.0.1:${PORT[$i]}/examples/public"; done
fresh_token
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $JWT" "http://127.0.0.1:${PORT[1]}/examples/either-auth")
[ "$code" = 200 ] || { echo "the JWT route answered $code" >&2; exit 1; }

route_request() { # route port: sets url and header
  url=http://127.0.0.1:$2/examples/public header=()
  [ "$1" = jwt ] && url=http://127.0.0.1:$2/examples/either-auth header=(-H "Authorization: Bearer $JWT")
  return 0
}
for i in "${!PORT[@]}"; do
  fresh_token
  warmers=()
  for route in public jwt; do
    route_request $route "${PORT[$i]}"
    wrk -t1 -c16 -d"${WARMUP_SECONDS}s" "${header[@]}" "$url" >/dev/null &
    warmers+=($!)
  done
  wait "${warmers[@]}"
done

run() { # round route index: one measured window, one line
  local t0 out
  fresh_token
  route_request "$2" "${PORT[$3]}"
  [ -z "${PROFILER:-}" ] || jcmd "${PID[$3]}" JVMTI.agent_load "$PROFILER" '"start,event=cpu,interval=1ms"' >/dev/null
  t0=$(ticks "${PID[$3]}")
  out=$(wrk -t2 -c32 -d"${SECONDS_PER_RUN}s" --latency "${header[@]}" "$url")
  if [ -n "${PROFILER:-}" ]; then
    jcmd "${PID[$3]}" JVMTI.agent_load "$PROFILER" "\"stop,file=$WORK/window.collapsed,collapsed\"" >/dev/null
    cat "$WORK/window.collapsed" >>"$WORK/profile-p$3-$2.collapsed"
    awk '$2 == "requests" && $3 == "in" { print $1 }' <<<"$out" >>"$WORK/profile-p$3-$2.requests"
  fi
  awk -v round="$1" -v route="$2" -v p="$3" -v name="${NAME[$3]}" -v dt=$(($(ticks "${PID[$3]}") - t0)) -v hz="$HZ" \
    -v hwm="$(awk '/VmHWM/ {printf "%d", $2 / 1024}' "/proc/${PID[$3]}/status")" '
    $2 == "requests" && $3 == "in" { n = $1 } $1 == "99%" { p99 = $2 } /Requests\/sec/ { r = $2 } /Non-2xx/ { e = $NF }
    END { printf "%s %-6s p%s %-28s req_s=%-8s p99=%-8s non_2xx=%d requests=%d cpu_ticks=%d cpu_us_per_req=%.1f vmhwm_mib=%d\n",
      round, route, p, name, r, p99, e, n, dt, dt / hz * 1e6 / n, hwm }' <<<"$out"
}
in_order() { printf '%s\n' "$@" | { [ $((round % 2)) = 1 ] && cat || tac; }; }
{
  echo "# resource-service: public and JWT routes, direct"
  echo
  echo "\`$0${*:+ $*}\`: COPIES=$COPIES ROUNDS=$ROUNDS WARMUP_SECONDS=$WARMUP_SECONDS SECONDS_PER_RUN=$SECONDS_PER_RUN"
  echo "on $(nproc) cores, $(date -u +%Y-%m-%d), commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' (with changes)')."
  echo
  echo '```'
  for round in $(seq 1 "$ROUNDS"); do
    for i in $(in_order "${!PORT[@]}"); do
      for route in $(in_order public jwt); do run "round-$round" "$route" "$i"; done
    done
  done | tee "$WORK/windows.txt"
  echo '```'
  echo
  echo "Per build, summed over all its windows (CPU of the service process only):"
  echo
  echo "| build | public req/s | JWT req/s | public µs/req | JWT µs/req | added µs/req | JWT × public req/s | peak VmHWM MiB |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  awk '{
      name = ""; for (f = 4; f <= NF; f++) { if ($f ~ /^req_s=/) break; name = name (name == "" ? "" : " ") $f }
      for (f = 1; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] }
      key = name SUBSEP $2; if (!(name in seen)) { seen[name] = 1; order[++names] = name }
      rate[key] += v["req_s"]; windows[key]++; req[key] += v["requests"]; tick[key] += v["cpu_ticks"]
      if (v["vmhwm_mib"] > hwm[name]) hwm[name] = v["vmhwm_mib"]
    }
    END { for (k = 1; k <= names; k++) { nm = order[k]; pk = nm SUBSEP "public"; jk = nm SUBSEP "jwt"
        pu = tick[pk] / hz * 1e6 / req[pk]; ju = tick[jk] / hz * 1e6 / req[jk]
        printf "| %s | %.0f | %.0f | %.1f | %.1f | **%.1f** | %.4f | %d |\n", nm, rate[pk] / windows[pk], rate[jk] / windows[jk],
          pu, ju, ju - pu, req[jk] / req[pk], hwm[nm] } }' hz="$HZ" "$WORK/windows.txt"
  for i in "${!PID[@]}"; do
    awk -v p="$i" '/VmHWM/ { h = $2 } /VmRSS/ { r = $2 } END { printf "p%s: VmHWM %d MiB, VmRSS %d MiB at the end\n", p, h / 1024, r / 1024 }' \
      "/proc/${PID[$i]}/status"
  done | sed 's/^/    /'
} | tee "$WORK/report.md"
[ -z "$RESULTS" ] || cp "$WORK/report.md" "$RESULTS"
