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
 * @param format       1: {@code citizenIds} as stored are citizen ids; 2: they are pseudonyms (see {@code audit_subject}).
 *                     A search answers with citizen ids where the pseudonym still belongs to a citizen.
 */
public record AuditEntry(long id, Instant at, String actor, String role, AuditAction action, String purpose,
        List<UUID> citizenIds, List<String> fields, String traceId, String requestPath, String previousHash,
        String hash, int format) {

    public AuditEntry {
        citizenIds = List.copyOf(citizenIds);
        fields = List.copyOf(fields);
    }
}
