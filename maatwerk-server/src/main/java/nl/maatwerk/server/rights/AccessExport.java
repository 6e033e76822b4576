package nl.maatwerk.server.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.server.privacy.AttributeDefinition;
import nl.maatwerk.server.privacy.AttributeRegister;
import nl.maatwerk.server.privacy.AuditEntry;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.AuditPage;
import nl.maatwerk.server.privacy.AuditQuery;
import nl.maatwerk.server.segment.Segment;
import nl.maatwerk.server.segment.Segments;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Everything held about one citizen (GDPR Art. 15): the profile with each attribute's register entry, the segments
 * they are in with the expression and purpose that put them there, the audit entries about them ("who looked at my
 * data"), and every row of every table that holds their data ({@link CitizenTables}: documents, cases and status
 * history, contacts, consents, objections, segment events, messages, …), so new tables appear without a change here.
 */
@Component
class AccessExport {

    /** Internal bookkeeping, not data about the citizen: their audit pseudonym. */
    private static final Set<String> LEFT_OUT = Set.of("audit_subject");

    private final NamedParameterJdbcTemplate jdbc;
    private final CitizenTables tables;
    private final AttributeRegister attributes;
    private final Segments segments;
    private final AuditLog audit;
    private final ObjectMapper json;

    AccessExport(NamedParameterJdbcTemplate jdbc, CitizenTables tables, AttributeRegister attributes, Segments segments,
            AuditLog audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.tables = tables;
        this.attributes = attributes;
        this.segments = segments;
        this.audit = audit;
        this.json = json;
    }

    /** The export, or null when there is no such citizen. */
    Map<String, Object> of(UUID citizenId) {
        var citizen = new MapSqlParameterSource("citizen", citizenId);
        List<JsonNode> profile = rows("citizen", "id = :citizen", citizen);
        if (profile.isEmpty()) {
            return null;
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("citizenId", citizenId);
        export.put("madeAt", Instant.now());
        ObjectNode person = (ObjectNode) profile.get(0);
        JsonNode attributeValues = person.remove("attributes");
        person.remove("seq");
        export.put("profile", person);
        export.put("attributes", attributes(attributeValues));
        export.put("segments", segments(citizenId));
        export.put("auditEntries", auditEntries(citizenId));
        Map<String, List<JsonNode>> held = new LinkedHashMap<>();
        for (CitizenTables.CitizenTable table : tables.all()) {
            if (!LEFT_OUT.contains(table.name())) {
                held.put(table.name(), rows(table.name(), table.where(), citizen));
            }
        }
        export.put("tables", held);
        return export;
    }

    private List<JsonNode> rows(String table, String where, MapSqlParameterSource citizen) {
        return jdbc.query("select to_jsonb(t)::text from " + table + " t where " + where, citizen, (rs, n) -> {
            try {
                return json.readTree(rs.getString(1));
            } catch (Exception e) {
                throw new IllegalStateException("PostgreSQL wrote JSON Jackson cannot read", e);
            }
        });
    }

    private List<Map<String, Object>> attributes(JsonNode values) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (values == null) {
            return out;
        }
        values.fields().forEachRemaining(field -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("name", field.getKey());
            a.put("value", field.getValue());
            attributes.find(field.getKey()).ifPresent((AttributeDefinition d) -> {
                a.put("description", d.description());
                a.put("source", d.source());
                a.put("purposes", d.purposes());
            });
            out.add(a);
        });
        return out;
    }

    private List<Map<String, Object>> segments(UUID citizenId) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String key : segments.segmentsOf(citizenId)) {
            Segment s = segments.get(key).segment();
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("key", s.key());
            one.put("name", s.name());
            one.put("purpose", s.purpose());
            one.put("why", s.expression());
            out.add(one);
        }
        return out;
    }

    private List<AuditEntry> auditEntries(UUID citizenId) {
        List<AuditEntry> out = new ArrayList<>();
        AuditPage page;
        int p = 0;
        do {
            page = audit.search(new AuditQuery(citizenId, null, null, null, p++, 500));
            out.addAll(page.entries());
        } while (page.more());
        return out;
    }
}
