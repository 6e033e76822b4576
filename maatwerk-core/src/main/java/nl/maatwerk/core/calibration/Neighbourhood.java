package nl.maatwerk.core.calibration;

import java.util.Objects;

/**
 * A neighbourhood (buurt) of a district.
 *
 * @param code       CBS code, {@code BU} + 8 digits
 * @param name       CBS name
 * @param population residents, used as the weight for placing households
 * @param postcode   most common 4-digit postcode, or {@code null} when CBS gives none
 */
public record Neighbourhood(String code, String name, int population, String postcode) {

    public Neighbourhood {
        if (code == null || !code.matches("BU[0-9A-Z]{8}")) {
            throw new IllegalArgumentException("neighbourhood code must be BU followed by 8 characters, was " + code);
        }
        Objects.requireNonNull(name, "name");
        if (population < 0) {
            throw new IllegalArgumentException("population of " + code + " must be 0 or more, was " + population);
        }
        if (postcode != null && !postcode.matches("[1-9][0-9]{3}")) {
            throw new IllegalArgumentException("postcode of " + code + " must be 4 digits, was " + postcode);
        }
    }
}
