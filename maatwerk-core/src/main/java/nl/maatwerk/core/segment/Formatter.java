package nl.maatwerk.core.segment;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a tree as text in one canonical form that parses back to the same tree: keywords in lower case,
 * parentheses only where the tree's shape needs them.
 */
final class Formatter {

    private Formatter() {
    }

    static String format(Expression e) {
        return write(e, 0);
    }

    /** Precedence: or 1, and 2, not 3, everything else 4. A child with lower or equal binding gets parentheses. */
    private static String write(Expression e, int parent) {
        if (e instanceof Expression.Or or) {
            return wrap(join(or.operands(), " or ", 1), parent >= 1);
        } else if (e instanceof Expression.And and) {
            return wrap(join(and.operands(), " and ", 2), parent >= 2);
        } else if (e instanceof Expression.Not not) {
            return "not " + write(not.operand(), 3);
        } else if (e instanceof Expression.Comparison c) {
            return c.field() + " " + c.operator().symbol() + " " + value(c.value());
        } else if (e instanceof Expression.Between b) {
            return b.field() + " between " + value(b.low()) + " and " + value(b.high());
        } else if (e instanceof Expression.InList in) {
            return in.field() + " in (" + in.values().stream().map(Formatter::value).collect(Collectors.joining(", "))
                    + ")";
        } else if (e instanceof Expression.Flag f) {
            return f.field();
        } else if (e instanceof Expression.Call c) {
            return c.function() + "(" + c.window() + ")";
        } else if (e instanceof Expression.InSegment s) {
            return "in segment " + quote(s.key());
        } else if (e instanceof Expression.Count c) {
            return "count(" + c.source().code() + where(c.where().orElse(null)) + ") " + c.operator().symbol() + " "
                    + c.number();
        } else if (e instanceof Expression.Extreme x) {
            return x.which().code() + "(" + x.source().code() + where(x.where().orElse(null)) + ")." + x.property()
                    + " " + x.operator().symbol() + " " + value(x.value());
        }
        throw new IllegalArgumentException("unknown node " + e);
    }

    private static String where(Expression where) {
        return where == null ? "" : " where " + write(where, 0);
    }

    private static String join(List<Expression> operands, String separator, int level) {
        return operands.stream().map(o -> write(o, level)).collect(Collectors.joining(separator));
    }

    private static String wrap(String text, boolean parens) {
        return parens ? "(" + text + ")" : text;
    }

    static String value(Value v) {
        if (v instanceof Value.Text t) {
            return quote(t.value());
        } else if (v instanceof Value.Number n) {
            return n.value().toPlainString();
        } else if (v instanceof Value.Bool b) {
            return String.valueOf(b.value());
        } else if (v instanceof Value.Day d) {
            return d.date().toString();
        }
        Value.Relative r = (Value.Relative) v;
        return r.isNow() ? "now" : "now " + (r.past() ? "- " : "+ ") + r.offset();
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
