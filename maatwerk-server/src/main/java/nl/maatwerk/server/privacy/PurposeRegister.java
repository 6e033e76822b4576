package nl.maatwerk.server.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The purpose register (verwerkingsregister): what personal data is processed for, on which legal basis. */
@Service
public class PurposeRegister {

    private final JdbcTemplate jdbc;

    PurposeRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Purpose> all() {
        return jdbc.query("select * from purpose order by key", (rs, n) -> purpose(rs));
    }

    public Optional<Purpose> find(String key) {
        return jdbc.query("select * from purpose where key = ?", (rs, n) -> purpose(rs), key).stream().findFirst();
    }

    private static Purpose purpose(ResultSet rs) throws SQLException {
        return new Purpose(rs.getString("key"), rs.getString("name_nl"), rs.getString("name_en"),
                rs.getString("description"), rs.getString("legal_basis"),
                AttributeRegister.list(rs.getArray("data_categories")), rs.getString("retention"),
                AttributeRegister.list(rs.getArray("recipients")));
    }
}
