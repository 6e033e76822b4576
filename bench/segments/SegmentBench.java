import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Coded;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;
import nl.maatwerk.core.model.TravelDocumentType;
import nl.maatwerk.core.segment.AttributeDefinition;
import nl.maatwerk.core.segment.CaseRow;
import nl.maatwerk.core.segment.CheckedSegment;
import nl.maatwerk.core.segment.CitizenRow;
import nl.maatwerk.core.segment.ContactRow;
import nl.maatwerk.core.segment.MembershipChange;
import nl.maatwerk.core.segment.Purpose;
import nl.maatwerk.core.segment.SegmentCompiler;
import nl.maatwerk.core.segment.SegmentIndex;
import nl.maatwerk.core.segment.SegmentResolver;
import nl.maatwerk.core.segment.SegmentSchema;
import nl.maatwerk.core.segment.SegmentSql;
import nl.maatwerk.core.segment.SqlPredicate;
import nl.maatwerk.core.segment.TravelDocumentRow;
import org.postgresql.PGConnection;
import org.roaringbitmap.RoaringBitmap;

/**
 * The segments bench harness (see README.md): loads core's SegmentIndex from PostgreSQL the way the server is
 * to (docs/segment-language.md §9), copies the same tables into an in-process DuckDB, then for 20 expressions
 * times the engine's count, the SegmentSql translation on PostgreSQL and the same SQL on DuckDB, interleaved,
 * and checks the three counts are equal; finally measures freshness (commit of a contact → changed membership)
 * through a change_log poller. Writes a markdown section to --out; progress to stderr.
 *
 * <p>Run: {@code java -cp <maatwerk-core jar + deps + postgresql + duckdb_jdbc> SegmentBench.java --pg URL
 * --work DIR --now 2026-11-01T16:00:00Z --runs 20 --sql-budget 30 --out FILE}.
 */
public class SegmentBench {

    /** Segments the expressions refer to with {@code in segment "…"} (the resolver's store). */
    static final Map<String, String> STORED = new LinkedHashMap<>();

    static {
        STORED.put("digitaal-actief", "count(contacts where channel.digital and occurredAt > now - 12m) >= 1");
        STORED.put("jonge-gezinnen", "age between 25 and 45 and household.type in (\"family_with_children\", \"single_parent\")");
        STORED.put("jonge-gezinnen-actief", "in segment \"jonge-gezinnen\" and count(contacts where occurredAt > now - 6m) >= 1");
        STORED.put("jonge-gezinnen-balie", "in segment \"jonge-gezinnen-actief\" and not in segment \"digitaal-actief\""
                + " and count(contacts where channel in (\"desk\", \"phone\") and occurredAt > now - 12m) >= 1");
        STORED.put("senioren-paspoort", "age >= 67 and (document.travel.expiresWithin(12w) or document.travel.expiredWithin(12m))");
        STORED.put("campagne-doelgroep", "in segment \"jonge-gezinnen-balie\""
                + " or (in segment \"senioren-paspoort\" and not in segment \"digitaal-actief\")");
        STORED.put("klagers", "count(contacts where kind = \"complaint\" and occurredAt > now - 12m) >= 2");
    }

    record Def(String id, String purpose, String text) {
    }

    static final List<Def> EXPRESSIONS = List.of(
            new Def("S01", "segmentation", "age between 25 and 40"),
            new Def("S02", "segmentation", "household.type = \"family_with_children\""),
            new Def("S03", "segmentation", "district in (\"WK036300\", \"WK036306\", \"WK036309\")"),
            new Def("S04", "segmentation", "attribute.income_band = \"low\" and household.size >= 3"),
            new Def("S05", "segmentation", "age >= 65 and household.type = \"single\" and not attribute.parking_permit_holder"),
            new Def("S06", "segmentation", "document.travel.expiresWithin(8w)"),
            new Def("S07", "segmentation", "document.travel.expiredWithin(12m) and age >= 18"),
            new Def("S08", "segmentation", "count(contacts where occurredAt > now - 90d) >= 1"),
            new Def("S09", "segmentation", "count(contacts where channel in (\"desk\", \"phone\") and occurredAt > now - 90d) >= 2"),
            new Def("S10", "segmentation", "count(contacts where occurredAt > now - 12m) >= 3"
                    + " and count(contacts where occurredAt > now - 12m) <= 10"),
            new Def("S11", "segmentation", "last(contacts where channel.digital).occurredAt > now - 30d"),
            new Def("S12", "segmentation", "count(contacts) = 0"),
            new Def("S13", "segmentation", "age between 25 and 40 and household.type = \"family_with_children\""
                    + " and district in (\"WK036306\", \"WK036309\", \"WK036314\")"
                    + " and count(contacts where channel in (\"desk\", \"phone\") and occurredAt > now - 90d) >= 1"
                    + " and document.travel.expiresWithin(26w) and not in segment \"digitaal-actief\""),
            new Def("S14", "segmentation", "count(contacts where topic = \"parkeren\" and occurredAt > now - 6m) >= 2"
                    + " and not attribute.parking_permit_holder"),
            new Def("S15", "segmentation", "count(contacts where kind = \"complaint\" and occurredAt > now - 12m) >= 1"
                    + " and count(contacts where satisfaction <= 2 and occurredAt > now - 12m) >= 1"
                    + " and last(contacts).occurredAt < now - 30d"),
            new Def("S16", "proactive_service", "count(cases where type = \"objection\" and open and decisionDeadline < now + 5d) >= 1"),
            new Def("S17", "proactive_service", "count(cases where open) >= 1 and (document.travel.expiresWithin(12w)"
                    + " or language != \"nl\") and status = \"resident\""),
            new Def("S18", "segmentation", "in segment \"jonge-gezinnen-balie\""),
            new Def("S19", "segmentation", "in segment \"campagne-doelgroep\" and not in segment \"klagers\""),
            new Def("S20", "segmentation", "(age < 30 or age > 70) and not (household.type = \"single\""
                    + " or (district = \"WK036306\" and attribute.income_band = \"high\"))"
                    + " and (count(contacts where kind in (\"complaint\", \"report\") and occurredAt > now - 90d) >= 1"
                    + " or (last(contacts where channel = \"letter\").occurredAt > now - 6m and not document.travel.valid))"
                    + " or (in segment \"senioren-paspoort\""
                    + " and count(contacts where topic = \"paspoort-id-kaart\" and occurredAt > now - 12m) = 0)"));

