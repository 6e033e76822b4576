package nl.maatwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

@ApiTest
class ApiDocsTests {

    @Autowired
    TestRestTemplate rest;

    @Test
    void openApi_describesEveryApiRoute() {
        JsonNode doc = Http.json(rest.getForEntity("/api/v1/openapi.json", String.class));
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("paths").has("/api/v1/contacts")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/contacts/batch")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/citizens/{id}")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/citizens/{id}/contacts")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/registers/attributes")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").path("apiKey").path("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.path("security").get(0).has("apiKey")).isTrue();
    }

    @Test
    void swaggerUi_isServed() {
        assertThat(rest.getForEntity("/api/v1/docs", String.class).getStatusCode().is2xxSuccessful()
                || rest.getForEntity("/api/v1/docs", String.class).getStatusCode().is3xxRedirection()).isTrue();
    }

    @Test
    void health_isUp() {
        assertThat(Http.json(rest.getForEntity("/actuator/health", String.class)).path("status").asText()).isEqualTo("UP");
    }

    @Test
    void registers_listTheSeededAttributesWithSpecialCategories() {
        JsonNode attributes = Http.json(rest.getForEntity("/api/v1/registers/attributes", String.class));
        assertThat(attributes.findValuesAsText("name")).contains("income_band", "wmo_indication", "migration_background");
        assertThat(attributes.toString()).contains("\"specialCategory\":\"health\"").contains("\"specialCategory\":\"ethnicity\"");
        JsonNode purposes = Http.json(rest.getForEntity("/api/v1/registers/purposes", String.class));
        assertThat(purposes.findValuesAsText("legalBasis")).contains("public_task");
    }
}
