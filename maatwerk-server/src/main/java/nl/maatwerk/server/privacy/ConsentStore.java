package nl.maatwerk.server.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The consent and objection events (V9). Reads the {@code citizen} table directly for existence and the profiling
 * flag: profile depends on privacy (the attribute register), so privacy cannot call profile's façade.
 */
@Repository
class ConsentStore {

    private final JdbcTemplate jdbc;

    ConsentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean citizenExists(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from citizen where id = ?)", Boolean.class, id));
    }

    ConsentEvent insert(UUID citizenId, String purpose, String channel, ConsentState state, String legalBasis,
            String source, Requester who) {
        return jdbc.queryForObject("""
                insert into consent_event (citizen_id, purpose, channel, state, legal_basis, source, actor, trace_id)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning *""", (rs, n) -> consent(rs),
                citizenId, purpose, channel, state.code(), legalBasis, source, who.actor(), who.traceId());
    }

    ObjectionEvent insert(UUID citizenId, ObjectionKind kind, boolean objected, String source, Requester who) {
        return jdbc.queryForObject("""
                insert into objection_event (citizen_id, kind, objected, source, actor, trace_id)
                values (?, ?, ?, ?, ?, ?) returning *""", (rs, n) -> objection(rs),
                citizenId, kind.column(), objected, source, who.actor(), who.traceId());
    }

    /** Sets the flag the segment index reads; the update's change_log trigger tells the index at once. */
    void setProfilingObjection(UUID citizenId, boolean objected) {
        jdbc.update("update citizen set profiling_objection = ? where id = ? and profiling_objection <> ?",
                objected, citizenId, objected);
    }

    boolean profilingObjection(UUID citizenId) {
        return jdbc.query("select profiling_objection from citizen where id = ?", (rs, n) -> rs.getBoolean(1), citizenId)
                .stream().findFirst().orElse(false);
    }

    boolean objected(UUID citizenId, ObjectionKind kind) {
        return jdbc.query("select objected from objection_event where citizen_id = ? and kind = ? order by id desc limit 1",
                (rs, n) -> rs.getBoolean(1), citizenId, kind.column()).stream().findFirst().orElse(false);
    }

    /** The latest state for this purpose that applies to the channel: said for that channel or for all. */
    Optional<ConsentState> latest(UUID citizenId, String purpose, String channel) {
        return jdbc.query("""
                select state from consent_event where citizen_id = ? and purpose = ? and (channel is null or channel = ?)
                order by id desc limit 1""", (rs, n) -> ConsentState.of(rs.getString(1)), citizenId, purpose, channel)
                .stream().findFirst();
    }

    List<ConsentEvent> history(UUID citizenId) {
        return jdbc.query("select * from consent_event where citizen_id = ? order by id", (rs, n) -> consent(rs), citizenId);
    }

    List<ObjectionEvent> objectionHistory(UUID citizenId) {
        return jdbc.query("select * from objection_event where citizen_id = ? order by id", (rs, n) -> objection(rs), citizenId);
    }

    private static ConsentEvent consent(ResultSet rs) throws SQLException {
        return new ConsentEvent(rs.getLong("id"), rs.getObject("citizen_id", UUID.class), rs.getString("purpose"),
                rs.getString("channel"), ConsentState.of(rs.getString("state")), rs.getString("legal_basis"),
                rs.getString("source"), rs.getString("actor"), rs.getObject("at", OffsetDateTime.class).toInstant());
    }

    private static ObjectionEvent objection(ResultSet rs) throws SQLException {
        return new ObjectionEvent(rs.getLong("id"), rs.getObject("citizen_id", UUID.class),
                ObjectionKind.ofColumn(rs.getString("kind")), rs.getBoolean("objected"), rs.getString("source"),
                rs.getString("actor"), rs.getObject("at", OffsetDateTime.class).toInstant());
    }
}
