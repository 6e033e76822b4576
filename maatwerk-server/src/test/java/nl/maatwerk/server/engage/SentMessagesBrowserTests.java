package nl.maatwerk.server.engage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.maatwerk.core.model.Channel;
import nl.maatwerk.core.template.RenderedEmail;
import nl.maatwerk.core.template.SmsLength;
import nl.maatwerk.core.template.SmsMessage;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.web.Browser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Verzonden berichten" in headless Chromium: the list, an e-mail, an SMS and a letter, and the audit entries. */
@ApiTest
class SentMessagesBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    long id(String key) {
        return jdbc.queryForObject("select id from outbox_message where idempotency_key = ?", Long.class, key);
    }

    @Test
    void sentMessages_listAndOpenEachKind_andOpeningIsAudited() throws Exception {
        UUID citizen = UUID.randomUUID();
        jdbc.update("insert into citizen (id, birth_date, household_type) values (?, date '1975-05-05', 'single')", citizen);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().plusSeconds(86_400);   // not yet due: stays "created" whatever else dispatches
        outbox.enqueueAll(List.of(
                new OutgoingMessage("browser-" + run + "-mail", citizen, "paspoort-verloopt", Channel.EMAIL, "proactive_service",
                        "jan@example.nl", new RenderedEmail("Uw paspoort verloopt",
                        "<p>Beste Jan,</p><p>Uw paspoort verloopt op <b>14 februari 2027</b>.</p><script>alert(1)</script>",
                        "Beste Jan, uw paspoort verloopt op 14 februari 2027."), now),
                new OutgoingMessage("browser-" + run + "-sms", citizen, "bezwaartermijn", Channel.SMS, "proactive_service",
                        "+31612345678", new SmsMessage("De bezwaartermijn van uw zaak loopt over 5 dagen af.",
                        SmsLength.of("De bezwaartermijn van uw zaak loopt over 5 dagen af.")), now),
                new OutgoingMessage("browser-" + run + "-letter", citizen, "paspoort-verloopt", Channel.LETTER,
                        "proactive_service", null, LetterTests.letter("J. de Vries"), now)));
        long auditBefore = jdbc.queryForObject("select count(*) from audit_log where (select pseudonym from audit_subject where citizen_id = ?) = any(citizen_ids)", Long.class, citizen);

        try (Browser browser = Browser.open()) {
            browser.get("http://localhost:" + port + "/messages?channel=email");
            assertThat(browser.driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("Verzonden berichten");
            assertThat(browser.driver.findElements(By.cssSelector("table.sent-list tbody tr"))).isNotEmpty()
                    .allMatch(tr -> tr.findElements(By.tagName("td")).get(2).getText().equals("e-mail"));
            assertThat(browser.driver.findElement(By.cssSelector("table.sent-list")).getText()).doesNotContain("jan@example.nl");
            Files.size(browser.screenshot("sent-messages-list.png"));

            browser.get("http://localhost:" + port + "/messages/" + id("browser-" + run + "-mail"));
            assertThat(browser.driver.findElement(By.cssSelector("section.email h2")).getText()).isEqualTo("Uw paspoort verloopt");
            assertThat(browser.driver.findElement(By.cssSelector("iframe.mail")).getAttribute("sandbox")).isEmpty();
            browser.driver.switchTo().frame(browser.driver.findElement(By.cssSelector("iframe.mail")));
            assertThat(browser.driver.findElement(By.tagName("b")).getText()).isEqualTo("14 februari 2027");
            browser.driver.switchTo().defaultContent();
            assertThat(Files.size(browser.screenshot("sent-message-email.png"))).isGreaterThan(10_000);

            browser.get("http://localhost:" + port + "/messages/" + id("browser-" + run + "-sms"));
            assertThat(browser.driver.findElement(By.cssSelector(".bubble")).getText())
                    .isEqualTo("De bezwaartermijn van uw zaak loopt over 5 dagen af.");
            browser.screenshot("sent-message-sms.png");

            browser.get("http://localhost:" + port + "/messages/" + id("browser-" + run + "-letter"));
            assertThat(browser.driver.findElement(By.cssSelector("iframe.letter")).getAttribute("src")).endsWith("/letter.pdf");
            browser.screenshot("sent-message-letter.png");
        }
        long auditAfter = jdbc.queryForObject("select count(*) from audit_log where (select pseudonym from audit_subject where citizen_id = ?) = any(citizen_ids)", Long.class, citizen);
        assertThat(auditAfter - auditBefore).as("page views and the e-mail / letter documents").isGreaterThanOrEqualTo(4);
    }
}
