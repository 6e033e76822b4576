package nl.maatwerk.core.segment;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A segment expression as a tree: what the parser makes of the text, what the JSON form describes, and what the
 * compiler checks. Field names are dotted paths ({@code household.type}, {@code attribute.income_band}); their
 * meaning depends on where they stand (citizen, or inside {@code count(contacts where …)}).
 *
 * <p>Nodes are immutable values; two trees are equal when they say the same thing in the same shape.
 */
public sealed interface Expression {

    /** All operands hold; at least two. */
    record And(List<Expression> operands) implements Expression {
        public And {
            operands = atLeastTwo(operands, "and");
        }
    }

    /** At least one operand holds; at least two. */
    record Or(List<Expression> operands) implements Expression {
        public Or {
            operands = atLeastTwo(operands, "or");
        }
    }

    /** The operand does not hold. */
    record Not(Expression operand) implements Expression {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code field op value}, for example {@code age >= 25}. */
    record Comparison(String field, Operator operator, Value value) implements Expression {
        public Comparison {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code field between low and high}, both ends included. */
    record Between(String field, Value low, Value high) implements Expression {
        public Between {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }
    }

    /** {@code field in (v1, v2, …)}. */
    record InList(String field, List<Value> values) implements Expression {
        public InList {
            Objects.requireNonNull(field, "field");
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("in (…) needs at least one value");
            }
        }
    }

    /** A yes/no field on its own, for example {@code channel.digital} or {@code document.travel.valid}. */
    record Flag(String field) implements Expression {
        public Flag {
            Objects.requireNonNull(field, "field");
        }
    }

    /** A test with a time window, for example {@code document.travel.expiresWithin(8w)}. */
    record Call(String function, Span window) implements Expression {
        public Call {
            Objects.requireNonNull(function, "function");
            Objects.requireNonNull(window, "window");
        }
    }

    /** {@code in segment "key"}: member of another segment. */
    record InSegment(String key) implements Expression {
        public InSegment {
            Objects.requireNonNull(key, "key");
        }
    }

    /** {@code count(contacts where …) >= n}: how many of a citizen's contacts or cases match. */
    record Count(Source source, Optional<Expression> where, Operator operator, long number) implements Expression {
        public Count {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(operator, "operator");
            if (number < 0) {
                throw new IllegalArgumentException("a count compares with a number >= 0, was " + number);
            }
        }
    }

    /** {@code last(contacts where …).occurredAt > now - 12m}: the time of the first or last matching one. */
    record Extreme(Which which, Source source, Optional<Expression> where, String property, Operator operator,
            Value value) implements Expression {
        public Extreme {
            Objects.requireNonNull(which, "which");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(property, "property");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }
    }

    /** What {@code count}, {@code first} and {@code last} range over. */
    enum Source {
        CONTACTS, CASES;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code first(…)} or {@code last(…)}. */
    enum Which {
        FIRST, LAST;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static List<Expression> atLeastTwo(List<Expression> operands, String what) {
        List<Expression> copy = List.copyOf(operands);
        if (copy.size() < 2) {
            throw new IllegalArgumentException(what + " needs at least two operands, had " + copy.size());
        }
        return copy;
    }
}
