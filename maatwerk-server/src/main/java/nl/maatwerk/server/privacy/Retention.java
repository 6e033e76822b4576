package nl.maatwerk.server.privacy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Enforces the retention rules: per category, rows older than the period are deleted or anonymised, in batches of
 * {@value #BATCH} rows, each batch committed on its own (a long run never holds locks for long, and a stopped run
 * resumes where it was). Deletions and updates go through the change log like any other change, so the in-memory
 * indexes (analytics, segments) follow. Each run is stored in {@code retention_run} and logged, with counts only.
 */
@Service
public class Retention {

    static final int BATCH = 5_000;

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Retention(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public List<RetentionRule> rules() {
        return jdbc.query("select * from retention_rule order by category", (rs, n) -> new RetentionRule(
                rs.getString("category"), rs.getString("description"), rs.getString("purpose"), rs.getString("table_name"),
                rs.getString("time_column"), rs.getString("period"), rs.getString("action"),
                AttributeRegister.list(rs.getArray("clear_columns"))));
    }

    /** The latest runs, newest first. */
    public List<RetentionRun> runs(int limit) {
        return jdbc.query("select * from retention_run order by id desc limit ?", (rs, n) -> {
            try {
                return new RetentionRun(rs.getLong("id"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("cutoff_now", OffsetDateTime.class).toInstant(), rs.getBoolean("dry_run"),
                        json.readValue(rs.getString("results"), new TypeReference<List<RetentionRun.Result>>() { }));
            } catch (Exception e) {
                throw new IllegalStateException("retention_run.results is not what Retention wrote", e);
            }
        }, limit);
    }

    /**
     * Handles everything older than each rule's period counted back from {@code now} (in Dutch time, so P1Y is a
     * calendar year). A dry run only counts.
     */
    public RetentionRun run(Instant now, boolean dryRun) {
        Instant started = Instant.now();
        List<RetentionRun.Result> results = new ArrayList<>();
        for (RetentionRule rule : rules()) {
            Instant cutoff = now.atZone(AMSTERDAM).minus(Period.parse(rule.period())).toInstant().truncatedTo(ChronoUnit.MICROS);
            results.add(new RetentionRun.Result(rule.category(), rule.action(), cutoff, apply(rule, cutoff, dryRun)));
        }
        Instant finished = Instant.now();
        String text;
        try {
            text = json.writeValueAsString(results);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Long id = jdbc.queryForObject("""
                insert into retention_run (started_at, finished_at, cutoff_now, dry_run, results)
                values (?, ?, ?, ?, ?::jsonb) returning id""", Long.class, Timestamp.from(started), Timestamp.from(finished),
                Timestamp.from(now), dryRun, text);
        RetentionRun run = new RetentionRun(id, started, finished, now, dryRun, results);
        log.info("retention run {}{}: {}", id, dryRun ? " (dry run)" : "",
                results.stream().map(r -> r.category() + " " + r.action() + " " + r.rows()).toList());
        return run;
    }

    private long apply(RetentionRule rule, Instant cutoff, boolean dryRun) {
        String table = name(rule.table());
        String time = name(rule.timeColumn());
        String due = time + " < ?";
        String set = "";
        if (rule.action().equals("anonymise")) {
            due += " and (" + String.join(" or ", rule.clearColumns().stream().map(c -> name(c) + " is not null").toList()) + ")";
            set = String.join(", ", rule.clearColumns().stream().map(c -> name(c) + " = null").toList());
        }
        Timestamp at = Timestamp.from(cutoff);
        if (dryRun) {
            return jdbc.queryForObject("select count(*) from " + table + " where " + due, Long.class, at);
        }
        String batch = "ctid = any(array(select ctid from " + table + " where " + due + " limit " + BATCH + "))";
        String sql = rule.action().equals("delete") ? "delete from " + table + " where " + batch
                : "update " + table + " set " + set + " where " + batch;
        long total = 0;
        int rows;
        do {
            rows = jdbc.update(sql, at);
            total += rows;
        } while (rows == BATCH);
        return total;
    }

    /** Rule names are checked by the table's constraints too; checked again here because they become SQL. */
    private static String name(String identifier) {
        if (!NAME.matcher(identifier).matches()) {
            throw new IllegalStateException("retention rule names a table or column that is not a plain name: " + identifier);
        }
        return identifier;
    }
}
