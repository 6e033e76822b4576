package nl.maatwerk.server.engage.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.server.engage.JourneyDefinition;
import nl.maatwerk.server.engage.JourneyPreview;
import nl.maatwerk.server.engage.JourneyStats;
import nl.maatwerk.server.engage.Journeys;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Journeys over REST: definitions (JSON or YAML), kill switch, dry run, preview, decisions and stats. */
@RestController
@Tag(name = "Journeys", description = "Proactive journeys: trigger, audience, steps and limits (docs/journeys.md)")
class JourneyRestController {

    private static final String BASE = "/api/v1/journeys";

    private final Journeys journeys;
    private final JourneyPreview previews;
    private final AuditLog audit;
    private final ObjectMapper json;

    JourneyRestController(Journeys journeys, JourneyPreview previews, AuditLog audit, ObjectMapper json) {
        this.journeys = journeys;
        this.previews = previews;
        this.audit = audit;
        this.json = json;
    }

    @GetMapping(BASE)
    List<Journeys.Journey> list() {
        return journeys.list();
    }

    @Operation(summary = "Define a journey (JSON, or YAML with Content-Type application/yaml)",
            description = "201 with Location. 400 naming each problem by JSON pointer: unknown fields, template syntax"
                    + " (line, column), unknown placeholders (with the values the journey provides), a segment below k.")
    @PostMapping(BASE)
    ResponseEntity<Journeys.Journey> create(@RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type) {
        Journeys.Journey created = journeys.create(JourneyBody.parse(json, body, type));
        return ResponseEntity.created(URI.create(BASE + "/" + created.key())).body(created);
    }

    @Operation(summary = "Check a definition without storing it: readability findings and SMS lengths, or 400")
    @PostMapping(BASE + "/check")
    Map<String, Object> check(@RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type, Locale locale) {
        JourneyDefinition d = journeys.check(JourneyBody.parse(json, body, type));
        return Map.of("valid", true, "key", d.key(), "readability", JourneyPreview.readability(d, locale));
    }

    @GetMapping(BASE + "/{key}")
    Journeys.Journey get(@PathVariable String key) {
        return journeys.get(key);
    }

    @PutMapping(BASE + "/{key}")
    Journeys.Journey update(@PathVariable String key, @RequestBody byte[] body,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String type) {
        return journeys.update(key, JourneyBody.parse(json, body, type));
    }

    @DeleteMapping(BASE + "/{key}")
    ResponseEntity<Void> delete(@PathVariable String key) {
        journeys.delete(key);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The kill switch: {\"enabled\": false} stops every further step at once; true resumes")
    @PutMapping(BASE + "/{key}/enabled")
    Journeys.Journey enabled(@PathVariable String key, @RequestBody JsonNode body) {
        if (body == null || !body.has("enabled") || !body.get("enabled").isBoolean()) {
            throw ApiProblem.invalid(FieldProblem.at("/enabled", "must be true or false"));
        }
        return journeys.setEnabled(key, body.get("enabled").booleanValue());
    }

    @Operation(summary = "Who would get what on which channel and why, if the journey ran now (or at ?at=)",
            description = "Nothing is written or queued. Counts per decision kind, channel and reason, and up to"
                    + " ?sample= (default 10, max 50) example decisions with citizen ids (personal data).")
    @PostMapping(BASE + "/{key}/dry-run")
    Journeys.DryRun dryRun(@PathVariable String key, @RequestParam(required = false) Instant at,
            @RequestParam(defaultValue = "10") int sample, HttpServletRequest request) {
        int rows = mayReadPersonalData(request) ? Math.max(0, Math.min(sample, 50)) : 0;
        return journeys.dryRun(key, at == null ? Instant.now() : at, rows);
    }

    @Operation(summary = "Every message of the journey rendered for a synthetic citizen, or ?citizenId= a real one",
            description = "A preview with a real citizen reads personal data and is recorded in the read audit log.")
    @PostMapping(BASE + "/{key}/preview")
    JourneyPreview.Preview preview(@PathVariable String key, @RequestParam(required = false) UUID citizenId,
            HttpServletRequest request, Locale locale) {
        if (citizenId != null && !mayReadPersonalData(request)) {
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "personal-data-role", "A preview with a real citizen reads personal data: role kcc or beheer",
                    List.of(FieldProblem.atParameter("citizenId", "only a synthetic preview for this role")));
        }
        JourneyPreview.Preview preview = previews.preview(key, citizenId, locale);
        if (citizenId != null) {
            audit.read(Requester.of(request), journeys.get(key).purpose(), citizenId,
                    List.of("journey_preview:" + key, "documents", "cases"));
        }
        return preview;
    }

    @Operation(summary = "Sent, delivered, responded and escalated, in total, by channel and by segment (counts under k withheld)")
    @GetMapping(BASE + "/{key}/stats")
    JourneyStats.Stats stats(@PathVariable String key) {
        return journeys.stats(key);
    }

    @Operation(summary = "Every decision for one citizen in this journey (personal data, audit-logged)")
    @GetMapping(BASE + "/{key}/citizens/{citizenId}/decisions")
    List<Journeys.DecisionView> decisions(@PathVariable String key, @PathVariable UUID citizenId, HttpServletRequest request) {
        List<Journeys.DecisionView> decisions = journeys.decisions(key, citizenId);
        audit.read(Requester.of(request), journeys.get(key).purpose(), citizenId, List.of("journey_decisions:" + key));
        return decisions;
    }

    /** Campaign staff see counts only; citizen ids and real-citizen previews are for the contact centre. */
    private static boolean mayReadPersonalData(HttpServletRequest request) {
        return request.isUserInRole("kcc") || request.isUserInRole("beheer");
    }
}
