package nl.maatwerk.server.privacy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.JsonBody;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.ConsentEvent;
import nl.maatwerk.server.privacy.ConsentOverview;
import nl.maatwerk.server.privacy.ConsentService;
import nl.maatwerk.server.privacy.ObjectionEvent;
import nl.maatwerk.server.privacy.ObjectionKind;
import nl.maatwerk.server.privacy.Requester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/citizens/{id}")
class ConsentRestController {

    /** The purpose a read of someone's choices serves, until a caller's role and purpose come from login. */
    private static final String PURPOSE = "service_delivery";

    private final ConsentService consents;
    private final AuditLog audit;
    private final ObjectMapper json;

    ConsentRestController(ConsentService consents, AuditLog audit, ObjectMapper json) {
        this.consents = consents;
        this.audit = audit;
        this.json = json;
    }

    @Operation(summary = "Record consent given or withdrawn, or an objection, for one purpose",
            description = "Body {\"state\":\"given|withdrawn|objected\",\"channel\":\"email\" (optional: all channels),"
                    + "\"source\":\"mijn-gemeente\"}. given applies to purposes resting on consent, objected to public task "
                    + "or legitimate interest (withdrawn lifts either). History is kept; the latest event counts.")
    @PutMapping(path = "/consents/{purpose}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ConsentEvent put(@PathVariable UUID id, @PathVariable String purpose, @RequestBody byte[] body,
            HttpServletRequest request) {
        return consents.record(id, purpose, JsonBody.parse(json, body), Requester.of(request));
    }

    @Operation(summary = "A citizen's current consents and objections per purpose, with the full history",
            description = "Recorded in the read audit log.")
    @GetMapping("/consents")
    ConsentOverview consents(@PathVariable UUID id, HttpServletRequest request) {
        ConsentOverview overview = consents.overview(id);
        audit.read(Requester.of(request), PURPOSE, id, List.of("consents"));
        return overview;
    }

    @Operation(summary = "Object to profiling or to digital contact, or lift the objection",
            description = "Body {\"objected\":true,\"source\":\"balie\"}. An objection to profiling takes the citizen out "
                    + "of every segment within a second.")
    @PutMapping(path = "/objections/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectionEvent object(@PathVariable UUID id, @PathVariable String kind, @RequestBody byte[] body,
            HttpServletRequest request) {
        ObjectionKind objection = ObjectionKind.find(kind).orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND,
                "not-found", "No objection kind " + kind + "; known: profiling, digital-contact",
                List.of(FieldProblem.atParameter("kind", "known: profiling, digital-contact"))));
        return consents.object(id, objection, JsonBody.parse(json, body), Requester.of(request));
    }
}
