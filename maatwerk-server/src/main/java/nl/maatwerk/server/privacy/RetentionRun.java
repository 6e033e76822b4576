package nl.maatwerk.server.privacy;

import java.time.Instant;
import java.util.List;

/** What one retention run did (or, dry, would do): rows per category, never the data. */
public record RetentionRun(long id, Instant startedAt, Instant finishedAt, Instant now, boolean dryRun,
        List<Result> results) {

    public RetentionRun {
        results = List.copyOf(results);
    }

    /** @param cutoff rows older than this were handled */
    public record Result(String category, String action, Instant cutoff, long rows) {
    }
}
