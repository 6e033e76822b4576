#!/usr/bin/env bash
# Single-contact POST throughput and latency on loopback (wrk), against an SQL reference in the same run: the
# same INSERT ... ON CONFLICT DO NOTHING into the same table of the same embedded PostgreSQL, one row per
# transaction, by pgbench at the same concurrency. Writes RESULTS.md beside this script.
#
# Usage: bench/post-load/run.sh          (about 6 minutes on 2 cores)
# Env:   BENCH_CONNECTIONS="8 16 32"  BENCH_DURATION=30 (s per run)  BENCH_WARMUP=90 (s)  BENCH_PORT=18741
#        BENCH_PROFILE=1 (an extra 20 s run at 16 connections with JFR and per-thread top; 0 to skip)
#        BENCH_JAR=/path/to/maatwerk.jar  BENCH_JVM_OPTS=-Xmx2g  BENCH_KEEP=1 (keep the work dir)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"

CONNECTIONS=${BENCH_CONNECTIONS:-8 16 32}
DURATION=${BENCH_DURATION:-30}
WARMUP=${BENCH_WARMUP:-90}
PROFILE=${BENCH_PROFILE:-1}
THREADS=2                      # wrk -t and pgbench -j: one per core
TARGET_RPS=3000
TARGET_P99_MS=20
command -v wrk >/dev/null || { echo "wrk is needed: apt-get update && apt-get install -y wrk" >&2; exit 1; }
command -v pgbench >/dev/null || { echo "pgbench is needed: apt-get install -y postgresql-contrib" >&2; exit 1; }
work=$(mktemp -d /tmp/bench-postload-XXXXXX)
data="$work/data"
cd "$work"
PORT=$(bench_free_port "${BENCH_PORT:-18741}")
URL="http://127.0.0.1:$PORT"
SERVER_PID=""
stamp=$(date -u +%Y%m%dT%H%M%S)
HZ=$(getconf CLK_TCK)
results="$here/RESULTS.md"

cleanup() {
  local rc=$?
  set +e
  bench_stop_server "$data"
  if [ "${BENCH_KEEP:-0}" != 1 ] && [ $rc -eq 0 ]; then rm -rf "$work"; else bench_log "kept $work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# CPU seconds (user + system) used so far by the JVM, and by PostgreSQL: postmaster, its live children, and the
# children that already exited (cutime/cstime of the postmaster).
cpu_jvm() { awk -v hz="$HZ" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$SERVER_PID/stat"; }
cpu_pg() {
  local pm t
  pm=$(bench_pg_pid "$data")
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(ps -o pid= --ppid "$pm"); do
    t=$((t + $(awk '{print $14 + $15}' "/proc/$c/stat" 2>/dev/null || echo 0)))
  done
  awk -v t="$t" -v hz="$HZ" 'BEGIN {printf "%.2f", t / hz}'
}
# One line per JVM thread: tid, CPU ticks so far, name with digits dropped.
thread_cpu() {
  local t
  for t in /proc/"$SERVER_PID"/task/*; do
    [ "${t##*/}" = "$SERVER_PID" ] && continue
    echo "${t##*/} $(awk '{print $14 + $15}' "$t/stat" 2>/dev/null || echo 0) $(sed 's/[0-9]\+/N/g; s/ /_/g' "$t/comm" 2>/dev/null)"
  done
}
# CPU seconds the whole machine has been busy (all processes, both cores), from /proc/stat.
cpu_all() { awk -v hz="$HZ" '$1 == "cpu" {printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit}' /proc/stat; }
sub() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a - b}'; }
per_k() { awk -v s="$1" -v n="$2" 'BEGIN {printf "%.2f", (n > 0 ? 1000 * s / n : 0)}'; }   # CPU s per 1000 requests
kv() { sed -n "s/.*[ ]$2=\([^ ]*\).*/\1/p" <<<" $1"; }                                   # value of key in "k=v k=v"

# wrk_run NAME CONNECTIONS SECONDS: sets WRK_LINE (the script's BENCH line) and CPU_* figures.
wrk_run() {
  local name=$1 c=$2 secs=$3 j0 p0
  j0=$(cpu_jvm); p0=$(cpu_pg); a0=$(cpu_all)
  /usr/bin/time -f "%U %S" -o "$work/time-$name" \
      wrk -t"$THREADS" -c"$c" -d"${secs}s" --latency -s "$here/post-contact.lua" "$URL" -- "postload-$stamp-$name" \
      >"$work/wrk-$name.txt" 2>&1
  CPU_JVM=$(sub "$(cpu_jvm)" "$j0"); CPU_PG=$(sub "$(cpu_pg)" "$p0"); CPU_ALL=$(sub "$(cpu_all)" "$a0")
  CPU_TOOL=$(awk '{printf "%.1f", $1 + $2}' "$work/time-$name")
  CPU_OTHER=$(awk -v a="$CPU_ALL" -v j="$CPU_JVM" -v p="$CPU_PG" -v t="$CPU_TOOL" 'BEGIN {printf "%.1f", a - j - p - t}')
  WRK_LINE=$(grep '^BENCH ' "$work/wrk-$name.txt" || echo "BENCH failed")
  ROWS_STORED=$(bench_psql "$data" -At -c "select count(*) from contact where source = 'postload-$stamp-$name'")
}

