package nl.maatwerk.core.synth;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.core.bsn.Bsn;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;

/**
 * One synthetic resident, as in {@code citizens.csv}.
 *
 * @param youngestChildAge age of the youngest child in the household (for households with children), else null
 * @param postcode         six characters, {@code 1012AB}
 * @param attributes       the keys of {@link CitizenAttributes#KEYS}, in that order; values are strings or booleans
 */
public record GeneratedCitizen(UUID id, Bsn bsn, LocalDate birthDate, UUID householdId, HouseholdType householdType,
                               int householdSize, Integer youngestChildAge, String postcode, int houseNumber,
                               String neighbourhood, String district, String municipality, String language,
                               RegistrationStatus status, Map<String, Object> attributes) {

    public GeneratedCitizen {
        Checks.notNull(id, "id");
        Checks.notNull(bsn, "bsn");
        Checks.notNull(birthDate, "birthDate");
        Checks.notNull(householdId, "householdId");
        Checks.notNull(householdType, "householdType");
        if (householdSize < 1) {
            throw new IllegalArgumentException("householdSize must be at least 1, was " + householdSize);
        }
        if (youngestChildAge != null && youngestChildAge < 0) {
            throw new IllegalArgumentException("youngestChildAge must be 0 or more, was " + youngestChildAge);
        }
        Checks.matches(postcode, Checks.POSTCODE, "postcode");
        if (houseNumber < 1) {
            throw new IllegalArgumentException("houseNumber must be at least 1, was " + houseNumber);
        }
        Checks.matches(neighbourhood, Checks.NEIGHBOURHOOD, "neighbourhood");
        Checks.matches(district, Checks.DISTRICT, "district");
        Checks.matches(municipality, Checks.MUNICIPALITY, "municipality");
        Checks.matches(language, Checks.LANGUAGE, "language");
        Checks.notNull(status, "status");
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Checks.notNull(attributes, "attributes")));
    }
}
