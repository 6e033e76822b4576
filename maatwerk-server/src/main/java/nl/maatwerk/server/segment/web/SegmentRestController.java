package nl.maatwerk.server.segment.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.maatwerk.core.segment.SegmentCount;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.JsonBody;
import nl.maatwerk.server.privacy.AuditAction;
import nl.maatwerk.server.privacy.AuditLog;
import nl.maatwerk.server.privacy.Requester;
import nl.maatwerk.server.segment.SegmentProfile;
import nl.maatwerk.server.segment.Segments;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Segments over REST: definitions, previews, sizes, overlaps, profiles and (personal data) member lists. */
@RestController
@Tag(name = "Segments", description = "Groups of citizens in the segment language; counts below k are withheld")
class SegmentRestController {

    private static final String BASE = "/api/v1/segments";

    private final Segments segments;
    private final AuditLog audit;
    private final ObjectMapper json;

    SegmentRestController(Segments segments, AuditLog audit, ObjectMapper json) {
        this.segments = segments;
        this.audit = audit;
        this.json = json;
    }

    @Operation(summary = "All segments with their size now (\"<k\" below k) or why they cannot be evaluated")
    @GetMapping(BASE)
    List<SegmentView> list() {
        return segments.list().stream().map(s -> SegmentView.of(s, json)).toList();
    }

    @Operation(summary = "Define a segment: {\"key\", \"name\", \"purpose\", \"expression\"}",
            description = "201 with Location. 400 for a syntax error, 422 when the expression may not be used for the"
                    + " purpose (special category, attribute or data not registered for it, unknown field or segment,"
                    + " cycle); each error carries line, column, token and expected. 409 when the key exists.")
    @PostMapping(path = BASE, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SegmentView> create(@RequestBody byte[] body) {
        JsonNode in = JsonBody.parse(json, body);
        Segments.Summary created = segments.create(text(in, "key"), text(in, "name"), text(in, "purpose"), text(in, "expression"));
        return ResponseEntity.created(URI.create(BASE + "/" + created.segment().key())).body(SegmentView.of(created, json));
    }

    @Operation(summary = "Try an expression for a purpose: {\"expression\", \"purpose\"} → {\"count\", \"suppressed\"}")
    @PostMapping(path = BASE + "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> preview(@RequestBody byte[] body) {
        JsonNode in = JsonBody.parse(json, body);
        SegmentCount count = segments.preview(text(in, "expression"), text(in, "purpose"));
        return Map.of("count", count.count(), "suppressed", count.suppressed(), "k", count.k(), "shown", SegmentView.shown(count));
    }

    @Operation(summary = "Every segment that no other segment uses, with the segments it uses below it, each with its size")
    @GetMapping(BASE + "/tree")
    List<Segments.TreeNode> tree() {
        return segments.tree();
    }

    @GetMapping(BASE + "/{key}")
    SegmentView get(@PathVariable String key) {
        return SegmentView.of(segments.get(key), json);
    }

    @Operation(summary = "Change a segment; refused when a segment that uses it would break (named in the problem)")
    @PutMapping(path = BASE + "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    SegmentView update(@PathVariable String key, @RequestBody byte[] body) {
        JsonNode in = JsonBody.parse(json, body);
        if (in.hasNonNull("key") && !key.equals(in.path("key").asText())) {
            throw ApiProblem.invalid(FieldProblem.at("/key", "the key in the body differs from the one in the path"));
        }
        return SegmentView.of(segments.update(key, text(in, "name"), text(in, "purpose"), text(in, "expression")), json);
    }

    @Operation(summary = "Delete a segment; 409 naming the segments that use it, if any")
    @DeleteMapping(BASE + "/{key}")
    ResponseEntity<Void> delete(@PathVariable String key) {
        segments.delete(key);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "How two segments overlap; the parts are withheld together when any is below k")
    @GetMapping(BASE + "/{key}/overlap/{otherKey}")
    Segments.Overlap overlap(@PathVariable String key, @PathVariable String otherKey) {
        return segments.overlap(key, otherKey);
    }

    @Operation(summary = "Members by citizen id, paged: personal data, for processing under the segment's purpose",
            description = "422 segment-below-k when the segment has fewer than k members: it cannot be an audience. "
                    + "Every page is recorded in the read audit log (action export, all its citizens).")
    @GetMapping(BASE + "/{key}/members")
    Segments.MemberPage members(@PathVariable String key, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size, HttpServletRequest request) {
        Segments.MemberPage members = segments.members(key, page, size);
        if (!members.members().isEmpty()) {
            audit.record(Requester.of(request), AuditAction.EXPORT, segments.get(key).segment().purpose(),
                    members.members(), List.of("segment_membership"));
        }
        return members;
    }

    @Operation(summary = "The segment against all residents: age band, household type, district, channel use (shares)")
    @GetMapping(BASE + "/{key}/profile")
    SegmentProfile profile(@PathVariable String key) {
        return segments.profile(key);
    }

    @Operation(summary = "Evaluate in memory and in PostgreSQL at the same moment and compare (a missed change shows here)")
    @GetMapping(BASE + "/{key}/consistency")
    Segments.Consistency consistency(@PathVariable String key) {
        return segments.consistency(key);
    }

    @Operation(summary = "The keys of the segments a citizen is in now")
    @GetMapping("/api/v1/citizens/{id}/segments")
    Map<String, Object> ofCitizen(@PathVariable UUID id) {
        return Map.of("citizen", id, "segments", segments.segmentsOf(id));
    }

    private static String text(JsonNode in, String field) {
        JsonNode value = in.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiProblem.invalid(FieldProblem.at("/" + field, "must be text"));
        }
        return value.asText();
    }
}
