# Shared helpers for the bench/ scripts: pick a jar, start and stop a Maatwerk server with its embedded
# PostgreSQL, find that PostgreSQL, describe the machine. Sourced, not run. Everything here touches only
# processes and directories the calling script started or created; every address is 127.0.0.1.

BENCH_REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_JVM_OPTS="${BENCH_JVM_OPTS:--Xmx2g}"   # the launcher's default (MAATWERK_JAVA_OPTS in ./maatwerk)
# Every API call needs a key: servers started from here get this administrator key, clients send it.
export MAATWERK_BOOTSTRAP_API_KEY="${MAATWERK_BOOTSTRAP_API_KEY:-mwk_bench-loopback-only-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}"

bench_log() { printf '%s %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# The first port from $1 upwards that nothing listens on.
bench_free_port() {
  local p=$1
  while ss -Hltn "sport = :$p" | grep -q .; do p=$((p + 1)); done
  echo "$p"
}

# Puts a private copy of the server jar at $1/maatwerk.jar and describes it in BENCH_JAR_INFO.
#  - BENCH_JAR=/path: that jar.
#  - otherwise the launcher's jar when it is up to date with the sources (the launcher's own test);
#  - otherwise a build of a copy of the working tree (so nobody's target/ is touched);
#  - and when that does not compile (someone's half-finished code), the launcher's older jar, said so loudly.
# The copy keeps a concurrent rebuild from swapping the jar under a running server.
bench_prepare_jar() {
  local out=$1 jar="$BENCH_REPO/maatwerk-server/target/maatwerk.jar" newer
  mkdir -p "$out"
  local head dirty
  head=$(git -C "$BENCH_REPO" rev-parse --short HEAD 2>/dev/null || echo '?')
  dirty=$(git -C "$BENCH_REPO" status --porcelain -- maatwerk-core maatwerk-server pom.xml 2>/dev/null | wc -l)
  if [ -n "${BENCH_JAR:-}" ]; then
    cp "$BENCH_JAR" "$out/maatwerk.jar"
    BENCH_JAR_INFO="given jar $BENCH_JAR"
  else
    newer=""
    [ -f "$jar" ] && newer=$(find "$BENCH_REPO/pom.xml" "$BENCH_REPO/maatwerk-core" "$BENCH_REPO/maatwerk-server" \
        \( -path '*/target' -prune \) -o -type f -newer "$jar" -print 2>/dev/null | head -5 || true)
    if [ -f "$jar" ] && [ -z "$newer" ]; then
      cp "$jar" "$out/maatwerk.jar"
      BENCH_JAR_INFO="launcher jar, up to date with the working tree"
    else
      bench_log "jar missing or older than the sources: building a copy of the working tree in $out/src"
      rm -rf "$out/src" && mkdir -p "$out/src"
      (cd "$BENCH_REPO" && tar --exclude='./*/target' --exclude='./target' --exclude='./bench' --exclude='./data' \
          --exclude='./.git' -cf - pom.xml maatwerk-core maatwerk-server) | tar -C "$out/src" -xf -
      if (cd "$out/src" && mvn -q -B -o -DskipTests package) >"$out/build.log" 2>&1 \
          && [ -f "$out/src/maatwerk-server/target/maatwerk.jar" ]; then
        cp "$out/src/maatwerk-server/target/maatwerk.jar" "$out/maatwerk.jar"
        BENCH_JAR_INFO="built from the working tree (HEAD $head + $dirty changed/new paths)"
      elif [ -f "$jar" ]; then
        cp "$jar" "$out/maatwerk.jar"
        local why
        why=$(grep -m1 -E '^\[ERROR\] .*\.java' "$out/build.log" | sed 's/^\[ERROR\] //; s#'"$out"'/src/##' || true)
        BENCH_JAR_INFO="STALE launcher jar of $(date -u -r "$jar" '+%F %T UTC'): the working tree does not compile ($why)"
        bench_log "WARNING: $BENCH_JAR_INFO"
      else
        bench_log "no jar and the working tree does not compile; see $out/build.log"
        return 1
      fi
      rm -rf "$out/src"
    fi
  fi
  BENCH_JAR_INFO="$BENCH_JAR_INFO; git HEAD $head; sha256 $(sha256sum "$out/maatwerk.jar" | cut -c1-12)"
  bench_log "jar: $BENCH_JAR_INFO"
}

# bench_start_server JAR PORT DATA_DIR LOG: starts the server in the background, sets SERVER_PID, and waits until
# /actuator/health says UP. Returns 1 when the JVM dies or 180 s pass first.
bench_start_server() {
  local jar=$1 port=$2 dir=$3 log=$4 started=$SECONDS
  # shellcheck disable=SC2086
  java $BENCH_JVM_OPTS -jar "$jar" serve --port "$port" --data-dir "$dir" >>"$log" 2>&1 &
  SERVER_PID=$!
  while [ $((SECONDS - started)) -lt 180 ]; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      wait "$SERVER_PID" 2>/dev/null || true
      SERVER_PID=""
      return 1
    fi
    if curl -sf --max-time 2 "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

# The postmaster pid and port of the embedded PostgreSQL under DATA_DIR (lines 1 and 4 of postmaster.pid).
bench_pg_pid() { sed -n 1p "$1/pg/postmaster.pid" 2>/dev/null; }
bench_pg_port() { sed -n 4p "$1/pg/postmaster.pid" 2>/dev/null; }

# True when the postmaster of DATA_DIR is alive (and really is that postmaster).
bench_pg_alive() {
  local pid
  pid=$(bench_pg_pid "$1")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$1/pg"
}

# The postmaster of DATA_DIR and all its children, by pid.
bench_pg_pids() {
  local pid
  pid=$(bench_pg_pid "$1")
  bench_pg_alive "$1" || return 0
  echo "$pid" $(ps -o pid= --ppid "$pid")
}

# The cluster state recorded in pg_control: 1 = shut down cleanly, 6 = in production (a crash if nothing runs).
bench_pg_control_state() {
  od -An -t u4 -j 16 -N 4 "$1/pg/global/pg_control" 2>/dev/null | tr -d ' '
}

bench_psql() {
  local dir=$1; shift
  psql -X -q -h 127.0.0.1 -p "$(bench_pg_port "$dir")" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"
}

# Stops what a bench started for DATA_DIR: the JVM SERVER_PID (TERM, which also stops its PostgreSQL; KILL after
# 30 s), then a PostgreSQL left behind (fast shutdown by SIGINT, KILL by pid after 30 s).
bench_stop_server() {
  local dir=$1 i
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for i in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  if bench_pg_alive "$dir"; then
    local pids
    pids=$(bench_pg_pids "$dir")
    kill -INT "$(bench_pg_pid "$dir")" 2>/dev/null || true
    for i in $(seq 60); do bench_pg_alive "$dir" || break; sleep 0.5; done
    # shellcheck disable=SC2086
    bench_pg_alive "$dir" && kill -KILL $pids 2>/dev/null
  fi
  return 0
}

bench_machine() {
  echo "$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(free -g | awk '/Mem:/ {print $2}') GiB RAM, $(uname -sr), $(java -version 2>&1 | head -1)"
}

# What else keeps the 2 cores busy right now (a 1 s sample with top): the benches share the machine.
bench_other_load() {
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg); processes above 5 % CPU in a 1 s sample:"
  top -c -bn2 -d1 -w 512 | awk '/^top -/ {n++} n == 2 && $1 ~ /^[0-9]+$/ && $9 + 0 > 5 {
      cmd = $12; for (i = 13; i <= NF; i++) cmd = cmd " " $i; printf "  - pid %s %s%% %s\n", $1, $9, substr(cmd, 1, 110) }' | head -6 || true
}

