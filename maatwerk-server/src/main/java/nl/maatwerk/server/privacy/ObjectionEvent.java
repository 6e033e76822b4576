package nl.maatwerk.server.privacy;

import java.time.Instant;
import java.util.UUID;

/** A citizen objected to, or lifted an objection to, profiling or digital contact. */
public record ObjectionEvent(long id, UUID citizenId, ObjectionKind kind, boolean objected, String source,
        String actor, Instant at) {
}
