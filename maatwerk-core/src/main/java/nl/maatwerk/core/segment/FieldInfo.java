package nl.maatwerk.core.segment;

import java.util.List;

/** A field as the compiler and the planner see it: canonical name, kind, allowed values, column. */
record FieldInfo(String name, FieldKind kind, List<String> allowedValues, Column column, String attribute) {

    FieldInfo {
        allowedValues = List.copyOf(allowedValues);
    }

    static FieldInfo of(String name, FieldKind kind, Column column) {
        return new FieldInfo(name, kind, List.of(), column, null);
    }

    static FieldInfo ofEnum(String name, List<String> values, Column column) {
        return new FieldInfo(name, FieldKind.ENUM, values, column, null);
    }
}
