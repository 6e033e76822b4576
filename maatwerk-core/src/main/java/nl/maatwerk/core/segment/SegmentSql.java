package nl.maatwerk.core.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import nl.maatwerk.core.model.Channel;

/**
 * Translates a checked segment into a parameterised PostgreSQL predicate over {@code citizen c}, with
 * {@code exists}/{@code count(*)}/{@code max(…)} subqueries on {@code contact k}, {@code travel_document d}
 * and {@code municipal_case m}. It reads the same {@link Plan} as the bitmap engine, so every time bound is
 * computed once, in Java, and passed as a parameter: the two agree by construction, and the property test
 * checks that they do.
 *
 * <p>Each comparison on a nullable column is wrapped in {@code coalesce(…, false)}: a missing value never
 * matches, and {@code not} is plain two-valued negation, as in the engine.
 */
public final class SegmentSql {

    private final List<Object> parameters = new ArrayList<>();

    private SegmentSql() {
    }

    /** The predicate of {@code segment} at {@code now}. */
    public static SqlPredicate where(CheckedSegment segment, Instant now) {
        SegmentSql sql = new SegmentSql();
        String text = sql.write(Planner.plan(Objects.requireNonNull(segment, "segment"), now));
        return new SqlPredicate(text, sql.parameters);
    }

    private String write(Plan plan) {
        if (plan instanceof Plan.All all) {
            return "(" + all.parts().stream().map(this::write).collect(Collectors.joining(" and ")) + ")";
        } else if (plan instanceof Plan.Any any) {
            return "(" + any.parts().stream().map(this::write).collect(Collectors.joining(" or ")) + ")";
        } else if (plan instanceof Plan.Not not) {
            return "not (" + write(not.part()) + ")";
        } else if (plan instanceof Plan.Range r) {
            String column = rangeColumn(r.field());
            return nullSafe(r.field().column(), interval(column, r.from(), r.to(), r.negated(),
                    kindOf(r.field().column())));
        } else if (plan instanceof Plan.Among a) {
            String column = column(a.field());
            String in = a.values().size() == 1 ? (a.negated() ? " <> " : " = ") + param(a.values().get(0))
                    : (a.negated() ? " not in (" : " in (")
                            + a.values().stream().map(this::param).collect(Collectors.joining(", ")) + ")";
            return nullSafe(a.field().column(), column + in);
        } else if (plan instanceof Plan.Decimal d) {
            String column = "(" + column(d.field()) + ")::numeric";
            return nullSafe(Column.ATTRIBUTE, column + " " + symbol(d.operator()) + " " + param(d.value()));
        } else if (plan instanceof Plan.Flag f) {
            if (f.column() == Column.CONTACT_DIGITAL) {
                return "k.channel in (" + Arrays.stream(Channel.values()).filter(Channel::digital)
                        .map(c -> param(c.code())).collect(Collectors.joining(", ")) + ")";
            }
            return "m.status not in (" + param("decided") + ", " + param("closed") + ")";
        } else if (plan instanceof Plan.Documents d) {
            return documents(d);
        } else if (plan instanceof Plan.Count c) {
            String table = c.source() == Expression.Source.CONTACTS ? "contact k" : "municipal_case m";
            String alias = c.source() == Expression.Source.CONTACTS ? "k" : "m";
            String count = "(select count(*) from " + table + " where " + alias + ".citizen_id = c.id"
                    + (c.where() == null ? "" : " and " + write(c.where())) + ")";
            return interval(count, c.from(), c.to(), c.negated(), FieldKind.INTEGER);
        } else if (plan instanceof Plan.Extreme x) {
            boolean contacts = x.source() == Expression.Source.CONTACTS;
            String column = contacts ? "k.occurred_at" : "m.submitted_at";
            String best = "(select " + (x.which() == Expression.Which.LAST ? "max(" : "min(") + column + ") from "
                    + (contacts ? "contact k where k" : "municipal_case m where m") + ".citizen_id = c.id"
                    + (x.where() == null ? "" : " and " + write(x.where())) + ")";
            return "coalesce(" + interval(best, x.from(), x.to(), x.negated(), FieldKind.TIMESTAMP) + ", false)";
        } else if (plan instanceof Plan.Reference ref) {
            return write(ref.plan());
        }
        throw new IllegalArgumentException("unknown plan " + plan);
    }

