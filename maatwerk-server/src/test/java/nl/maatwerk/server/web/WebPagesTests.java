package nl.maatwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class WebPagesTests {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void home_showsWhatIsLoadedInDutch() {
        long citizens = jdbc.queryForObject("select count(*) from citizen", Long.class);
        ResponseEntity<String> page = rest.getForEntity("/", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Wat is geladen").contains("Inwoners").contains("lang=\"nl\"")
                .contains(String.format(java.util.Locale.GERMANY, "%,d", citizens).replace(',', '.'));
    }

    @Test
    void home_inEnglishWhenAsked() {
        ResponseEntity<String> page = rest.getForEntity("/?lang=en", String.class);
        assertThat(page.getBody()).contains("What is loaded").contains("lang=\"en\"");
    }

    @Test
    void citizenPage_showsProfileDocumentsAndTimeline() {
        UUID id = UUID.randomUUID();
        String bsn = TestCitizens.newBsn();
        Http http = new Http(rest);
        http.put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn));
        http.post("/api/v1/contacts", """
                {"source":"web-test","sourceId":"%s","citizenId":"%s","channel":"whatsapp","direction":"inbound",
                 "kind":"complaint","topic":"afval","occurredAt":"2026-02-03T10:00:00Z"}""".formatted(id, id));
        ResponseEntity<String> page = rest.getForEntity("/citizens/" + id, String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains(bsn).contains("Gezin met kinderen").contains("WhatsApp").contains("Klacht")
                .contains("Contacttijdlijn").contains("parking_permit_holder").doesNotContain("income_band");
    }

    @Test
    void search_byBsn_redirectsToTheCitizen() {
        UUID id = UUID.randomUUID();
        String bsn = TestCitizens.newBsn();
        new Http(rest).put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn));
        ResponseEntity<String> response = rest.getForEntity("/citizens?q=" + bsn, String.class);
        assertThat(response.getBody()).contains(bsn).contains("Profiel");
    }

    @Test
    void timeline_htmxRequest_getsOnlyRows() {
        UUID id = UUID.randomUUID();
        new Http(rest).put("/api/v1/citizens/" + id, TestCitizens.json(id, TestCitizens.newBsn()));
        HttpHeaders headers = new HttpHeaders();
        headers.set("HX-Request", "true");
        ResponseEntity<String> rows = rest.exchange("/citizens/" + id + "/contacts?page=0", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(rows.getStatusCode().value()).isEqualTo(200);
        assertThat(rows.getBody()).doesNotContain("<html");
    }

    @Test
    void webjars_areServedLocally() {
        assertThat(rest.getForEntity("/webjars/htmx.org/dist/htmx.min.js", String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(rest.getForEntity("/webjars/echarts/dist/echarts.min.js", String.class).getStatusCode().value()).isEqualTo(200);
    }
}
