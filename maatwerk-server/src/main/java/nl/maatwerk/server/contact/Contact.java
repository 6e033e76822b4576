package nl.maatwerk.server.contact;

import java.time.Instant;
import java.util.UUID;

/** A stored contact as the API shows it. */
public record Contact(long id, String source, String sourceId, UUID citizenId, String channel, String direction,
        String kind, String topic, String subtopic, Instant occurredAt, Instant closedAt, Boolean resolvedFirstContact,
        Integer satisfaction, String neighbourhood, String district, String text, Instant receivedAt) {
}
