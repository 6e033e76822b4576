package nl.maatwerk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class ApiKeyTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    ApiKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    ResponseEntity<String> as(String key, HttpMethod method, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(key);
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.exchange(path, method, new HttpEntity<>(json, headers), String.class);
    }

    @Test
    void beheer_issuesAKeyOnce_whichThenWorksWithItsRoleOnly_andIsStoredOnlyAsAHash() {
        String owner = "crm-" + UUID.randomUUID();
        ResponseEntity<String> issued = new Http(rest).post("/api/v1/api-keys", """
                {"owner":"%s","roles":["integrator"]}""".formatted(owner));
        assertThat(issued.getStatusCode().value()).isEqualTo(201);
        JsonNode body = Http.json(issued);
        String secret = body.path("key").asText();
        String id = body.path("id").asText();
        assertThat(secret).startsWith("mwk_").hasSizeGreaterThan(40);
        assertThat(issued.getHeaders().getLocation().getPath()).isEqualTo("/api/v1/api-keys/" + id);

        String contact = """
                {"source":"apikey-test","sourceId":"%s","channel":"phone","direction":"inbound","kind":"question",
                 "topic":"afval","occurredAt":"2026-02-03T10:00:00Z"}""".formatted(UUID.randomUUID());
        assertThat(as(secret, HttpMethod.POST, "/api/v1/contacts", contact).getStatusCode().value()).isEqualTo(201);
        assertThat(as(secret, HttpMethod.GET, "/api/v1/citizens/" + UUID.randomUUID(), null).getStatusCode().value())
                .as("integrator reads no citizens").isEqualTo(403);

        Map<String, Object> row = jdbc.queryForMap("select * from api_key where id = ?", id);
        assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(secret.substring(4)));
        assertThat(row.get("key_hash")).isEqualTo(ApiKeys.hash(secret));
        assertThat(row.get("last_used_at")).as("last use recorded").isNotNull();

        JsonNode listed = Http.json(new Http(rest).get("/api/v1/api-keys"));
        JsonNode mine = null;
        for (JsonNode k : listed) {
            if (k.path("id").asText().equals(id)) {
                mine = k;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("owner").asText()).isEqualTo(owner);
        assertThat(mine.has("key")).isFalse();
        assertThat(listed.toString()).doesNotContain(secret);
    }

    @Test
    void revokedKey_isRefusedFromTheNextRequestOn() {
        IssuedApiKey issued = keys.issue("revoke-test", Set.of(Role.ANALIST), null);
        assertThat(as(issued.secret(), HttpMethod.GET, "/api/v1/bulletins", null).getStatusCode().value()).isEqualTo(200);
        assertThat(new Http(rest).send(HttpMethod.DELETE, "/api/v1/api-keys/" + issued.key().id(), null, null)
                .getStatusCode().value()).isEqualTo(204);
        ResponseEntity<String> after = as(issued.secret(), HttpMethod.GET, "/api/v1/bulletins", null);
        assertThat(after.getStatusCode().value()).isEqualTo(401);
        assertThat(after.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(Http.json(after).path("type").asText()).isEqualTo("urn:maatwerk:problem:invalid-api-key");
        assertThat(keys.find(issued.key().id()).orElseThrow().revokedAt()).isNotNull();
        assertThat(new Http(rest).send(HttpMethod.DELETE, "/api/v1/api-keys/nope", null, null).getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void expiredOrUnknownOrMalformedKey_401_neverAnonymous() {
        IssuedApiKey expired = keys.issue("expiry-test", Set.of(Role.ANALIST), Instant.now().plusSeconds(3600));
        jdbc.update("update api_key set expires_at = ? where id = ?", Timestamp.from(Instant.now().minusSeconds(1)),
                expired.key().id());
        keys.revoke("no-such-id");   // clears the lookup cache
        assertThat(as(expired.secret(), HttpMethod.GET, "/api/v1/bulletins", null).getStatusCode().value()).isEqualTo(401);
        assertThat(as("mwk_" + "A".repeat(43), HttpMethod.GET, "/api/v1/bulletins", null).getStatusCode().value()).isEqualTo(401);
        assertThat(as("not-a-maatwerk-key", HttpMethod.GET, "/api/v1/registers/purposes", null).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void onlyBeheer_managesKeys() {
        IssuedApiKey privacy = keys.issue("privacy-officer", Set.of(Role.PRIVACY), null);
        assertThat(as(privacy.secret(), HttpMethod.GET, "/api/v1/api-keys", null).getStatusCode().value()).isEqualTo(403);
        assertThat(as(privacy.secret(), HttpMethod.POST, "/api/v1/api-keys", "{\"owner\":\"x\",\"roles\":[\"beheer\"]}")
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void issue_badFields_400NamingEach() {
        ResponseEntity<String> response = new Http(rest).post("/api/v1/api-keys", """
                {"roles":["kcc","superuser"],"expiresAt":"2001-01-01T00:00:00Z","colour":"red"}""");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(Http.pointers(response)).containsExactlyInAnyOrder("#/owner", "#/roles/1", "#/expiresAt", "#/colour");
    }

    @Test
    void bootstrapKey_fromTheEnvironment_isABeheerKey() {
        ApiKey bootstrap = keys.find(ApiKeys.BOOTSTRAP_ID).orElseThrow();
        assertThat(bootstrap.roles()).isEqualTo(Set.of(Role.BEHEER));
        assertThat(bootstrap.usableAt(Instant.now())).isTrue();
        assertThat(List.of(bootstrap.owner())).containsExactly("bootstrap");
    }
}
