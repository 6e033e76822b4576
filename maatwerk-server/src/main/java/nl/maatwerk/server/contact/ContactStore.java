package nl.maatwerk.server.contact;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import nl.maatwerk.server.platform.CopyRows;
import nl.maatwerk.server.platform.RowValues;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** JDBC access to the contact table. */
@Repository
class ContactStore {

    static final List<String> COLUMNS = List.of("source", "source_id", "citizen_id", "channel", "direction", "kind",
            "topic", "subtopic", "occurred_at", "closed_at", "resolved_first_contact", "satisfaction", "neighbourhood",
            "district", "text", "content_hash");
    private static final String COLUMN_LIST = String.join(", ", COLUMNS);
    private static final String INSERT = "insert into contact (" + COLUMN_LIST + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (source, source_id) do nothing returning id, received_at";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    ContactStore(JdbcTemplate jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Inserts the contact unless one with its key exists; returns the new contact, or empty on a clash. */
    Optional<Contact> insert(ContactSubmission c, UUID hash) {
        return jdbc.query(INSERT, ps -> bind(ps, c, hash), rs -> rs.next()
                ? Optional.of(view(c, rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
                : Optional.empty());
    }

    /** The stored contact with this key and its content hash. */
    Optional<StoredContact> find(String source, String sourceId) {
        return jdbc.query("select * from contact where source = ? and source_id = ?",
                (rs, n) -> new StoredContact(contact(rs), rs.getObject("content_hash", UUID.class)), source, sourceId)
                .stream().findFirst();
    }

    Optional<Contact> find(long id) {
        return jdbc.query("select * from contact where id = ?", (rs, n) -> contact(rs), id).stream().findFirst();
    }

    record StoredContact(Contact contact, UUID contentHash) {
    }

    /**
     * Stages a batch with COPY and merges it, in the caller's transaction. Returns how many rows were new and
     * the indexes of items whose key is already stored with other content.
     */
    BatchOutcome insertBatch(List<ContactSubmission> items, List<UUID> hashes) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement st = connection.createStatement()) {
            st.execute("create temp table contact_batch on commit drop as select " + COLUMN_LIST + " from contact with no data");
            st.execute("alter table contact_batch add column idx integer");
            List<String> columns = new ArrayList<>(COLUMNS);
            columns.add("idx");
            CopyRows.copy(connection, "contact_batch (" + String.join(", ", columns) + ")",
                    IntStream.range(0, items.size()).boxed().toList(), (i, row) -> {
                        copyValues(row, items.get(i), hashes.get(i));
                        row.value(Integer.toString(i));
                    });
            int inserted = st.executeUpdate("insert into contact (" + COLUMN_LIST + ") select " + COLUMN_LIST
                    + " from contact_batch order by idx on conflict (source, source_id) do nothing");
            List<Integer> conflicts = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select b.idx from contact_batch b join contact c"
                    + " on c.source = b.source and c.source_id = b.source_id where c.content_hash <> b.content_hash order by b.idx")) {
                while (rs.next()) {
                    conflicts.add(rs.getInt(1));
                }
            }
            return new BatchOutcome(inserted, conflicts);
        } catch (SQLException e) {
            throw new IllegalStateException("could not store the batch: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    record BatchOutcome(int inserted, List<Integer> conflicts) {
    }

    Contacts.Overview overview() {
        java.util.Map<String, Long> perChannel = new java.util.LinkedHashMap<>();
        jdbc.query("select channel, count(*) from contact group by channel order by 2 desc",
                rs -> {
                    perChannel.put(rs.getString(1), rs.getLong(2));
                });
        return jdbc.queryForObject("select count(*), min(occurred_at), max(occurred_at) from contact",
                (rs, n) -> new Contacts.Overview(rs.getLong(1), instant(rs, "min"), instant(rs, "max"), perChannel));
    }

    List<Contact> ofCitizen(UUID citizenId, int offset, int limit) {
        return jdbc.query("select * from contact where citizen_id = ? order by occurred_at desc, id desc offset ? limit ?",
                (rs, n) -> contact(rs), citizenId, offset, limit);
    }

    long countOfCitizen(UUID citizenId) {
        return jdbc.queryForObject("select count(*) from contact where citizen_id = ?", Long.class, citizenId);
    }

    static void copyValues(RowValues rows, ContactSubmission c, UUID hash) {
        rows.value(c.source()).value(c.sourceId()).value(str(c.citizenId())).value(c.channel()).value(c.direction())
                .value(c.kind()).value(c.topic()).value(c.subtopic()).value(str(c.occurredAt())).value(str(c.closedAt()))
                .value(str(c.resolvedFirstContact())).value(str(c.satisfaction())).value(c.neighbourhood())
                .value(c.district()).value(c.text()).value(hash.toString());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static void bind(PreparedStatement ps, ContactSubmission c, UUID hash) throws SQLException {
        ps.setString(1, c.source());
        ps.setString(2, c.sourceId());
        ps.setObject(3, c.citizenId());
        ps.setString(4, c.channel());
        ps.setString(5, c.direction());
        ps.setString(6, c.kind());
        ps.setString(7, c.topic());
        ps.setString(8, c.subtopic());
        ps.setObject(9, c.occurredAt().atOffset(java.time.ZoneOffset.UTC));
        ps.setObject(10, c.closedAt() == null ? null : c.closedAt().atOffset(java.time.ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(11, c.resolvedFirstContact(), Types.BOOLEAN);
        ps.setObject(12, c.satisfaction(), Types.SMALLINT);
        ps.setString(13, c.neighbourhood());
        ps.setString(14, c.district());
        ps.setString(15, c.text());
        ps.setObject(16, hash);
    }

    private static Contact view(ContactSubmission c, long id, Instant receivedAt) {
        return new Contact(id, c.source(), c.sourceId(), c.citizenId(), c.channel(), c.direction(), c.kind(), c.topic(),
                c.subtopic(), c.occurredAt(), c.closedAt(), c.resolvedFirstContact(), c.satisfaction(), c.neighbourhood(),
                c.district(), c.text(), receivedAt);
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        return new Contact(rs.getLong("id"), rs.getString("source"), rs.getString("source_id"),
                rs.getObject("citizen_id", UUID.class), rs.getString("channel"), rs.getString("direction"),
                rs.getString("kind"), rs.getString("topic"), rs.getString("subtopic"), instant(rs, "occurred_at"),
                instant(rs, "closed_at"), (Boolean) rs.getObject("resolved_first_contact"),
                rs.getObject("satisfaction") == null ? null : rs.getInt("satisfaction"), rs.getString("neighbourhood"),
                rs.getString("district"), rs.getString("text"), instant(rs, "received_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
