#!/usr/bin/env bash
# Segments bench: N million generated citizens with ~10 contacts a year each, their travel documents and cases,
# imported with ./maatwerk import into a fresh embedded PostgreSQL 17; then, in one JVM (SegmentBench.java):
# core's SegmentIndex loaded from PostgreSQL (load time, heap), the same tables in DuckDB (in-process), 20
# segment expressions counted by the engine, by their SegmentSql translation on PostgreSQL and the same SQL on
# DuckDB, interleaved; and the freshness of a membership after a committed contact (change_log poll).
#
# Usage: bench/segments/run.sh [CITIZENS_MILLIONS=1]        (decimals work: 0.1 for a smoke test)
# Environment (all optional):
#   BENCH_WORK=/tmp/bench-seg    work dir: cached CSVs in data-<N>m/, database in db-<N>m/ (kept; see below)
#   BENCH_FRESH_DB=0             1: drop and re-import the database even when an imported one is there
#   BENCH_RUNS=20                timed runs per expression and engine (SQL runs are capped by BENCH_SQL_BUDGET_S)
#   BENCH_SQL_BUDGET_S=40        seconds of SQL time per expression and database before fewer runs are taken
#   BENCH_JAVA_OPTS=-Xmx3g       JVM options of the harness
#   BENCH_RECORD=1               put the run at the top of RESULTS.md (0: only print)
#   BENCH_JAR=/path              jar to run generate/import with (see bench/lib.sh)
#   BENCH_ENGINE_ONLY=0          1: load the index and time the engine only (no DuckDB, no SQL, no freshness, no record)
#   BENCH_ONLY=                  with BENCH_ENGINE_ONLY=1: time only these expressions, e.g. S09,S10 (for a profiler)
# Targets only 127.0.0.1; stops the PostgreSQL it started, also on error or Ctrl-C.
set -euo pipefail

MILLIONS=${1:-1}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$here/../lib.sh"
repo=$BENCH_REPO
WORK=${BENCH_WORK:-/tmp/bench-seg}
DATA=$WORK/data-${MILLIONS}m
DB=$WORK/db-${MILLIONS}m
LOG=$WORK/logs
RUNS=${BENCH_RUNS:-20}
SQL_BUDGET=${BENCH_SQL_BUDGET_S:-40}
HARNESS_OPTS=${BENCH_JAVA_OPTS:--Xmx3g}
RECORD=${BENCH_RECORD:-1}
FRESH_DB=${BENCH_FRESH_DB:-0}
END_DATE=2026-11-01
# The evaluation instant: the end of the generated history (fixed, so counts are the same in every run).
NOW=2026-11-01T16:00:00Z

say() { bench_log "$*"; }
die() { say "FAILED: $*"; exit 1; }
calc() { python3 -c "print($1)"; }

PG_JVM=""
cleanup() {
    local rc=$?
    if [ -n "$PG_JVM" ]; then
        say "stopping PostgreSQL on $DB"
        SERVER_PID=$PG_JVM bench_stop_server "$DB"   # TERM to Pg.java (its hook stops PostgreSQL), then by pid
    fi
    exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$WORK" "$LOG"
bench_prepare_jar "$WORK"
JAR=$WORK/maatwerk.jar
run_java() { java $BENCH_JVM_OPTS -jar "$JAR" "$@"; }

# --- data (cached) ---------------------------------------------------------------------------------------
CITIZENS=$(calc "int(round($MILLIONS * 1000000))")
GEN_ARGS="--citizens $CITIZENS --months 12 --seed 1 --contacts-per-citizen-year 10 --end-date $END_DATE"
if [ ! -f "$DATA/.complete" ]; then
    say "generating: generate $GEN_ARGS --out $DATA (once; cached)"
    rm -rf "$DATA" "$DATA.tmp"
    # shellcheck disable=SC2086
    run_java generate $GEN_ARGS --out "$DATA.tmp" > "$LOG/generate.log" 2>&1 || die "generate (see $LOG/generate.log)"
    touch "$DATA.tmp/.complete"
    mv "$DATA.tmp" "$DATA"
fi
say "data: $(du -sh "$DATA" | cut -f1) in $DATA"

# --- import (cached: the database is kept; the bench removes what it inserts) -----------------------------
if bench_pg_alive "$DB"; then die "a PostgreSQL still runs on $DB (another run of this bench?)"; fi
if [ "$FRESH_DB" = 1 ] || [ ! -f "$DB/.imported" ]; then
    rm -rf "$DB"
    : > "$LOG/import-times.txt"
    for kind in citizens documents cases case_history contacts; do
        case $kind in
            citizens) file=citizens.csv ;; documents) file=travel_documents.csv ;; cases) file=cases.csv ;;
            case_history) file=case_status_history.csv ;; contacts) file=contacts.csv ;;
        esac
        say "import $kind $file"
        t0=$(date +%s.%N)
        run_java import "$kind" "$DATA/$file" --data-dir "$DB" > "$LOG/import-$kind.log" 2>&1 \
            || die "import $kind (see $LOG/import-$kind.log)"
        t1=$(date +%s.%N)
        summary=$(tr '\r' '\n' < "$LOG/import-$kind.log" | grep -E 'rows, ' | tail -1 | sed -E 's/.*\] *[0-9]+% *//')
        echo "$kind|$(calc "round($t1 - $t0, 1)")|$summary" >> "$LOG/import-times.txt"
        for _ in $(seq 60); do bench_pg_alive "$DB" || break; sleep 1; done
    done
    date -u +'%F %T UTC' > "$DB/.imported"
    cp "$LOG/import-times.txt" "$DB/.import-times"
    IMPORT_NOTE="imported in this run"
