#!/usr/bin/env bash
# Analytics bench: every dashboard widget's API call over N million generated contacts, timed (median, p95) next
# to the plain SQL GROUP BY over the raw contact table that computes the same numbers, interleaved in the same
# run, and checked for equal answers. Goal from the issue: < 200 ms per widget over 10M contacts on 2 cores.
#
# Usage: bench/analytics/run.sh [CONTACTS_MILLIONS=10]       (1 for a quick check; decimals work: 0.1)
# Env (all optional):
#   BENCH_WORK=/tmp/bench-analytics  generated CSVs cached in data-<N>m/, database in db-<N>m/ (removed afterwards)
#   BENCH_RUNS=20 (API calls per widget; SQL runs as many, fewer when slow: see BENCH_SQL_BUDGET)
#   BENCH_WARMUP=3 (API calls per widget before timing)  BENCH_SQL_BUDGET=60 (s of SQL per widget)  BENCH_SQL_MIN=3
#   BENCH_WORK_MEM=256MB (work_mem of the SQL session; empty: the server's setting)
#   BENCH_JVM_OPTS=-Xmx6g (server JVM)  BENCH_JAR=/path/to/maatwerk.jar  BENCH_PORT=18095
#   BENCH_REUSE_DB=1   keep the imported database for the next run and reuse it when present (skips the import)
#   BENCH_RECORD=1     write the run into RESULTS.md (0: only print)   BENCH_ONLY=<widget id>: time only that widget
# Talks to 127.0.0.1 only; stops what it started, also on error or Ctrl-C.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export BENCH_JVM_OPTS="${BENCH_JVM_OPTS:--Xmx6g}"
# shellcheck source=../lib.sh
source "$here/../lib.sh"

MILLIONS=${1:-10}
WORK=${BENCH_WORK:-/tmp/bench-analytics}
DATA=$WORK/data-${MILLIONS}m
DB=$WORK/db-${MILLIONS}m
LOG=$WORK/logs
OUT=$WORK/out
RUNS=${BENCH_RUNS:-20}
WARMUP=${BENCH_WARMUP:-3}
SQL_BUDGET=${BENCH_SQL_BUDGET:-60}
SQL_MIN=${BENCH_SQL_MIN:-3}
WORK_MEM=${BENCH_WORK_MEM-256MB}
REUSE_DB=${BENCH_REUSE_DB:-0}
RECORD=${BENCH_RECORD:-1}
ONLY=${BENCH_ONLY:-}
SERVER_JVM_OPTS=$BENCH_JVM_OPTS
IMPORT_JVM_OPTS=-Xmx2g
END_DATE=2026-11-01
HZ=$(getconf CLK_TCK)
export SERVER_ADDRESS=127.0.0.1     # the server listens on loopback only
SERVER_PID=""
JOB_PID=""
started_at=$(date -u +'%Y-%m-%d %H:%M UTC')
t_start=$SECONDS

say() { bench_log "$*"; }
die() { say "FAILED: $*"; exit 1; }
calc() { python3 -c "print($1)"; }

OWN_DB=0   # set once we know no other run uses $DB: only then does cleanup stop or remove anything there
cleanup() {
  local rc=$?
  set +e
  [ -n "$JOB_PID" ] && kill "$JOB_PID" 2>/dev/null && wait "$JOB_PID" 2>/dev/null
  if [ "$OWN_DB" = 1 ]; then
    bench_stop_server "$DB"
    if [ "$REUSE_DB" != 1 ] && [ -d "$DB" ]; then rm -rf "$DB"; fi
  fi
  [ $rc -ne 0 ] && say "logs in $LOG"
  exit $rc
}

