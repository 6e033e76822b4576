package nl.maatwerk.server.contact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a foreign CSV (a city's 311 export, another contact system) onto the contact model: which of their
 * columns fills which of our fields, constants for fields they lack, value translations, and the time zone
 * of timestamps written without an offset. A value translated to {@value #SKIP} drops the row. Fields
 * named in {@code dropInvalid} lose an invalid value (real exports hold, say, a closing time before the
 * opening time) instead of failing the whole import; the import counts how often.
 * See docs/import-mapping.md.
 */
public record ContactMapping(Map<String, String> columns, Map<String, String> constants,
        Map<String, Map<String, String>> values, ZoneId timezone, Set<String> dropInvalid) {

    public static final String SKIP = "~skip";

    public ContactMapping {
        columns = Map.copyOf(columns == null ? Map.of() : columns);
        constants = Map.copyOf(constants == null ? Map.of() : constants);
        values = values == null ? Map.of() : values;
        timezone = timezone == null ? ZoneId.of("Europe/Amsterdam") : timezone;
        dropInvalid = Set.copyOf(dropInvalid == null ? Set.of() : dropInvalid);
        for (String field : dropInvalid) {
            requireKnown(field, "dropInvalid");
        }
        for (String field : columns.keySet()) {
            requireKnown(field, "columns");
        }
        for (String field : constants.keySet()) {
            requireKnown(field, "constants");
        }
    }

    private static void requireKnown(String field, String section) {
        if (!ContactJson.FIELDS.contains(field)) {
            throw new IllegalArgumentException("mapping " + section + ": \"" + field + "\" is not a contact field; known: "
                    + String.join(", ", ContactJson.FIELDS));
        }
    }

    @SuppressWarnings("unchecked")
    public static ContactMapping read(Path yaml) {
        try {
            Map<String, Object> raw = new ObjectMapper(new YAMLFactory()).readValue(yaml.toFile(), Map.class);
            Map<String, String> constants = new LinkedHashMap<>(strings(raw.get("constants")));
            if (raw.get("source") != null) {
                constants.put("source", raw.get("source").toString());
            }
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            if (raw.get("values") instanceof Map<?, ?> v) {
                v.forEach((field, map) -> values.put(field.toString(), strings(map)));
            }
            Object tz = raw.get("timezone");
            Set<String> dropInvalid = new LinkedHashSet<>();
            if (raw.get("dropInvalid") instanceof List<?> fields) {
                fields.forEach(f -> dropInvalid.add(f.toString()));
            }
            return new ContactMapping(strings(raw.get("columns")), constants, values, tz == null ? null : ZoneId.of(tz.toString()),
                    dropInvalid);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read mapping " + yaml + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> map = new LinkedHashMap<>();
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(k.toString(), v == null ? SKIP : v.toString()));
        }
        return map;
    }

    /** Our value for a field, given their value: translated, and timestamps given an offset. */
    String translate(String field, String theirs) {
        Map<String, String> table = values.get(field);
        String ours = table != null && table.containsKey(theirs) ? table.get(theirs) : theirs;
        if ((field.equals("occurredAt") || field.equals("closedAt")) && ours != null && !ours.isEmpty()) {
            try {
                return LocalDateTime.parse(ours).atZone(timezone).toOffsetDateTime().toString();
            } catch (DateTimeParseException e) {
                return ours;  // maybe it has an offset already; the contact rules judge it
            }
        }
        return ours;
    }
}
