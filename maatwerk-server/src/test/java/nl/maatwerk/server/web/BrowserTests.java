package nl.maatwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages in a real browser; screenshots land in target/screenshots for a person to look at. */
@ApiTest
class BrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void home_drawsTheChannelChartInTheBrowser() throws Exception {
        new Http(rest).post("/api/v1/contacts", """
                {"source":"browser","sourceId":"%s","channel":"chat","direction":"inbound","kind":"question",
                 "topic":"afval","occurredAt":"2026-02-03T10:00:00Z"}""".formatted(UUID.randomUUID()));
        try (Browser browser = Browser.open()) {
            browser.get(url("/"));
            assertThat(browser.driver.getPageSource()).contains("Wat is geladen");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#channel-chart canvas")).isEmpty());
            assertThat(Files.size(browser.screenshot("home.png"))).isGreaterThan(10_000);
            browser.get(url("/?lang=en"));
            assertThat(browser.driver.getPageSource()).contains("What is loaded");
            assertThat(Files.size(browser.screenshot("home-en.png"))).isGreaterThan(10_000);
        }
    }

    @Test
    void citizenPage_loadsMoreOfTheTimelineWithHtmx() throws Exception {
        UUID id = UUID.randomUUID();
        Http http = new Http(rest);
        http.put("/api/v1/citizens/" + id, TestCitizens.json(id, TestCitizens.newBsn()));
        for (int i = 0; i < 25; i++) {
            http.post("/api/v1/contacts", """
                    {"source":"browser","sourceId":"%s-%d","citizenId":"%s","channel":"phone","direction":"inbound",
                     "kind":"question","topic":"belastingen","occurredAt":"2026-01-%02dT10:00:00Z"}""".formatted(id, i, id, i + 1));
        }
        try (Browser browser = Browser.open()) {
            browser.get(url("/citizens/" + id));
            assertThat(browser.driver.getPageSource()).contains("Contacttijdlijn");
            int before = browser.driver.findElements(By.cssSelector("#timeline tr")).size();
            browser.driver.findElement(By.cssSelector("tr.more button")).click();
            browser.waitFor(d -> d.findElements(By.cssSelector("#timeline tr")).size() > before);
            assertThat(Files.size(browser.screenshot("citizen.png"))).isGreaterThan(10_000);
        }
    }
}
