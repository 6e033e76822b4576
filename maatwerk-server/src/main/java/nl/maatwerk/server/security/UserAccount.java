package nl.maatwerk.server.security;

import java.time.Instant;
import java.util.Set;

/** A local login for the web UI. The password hash never leaves this package. */
public record UserAccount(String name, Set<Role> roles, boolean enabled, int failedAttempts, Instant lockedUntil,
        Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
