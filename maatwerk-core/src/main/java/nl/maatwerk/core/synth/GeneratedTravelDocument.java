package nl.maatwerk.core.synth;

import java.time.LocalDate;
import java.util.UUID;
import nl.maatwerk.core.model.TravelDocumentType;

/**
 * A resident's current passport or identity card, as in {@code travel_documents.csv}.
 *
 * @param number nine characters: two letters, six letters or digits, one digit; never the letter O
 */
public record GeneratedTravelDocument(UUID citizenId, TravelDocumentType type, String number, LocalDate issueDate,
                                      LocalDate expiryDate) {

    public GeneratedTravelDocument {
        Checks.notNull(citizenId, "citizenId");
        Checks.notNull(type, "type");
        Checks.matches(number, Checks.DOCUMENT_NUMBER, "number");
        Checks.notNull(issueDate, "issueDate");
        Checks.notNull(expiryDate, "expiryDate");
        if (!expiryDate.isAfter(issueDate)) {
            throw new IllegalArgumentException("expiryDate " + expiryDate + " must be after issueDate " + issueDate);
        }
    }
}
