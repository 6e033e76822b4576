#!/usr/bin/env bash
# Bulk-ingest bench: N million generated contacts loaded three ways into the same schema, in one run:
#   COPY    reference: psql "COPY contact (...) FROM STDIN" of the same rows (run twice, before and after)
#   import  ./maatwerk import contacts contacts.csv (own JVM + embedded PostgreSQL start)
#   batch   POST /api/v1/contacts/batch, NDJSON bodies of 10,000, from BatchClient.java over 3 connections
# Each starts from an empty contact table with the citizens loaded. Results go to stdout and RESULTS.md.
#
# Usage: bench/bulk-ingest/run.sh [CONTACTS_MILLIONS=10]      (decimals work: 0.1 for a smoke test)
# Environment (all optional):
#   BENCH_WORK=/tmp/bench-bulk     work dir: cached data in data-<N>m/, database in db/ (removed afterwards)
#   BENCH_JAR=/tmp/bench-bulk.jar  jar to run; when unset, a private copy of maatwerk-server/target/maatwerk.jar
#   BENCH_PORT=18090  BENCH_CONNECTIONS=3  BENCH_JAVA_OPTS=-Xmx2g (as ./maatwerk)
#   BENCH_PROFILE=1   afterwards profile an import of <=1M rows: JFR on the JVM, perf on the PostgreSQL backend
#   BENCH_RECORD=1    append the run to RESULTS.md (0: only print)
#   BENCH_KEEP_DB=0   keep the database dir afterwards
# Targets only 127.0.0.1; stops by itself; stops what it started, also on error or Ctrl-C.
set -euo pipefail

MILLIONS=${1:-10}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
WORK=${BENCH_WORK:-/tmp/bench-bulk}
DATA=$WORK/data-${MILLIONS}m
DB=$WORK/db
PORT=${BENCH_PORT:-18090}
CONNECTIONS=${BENCH_CONNECTIONS:-3}
BATCH=10000
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx2g}
PROFILE=${BENCH_PROFILE:-1}
RECORD=${BENCH_RECORD:-1}
# every API call needs a key: the server gets this administrator key at start, BatchClient sends it
export MAATWERK_BOOTSTRAP_API_KEY="${MAATWERK_BOOTSTRAP_API_KEY:-mwk_bench-loopback-only-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}"
KEEP_DB=${BENCH_KEEP_DB:-0}
TCK=$(getconf CLK_TCK)
LOG=$WORK/logs
COLUMNS_SQL="source, source_id, citizen_id, channel, direction, kind, topic, subtopic, occurred_at, closed_at, resolved_first_contact, satisfaction, neighbourhood, district, text, content_hash"
# Order-independent checksum of every stored column the loaders fill: equal sums = the same rows.
CHECKSUM_SQL="select count(*) || ' ' || coalesce(sum(('x' || left(md5(row($COLUMNS_SQL)::text), 15))::bit(60)::bigint), 0) from contact"

say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { say "FAILED: $*"; exit 1; }
now() { date +%s.%N; }
load1() { cut -d" " -f1 /proc/loadavg; }
calc() { python3 -c "print($1)"; }
fmt() { python3 -c "print(f'{$1:$2}')"; }

