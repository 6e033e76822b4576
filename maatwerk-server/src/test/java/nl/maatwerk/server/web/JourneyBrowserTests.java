package nl.maatwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import nl.maatwerk.server.engage.Journeys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The journeys and tasks pages in headless Chromium: editor errors, preview, dry run, kill switch, stats, a task. */
@ApiTest
class JourneyBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Journeys journeys;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void journeyEditor_showsProblemsAtTheirPointer_thenPreviewDryRunKillSwitchAndATask() throws Exception {
        jdbc.update("update journey set enabled = false where enabled");
        String key = "browser-" + Long.toString(System.nanoTime(), 36);
        String yaml = """
                key: %s
                name: Paspoort verloopt (browser)
                purpose: proactive_service
                trigger: {type: document_expiry, offsetDays: -56}
                steps:
                  - id: herinnering
                    type: send
                    templates:
                      email:
                        subject: Uw ((document_type)) verloopt
                        body: "Beste ((first_name)), uw ((document_type)) is geldig tot ((document_expiry_date))."
                      sms:
                        text: "Uw ((document_type)) is geldig tot ((document_expiry_date)). Maak een afspraak."
                  - {id: wacht, type: wait, days: 14}
                  - {id: bellen, type: escalate, action: call, reason: no_reaction_after_14_days}
                """.formatted(key);
        try (Browser browser = Browser.open()) {
            browser.get(url("/journeys"));
            WebElement text = browser.driver.findElement(By.id("journey-text"));
            text.sendKeys(yaml);
            browser.driver.findElement(By.cssSelector("#journey-form button")).click();
            browser.waitFor(d -> !d.findElements(By.id("journey-problems")).isEmpty());
            String problems = browser.driver.findElement(By.id("journey-problems")).getText();
            assertThat(problems).contains("/steps/0/templates/email/body (1:7)", "unknown placeholder ((first_name))",
                    "document_expiry_date");
            assertThat(Files.size(browser.screenshot("journey-editor-problem.png"))).isGreaterThan(10_000);

            text = browser.driver.findElement(By.id("journey-text"));
            text.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            text.sendKeys(yaml.replace("Beste ((first_name)),", "Beste inwoner,"));
            browser.driver.findElement(By.cssSelector("#journey-form button")).click();
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/journeys/" + key));
            assertThat(browser.driver.findElement(By.id("journey-preview")).getText())
                    .contains("Uw paspoort verloopt", "SMS in stap herinnering");

            UUID citizen = citizen();
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Amsterdam"));
            jdbc.update("insert into travel_document (number, citizen_id, type, issue_date, expiry_date) values (?, ?, 'PN', ?, ?)",
                    "B" + Long.toString(System.nanoTime(), 36).toUpperCase().substring(0, 8), citizen, today.minusYears(9),
                    today.plusDays(56));
            browser.driver.findElement(By.id("dry-run")).click();
            browser.waitFor(d -> !d.findElements(By.cssSelector("#dry-run-result .dry-run-counts")).isEmpty());
            assertThat(browser.driver.findElement(By.id("dry-run-result")).getText())
                    .contains("escalated:needs_help:no_digital_address");
            assertThat(Files.size(browser.screenshot("journey-page.png"))).isGreaterThan(10_000);

            journeys.runDue(Instant.now());
            long taskId = jdbc.queryForObject("select id from contact_task where citizen_id = ?", Long.class, citizen);
            browser.get(url("/journeys/" + key));
            browser.waitFor(d -> d.findElement(By.id("stats-chart")).getAttribute("data-rendered") != null);
            browser.driver.findElement(By.id("kill-switch")).click();
            browser.waitFor(d -> d.findElement(By.id("journey-state")).getText().equals("uit"));
            assertThat(journeys.get(key).enabled()).isFalse();

            browser.get(url("/tasks"));
            assertThat(browser.driver.findElement(By.id("task-list")).getText()).contains("Geen digitaal adres bekend");
            long audited = jdbc.queryForObject("select count(*) from audit_log where (select pseudonym from audit_subject where citizen_id = ?) = any(citizen_ids)", Long.class, citizen);
            browser.get(url("/tasks/" + taskId));
            assertThat(browser.driver.findElement(By.tagName("main")).getText()).contains("Paspoort verloopt (browser)",
                    "needs_help:no_digital_address", "geen digitaal adres bekend");
            assertThat(jdbc.queryForObject("select count(*) from audit_log where (select pseudonym from audit_subject where citizen_id = ?) = any(citizen_ids)", Long.class, citizen))
                    .as("opening a task is audit-logged").isEqualTo(audited + 1);
            assertThat(Files.size(browser.screenshot("task.png"))).isGreaterThan(10_000);
            browser.driver.findElement(By.id("task-done")).click();
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/tasks"));
            assertThat(jdbc.queryForObject("select state from contact_task where id = ?", String.class, taskId)).isEqualTo("done");
        }
    }

    private UUID citizen() {
        UUID id = UUID.randomUUID();
        assertThat(new Http(rest).put("/api/v1/citizens/" + id, TestCitizens.json(id, TestCitizens.newBsn()))
                .getStatusCode().value()).isEqualTo(201);
        return id;
    }
}
