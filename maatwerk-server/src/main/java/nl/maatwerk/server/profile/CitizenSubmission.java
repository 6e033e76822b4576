package nl.maatwerk.server.profile;

import java.time.LocalDate;
import java.util.UUID;

/** A validated citizen as sent by a client; attributes as compact JSON text. */
record CitizenSubmission(UUID id, String bsn, LocalDate birthDate, UUID householdId, String householdType,
        Integer householdSize, Integer youngestChildAge, String postcode, Integer houseNumber, String neighbourhood,
        String district, String municipality, String language, String status, String attributesJson) {
}
