package nl.maatwerk.server.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * One expression of a citizen's will about a purpose, as recorded.
 *
 * @param channel    the channel it applies to, or null for every channel
 * @param legalBasis the purpose's legal basis when it was recorded
 * @param source     where the citizen expressed it (for example {@code mijn-gemeente}, {@code balie})
 * @param actor      who recorded it
 */
public record ConsentEvent(long id, UUID citizenId, String purpose, String channel, ConsentState state,
        String legalBasis, String source, String actor, Instant at) {
}
