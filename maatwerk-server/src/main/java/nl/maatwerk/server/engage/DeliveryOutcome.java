package nl.maatwerk.server.engage;

import java.time.Duration;

/** What a peer answered to one message. */
sealed interface DeliveryOutcome {

    /** The peer took the message; {@code delivered} when it says it reached the citizen already. */
    record Accepted(String providerMessageId, boolean delivered) implements DeliveryOutcome {
    }

    /** Worth trying again later; {@code retryAfter} when the peer said when (null otherwise). */
    record Temporary(String reason, Duration retryAfter) implements DeliveryOutcome {
    }

    /** Will never work as sent (bad address, refused content). */
    record Permanent(String reason) implements DeliveryOutcome {
    }
}
