package nl.maatwerk.server.security.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.maatwerk.server.platform.ApiProblem;
import nl.maatwerk.server.platform.FieldProblem;
import nl.maatwerk.server.platform.FieldReader;
import nl.maatwerk.server.platform.JsonBody;
import nl.maatwerk.server.security.ApiKey;
import nl.maatwerk.server.security.ApiKeys;
import nl.maatwerk.server.security.IssuedApiKey;
import nl.maatwerk.server.security.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys for administrators ({@code beheer}): list, issue, revoke. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Keys for scripts and systems, with their roles (administrators only)")
class ApiKeyRestController {

    private final ApiKeys keys;
    private final ObjectMapper json;

    ApiKeyRestController(ApiKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** A key as listed: no secret. */
    record KeyView(String id, String owner, List<String> roles, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            Instant revokedAt) {
        static KeyView of(ApiKey key) {
            return new KeyView(key.id(), key.owner(), key.roles().stream().map(Role::key).toList(), key.createdAt(),
                    key.expiresAt(), key.lastUsedAt(), key.revokedAt());
        }
    }

    /** A key just issued: {@code key} is shown this once. */
    record Issued(String id, String key, String owner, List<String> roles, Instant expiresAt) {
    }

    @Operation(summary = "Every API key (without secrets): owner, roles, expiry, last use, revoked")
    @GetMapping
    List<KeyView> all() {
        return keys.all().stream().map(KeyView::of).toList();
    }

    @Operation(summary = "Issue an API key",
            description = "Body {\"owner\":\"crm-koppeling\",\"roles\":[\"integrator\"],\"expiresAt\":\"2027-01-01T00:00:00Z\"} "
                    + "(expiresAt optional). The answer holds the key once; only its hash is stored. Use it as "
                    + "Authorization: Bearer <key>.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Issued> issue(@RequestBody byte[] body) {
        List<FieldProblem> problems = new ArrayList<>();
        FieldReader reader = new FieldReader(JsonBody.parse(json, body), "", problems);
        reader.rejectUnknown(Set.of("owner", "roles", "expiresAt"));
        String owner = reader.text("owner", true, 100);
        Instant expiresAt = reader.instant("expiresAt", false);
        if (expiresAt != null && expiresAt.isBefore(Instant.now())) {
            reader.problem("expiresAt", "lies in the past");
        }
        Set<Role> roles = roles(reader.value("roles"), problems);
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        IssuedApiKey issued = keys.issue(owner, roles, expiresAt);
        ApiKey key = issued.key();
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.id()))
                .body(new Issued(key.id(), issued.secret(), key.owner(), key.roles().stream().map(Role::key).toList(),
                        key.expiresAt()));
    }

    @Operation(summary = "Revoke an API key: refused from the next request on")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        if (keys.find(id).isEmpty()) {
            throw ApiProblem.notFound("No API key " + id);
        }
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

    private static Set<Role> roles(JsonNode node, List<FieldProblem> problems) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (node == null || !node.isArray() || node.isEmpty()) {
            problems.add(FieldProblem.at("/roles", "a non-empty list of roles: " + known()));
            return roles;
        }
        for (int i = 0; i < node.size(); i++) {
            int index = i;
            Role.of(node.get(i).asText()).ifPresentOrElse(roles::add,
                    () -> problems.add(FieldProblem.at("/roles/" + index, "unknown role; known: " + known())));
        }
        return roles;
    }

    static String known() {
        return String.join(", ", EnumSet.allOf(Role.class).stream().map(Role::key).toList());
    }
}
