package nl.maatwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestCitizens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The privacy officer files an access and an erasure request on /privacy/requests in a real browser. */
@ApiTest
class PrivacyRequestBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    @Test
    void requestsPage_filesAccessThenErasure_showsExportLinksAndTheOutcome() throws Exception {
        Http http = new Http(rest);
        UUID id = UUID.randomUUID();
        String bsn = TestCitizens.newBsn();
        http.put("/api/v1/citizens/" + id, TestCitizens.json(id, bsn));
        try (Browser browser = Browser.open()) {
            browser.get("http://localhost:" + port + "/privacy/requests");
            browser.driver.findElement(By.name("citizen")).sendKeys(bsn);
            browser.driver.findElement(By.name("reason")).sendKeys("Brief van de inwoner, 1 december");
            browser.driver.findElement(By.cssSelector("form.audit-search button")).click();
            browser.waitFor(d -> !d.findElements(By.cssSelector(".filed a")).isEmpty());
            assertThat(browser.driver.findElement(By.cssSelector(".filed")).getText()).contains("Inzageverzoek vastgelegd");
            assertThat(Files.size(browser.screenshot("privacy-requests-access.png"))).isGreaterThan(10_000);

            new Select(browser.driver.findElement(By.name("type"))).selectByValue("erasure");
            browser.driver.findElement(By.name("citizen")).sendKeys(id.toString());
            browser.driver.findElement(By.cssSelector("form.audit-search button")).click();
            browser.waitFor(d -> d.findElement(By.cssSelector(".filed")).getText().contains("verwijderd"));
            assertThat(browser.driver.findElement(By.cssSelector(".filed")).getText()).contains("citizen 1");
            assertThat(Files.size(browser.screenshot("privacy-requests-erasure.png"))).isGreaterThan(10_000);
        }
        assertThat(http.get("/api/v1/citizens/" + id).getStatusCode().value()).isEqualTo(404);
    }
}
