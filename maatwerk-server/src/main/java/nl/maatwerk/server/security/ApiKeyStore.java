package nl.maatwerk.server.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ApiKeyStore {

    private static final String COLUMNS = "id, owner, roles, created_at, expires_at, last_used_at, revoked_at";

    private final JdbcTemplate jdbc;

    ApiKeyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, String hash, String owner, Set<Role> roles, Instant expiresAt) {
        jdbc.update("insert into api_key (id, key_hash, owner, roles, expires_at) values (?, ?, ?, ?, ?)",
                id, hash, owner, UserAccountStore.roleArray(roles), timestamp(expiresAt));
    }

    /** The key with this id gets this hash and roles, no expiry, not revoked. */
    void upsert(String id, String hash, String owner, Set<Role> roles) {
        jdbc.update("""
                insert into api_key (id, key_hash, owner, roles) values (?, ?, ?, ?)
                on conflict (id) do update set key_hash = excluded.key_hash, owner = excluded.owner, roles = excluded.roles,
                    expires_at = null, revoked_at = null""", id, hash, owner, UserAccountStore.roleArray(roles));
    }

    Optional<ApiKey> byHash(String hash) {
        return jdbc.query("select " + COLUMNS + " from api_key where key_hash = ?", (rs, i) -> key(rs), hash).stream().findFirst();
    }

    Optional<ApiKey> byId(String id) {
        return jdbc.query("select " + COLUMNS + " from api_key where id = ?", (rs, i) -> key(rs), id).stream().findFirst();
    }

    List<ApiKey> all() {
        return jdbc.query("select " + COLUMNS + " from api_key order by revoked_at nulls first, created_at desc",
                (rs, i) -> key(rs));
    }

    boolean revoke(String id) {
        return jdbc.update("update api_key set revoked_at = now() where id = ? and revoked_at is null", id) == 1;
    }

    void used(String id, Instant at) {
        jdbc.update("update api_key set last_used_at = ? where id = ?", Timestamp.from(at), id);
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static ApiKey key(ResultSet rs) throws SQLException {
        return new ApiKey(rs.getString("id"), rs.getString("owner"), UserAccountStore.roles(rs.getArray("roles")),
                UserAccountStore.instant(rs.getTimestamp("created_at")), UserAccountStore.instant(rs.getTimestamp("expires_at")),
                UserAccountStore.instant(rs.getTimestamp("last_used_at")), UserAccountStore.instant(rs.getTimestamp("revoked_at")));
    }
}
