package nl.maatwerk.core.segment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Resolves a checked expression against an evaluation time into a {@link Plan}. */
final class Planner {

    private final FieldCatalog catalog;
    private final Moments moments;
    private final Map<String, Expression> references;
    private final Map<String, Plan.Reference> planned = new HashMap<>();

    private Planner(CheckedSegment segment, Instant now) {
        this.catalog = new FieldCatalog(segment.schema());
        this.moments = new Moments(now);
        this.references = segment.references();
    }

    static Plan plan(CheckedSegment segment, Instant now) {
        return new Planner(segment, now).plan(segment.expression(), Scope.CITIZEN);
    }

    private Plan plan(Expression e, Scope scope) {
        if (e instanceof Expression.And and) {
            return new Plan.All(and.operands().stream().map(o -> plan(o, scope)).toList());
        } else if (e instanceof Expression.Or or) {
            return new Plan.Any(or.operands().stream().map(o -> plan(o, scope)).toList());
        } else if (e instanceof Expression.Not not) {
            return new Plan.Not(plan(not.operand(), scope));
        } else if (e instanceof Expression.Comparison c) {
            return compare(field(scope, c.field()), c.operator(), c.value());
        } else if (e instanceof Expression.Between b) {
            FieldInfo f = field(scope, b.field());
            if (f.kind() == FieldKind.DECIMAL) {
                return new Plan.All(List.of(compare(f, Operator.GE, b.low()), compare(f, Operator.LE, b.high())));
            }
            return range(f, moments.unit(b.low(), domain(f))[0], moments.unit(b.high(), domain(f))[1], false);
        } else if (e instanceof Expression.InList in) {
            FieldInfo f = field(scope, in.field());
            if (f.kind() == FieldKind.ENUM || f.kind() == FieldKind.TEXT) {
                return new Plan.Among(column(f), in.values().stream().map(v -> ((Value.Text) v).value()).toList(),
                        false);
            }
            List<Plan> any = new ArrayList<>();
            in.values().forEach(v -> any.add(compare(f, Operator.EQ, v)));
            return any.size() == 1 ? any.get(0) : new Plan.Any(any);
        } else if (e instanceof Expression.Flag flag) {
            FieldInfo f = field(scope, flag.field());
            if (f.kind() == FieldKind.BOOLEAN) {
                return new Plan.Among(column(f), List.of("true"), false);
            }
            long today = moments.today().toEpochDay();
            return f.column() == Column.TRAVEL_VALID ? new Plan.Documents(Column.TRAVEL_VALID, today, today)
                    : new Plan.Flag(f.column());
        } else if (e instanceof Expression.Call call) {
            FieldInfo f = field(scope, call.function());
            boolean past = f.column() == Column.TRAVEL_EXPIRED_WITHIN;
            Instant edge = call.window().addTo(moments.now(), past, Moments.ZONE);
            return new Plan.Documents(f.column(), moments.today().toEpochDay(), moments.dateOf(edge).toEpochDay());
        } else if (e instanceof Expression.InSegment s) {
            return reference(s.key());
        } else if (e instanceof Expression.Count count) {
            Plan where = count.where().map(w -> plan(w, FieldCatalog.scopeOf(count.source()))).orElse(null);
            long[] r = bounds(count.operator(), count.number(), count.number() + 1);
            return new Plan.Count(count.source(), where, r[0], r[1], count.operator() == Operator.NE);
        } else if (e instanceof Expression.Extreme x) {
            Plan where = x.where().map(w -> plan(w, FieldCatalog.scopeOf(x.source()))).orElse(null);
            long[] unit = moments.unit(x.value(), FieldKind.TIMESTAMP);
            long[] r = bounds(x.operator(), unit[0], unit[1]);
            return new Plan.Extreme(x.which(), x.source(), where, r[0], r[1], x.operator() == Operator.NE);
        }
        throw new IllegalArgumentException("unknown node " + e);
    }

    private Plan reference(String key) {
        Plan.Reference done = planned.get(key);
        if (done == null) {
            Expression expression = references.get(key);
            if (expression == null) {
                throw new IllegalStateException("segment " + key + " was not resolved when checked");
            }
            done = new Plan.Reference(key, plan(expression, Scope.CITIZEN));
            planned.put(key, done);
        }
        return done;
    }

    private Plan compare(FieldInfo f, Operator op, Value v) {
        return switch (f.kind()) {
            case ENUM, TEXT -> new Plan.Among(column(f), List.of(((Value.Text) v).value()), op == Operator.NE);
            case BOOLEAN -> new Plan.Among(column(f), List.of(String.valueOf(((Value.Bool) v).value())),
                    op == Operator.NE);
            case DECIMAL -> new Plan.Decimal(column(f), op, ((Value.Number) v).value());
            case INTEGER, AGE, DATE, TIMESTAMP -> {
                long[] unit = moments.unit(v, domain(f));
                long[] r = bounds(op, unit[0], unit[1]);
                yield range(f, r[0], r[1], op == Operator.NE);
            }
            case FLAG, CALL -> throw new IllegalArgumentException(f.name() + " is not compared");
        };
    }

    private Plan range(FieldInfo f, long from, long to, boolean negated) {
        if (f.kind() == FieldKind.AGE) {
            long[] days = moments.birthDays(from, to);
            return new Plan.Range(column(f), days[0], days[1], negated);
        }
        return new Plan.Range(column(f), from, to, negated);
    }

    private static FieldKind domain(FieldInfo f) {
        return f.kind() == FieldKind.AGE ? FieldKind.INTEGER : f.kind();
    }

    /** The interval {@code x op v} covers, given the unit interval {@code [lo, hi)} that {@code v} stands for. */
    static long[] bounds(Operator op, long lo, long hi) {
        return switch (op) {
            case EQ, NE -> new long[] {lo, hi};
            case LT -> new long[] {Long.MIN_VALUE, lo};
            case LE -> new long[] {Long.MIN_VALUE, hi};
            case GT -> new long[] {hi, Long.MAX_VALUE};
            case GE -> new long[] {lo, Long.MAX_VALUE};
        };
    }

    private FieldInfo field(Scope scope, String name) {
        return catalog.find(scope, name).orElseThrow(() -> new IllegalStateException("unchecked field " + name));
    }

    private static Plan.Field column(FieldInfo f) {
        return new Plan.Field(f.column(), f.attribute());
    }
}
