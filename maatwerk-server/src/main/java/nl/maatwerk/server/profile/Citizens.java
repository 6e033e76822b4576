package nl.maatwerk.server.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.privacy.AttributeRegister;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The public face of the profile capability: store, read and resolve citizens. */
@Service
public class Citizens {

    private final CitizenStore store;
    private final CitizenJson reader;

    Citizens(CitizenStore store, AttributeRegister register) {
        this.store = store;
        this.reader = new CitizenJson(register);
    }

    /** The outcome of a PUT: whether the citizen was new, and how it is stored now. */
    public record Stored(boolean created, Citizen citizen) {
    }

    @Transactional
    public Stored put(UUID id, JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        CitizenSubmission submission = reader.read(body, "", id, problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        checkBsnsFree(List.of(submission), "");
        boolean created = store.upsert(submission);
        return new Stored(created, store.find(id).orElseThrow());
    }

    /** Stores every citizen of a JSON array, or none when any is wrong. Returns how many were stored. */
    @Transactional
    public int putAll(JsonNode array, int maxItems) {
        if (array == null || !array.isArray()) {
            throw ApiProblem.invalid(FieldProblem.at("", "a JSON array of citizens was expected"));
        }
        if (array.size() > maxItems) {
            throw ApiProblem.tooLarge("The batch holds " + array.size() + " citizens; at most " + maxItems + " are accepted");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<CitizenSubmission> submissions = new ArrayList<>();
        Map<UUID, Integer> seenIds = new HashMap<>();
        Map<String, Integer> seenBsns = new HashMap<>();
        for (int i = 0; i < array.size(); i++) {
            CitizenSubmission c = reader.read(array.get(i), "/" + i, null, problems);
            if (c == null) {
                continue;
            }
            Integer twin = seenIds.putIfAbsent(c.id(), i);
            if (twin != null) {
                problems.add(FieldProblem.at("/" + i + "/id", "the same id as item " + twin));
            }
            if (c.bsn() != null && (twin = seenBsns.putIfAbsent(c.bsn(), i)) != null) {
                problems.add(FieldProblem.at("/" + i + "/bsn", "the same BSN as item " + twin));
            }
            submissions.add(c);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        checkBsnsFree(submissions, null);
        store.upsertAll(submissions);
        return submissions.size();
    }

    public Optional<Citizen> find(UUID id) {
        return store.find(id);
    }

    public Optional<Citizen> findByBsn(String bsn) {
        return store.findByBsn(bsn);
    }

    /** How many citizens, travel documents and cases are stored. */
    public record Totals(long citizens, long residents, long travelDocuments, long cases, long openCases) {
    }

    public Totals totals() {
        return store.totals();
    }

    public List<TravelDocument> travelDocuments(UUID id) {
        return store.travelDocuments(id);
    }

    public List<MunicipalCase> cases(UUID id) {
        return store.cases(id);
    }

    /** The citizens known by any of these ids or BSNs. */
    public List<CitizenRef> resolve(Collection<UUID> ids, Collection<String> bsns) {
        return store.resolve(ids, bsns);
    }

    /** Every citizen's id by BSN, for bulk imports that identify citizens by BSN. */
    public Map<String, UUID> idsByBsn() {
        return store.idsByBsn();
    }

    private void checkBsnsFree(List<CitizenSubmission> submissions, String singlePointer) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (submissions.get(i).bsn() != null) {
                index.put(submissions.get(i).bsn(), i);
            }
        }
        List<FieldProblem> clashes = new ArrayList<>();
        for (CitizenRef holder : store.holdersOf(index.keySet())) {
            int i = index.get(holder.bsn());
            if (!holder.id().equals(submissions.get(i).id())) {
                String at = singlePointer != null ? singlePointer : "/" + i;
                clashes.add(FieldProblem.at(at + "/bsn", "BSN " + holder.bsn() + " already belongs to citizen " + holder.id()));
            }
        }
        if (!clashes.isEmpty()) {
            throw ApiProblem.conflict("A BSN belongs to another citizen; nothing was written", clashes);
        }
    }
}
