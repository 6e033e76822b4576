package nl.maatwerk.server.engage;

import java.time.Instant;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;

/** A queued message as stored, with where it is on its way. */
record SentMessage(long id, String idempotencyKey, UUID citizenId, String journeyKey, Channel channel, String purpose,
        String recipient, Object body, MessageStatus status, int attempts, String lastError, String provider,
        String providerMessageId, Instant createdAt, Instant sentAt, Instant deliveredAt) {

    /** The relay returned it (read from the bounce mailbox): failed after it had left us. */
    public boolean bounced() {
        return status == MessageStatus.PERMANENT_FAILURE && lastError != null
                && lastError.startsWith(BounceReport.REASON_PREFIX);
    }
}