# One run per work dir at a time: a second one stops here without touching the first one's files or servers.
mkdir -p "$WORK"
exec 9> "$WORK/.lock"
flock -n 9 || { echo "another run of this bench uses $WORK; wait for it, or set BENCH_WORK to another dir" >&2; exit 1; }
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'say "error at line $LINENO: $BASH_COMMAND"' ERR
if bench_pg_alive "$DB"; then die "a PostgreSQL still runs on $DB (left by whom? stop it first)"; fi
OWN_DB=1
mkdir -p "$LOG"
rm -rf "$OUT" && mkdir -p "$OUT"
rm -f "$LOG"/serve-*.log "$LOG"/gc-b.log "$LOG"/*.jfr "$LOG"/*.jfr.txt
PORT=$(bench_free_port "${BENCH_PORT:-18095}")
URL="http://127.0.0.1:$PORT"

# --- jar and JDBC driver -------------------------------------------------------------------------------------
bench_prepare_jar "$WORK/jar"
JAR=$WORK/jar/maatwerk.jar
PGJAR=$(ls -1 "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*[0-9].jar 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGJAR" ]; then   # not in ~/.m2: the driver the server itself ships
  name=$(unzip -Z1 "$JAR" | grep -E '^BOOT-INF/lib/postgresql-[0-9.]+\.jar$' | head -1)
  unzip -p "$JAR" "$name" > "$WORK/jar/postgresql.jar"
  PGJAR=$WORK/jar/postgresql.jar
fi
say "JDBC driver $PGJAR"

# --- 1. data (cached) ----------------------------------------------------------------------------------------
CITIZENS=$(calc "int(round($MILLIONS * 100000))")
GENERATE="generate --citizens $CITIZENS --months 24 --seed 1 --contacts-per-citizen-year 5 --end-date $END_DATE"
if [ ! -f "$DATA/.complete" ]; then
  say "generating: $GENERATE (once; cached in $DATA)"
  rm -rf "$DATA" "$DATA.tmp"
  t0=$SECONDS
  # shellcheck disable=SC2086
  java $IMPORT_JVM_OPTS -jar "$JAR" $GENERATE --out "$DATA.tmp" > "$LOG/generate.log" 2>&1 || die "generate (see $LOG/generate.log)"
  echo "$((SECONDS - t0))" > "$DATA.tmp/generate-seconds"
  touch "$DATA.tmp/.complete"
  mv "$DATA.tmp" "$DATA"
fi
GEN_S=$(cat "$DATA/generate-seconds" 2>/dev/null || echo '?')
say "data: $(du -sh "$DATA" | cut -f1) in $DATA (generated in ${GEN_S} s)"

# --- 2. import into a fresh database -------------------------------------------------------------------------
import_csv() {  # import_csv WHAT FILE: prints the command's own "(N s)"
  local line
  java $IMPORT_JVM_OPTS -jar "$JAR" import "$1" "$2" --data-dir "$DB" > "$LOG/import-$1.log" 2>&1 || die "import $1 (see $LOG/import-$1.log)"
  line=$(tr '\r' '\n' < "$LOG/import-$1.log" | grep -E '\([0-9.]+ s\)' | tail -1)
  sed -E 's/.*\(([0-9.]+) s\).*/\1/' <<< "$line"
}
if [ "$REUSE_DB" = 1 ] && [ -f "$DB/.imported" ]; then
  IMPORT_NOTE="reused the database of an earlier run of this bench: $(cat "$DB/.imported")"
  say "$IMPORT_NOTE"
else
  rm -rf "$DB"
  say "importing $CITIZENS citizens into a fresh database in $DB"
  t0=$SECONDS; IMPORT_CITIZENS_S=$(import_csv citizens "$DATA/citizens.csv"); w1=$((SECONDS - t0))
  say "importing the contacts"
  t0=$SECONDS; IMPORT_CONTACTS_S=$(import_csv contacts "$DATA/contacts.csv"); w2=$((SECONDS - t0))
  IMPORT_NOTE="\`import citizens\` ${IMPORT_CITIZENS_S} s (${w1} s wall), \`import contacts\` ${IMPORT_CONTACTS_S} s (${w2} s wall), into a fresh data dir"
  say "$IMPORT_NOTE"
  echo "$(date -u +'%F %H:%M UTC') $IMPORT_NOTE" > "$DB/.imported"   # the database is complete
