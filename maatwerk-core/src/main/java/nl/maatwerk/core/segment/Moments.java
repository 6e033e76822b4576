package nl.maatwerk.core.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Turns literals into half-open intervals {@code [from, to)} of whole units, given the evaluation time. This is
 * the one place where time is interpreted, so the engine and the SQL translation cannot disagree:
 * <ul>
 * <li>{@code now} is the evaluation instant truncated to whole seconds; {@code now - 90d} is exactly
 * 90 × 24 h earlier; months and years step the calendar in the municipality's zone ({@link Span}).</li>
 * <li>A moment compared with a <em>date</em> field stands for its calendar date in the municipality's zone.</li>
 * <li>A date compared with a <em>moment</em> field stands for that whole day, midnight to midnight, in the
 * municipality's zone; a moment stands for its whole second. So {@code occurredAt > 2026-01-31} means from
 * 1 February 00:00 on, and {@code occurredAt > now - 90d} from the second after.</li>
 * </ul>
 */
final class Moments {

    /** The municipality's zone, for dates, ages and calendar months. */
    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    private final Instant now;
    private final LocalDate today;

    Moments(Instant now) {
        this.now = now.truncatedTo(ChronoUnit.SECONDS);
        this.today = this.now.atZone(ZONE).toLocalDate();
    }

    Instant now() {
        return now;
    }

    LocalDate today() {
        return today;
    }

    Instant at(Value.Relative r) {
        return r.isNow() ? now : r.offset().addTo(now, r.past(), ZONE);
    }

    /** The date a moment falls on, in the municipality's zone. */
    LocalDate dateOf(Instant moment) {
        return moment.atZone(ZONE).toLocalDate();
    }

    /** First second of a day, as epoch second. */
    static long startOf(LocalDate day) {
        return day.atStartOfDay(ZONE).toEpochSecond();
    }

    /** The unit interval a literal stands for, in the integer domain of {@code kind}. */
    long[] unit(Value v, FieldKind kind) {
        return switch (kind) {
            case INTEGER, AGE -> {
                long n = ((Value.Number) v).value().longValueExact();
                yield new long[] {n, n + 1};
            }
            case DATE -> {
                long day = v instanceof Value.Day d ? d.date().toEpochDay()
                        : dateOf(at((Value.Relative) v)).toEpochDay();
                yield new long[] {day, day + 1};
            }
            case TIMESTAMP -> {
                if (v instanceof Value.Day d) {
                    yield new long[] {startOf(d.date()), startOf(d.date().plusDays(1))};
                }
                long second = at((Value.Relative) v).getEpochSecond();
                yield new long[] {second, second + 1};
            }
            default -> throw new IllegalArgumentException(kind + " has no integer domain");
        };
    }

    /**
     * An age interval in whole years as a birth-date interval (epoch days). Age is whole years completed by
     * today: {@code age >= a} when born on or before today minus a years.
     */
    long[] birthDays(long ageFrom, long ageTo) {
        long from = ageTo == Long.MAX_VALUE ? Long.MIN_VALUE : yearsAgo(ageTo) + 1;
        long to = ageFrom == Long.MIN_VALUE ? Long.MAX_VALUE : yearsAgo(ageFrom) + 1;
        return new long[] {from, to};
    }

    private long yearsAgo(long years) {
        long clamped = Math.max(-1_000, Math.min(1_000, years));   // within PostgreSQL's date range
        return today.minusYears(clamped).toEpochDay();
    }
}
