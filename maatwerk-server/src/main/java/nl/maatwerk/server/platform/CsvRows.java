package nl.maatwerk.server.platform;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Turns CSV values into the JSON the API validators read, so a CSV import and a JSON request obey one
 * set of rules, and turns their JSON-pointer problems back into CSV line and column.
 */
public final class CsvRows {

    private CsvRows() {
    }

    /** Puts {@code value} under {@code field}: empty is absent, numbers and booleans typed where expected. */
    public static void put(ObjectNode node, String field, String value, Set<String> integerFields, Set<String> booleanFields) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (integerFields.contains(field) && value.matches("-?\\d{1,9}")) {
            node.put(field, Integer.parseInt(value));
        } else if (booleanFields.contains(field) && (value.equals("true") || value.equals("false"))) {
            node.put(field, Boolean.parseBoolean(value));
        } else {
            node.put(field, value);
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Re-addresses problems found at JSON pointers as CSV problems on {@code line}, column = first pointer segment mapped. */
    public static void toCsv(List<FieldProblem> jsonProblems, long line, java.util.function.UnaryOperator<String> columnOf,
            List<FieldProblem> into) {
        for (FieldProblem p : jsonProblems) {
            String pointer = p.pointer() == null ? "" : p.pointer().replaceFirst("^#/?", "");
            String field = pointer.isEmpty() ? null : pointer.split("/")[pointer.startsWith("/") ? 1 : 0];
            into.add(FieldProblem.atCsv(line, field == null ? null : columnOf.apply(field), p.detail()));
        }
    }
}
