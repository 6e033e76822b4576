package nl.maatwerk.core.synth;

import java.time.Instant;
import java.util.UUID;
import nl.maatwerk.core.model.CaseStatus;

/** One step in a case's status history, as in {@code case_status_history.csv}. */
public record GeneratedCaseStatusChange(UUID caseId, CaseStatus status, Instant at) {

    public GeneratedCaseStatusChange {
        Checks.notNull(caseId, "caseId");
        Checks.notNull(status, "status");
        Checks.notNull(at, "at");
    }
}
