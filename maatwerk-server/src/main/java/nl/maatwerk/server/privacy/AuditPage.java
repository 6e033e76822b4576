package nl.maatwerk.server.privacy;

import java.util.List;

/** One page of audit entries, newest first; {@code more} when a next page exists. */
public record AuditPage(int page, int size, boolean more, List<AuditEntry> entries) {
}
