package nl.maatwerk.server.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.FieldReader;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent and objections per citizen: records what a citizen said and answers whether a purpose and channel may
 * be used now. Segments and sending consult this one service; a change counts from its commit.
 */
@Service
public class ConsentService {

    private static final Set<String> CONSENT_BASES = Set.of("consent");
    private static final Set<String> OBJECTABLE_BASES = Set.of("public_task", "legitimate_interest");

    private final ConsentStore store;
    private final PurposeRegister purposes;

    ConsentService(ConsentStore store, PurposeRegister purposes) {
        this.store = store;
        this.purposes = purposes;
    }

    /**
     * Records a citizen's consent or objection for one purpose from a body such as
     * {@code {"state":"given","channel":"email","source":"mijn-gemeente"}}.
     *
     * @throws ApiProblem 404 for an unknown citizen, 422 for an unknown purpose or a state the purpose's legal basis
     *                    does not allow, 400 naming every bad field
     */
    @Transactional
    public ConsentEvent record(UUID citizenId, String purposeKey, JsonNode body, Requester who) {
        requireCitizen(citizenId);
        Purpose purpose = purposes.find(purposeKey).orElseThrow(() -> unknownPurpose(purposeKey));
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(body, "", problems);
        reader.rejectUnknown(Set.of("state", "channel", "source"));
        ConsentState state = reader.code("state", ConsentState.class, true);
        Channel channel = reader.code("channel", Channel.class, false);
        String source = reader.text("source", true, 100);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        String basis = purpose.legalBasis();
        boolean allowed = switch (state) {
            case GIVEN -> CONSENT_BASES.contains(basis);
            case OBJECTED -> OBJECTABLE_BASES.contains(basis);
            case WITHDRAWN -> CONSENT_BASES.contains(basis) || OBJECTABLE_BASES.contains(basis);
        };
        if (!allowed) {
            throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "consent-not-applicable",
                    "Purpose " + purposeKey + " rests on " + basis + "; \"" + state.code() + "\" does not apply to it",
                    List.of(FieldProblem.at("/state", "\"" + state.code() + "\" does not apply to purpose " + purposeKey
                            + " (legal basis " + basis + "); " + allowedFor(basis))));
        }
        return store.insert(citizenId, purposeKey, channel == null ? null : channel.code(), state, basis, source, who);
    }

    /**
     * Records an objection, or its lifting, from {@code {"objected":true,"source":"balie"}}. An objection to
     * profiling sets the citizen's flag in the same transaction, so the segment index drops them within a second.
     */
    @Transactional
    public ObjectionEvent object(UUID citizenId, ObjectionKind kind, JsonNode body, Requester who) {
        requireCitizen(citizenId);
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(body, "", problems);
        reader.rejectUnknown(Set.of("objected", "source"));
        Boolean objected = reader.bool("objected");
        if (objected == null && reader.isObject() && reader.value("objected") == null) {
            reader.problem("objected", "is required");
        }
        String source = reader.text("source", true, 100);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        if (kind == ObjectionKind.PROFILING) {
            store.setProfilingObjection(citizenId, objected);
        }
        return store.insert(citizenId, kind, objected, source, who);
    }

    /** A citizen's current consents and objections, and their history. */
    public ConsentOverview overview(UUID citizenId) {
        requireCitizen(citizenId);
        List<ConsentEvent> history = store.history(citizenId);
        Map<String, Map<String, ConsentEvent>> latest = new LinkedHashMap<>();
        for (ConsentEvent e : history) {
            latest.computeIfAbsent(e.purpose(), p -> new LinkedHashMap<>()).put(Objects.toString(e.channel(), ""), e);
        }
        List<ConsentOverview.PurposeStatus> statuses = purposes.all().stream()
                .map(p -> new ConsentOverview.PurposeStatus(p.key(), p.legalBasis(),
                        List.copyOf(latest.getOrDefault(p.key(), Map.of()).values())))
                .toList();
        return new ConsentOverview(citizenId, statuses, store.profilingObjection(citizenId),
                store.objected(citizenId, ObjectionKind.DIGITAL_CONTACT), history, store.objectionHistory(citizenId));
    }

    /**
     * Whether this citizen may be contacted for this purpose on this channel now: not on a digital channel after an
     * objection to digital contact; for a purpose resting on consent only after consent was given (for the channel or
     * for all channels) and not withdrawn since; for public task or legitimate interest unless the citizen objected.
     * An unknown purpose is never allowed.
     */
    public boolean mayContact(UUID citizenId, String purposeKey, Channel channel) {
        Purpose purpose = purposes.find(purposeKey).orElse(null);
        if (purpose == null) {
            return false;
        }
        if (channel.digital() && store.objected(citizenId, ObjectionKind.DIGITAL_CONTACT)) {
            return false;
        }
        ConsentState latest = store.latest(citizenId, purposeKey, channel.code()).orElse(null);
        if (CONSENT_BASES.contains(purpose.legalBasis())) {
            return latest == ConsentState.GIVEN;
        }
        return latest != ConsentState.OBJECTED;
    }

    /** Whether the citizen objected to profiling: they are in no segment and in no learning. */
    public boolean isProfilingObjected(UUID citizenId) {
        return store.profilingObjection(citizenId);
    }

    /** Whether the citizen asked not to be contacted on digital channels. */
    public boolean isDigitalContactObjected(UUID citizenId) {
        return store.objected(citizenId, ObjectionKind.DIGITAL_CONTACT);
    }

    private void requireCitizen(UUID citizenId) {
        if (!store.citizenExists(citizenId)) {
            throw ApiProblem.notFound("No citizen with id " + citizenId);
        }
    }

    private ApiProblem unknownPurpose(String key) {
        List<String> known = purposes.all().stream().map(Purpose::key).toList();
        return ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-purpose",
                "Purpose " + key + " is not in the purpose register",
                List.of(FieldProblem.atParameter("purpose", "\"" + key + "\" is not in the purpose register; known: "
                        + String.join(", ", known))));
    }

    private static String allowedFor(String basis) {
        if (CONSENT_BASES.contains(basis)) {
            return "use given or withdrawn";
        }
        if (OBJECTABLE_BASES.contains(basis)) {
            return "the citizen may object (objected) or lift an objection (withdrawn)";
        }
        return "neither consent nor objection applies";
    }
}
