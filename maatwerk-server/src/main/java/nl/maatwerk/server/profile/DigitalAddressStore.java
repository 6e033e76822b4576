package nl.maatwerk.server.profile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.Codes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** JDBC access to {@code digital_address}, one row per citizen. */
@Repository
class DigitalAddressStore {

    private final JdbcTemplate jdbc;

    DigitalAddressStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces; true when the citizen had no row before. */
    boolean put(UUID citizenId, String email, String phone, String pushToken, Channel preferred) {
        return Boolean.TRUE.equals(jdbc.query("""
                insert into digital_address (citizen_id, email, mobile_phone, push_token, preferred_channel)
                values (?, ?, ?, ?, ?)
                on conflict (citizen_id) do update set email = excluded.email, mobile_phone = excluded.mobile_phone,
                    push_token = excluded.push_token, preferred_channel = excluded.preferred_channel, updated_at = now()
                returning (xmax = 0)
                """, rs -> rs.next() && rs.getBoolean(1), citizenId, email, phone, pushToken,
                preferred == null ? null : preferred.code()));
    }

    Optional<DigitalAddress> find(UUID citizenId) {
        return jdbc.query("select * from digital_address where citizen_id = ?", (rs, n) -> row(rs), citizenId)
                .stream().findFirst();
    }

    Map<UUID, DigitalAddress> findAll(Collection<UUID> citizenIds) {
        Map<UUID, DigitalAddress> found = new HashMap<>();
        if (citizenIds.isEmpty()) {
            return found;
        }
        jdbc.query("select * from digital_address where citizen_id = any(?::uuid[])", rs -> {
            DigitalAddress a = row(rs);
            found.put(a.citizenId(), a);
        }, (Object) citizenIds.stream().map(UUID::toString).toArray(String[]::new));
        return found;
    }

    private static DigitalAddress row(ResultSet rs) throws SQLException {
        String preferred = rs.getString("preferred_channel");
        return new DigitalAddress(rs.getObject("citizen_id", UUID.class), rs.getString("email"),
                rs.getString("mobile_phone"), rs.getString("push_token"),
                preferred == null ? null : Codes.find(Channel.class, preferred).orElse(null),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
