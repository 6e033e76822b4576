package nl.maatwerk.server.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.FieldReader;
import org.springframework.stereotype.Service;

/**
 * Where a citizen can be reached digitally, and which channel they said they prefer: what journeys' channel choice
 * starts from. Stored, never guessed.
 */
@Service
public class DigitalAddresses {

    /** The channels a citizen can state as preferred. */
    public static final Set<Channel> PREFERABLE = Set.of(Channel.EMAIL, Channel.SMS, Channel.WHATSAPP, Channel.APP,
            Channel.LETTER);

    private final DigitalAddressStore store;
    private final CitizenStore citizens;

    DigitalAddresses(DigitalAddressStore store, CitizenStore citizens) {
        this.store = store;
        this.citizens = citizens;
    }

    /** The stored addresses after a PUT, and whether the citizen had none before. */
    public record Stored(boolean created, DigitalAddress addresses) {
    }

    /**
     * Replaces a citizen's addresses from
     * {@code {"addresses":[{"type":"email","address":"…"}, …], "preferredChannel":"email"}}.
     *
     * @throws ApiProblem 404 for an unknown citizen, 400 naming each bad field
     */
    public Stored put(UUID citizenId, JsonNode body) {
        if (citizens.find(citizenId).isEmpty()) {
            throw ApiProblem.notFound("No citizen with id " + citizenId);
        }
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(body, "", problems);
        reader.rejectUnknown(Set.of("citizenId", "addresses", "preferredChannel"));
        Channel preferred = reader.code("preferredChannel", Channel.class, false);
        if (preferred != null && !PREFERABLE.contains(preferred)) {
            reader.problem("preferredChannel", "\"" + preferred.code() + "\" cannot be preferred; use email, sms, whatsapp, app or letter");
        }
        String email = null;
        String phone = null;
        String push = null;
        JsonNode list = reader.value("addresses");
        Set<String> seen = new HashSet<>();
        if (list != null && !list.isArray()) {
            reader.problem("addresses", "must be a list of {\"type\", \"address\"}");
        } else if (list != null) {
            for (int i = 0; i < list.size(); i++) {
                FieldReader entry = new FieldReader(list.get(i), "/addresses/" + i, problems);
                entry.rejectUnknown(Set.of("type", "address"));
                String type = entry.text("type", true, 20);
                String address = entry.text("address", true, 4096);
                if (type == null || address == null) {
                    continue;
                }
                if (!seen.add(type)) {
                    entry.problem("type", "\"" + type + "\" is given twice; a citizen has one of each");
                    continue;
                }
                switch (type) {
                    case "email" -> {
                        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
                            entry.problem("address", "\"" + address + "\" is not an e-mail address");
                        }
                        email = address;
                    }
                    case "mobile_phone" -> {
                        if (!address.matches("\\+[1-9][0-9]{7,14}")) {
                            entry.problem("address", "\"" + address + "\" is not a phone number in E.164 form, such as +31612345678");
                        }
                        phone = address;
                    }
                    case "push_token" -> {
                        if (address.length() < 8) {
                            entry.problem("address", "a push token has at least 8 characters");
                        }
                        push = address;
                    }
                    default -> entry.problem("type", "unknown type \"" + type + "\"; expected email, mobile_phone or push_token");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        boolean created = store.put(citizenId, email, phone, push, preferred);
        return new Stored(created, store.find(citizenId).orElseThrow());
    }

    public Optional<DigitalAddress> find(UUID citizenId) {
        return store.find(citizenId);
    }

    /** The addresses of many citizens at once; citizens without any are absent from the map. */
    public Map<UUID, DigitalAddress> findAll(Collection<UUID> citizenIds) {
        return store.findAll(citizenIds);
    }
}
