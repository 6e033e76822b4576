package nl.maatwerk.core.synth;

import java.time.Instant;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;

/**
 * One contact between a resident (or an anonymous person) and the municipality, as in {@code contacts.csv}.
 *
 * @param source               always {@code synthetic}
 * @param sourceId             unique within the source, {@code c-1}, {@code c-2}, …
 * @param citizenId            null for anonymous contacts
 * @param bsn                  always null: the generator links contacts by {@code citizenId}
 * @param closedAt             null while the contact is still being handled at the end of the period
 * @param resolvedFirstContact null for outbound contacts
 * @param satisfaction         1–5, or null when the person gave no rating
 * @param neighbourhood        the resident's (or, for an anonymous report, the report's) neighbourhood, or null
 * @param district             likewise
 * @param text                 usually null; otherwise a short Dutch sentence without personal data
 */
public record GeneratedContact(String source, String sourceId, UUID citizenId, String bsn, Channel channel,
                               Direction direction, ContactKind kind, String topic, String subtopic,
                               Instant occurredAt, Instant closedAt, Boolean resolvedFirstContact,
                               Integer satisfaction, String neighbourhood, String district, String text) {

    public GeneratedContact {
        Checks.notNull(source, "source");
        Checks.notNull(sourceId, "sourceId");
        Checks.notNull(channel, "channel");
        Checks.notNull(direction, "direction");
        Checks.notNull(kind, "kind");
        Checks.notNull(topic, "topic");
        Checks.notNull(occurredAt, "occurredAt");
        if (closedAt != null && closedAt.isBefore(occurredAt)) {
            throw new IllegalArgumentException("closedAt " + closedAt + " must not be before occurredAt " + occurredAt);
        }
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new IllegalArgumentException("satisfaction must be within [1, 5], was " + satisfaction);
        }
    }

    /** Whether the contact is linked to a resident. */
    public boolean identified() {
        return citizenId != null;
    }
}
