package nl.maatwerk.server.engage;

import java.util.ArrayList;
import java.util.List;
import nl.maatwerk.core.model.Channel;

/**
 * A peer that takes messages of one channel. Each call carries the message's idempotency key, so that a message
 * sent again after a crash is recognised by the peer (see docs/delivery.md, "exactly once at the peer").
 */
interface DeliveryProvider {

    String name();

    Channel channel();

    /** Whether the provider is configured; an unconfigured one leaves its messages queued. */
    boolean ready();

    DeliveryOutcome send(QueuedMessage message);

    /** Sends a claimed batch, one outcome per message in order; {@code pace} is called before each message. */
    default List<DeliveryOutcome> sendAll(List<QueuedMessage> messages, Runnable pace) {
        List<DeliveryOutcome> outcomes = new ArrayList<>(messages.size());
        for (QueuedMessage m : messages) {
            pace.run();
            DeliveryOutcome outcome;
            try {
                outcome = send(m);
            } catch (RuntimeException e) {
                outcome = new DeliveryOutcome.Temporary(e.toString(), null);
            }
            outcomes.add(outcome);
        }
        return outcomes;
    }
}
