package nl.maatwerk.server.security;

import java.time.Instant;
import java.util.Set;

/** An API key as stored: never the key itself, only its id, owner and roles. */
public record ApiKey(String id, String owner, Set<Role> roles, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
        Instant revokedAt) {

    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    /** How the key appears in the audit log: {@code owner (key id)}. */
    public String actor() {
        return owner + " (key " + id + ")";
    }
}