    /** What the freshness test watches: a citizen with one such contact enters with a second. */
    static final String FRESH_SEGMENT = "count(contacts where channel in (\"desk\", \"phone\") and occurredAt > now - 90d) >= 2";

    /** BENCH_ENGINE_ONLY=1: the engine's times and counts only (no DuckDB, no SQL), for quick rounds while tuning. */
    static void engineOnly(SegmentSchema schema, SegmentIndex index) {
        SegmentCompiler compiler = new SegmentCompiler(schema, SegmentResolver.of(STORED));
        List<CheckedSegment> compiled = new ArrayList<>();
        for (Def d : EXPRESSIONS) {
            compiled.add(compiler.compile(d.id(), d.purpose(), d.text()));
        }
        for (int pass = 0; pass < 5; pass++) {
            for (CheckedSegment seg : compiled) {
                index.count(seg, now);
            }
        }
        String only = System.getenv().getOrDefault("BENCH_ONLY", "");   // e.g. "S09,S10": time just these (profiling)
        for (int e = 0; e < compiled.size(); e++) {
            if (!only.isBlank() && !List.of(only.split(",")).contains(EXPRESSIONS.get(e).id())) {
                continue;
            }
            double[] t = new double[runs];
            long n = 0;
            for (int r = 0; r < runs; r++) {
                long s = System.nanoTime();
                n = index.count(compiled.get(e), now);
                t[r] = (System.nanoTime() - s) / 1e6;
            }
            log("%s engine %s / %s ms, %,d members", EXPRESSIONS.get(e).id(), ms(median(t)), ms(p95(t)), n);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final StringBuilder out = new StringBuilder();

    static String pgUrl;
    static Path work;
    static Instant now;
    static int runs = 20;
    static double sqlBudget = 30;
    static Path outFile;
    static boolean engineOnly;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--pg" -> pgUrl = args[i + 1];
                case "--work" -> work = Path.of(args[i + 1]);
                case "--now" -> now = Instant.parse(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--sql-budget" -> sqlBudget = Double.parseDouble(args[i + 1]);
                case "--out" -> outFile = Path.of(args[i + 1]);
                case "--engine-only" -> engineOnly = Boolean.parseBoolean(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        try (Connection pg = DriverManager.getConnection(pgUrl, props)) {
            try (Statement s = pg.createStatement()) {
                s.execute("set statement_timeout = '300s'");
            }
            SegmentSchema schema = readSchema(pg);
            Map<String, AttributeDefinition.Type> types = new HashMap<>();
            schema.attributes().forEach((name, d) -> types.put(name, d.type()));

            // ---- 1. the index, loaded as the server is to, with the heap it takes -------------------------
            long heap0 = usedHeapAfterGc();
            SegmentIndex index = new SegmentIndex();
            Map<String, double[]> loadTimes = new LinkedHashMap<>();
            long t0 = System.nanoTime();
            load(pg, index, types, loadTimes);
            double loadSeconds = (System.nanoTime() - t0) / 1e9;
            long heap1 = usedHeapAfterGc();
            int citizens = index.citizens();
            int contacts = index.contacts();
            long estimated = index.estimatedBytes();
            double perMillion = 1_000_000.0 / citizens;
            log("index: %d citizens, %d contacts in %.1f s; heap %d → %d MB (Δ %d MB, estimatedBytes %d MB)", citizens,
                    contacts, loadSeconds, heap0 >> 20, heap1 >> 20, (heap1 - heap0) >> 20, estimated >> 20);
            out.append("### Loading the index (in the harness JVM, from PostgreSQL, as docs/segment-language.md §9 says)\n\n");
            out.append("| table | rows | seconds |\n| --- | ---: | ---: |\n");
            loadTimes.forEach((table, v) -> out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f |%n", table, (long) v[0], v[1])));
            out.append(String.format(Locale.ROOT, "| **total** (one `batch`) | %,d citizens, %,d contacts | **%.1f** |%n%n", citizens, contacts, loadSeconds));
            out.append(String.format(Locale.ROOT, "Heap used after a full GC: %,d MB before loading, %,d MB after: **%,d MB for %,d citizens = %,d MB per 1M citizens** "
                    + "(%.0f bytes per citizen, incl. its %.1f contacts, %s); the index's own `estimatedBytes()` says %,d MB. JVM: %s, %s.%n%n",
                    heap0 >> 20, heap1 >> 20, (heap1 - heap0) >> 20, citizens, Math.round(((heap1 - heap0) >> 20) * perMillion),
                    (double) (heap1 - heap0) / citizens, (double) contacts / citizens, "documents and cases",
                    estimated >> 20, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    ManagementFactory.getRuntimeMXBean().getInputArguments()));

            if (engineOnly) {
                engineOnly(schema, index);
                return;
            }

            // ---- 2. the same tables in DuckDB --------------------------------------------------------------
            Connection duck = DriverManager.getConnection("jdbc:duckdb:");
            double duckLoad = loadDuck(pg, duck);

            // ---- 3. compile ----------------------------------------------------------------------------------
            SegmentCompiler compiler = new SegmentCompiler(schema, SegmentResolver.of(STORED));
            List<CheckedSegment> compiled = new ArrayList<>();
            for (Def d : EXPRESSIONS) {
                compiled.add(compiler.compile(d.id(), d.purpose(), d.text()));
            }
            // the referenced segments compile on their own, too (as the server would store them)
            for (var e : STORED.entrySet()) {
                compiler.compile(e.getKey(), "segmentation", e.getValue());
            }

            // ---- 4. counts, interleaved ---------------------------------------------------------------------
            // JIT warm-up of the engine over all expressions first (5 passes), so no expression pays for compiling
            long w0 = System.nanoTime();
            for (int pass = 0; pass < 5; pass++) {
                for (CheckedSegment seg : compiled) {
                    index.count(seg, now);
                }
            }
            log("engine warm-up: 5 passes over the 20 expressions in %.1f s", (System.nanoTime() - w0) / 1e9);
            Path sqlLog = work.resolve("logs/segment-sql.txt");
            StringBuilder sqlText = new StringBuilder();
            List<String[]> rows = new ArrayList<>();
            int fast = 0, tenfold = 0, equal = 0;
            double worstRatio = Double.MAX_VALUE;
            for (int e = 0; e < EXPRESSIONS.size(); e++) {
                Def def = EXPRESSIONS.get(e);
                CheckedSegment seg = compiled.get(e);
                SqlPredicate pred = SegmentSql.where(seg, now);
                String pgSql = "select count(*) from citizen c where " + pred.sql();
                String duckSql = "select count(*) from citizen c where " + duckdb(pred);
                sqlText.append("== ").append(def.id()).append(" [").append(def.purpose()).append("] ").append(seg.text())
                        .append("\n-- PostgreSQL\n").append(pgSql).append("\n-- ").append(pred.parameters())
                        .append("\n-- DuckDB\n").append(duckSql).append("\n\n");
                Files.writeString(sqlLog, sqlText);

                // warm-up: the engine 3 times, each SQL once (that run also gives the count and the run budget)
                long engineCount = -1;
                for (int w = 0; w < 3; w++) {
                    engineCount = index.count(seg, now);
                }
                long[] pgCount = new long[1];
                String pgError = null;
                double pgWarm;
                try {
                    pgWarm = timeSql(pg, pgSql, pred.parameters(), pgCount);
                } catch (SQLException ex) {
                    pgError = ex.getMessage().split("\n")[0];
                    pgWarm = Double.NaN;
                    pg.rollback();
                }
                long[] duckCount = new long[1];
                String duckError = null;
                double duckWarm;
                try {
                    duckWarm = timeSql(duck, duckSql, List.of(), duckCount);
                } catch (SQLException ex) {
                    duckError = ex.getMessage().split("\n")[0];
                    duckWarm = Double.NaN;
                }
                int pgRuns = pgError != null ? 0 : (int) Math.max(3, Math.min(runs, Math.floor(sqlBudget / pgWarm)));
                int duckRuns = duckError != null ? 0 : (int) Math.max(3, Math.min(runs, Math.floor(sqlBudget / duckWarm)));
                double[] eng = new double[runs];
                double[] pgt = new double[pgRuns];
                double[] dkt = new double[duckRuns];
                double loadBefore = load1();
                for (int r = 0; r < runs; r++) {
                    // rotate the order, so no system always runs right after another's cache misses
                    for (int k = 0; k < 3; k++) {
                        int which = (r + k) % 3;
                        if (which == 0) {
                            long s = System.nanoTime();
                            long n = index.count(seg, now);
                            eng[r] = (System.nanoTime() - s) / 1e6;
                            if (n != engineCount) {
                                throw new IllegalStateException("engine count changed: " + n + " vs " + engineCount);
                            }
                        } else if (which == 1 && r < pgRuns) {
                            long[] c = new long[1];
                            pgt[r] = timeSql(pg, pgSql, pred.parameters(), c) * 1000;
                        } else if (which == 2 && r < duckRuns) {
                            long[] c = new long[1];
                            dkt[r] = timeSql(duck, duckSql, List.of(), c) * 1000;
                        }
                    }
                }
                double loadAfter = load1();
                double em = median(eng), ep = p95(eng);
                double pm = pgRuns > 0 ? median(pgt) : Double.NaN, pp = pgRuns > 0 ? p95(pgt) : Double.NaN;
                double dm = duckRuns > 0 ? median(dkt) : Double.NaN, dp = duckRuns > 0 ? p95(dkt) : Double.NaN;
                double best = Double.isNaN(pm) ? dm : Double.isNaN(dm) ? pm : Math.min(pm, dm);
                String bestName = Double.isNaN(best) ? "–" : best == pm ? "PostgreSQL" : "DuckDB";
                double ratio = best / em;
                boolean same = (pgError != null || pgCount[0] == engineCount) && (duckError != null || duckCount[0] == engineCount)
                        && !(pgError != null && duckError != null);
                if (same) {
                    equal++;
                }
                if (em < 20) {
                    fast++;
                }
                if (ratio >= 10) {
                    tenfold++;
                }
                worstRatio = Math.min(worstRatio, ratio);
                String counts = same ? "yes (" + String.format(Locale.ROOT, "%,d", engineCount) + ")"
                        : "**NO**: engine " + engineCount + ", PostgreSQL " + (pgError != null ? "error" : pgCount[0])
                                + ", DuckDB " + (duckError != null ? "error" : duckCount[0]);
                rows.add(new String[] {def.id(), ms(em) + " / " + ms(ep),
                        pgError != null ? "error" : ms(pm) + " / " + ms(pp) + (pgRuns < runs ? " (n=" + pgRuns + ")" : ""),
                        duckError != null ? "error" : ms(dm) + " / " + ms(dp) + (duckRuns < runs ? " (n=" + duckRuns + ")" : ""),
                        Double.isNaN(ratio) ? "–" : String.format(Locale.ROOT, "%,.0f× (%s)", ratio, bestName), counts,
                        String.format(Locale.ROOT, "%.1f→%.1f", loadBefore, loadAfter)});
                log("%s engine %s/%s ms, PostgreSQL %s/%s ms (n=%d)%s, DuckDB %s/%s ms (n=%d)%s; count %d; equal %s", def.id(),
                        ms(em), ms(ep), ms(pm), ms(pp), pgRuns, pgError == null ? "" : " ERROR " + pgError, ms(dm), ms(dp),
                        duckRuns, duckError == null ? "" : " ERROR " + duckError, engineCount, same);
                if (pgError != null || duckError != null) {
                    sqlText.append("!! ").append(def.id()).append(" errors: PostgreSQL ").append(pgError).append("; DuckDB ")
                            .append(duckError).append("\n\n");
                    Files.writeString(sqlLog, sqlText);
                }
            }

            out.append(String.format(Locale.ROOT, "DuckDB %s (in-process, `threads=%s`, `memory_limit=%s`): the four tables copied from PostgreSQL "
                    + "(`COPY … TO STDOUT` as CSV, `read_csv` with explicit types) in %.1f s; no indexes (DuckDB scans with zone maps).%n%n",
                    duckVersion(duck), duckSetting(duck, "threads"), duckSetting(duck, "memory_limit"), duckLoad));
            out.append("### Expressions\n\nCompiled with `SegmentCompiler` against the V1 attribute and purpose registers "
                    + "(`SegmentSchema.of(attributes, purposes)`), for the purpose shown. Referenced segments (the resolver's store):\n\n");
            STORED.forEach((k, v) -> out.append("- `").append(k).append("`: `").append(v).append("`\n"));
            out.append("\n| # | purpose | expression |\n| --- | --- | --- |\n");
            for (Def d : EXPRESSIONS) {
                out.append("| ").append(d.id()).append(" | ").append(d.purpose()).append(" | `").append(d.text().replace("|", "\\|")).append("` |\n");
            }
            out.append(String.format(Locale.ROOT, "%n### Count times (ms; median / p95 of %d runs after warm-up, engine and SQL interleaved)%n%n", runs));
            out.append("| # | engine | PostgreSQL | DuckDB | engine vs best SQL (median) | counts equal (members) | load avg |\n");
            out.append("| --- | ---: | ---: | ---: | ---: | --- | --- |\n");
            for (String[] r : rows) {
                out.append("| ").append(String.join(" | ", r)).append(" |\n");
            }
            out.append(String.format(Locale.ROOT, "%n**Goals:** engine median < 20 ms in %d of %d expressions; ≥ 10× the best SQL in %d of %d "
                    + "(smallest ratio %.0f×); counts equal in %d of %d. The SQL texts and parameters are in `logs/segment-sql.txt`.%n%n",
                    fast, rows.size(), tenfold, rows.size(), worstRatio, equal, rows.size()));
            out.append("`(n=…)`: fewer SQL runs than engine runs, because the warm-up run said more would take longer than the "
                    + String.format(Locale.ROOT, "%.0f s budget per expression and database. ", sqlBudget)
                    + "\"load avg\" is the 1-minute load average before → after the expression's runs (2 cores; others' work included).\n\n");

            // ---- 5. freshness ---------------------------------------------------------------------------------
            duck.close();
            freshness(pg, index, compiler);
        }
        Files.writeString(outFile, out);
        log("wrote %s", outFile);
    }

    // ------------------------------------------------------------------------------------------------------------
    // Loading

    static SegmentSchema readSchema(Connection pg) throws SQLException {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<Purpose> purposes = new ArrayList<>();
        try (Statement s = pg.createStatement()) {
            try (ResultSet rs = s.executeQuery("select name, type, allowed_values, special_category, purposes from attribute_definition")) {
                while (rs.next()) {
                    Array allowed = rs.getArray(3);
                    Array ps = rs.getArray(5);
                    attributes.add(new AttributeDefinition(rs.getString(1),
                            AttributeDefinition.Type.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)),
                            allowed == null ? List.of() : Arrays.asList((String[]) allowed.getArray()),
                            java.util.Optional.ofNullable(rs.getString(4)), Set.of((String[]) ps.getArray())));
                }
            }
            try (ResultSet rs = s.executeQuery("select key, data_categories from purpose")) {
                while (rs.next()) {
                    purposes.add(new Purpose(rs.getString(1), Set.of((String[]) rs.getArray(2).getArray())));
                }
            }
        }
        return SegmentSchema.of(attributes, purposes);
    }

    interface SqlRunnable {
        void run() throws Exception;
    }

    static void load(Connection pg, SegmentIndex index, Map<String, AttributeDefinition.Type> types,
            Map<String, double[]> times) throws Exception {
        pg.setAutoCommit(false);   // so fetchSize streams
        index.batch(() -> {
            try {
                timed(times, "citizen", () -> stream(pg, "select seq, birth_date, household_type, household_size, youngest_child_age,"
                        + " postcode, neighbourhood, district, language, status, attributes::text from citizen", rs -> {
                            index.upsertCitizen(citizen(rs, types));
                        }));
                timed(times, "contact (joined to citizen.seq, citizen_id not null)", () -> stream(pg,
                        "select k.id, c.seq, k.channel, k.direction, k.kind, k.topic, k.subtopic, k.occurred_at, k.satisfaction"
                                + " from contact k join citizen c on c.id = k.citizen_id", rs -> index.putContact(contact(rs))));
                timed(times, "travel_document", () -> stream(pg, "select d.number, c.seq, d.type, d.issue_date, d.expiry_date"
                        + " from travel_document d join citizen c on c.id = d.citizen_id", rs -> index.putTravelDocument(
                                new TravelDocumentRow(rs.getString(1), rs.getInt(2), code(TravelDocumentType.class, rs.getString(3)),
                                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))));
                timed(times, "municipal_case", () -> stream(pg, "select m.id, c.seq, m.type, m.status, m.submitted_at, m.decision_deadline,"
                        + " m.decision_date, m.objection_deadline, m.closed_at from municipal_case m join citizen c on c.id = m.citizen_id",
                        rs -> index.putCase(new CaseRow(rs.getObject(1, UUID.class), rs.getInt(2), code(CaseType.class, rs.getString(3)),
                                code(CaseStatus.class, rs.getString(4)), instant(rs, 5), rs.getObject(6, LocalDate.class),
                                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), instant(rs, 9)))));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        pg.commit();
        pg.setAutoCommit(true);
    }

    interface RowHandler {
        void row(ResultSet rs) throws Exception;
    }

    static long streamed;

    static void stream(Connection pg, String sql, RowHandler handler) throws Exception {
        streamed = 0;
        try (Statement s = pg.createStatement()) {
            s.setFetchSize(20_000);
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    handler.row(rs);
                    streamed++;
                }
            }
        }
    }

    static void timed(Map<String, double[]> times, String what, SqlRunnable r) throws Exception {
        long t = System.nanoTime();
        r.run();
        double s = (System.nanoTime() - t) / 1e9;
        times.put(what, new double[] {streamed, s});
        log("loaded %s: %,d rows in %.1f s", what, streamed, s);
    }

    static CitizenRow citizen(ResultSet rs, Map<String, AttributeDefinition.Type> types) throws Exception {
        Map<String, Object> attributes = new HashMap<>();
        JsonNode json = JSON.readTree(rs.getString(11));
        var fields = json.properties().iterator();
        while (fields.hasNext()) {
            var f = fields.next();
            AttributeDefinition.Type type = types.get(f.getKey());
            JsonNode v = f.getValue();
            if (type == null || v.isNull()) {
                continue;   // not in the register: not usable in a segment
            }
            attributes.put(f.getKey(), switch (type) {
                case TEXT -> v.asText();
                case BOOLEAN -> v.asBoolean();
                case NUMBER -> v.decimalValue();
                case DATE -> LocalDate.parse(v.asText());
            });
        }
        return new CitizenRow(rs.getInt(1), rs.getObject(2, LocalDate.class), code(HouseholdType.class, rs.getString(3)),
                rs.getObject(4) == null ? null : rs.getInt(4), rs.getObject(5) == null ? null : rs.getInt(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                code(RegistrationStatus.class, rs.getString(10)), attributes);
    }

    static ContactRow contact(ResultSet rs) throws SQLException {
        return new ContactRow(rs.getLong(1), rs.getInt(2), code(Channel.class, rs.getString(3)),
                code(Direction.class, rs.getString(4)), code(ContactKind.class, rs.getString(5)), rs.getString(6),
                rs.getString(7), instant(rs, 8), rs.getObject(9) == null ? null : rs.getInt(9));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static <E extends Enum<E> & Coded> E code(Class<E> type, String code) {
        return Codes.find(type, code).orElseThrow(() -> new IllegalArgumentException("no " + type.getSimpleName() + " " + code));
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ------------------------------------------------------------------------------------------------------------
    // DuckDB

    static double loadDuck(Connection pg, Connection duck) throws Exception {
        long t0 = System.nanoTime();
        Path dir = work.resolve("duck");
        Files.createDirectories(dir);
        try (Statement s = duck.createStatement()) {
            s.execute("set threads = 2");
            s.execute("set memory_limit = '4GB'");
            s.execute("set TimeZone = 'UTC'");
        }
        try (Statement s = pg.createStatement()) {
            s.execute("set timezone = 'UTC'");
        }
        Map<String, String[]> tables = new LinkedHashMap<>();
        tables.put("citizen", new String[] {
                "select id, seq, birth_date, household_type, household_size, youngest_child_age, postcode, neighbourhood, district,"
                        + " language, status, attributes::text from citizen",
                "id UUID, seq INTEGER, birth_date DATE, household_type VARCHAR, household_size SMALLINT, youngest_child_age SMALLINT,"
                        + " postcode VARCHAR, neighbourhood VARCHAR, district VARCHAR, language VARCHAR, status VARCHAR, attributes JSON"});
        tables.put("contact", new String[] {
                "select id, citizen_id, channel, direction, kind, topic, subtopic, occurred_at, satisfaction from contact",
                "id BIGINT, citizen_id UUID, channel VARCHAR, direction VARCHAR, kind VARCHAR, topic VARCHAR, subtopic VARCHAR,"
                        + " occurred_at TIMESTAMPTZ, satisfaction SMALLINT"});
        tables.put("travel_document", new String[] {
                "select number, citizen_id, type, issue_date, expiry_date from travel_document",
                "number VARCHAR, citizen_id UUID, type VARCHAR, issue_date DATE, expiry_date DATE"});
        tables.put("municipal_case", new String[] {
                "select id, citizen_id, type, status, submitted_at, decision_deadline, decision_date, objection_deadline, closed_at from municipal_case",
                "id UUID, citizen_id UUID, type VARCHAR, status VARCHAR, submitted_at TIMESTAMPTZ, decision_deadline DATE,"
                        + " decision_date DATE, objection_deadline DATE, closed_at TIMESTAMPTZ"});
        for (var e : tables.entrySet()) {
            Path file = dir.resolve(e.getKey() + ".csv");
            long t = System.nanoTime();
            try (OutputStream os = Files.newOutputStream(file)) {
                ((PGConnection) pg.unwrap(PGConnection.class)).getCopyAPI()
                        .copyOut("copy (" + e.getValue()[0] + ") to stdout with (format csv, header true)", os);
            }
            double exported = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            String columns = Arrays.stream(e.getValue()[1].split(",\\s*"))
                    .map(c -> "'" + c.substring(0, c.indexOf(' ')) + "': '" + c.substring(c.indexOf(' ') + 1) + "'")
                    .reduce((a, b) -> a + ", " + b).orElseThrow();
            try (Statement s = duck.createStatement()) {
                s.execute("create or replace table " + e.getKey() + " (" + e.getValue()[1] + ")");
                s.execute("insert into " + e.getKey() + " select * from read_csv('" + file + "', header = true, columns = {"
                        + columns + "})");
            }
            log("DuckDB %s: exported in %.1f s, loaded in %.1f s", e.getKey(), exported, (System.nanoTime() - t) / 1e9);
            Files.delete(file);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static String duckVersion(Connection duck) throws SQLException {
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("select version()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String duckSetting(Connection duck, String name) throws SQLException {
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery("select current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    static final Pattern RANGE = Pattern.compile(" <@ (int8range|daterange|tstzrange)\\(\\?, \\?, '\\[\\)'\\)");

    /**
     * The PostgreSQL predicate for DuckDB: range-type containment ({@code x <@ int8range(a, b, '[)')}, which DuckDB
     * lacks) becomes {@code x between a and b - 1 step} (1 for integers, a day for dates, a microsecond for
     * timestamps: exact on these discrete types), and the parameters are written as typed literals.
     */
    static String duckdb(SqlPredicate predicate) {
        List<Object> params = new ArrayList<>(predicate.parameters());
        String sql = predicate.sql();
        StringBuilder rewritten = new StringBuilder();
        Matcher m = RANGE.matcher(sql);
        int last = 0;
        while (m.find()) {
            int before = (int) sql.substring(0, m.start()).chars().filter(ch -> ch == '?').count();
            Object upper = params.get(before + 1);
            Object lower;
            if (upper instanceof Long l) {
                lower = l - 1;
            } else if (upper instanceof LocalDate d) {
                lower = d.minusDays(1);
            } else if (upper instanceof OffsetDateTime t) {
                lower = t.minusNanos(1000);
            } else {
                throw new IllegalArgumentException("range bound " + upper);
            }
            params.set(before + 1, lower);
            rewritten.append(sql, last, m.start()).append(" between ? and ?");
            last = m.end();
        }
        rewritten.append(sql.substring(last));
        sql = rewritten.toString();
        StringBuilder literal = new StringBuilder();
        int p = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch != '?') {
                literal.append(ch);
                continue;
            }
            Object v = params.get(p++);
            if (v instanceof String s) {
                literal.append("'").append(s.replace("'", "''")).append("'");
            } else if (v instanceof Long || v instanceof Integer) {
                literal.append(v);
            } else if (v instanceof BigDecimal d) {
                literal.append(d.toPlainString());
            } else if (v instanceof LocalDate d) {
                literal.append("DATE '").append(d).append("'");
            } else if (v instanceof OffsetDateTime t) {
                literal.append("TIMESTAMPTZ '").append(t.withOffsetSameInstant(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"))).append("+00'");
            } else {
                throw new IllegalArgumentException("parameter " + v.getClass());
            }
        }
        if (p != params.size()) {
            throw new IllegalStateException("placeholders do not match parameters");
        }
        return literal.toString();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Timing

    static double timeSql(Connection c, String sql, List<Object> params, long[] count) throws SQLException {
        long t = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                count[0] = rs.getLong(1);
            }
        }
        return (System.nanoTime() - t) / 1e9;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static double p95(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(0.95 * s.length) - 1)];
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "%s %s%n", java.time.LocalTime.now().withNano(0), String.format(Locale.ROOT, format, args));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Freshness: commit → change_log poll → fetch → putContact in one batch → re-evaluate → membership changed

    static void freshness(Connection pg, SegmentIndex index, SegmentCompiler compiler) throws Exception {
        CheckedSegment seg = compiler.compile("vers", "segmentation", FRESH_SEGMENT);
        SqlPredicate pred = SegmentSql.where(seg, now);
        int samples = 20;
        long pollIntervalMs = 10;
        // citizens one desk/phone contact short of the segment: exactly one in the window
        List<Object[]> candidates = new ArrayList<>();
        try (PreparedStatement ps = pg.prepareStatement("select c.id, c.seq from citizen c where (select count(*) from contact k"
                + " where k.citizen_id = c.id and k.channel in ('desk', 'phone') and k.occurred_at > ?) = 1 limit " + samples)) {
            ps.setObject(1, OffsetDateTime.ofInstant(now.minusSeconds(90L * 86400), ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(new Object[] {rs.getObject(1, UUID.class), rs.getInt(2)});
                }
            }
        }
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        Connection poll = DriverManager.getConnection(pgUrl, props);
        Connection writer = DriverManager.getConnection(pgUrl, props);
        writer.setAutoCommit(false);
        long startId;
        try (Statement s = poll.createStatement(); ResultSet rs = s.executeQuery("select coalesce(max(id), 0) from change_log")) {
            rs.next();
            startId = rs.getLong(1);
        }
        Map<Integer, Long> enteredAt = new ConcurrentHashMap<>();
        List<double[]> cycles = java.util.Collections.synchronizedList(new ArrayList<>());   // poll, fetch, apply, evaluate (ms)
        AtomicBoolean stop = new AtomicBoolean();
        RoaringBitmap[] previous = {index.members(seg, now)};
        long before = previous[0].getLongCardinality();
        Thread poller = new Thread(() -> {
            long lastId = startId;
            try (PreparedStatement changes = poll.prepareStatement(
                    "select id, table_name, op, first_key, last_key from change_log where id > ? order by id");
                    PreparedStatement rows = poll.prepareStatement("select k.id, c.seq, k.channel, k.direction, k.kind, k.topic,"
                            + " k.subtopic, k.occurred_at, k.satisfaction from contact k join citizen c on c.id = k.citizen_id"
                            + " where k.id between ? and ?")) {
                while (!stop.get()) {
                    long t0 = System.nanoTime();
                    changes.setLong(1, lastId);
                    List<long[]> inserted = new ArrayList<>();
                    try (ResultSet rs = changes.executeQuery()) {
                        while (rs.next()) {
                            lastId = rs.getLong(1);
                            if (rs.getString(2).equals("contact") && rs.getString(3).equals("I")) {
                                inserted.add(new long[] {rs.getLong(4), rs.getLong(5)});
                            }
                        }
                    }
                    long t1 = System.nanoTime();
                    if (inserted.isEmpty()) {
                        Thread.sleep(pollIntervalMs);
                        continue;
                    }
                    List<ContactRow> fetched = new ArrayList<>();
                    for (long[] range : inserted) {
                        rows.setLong(1, range[0]);
                        rows.setLong(2, range[1]);
                        try (ResultSet rs = rows.executeQuery()) {
                            while (rs.next()) {
                                fetched.add(contact(rs));
                            }
                        }
                    }
                    long t2 = System.nanoTime();
                    index.batch(() -> fetched.forEach(index::putContact));
                    long t3 = System.nanoTime();
                    RoaringBitmap current = index.members(seg, now);
                    MembershipChange change = MembershipChange.between(previous[0], current);
                    previous[0] = current;
                    long t4 = System.nanoTime();
                    change.entered().forEach((int seq) -> enteredAt.put(seq, t4));
                    cycles.add(new double[] {(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6});
                }
            } catch (Exception e) {
                log("poller failed: %s", e);
            }
        }, "change-log-poller");
        poller.start();
        double[] latency = new double[candidates.size()];
        double[] commitMs = new double[candidates.size()];
        int ok = 0;
        try (PreparedStatement insert = writer.prepareStatement("insert into contact (source, source_id, citizen_id, channel, direction,"
                + " kind, topic, occurred_at, content_hash) values ('bench-segments', ?, ?, 'desk', 'inbound', 'question', 'algemeen', ?,"
                + " gen_random_uuid())")) {
            for (int i = 0; i < candidates.size(); i++) {
                UUID citizen = (UUID) candidates.get(i)[0];
                int seq = (Integer) candidates.get(i)[1];
                insert.setString(1, UUID.randomUUID().toString());
                insert.setObject(2, citizen);
                insert.setObject(3, OffsetDateTime.ofInstant(now.minusSeconds(3600), ZoneOffset.UTC));
                insert.executeUpdate();
                long c0 = System.nanoTime();
                writer.commit();
                long committed = System.nanoTime();
                commitMs[i] = (committed - c0) / 1e6;
                long deadline = committed + 10_000_000_000L;
                while (!enteredAt.containsKey(seq) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                Long at = enteredAt.get(seq);
                latency[i] = at == null ? Double.NaN : (at - committed) / 1e6;
                if (at != null) {
                    ok++;
                }
                Thread.sleep(100 + (i * 37) % 100);   // the next commit lands at a random point of the poll cycle
            }
        }
        stop.set(true);
        poller.join();
        long after = index.count(seg, now);
        // cross-check: the SQL translation agrees with the index after the inserts
        long[] sqlCount = new long[1];
        timeSql(pg, "select count(*) from citizen c where " + pred.sql(), pred.parameters(), sqlCount);
        try (Statement s = writer.createStatement()) {
            s.executeUpdate("delete from contact where source = 'bench-segments'");
        }
        writer.commit();
        writer.close();
        poll.close();
        double[] got = Arrays.stream(latency).filter(d -> !Double.isNaN(d)).toArray();
        double[][] parts = cycles.toArray(new double[0][]);
        out.append("### Freshness: committed contact → changed membership\n\n");
        out.append("Segment `").append(FRESH_SEGMENT).append("` (").append(String.format(Locale.ROOT, "%,d", before))
                .append(" members). For each of ").append(candidates.size()).append(" citizens with exactly one desk/phone contact in the "
                + "window, one connection inserts a desk contact (occurred an hour before `now`) and commits; a poller thread (its own "
                + "connection, the way the server would keep the index fresh: docs/segment-language.md §9.4 and V6 `change_log`) polls "
                + "`change_log` every " + pollIntervalMs + " ms when idle, fetches the inserted contact rows by id range joined to "
                + "`citizen.seq`, applies them with `putContact` in one `batch`, re-evaluates the segment and computes "
                + "`MembershipChange.between(previous, current)`. Measured: from `commit()` returning to the moment the citizen's "
                + "seq is in `entered` (both in the harness JVM; `System.nanoTime`). The server does not poll `change_log` for "
                + "segments yet; this is the core path with a simulated poll.\n\n");
        out.append(String.format(Locale.ROOT, "- **latency commit → membership changed: median %s ms, p95 %s ms, max %s ms** (%d of %d seen; commit itself %s ms median)%n",
                ms(median(got)), ms(p95(got)), ms(Arrays.stream(got).max().orElse(Double.NaN)), ok, candidates.size(), ms(median(commitMs))));
        if (parts.length > 0) {
            out.append(String.format(Locale.ROOT, "- poller cycles that found work (%d): median poll query %s ms, fetch rows %s ms, apply (`batch` of `putContact`) %s ms, re-evaluate + diff %s ms%n",
                    parts.length, ms(median(col(parts, 0))), ms(median(col(parts, 1))), ms(median(col(parts, 2))), ms(median(col(parts, 3)))));
        }
        out.append(String.format(Locale.ROOT, "- members before %,d, after %,d (+%d); the SQL translation on PostgreSQL counts %,d after the inserts (%s); the inserted contacts were deleted again%n%n",
                before, after, after - before, sqlCount[0], sqlCount[0] == after ? "equal" : "**DIFFERENT**"));
        log("freshness: median %s ms p95 %s ms (%d/%d)", ms(median(got)), ms(p95(got)), ok, candidates.size());
    }

    static double[] col(double[][] rows, int c) {
        return Arrays.stream(rows).mapToDouble(r -> r[c]).toArray();
    }
}
