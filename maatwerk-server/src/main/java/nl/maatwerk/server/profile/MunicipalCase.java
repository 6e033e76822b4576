package nl.maatwerk.server.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A municipal case (zaak) of a citizen, with its status history, oldest first. */
public record MunicipalCase(UUID id, String type, String status, Instant submittedAt, LocalDate decisionDeadline,
        LocalDate decisionDate, LocalDate objectionDeadline, Instant closedAt, List<StatusChange> history) {

    public record StatusChange(String status, Instant at) {
    }
}
