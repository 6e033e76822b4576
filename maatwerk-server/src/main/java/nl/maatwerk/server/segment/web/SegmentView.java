package nl.maatwerk.server.segment.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import nl.maatwerk.core.segment.SegmentCount;
import nl.maatwerk.server.segment.Segments;

/**
 * A segment as the API shows it. {@code count} is withheld ({@code suppressed}, count 0) below k, and
 * {@code shown} is what a person should see: the number, or "&lt;k".
 */
record SegmentView(String key, String name, String purpose, String expression, JsonNode tree, List<String> uses,
        Long count, Boolean suppressed, String shown, Integer k, String problem, Instant createdAt, Instant updatedAt) {

    static SegmentView of(Segments.Summary s, ObjectMapper json) {
        SegmentCount c = s.count();
        try {
            return new SegmentView(s.segment().key(), s.segment().name(), s.segment().purpose(), s.segment().expression(),
                    json.readTree(s.segment().tree()), s.segment().uses(), c == null ? null : c.count(),
                    c == null ? null : c.suppressed(), shown(c), c == null ? null : c.k(), s.problem(),
                    s.segment().createdAt(), s.segment().updatedAt());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored tree of " + s.segment().key() + " is not JSON", e);
        }
    }

    static String shown(SegmentCount c) {
        return c == null ? null : c.suppressed() ? "<" + c.k() : String.valueOf(c.count());
    }
}
