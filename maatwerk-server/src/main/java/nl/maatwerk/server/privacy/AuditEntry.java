package nl.maatwerk.server.privacy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the read audit log.
 *
 * @param fields       the groups of data that were shown, in the purpose register's categories ({@code address},
 *                     {@code documents}, …)
 * @param previousHash the hash of the entry before it (64 zeros for the first)
 * @param hash         SHA-256 over {@code previousHash} and this entry's canonical content, see {@link AuditChain}
 */
public record AuditEntry(long id, Instant at, String actor, String role, AuditAction action, String purpose,
        List<UUID> citizenIds, List<String> fields, String traceId, String requestPath, String previousHash,
        String hash) {

    public AuditEntry {
        citizenIds = List.copyOf(citizenIds);
        fields = List.copyOf(fields);
    }
}
