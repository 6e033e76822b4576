package nl.maatwerk.server.platform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.core.model.Codes;
import nl.maatwerk.core.model.Coded;

/**
 * Reads typed fields from one JSON object and records every problem with its JSON pointer instead of
 * stopping at the first, so a caller learns all that is wrong in one answer.
 */
public final class FieldReader {

    private final JsonNode node;
    private final String prefix;
    private final List<FieldProblem> problems;

    public FieldReader(JsonNode node, String prefix, List<FieldProblem> problems) {
        this.node = node;
        this.prefix = prefix;
        this.problems = problems;
        if (node == null || !node.isObject()) {
            problems.add(FieldProblem.at(prefix, "a JSON object was expected"));
        }
    }

    public boolean isObject() {
        return node != null && node.isObject();
    }

    public void rejectUnknown(Set<String> known) {
        if (!isObject()) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(FieldProblem.at(pointer(name), "unknown field; known fields are " + String.join(", ", known)));
            }
        }
    }

    public String pointer(String field) {
        return prefix + "/" + field;
    }

    public void problem(String field, String detail) {
        problems.add(FieldProblem.at(pointer(field), detail));
    }

    public String text(String field, boolean required, int maxLength) {
        JsonNode value = value(field);
        if (value == null) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "must be a string, was " + describe(value));
            return null;
        }
        String text = value.asText();
        if (required && text.isBlank()) {
            problem(field, "must not be blank");
            return null;
        }
        if (text.length() > maxLength) {
            problem(field, "is " + text.length() + " characters long; at most " + maxLength + " are allowed");
            return null;
        }
        return text;
    }

    public <E extends Enum<E> & Coded> E code(String field, Class<E> type, boolean required) {
        String text = text(field, required, 64);
        if (text == null) {
            return null;
        }
        Optional<E> found = Codes.find(type, text);
        if (found.isEmpty()) {
            problem(field, "unknown value \"" + text + "\"; expected one of " + Codes.list(type));
            return null;
        }
        return found.get();
    }

    public Instant instant(String field, boolean required) {
        String text = text(field, required, 64);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            problem(field, "\"" + text + "\" is not a date-time with offset, such as 2026-03-02T09:15:00+01:00 or 2026-03-02T08:15:00Z");
            return null;
        }
    }

    public LocalDate date(String field, boolean required) {
        String text = text(field, required, 32);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(field, "\"" + text + "\" is not a date such as 2026-03-02");
            return null;
        }
    }

    public UUID uuid(String field, boolean required) {
        String text = text(field, required, 64);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            problem(field, "\"" + text + "\" is not a UUID");
            return null;
        }
    }

    public Integer integer(String field, boolean required, int min, int max) {
        JsonNode value = value(field);
        if (value == null) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problem(field, "must be a whole number between " + min + " and " + max + ", was " + describe(value));
            return null;
        }
        int n = value.intValue();
        if (n < min || n > max) {
            problem(field, "must be between " + min + " and " + max + ", was " + n);
            return null;
        }
        return n;
    }

    public Boolean bool(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            problem(field, "must be true or false, was " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    /** A nested object, or null (with a problem recorded if it is there but not an object). */
    public FieldReader object(String field, boolean required) {
        JsonNode value = value(field);
        if (value == null) {
            if (required) {
                problem(field, "is required");
            }
            return null;
        }
        return new FieldReader(value, pointer(field), problems);
    }

    /** The raw node of a field, or null when absent or JSON null. */
    public JsonNode value(String field) {
        if (!isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    static String describe(JsonNode value) {
        String text = value.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + shown;
    }
}
