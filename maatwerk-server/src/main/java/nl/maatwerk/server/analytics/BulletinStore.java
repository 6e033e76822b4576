package nl.maatwerk.server.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Bulletins in PostgreSQL, one row per reviewed week, with the sending claimed and recorded there. */
@Repository
class BulletinStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    BulletinStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores a newly composed bulletin; an earlier one for the week is replaced, its sending record kept. */
    void save(BulletinReport report) {
        jdbc.update("insert into bulletin (week, report) values (?, ?::jsonb) on conflict (week) do update"
                + " set report = excluded.report, composed_at = now()", Date.valueOf(report.week()), write(report));
    }

    Optional<BulletinReport> find(LocalDate week) {
        return jdbc.query("select report from bulletin where week = ?", (rs, n) -> read(rs.getString(1)), Date.valueOf(week))
                .stream().findFirst();
    }

    List<LocalDate> weeks() {
        return jdbc.queryForList("select week from bulletin order by week desc", LocalDate.class);
    }

    boolean isSent(LocalDate week) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select sent_at is not null from bulletin where week = ?",
                Boolean.class, Date.valueOf(week)));
    }

    /**
     * Claims the sending of a week's bulletin: true for exactly one caller, unless a claim is older than
     * ten minutes (its sender died), so a crash during sending is retried, not lost.
     */
    boolean claimSending(LocalDate week, boolean again) {
        return jdbc.update("update bulletin set sending_since = now() where week = ? and (? or sent_at is null)"
                + " and (sending_since is null or sending_since < now() - interval '10 minutes')",
                Date.valueOf(week), again) == 1;
    }

    void markSent(LocalDate week, String recipients) {
        jdbc.update("update bulletin set sent_at = now(), sending_since = null, recipients = ? where week = ?",
                recipients, Date.valueOf(week));
    }

    void releaseClaim(LocalDate week) {
        jdbc.update("update bulletin set sending_since = null where week = ?", Date.valueOf(week));
    }

    private String write(BulletinReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private BulletinReport read(String text) {
        try {
            return json.readValue(text, BulletinReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored bulletin cannot be read: " + e.getMessage(), e);
        }
    }
}
