package nl.maatwerk.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.maatwerk.server.platform.FieldProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The attribute register: which profile attributes exist and what values they take. */
@Service
public class AttributeRegister {

    private static final long CACHE_NANOS = 5_000_000_000L;

    private final JdbcTemplate jdbc;
    private volatile Cached cached;

    AttributeRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<AttributeDefinition> all() {
        return jdbc.query("select * from attribute_definition order by name", (rs, n) -> definition(rs));
    }

    public Optional<AttributeDefinition> find(String name) {
        return jdbc.query("select * from attribute_definition where name = ?", (rs, n) -> definition(rs), name)
                .stream().findFirst();
    }

    /**
     * Checks a citizen's {@code attributes} object: every key must be declared, every value of the declared
     * type (and in the allowed list, when there is one). Problems are added with their JSON pointers.
     */
    public void check(JsonNode attributes, String pointer, List<FieldProblem> problems) {
        if (attributes == null) {
            return;
        }
        if (!attributes.isObject()) {
            problems.add(FieldProblem.at(pointer, "must be an object of declared attributes"));
            return;
        }
        Map<String, AttributeDefinition> declared = byName();
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = pointer + "/" + field.getKey();
            AttributeDefinition definition = declared.get(field.getKey());
            if (definition == null) {
                problems.add(FieldProblem.at(at, "attribute \"" + field.getKey()
                        + "\" is not in the attribute register; declare it first (known: " + String.join(", ", declared.keySet()) + ")"));
                continue;
            }
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            String mismatch = definition.type().mismatch(value);
            if (mismatch != null) {
                problems.add(FieldProblem.at(at, mismatch + " (attribute type " + definition.type().code() + ")"));
            } else if (definition.allowedValues() != null && !definition.allowedValues().contains(value.asText())) {
                problems.add(FieldProblem.at(at, "\"" + value.asText() + "\" is not allowed; expected one of "
                        + String.join(", ", definition.allowedValues())));
            }
        }
    }

    private Map<String, AttributeDefinition> byName() {
        Cached current = cached;
        if (current == null || System.nanoTime() - current.loadedAt() > CACHE_NANOS) {
            Map<String, AttributeDefinition> map = new LinkedHashMap<>();
            all().forEach(d -> map.put(d.name(), d));
            current = new Cached(map, System.nanoTime());
            cached = current;
        }
        return current.byName();
    }

    private record Cached(Map<String, AttributeDefinition> byName, long loadedAt) {
    }

    private static AttributeDefinition definition(ResultSet rs) throws SQLException {
        return new AttributeDefinition(rs.getString("name"), AttributeType.of(rs.getString("type")),
                list(rs.getArray("allowed_values")), rs.getString("source"), rs.getString("description"),
                list(rs.getArray("purposes")), rs.getString("special_category"));
    }

    static List<String> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
