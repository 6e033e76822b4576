package nl.maatwerk.core.synth;

import java.util.UUID;
import nl.maatwerk.core.model.Channel;

/**
 * A resident's fictitious digital addresses and stated preferred channel, as in {@code digital_addresses.csv}.
 * E-mail addresses are under {@code example.org} (RFC 2606); phone numbers start {@code +3169}, a range not
 * issued for mobile phones (those are 061–065 and 068), so no real person receives them.
 *
 * @param email            an address, or null when the resident gave none
 * @param mobilePhone      E.164, or null
 * @param pushToken        an app push token, or null when the resident has no app
 * @param preferredChannel the channel the resident said they prefer: email, sms, app or letter
 */
public record GeneratedDigitalAddress(UUID citizenId, String email, String mobilePhone, String pushToken,
                                      Channel preferredChannel) {

    public GeneratedDigitalAddress {
        Checks.notNull(citizenId, "citizenId");
        Checks.notNull(preferredChannel, "preferredChannel");
    }
}
