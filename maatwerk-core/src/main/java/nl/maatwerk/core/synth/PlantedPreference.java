package nl.maatwerk.core.synth;

import java.util.List;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;

/**
 * The hidden truth behind one resident's contact history, as in {@code truth_preferences.csv}: the
 * generator leans the resident's own contacts toward this channel and hour block, and scales their
 * contact frequency by responsiveness. The product never reads it; learning is scored against it.
 *
 * @param preferredHourBlock {@code morning} (8–12), {@code afternoon} (12–17) or {@code evening} (17–22)
 * @param responsiveness     0–1; 0.5 is an average resident
 */
public record PlantedPreference(UUID citizenId, Channel preferredChannel, String preferredHourBlock,
                                double responsiveness) {

    /** The hour blocks, in the order of the day. */
    public static final List<String> HOUR_BLOCKS = List.of("morning", "afternoon", "evening");

    public PlantedPreference {
        Checks.notNull(citizenId, "citizenId");
        Checks.notNull(preferredChannel, "preferredChannel");
        if (!HOUR_BLOCKS.contains(preferredHourBlock)) {
            throw new IllegalArgumentException("preferredHourBlock must be one of " + HOUR_BLOCKS + ", was "
                    + preferredHourBlock);
        }
        if (!(responsiveness >= 0.0 && responsiveness <= 1.0)) {
            throw new IllegalArgumentException("responsiveness must be within [0, 1], was " + responsiveness);
        }
    }
}
