package nl.maatwerk.server.rights;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A data-subject request and what became of it.
 *
 * @param type      {@code access} (Art. 15) or {@code erasure} (Art. 17)
 * @param citizenId null once the citizen was erased
 * @param status    {@code completed} or {@code refused}
 * @param outcome   for an erasure the rows removed per table; never personal data
 * @param refusal   why the request was refused (a legal duty to keep the data), or null
 */
public record PrivacyRequest(UUID id, String type, UUID citizenId, String status, String reason, Instant requestedAt,
        String requestedBy, Instant decidedAt, String decidedBy, JsonNode outcome, String refusal) {

    public static final String ACCESS = "access";
    public static final String ERASURE = "erasure";

    /** The outcome for people: "citizen 1, contact 2, …" (rows removed per table). */
    public String outcomeText() {
        StringBuilder out = new StringBuilder();
        outcome.fields().forEachRemaining(f -> out.append(out.isEmpty() ? "" : ", ").append(f.getKey()).append(' ')
                .append(f.getValue().asText()));
        return out.toString();
    }

    public boolean exportable() {
        return ACCESS.equals(type) && citizenId != null;
    }
}
