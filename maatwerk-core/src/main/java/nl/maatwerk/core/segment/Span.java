package nl.maatwerk.core.segment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A length of time written as a number and a unit: {@code 90d}, {@code 8w}, {@code 12m}, {@code 2y}.
 *
 * <p>Days and weeks are exact (a day is 24 hours, so {@code now - 90d} is 90 × 24 h before now, also across a
 * daylight-saving change). Months and years are calendar steps in the municipality's time zone: {@code now - 1m}
 * on 31 March is 28 or 29 February at the same wall-clock time.
 */
public record Span(int amount, Unit unit) {

    public Span {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0 || amount > 100_000) {
            throw new IllegalArgumentException("a time span needs an amount between 1 and 100000, was " + amount);
        }
    }

    /** {@code 90d} and the like; the unit letter is case-insensitive. */
    public static Span parse(String text) {
        if (text == null || text.length() < 2) {
            throw new IllegalArgumentException("a time span looks like 90d, 8w, 12m or 2y, was " + text);
        }
        Unit unit = Unit.ofLetter(Character.toLowerCase(text.charAt(text.length() - 1)));
        String digits = text.substring(0, text.length() - 1);
        if (unit == null || !digits.matches("[0-9]{1,6}")) {
            throw new IllegalArgumentException("a time span looks like 90d, 8w, 12m or 2y, was " + text);
        }
        return new Span(Integer.parseInt(digits), unit);
    }

    /** {@code moment} moved by this span, forwards or backwards. */
    public Instant addTo(Instant moment, boolean backwards, ZoneId zone) {
        int signed = backwards ? -amount : amount;
        return switch (unit) {
            case DAYS -> moment.plus(Duration.ofDays(signed));
            case WEEKS -> moment.plus(Duration.ofDays(7L * signed));
            case MONTHS -> moment.atZone(zone).plusMonths(signed).toInstant();
            case YEARS -> moment.atZone(zone).plusYears(signed).toInstant();
        };
    }

    @Override
    public String toString() {
        return amount + String.valueOf(unit.letter());
    }

    /** Unit of a span. */
    public enum Unit {
        DAYS('d'), WEEKS('w'), MONTHS('m'), YEARS('y');

        private final char letter;

        Unit(char letter) {
            this.letter = letter;
        }

        public char letter() {
            return letter;
        }

        static Unit ofLetter(char letter) {
            for (Unit u : values()) {
                if (u.letter == letter) {
                    return u;
                }
            }
            return null;
        }
    }
}