else
    IMPORT_NOTE="database imported earlier ($(cat "$DB/.imported")) and reused"
fi
say "import: $IMPORT_NOTE"

# --- start the embedded PostgreSQL as the product does (zonky, same binaries and settings), without the server ---
# (Pg.java: pg_ctl refuses to run as root from a shell here, but zonky's start works.)
(cd "$repo/maatwerk-core" && mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/test-cp.txt" -DincludeScope=test) \
    > "$LOG/cp.log" 2>&1 || die "dependency:build-classpath (see $LOG/cp.log)"
java -Xmx128m -cp "$(cat "$WORK/test-cp.txt")" "$here/Pg.java" "$DB/pg" > "$LOG/pg.out" 2> "$LOG/pg.err" &
PG_JVM=$!
for _ in $(seq 240); do
    grep -q '^port ' "$LOG/pg.out" 2>/dev/null && break
    kill -0 "$PG_JVM" 2>/dev/null || die "PostgreSQL start (see $LOG/pg.err)"
    sleep 0.5
done
PORT=$(sed -n 's/^port //p' "$LOG/pg.out")
[ -n "$PORT" ] || die "PostgreSQL did not start (see $LOG/pg.err)"
q() { psql -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres "$@"; }
PG_SETTINGS="PostgreSQL $(q -c 'show server_version') (zonky embedded binaries, started with the product's settings: shared_buffers $(q -c 'show shared_buffers'), work_mem $(q -c 'show work_mem'), max_parallel_workers_per_gather $(q -c 'show max_parallel_workers_per_gather'), jit $(q -c 'show jit'))"
say "$PG_SETTINGS on port $PORT"

# Left-overs of an interrupted earlier run's freshness test.
q -c "delete from contact where source = 'bench-segments'"

# --- indexes a DBA would add for these predicates (the schema already has citizen(district), contact(citizen_id,
# occurred_at desc), contact(occurred_at), travel_document(citizen_id), travel_document(expiry_date),
# municipal_case(citizen_id)) ----------------------------------------------------------------------------
INDEX_SQL="
create index if not exists bench_citizen_birth_date_idx on citizen (birth_date);
create index if not exists bench_citizen_household_type_idx on citizen (household_type);
create index if not exists bench_citizen_income_band_idx on citizen ((attributes ->> 'income_band'));
create index if not exists bench_contact_citizen_cover_idx on contact (citizen_id, occurred_at) include (channel, kind, topic, satisfaction);
create index if not exists bench_travel_document_cover_idx on travel_document (citizen_id, expiry_date) include (issue_date);
create index if not exists bench_municipal_case_cover_idx on municipal_case (citizen_id) include (type, status, submitted_at, decision_deadline);
"
t0=$(date +%s.%N)
q -c "set maintenance_work_mem = '512MB'" -c "$INDEX_SQL"
q -c "vacuum (analyze) citizen" -c "vacuum (analyze) contact" -c "vacuum (analyze) travel_document" -c "vacuum (analyze) municipal_case"
INDEX_S=$(calc "round($(date +%s.%N) - $t0, 1)")
say "indexes + VACUUM ANALYZE: $INDEX_S s"
SIZES=$(q -F ' ' -c "select (select count(*) from citizen), (select count(*) from contact), (select count(*) from contact where citizen_id is not null), (select count(*) from travel_document), (select count(*) from municipal_case), pg_size_pretty(pg_database_size('postgres'))")
say "rows: citizens contacts contacts-with-citizen documents cases db-size = $SIZES"

[ "${BENCH_STAGE:-}" = prepare ] && { say "BENCH_STAGE=prepare: stopping here"; exit 0; }

# --- harness ---------------------------------------------------------------------------------------------
CORE_JAR=$WORK/maatwerk-core.jar
if [ ! -f "$repo/maatwerk-core/target/maatwerk-core-0.1.0-SNAPSHOT.jar" ] \
        || [ -n "$(find "$repo/maatwerk-core/src" "$repo/maatwerk-core/pom.xml" -newer "$repo/maatwerk-core/target/maatwerk-core-0.1.0-SNAPSHOT.jar" -print -quit)" ]; then
    say "building maatwerk-core"
    (cd "$repo" && mvn -q -B -o -pl maatwerk-core package -DskipTests) > "$LOG/core-build.log" 2>&1 || die "core build (see $LOG/core-build.log)"
fi
cp "$repo/maatwerk-core/target/maatwerk-core-0.1.0-SNAPSHOT.jar" "$CORE_JAR"
(cd "$repo/maatwerk-core" && mvn -q -B -o dependency:build-classpath -Dmdep.outputFile="$WORK/core-cp.txt" -DincludeScope=runtime) \
    > "$LOG/cp.log" 2>&1 || die "dependency:build-classpath (see $LOG/cp.log)"
M2=${M2_REPO:-$HOME/.m2/repository}
PGJDBC=$(ls "$M2"/org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar)
DUCKDB=$(ls "$M2"/org/duckdb/duckdb_jdbc/1.1.3/duckdb_jdbc-1.1.3.jar)
CP="$CORE_JAR:$(cat "$WORK/core-cp.txt"):$PGJDBC:$DUCKDB"

LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
OTHER_START=$(bench_other_load)
say "running SegmentBench ($RUNS runs per expression; SQL budget ${SQL_BUDGET} s per expression and database)"
# shellcheck disable=SC2086
java $HARNESS_OPTS -cp "$CP" "$here/SegmentBench.java" \
    --pg "jdbc:postgresql://127.0.0.1:$PORT/postgres" --work "$WORK" --now "$NOW" \
    --runs "$RUNS" --sql-budget "$SQL_BUDGET" --engine-only "$([ "${BENCH_ENGINE_ONLY:-0}" = 1 ] && echo true || echo false)" --out "$LOG/segment-bench.md" 2> >(tee "$LOG/segment-bench.err" >&2) \
    || die "SegmentBench (see $LOG/segment-bench.err)"
[ "${BENCH_ENGINE_ONLY:-0}" = 1 ] && { say "BENCH_ENGINE_ONLY=1: engine times above, nothing recorded"; exit 0; }

# --- report ----------------------------------------------------------------------------------------------
COMMIT=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')
DIRTY=$(git -C "$repo" status --porcelain -- maatwerk-core maatwerk-server pom.xml bench/segments 2>/dev/null | wc -l)
IMPORT_TABLE=$(awk -F'|' '{ printf "| import %s | %s s | %s |\n", $1, $2, $3 }' "$DB/.import-times")
SECTION=$(mktemp)
cat > "$SECTION" <<EOF
## Run $(date -u +'%Y-%m-%d %H:%M UTC'): $CITIZENS citizens

- command: \`bench/segments/run.sh $MILLIONS\` (BENCH_RUNS=$RUNS, BENCH_SQL_BUDGET_S=$SQL_BUDGET, harness JVM \`$HARNESS_OPTS\`)
- machine: $(bench_machine)
- code: commit $COMMIT ($DIRTY changed paths in core/server/bench-segments); $BENCH_JAR_INFO
- $PG_SETTINGS
- data: \`generate $GEN_ARGS\`; in PostgreSQL: $(echo "$SIZES" | awk '{ printf "%s citizens, %s contacts (%s with a citizen), %s travel documents, %s cases; database %s %s", $1, $2, $3, $4, $5, $6, $7 }'); $IMPORT_NOTE
- evaluation instant \`now\` = $NOW (fixed: the end of the generated history)
- extra indexes (created by run.sh, $INDEX_S s incl. VACUUM ANALYZE): citizen(birth_date), citizen(household_type), citizen((attributes->>'income_band')), contact(citizen_id, occurred_at) include (channel, kind, topic, satisfaction), travel_document(citizen_id, expiry_date) include (issue_date), municipal_case(citizen_id) include (type, status, submitted_at, decision_deadline)
- load at the start: $LOAD_START; at the end: $(cut -d" " -f1-3 /proc/loadavg). At the start, $(echo "$OTHER_START" | sed 1d | sed 's/^  - //' | paste -sd ';' - | sed 's/^$/no other process above 5 % CPU/')

| import step (\`./maatwerk import …\`, own JVM + PostgreSQL start) | wall | its summary |
| --- | ---: | --- |
$IMPORT_TABLE

$(cat "$LOG/segment-bench.md")
EOF
echo
cat "$SECTION"
if [ "$RECORD" = 1 ]; then
    # like bench_write_results, but the findings above the first "## Run" stay where they are
    if [ -f "$here/RESULTS.md" ]; then
        { awk '/^## Run / {exit} {print}' "$here/RESULTS.md"; cat "$SECTION"; echo
          awk 'found || /^## Run / {found = 1; print}' "$here/RESULTS.md"; } > "$here/RESULTS.md.tmp"
        mv "$here/RESULTS.md.tmp" "$here/RESULTS.md"
    else
        bench_write_results "$here/RESULTS.md" "Segments bench: results" "$SECTION"
    fi
    say "wrote $here/RESULTS.md"
fi
rm -f "$SECTION"
