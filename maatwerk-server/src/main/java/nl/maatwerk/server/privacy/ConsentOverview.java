package nl.maatwerk.server.privacy;

import java.util.List;
import java.util.UUID;

/**
 * A citizen's consents and objections now, with everything that led there.
 *
 * @param purposes        every purpose of the register with its legal basis and the citizen's current choices
 * @param history         every consent event, oldest first
 * @param objectionHistory every objection event, oldest first
 */
public record ConsentOverview(UUID citizenId, List<PurposeStatus> purposes, boolean profilingObjected,
        boolean digitalContactObjected, List<ConsentEvent> history, List<ObjectionEvent> objectionHistory) {

    /**
     * One purpose for one citizen.
     *
     * @param current the latest event per channel (channel null: every channel); empty when the citizen never said
     */
    public record PurposeStatus(String purpose, String legalBasis, List<ConsentEvent> current) {
    }
}
