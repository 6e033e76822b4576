package nl.maatwerk.server.engage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.server.privacy.ConsentService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.stereotype.Component;

/**
 * The stated preference first, then the journey's order; a channel is usable only when the citizen may be contacted
 * on it for the purpose now (consent, objections) and, for a digital channel, an address for it is on file.
 */
@Component
@ConditionalOnMissingBean(value = ChannelChooser.class, ignored = PreferenceChannelChooser.class)
class PreferenceChannelChooser implements ChannelChooser {

    private final ConsentService consent;

    PreferenceChannelChooser(ConsentService consent) {
        this.consent = consent;
    }

    @Override
    public Choice choose(Request r) {
        return choose(r, c -> consent.mayContact(r.citizenId(), r.purpose(), c));
    }

    /** The same choice with consent answered by {@code mayContact} (the bulk path knows it for many at once). */
    static Choice choose(Request r, Predicate<Channel> mayContact) {
        List<Channel> ordered = new ArrayList<>(r.candidates());
        Channel preferred = r.addresses() == null ? null : r.addresses().preferredChannel();
        if (preferred != null && ordered.remove(preferred)) {
            ordered.add(0, preferred);
        }
        List<Channel> usable = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (Channel c : ordered) {
            if (r.exclude().contains(c)) {
                refused.add(new Refusal(c, "failed_before"));
            } else if (c.digital() && (r.addresses() == null || r.addresses().addressFor(c) == null)) {
                refused.add(new Refusal(c, "no_address"));
            } else if (!mayContact.test(c)) {
                refused.add(new Refusal(c, "no_consent"));
            } else {
                usable.add(c);
            }
        }
        return new Choice(usable, refused);
    }
}
