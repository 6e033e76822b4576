package nl.maatwerk.server.engage;

import java.util.Collection;

/**
 * The transactional outbox: rendered messages are written in the caller's transaction, next to the decision that
 * produced them, and dispatched after it commits. Queuing is idempotent on {@link OutgoingMessage#idempotencyKey()}.
 */
public interface Outbox {

    /** Queues one message in the current transaction; false when its idempotency key was queued before. */
    boolean enqueue(OutgoingMessage message);

    /** Queues many messages at once in the current transaction; returns how many were new. */
    int enqueueAll(Collection<OutgoingMessage> messages);
}
