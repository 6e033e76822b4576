package nl.maatwerk.server.platform;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing wrong with a request: where (a JSON pointer as URI fragment, RFC 9457 style, a CSV line and
 * column name, or a line and column in a text such as a segment expression) and why, in plain words.
 *
 * @param column   a CSV column name ({@link String}) or a 1-based character column in a text ({@link Integer})
 * @param token    for a problem in a text: the offending token or name as written
 * @param expected for a problem in a text: what would have been accepted there
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String pointer, Long line, Object column, String parameter, String token,
        List<String> expected, String detail) {

    public FieldProblem {
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a field problem needs a detail");
        }
        if (column != null && !(column instanceof String || column instanceof Integer)) {
            throw new IllegalArgumentException("a column is a name or a number, was " + column.getClass().getSimpleName());
        }
        expected = expected == null ? null : List.copyOf(expected);
    }

    public FieldProblem(String pointer, Long line, String column, String parameter, String detail) {
        this(pointer, line, column, parameter, null, null, detail);
    }

    /** A problem at a JSON pointer such as {@code /3/channel}. */
    public static FieldProblem at(String jsonPointer, String detail) {
        return new FieldProblem("#" + jsonPointer, null, null, null, detail);
    }

    /** A problem in a CSV file at a line (1-based, the header is line 1) and column name. */
    public static FieldProblem atCsv(long line, String column, String detail) {
        return new FieldProblem(null, line, column, null, detail);
    }

    /**
     * A problem at a place in a text field of the request (line and column 1-based; 0 when not known), with the
     * offending token and what was expected there.
     */
    public static FieldProblem atText(String jsonPointer, int line, int column, String token, List<String> expected,
            String detail) {
        return new FieldProblem("#" + jsonPointer, line > 0 ? (long) line : null, column > 0 ? column : null, null,
                token == null || token.isEmpty() ? null : token, expected == null || expected.isEmpty() ? null : expected,
                detail);
    }

    /** A problem with a query parameter of the request. */
    public static FieldProblem atParameter(String name, String detail) {
        return new FieldProblem(null, null, null, name, detail);
    }

    @Override
    public String toString() {
        String where = pointer != null ? pointer + (line != null ? " line " + line + ", column " + column : "")
                : parameter != null ? "parameter " + parameter
                : "line " + line + (column != null ? ", column " + column : "");
        return where + ": " + detail;
    }
}
