package nl.maatwerk.server.privacy;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The value type of a declared attribute, and how a JSON value is checked against it. */
public enum AttributeType {
    TEXT, NUMBER, BOOLEAN, DATE;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AttributeType of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Why {@code value} does not fit this type, or null when it does. */
    String mismatch(JsonNode value) {
        return switch (this) {
            case TEXT -> value.isTextual() ? null : "must be text";
            case NUMBER -> value.isNumber() ? null : "must be a number";
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false";
            case DATE -> value.isTextual() && isDate(value.asText()) ? null : "must be a date such as 2026-03-02";
        };
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
