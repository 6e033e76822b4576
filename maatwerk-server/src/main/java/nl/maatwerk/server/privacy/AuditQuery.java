package nl.maatwerk.server.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * A search of the audit log; every criterion may be null.
 *
 * @param from inclusive
 * @param to   exclusive
 */
public record AuditQuery(UUID citizenId, String actor, Instant from, Instant to, int page, int size) {

    public AuditQuery {
        if (page < 0 || size < 1 || size > 500) {
            throw new IllegalArgumentException("page must be >= 0 and size within [1, 500], was " + page + ", " + size);
        }
    }
}
