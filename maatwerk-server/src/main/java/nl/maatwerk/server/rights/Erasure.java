package nl.maatwerk.server.rights;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Removes a citizen from every table that holds their data ({@link CitizenTables}), children before parents, then
 * the citizen row, in the caller's transaction. Consent and objection events are append-only except inside an
 * erasure ({@code maatwerk.erasure}, V13). The audit log keeps its entries: they name a pseudonym whose mapping
 * ({@code audit_subject}) goes with the citizen. In-memory indexes (segments, analytics) follow through the change
 * log like any other change.
 */
@Component
class Erasure {

    private final NamedParameterJdbcTemplate jdbc;
    private final CitizenTables tables;

    Erasure(NamedParameterJdbcTemplate jdbc, CitizenTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /** Rows removed per table (tables with none left out); must run inside a transaction. */
    Map<String, Integer> erase(UUID citizenId) {
        var citizen = new MapSqlParameterSource("citizen", citizenId);
        jdbc.getJdbcTemplate().execute("set local maatwerk.erasure = 'on'");
        Map<String, Integer> removed = new LinkedHashMap<>();
        for (CitizenTables.CitizenTable table : tables.all()) {
            if (CitizenTables.KEPT.contains(table.name())) {
                continue;
            }
            int rows = jdbc.update("delete from " + table.name() + " where " + table.where(), citizen);
            if (rows > 0) {
                removed.put(table.name(), rows);
            }
        }
        removed.put("citizen", jdbc.update("delete from citizen where id = :citizen", citizen));
        jdbc.getJdbcTemplate().execute("set local maatwerk.erasure = 'off'");
        return removed;
    }
}
