package nl.maatwerk.core.segment;

import java.time.LocalDate;
import java.util.Objects;
import nl.maatwerk.core.model.TravelDocumentType;

/** A travel document (passport PN or identity card NI) as the segment index needs it. */
public record TravelDocumentRow(String number, int citizenSeq, TravelDocumentType type, LocalDate issueDate,
        LocalDate expiryDate) {

    public TravelDocumentRow {
        Objects.requireNonNull(number, "number");
        if (citizenSeq < 0) {
            throw new IllegalArgumentException("citizenSeq must be >= 0, was " + citizenSeq);
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(expiryDate, "expiryDate");
        if (!expiryDate.isAfter(issueDate)) {
            throw new IllegalArgumentException("document " + number + " expires on or before its issue date");
        }
    }
}
