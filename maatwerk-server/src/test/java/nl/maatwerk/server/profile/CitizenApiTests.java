package nl.maatwerk.server.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class CitizenApiTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    UUID id;
    String bsn;

    @BeforeEach
    void setUp() {
        http = new Http(rest);
        id = UUID.randomUUID();
        bsn = TestCitizens.newBsn();
    }

    boolean exists(UUID citizen) {
        return jdbc.queryForObject("select count(*) from citizen where id = ?", Long.class, citizen) > 0;
    }

    @Test
    void put_newCitizen_201ThenReplace200AndGetShowsIt() {
        ResponseEntity<String> created = http.put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(Http.json(created).path("address").path("district").asText()).isEqualTo("WK036300");
        ResponseEntity<String> replaced = http.put("/api/v1/citizens/" + id,
                TestCitizens.json(id, bsn).replace("\"nl\"", "\"en\""));
        assertThat(replaced.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> got = http.get("/api/v1/citizens/" + id);
        assertThat(Http.json(got).path("language").asText()).isEqualTo("en");
        assertThat(Http.json(got).path("attributes").path("income_band").asText()).isEqualTo("middle");
        assertThat(Http.json(got).path("household").path("type").asText()).isEqualTo("family_with_children");
    }

    @Test
    void put_bsnFailingElevenTest_400NamingBsn() {
        ResponseEntity<String> response = http.put("/api/v1/citizens/" + id, TestCitizens.json(id, "123456789"));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(Http.pointers(response)).containsExactly("#/bsn");
        assertThat(exists(id)).isFalse();
    }

    @Test
    void put_undeclaredAttribute_400NamingTheAttribute() {
        ResponseEntity<String> response = http.put("/api/v1/citizens/" + id,
                TestCitizens.json(id, bsn).replace("\"income_band\":\"middle\"", "\"shoe_size\":44"));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(Http.pointers(response)).containsExactly("#/attributes/shoe_size");
        assertThat(exists(id)).isFalse();
    }

    @Test
    void put_attributeOfWrongTypeOrValue_400NamingEach() {
        ResponseEntity<String> response = http.put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn)
                .replace("\"income_band\":\"middle\"", "\"income_band\":\"rich\"").replace("\"parking_permit_holder\":true",
                        "\"parking_permit_holder\":\"yes\""));
        assertThat(Http.pointers(response)).containsExactlyInAnyOrder("#/attributes/income_band", "#/attributes/parking_permit_holder");
    }

    @Test
    void put_badHouseholdAndAddress_400NamingNestedFields() {
        ResponseEntity<String> response = http.put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn)
                .replace("family_with_children", "commune").replace("1012AB", "12345"));
        assertThat(Http.pointers(response)).containsExactlyInAnyOrder("#/household/type", "#/address/postcode");
    }

    @Test
    void put_bsnOfAnotherCitizen_409() {
        http.put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn));
        UUID other = UUID.randomUUID();
        ResponseEntity<String> response = http.put("/api/v1/citizens/" + other, TestCitizens.json(other, bsn));
        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(Http.pointers(response)).containsExactly("#/bsn");
        assertThat(exists(other)).isFalse();
    }

    @Test
    void get_unknownCitizen_404Problem() {
        assertThat(http.get("/api/v1/citizens/" + id).getStatusCode().value()).isEqualTo(404);
        assertThat(http.get("/api/v1/citizens/not-a-uuid").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void batch_oneBadCitizen_400ByIndexAndNoneWritten() {
        UUID second = UUID.randomUUID();
        String body = "[" + TestCitizens.json(id, bsn) + "," + TestCitizens.json(second, TestCitizens.newBsn())
                .replace("1980-04-01", "1980-13-01") + "]";
        ResponseEntity<String> response = http.post("/api/v1/citizens/batch", body);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(Http.pointers(response)).containsExactly("#/1/birthDate");
        assertThat(exists(id)).isFalse();
    }

    @Test
    void batch_valid_storesAll() {
        UUID second = UUID.randomUUID();
        String body = "[" + TestCitizens.json(id, bsn) + "," + TestCitizens.json(second, TestCitizens.newBsn()) + "]";
        ResponseEntity<String> response = http.post("/api/v1/citizens/batch", body);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        assertThat(exists(id) && exists(second)).isTrue();
    }

    @Test
    void contacts_ofCitizen_pagedNewestFirst() {
        http.put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn));
        for (int day = 1; day <= 3; day++) {
            http.post("/api/v1/contacts", """
                    {"source":"t","sourceId":"%s-%d","citizenId":"%s","channel":"desk","direction":"inbound",
                     "kind":"request","topic":"paspoort-id-kaart","occurredAt":"2026-02-0%dT10:00:00Z"}
                    """.formatted(id, day, id, day));
        }
        ResponseEntity<String> page = http.get("/api/v1/citizens/" + id + "/contacts?page=0&size=2");
        assertThat(Http.json(page).path("total").asInt()).isEqualTo(3);
        assertThat(Http.json(page).path("items").size()).isEqualTo(2);
        assertThat(Http.json(page).path("items").get(0).path("occurredAt").asText()).startsWith("2026-02-03");
    }
}
