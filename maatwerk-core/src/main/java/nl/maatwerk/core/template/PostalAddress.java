package nl.maatwerk.core.template;

import java.util.List;
import java.util.Objects;

/**
 * The recipient's address as it stands in the envelope window: 1 to 6 lines, none blank (DIN 5008's address
 * zone has six lines and no empty ones; PostNL asks the same: name, street and number, postcode and place in
 * capitals with two spaces, country for abroad).
 */
public record PostalAddress(List<String> lines) {

    public static final int MAX_LINES = 6;

    public PostalAddress {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("an address has 1 to " + MAX_LINES + " lines, was " + lines.size());
        }
        for (String line : lines) {
            Objects.requireNonNull(line, "address line");
            if (line.isBlank() || line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("an address line is one non-blank line, was '" + line + "'");
            }
        }
    }

    public static PostalAddress of(String... lines) {
        return new PostalAddress(List.of(lines));
    }
}
