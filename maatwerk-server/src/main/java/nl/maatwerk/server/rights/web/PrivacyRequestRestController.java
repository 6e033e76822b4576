package nl.maatwerk.server.rights.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.server.platform.JsonBody;
import nl.maatwerk.server.privacy.Requester;
import nl.maatwerk.server.rights.PrivacyRequest;
import nl.maatwerk.server.rights.PrivacyRequests;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/privacy/requests")
class PrivacyRequestRestController {

    private final PrivacyRequests requests;
    private final ObjectMapper json;

    PrivacyRequestRestController(PrivacyRequests requests, ObjectMapper json) {
        this.requests = requests;
        this.json = json;
    }

    @Operation(summary = "File a data-subject request: access (Art. 15) or erasure (Art. 17)",
            description = "Body {\"type\":\"access\"|\"erasure\",\"citizenId\":\"…\" or \"bsn\":\"…\",\"reason\":\"…\"}. "
                    + "Access: the export is available at once (…/export, …/export.pdf). Erasure: done at once and the rows "
                    + "removed per table are in outcome, or refused with the reason when a legal duty keeps the data. "
                    + "For the privacy officer.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PrivacyRequest> file(@RequestBody byte[] body, HttpServletRequest request) {
        PrivacyRequest filed = requests.file(JsonBody.parse(json, body), Requester.of(request));
        return ResponseEntity.created(URI.create("/api/v1/privacy/requests/" + filed.id())).body(filed);
    }

    @Operation(summary = "The latest 200 requests, newest first")
    @GetMapping
    List<PrivacyRequest> list() {
        return requests.latest(200);
    }

    @Operation(summary = "One request and its outcome")
    @GetMapping("/{id}")
    PrivacyRequest get(@PathVariable UUID id) {
        return requests.get(id);
    }

    @Operation(summary = "An access request's export: everything held about the citizen, as JSON",
            description = "Recorded in the audit log as an export. 409 for an erasure request, 410 when the citizen was "
                    + "erased since.")
    @GetMapping(path = "/{id}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> export(@PathVariable UUID id, HttpServletRequest request) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inzage-" + id + ".json\"")
                .body(requests.export(id, Requester.of(request)));
    }

    @Operation(summary = "The same export as a readable PDF (Dutch, or English with lang=en)")
    @GetMapping(path = "/{id}/export.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> exportPdf(@PathVariable UUID id, HttpServletRequest request, Locale locale) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"inzage-" + id + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF).body(requests.exportPdf(id, Requester.of(request), locale));
    }
}