# bench_write_results FILE TITLE SECTION_FILE: puts the new run's section (which starts with "## Run …") at the top
# of FILE, under TITLE, and keeps the sections of earlier runs below it.
bench_write_results() {
  local file=$1 title=$2 section=$3 tmp
  tmp=$(mktemp)
  { echo "# $title"; echo; cat "$section"; echo
    [ -f "$file" ] && awk 'found || /^## Run / {found = 1; print}' "$file"
  } >"$tmp"
  mv "$tmp" "$file"
  chmod 644 "$file"
}

# bench_wait_quiet MAX_SECONDS: waits (in 10 s samples, at most MAX_SECONDS) until the machine's other work uses
# less than 0.3 of a core, so a measurement doesn't start in the middle of someone's build. Sets QUIET_NOTE.
bench_wait_quiet() {
  local max=$1 waited=0 a0 a1 busy hz
  hz=$(getconf CLK_TCK)
  while :; do
    a0=$(awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat)
    sleep 10
    a1=$(awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat)
    busy=$(awk -v a="$a0" -v b="$a1" -v hz="$hz" 'BEGIN {printf "%.2f", (b - a) / hz / 10}')
    waited=$((waited + 10))
    if awk -v b="$busy" 'BEGIN {exit !(b < 0.3)}'; then
      QUIET_NOTE="machine quiet after ${waited} s (other work ${busy} cores)"
      break
    fi
    if [ "$waited" -ge "$max" ]; then
      QUIET_NOTE="machine NOT quiet after waiting ${waited} s: other work used ${busy} of 2 cores in the last 10 s"
      break
    fi
  done
  bench_log "$QUIET_NOTE"
}
