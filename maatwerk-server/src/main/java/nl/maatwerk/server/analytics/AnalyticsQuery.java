package nl.maatwerk.server.analytics;

import java.util.List;

/** A measure over the contacts a filter selects, grouped by up to three dimensions. */
public record AnalyticsQuery(Measure measure, ContactFilter filter, List<Dimension> by) {

    public static final int MAX_DIMENSIONS = 3;

    public AnalyticsQuery {
        by = List.copyOf(by);
        if (by.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("at most " + MAX_DIMENSIONS + " dimensions, got " + by.size());
        }
        if (by.stream().distinct().count() != by.size()) {
            throw new IllegalArgumentException("a dimension is named twice: " + by);
        }
    }

    public static AnalyticsQuery of(Measure measure, ContactFilter filter, Dimension... by) {
        return new AnalyticsQuery(measure, filter, List.of(by));
    }
}
