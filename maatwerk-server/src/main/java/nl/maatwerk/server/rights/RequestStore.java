package nl.maatwerk.server.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The privacy_request table (V13). */
@Repository
class RequestStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    RequestStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(PrivacyRequest r) {
        jdbc.update("""
                insert into privacy_request (id, type, citizen_id, status, reason, requested_at, requested_by, decided_at,
                                             decided_by, outcome, refusal)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""", r.id(), r.type(), r.citizenId(), r.status(), r.reason(),
                Timestamp.from(r.requestedAt()), r.requestedBy(), r.decidedAt() == null ? null : Timestamp.from(r.decidedAt()),
                r.decidedBy(), r.outcome().toString(), r.refusal());
    }

    /** The stored request (its citizen set to null by the database when they were erased). */
    Optional<PrivacyRequest> find(UUID id) {
        return jdbc.query("select * from privacy_request where id = ?", (rs, n) -> request(rs), id).stream().findFirst();
    }

    List<PrivacyRequest> latest(int limit) {
        return jdbc.query("select * from privacy_request order by requested_at desc, id limit ?", (rs, n) -> request(rs),
                limit);
    }

    Optional<UUID> citizenByBsn(String bsn) {
        return jdbc.query("select id from citizen where bsn = ?", (rs, n) -> rs.getObject(1, UUID.class), bsn).stream()
                .findFirst();
    }

    boolean citizenExists(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from citizen where id = ?)", Boolean.class, id));
    }

    private PrivacyRequest request(ResultSet rs) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        JsonNode outcome;
        try {
            outcome = json.readTree(rs.getString("outcome"));
        } catch (Exception e) {
            throw new IllegalStateException("outcome is not JSON", e);
        }
        return new PrivacyRequest(rs.getObject("id", UUID.class), rs.getString("type"), rs.getObject("citizen_id", UUID.class),
                rs.getString("status"), rs.getString("reason"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                rs.getString("requested_by"), decided == null ? null : decided.toInstant(), rs.getString("decided_by"),
                outcome, rs.getString("refusal"));
    }
}
