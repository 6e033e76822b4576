package nl.maatwerk.core.segment;

import java.time.Instant;
import java.util.Objects;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.ContactKind;
import nl.maatwerk.core.model.Direction;

/**
 * A contact as the segment index needs it: one row of {@code contact} whose {@code citizen_id} is set, with the
 * citizen's {@code seq}. {@code id} is the contact's identity, at most {@link Integer#MAX_VALUE} - 8 (the index
 * uses it as an array slot). {@code subtopic} and {@code satisfaction} may be {@code null}.
 */
public record ContactRow(long id, int citizenSeq, Channel channel, Direction direction, ContactKind kind,
        String topic, String subtopic, Instant occurredAt, Integer satisfaction) {

    public ContactRow {
        if (id < 0 || id > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("contact id must be within [0, 2^31 - 9], was " + id);
        }
        if (citizenSeq < 0) {
            throw new IllegalArgumentException("citizenSeq must be >= 0, was " + citizenSeq);
        }
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (satisfaction != null && (satisfaction < 1 || satisfaction > 5)) {
            throw new IllegalArgumentException("satisfaction must be within [1, 5], was " + satisfaction);
        }
    }
}