# pg_run NAME CONNECTIONS SECONDS [SCRIPT]: sets PG_TPS, PG_MEAN, PG_P50/P90/PG_P99/PG_P999 (ms) and CPU_* figures.
pg_run() {
  local name=$1 c=$2 secs=$3 script=${4:-insert.sql} j0 p0 a0 lat n
  j0=$(cpu_jvm); p0=$(cpu_pg); a0=$(cpu_all)
  rm -f "$work/pglog-$name".*
  /usr/bin/time -f "%U %S" -o "$work/time-$name" \
      pgbench -h 127.0.0.1 -p "$(bench_pg_port "$data")" -U postgres -n -M prepared -c "$c" -j "$THREADS" -T "$secs" \
      -D src="postload-$stamp-$name" -D n=0 -f "$here/$script" -l --log-prefix="$work/pglog-$name" postgres \
      >"$work/pgbench-$name.txt" 2>&1
  CPU_JVM=$(sub "$(cpu_jvm)" "$j0"); CPU_PG=$(sub "$(cpu_pg)" "$p0"); CPU_ALL=$(sub "$(cpu_all)" "$a0")
  CPU_TOOL=$(awk '{printf "%.1f", $1 + $2}' "$work/time-$name")
  CPU_OTHER=$(awk -v a="$CPU_ALL" -v j="$CPU_JVM" -v p="$CPU_PG" -v t="$CPU_TOOL" 'BEGIN {printf "%.1f", a - j - p - t}')
  PG_TPS=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)/\1/p' "$work/pgbench-$name.txt" | awk '{printf "%.1f", $1}')
  PG_TX=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$work/pgbench-$name.txt")
  PG_FAILED=$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' "$work/pgbench-$name.txt")
  lat="$work/lat-$name"
  cat "$work/pglog-$name".* | awk '{print $3}' | sort -n >"$lat"
  n=$(wc -l <"$lat")
  pct() { awk -v n="$n" -v p="$1" 'NR == int((n * p / 100) + 0.999999) {printf "%.3f", $1 / 1000; exit}' "$lat"; }
  PG_P50=$(pct 50); PG_P90=$(pct 90); PG_P99=$(pct 99); PG_P999=$(pct 99.9)
  PG_MEAN=$(awk '{s += $1} END {printf "%.3f", s / NR / 1000}' "$lat")
  PG_MAX=$(tail -1 "$lat" | awk '{printf "%.3f", $1 / 1000}')
  ROWS_STORED=$(bench_psql "$data" -At -c "select count(*) from contact where source = 'postload-$stamp-$name'")
  rm -f "$work/pglog-$name".*
}