fi

# --- 3. maintenance, and the heap before the analytics load --------------------------------------------------
# A server started with maatwerk.background=false does not load the contacts at start (only on the first analytics
# call, which we never make): its live heap after a full GC is the server without the analytics columns.
heap_used_mib() {  # live heap after a full GC, MiB
  jcmd "$SERVER_PID" GC.run > /dev/null
  jcmd "$SERVER_PID" GC.heap_info | sed -nE 's/.* used ([0-9]+)K.*/\1/p' | head -1 | awk '{printf "%.0f", $1 / 1024}'
}
wait_loaded() {  # wait_loaded LOG SECONDS: prints "contacts ms" from the analytics log line
  local log=$1 max=$2 t0=$SECONDS line
  while [ $((SECONDS - t0)) -lt "$max" ]; do
    line=$(grep -m1 -E 'analytics: [0-9]+ contacts in memory after [0-9]+ ms' "$log" || true)
    if [ -n "$line" ]; then sed -E 's/.*analytics: ([0-9]+) contacts in memory after ([0-9]+) ms.*/\1 \2/' <<< "$line"; return 0; fi
    grep -q 'analytics could not load' "$log" && return 1
    kill -0 "$SERVER_PID" 2>/dev/null || return 1
    sleep 1
  done
  return 1
}
# jfr_top FILE MARK N: the N hottest methods (self time, top frame) of the samples with MARK on the stack, and
# the share of a few methods anywhere on the stack.
jfr_top() {
  local txt=$1.txt counts
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$1" > "$txt"
  counts=$(awk -v mode=self -v mark="$2" -f "$here/../jfr-top.awk" "$txt" 2>&1 >/dev/null)
  echo "JFR (settings=profile, a sample per ~10-20 ms of running Java): ${counts%% *} samples with \`$2\` on the stack. Self time (top frame):"
  echo; echo '```'
  awk -v mode=self -v mark="$2" -f "$here/../jfr-top.awk" "$txt" 2>/dev/null | sort -rn | head -"$3"
  echo '```'; echo; echo "Anywhere on the stack:"; echo; echo '```'
  awk -v mode=total -v mark="$2" -f "$here/../jfr-top.awk" "$txt" 2>/dev/null | sort -rn \
    | grep -E 'nl\.maatwerk\.server\.(analytics|web)\.|org\.postgresql\.jdbc\.PgResultSet\.next|com\.fasterxml\.jackson\.databind\.ObjectMapper\.writeValue|AbstractJackson2HttpMessageConverter\.writeInternal' \
    | grep -vE 'lambda\$|\$\$' | head -"$3"
  echo '```'
}

say "server A (analytics not loaded): VACUUM ANALYZE, table sizes, live heap without the analytics columns"
BENCH_JVM_OPTS="$SERVER_JVM_OPTS -Dmaatwerk.background=false" \
  bench_start_server "$JAR" "$PORT" "$DB" "$LOG/serve-a.log" 9>&- || die "server A did not start (see $LOG/serve-a.log)"
