package nl.maatwerk.server.profile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;

/**
 * A citizen's digital addresses and stated preferred channel (VNG Klantinteracties: DigitaleAdressen). Each address
 * may be null.
 *
 * @param mobilePhone E.164, such as {@code +31612345678}
 * @param preferredChannel email, sms, whatsapp, app or letter; null when the citizen stated none
 */
public record DigitalAddress(UUID citizenId, String email, String mobilePhone, String pushToken,
        Channel preferredChannel, Instant updatedAt) {

    /** One address in the VNG shape: {@code {"type":"email","address":"…"}}. */
    public record Entry(String type, String address) {
    }

    /** The addresses in the VNG shape, as the API shows them. */
    public List<Entry> addresses() {
        List<Entry> entries = new ArrayList<>();
        if (email != null) {
            entries.add(new Entry("email", email));
        }
        if (mobilePhone != null) {
            entries.add(new Entry("mobile_phone", mobilePhone));
        }
        if (pushToken != null) {
            entries.add(new Entry("push_token", pushToken));
        }
        return entries;
    }

    /** The address a message on this channel goes to, or null when there is none (or the channel has none). */
    public String addressFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS, WHATSAPP -> mobilePhone;
            case APP -> pushToken;
            default -> null;
        };
    }
}
