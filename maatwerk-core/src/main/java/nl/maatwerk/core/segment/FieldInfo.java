package nl.maatwerk.core.segment;

import java.util.List;

/**
 * A field as the compiler and the planner see it: canonical name, kind, allowed values, column, and the
 * purpose register's data category it belongs to ({@code null} for attributes, which carry their own purposes,
 * and for fields inside {@code where}, covered by their {@code count}).
 */
record FieldInfo(String name, FieldKind kind, List<String> allowedValues, Column column, String attribute,
        String category) {

    FieldInfo {
        allowedValues = List.copyOf(allowedValues);
    }

    static FieldInfo of(String name, FieldKind kind, Column column) {
        return new FieldInfo(name, kind, List.of(), column, null, null);
    }

    static FieldInfo ofEnum(String name, List<String> values, Column column) {
        return new FieldInfo(name, FieldKind.ENUM, values, column, null, null);
    }

    FieldInfo in(String dataCategory) {
        return new FieldInfo(name, kind, allowedValues, column, attribute, dataCategory);
    }
}
