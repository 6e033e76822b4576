package nl.maatwerk.core.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** A literal on the right-hand side of a comparison. */
public sealed interface Value {

    /** A text in double quotes; it may not span lines. */
    record Text(String value) implements Value {
        public Text {
            Objects.requireNonNull(value, "value");
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("a text value may not contain a line break");
            }
        }
    }

    /** A number; {@code 2.50} and {@code 2.5} are the same value. */
    record Number(BigDecimal value) implements Value {
        public Number {
            Objects.requireNonNull(value, "value");
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
        }

        public static Number of(long value) {
            return new Number(BigDecimal.valueOf(value));
        }

        /** Whether this is a whole number that fits a long. */
        public boolean isWhole() {
            return value.scale() <= 0 && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) < 0;
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Value {
    }

    /** A calendar date, {@code 2026-01-31}, in the years 0000 to 9999 (the language writes four digits). */
    record Day(LocalDate date) implements Value {
        public Day {
            Objects.requireNonNull(date, "date");
            if (date.getYear() < 0 || date.getYear() > 9999) {
                throw new IllegalArgumentException("a date needs a year from 0000 to 9999, was " + date);
            }
        }
    }

    /**
     * {@code now}, {@code now - 90d} or {@code now + 8w}: a moment relative to the evaluation time.
     * {@code offset} is {@code null} for plain {@code now} ({@link #NOW}); {@code past} says whether it is
     * subtracted. Use {@link #minus(Span)} and {@link #plus(Span)}.
     */
    record Relative(Span offset, boolean past) implements Value {
        public static final Relative NOW = new Relative(null, false);

        public Relative {
            if (offset == null) {
                past = false;
            }
        }

        public static Relative minus(Span span) {
            return new Relative(span, true);
        }

        public static Relative plus(Span span) {
            return new Relative(span, false);
        }

        public boolean isNow() {
            return offset == null;
        }
    }
}
