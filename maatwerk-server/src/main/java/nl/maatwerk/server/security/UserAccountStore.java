package nl.maatwerk.server.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class UserAccountStore {

    private static final String COLUMNS = "name, roles, enabled, failed_attempts, locked_until, created_at";

    private final JdbcTemplate jdbc;

    UserAccountStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(UserAccount account, String passwordHash) {
    }

    Optional<Stored> find(String name) {
        return jdbc.query("select " + COLUMNS + ", password_hash from user_account where name = ?",
                (rs, i) -> new Stored(account(rs), rs.getString("password_hash")), name).stream().findFirst();
    }

    List<UserAccount> all() {
        return jdbc.query("select " + COLUMNS + " from user_account order by name", (rs, i) -> account(rs));
    }

    long count() {
        return jdbc.queryForObject("select count(*) from user_account", Long.class);
    }

    boolean insert(String name, String passwordHash, Set<Role> roles) {
        return jdbc.update("insert into user_account (name, password_hash, roles) values (?, ?, ?) on conflict do nothing",
                name, passwordHash, roleArray(roles)) == 1;
    }

    void upsert(String name, String passwordHash, Set<Role> roles) {
        jdbc.update("""
                insert into user_account (name, password_hash, roles) values (?, ?, ?)
                on conflict (name) do update set password_hash = excluded.password_hash, roles = excluded.roles,
                    enabled = true, failed_attempts = 0, locked_until = null""", name, passwordHash, roleArray(roles));
    }

    boolean setEnabled(String name, boolean enabled) {
        return jdbc.update("update user_account set enabled = ?, failed_attempts = 0, locked_until = null where name = ?",
                enabled, name) == 1;
    }

    /** One more failed password; at {@code max} in a row the account locks for {@code lockout} and the count restarts. */
    void loginFailed(String name, int max, Duration lockout) {
        jdbc.update("""
                update user_account set
                    locked_until = case when failed_attempts + 1 >= ? then now() + ? * interval '1 second' else locked_until end,
                    failed_attempts = case when failed_attempts + 1 >= ? then 0 else failed_attempts + 1 end
                where name = ?""", max, lockout.toSeconds(), max, name);
    }

    void loginSucceeded(String name) {
        jdbc.update("update user_account set failed_attempts = 0 where name = ? and failed_attempts <> 0", name);
    }

    static String[] roleArray(Set<Role> roles) {
        return roles.stream().map(Role::key).sorted().toArray(String[]::new);
    }

    static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object key : (Object[]) array.getArray()) {
            Role.of((String) key).ifPresent(roles::add);
        }
        return roles;
    }

    private static UserAccount account(ResultSet rs) throws SQLException {
        return new UserAccount(rs.getString("name"), roles(rs.getArray("roles")), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), instant(rs.getTimestamp("locked_until")), instant(rs.getTimestamp("created_at")));
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
