package nl.maatwerk.server.engage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import nl.maatwerk.server.contact.Contacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closes the loop: a message the peer accepted is an outbound contact (source {@code maatwerk-outbox}, sourceId the
 * message id), written in the transaction that marks it sent, so the dashboard counts it once. A contact that cannot
 * be stored (it clashes, the citizen is gone) is logged and rolled back to a savepoint; the message stays sent.
 */
@Component
class DeliveryContacts {

    static final String SOURCE = "maatwerk-outbox";
    private static final Logger log = LoggerFactory.getLogger(DeliveryContacts.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Contacts contacts;
    private final TransactionTemplate nested;

    DeliveryContacts(Contacts contacts, PlatformTransactionManager transactions) {
        this.contacts = contacts;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Records the accepted messages as contacts in the caller's transaction: as one batch, or one by one if that clashes. */
    void record(List<QueuedMessage> messages, Instant sentAt) {
        if (messages.isEmpty()) {
            return;
        }
        List<JsonNode> items = messages.stream().<JsonNode>map(m -> contact(m, sentAt)).toList();
        try {
            nested.executeWithoutResult(status -> contacts.submitAll(items, Integer.MAX_VALUE));
            return;
        } catch (RuntimeException batchFailed) {
            log.debug("contacts of {} messages clash as a batch, recording one by one: {}", items.size(), batchFailed.toString());
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            try {
                nested.executeWithoutResult(status -> contacts.submit(item));
            } catch (RuntimeException e) {
                log.warn("message {} was sent but not recorded as a contact: {}", messages.get(i).id(), e.toString());
            }
        }
    }

    private static ObjectNode contact(QueuedMessage message, Instant sentAt) {
        ObjectNode contact = JSON.createObjectNode();
        contact.put("source", SOURCE);
        contact.put("sourceId", Long.toString(message.id()));
        contact.put("citizenId", message.citizenId().toString());
        contact.put("channel", message.channel().code());
        contact.put("direction", "outbound");
        contact.put("kind", "report");
        String topic = message.journeyKey() != null ? message.journeyKey() : message.purpose();
        contact.put("topic", topic.length() > 64 ? topic.substring(0, 64) : topic);
        contact.put("occurredAt", sentAt.truncatedTo(ChronoUnit.MILLIS).toString());
        return contact;
    }
}
