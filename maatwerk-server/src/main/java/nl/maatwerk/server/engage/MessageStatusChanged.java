package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;

/**
 * A queued message changed status, published after the change committed. Journeys react to
 * {@link MessageStatus#PERMANENT_FAILURE} (next allowed channel, then a contact-centre task) and
 * {@link MessageStatus#CANCELLED} (consent withdrawn before sending).
 */
public record MessageStatusChanged(long messageId, String idempotencyKey, UUID citizenId, String journeyKey,
        Channel channel, MessageStatus status, String reason, Instant at) {
}