bench_log "work dir $work, port $PORT, connections: $CONNECTIONS, ${DURATION}s per run after a ${WARMUP}s warm-up"
bench_prepare_jar "$work"
bench_wait_quiet "${BENCH_QUIET_WAIT:-120}"
other_load_before=$(bench_other_load "$work")
bench_start_server "$work/maatwerk.jar" "$PORT" "$data" "$work/server.log" || { tail -30 "$work/server.log" >&2; exit 1; }
bench_log "server up: pid $SERVER_PID, PostgreSQL pid $(bench_pg_pid "$data") port $(bench_pg_port "$data")"
jcmd "$SERVER_PID" VM.flags -all >"$work/vm-flags.txt" 2>&1 || true
jvm_line=$(jcmd "$SERVER_PID" VM.command_line 2>/dev/null | sed -n 's/^jvm_args: //p' || true)
jvm_gc=$(awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC$/ && $4 == "true" {print $2}' "$work/vm-flags.txt" | head -1 || true)
jvm_heap=$(awk '$2 == "MaxHeapSize" {print $4}' "$work/vm-flags.txt")
pg_settings=$(bench_psql "$data" -At -F= -c "select name, setting from pg_settings where name in
  ('synchronous_commit', 'fsync', 'shared_buffers', 'max_connections', 'wal_sync_method') order by name" | paste -sd' ')
hikari=$(grep -o 'maximum-pool-size: [0-9]*' "$BENCH_REPO/maatwerk-server/src/main/resources/application.yml" | head -1 || true)
tomcat=$(grep -A1 'threads:' "$BENCH_REPO/maatwerk-server/src/main/resources/application.yml" | grep -o 'max: [0-9]*' | head -1 || true)

bench_log "warm-up: wrk 16 connections for ${WARMUP}s (in 30 s steps), pgbench 16 clients for 5s"
warmup_steps=""
left=$WARMUP
step=1
while [ "$left" -gt 0 ]; do
  secs=$(( left < 30 ? left : 30 ))
  wrk_run "warmup$step" 16 "$secs"
  warmup_steps="${warmup_steps:+$warmup_steps, }$(kv "$WRK_LINE" rps)"
  bench_log "warm-up step $step: $(kv "$WRK_LINE" rps) req/s, p99 $(kv "$WRK_LINE" p99_ms) ms"
  left=$((left - secs)); step=$((step + 1))
done
pg_run warmup-sql 16 5

declare -a TABLE=() CPU_TABLE=() TX_TABLE=()
met=0
for c in $CONNECTIONS; do
  load=$(cut -d' ' -f1 /proc/loadavg)
  wrk_run "c$c" "$c" "$DURATION"
  rps=$(kv "$WRK_LINE" rps); p99=$(kv "$WRK_LINE" p99_ms)
  bench_log "server c$c: $rps req/s, p50 $(kv "$WRK_LINE" p50_ms) ms, p99 $p99 ms, created $(kv "$WRK_LINE" created), other $(kv "$WRK_LINE" other_status), rows $ROWS_STORED"
  w_cpu_jvm=$CPU_JVM; w_cpu_pg=$CPU_PG; w_cpu_tool=$CPU_TOOL; w_cpu_other=$CPU_OTHER; w_line=$WRK_LINE; w_rows=$ROWS_STORED
  w_req=$(kv "$WRK_LINE" requests)
  pg_run "sql-c$c" "$c" "$DURATION"
  bench_log "sql    c$c: $PG_TPS tps, p50 $PG_P50 ms, p99 $PG_P99 ms, failed ${PG_FAILED:-0}, rows $ROWS_STORED"
  s_tps=$PG_TPS; s_p50=$PG_P50; s_p90=$PG_P90; s_p99=$PG_P99; s_max=$PG_MAX; s_failed=${PG_FAILED:-0}
  s_cpu_pg=$CPU_PG; s_cpu_tool=$CPU_TOOL; s_cpu_other=$CPU_OTHER; s_tx=$PG_TX
  pg_run "sqltx-c$c" "$c" "$DURATION" insert-tx.sql
  bench_log "sql tx c$c: $PG_TPS tps, p50 $PG_P50 ms, p99 $PG_P99 ms, failed ${PG_FAILED:-0}, rows $ROWS_STORED"
  TX_TABLE+=("| $c | $PG_TPS | $PG_P50 | $PG_P99 | ${PG_FAILED:-0} | $(per_k "$CPU_PG" "$PG_TX") | $CPU_OTHER | $(awk -v a="$rps" -v b="$PG_TPS" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}') |")
  ratio=$(awk -v a="$rps" -v b="$s_tps" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')
  ok=$(awk -v r="$rps" -v p="$p99" -v tr="$TARGET_RPS" -v tp="$TARGET_P99_MS" 'BEGIN {print ((r >= tr && p < tp) ? "yes" : "no")}')
  [ "$ok" = yes ] && met=$((met + 1))
  errors="$(kv "$w_line" other_status) status, $(( $(kv "$w_line" connect_errors) + $(kv "$w_line" read_errors) + $(kv "$w_line" write_errors) + $(kv "$w_line" timeouts) )) socket"
  TABLE+=("| $c | **$rps** | $(kv "$w_line" p50_ms) | $(kv "$w_line" p90_ms) | **$(kv "$w_line" p99_ms)** | $(kv "$w_line" p999_ms) | $(kv "$w_line" max_ms) | $errors | $w_rows | **$s_tps** | $s_p50 | $s_p90 | **$s_p99** | $s_max | $s_failed | **$ratio** | $ok | $load |")
  CPU_TABLE+=("| $c | $w_cpu_jvm | $w_cpu_pg | $w_cpu_tool | $w_cpu_other | $(per_k "$w_cpu_jvm" "$w_req") | $(per_k "$w_cpu_pg" "$w_req") | $(per_k "$w_cpu_tool" "$w_req") | $s_cpu_pg | $s_cpu_tool | $s_cpu_other | $(per_k "$s_cpu_pg" "$s_tx") | $(per_k "$s_cpu_tool" "$s_tx") |")
done

profile_md=""
if [ "$PROFILE" = 1 ]; then
  bench_log "profile: 20 s at 16 connections with JFR, and top per thread"
  jcmd "$SERVER_PID" JFR.start name=bench settings=default filename="$work/post.jfr" >/dev/null
  thread_cpu >"$work/threads-before.txt"
  wrk_run profile 16 20
  thread_cpu >"$work/threads-after.txt"
  jcmd "$SERVER_PID" JFR.stop name=bench >/dev/null
  set +o pipefail   # the summaries below end in head, which may close a pipe early
  # Self time: the top frame of each execution sample, by method; and by package of the first Maatwerk,
  # Spring, Tomcat, Jackson, Hikari or pgjdbc frame on the stack ("who asked for the work").
  jfr print --stack-depth 256 --events jdk.ExecutionSample "$work/post.jfr" >"$work/samples.txt"
  samples=$(grep -c 'jdk.ExecutionSample' "$work/samples.txt" || true)
  top_methods=$(awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print}' "$work/samples.txt" \
      | sort | uniq -c | sort -rn | head -10 | awk -v n="$samples" '{c = $1; $1 = ""; printf "| %.1f %% | `%s` |\n", 100 * c / n, substr($0, 2)}')
  by_layer=$(awk '
      /stackTrace = \[/ {inside = 1; layer = ""; next}
      inside && /^[ \t]*\]/ {inside = 0; print (layer == "" ? "other (JVM, JDK, GC helpers)" : layer); next}
      inside && layer == "" {
        if ($0 ~ /nl\.maatwerk/) layer = "Maatwerk code";
        else if ($0 ~ /org\.postgresql/) layer = "pgjdbc (PostgreSQL driver)";
        else if ($0 ~ /com\.zaxxer\.hikari/) layer = "HikariCP";
        else if ($0 ~ /com\.fasterxml\.jackson/) layer = "Jackson";
        else if ($0 ~ /org\.springframework\.(jdbc|transaction)/) layer = "Spring JDBC / transactions";
        else if ($0 ~ /org\.springframework/) layer = "Spring MVC / framework";
        else if ($0 ~ /org\.apache\.(tomcat|catalina|coyote)/) layer = "Tomcat";
        else if ($0 ~ /ch\.qos\.logback|org\.slf4j/) layer = "logging";
        else if ($0 ~ /sun\.nio|java\.net|sun\.net/) layer = "JDK sockets / NIO";
      }' "$work/samples.txt" | sort | uniq -c | sort -rn | awk -v n="$samples" '{c = $1; $1 = ""; printf "| %.1f %% | %s |\n", 100 * c / n, substr($0, 2)}')
  threads=$(awk -v hz="$HZ" 'NR == FNR {before[$1] = $2; next} {d = $2 - before[$1]; cpu[$3] += d; cnt[$3]++}
      END {for (t in cpu) if (cpu[t] > 0) printf "%s\t%.2f\t%d\n", t, cpu[t] / hz, cnt[t]}' \
      "$work/threads-before.txt" "$work/threads-after.txt" | sort -t$'\t' -k2 -rn | head -8 \
      | awk -F'\t' '{printf "| `%s` (%d threads) | %s s |\n", $1, $3, $2}')
  # Inclusive: share of samples with this step anywhere on the stack (steps nest, so shares overlap).
  steps=""
  while IFS='|' read -r label pattern; do
    share=$(awk -v p="$pattern" -v n="$samples" '/stackTrace = \[/ {inside = 1; hit = 0; next}
        inside && /^[ \t]*\]/ {inside = 0; if (hit) c++; next} inside && $0 ~ p {hit = 1}
        END {printf "%.1f", (n > 0 ? 100 * c / n : 0)}' "$work/samples.txt")
    steps="$steps| $share % | $label |"$'\n'
  done <<'STEPS'
reading the body into a JsonNode (`JsonBody.parse`)|JsonBody.parse
checking the fields (`ContactJson.read`)|ContactJson.read
content hash, MD5 (`ContactSubmission.contentHash`)|ContactSubmission.contentHash
the INSERT … RETURNING (`ContactStore.insert`)|ContactStore.insert
transaction begin (`DataSourceTransactionManager.doBegin`)|DataSourceTransactionManager.doBegin
transaction commit (`DataSourceTransactionManager.doCommit`)|DataSourceTransactionManager.doCommit
writing the 201 body as JSON (`writeWithMessageConverters`)|writeWithMessageConverters
pgjdbc, any call (`org.postgresql`)|org.postgresql
STEPS
  set -o pipefail
  profile_md=$(cat <<MD
### Where the time goes (extra 20 s run at 16 connections with JFR: $(kv "$WRK_LINE" rps) req/s, p99 $(kv "$WRK_LINE" p99_ms) ms)

Starting JFR makes the JIT recompile (see the compiler threads below), so this run is slower than the measured
ones: read the shares, not the rate. JFR keeps at most 64 frames of a stack, so outer frames (Tomcat's and Spring's
entry points) are missing from deep stacks; the steps below sit near the top and are counted reliably.

CPU seconds in these 20 s (40 s = both cores): JVM $CPU_JVM, PostgreSQL $CPU_PG, wrk $CPU_TOOL, other processes $CPU_OTHER.

CPU seconds of the JVM's threads during the 20 s, grouped by name (digits dropped), from /proc/PID/task:

| threads | CPU |
|---|---|
$threads

JFR execution samples ($samples in 20 s), by the first framework or Maatwerk frame on the stack:

| share | layer |
|---|---|
$by_layer

Steps of a request, inclusive (share of samples with the step anywhere on the stack; nested steps overlap):

| share | step |
|---|---|
$steps
Hottest methods (self time, top frame of each sample; the profile is flat):

| share | method |
|---|---|
$top_methods
MD
)
fi

{
  echo "## Run $(date -u '+%F %T UTC'): target (≥ $TARGET_RPS req/s and p99 < $TARGET_P99_MS ms) met at $met of $(wc -w <<<"$CONNECTIONS") concurrencies"
  echo
  echo "- Command: \`bench/post-load/run.sh\` (connections $CONNECTIONS, ${DURATION} s per run after a ${WARMUP} s warm-up at 16 connections; warm-up req/s per 30 s step: $warmup_steps)"
  echo "- Machine: $(bench_machine); wrk, pgbench, the server and PostgreSQL share these 2 cores"
  echo "- Other load at the start: $QUIET_NOTE; $other_load_before"
  echo "- Server: $BENCH_JAR_INFO"
  echo "- JVM flags: \`${jvm_line:-$BENCH_JVM_OPTS}\` ($jvm_gc, max heap $((${jvm_heap:-0} / 1048576)) MiB); Tomcat threads ${tomcat:-?}, Hikari pool ${hikari:-?}"
  echo "- PostgreSQL 17 (embedded, same instance for both): $pg_settings"
  echo "- Load: \`wrk -t$THREADS -cN -d${DURATION}s --latency -s post-contact.lua\` (a new sourceId per request, ~420-byte JSON bodies); reference: \`pgbench -n -M prepared -cN -j$THREADS -T$DURATION -f insert.sql\` (the server's INSERT … ON CONFLICT (source, source_id) DO NOTHING RETURNING, autocommit, one row per transaction; latency percentiles from \`pgbench -l\`)"
  echo
  echo "| connections | server req/s | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | errors | rows stored | SQL tps | p50 ms | p90 ms | p99 ms | max ms | failed | server / SQL | target met | load avg before |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for r in "${TABLE[@]}"; do echo "$r"; done
  echo
  echo "The server's transaction shape in SQL (\`insert-tx.sql\`: BEGIN; the INSERT; COMMIT, as pgjdbc sends them for the @Transactional call), same concurrency, right after each pair above:"
  echo
  echo "| connections | SQL tps (BEGIN/INSERT/COMMIT) | p50 ms | p99 ms | failed | PostgreSQL CPU s/1k tx | other processes s | server / this |"
  echo "|---|---|---|---|---|---|---|---|"
  for r in "${TX_TABLE[@]}"; do echo "$r"; done
  echo
  echo "CPU seconds used during each ${DURATION} s run (both cores = $((2 * DURATION)) s), and per 1,000 requests or transactions. \"Other processes\" is whatever else ran on the machine meanwhile (/proc/stat busy time minus ours): other sessions' builds and servers share these cores."
  echo
  echo "| connections | server run: JVM s | PostgreSQL s | wrk s | other processes s | JVM s/1k req | PostgreSQL s/1k req | wrk s/1k req | SQL run: PostgreSQL s | pgbench s | other processes s | PostgreSQL s/1k tx | pgbench s/1k tx |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for r in "${CPU_TABLE[@]}"; do echo "$r"; done
  echo
  [ -n "$profile_md" ] && echo "$profile_md"
} >"$work/section.md"
bench_write_results "$results" "POST /api/v1/contacts under load: results (newest first; see README.md)" "$work/section.md"
bench_log "wrote $results"
echo
cat "$work/section.md"
