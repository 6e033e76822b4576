package nl.maatwerk.core.calibration;

import java.util.List;
import java.util.Objects;

/**
 * A district (wijk) with its CBS figures and its inhabited neighbourhoods.
 *
 * @param code           CBS code, {@code WK} + 6 digits
 * @param name           CBS name
 * @param population     residents on 1 January of the calibration year
 * @param figures        the district's own figures, or the municipality's where CBS suppressed them
 * @param neighbourhoods neighbourhoods with residents, at least one
 */
public record District(String code, String name, int population, Figures figures, List<Neighbourhood> neighbourhoods) {

    public District {
        if (code == null || !code.matches("WK[0-9A-Z]{6}")) {
            throw new IllegalArgumentException("district code must be WK followed by 6 characters, was " + code);
        }
        Objects.requireNonNull(name, "name");
        if (population <= 0) {
            throw new IllegalArgumentException("population of " + code + " must be more than 0, was " + population);
        }
        Objects.requireNonNull(figures, "figures");
        neighbourhoods = List.copyOf(neighbourhoods);
        if (neighbourhoods.isEmpty()) {
            throw new IllegalArgumentException("district " + code + " needs at least one neighbourhood");
        }
    }
}
