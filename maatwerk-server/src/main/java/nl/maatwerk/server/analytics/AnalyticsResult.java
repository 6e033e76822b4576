package nl.maatwerk.server.analytics;

import java.time.LocalDate;
import java.util.List;

/** The answer to an {@link AnalyticsQuery}: rows in key order, the k they were suppressed with, and the period they cover. */
public record AnalyticsResult(AnalyticsQuery query, List<AnalyticsRow> rows, int k, LocalDate from, LocalDate to) {
}
