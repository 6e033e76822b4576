package nl.maatwerk.server.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A citizen as the API shows it. Codes (household type, status) are the lower-case codes of the model. */
public record Citizen(UUID id, String bsn, LocalDate birthDate, Household household, Address address,
        String language, String status, JsonNode attributes, Instant updatedAt) {

    public record Household(UUID id, String type, Integer size, Integer youngestChildAge) {
    }

    public record Address(String postcode, Integer houseNumber, String neighbourhood, String district,
            String municipality) {
    }
}
