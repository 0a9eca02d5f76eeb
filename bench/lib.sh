# Shell functions the benchmarks share (sourced by bench/gateway/run.sh and bench/soak.sh). wait_http
# and expect call the sourcing script's fail(); expect writes the body to $OUT/last-body.

# stop_pid pid: TERM, up to 20 s to exit, then KILL.
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
}

# secret: 256 random bits, hex.
secret() { od -An -tx1 -N32 /dev/urandom | tr -d ' \n'; }

# wait_http url pid [status] log: waits until url answers status (default 200) while process pid lives.
wait_http() {
  local url=$1 pid=$2 want=${3:-200} log=$4 deadline=$((SECONDS + 180)) code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$url" 2>/dev/null)
    [ "$code" = "$want" ] && return 0
    kill -0 "$pid" 2>/dev/null || fail "process for $url exited: see $log"
    [ $SECONDS -lt $deadline ] || fail "$url not answering $want after 180 s: see $log"
    sleep 1
  done
}

# expect status curl-args...: fails unless curl with those arguments gets that HTTP status.
expect() {
  local want=$1 code
  shift
  code=$(curl -s -o "$OUT/last-body" -w '%{http_code}' --max-time 10 "$@")
  [ "$code" = "$want" ] || fail "expected HTTP $want, got $code from: curl $* ($(head -c 300 "$OUT/last-body"))"
}

# mib pid field: a /proc/PID/status memory field (VmRSS, VmHWM) in MiB.
mib() { grep "^$2:" "/proc/$1/status" | awk '{printf "%.0f", $2 / 1024}'; }

# parse_wrk file: wrk --latency output -> "rps p50_ms p99_ms requests non2xx socket_errors"
parse_wrk() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return (v + 0) / 1000
      if (v ~ /ms$/) return v + 0
      if (v ~ /m$/) return (v + 0) * 60000
      if (v ~ /s$/) return (v + 0) * 1000
      return v + 0
    }
    $1 == "50%" { p50 = ms($2) }
    $1 == "99%" { p99 = ms($2) }
    $1 == "Requests/sec:" { rps = $2 }
    $2 == "requests" && $3 == "in" { total = $1 }
    /Non-2xx or 3xx responses:/ { non2xx = $NF }
    /Socket errors:/ { gsub(",", ""); sockerr = $4 + $6 + $8 + $10 }
    END { printf "%.0f %.3f %.3f %d %d %d\n", rps, p50, p99, total, non2xx, sockerr }
  ' "$1"
}

# half_pace connections target observed_rps pace: the pause (ms, for wrk/paced.lua) that would have made
# target req/s, from a run at pace that made observed_rps (their difference is the latency of one request).
half_pace() {
  awk -v c="$1" -v t="$2" -v r="$3" -v p="$4" 'BEGIN { l = (r > 0) ? c * 1000 / r - p : 0; if (l < 0) l = 0
    n = c * 1000 / t - l; printf "%d", (n < 0) ? 0 : n + 0.5 }'
}

# wait_for_quiet max wait: waits (at most `wait` s) until the 1-minute load average is below `max`,
# so a benchmark does not start on a busy machine; sets LOAD_WAITED (seconds waited).
load1() { cut -d' ' -f1 /proc/loadavg; }
wait_for_quiet() {
  local max=$1 wait=$2
  LOAD_WAITED=0
  until awk -v l="$(load1)" -v m="$max" 'BEGIN { exit !(l < m) }'; do
    [ "$LOAD_WAITED" -ge "$wait" ] && { echo "  load still $(load1) after $wait s: going on" >&2; break; }
    sleep 10
    LOAD_WAITED=$((LOAD_WAITED + 10))
  done
}
