package nl.maatwerk.server.contact;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.profile.CitizenRef;
import nl.maatwerk.server.profile.Citizens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public face of the contact capability: ingest and reading. A contact is stored once per source + sourceId: the same content
 * again is acknowledged without a second row, other content under the same key is refused. Batches are
 * checked as a whole first; one bad item and nothing is written. A successful return means committed.
 */
@Service
public class Contacts {

    private final ContactStore store;
    private final Citizens citizens;

    Contacts(ContactStore store, Citizens citizens) {
        this.store = store;
        this.citizens = citizens;
    }

    /** The outcome of submitting one contact: whether it was new, and the stored contact. */
    public record Submitted(boolean created, Contact contact) {
    }

    /** The outcome of a batch. */
    public record BatchResult(int received, int created, int unchanged) {
    }

    /** One autocommit INSERT: contacts never change once stored, so a clash is settled by reading the stored one. */
    public Submitted submit(JsonNode body) {
        List<FieldProblem> problems = new ArrayList<>();
        ContactSubmission submission = ContactJson.read(body, "", problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        UUID hash = submission.contentHash();
        List<ContactSubmission> resolved = resolveCitizens(List.of(submission), List.of(""));
        submission = resolved.get(0);
        var inserted = store.insert(submission, hash);
        if (inserted.isPresent()) {
            return new Submitted(true, inserted.get());
        }
        ContactStore.StoredContact stored = store.find(submission.source(), submission.sourceId()).orElseThrow();
        if (!stored.contentHash().equals(hash)) {
            throw ApiProblem.conflict("A different contact is already stored under source \"" + submission.source()
                    + "\" and sourceId \"" + submission.sourceId() + "\" (id " + stored.contact().id() + ")",
                    List.of(FieldProblem.at("/sourceId", "already used for a contact with other content")));
        }
        return new Submitted(false, stored.contact());
    }

    @Transactional
    public BatchResult submitAll(List<JsonNode> items, int maxItems) {
        if (items.size() > maxItems) {
            throw ApiProblem.tooLarge("The batch holds " + items.size() + " contacts; at most " + maxItems + " are accepted");
        }
        if (items.isEmpty()) {
            throw ApiProblem.invalid(FieldProblem.at("", "the batch is empty"));
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<ContactSubmission> submissions = new ArrayList<>(items.size());
        List<UUID> hashes = new ArrayList<>(items.size());
        List<String> pointers = new ArrayList<>(items.size());
        Map<ContactSubmission.Key, Integer> firstKept = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            ContactSubmission c = ContactJson.read(items.get(i), "/" + i, problems);
            if (c == null) {
                continue;
            }
            UUID hash = c.contentHash();
            Integer twin = firstKept.putIfAbsent(c.key(), submissions.size());
            if (twin != null) {
                if (!hashes.get(twin).equals(hash)) {
                    problems.add(FieldProblem.at("/" + i + "/sourceId", "item " + pointers.get(twin).substring(1)
                            + " has the same source and sourceId with other content"));
                }
                continue;  // an exact repeat inside the batch is stored once
            }
            submissions.add(c);
            hashes.add(hash);
            pointers.add("/" + i);
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        submissions = resolveCitizens(submissions, pointers);
        ContactStore.BatchOutcome outcome = store.insertBatch(submissions, hashes);
        if (!outcome.conflicts().isEmpty()) {
            List<FieldProblem> conflicts = outcome.conflicts().stream()
                    .map(i -> FieldProblem.at(pointers.get(i) + "/sourceId", "already used for a contact with other content"))
                    .toList();
            throw ApiProblem.conflict(conflicts.size() + " contact(s) clash with stored contacts; nothing was written", conflicts);
        }
        return new BatchResult(items.size(), outcome.inserted(), items.size() - outcome.inserted());
    }

    /** What is loaded: how many contacts, over which period, and how many per channel. */
    public record Overview(long contacts, java.time.Instant first, java.time.Instant last, Map<String, Long> perChannel) {
    }

    public Overview overview() {
        return store.overview();
    }

    public java.util.Optional<Contact> find(long id) {
        return store.find(id);
    }

    public ContactPage ofCitizen(UUID citizenId, int page, int size) {
        return new ContactPage(store.ofCitizen(citizenId, page * size, size), page, size, store.countOfCitizen(citizenId));
    }

    /** One page of a citizen's contacts, newest first. */
    public record ContactPage(List<Contact> items, int page, int size, long total) {
    }

    /** Each contact with its citizen's id filled in; {@code pointers} are where each item sits in the request. */
    private List<ContactSubmission> resolveCitizens(List<ContactSubmission> items, List<String> pointers) {
        Set<UUID> ids = new HashSet<>();
        Set<String> bsns = new HashSet<>();
        for (ContactSubmission c : items) {
            if (c.citizenId() != null) {
                ids.add(c.citizenId());
            }
            if (c.bsn() != null) {
                bsns.add(c.bsn());
            }
        }
        if (ids.isEmpty() && bsns.isEmpty()) {
            return items;
        }
        Map<UUID, CitizenRef> byId = new HashMap<>();
        Map<String, CitizenRef> byBsn = new HashMap<>();
        for (CitizenRef ref : citizens.resolve(ids, bsns)) {
            byId.put(ref.id(), ref);
            if (ref.bsn() != null) {
                byBsn.put(ref.bsn(), ref);
            }
        }
        List<FieldProblem> unknown = new ArrayList<>();
        List<ContactSubmission> resolved = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ContactSubmission c = items.get(i);
            String at = pointers.get(i);
            CitizenRef byIdRef = c.citizenId() == null ? null : byId.get(c.citizenId());
            CitizenRef byBsnRef = c.bsn() == null ? null : byBsn.get(c.bsn());
            if (c.citizenId() != null && byIdRef == null) {
                unknown.add(FieldProblem.at(at + "/citizenId", "no citizen with id " + c.citizenId()));
            } else if (c.bsn() != null && byBsnRef == null) {
                unknown.add(FieldProblem.at(at + "/bsn", "no citizen with this BSN"));
            } else if (byIdRef != null && byBsnRef != null && !byIdRef.id().equals(byBsnRef.id())) {
                unknown.add(FieldProblem.at(at + "/bsn", "belongs to another citizen than citizenId"));
            } else {
                resolved.add(c.withCitizen(byIdRef != null ? byIdRef.id() : byBsnRef != null ? byBsnRef.id() : null));
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.unknownReference(unknown);
        }
        return resolved;
    }
}
