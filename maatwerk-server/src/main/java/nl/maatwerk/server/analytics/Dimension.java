package nl.maatwerk.server.analytics;

import java.util.Arrays;
import java.util.Optional;

/** What contacts can be grouped by. Time dimensions are local to the municipality (Europe/Amsterdam). */
public enum Dimension {
    CHANNEL("channel"), KIND("kind"), TOPIC("topic"), SUBTOPIC("subtopic"), DISTRICT("district"),
    NEIGHBOURHOOD("neighbourhood"), DIRECTION("direction"), DAY("day"), WEEK("week"), MONTH("month"),
    AGE_BAND("ageBand"), HOUR("hour"), WEEKDAY("weekday"), SOURCE("source");

    private final String code;

    Dimension(String code) {
        this.code = code;
    }

    /** The name used in the API ({@code by=ageBand}) and in CSV headers. */
    public String code() {
        return code;
    }

    public boolean isTime() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    public static Optional<Dimension> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }

    public static String codes() {
        return String.join(", ", Arrays.stream(values()).map(Dimension::code).toList());
    }
}
