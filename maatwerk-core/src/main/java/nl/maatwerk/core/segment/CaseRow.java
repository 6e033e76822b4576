package nl.maatwerk.core.segment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import nl.maatwerk.core.model.CaseStatus;
import nl.maatwerk.core.model.CaseType;

/** A municipal case as the segment index needs it; the dates and {@code closedAt} may be {@code null}. */
public record CaseRow(UUID id, int citizenSeq, CaseType type, CaseStatus status, Instant submittedAt,
        LocalDate decisionDeadline, LocalDate decisionDate, LocalDate objectionDeadline, Instant closedAt) {

    public CaseRow {
        Objects.requireNonNull(id, "id");
        if (citizenSeq < 0) {
            throw new IllegalArgumentException("citizenSeq must be >= 0, was " + citizenSeq);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }
}
