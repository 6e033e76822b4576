package nl.maatwerk.server.privacy;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The audit_log table (V10). Callers hold a transaction; {@link #lockChain} serialises appends. */
@Repository
class AuditStore {

    /** Any constant; only the audit log takes this advisory lock. */
    private static final long CHAIN_LOCK = 0x4d41415457524b31L;

    private final JdbcTemplate jdbc;

    AuditStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Held until the transaction ends, so the next append sees this one's hash. */
    void lockChain() {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CHAIN_LOCK);
    }

    String headHash() {
        return jdbc.query("select hash from audit_log order by id desc limit 1", (rs, n) -> rs.getString(1))
                .stream().findFirst().orElse(AuditChain.GENESIS);
    }

    long nextId() {
        return jdbc.queryForObject("select nextval(pg_get_serial_sequence('audit_log', 'id'))", Long.class);
    }

    void insert(AuditEntry e) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into audit_log (id, at, actor, role, action, purpose, citizen_ids, fields, trace_id,
                                           request_path, previous_hash, hash, format)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            ps.setLong(1, e.id());
            ps.setTimestamp(2, Timestamp.from(e.at()));
            ps.setString(3, e.actor());
            ps.setString(4, e.role());
            ps.setString(5, e.action().code());
            ps.setString(6, e.purpose());
            ps.setArray(7, con.createArrayOf("uuid", e.citizenIds().toArray()));
            ps.setArray(8, con.createArrayOf("text", e.fields().toArray()));
            ps.setString(9, e.traceId());
            ps.setString(10, e.requestPath());
            ps.setString(11, e.previousHash());
            ps.setString(12, e.hash());
            ps.setInt(13, e.format());
            return ps;
        });
    }

    /** Every entry in chain order, one at a time (the driver fetches in batches inside the caller's transaction). */
    void each(Consumer<AuditEntry> consumer) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("select * from audit_log order by id");
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            consumer.accept(entry(rs));
        });
    }

    List<AuditEntry> search(AuditQuery q) {
        StringBuilder sql = new StringBuilder("select * from audit_log where true");
        List<Object> args = new ArrayList<>();
        if (q.citizenId() != null) {
            sql.append(" and ((format = 1 and citizen_ids @> array[?::uuid]) or (format = 2 and citizen_ids @> "
                    + "array[(select pseudonym from audit_subject where citizen_id = ?)]))");
            args.add(q.citizenId());
            args.add(q.citizenId());
        }
        if (q.actor() != null) {
            sql.append(" and (actor = ? or starts_with(actor, ? || ' (key '))");   // a user, or the owner of API keys
            args.add(q.actor());
            args.add(q.actor());
        }
        if (q.from() != null) {
            sql.append(" and at >= ?");
            args.add(Timestamp.from(q.from()));
        }
        if (q.to() != null) {
            sql.append(" and at < ?");
            args.add(Timestamp.from(q.to()));
        }
        sql.append(" order by id desc limit ? offset ?");
        args.add(q.size() + 1);
        args.add((long) q.page() * q.size());
        return jdbc.query(sql.toString(), (rs, n) -> entry(rs), args.toArray());
    }

    /** The citizens' pseudonyms, made for those who have none yet; citizens without a row are left out. */
    Map<UUID, UUID> pseudonyms(List<UUID> citizens) {
        Map<UUID, UUID> out = new HashMap<>();
        if (citizens.isEmpty()) {
            return out;
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    insert into audit_subject (citizen_id, pseudonym)
                    select c.id, gen_random_uuid() from citizen c where c.id = any(?)
                    on conflict (citizen_id) do nothing""");
            ps.setArray(1, con.createArrayOf("uuid", citizens.toArray()));
            return ps;
        });
        jdbc.query(con -> {
            var ps = con.prepareStatement("select citizen_id, pseudonym from audit_subject where citizen_id = any(?)");
            ps.setArray(1, con.createArrayOf("uuid", citizens.toArray()));
            return ps;
        }, rs -> {
            out.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        return out;
    }

    /** The entries with pseudonyms turned back into citizen ids where the citizen still exists. */
    List<AuditEntry> withCitizenIds(List<AuditEntry> entries) {
        Set<UUID> pseudonyms = new HashSet<>();
        entries.stream().filter(e -> e.format() == AuditChain.FORMAT_PSEUDONYMS).forEach(e -> pseudonyms.addAll(e.citizenIds()));
        if (pseudonyms.isEmpty()) {
            return entries;
        }
        Map<UUID, UUID> citizenOf = new HashMap<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement("select pseudonym, citizen_id from audit_subject where pseudonym = any(?)");
            ps.setArray(1, con.createArrayOf("uuid", pseudonyms.toArray()));
            return ps;
        }, rs -> {
            citizenOf.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        });
        return entries.stream().map(e -> e.format() != AuditChain.FORMAT_PSEUDONYMS ? e
                : new AuditEntry(e.id(), e.at(), e.actor(), e.role(), e.action(), e.purpose(),
                        e.citizenIds().stream().map(p -> citizenOf.getOrDefault(p, p)).toList(), e.fields(), e.traceId(),
                        e.requestPath(), e.previousHash(), e.hash(), e.format())).toList();
    }

    Optional<UUID> citizenByBsn(String bsn) {
        return jdbc.query("select id from citizen where bsn = ?", (rs, n) -> rs.getObject(1, UUID.class), bsn)
                .stream().findFirst();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("role"), AuditAction.of(rs.getString("action")),
                rs.getString("purpose"), uuids(rs.getArray("citizen_ids")), texts(rs.getArray("fields")),
                rs.getString("trace_id"), rs.getString("request_path"), rs.getString("previous_hash"), rs.getString("hash"),
                rs.getInt("format"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.asList((UUID[]) array.getArray());
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
