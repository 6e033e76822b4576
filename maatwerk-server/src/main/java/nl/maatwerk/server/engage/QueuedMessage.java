package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;

/**
 * A message a dispatcher claimed: what to send, and what is known right before sending.
 *
 * @param attempt this attempt's number, from 1
 * @param citizenStatus {@code resident}, {@code moved_out} or {@code deceased}; null when the citizen is no longer registered
 */
record QueuedMessage(long id, String idempotencyKey, UUID citizenId, String journeyKey, Channel channel, String purpose,
        String recipient, Object body, int attempt, String citizenStatus, Instant createdAt) {
}
