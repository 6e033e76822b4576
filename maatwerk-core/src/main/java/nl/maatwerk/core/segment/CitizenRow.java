package nl.maatwerk.core.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import nl.maatwerk.core.model.HouseholdType;
import nl.maatwerk.core.model.RegistrationStatus;

/**
 * A citizen as the segment index needs it: one row of {@code citizen}. Nullable columns are {@code null} here
 * too. Attribute values are {@link String}, {@link Boolean}, {@link BigDecimal} (or another {@link Number}) and
 * {@link LocalDate}, as the attribute register types them (text, boolean, number, date).
 */
public record CitizenRow(int seq, LocalDate birthDate, HouseholdType householdType, Integer householdSize,
        Integer youngestChildAge, String postcode, String neighbourhood, String district, String language,
        RegistrationStatus status, Map<String, Object> attributes) {

    public CitizenRow {
        if (seq < 0) {
            throw new IllegalArgumentException("seq must be >= 0, was " + seq);
        }
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(householdType, "householdType");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(status, "status");
        attributes = Map.copyOf(attributes);
        attributes.forEach((name, value) -> {
            if (!(value instanceof String || value instanceof Boolean || value instanceof Number
                    || value instanceof LocalDate)) {
                throw new IllegalArgumentException("attribute " + name + " of citizen " + seq
                        + " must be a text, boolean, number or date, was " + value.getClass().getSimpleName());
            }
        });
    }
}
