package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact-centre task: a person calls or writes to a citizen where the digital route did not work or the
 * citizen needs help. {@code context} is JSON: why, which journey, what was sent.
 */
public record Task(long id, UUID citizenId, String journeyKey, Long occurrenceId, String action, String reason,
        String context, String state, Instant createdAt, Instant doneAt, String doneBy, String note) {
}
