package nl.maatwerk.server.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A weekly bulletin: what rose or fell significantly in the week starting {@code week} against the
 * {@code baselineWeeks} weeks before it, most important first. The method is in docs/metrics.md.
 */
public record BulletinReport(LocalDate week, LocalDate weekEnd, LocalDate baselineFrom, int baselineWeeks,
        List<BulletinItem> items, int tested, int untested, double falseDiscoveryRate, int k, Instant composedAt) {

    public List<BulletinItem> items(String kind) {
        return items.stream().filter(i -> i.kind().equals(kind)).toList();
    }

    public boolean quiet() {
        return items.isEmpty();
    }
}
