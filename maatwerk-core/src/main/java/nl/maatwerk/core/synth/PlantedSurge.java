package nl.maatwerk.core.synth;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * A planted change in contact volume: in one ISO week, residents of one district contact the municipality
 * about one topic {@code factor} times as often as they otherwise would. Lets the analytics show that they
 * find a change that is known to be there.
 *
 * <p>Every inbound contact on the topic by a resident of the district on a day of that week is followed by
 * {@code factor - 1} extra contacts on average (the fractional part by chance), or, for a factor below 1,
 * kept with probability {@code factor}. Extra contacts copy the original's resident, channel, kind,
 * subtopic and day, with their own time, outcome and rating. Outbound contacts are not changed.
 *
 * @param topic    topic slug, for example {@code afval}
 * @param district district code of the calibration, for example {@code WK036305}
 * @param week     Monday of the ISO week
 * @param factor   0 to 20; 3 triples the topic in that district and week, 0.5 halves it
 */
public record PlantedSurge(String topic, String district, LocalDate week, double factor) {

    public static final double MAX_FACTOR = 20.0;

    public PlantedSurge {
        Checks.notNull(topic, "topic");
        Checks.notNull(district, "district");
        Checks.notNull(week, "week");
        if (Topic.ofSlug(topic) == null) {
            throw new IllegalArgumentException("unknown topic " + topic);
        }
        if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("week must be the Monday of an ISO week, was " + week + " (a "
                    + week.getDayOfWeek() + ")");
        }
        if (!(factor >= 0.0 && factor <= MAX_FACTOR)) {
            throw new IllegalArgumentException("factor must be between 0 and " + MAX_FACTOR + ", was " + factor);
        }
    }
}
