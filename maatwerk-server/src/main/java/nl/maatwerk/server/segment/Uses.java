package nl.maatwerk.server.segment;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import nl.maatwerk.core.segment.Expression;
import nl.maatwerk.core.segment.SegmentLanguage;

/** The segments an expression names directly with {@code in segment "key"}. */
final class Uses {

    private Uses() {
    }

    static List<String> direct(String text) {
        TreeSet<String> keys = new TreeSet<>();
        collect(SegmentLanguage.parse(text), keys);
        return List.copyOf(keys);
    }

    private static void collect(Expression e, TreeSet<String> keys) {
        if (e instanceof Expression.InSegment s) {
            keys.add(s.key());
        } else if (e instanceof Expression.And a) {
            a.operands().forEach(o -> collect(o, keys));
        } else if (e instanceof Expression.Or o) {
            o.operands().forEach(x -> collect(x, keys));
        } else if (e instanceof Expression.Not n) {
            collect(n.operand(), keys);
        } else if (e instanceof Expression.Count c) {
            where(c.where(), keys);
        } else if (e instanceof Expression.Extreme x) {
            where(x.where(), keys);
        }
    }

    private static void where(Optional<Expression> where, TreeSet<String> keys) {
        where.ifPresent(w -> collect(w, keys));
    }
}
