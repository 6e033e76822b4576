package nl.maatwerk.core.synth;

import java.time.LocalDate;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;

/**
 * What the case and contact generators need to know about one resident while it is being generated;
 * discarded after the resident's records are emitted.
 */
final class Resident {

    UUID id;
    int age;
    int ageGroup;
    LocalDate birthDate;
    HouseholdType householdType;
    int householdSize;
    int youngestChildAge;
    boolean child;
    String neighbourhood;
    String district;
    RegistrationStatus status;
    /** Last calendar day on which the resident still lives here (for moved-out and deceased residents). */
    int activeUntilDay;
    String incomeBand;
    boolean socialAssistance;
    boolean parkingPermit;
    boolean wmoIndication;
    Channel preferredChannel;
    int preferredBlock;
    double responsiveness;

    boolean adult() {
        return age >= 18;
    }

    boolean lowIncome() {
        return "low".equals(incomeBand);
    }

    boolean highIncome() {
        return "high".equals(incomeBand);
    }
}
