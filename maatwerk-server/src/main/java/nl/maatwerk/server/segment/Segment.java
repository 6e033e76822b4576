package nl.maatwerk.server.segment;

import java.time.Instant;
import java.util.List;

/**
 * A stored segment definition.
 *
 * @param expression the canonical text of the expression
 * @param tree       the same expression in its JSON form ({@code SegmentJson}), as a JSON text
 * @param uses       keys of the segments it names directly with {@code in segment}
 */
public record Segment(String key, String name, String purpose, String expression, String tree, List<String> uses,
        Instant createdAt, Instant updatedAt) {

    public Segment {
        uses = List.copyOf(uses);
    }
}