read -r ROWS UNLINKED <<< "$(bench_psql "$DB" -At -F' ' -c "select count(*), count(*) filter (where citizen_id is null) from contact")"
t0=$SECONDS
bench_psql "$DB" -c "vacuum analyze citizen" -c "vacuum analyze contact" -c "checkpoint"
VACUUM_S=$((SECONDS - t0))
PG_SETTINGS=$(bench_psql "$DB" -At -F' ' -c "select string_agg(name || '=' || setting || coalesce(unit, ''), ' ' order by name) from pg_settings
  where name in ('server_version', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'effective_cache_size', 'random_page_cost')")
SIZES=$(bench_psql "$DB" -At -c "select 'contact ' || pg_size_pretty(pg_table_size('contact')) || ' + indexes ' || pg_size_pretty(pg_indexes_size('contact'))
  || ', citizen ' || pg_size_pretty(pg_table_size('citizen')) || ' + indexes ' || pg_size_pretty(pg_indexes_size('citizen'))
  || ' (' || (select count(*) from citizen) || ' citizens)'")
INDEXES=$(bench_psql "$DB" -At -c "select string_agg(indexdef, '; ' order by indexname) from pg_indexes where tablename = 'contact'" | sed 's/public\.//g')
HEAP_BEFORE=$(heap_used_mib)
say "$ROWS contacts ($UNLINKED without a citizen); live heap without analytics ${HEAP_BEFORE} MiB"
bench_stop_server "$DB"

# --- 4. the product as it starts: load at start, then time every widget -----------------------------------
say "server B (as the product starts: analytics loads in the background once the server is up; JFR records the load)"
rm -f "$LOG/gc-b.log" "$LOG/load.jfr" "$LOG/api.jfr"
launch=$(date +%s.%N)
BENCH_JVM_OPTS="$SERVER_JVM_OPTS -Xlog:gc:file=$LOG/gc-b.log -XX:StartFlightRecording=name=load,settings=profile" \
  bench_start_server "$JAR" "$PORT" "$DB" "$LOG/serve-b.log" 9>&- || die "server B did not start (see $LOG/serve-b.log)"
UP_S=$(calc "round($(date +%s.%N) - $launch, 1)")
loaded=$(wait_loaded "$LOG/serve-b.log" "${BENCH_LOAD_TIMEOUT:-10800}") || die "analytics did not load (see $LOG/serve-b.log)"
read -r LOADED LOAD_MS <<< "$loaded"
READY_S=$(calc "round($(date +%s.%N) - $launch, 1)")
jcmd "$SERVER_PID" JFR.stop name=load filename="$LOG/load.jfr" > /dev/null
[ "$LOADED" = "$ROWS" ] || die "analytics holds $LOADED contacts, the table $ROWS"
# heap in use during start and load (GC log): the largest figure before a collection, and right after one
PEAK_BEFORE_GC=$(grep -oE '[0-9]+M->[0-9]+M' "$LOG/gc-b.log" | sed 's/M->.*//' | sort -n | tail -1)
PEAK_AFTER_GC=$(grep -oE '[0-9]+M->[0-9]+M' "$LOG/gc-b.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)
HEAP_AFTER=$(heap_used_mib)
jcmd "$SERVER_PID" GC.class_histogram > "$LOG/histogram-after-load.txt"
HEAP_COLUMNS=$((HEAP_AFTER - HEAP_BEFORE))
GC_LINES_AT_READY=$(wc -l < "$LOG/gc-b.log")
say "analytics: $LOADED contacts loaded in $LOAD_MS ms (server up after ${UP_S} s, analytics ready after ${READY_S} s); live heap ${HEAP_AFTER} MiB (+${HEAP_COLUMNS} MiB)"
LOAD_PROFILE=$(jfr_top "$LOG/load.jfr" 'ContactAnalytics[.]load' 12)

bench_wait_quiet 120
OTHER_LOAD=$(bench_other_load)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
cpu_jvm() { awk -v hz="$HZ" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$SERVER_PID/stat"; }
cpu_pg() {
  local pm t c
  pm=$(bench_pg_pid "$DB")
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(ps -o pid= --ppid "$pm"); do t=$((t + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0))); done
  awk -v t="$t" -v hz="$HZ" 'BEGIN {printf "%.1f", t / hz}'
}
cpu_all() { awk -v hz="$HZ" '$1 == "cpu" {printf "%.1f", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit}' /proc/stat; }
j0=$(cpu_jvm); p0=$(cpu_pg); a0=$(cpu_all); t0=$SECONDS
say "timing: $RUNS API calls per widget after $WARMUP warm-up calls, SQL interleaved (budget ${SQL_BUDGET} s per widget)"
set +e
/usr/bin/time -f '%U %S' -o "$LOG/client.time" \
  java -Xmx1g -cp "$PGJAR" "$here/Bench.java" --url "$URL" --pg-port "$(bench_pg_port "$DB")" --out "$OUT" \
    --runs "$RUNS" --warmup "$WARMUP" --sql-budget "$SQL_BUDGET" --sql-min "$SQL_MIN" --work-mem "$WORK_MEM" --only "$ONLY" \
    2> >(tee "$LOG/client.log" >&2)
CLIENT_RC=$?
set -e
[ -f "$OUT/table.md" ] || die "the client did not finish (exit $CLIENT_RC, see $LOG/client.log)"
TIMING_S=$((SECONDS - t0))
CPU_JVM=$(calc "round($(cpu_jvm) - $j0, 1)"); CPU_PG=$(calc "round($(cpu_pg) - $p0, 1)"); CPU_ALL=$(calc "round($(cpu_all) - $a0, 1)")
CPU_CLIENT=$(awk '{printf "%.1f", $1 + $2}' "$LOG/client.time")
CPU_OTHER=$(calc "round($CPU_ALL - $CPU_JVM - $CPU_PG - $CPU_CLIENT, 1)")
GC_TIMING=$(tail -n +"$((GC_LINES_AT_READY + 1))" "$LOG/gc-b.log" | grep 'Pause' | grep -oE '[0-9.]+ms$' | tr -d 'ms' \
  | awk '{n++; s += $1; if ($1 > m) m = $1} END {printf "%d pauses, %.0f ms in all, longest %.0f ms", n, s, m}')
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# Not timed: every widget URL 3 more times with JFR on, for where the API's time goes.
jcmd "$SERVER_PID" JFR.start name=api settings=profile > /dev/null
for _ in 1 2 3; do
  tail -n +2 "$OUT/results.tsv" | cut -f4 | while read -r u; do curl -sf -o /dev/null "$URL$u"; done
done
jcmd "$SERVER_PID" JFR.stop name=api filename="$LOG/api.jfr" > /dev/null
API_PROFILE=$(jfr_top "$LOG/api.jfr" 'AnalyticsRestController' 15)
bench_stop_server "$DB"

# --- 5. report -----------------------------------------------------------------------------------------------
# shellcheck disable=SC1091
source <(grep -E '^(widgets|over200|mismatches)=' "$OUT/setup.txt")
PERIOD=$(sed -n 's/^period=//p' "$OUT/setup.txt" | sed 's/&/ … /; s/from=//; s/to=//')
TOPIC=$(sed -n 's/^topic=//p' "$OUT/setup.txt")
COMMIT=$(git -C "$BENCH_REPO" rev-parse --short HEAD 2>/dev/null || echo '?')
DIRTY=$(git -C "$BENCH_REPO" status --porcelain -- maatwerk-core maatwerk-server pom.xml 2>/dev/null | wc -l)
GOAL="$((widgets - over200)) of $widgets widget calls answer in < 200 ms (median)"
[ "$mismatches" = 0 ] && CHECK="every API answer equals the SQL (same groups; same contacts, n, distinct persons, values and residents for every unsuppressed group)" \
  || CHECK="**$mismatches widget calls differ from the SQL** (see the last column)"
cmd="bench/analytics/run.sh $MILLIONS"
for v in BENCH_RUNS BENCH_WARMUP BENCH_SQL_BUDGET BENCH_SQL_MIN BENCH_WORK_MEM BENCH_JVM_OPTS BENCH_ONLY BENCH_REUSE_DB; do
  if [ -n "${!v:-}" ] && { [ "$v" != BENCH_JVM_OPTS ] || [ "$SERVER_JVM_OPTS" != -Xmx6g ]; }; then cmd="$v='${!v}' $cmd"; fi
done
section=$(mktemp)
cat > "$section" <<EOF
## Run $started_at: $ROWS contacts, $GOAL

- Command: \`$cmd\` ($(( (SECONDS - t_start) / 60 )) min in all; timing phase $((TIMING_S / 60)) min)
- Machine: $(bench_machine); API, SQL, the client and other sessions' work share these 2 cores
- Code: commit $COMMIT ($DIRTY changed paths under the modules); jar: $BENCH_JAR_INFO; server JVM \`$SERVER_JVM_OPTS\`
- Data: \`$GENERATE\` (generated in $GEN_S s) → $ROWS contacts; $SIZES; $IMPORT_NOTE; then \`VACUUM ANALYZE\` of both tables ($VACUUM_S s)
- PostgreSQL (embedded, as the product starts it): $PG_SETTINGS; the SQL session sets work_mem=${WORK_MEM:-(server default)}
- Indexes on contact (the schema's, none added): $INDEXES
- Load at start: **$LOAD_MS ms** for $LOADED contacts ($UNLINKED of them without a citizen) — the server's log line \`analytics: N contacts in memory after X ms\`; the server answered /actuator/health after $UP_S s, analytics was ready $READY_S s after launch (OS page cache warm from the VACUUM). Heap in use during start and load (GC log): at most $PEAK_AFTER_GC MiB right after a collection, $PEAK_BEFORE_GC MiB before one.
- Heap of the analytics columns: **+$HEAP_COLUMNS MiB** ($(calc "round($HEAP_COLUMNS * 1048576 / $ROWS)") bytes per contact): live heap after a full GC (\`jcmd GC.run\` + \`GC.heap_info\`) $HEAP_BEFORE MiB in a server that did not load analytics (started with \`-Dmaatwerk.background=false\`, no analytics call) and $HEAP_AFTER MiB in the server after the load
- Widgets: the \`data-api\` URL of every widget on the five dashboard pages, period $PERIOD (the twelve months up to the last contact), grain week; again with a filter: \`channel=phone\`, or \`topic=$TOPIC\` (the most frequent topic) for widgets about channels. Widgets with the same URL are timed once.
- Per widget: $WARMUP API warm-up calls and one SQL warm-up run, then $RUNS API calls (HTTP GET, JSON body read in full) and up to $RUNS SQL runs (JDBC, all rows read; fewer when one run takes long, at least $SQL_MIN, about $SQL_BUDGET s per widget) alternating, which goes first swapped every round. p95 is the nearest rank (with 20 runs: the 19th). Speed-up = SQL median / API median.
- Check: $CHECK
- Other load: before the timing $QUIET_NOTE; $OTHER_LOAD. During the timing ($TIMING_S s, $((2 * TIMING_S)) core-seconds): server JVM $CPU_JVM s, PostgreSQL $CPU_PG s, client $CPU_CLIENT s, other processes $CPU_OTHER s CPU; load average $LOAD_BEFORE before, $LOAD_AFTER after. GC in the server during the timing: $GC_TIMING.

| page | widget | variant | API call (\`/api/v1/analytics/contacts/…\`, … = the period) | API median ms | API p95 ms | SQL median ms | SQL p95 ms | SQL runs | speed-up | rows / compared / suppressed | check |
|---|---|---|---|---:|---:|---:|---:|---:|---:|---|---|
$(cat "$OUT/table.md")

⚠ marks an API median of 200 ms or more. Full figures (min, response bytes): [results-${MILLIONS}m.tsv](results-${MILLIONS}m.tsv); SQL plans: [plans-${MILLIONS}m.txt](plans-${MILLIONS}m.txt).

### Profile of the load at start

$LOAD_PROFILE

### Profile of the API calls (every widget URL 3 more times after the timing, not timed)

$API_PROFILE
EOF
echo
cat "$section"
if [ "$RECORD" = 1 ]; then
  cp "$OUT/results.tsv" "$here/results-${MILLIONS}m.tsv"
  cp "$OUT/plans.txt" "$here/plans-${MILLIONS}m.txt"
  bench_write_results "$here/RESULTS.md" "Contact analytics: widget API vs SQL GROUP BY (newest first; see README.md)" "$section"
  say "written to $here/RESULTS.md"
fi
rm -f "$section"
exit "$CLIENT_RC"
