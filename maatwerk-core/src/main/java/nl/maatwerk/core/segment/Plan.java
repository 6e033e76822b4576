package nl.maatwerk.core.segment;

import java.math.BigDecimal;
import java.util.List;

/**
 * A checked expression with its literals resolved against one evaluation time: the common input of the bitmap
 * engine and the SQL translation. Every comparison on a number, date or moment has become a half-open interval
 * of whole units ({@link Moments}), so both sides only compare integers.
 */
sealed interface Plan {

    /** A field: a built-in column, or {@link Column#ATTRIBUTE} with the attribute's name. */
    record Field(Column column, String attribute) {
    }

    record All(List<Plan> parts) implements Plan {
    }

    record Any(List<Plan> parts) implements Plan {
    }

    record Not(Plan part) implements Plan {
    }

    /**
     * The field's value lies in {@code [from, to)} ({@code Long.MIN_VALUE}/{@code MAX_VALUE} for open ends), or
     * with {@code negated} has a value outside it. A missing value never matches. Dates are epoch days,
     * moments epoch seconds.
     */
    record Range(Field field, long from, long to, boolean negated) implements Plan {
    }

    /** The field's value is one of {@code values}, or with {@code negated} has a value that is none of them. */
    record Among(Field field, List<String> values, boolean negated) implements Plan {
    }

    /** A number attribute compared with a decimal. */
    record Decimal(Field field, Operator operator, BigDecimal value) implements Plan {
    }

    /** A yes/no built-in: {@code channel.digital}, case {@code open}. */
    record Flag(Column column) implements Plan {
    }

    /**
     * A travel-document test. {@code today} and {@code boundary} are epoch days: for expires-within the last day of
     * the window, for expired-within its first day.
     */
    record Documents(Column test, long today, long boundary) implements Plan {
    }

    /** The number of matching contacts or cases lies in {@code [from, to)} (or outside, {@code negated}). */
    record Count(Expression.Source source, Plan where, long from, long to, boolean negated) implements Plan {
    }

    /** The first or last matching one's time (epoch second) lies in {@code [from, to)} (or outside). */
    record Extreme(Expression.Which which, Expression.Source source, Plan where, long from, long to,
            boolean negated) implements Plan {
    }

    /** Membership of another segment; one instance per key, so evaluators can remember results by key. */
    record Reference(String key, Plan plan) implements Plan {
    }
}
