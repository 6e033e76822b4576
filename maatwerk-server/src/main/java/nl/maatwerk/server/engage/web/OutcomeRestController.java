package nl.maatwerk.server.engage.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import nl.maatwerk.server.engage.Outcomes;
import nl.maatwerk.server.platform.JsonBody;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Outcomes an integrator posts, such as "online_application_completed": the citizen's response to a journey. */
@RestController
@Tag(name = "Outcomes", description = "Results of a citizen's action that journeys branch on")
class OutcomeRestController {

    private final Outcomes outcomes;
    private final ObjectMapper json;

    OutcomeRestController(Outcomes outcomes, ObjectMapper json) {
        this.outcomes = outcomes;
        this.json = json;
    }

    @Operation(summary = "Record an outcome: {\"source\",\"sourceId\",\"citizenId\",\"outcome\",\"journey\"?,\"at\"?}",
            description = "201 when new; the same source + sourceId with the same content is a retry (200); other content 409.")
    @PostMapping(path = "/api/v1/outcomes", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Outcomes.Recorded> post(@RequestBody byte[] body) {
        Outcomes.Recorded r = outcomes.record(JsonBody.parse(json, body), Instant.now());
        return r.created() ? ResponseEntity.created(URI.create("/api/v1/outcomes/" + r.id())).body(r) : ResponseEntity.ok(r);
    }
}
