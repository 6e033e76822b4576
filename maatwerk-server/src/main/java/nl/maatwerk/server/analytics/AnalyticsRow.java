package nl.maatwerk.server.analytics;

import java.util.List;

/**
 * One group's figures. {@code keys} line up with the query's dimensions (null = unknown, e.g. no
 * subtopic). {@code citizens} counts the distinct persons behind the {@code n} contacts the measure looks
 * at, an unlinked contact counting as one person. When {@code suppressed}, the counts and the value
 * are withheld (null): too few persons, or hiding them would otherwise be undone by subtraction.
 */
public record AnalyticsRow(List<String> keys, Long contacts, Long citizens, Long n, Double value, boolean suppressed) {

    public String key(int index) {
        return keys.get(index);
    }
}
