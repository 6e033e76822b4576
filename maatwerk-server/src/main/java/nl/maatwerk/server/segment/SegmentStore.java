package nl.maatwerk.server.segment;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** JDBC access to the {@code segment} table. */
@Repository
class SegmentStore {

    private final JdbcTemplate jdbc;

    SegmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored row: the definition and every key it uses, directly or not. */
    record Row(Segment segment, List<String> referencedKeys) {
    }

    List<Row> all() {
        return jdbc.query("select * from segment order by key", (rs, n) -> row(rs));
    }

    Optional<Row> find(String key) {
        return jdbc.query("select * from segment where key = ?", (rs, n) -> row(rs), key).stream().findFirst();
    }

    Optional<String> text(String key) {
        return jdbc.queryForList("select expression from segment where key = ?", String.class, key).stream().findFirst();
    }

    /** Keys of the segments that use {@code key}, directly or through others. */
    List<String> usersOf(String key) {
        return jdbc.queryForList("select key from segment where ? = any(referenced_keys) order by key", String.class, key);
    }

    boolean insert(String key, String name, String purpose, String expression, String tree, List<String> referenced) {
        return jdbc.update("insert into segment (key, name, purpose, expression, tree, referenced_keys)"
                + " values (?, ?, ?, ?, ?::jsonb, ?) on conflict (key) do nothing",
                key, name, purpose, expression, tree, referenced.toArray(String[]::new)) == 1;
    }

    void update(String key, String name, String purpose, String expression, String tree, List<String> referenced) {
        jdbc.update("update segment set name = ?, purpose = ?, expression = ?, tree = ?::jsonb, referenced_keys = ?,"
                + " updated_at = now() where key = ?", name, purpose, expression, tree, referenced.toArray(String[]::new), key);
    }

    void updateReferences(String key, List<String> referenced) {
        jdbc.update("update segment set referenced_keys = ? where key = ?", referenced.toArray(String[]::new), key);
    }

    boolean delete(String key) {
        return jdbc.update("delete from segment where key = ?", key) == 1;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Segment segment = new Segment(rs.getString("key"), rs.getString("name"), rs.getString("purpose"),
                rs.getString("expression"), rs.getString("tree"), Uses.direct(rs.getString("expression")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
        return new Row(segment, strings(rs.getArray("referenced_keys")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