    private String documents(Plan.Documents d) {
        String valid = "exists (select 1 from travel_document d where d.citizen_id = c.id and d.issue_date <= "
                + param(day(d.today())) + " and d.expiry_date >= " + param(day(d.today()));
        return switch (d.test()) {
            case TRAVEL_VALID -> valid + ")";
            case TRAVEL_EXPIRES_WITHIN -> valid + " and d.expiry_date <= " + param(day(d.boundary())) + ")";
            case TRAVEL_EXPIRED_WITHIN -> "(not " + valid + ") and exists (select 1 from travel_document d"
                    + " where d.citizen_id = c.id and d.expiry_date < " + param(day(d.today()))
                    + " and d.expiry_date >= " + param(day(d.boundary())) + "))";
            default -> throw new IllegalArgumentException("no document test " + d.test());
        };
    }

    /**
     * {@code value} in {@code [from, to)}. One-sided intervals are one comparison. Two-sided ones on a plain
     * column are two; on a subquery or a parameterised attribute they use a range type, so the value is written
     * (and run, and bound) once.
     */
    private String interval(String value, long from, long to, boolean negated, FieldKind kind) {
        String test;
        if (from >= to) {   // an empty interval (between 40 and 25); keep the value, it may hold parameters
            return negated ? value + " is not null" : "(" + value + " is not null and false)";
        } else if (from == Long.MIN_VALUE && to == Long.MAX_VALUE) {
            test = value + " is not null";
        } else if (from == Long.MIN_VALUE) {
            test = value + " < " + param(bound(to, kind));
        } else if (to == Long.MAX_VALUE) {
            test = value + " >= " + param(bound(from, kind));
        } else if (value.indexOf('?') < 0 && !value.startsWith("(select")) {
            test = value + " >= " + param(bound(from, kind)) + " and " + value + " < " + param(bound(to, kind));
        } else {
            String range = switch (kind) {
                case DATE -> "daterange";
                case TIMESTAMP -> "tstzrange";
                default -> "int8range";
            };
            test = value + " <@ " + range + "(" + param(bound(from, kind)) + ", " + param(bound(to, kind)) + ", '[)')";
        }
        return negated ? "not (" + test + ")" : test;
    }

    private static Object bound(long value, FieldKind kind) {
        return switch (kind) {
            case DATE -> day(value);
            case TIMESTAMP -> OffsetDateTime.ofInstant(Instant.ofEpochSecond(value), ZoneOffset.UTC);
            default -> value;
        };
    }

    private static LocalDate day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    private static FieldKind kindOf(Column column) {
        return switch (column) {
            case BIRTH_DATE, ATTRIBUTE, CASE_DECISION_DEADLINE, CASE_DECISION_DATE, CASE_OBJECTION_DEADLINE ->
                    FieldKind.DATE;
            case CONTACT_OCCURRED_AT, CASE_SUBMITTED_AT, CASE_CLOSED_AT -> FieldKind.TIMESTAMP;
            default -> FieldKind.INTEGER;
        };
    }

    private String column(Plan.Field field) {
        return field.column() == Column.ATTRIBUTE ? "c.attributes ->> " + param(field.attribute())
                : field.column().sql();
    }

    /** A range's column; attribute ranges are always on date attributes (numbers use {@link Plan.Decimal}). */
    private String rangeColumn(Plan.Field field) {
        return field.column() == Column.ATTRIBUTE ? "(" + column(field) + ")::date" : column(field);
    }

    private String nullSafe(Column column, String test) {
        return column.nullable() ? "coalesce(" + test + ", false)" : test;
    }

    private static String symbol(Operator op) {
        return op == Operator.NE ? "<>" : op.symbol();
    }

    private String param(Object value) {
        parameters.add(value);
        return "?";
    }
}
