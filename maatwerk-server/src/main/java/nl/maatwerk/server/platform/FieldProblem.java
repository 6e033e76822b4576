package nl.maatwerk.server.platform;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a request: where (a JSON pointer as URI fragment, RFC 9457 style, or a CSV line
 * and column) and why, in plain words.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String pointer, Long line, String column, String parameter, String detail) {

    public FieldProblem {
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a field problem needs a detail");
        }
    }

    /** A problem at a JSON pointer such as {@code /3/channel}. */
    public static FieldProblem at(String jsonPointer, String detail) {
        return new FieldProblem("#" + jsonPointer, null, null, null, detail);
    }

    /** A problem in a CSV file at a line (1-based, the header is line 1) and column name. */
    public static FieldProblem atCsv(long line, String column, String detail) {
        return new FieldProblem(null, line, column, null, detail);
    }

    /** A problem with a query parameter of the request. */
    public static FieldProblem atParameter(String name, String detail) {
        return new FieldProblem(null, null, null, name, detail);
    }

    @Override
    public String toString() {
        String where = pointer != null ? pointer
                : parameter != null ? "parameter " + parameter
                : "line " + line + (column != null ? ", column " + column : "");
        return where + ": " + detail;
    }
}
