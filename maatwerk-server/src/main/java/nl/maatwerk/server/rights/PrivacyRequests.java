package nl.maatwerk.server.rights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.core.bsn.Bsn;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.FieldReader;
import nl.maatwerk.server.privacy.AuditAction;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public face of data-subject rights: the privacy officer files an access or erasure request for a citizen (by
 * id or BSN); an access request makes the export available (JSON and PDF, each download audit-logged), an erasure
 * request erases at once unless a legal duty holds the data, in which case it is refused with the reason.
 */
@Service
public class PrivacyRequests {

    /** The purpose register's entry for handling requests (V13). */
    public static final String PURPOSE = "data_subject_rights";

    private static final Logger log = LoggerFactory.getLogger(PrivacyRequests.class);
    private static final List<String> EXPORTED = List.of("identification", "address", "household", "attributes",
            "documents", "cases", "contact_history", "consents", "segment_membership", "audit_log");

    private final RequestStore store;
    private final Erasure erasure;
    private final LegalHolds holds;
    private final AccessExport export;
    private final AccessPdf pdf;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    PrivacyRequests(RequestStore store, Erasure erasure, LegalHolds holds, AccessExport export, AccessPdf pdf,
            AuditLog audit, TransactionTemplate transaction, ObjectMapper json) {
        this.store = store;
        this.erasure = erasure;
        this.holds = holds;
        this.export = export;
        this.pdf = pdf;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * Files and handles a request from {@code {"type":"access"|"erasure","citizenId":…|"bsn":…,"reason":…}}.
     *
     * @throws ApiProblem 400 naming each bad field, 404 for a citizen nobody is
     */
    public PrivacyRequest file(JsonNode body, Requester who) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(body, "", problems);
        reader.rejectUnknown(Set.of("type", "citizenId", "bsn", "reason"));
        String type = reader.text("type", true, 20);
        if (type != null && !type.equals(PrivacyRequest.ACCESS) && !type.equals(PrivacyRequest.ERASURE)) {
            reader.problem("type", "must be \"access\" or \"erasure\"");
        }
        UUID citizenId = reader.uuid("citizenId", false);
        String bsn = reader.text("bsn", false, 9);
        String reason = reader.text("reason", false, 2000);
        if (bsn != null && !Bsn.isValid(bsn)) {
            reader.problem("bsn", "is not a valid BSN (9 digits passing the 11-test)");
        }
        if (reader.isObject() && citizenId == null && bsn == null && problems.stream().noneMatch(
                p -> p.pointer() != null && (p.pointer().equals("/citizenId") || p.pointer().equals("/bsn")))) {
            reader.problem("citizenId", "give citizenId or bsn");
        }
        if (citizenId != null && bsn != null) {
            reader.problem("bsn", "give citizenId or bsn, not both");
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        UUID citizen = citizenId != null ? citizenId : store.citizenByBsn(bsn).orElse(null);
        if (citizen == null || !store.citizenExists(citizen)) {
            throw ApiProblem.notFound(citizenId != null ? "there is no citizen " + citizenId : "there is no citizen with that BSN");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        JsonNode none = JsonNodeFactory.instance.objectNode();
        if (type.equals(PrivacyRequest.ACCESS)) {
            PrivacyRequest request = new PrivacyRequest(id, type, citizen, "completed", reason, now, who.actor(), now,
                    who.actor(), none, null);
            store.insert(request);
            log.info("access request {} filed by {}", id, who.actor());
            return request;
        }
        return erase(id, citizen, reason, now, who);
    }

    private PrivacyRequest erase(UUID id, UUID citizen, String reason, Instant now, Requester who) {
        List<String> held = holds.of(citizen, now);
        if (!held.isEmpty()) {
            PrivacyRequest refused = new PrivacyRequest(id, PrivacyRequest.ERASURE, citizen, "refused", reason, now,
                    who.actor(), now, who.actor(), JsonNodeFactory.instance.objectNode(),
                    "Not erased: a legal duty requires keeping the data. " + String.join("; ", held) + ".");
            store.insert(refused);
            log.info("erasure request {} refused: {} legal hold(s)", id, held.size());
            return refused;
        }
        PrivacyRequest done = transaction.execute(status -> {
            Map<String, Integer> removed = erasure.erase(citizen);
            PrivacyRequest request = new PrivacyRequest(id, PrivacyRequest.ERASURE, null, "completed", reason, now,
                    who.actor(), Instant.now().truncatedTo(ChronoUnit.MICROS), who.actor(), json.valueToTree(removed), null);
            store.insert(request);
            return request;
        });
        List<String> tables = new ArrayList<>();
        done.outcome().fieldNames().forEachRemaining(tables::add);
        audit.erased(who, tables);
        log.info("erasure request {} completed: rows removed per table {}", id, done.outcome());
        return done;
    }

    public PrivacyRequest get(UUID id) {
        return store.find(id).orElseThrow(() -> ApiProblem.notFound("there is no privacy request " + id));
    }

    /** The latest requests, newest first. */
    public List<PrivacyRequest> latest(int limit) {
        return store.latest(limit);
    }

    /** The access export of a completed access request, recorded in the audit log as an export. */
    public Map<String, Object> export(UUID requestId, Requester who) {
        PrivacyRequest request = exportable(requestId);
        Map<String, Object> data = export.of(request.citizenId());
        if (data == null) {
            throw gone(requestId);
        }
        audit.record(who, AuditAction.EXPORT, PURPOSE, List.of(request.citizenId()), EXPORTED);
        return data;
    }

    /** The same export as a readable PDF, in the given language. */
    public byte[] exportPdf(UUID requestId, Requester who, Locale locale) {
        Map<String, Object> data = export(requestId, who);
        return pdf.render(data, locale);
    }

    private PrivacyRequest exportable(UUID requestId) {
        PrivacyRequest request = get(requestId);
        if (!PrivacyRequest.ACCESS.equals(request.type())) {
            throw ApiProblem.of(HttpStatus.CONFLICT, "not-an-access-request", "request " + requestId
                    + " is an erasure request; only access requests have an export", List.of());
        }
        if (request.citizenId() == null) {
            throw gone(requestId);
        }
        return request;
    }

    private static ApiProblem gone(UUID requestId) {
        return ApiProblem.of(HttpStatus.GONE, "citizen-erased", "the citizen of request " + requestId
                + " has been erased since; there is nothing to export", List.of());
    }
}
