package nl.maatwerk.server.privacy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The hash chain over the audit log. An entry's hash is SHA-256 over the previous entry's hash and the entry's
 * canonical content: every column but the hashes, each written as its length in characters, a colon and the value
 * (so no value can pass for two), lists joined by commas (uuids and category codes hold none), times as ISO-8601 in
 * UTC to the microsecond (what PostgreSQL keeps). Changing, inserting, removing or reordering an entry breaks the
 * link to the next one; only cutting off the newest entries goes unnoticed by the chain alone.
 *
 * <p>The prefix names the entry's format ({@code maatwerk-audit-v1}, {@code -v2}), so entries of an older format still
 * verify and changing an entry's format breaks its hash. Format 2 (V13) holds pseudonyms where format 1 held
 * citizen ids.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** Entries with citizen ids in the clear (before V13). */
    static final int FORMAT_CITIZEN_IDS = 1;
    /** Entries naming citizens by their pseudonym in {@code audit_subject}. */
    static final int FORMAT_PSEUDONYMS = 2;

    static String hash(int format, String previousHash, long id, Instant at, String actor, String role,
            AuditAction action, String purpose, List<UUID> citizenIds, List<String> fields, String traceId,
            String requestPath) {
        if (format != FORMAT_CITIZEN_IDS && format != FORMAT_PSEUDONYMS) {
            throw new IllegalArgumentException("unknown audit entry format " + format);
        }
        StringBuilder canonical = new StringBuilder("maatwerk-audit-v" + format + "\n");
        part(canonical, previousHash);
        part(canonical, Long.toString(id));
        part(canonical, at.toString());
        part(canonical, actor);
        part(canonical, role);
        part(canonical, action.code());
        part(canonical, purpose);
        part(canonical, String.join(",", citizenIds.stream().map(UUID::toString).toList()));
        part(canonical, String.join(",", fields));
        part(canonical, traceId);
        part(canonical, requestPath);
        return sha256(canonical.toString());
    }

    static String hash(AuditEntry e) {
        return hash(e.format(), e.previousHash(), e.id(), e.at(), e.actor(), e.role(), e.action(), e.purpose(), e.citizenIds(),
                e.fields(), e.traceId(), e.requestPath());
    }

    private static void part(StringBuilder out, String value) {
        if (value == null) {
            out.append("-\n");
        } else {
            out.append(value.length()).append(':').append(value).append('\n');
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