SERVE_PID=""; JOB_PID=""; PERF_PID=""
cleanup() {
    local rc=$?
    [ -n "$PERF_PID" ] && kill -INT "$PERF_PID" 2>/dev/null && wait "$PERF_PID" 2>/dev/null || true
    [ -n "$JOB_PID" ] && kill "$JOB_PID" 2>/dev/null && wait "$JOB_PID" 2>/dev/null || true
    stop_serve || true
    wait_pg_down || true
    if [ "$KEEP_DB" != 1 ] && [ -d "$DB" ]; then rm -rf "$DB"; fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM
trap 'say "error at line $LINENO: $BASH_COMMAND"' ERR

# --- jar -------------------------------------------------------------------------------------------------
if [ -z "${BENCH_JAR:-}" ]; then
    JAR=/tmp/bench-bulk.jar
    built="$repo/maatwerk-server/target/maatwerk.jar"
    [ -f "$built" ] || (cd "$repo" && ./maatwerk --help >/dev/null)
    cp "$built" "$JAR.tmp" && mv "$JAR.tmp" "$JAR"
else
    JAR=$BENCH_JAR
fi
java -jar "$JAR" --version >/dev/null 2>&1 || die "$JAR does not run (half-written copy during a rebuild? run again)"
JAR_SUM=$(sha256sum "$JAR" | cut -c1-12)
run_java() { java $JAVA_OPTS -jar "$JAR" "$@"; }

mkdir -p "$WORK" "$LOG"
for p in $PORT; do
    if curl -s -o /dev/null "http://127.0.0.1:$p/"; then die "port $p is in use; set BENCH_PORT"; fi
done
if [ -f "$DB/pg/postmaster.pid" ] && kill -0 "$(head -1 "$DB/pg/postmaster.pid")" 2>/dev/null; then
    die "a PostgreSQL still runs on $DB (another bench run?)"
fi

# --- data (cached) ---------------------------------------------------------------------------------------
CITIZENS=$(calc "int(round($MILLIONS * 100000))")
if [ ! -f "$DATA/.complete" ]; then
    say "generating $CITIZENS citizens with ~10 contacts/year each into $DATA (once; cached)"
    rm -rf "$DATA" "$DATA.tmp"
    run_java generate --citizens "$CITIZENS" --months 12 --seed 1 --contacts-per-citizen-year 10 \
        --end-date 2026-11-01 --out "$DATA.tmp" > "$LOG/generate.log" 2>&1 || die "generate (see $LOG/generate.log)"
    say "preparing the COPY reference file and the NDJSON file (not timed)"
    python3 "$here/prepare.py" "$DATA.tmp/contacts.csv" "$DATA.tmp" > "$DATA.tmp/rows" || die "prepare.py"
    touch "$DATA.tmp/.complete"
    mv "$DATA.tmp" "$DATA"
fi
ROWS=$(cat "$DATA/rows")
[ "$(wc -l < "$DATA/contacts.copy")" = "$ROWS" ] || die "contacts.copy does not hold $ROWS rows"
[ "$(wc -l < "$DATA/contacts.ndjson")" = "$ROWS" ] || die "contacts.ndjson does not hold $ROWS rows"
say "data: $ROWS contacts, $CITIZENS citizens ($(du -sh "$DATA" | cut -f1) in $DATA)"

# --- helpers ---------------------------------------------------------------------------------------------
pg_port() { sed -n 4p "$DB/pg/postmaster.pid"; }
q() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(pg_port)" -U postgres "$@"; }
# CPU seconds used by our PostgreSQL: the postmaster, its live children and its reaped children.
pg_cpu() {
    local pm; pm=$(head -1 "$DB/pg/postmaster.pid" 2>/dev/null) || { echo 0; return; }
    { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v pm="$pm" -v tck="$TCK" '
        { pid = $1; sub(/^[^(]*\(.*\) /, "");
          if (pid == pm) s += $12 + $13 + $14 + $15; else if ($2 == pm) s += $12 + $13 }
        END { printf "%.1f", s / tck }'
}
proc_cpu() { awk -v tck="$TCK" '{ sub(/^[^(]*\(.*\) /, ""); printf "%.1f", ($12 + $13) / tck }' "/proc/$1/stat"; }
wait_pg_down() {
    for _ in $(seq 120); do
        [ -f "$DB/pg/postmaster.pid" ] && kill -0 "$(head -1 "$DB/pg/postmaster.pid")" 2>/dev/null || return 0
        sleep 1
    done
    die "PostgreSQL under $DB did not stop"
}
start_serve() {
    SERVER_ADDRESS=127.0.0.1 java $JAVA_OPTS -jar "$JAR" serve --port "$PORT" --data-dir "$DB" > "$LOG/serve-$1.log" 2>&1 &
    SERVE_PID=$!
    for _ in $(seq 300); do
        kill -0 "$SERVE_PID" 2>/dev/null || die "serve exited (see $LOG/serve-$1.log)"
        curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && return 0
        sleep 1
    done
    die "serve did not come up in 300 s"
}
stop_serve() {
    [ -n "$SERVE_PID" ] || return 0
    kill "$SERVE_PID" 2>/dev/null || true
    wait "$SERVE_PID" 2>/dev/null || true
    SERVE_PID=""
    wait_pg_down
}
empty_contacts() { q -c "truncate contact" -c "vacuum analyze citizen" -c "checkpoint"; }
verify() {  # verify PHASE: all rows there and the same rows as the reference
    local got; got=$(q -c "$CHECKSUM_SQL")
    [ "${got%% *}" = "$ROWS" ] || die "$1: contact holds ${got%% *} rows, expected $ROWS"
    if [ -z "${REF_SUM:-}" ]; then REF_SUM=${got#* }; fi
    [ "${got#* }" = "$REF_SUM" ] || die "$1: checksum ${got#* } differs from the reference $REF_SUM"
    say "$1: verified $ROWS rows, checksum $REF_SUM"
}
table_size() {
    q -F ' ' -c "select pg_total_relation_size('contact'), pg_relation_size('contact'), pg_indexes_size('contact')"
}
copy_reference() {  # copy_reference N: times the COPY, verifies, leaves the table empty
    empty_contacts
    local c0 t0 t1 c1
    c0=$(pg_cpu); t0=$(now)
    q -c "COPY contact ($COLUMNS_SQL) FROM STDIN" < "$DATA/contacts.copy"
    t1=$(now); sleep 1; c1=$(pg_cpu)   # let the postmaster reap the backend, so its CPU is counted
    verify "COPY #$1"
    COPY_S[$1]=$(calc "round($t1 - $t0, 2)"); COPY_PGCPU[$1]=$(calc "round($c1 - $c0, 1)")
    COPY_LOAD[$1]=$(load1)
    say "COPY #$1: ${COPY_S[$1]} s, $(calc "int($ROWS / ${COPY_S[$1]})") rows/s, PostgreSQL CPU ${COPY_PGCPU[$1]} s"
    if [ "$1" = 1 ]; then read -r SIZE_TOTAL SIZE_HEAP SIZE_IDX <<< "$(table_size)"; fi
    empty_contacts
}
declare -A COPY_S COPY_PGCPU COPY_LOAD
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)

# --- 0. fresh database with the citizens -----------------------------------------------------------------
rm -rf "$DB"
say "importing $CITIZENS citizens into a fresh database in $DB"
run_java import citizens "$DATA/citizens.csv" --data-dir "$DB" > "$LOG/import-citizens.log" 2>&1 \
    || die "citizen import (see $LOG/import-citizens.log)"
wait_pg_down

# --- 1. reference COPY, plus a COPY into a bare table (no indexes, no FK, no checks) as the floor ----------
start_serve 1
say "PostgreSQL $(q -c 'show server_version') on port $(pg_port); shared_buffers $(q -c 'show shared_buffers'), synchronous_commit $(q -c 'show synchronous_commit'), fsync $(q -c 'show fsync')"
PG_SETTINGS="PostgreSQL $(q -c 'show server_version') (embedded, as the product starts it): shared_buffers $(q -c 'show shared_buffers'), max_wal_size $(q -c 'show max_wal_size'), synchronous_commit $(q -c 'show synchronous_commit'), fsync $(q -c 'show fsync')"
copy_reference 1
q -c "drop table if exists bench_contact_bare" -c "create table bench_contact_bare (like contact including defaults including identity)" -c checkpoint
t0=$(now)
psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$(pg_port)" -U postgres -c "COPY bench_contact_bare ($COLUMNS_SQL) FROM STDIN" < "$DATA/contacts.copy"
BARE_S=$(calc "round($(now) - $t0, 2)"); BARE_LOAD=$(load1)
q -c "drop table bench_contact_bare" -c checkpoint
say "COPY into a bare table: $BARE_S s"
stop_serve

# --- 2. import -------------------------------------------------------------------------------------------
say "import contacts: $ROWS rows"
t0=$(now)
/usr/bin/time -f '%e %U %S' -o "$LOG/import.time" \
    java $JAVA_OPTS -jar "$JAR" import contacts "$DATA/contacts.csv" --data-dir "$DB" > "$LOG/import-contacts.log" 2>&1 &
JOB_PID=$!
IMPORT_PGCPU=0
while kill -0 "$JOB_PID" 2>/dev/null; do
    c=$(pg_cpu); IMPORT_PGCPU=$(calc "max($IMPORT_PGCPU, $c)"); sleep 1
done
wait "$JOB_PID" || die "import (see $LOG/import-contacts.log)"
JOB_PID=""
IMPORT_WALL=$(calc "round($(now) - $t0, 2)"); IMPORT_LOAD=$(load1)
summary=$(tr '\r' '\n' < "$LOG/import-contacts.log" | grep -E 'rows, .* new' | tail -1)
IMPORT_S=$(sed -E 's/.*\(([0-9.]+) s\).*/\1/' <<< "$summary")
[[ "$IMPORT_S" =~ ^[0-9.]+$ ]] || die "no duration in the import output: $summary"
read -r _ IMPORT_USER IMPORT_SYS < "$LOG/import.time"
IMPORT_JCPU=$(calc "round($IMPORT_USER + $IMPORT_SYS, 1)")
say "import: $IMPORT_S s in the command, $IMPORT_WALL s wall; JVM CPU $IMPORT_JCPU s, PostgreSQL CPU ~$IMPORT_PGCPU s (incl. its start)"
wait_pg_down

# --- 3. /batch -------------------------------------------------------------------------------------------
start_serve 2
verify "import"
read -r IMPORT_SIZE_TOTAL _ _ <<< "$(table_size)"
empty_contacts
say "batch: $ROWS rows in NDJSON bodies of $BATCH over $CONNECTIONS connections"
c0=$(pg_cpu); j0=$(proc_cpu "$SERVE_PID")
/usr/bin/time -f '%e %U %S' -o "$LOG/client.time" \
    java -Xmx1g "$here/BatchClient.java" "http://127.0.0.1:$PORT/api/v1/contacts/batch" "$DATA/contacts.ndjson" "$BATCH" "$CONNECTIONS" \
    > "$LOG/client.out" 2> "$LOG/client.err" || { tail -5 "$LOG/client.err" >&2; die "batch client"; }
c1=$(pg_cpu); j1=$(proc_cpu "$SERVE_PID"); BATCH_LOAD=$(load1)
BATCH_LINE=$(cat "$LOG/client.out")
BATCH_S=$(sed -E 's/.* seconds=([0-9.]+).*/\1/' <<< "$BATCH_LINE")
BATCH_CREATED=$(sed -E 's/.* created=([0-9]+).*/\1/' <<< "$BATCH_LINE")
[ "$BATCH_CREATED" = "$ROWS" ] || die "batch created $BATCH_CREATED, expected $ROWS"
read -r _ cu cs < "$LOG/client.time"
BATCH_PGCPU=$(calc "round($c1 - $c0, 1)"); BATCH_JCPU=$(calc "round($j1 - $j0, 1)"); BATCH_CCPU=$(calc "round($cu + $cs, 1)")
say "batch: $BATCH_LINE; server JVM CPU $BATCH_JCPU s, PostgreSQL CPU $BATCH_PGCPU s, client CPU $BATCH_CCPU s (incl. its start)"
verify "batch"
read -r BATCH_SIZE_TOTAL _ _ <<< "$(table_size)"

# --- 4. reference COPY again (the machine is noisy: bracket the measurements) ----------------------------
copy_reference 2
stop_serve

# --- 5. profile (optional, not part of the figures) ------------------------------------------------------
# jfr_md FILE MARK: markdown of the JFR samples whose stack matches MARK: running Java (self and total time),
# and native (mostly: waiting on the socket to PostgreSQL).
jfr_md() {
    jfr print --stack-depth 64 --events jdk.ExecutionSample "$1" > "$1.txt"
    jfr print --stack-depth 64 --events jdk.NativeMethodSample "$1" > "$1.native.txt"
    local self total n other nn nself ntotal
    self=$(awk -v mode=self -v mark="$2" -f "$here/../jfr-top.awk" "$1.txt" 2> "$1.count" | sort -rn | head -25)
    total=$(awk -v mode=total -v mark="$2" -f "$here/../jfr-top.awk" "$1.txt" 2>/dev/null | awk '$2 != "100.0%"' \
        | grep -vE 'picocli\.|jdk\.internal\.reflect|java\.lang\.reflect|springframework\.boot\.loader|org\.apache\.(catalina|coyote|tomcat)|jakarta\.servlet|springframework\.web\.(filter|servlet\.(FrameworkServlet|DispatcherServlet|mvc\.method\.annotation\.ServletInvocable|mvc\.method\.AbstractHandler))|java\.lang\.Thread\.run|java\.util\.concurrent\.ThreadPoolExecutor|springframework\.(aop|cglib)|springframework\.web\.method\.support\.InvocableHandlerMethod' \
        | sort -rn | head -45)
    n=$(awk '{ print $1 }' "$1.count"); other=$(sed -E 's/.*; ([0-9]+) other.*/\1/' "$1.count")
    nself=$(awk -v mode=self -v mark="$2" -f "$here/../jfr-top.awk" "$1.native.txt" 2> "$1.native.count" | sort -rn | head -4)
    ntotal=$(awk -v mode=total -v mark="$2" -f "$here/../jfr-top.awk" "$1.native.txt" 2>/dev/null | awk '$2 != "100.0%"' \
        | grep -E 'nl\.maatwerk|org\.postgresql\.(core\.v3\.(CopyInImpl|QueryExecutorImpl\.(execute|endCopy|writeToCopy))|jdbc\.PgStatement\.execute )|org\.apache\.coyote\.http11\.Http11InputBuffer\.fill' \
        | sort -rn | head -12)
    nn=$(awk '{ print $1 }' "$1.native.count")
    printf '%s\n\n```\n%s\n```\n\n%s\n\n```\n%s\n```\n\n%s\n\n```\n%s\n\n%s\n```\n' \
        "JVM, JFR \`settings=profile\`. While \`$2\` was on the stack: $n samples running Java (one per 10 ms), $nn samples in native code (one per 20 ms) (socket I/O: mostly waiting for PostgreSQL; GC and JIT threads are not sampled; $other Java samples elsewhere: startup, other threads). Running Java, self time (top frame): samples, share, method" \
        "$self" "Running Java, total time (method anywhere on the stack; frames at 100% and framework plumbing left out): samples, share, method" "$total" \
        "Native samples: top frame, and where they were called from" "$nself" "$ntotal"
}
# perf_md FILE SECONDS BACKENDS: markdown of a perf recording of PostgreSQL backends.
perf_md() {
    local samples self dso
    samples=$(perf script -i "$1" -F pid 2>/dev/null | wc -l)
    self=$(perf report -i "$1" --stdio --no-children --sort symbol -g none 2>/dev/null | grep -E '^ +[0-9.]+%' | sed -E 's/ +- +- *$//' | head -30)
    dso=$(perf report -i "$1" --stdio --no-children --sort dso -g none 2>/dev/null | grep -E '^ +[0-9.]+%' | sed -E 's/ +$//' | head -5)
    printf '%s\n\n```\n%s\n```\n\n%s\n\n```\n%s\n```\n' \
        "PostgreSQL ($3 backend(s)), \`perf record -F 499 -g\` for $(fmt "$2" .0f) s: $samples samples, i.e. on CPU ~$(calc "round(100 * $samples / (499 * $2))")% of one core on average (the rest of the time they wait for input, locks or I/O). Self time by function:" \
        "$self" "By binary:" "$dso"
}
PROFILE_MD=""
if [ "$PROFILE" = 1 ]; then
    set +o pipefail   # head closes pipes early below
    PROWS=$(( ROWS < 1000000 ? ROWS : 1000000 ))
    PFILE="$DATA/contacts.csv"; PNDJSON="$DATA/contacts.ndjson"
    if [ "$PROWS" -lt "$ROWS" ]; then
        if [ "$(( $(wc -l < "$DATA/contacts.csv") - 1 ))" = "$ROWS" ]; then   # one line per row: head is safe
            PFILE=$WORK/profile-contacts.csv; head -n $((PROWS + 1)) "$DATA/contacts.csv" > "$PFILE"
            PNDJSON=$WORK/profile-contacts.ndjson; head -n "$PROWS" "$DATA/contacts.ndjson" > "$PNDJSON"
        else
            PROWS=$ROWS
        fi
    fi

    say "profile A: import of $PROWS rows with JFR (JVM) and perf (PostgreSQL backend)"
    rm -f "$LOG/import.jfr" "$LOG/import-pg.perf"
    java $JAVA_OPTS -XX:StartFlightRecording=filename="$LOG/import.jfr",settings=profile,dumponexit=true \
        -jar "$JAR" import contacts "$PFILE" --data-dir "$DB" > "$LOG/import-profile.log" 2>&1 &
    JOB_PID=$!
    backend=""
    for _ in $(seq 1500); do
        kill -0 "$JOB_PID" 2>/dev/null || break
        if [ -f "$DB/pg/postmaster.pid" ]; then
            backend=$(q -c "select pid from pg_stat_activity where query ilike 'copy contact%' and state = 'active' limit 1" 2>/dev/null || true)
            [ -n "$backend" ] && break
        fi
        sleep 0.2
    done
    t0=$(now)
    if [ -n "$backend" ]; then
        perf record -F 499 -g -p "$backend" -o "$LOG/import-pg.perf" > "$LOG/perf.log" 2>&1 &
        PERF_PID=$!
    fi
    wait "$JOB_PID" || die "profile import (see $LOG/import-profile.log)"
    JOB_PID=""
    if [ -n "$PERF_PID" ]; then kill -INT "$PERF_PID" 2>/dev/null || true; wait "$PERF_PID" 2>/dev/null || true; PERF_PID=""; fi
    perf_s=$(calc "$(now) - $t0")
    wait_pg_down
    psum=$(tr '\r' '\n' < "$LOG/import-profile.log" | grep -E 'rows, .* new' | tail -1 | sed -E 's/.*\] *[0-9]+% *//')
    PROFILE_MD+=$'\n'"### Profile A: \`import contacts\` of the first $PROWS rows ($psum)"$'\n\n'
    PROFILE_MD+="$(jfr_md "$LOG/import.jfr" 'CsvCopy[.]copy')"$'\n\n'
    [ -f "$LOG/import-pg.perf" ] && PROFILE_MD+="$(perf_md "$LOG/import-pg.perf" "$perf_s" 1)"$'\n'

    say "profile B: /batch of $PROWS rows with JFR (server JVM) and perf (PostgreSQL backends)"
    rm -f "$LOG/serve.jfr" "$LOG/batch-pg.perf"
    JAVA_OPTS_SAVED=$JAVA_OPTS
    JAVA_OPTS="$JAVA_OPTS -XX:StartFlightRecording=filename=$LOG/serve.jfr,settings=profile,dumponexit=true"
    start_serve 3
    JAVA_OPTS=$JAVA_OPTS_SAVED
    empty_contacts
    pm=$(head -1 "$DB/pg/postmaster.pid")
    backends=$(q -c "select string_agg(pid::text, ',') from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()")
    t0=$(now)
    perf record -F 499 -g -p "$backends" -o "$LOG/batch-pg.perf" > "$LOG/perf-batch.log" 2>&1 &
    PERF_PID=$!
    java -Xmx1g "$here/BatchClient.java" "http://127.0.0.1:$PORT/api/v1/contacts/batch" "$PNDJSON" "$BATCH" "$CONNECTIONS" \
        > "$LOG/client-profile.out" 2> "$LOG/client-profile.err" || die "profile batch client (see $LOG/client-profile.err)"
    kill -INT "$PERF_PID" 2>/dev/null || true; wait "$PERF_PID" 2>/dev/null || true; PERF_PID=""
    perf_s=$(calc "$(now) - $t0")
    stop_serve
    PROFILE_MD+=$'\n'"### Profile B: /batch of the first $PROWS rows ($(cat "$LOG/client-profile.out"))"$'\n\n'
    PROFILE_MD+="$(jfr_md "$LOG/serve.jfr" 'DispatcherServlet[.]doDispatch')"$'\n\n'
    PROFILE_MD+="$(perf_md "$LOG/batch-pg.perf" "$perf_s" "$(tr ',' '\n' <<< "$backends" | wc -l) pooled")"$'\n'

    say "profiles written to $LOG (import.jfr, import-pg.perf, serve.jfr, batch-pg.perf)"
    set -o pipefail
    rm -f "$WORK/profile-contacts.csv" "$WORK/profile-contacts.ndjson"
fi

# --- 6. report -------------------------------------------------------------------------------------------
set +o pipefail
COPY_MEAN=$(calc "(${COPY_S[1]} + ${COPY_S[2]}) / 2")
rate() { calc "int($ROWS / $1)"; }
ratio() { fmt "$COPY_MEAN / $1" .2f; }
mib() { calc "round($1 / 1048576)"; }
goal() { python3 -c "r = $ROWS / $1; q = $COPY_MEAN / $1; print(('yes' if q >= 0.5 else 'NO') + ' / ' + ('yes' if r >= 50000 else 'NO'))"; }
HOST_CPU=$(lscpu | sed -nE 's/^Model name: +//p' | head -1)
COMMIT=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')
DIRTY=$(git -C "$repo" status --porcelain 2>/dev/null | grep -vc '^??' || true)
REPORT=$(cat <<EOF
## Run $(date -u +'%Y-%m-%d %H:%M UTC'): $ROWS contacts

- machine: $(nproc) cores ($HOST_CPU), $(free -g | awk '/^Mem:/ { print $2 }') GiB RAM, $(uname -r); Java $(java -version 2>&1 | head -1 | sed -E 's/.*"(.*)".*/\1/')
- code: commit $COMMIT ($DIRTY modified tracked files in the worktree), jar sha256 $JAR_SUM; JVM options \`$JAVA_OPTS\`
- $PG_SETTINGS
- data: \`generate --citizens $CITIZENS --months 12 --seed 1 --contacts-per-citizen-year 10 --end-date 2026-11-01\` → $ROWS contacts ($(mib "$(stat -c %s "$DATA/contacts.csv")") MiB CSV), $CITIZENS citizens loaded first
- load average (1/5/15 min) at the start: $LOAD_START, at the end: $(cut -d" " -f1-3 /proc/loadavg) (other work shares the 2 cores; hence the same-run ratios)
- command: \`bench/bulk-ingest/run.sh $MILLIONS\` (BENCH_CONNECTIONS=$CONNECTIONS)

| load | rows | seconds | rows/s | ratio to COPY | goal ≥ 0.5× / ≥ 50k/s | CPU s: JVM / PostgreSQL | load avg after |
| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |
| COPY #1 (reference, \`psql -c "COPY contact (…) FROM STDIN" < contacts.copy\`) | $ROWS | $(fmt "${COPY_S[1]}" .1f) | $(rate "${COPY_S[1]}") | $(ratio "${COPY_S[1]}") | $(goal "${COPY_S[1]}") | – / ${COPY_PGCPU[1]} | ${COPY_LOAD[1]} |
| COPY #2 (reference, same, at the end) | $ROWS | $(fmt "${COPY_S[2]}" .1f) | $(rate "${COPY_S[2]}") | $(ratio "${COPY_S[2]}") | $(goal "${COPY_S[2]}") | – / ${COPY_PGCPU[2]} | ${COPY_LOAD[2]} |
| **import**, in-command time (\`import contacts contacts.csv\`, its own "(N s)") | $ROWS | $(fmt "$IMPORT_S" .1f) | $(rate "$IMPORT_S") | **$(ratio "$IMPORT_S")** | $(goal "$IMPORT_S") | $IMPORT_JCPU / ~$IMPORT_PGCPU (whole command) | $IMPORT_LOAD |
| import, total wall (JVM + Spring + embedded PostgreSQL start and stop) | $ROWS | $(fmt "$IMPORT_WALL" .1f) | $(rate "$IMPORT_WALL") | $(ratio "$IMPORT_WALL") | $(goal "$IMPORT_WALL") | | |
| **/batch**, first request to last response ($CONNECTIONS connections, NDJSON, $BATCH per request) | $ROWS | $(fmt "$BATCH_S" .1f) | $(rate "$BATCH_S") | **$(ratio "$BATCH_S")** | $(goal "$BATCH_S") | $BATCH_JCPU / $BATCH_PGCPU (client $BATCH_CCPU) | $BATCH_LOAD |
| COPY into a bare table (no indexes, FK or checks; the floor, not a reference) | $ROWS | $(fmt "$BARE_S" .1f) | $(rate "$BARE_S") | $(ratio "$BARE_S") | | | $BARE_LOAD |

Ratios are rows/s against the mean of the two COPY runs ($(fmt "$COPY_MEAN" .1f) s, $(rate "$COPY_MEAN") rows/s).
All three loads left the same $ROWS rows (equal count and checksum over all loaded columns incl. content_hash).
Table \`contact\` after the load: $(mib "$SIZE_TOTAL") MiB total = $(mib "$SIZE_HEAP") MiB heap + $(mib "$SIZE_IDX") MiB indexes (after import: $(mib "$IMPORT_SIZE_TOTAL") MiB, after /batch: $(mib "$BATCH_SIZE_TOTAL") MiB).
$PROFILE_MD
EOF
)
echo
echo "$REPORT"
if [ "$RECORD" = 1 ]; then
    [ -f "$here/RESULTS.md" ] || printf '# Bulk ingest: results\n\nSee README.md for what is measured. Newest run last.\n' > "$here/RESULTS.md"
    printf '\n%s\n' "$REPORT" >> "$here/RESULTS.md"
    say "appended to $here/RESULTS.md"
fi
