package nl.maatwerk.core.synth;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;

/**
 * A case (zaak) of a resident with its status at the end of the period, as in {@code cases.csv}.
 *
 * @param decisionDeadline  submission date + 8 weeks
 * @param decisionDate      null while undecided
 * @param objectionDeadline decision date + 6 weeks; null while undecided
 * @param closedAt          null while open
 */
public record GeneratedCase(UUID id, UUID citizenId, CaseType type, CaseStatus status, Instant submittedAt,
                            LocalDate decisionDeadline, LocalDate decisionDate, LocalDate objectionDeadline,
                            Instant closedAt) {

    public GeneratedCase {
        Checks.notNull(id, "id");
        Checks.notNull(citizenId, "citizenId");
        Checks.notNull(type, "type");
        Checks.notNull(status, "status");
        Checks.notNull(submittedAt, "submittedAt");
        Checks.notNull(decisionDeadline, "decisionDeadline");
        if ((decisionDate == null) != (objectionDeadline == null)) {
            throw new IllegalArgumentException("decisionDate and objectionDeadline must both be set or both be null");
        }
        if (closedAt != null && closedAt.isBefore(submittedAt)) {
            throw new IllegalArgumentException("closedAt " + closedAt + " must not be before submittedAt " + submittedAt);
        }
    }
}
