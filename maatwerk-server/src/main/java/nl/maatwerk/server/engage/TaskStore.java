package nl.maatwerk.server.engage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** JDBC access to the contact centre's task list ({@code contact_task}). */
@Repository
class TaskStore {

    private final JdbcTemplate jdbc;

    TaskStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a task unless the occurrence's step already made one; true when new. */
    boolean add(UUID citizenId, String journeyKey, Long occurrenceId, Integer step, String action, String reason,
            String contextJson, Instant now) {
        return jdbc.update("""
                insert into contact_task (citizen_id, journey_key, occurrence_id, step, action, reason, context, created_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (occurrence_id, step) do nothing
                """, citizenId, journeyKey, occurrenceId, step, action, reason, contextJson, JourneyStore.ts(now)) == 1;
    }

    /** A task to add with {@link #addAll}. */
    record NewTask(UUID citizenId, String journeyKey, Long occurrenceId, Integer step, String action, String reason,
            String contextJson) {
    }

    /** Adds many tasks in one round trip, each unless its occurrence's step already made one. */
    void addAll(List<NewTask> tasks, Instant now) {
        jdbc.batchUpdate("""
                insert into contact_task (citizen_id, journey_key, occurrence_id, step, action, reason, context, created_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (occurrence_id, step) do nothing
                """, tasks.stream().map(t -> new Object[] {t.citizenId(), t.journeyKey(), t.occurrenceId(), t.step(),
                    t.action(), t.reason(), t.contextJson(), JourneyStore.ts(now)}).toList());
    }

    List<Task> list(String state, String journeyKey, int limit) {
        return jdbc.query("select * from contact_task where (?::text is null or state = ?) and (?::text is null or journey_key = ?)"
                + " order by created_at desc, id desc limit ?", (rs, n) -> task(rs), state, state, journeyKey, journeyKey, limit);
    }

    Optional<Task> find(long id) {
        return jdbc.query("select * from contact_task where id = ?", (rs, n) -> task(rs), id).stream().findFirst();
    }

    List<Task> ofOccurrence(long occurrenceId) {
        return jdbc.query("select * from contact_task where occurrence_id = ? order by id", (rs, n) -> task(rs), occurrenceId);
    }

    boolean done(long id, String by, String note, Instant now) {
        return jdbc.update("update contact_task set state = 'done', done_at = ?, done_by = ?, note = ? where id = ?"
                + " and state = 'open'", JourneyStore.ts(now), by, note, id) == 1;
    }

    private static Task task(ResultSet rs) throws SQLException {
        long occ = rs.getLong("occurrence_id");
        Long occurrence = rs.wasNull() ? null : occ;
        return new Task(rs.getLong("id"), rs.getObject("citizen_id", UUID.class), rs.getString("journey_key"), occurrence,
                rs.getString("action"), rs.getString("reason"), rs.getString("context"), rs.getString("state"),
                JourneyStore.instant(rs, "created_at"), JourneyStore.instant(rs, "done_at"), rs.getString("done_by"),
                rs.getString("note"));
    }
}
