package nl.maatwerk.server.contact;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A validated contact as a sender sent it. {@link #contentHash()} identifies its content, so a retry of
 * the same contact is told apart from a different contact sent under the same source + sourceId.
 */
record ContactSubmission(String source, String sourceId, UUID citizenId, String bsn, String channel, String direction,
        String kind, String topic, String subtopic, Instant occurredAt, Instant closedAt, Boolean resolvedFirstContact,
        Integer satisfaction, String neighbourhood, String district, String text) {

    ContactSubmission withCitizen(UUID resolved) {
        return new ContactSubmission(source, sourceId, resolved, bsn, channel, direction, kind, topic, subtopic,
                occurredAt, closedAt, resolvedFirstContact, satisfaction, neighbourhood, district, text);
    }

    Key key() {
        return new Key(source, sourceId);
    }

    UUID contentHash() {
        StringBuilder s = new StringBuilder(256);
        for (Object field : new Object[] {source, sourceId, citizenId == null && bsn == null ? null : Objects.toString(citizenId) + "/" + bsn,
                channel, direction, kind, topic, subtopic, occurredAt, closedAt, resolvedFirstContact, satisfaction,
                neighbourhood, district, text}) {
            s.append(field == null ? "\u0000" : field.toString()).append('\u001f');
        }
        return UUID.nameUUIDFromBytes(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sender's identity of a contact. */
    record Key(String source, String sourceId) {
    }
}
