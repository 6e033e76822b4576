package nl.maatwerk.server.profile.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.server.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import nl.maatwerk.server.platform.JsonBody;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import nl.maatwerk.server.profile.Citizen;
import nl.maatwerk.server.profile.Citizens;
import nl.maatwerk.server.profile.MunicipalCase;
import nl.maatwerk.server.profile.TravelDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/citizens")
class CitizenRestController {

    /** The purpose these reads serve, until a caller's role and purpose come from login. */
    private static final String PURPOSE = "service_delivery";

    private final Citizens citizens;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final int maxBatchItems;

    CitizenRestController(Citizens citizens, AuditLog audit, ObjectMapper json,
            @Value("${maatwerk.api.max-batch-items}") int maxBatchItems) {
        this.citizens = citizens;
        this.audit = audit;
        this.json = json;
        this.maxBatchItems = maxBatchItems;
    }

    @Operation(summary = "Create or replace a citizen",
            description = "201 when new, 200 when replaced. Attributes must be declared in the attribute register.")
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Citizen> put(@PathVariable UUID id, @RequestBody(description = "the citizen") @org.springframework.web.bind.annotation.RequestBody byte[] body) {
        Citizens.Stored stored = citizens.put(id, JsonBody.parse(json, body));
        return stored.created()
                ? ResponseEntity.created(URI.create("/api/v1/citizens/" + id)).body(stored.citizen())
                : ResponseEntity.ok(stored.citizen());
    }

    @Operation(summary = "Create or replace up to 10,000 citizens in one transaction: all or none")
    @PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Integer> batch(@org.springframework.web.bind.annotation.RequestBody byte[] body) {
        return Map.of("stored", citizens.putAll(JsonBody.parse(json, body), maxBatchItems));
    }

    @Operation(summary = "One citizen", description = "Recorded in the read audit log.")
    @GetMapping("/{id}")
    Citizen get(@PathVariable UUID id, HttpServletRequest request) {
        Citizen citizen = find(id);
        audit.read(Requester.of(request), PURPOSE, id, List.of("identification", "address", "household", "attributes"));
        return citizen;
    }

    @Operation(summary = "A citizen's travel documents, latest expiry first", description = "Recorded in the read audit log.")
    @GetMapping("/{id}/travel-documents")
    List<TravelDocument> travelDocuments(@PathVariable UUID id, HttpServletRequest request) {
        find(id);
        List<TravelDocument> documents = citizens.travelDocuments(id);
        audit.read(Requester.of(request), PURPOSE, id, List.of("documents"));
        return documents;
    }

    @Operation(summary = "A citizen's cases with their status history", description = "Recorded in the read audit log.")
    @GetMapping("/{id}/cases")
    List<MunicipalCase> cases(@PathVariable UUID id, HttpServletRequest request) {
        find(id);
        List<MunicipalCase> cases = citizens.cases(id);
        audit.read(Requester.of(request), PURPOSE, id, List.of("cases"));
        return cases;
    }

    private Citizen find(UUID id) {
        return citizens.find(id).orElseThrow(() -> ApiProblem.notFound("No citizen with id " + id));
    }
}
