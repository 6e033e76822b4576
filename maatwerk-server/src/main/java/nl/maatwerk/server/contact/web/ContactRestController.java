package nl.maatwerk.server.contact.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.server.contact.Contact;
import nl.maatwerk.server.contact.Contacts;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.JsonBody;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import nl.maatwerk.server.profile.Citizens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ContactRestController {

    private static final String NDJSON = "application/x-ndjson";

    /** The purpose reads of one citizen's contacts serve, until a caller's role and purpose come from login. */
    private static final String PURPOSE = "service_delivery";

    private final Contacts contacts;
    private final Citizens citizens;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final int maxBatchItems;

    ContactRestController(Contacts contacts, Citizens citizens, AuditLog audit, ObjectMapper json,
            @Value("${maatwerk.api.max-batch-items}") int maxBatchItems) {
        this.contacts = contacts;
        this.citizens = citizens;
        this.audit = audit;
        this.json = json;
        this.maxBatchItems = maxBatchItems;
    }

    @Operation(summary = "Record one contact",
            description = "201 with Location when new; 200 with the stored contact when the same source + sourceId was "
                    + "already sent with the same content; 409 when it was sent with other content. 2xx means committed.")
    @PostMapping(path = "/api/v1/contacts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Contact> submit(@RequestBody byte[] body) {
        Contacts.Submitted submitted = contacts.submit(JsonBody.parse(json, body));
        return submitted.created()
                ? ResponseEntity.created(URI.create("/api/v1/contacts/" + submitted.contact().id())).body(submitted.contact())
                : ResponseEntity.ok(submitted.contact());
    }

    @Operation(summary = "Record up to 10,000 contacts at once: all or none",
            description = "A JSON array, or NDJSON (application/x-ndjson) with one contact per line. The batch is checked "
                    + "as a whole; any bad item gives 400 listing every bad item by index and field, and nothing is written.")
    @PostMapping(path = "/api/v1/contacts/batch", consumes = {MediaType.APPLICATION_JSON_VALUE, NDJSON})
    Contacts.BatchResult batch(@RequestBody byte[] body,
            @RequestHeader(value = "Content-Type", defaultValue = MediaType.APPLICATION_JSON_VALUE) String contentType) {
        List<com.fasterxml.jackson.databind.JsonNode> items;
        if (contentType.startsWith(NDJSON)) {
            items = JsonBody.parseLines(json, body);
        } else {
            var node = JsonBody.parse(json, body);
            if (!node.isArray()) {
                throw ApiProblem.invalid(FieldProblem.at("", "a JSON array of contacts was expected"));
            }
            items = new java.util.ArrayList<>(node.size());
            node.forEach(items::add);
        }
        return contacts.submitAll(items, maxBatchItems);
    }

    @Operation(summary = "One contact by id", description = "Recorded in the read audit log when it names a citizen.")
    @GetMapping("/api/v1/contacts/{id}")
    Contact get(@PathVariable long id, HttpServletRequest request) {
        Contact contact = contacts.find(id).orElseThrow(() -> ApiProblem.notFound("No contact with id " + id));
        if (contact.citizenId() != null) {
            audit.read(Requester.of(request), PURPOSE, contact.citizenId(), List.of("contact_history"));
        }
        return contact;
    }

    @Operation(summary = "A citizen's contacts, newest first, paged", description = "Recorded in the read audit log.")
    @GetMapping("/api/v1/citizens/{id}/contacts")
    Contacts.ContactPage ofCitizen(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size, HttpServletRequest request) {
        if (citizens.find(id).isEmpty()) {
            throw ApiProblem.notFound("No citizen with id " + id);
        }
        if (page < 0 || size < 1 || size > 500) {
            throw ApiProblem.invalid(FieldProblem.at("", "page must be ≥ 0 and size between 1 and 500"));
        }
        Contacts.ContactPage found = contacts.ofCitizen(id, page, size);
        audit.read(Requester.of(request), PURPOSE, id, List.of("contact_history"));
        return found;
    }
}
