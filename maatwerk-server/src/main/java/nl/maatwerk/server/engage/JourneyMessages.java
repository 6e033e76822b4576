package nl.maatwerk.server.engage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.PostalAddress;

/** Renders a send step's template for one channel into the body an {@link OutgoingMessage} carries. */
final class JourneyMessages {

    private JourneyMessages() {
    }

    /** The names the channel's template needs but {@code values} lack, in order of first use. */
    static List<String> missing(JourneyDefinition.Templates t, Channel channel, Map<String, ?> values) {
        return switch (channel) {
            case EMAIL -> t.email().missing(values);
            case SMS -> t.sms().missing(values);
            case WHATSAPP -> t.whatsapp().missing(values);
            case APP -> t.push().missing(values);
            case LETTER -> t.letter().missing(values);
            default -> throw new IllegalArgumentException("no template for " + channel.code());
        };
    }

    /**
     * @param address the postal address lines for a letter (ignored for other channels)
     * @throws nl.maatwerk.core.template.MissingPlaceholders when a value is missing
     */
    static Object render(JourneyDefinition.Templates t, Channel channel, Map<String, ?> values, List<String> address,
            LocalDate today) {
        return switch (channel) {
            case EMAIL -> t.email().render(values);
            case SMS -> t.sms().render(values);
            case WHATSAPP -> t.whatsapp().render(values);
            case APP -> t.push().render(values);
            case LETTER -> t.letter().render(new PostalAddress(address), today, values);
            default -> throw new IllegalArgumentException("no template for " + channel.code());
        };
    }

    /** Postal address lines from what the register has: no street names in this model, so postcode and number. */
    static List<String> postalAddress(String postcode, Integer houseNumber, String place) {
        List<String> lines = new ArrayList<>();
        lines.add("De bewoner(s)");
        lines.add("Huisnummer " + houseNumber);
        lines.add(postcode.substring(0, 4) + " " + postcode.substring(4) + "  " + place.toUpperCase(java.util.Locale.ROOT));
        return lines;
    }
}
