package nl.maatwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.Http;
import nl.maatwerk.server.TestTown;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The segment builder in headless Chromium, over the generated test town. */
@ApiTest
class SegmentBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @BeforeAll
    static void town(@Autowired ApplicationContext context) {
        Browser.assumeInstalled();
        TestTown.load(context);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String count(Browser browser) {
        return browser.driver.findElement(By.cssSelector("#preview .count .figure")).getText();
    }

    @Test
    void typing_updatesTheCount_andABrokenExpressionShowsTheErrorAtItsPosition() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.get(url("/segments"));
            WebElement expression = browser.driver.findElement(By.id("expression"));
            expression.sendKeys("age >= 18");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#preview .count .figure")).isEmpty());
            String adults = count(browser);
            assertThat(adults).matches("[0-9.]+");
            expression.sendKeys(" and household.type = \"single\"");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#preview .count .figure")).isEmpty()
                    && !count(browser).equals(adults));
            assertThat(count(browser)).isNotEqualTo(adults);
            assertThat(Files.size(browser.screenshot("segment-builder-count.png"))).isGreaterThan(10_000);

            expression.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            expression.sendKeys("age >= 18\nand houshold.type = \"single\"");
            WebElement error = browser.waitFor(d -> d.findElements(By.cssSelector("#preview .segment-error")).stream().findFirst().orElse(null));
            assertThat(error.getAttribute("data-line")).isEqualTo("2");
            assertThat(error.getAttribute("data-column")).isEqualTo("5");
            assertThat(error.findElement(By.cssSelector(".pad")).getAttribute("textContent")).isEqualTo("    ");
            assertThat(error.findElement(By.cssSelector(".caret")).getText()).isEqualTo("^".repeat("houshold.type".length()));
            assertThat(error.findElement(By.cssSelector(".message")).getText()).contains("houshold.type").contains("household.type");
            assertThat(Files.size(browser.screenshot("segment-builder-error.png"))).isGreaterThan(10_000);

            expression.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            expression.sendKeys("age >= 18 and household.type = ");
            WebElement syntax = browser.waitFor(d -> d.findElements(By.cssSelector("#preview .segment-error[data-column='32']"))
                    .stream().findFirst().orElse(null));
            assertThat(syntax.getAttribute("data-line")).isEqualTo("1");
            assertThat(syntax.findElement(By.cssSelector(".message")).getText()).contains("32");
        }
    }

    @Test
    void segmentPage_drawsTheProfileAndShowsAnOverlap() throws Exception {
        Http http = new Http(rest);
        String prefix = "browser-" + UUID.randomUUID().toString().substring(0, 6);
        http.post("/api/v1/segments", "{\"key\":\"" + prefix + "-adults\",\"name\":\"Volwassenen " + prefix + "\",\"purpose\":\"segmentation\","
                + "\"expression\":\"age >= 18\"}");
        http.post("/api/v1/segments", "{\"key\":\"" + prefix + "-phone\",\"name\":\"Bellers " + prefix + "\",\"purpose\":\"segmentation\","
                + "\"expression\":\"count(contacts where channel = \\\"phone\\\") >= 1\"}");
        http.post("/api/v1/segments", "{\"key\":\"" + prefix + "-adult-phone\",\"name\":\"Volwassen bellers " + prefix + "\",\"purpose\":\"segmentation\","
                + "\"expression\":\"in segment \\\"" + prefix + "-adults\\\" and in segment \\\"" + prefix + "-phone\\\"\"}");
        try (Browser browser = Browser.open()) {
            browser.get(url("/segments/" + prefix + "-adults"));
            browser.waitFor(d -> d.findElements(By.cssSelector(".profile [data-dimension]")).stream()
                    .allMatch(w -> w.getAttribute("data-rendered") != null));
            for (WebElement card : browser.driver.findElements(By.cssSelector(".profile [data-dimension]"))) {
                assertThat(card.getAttribute("data-rendered")).as(card.getAttribute("data-dimension")).isNotEqualTo("error");
                assertThat(card.findElements(By.cssSelector(".chart canvas"))).isNotEmpty();
            }
            new Select(browser.driver.findElement(By.id("other"))).selectByValue(prefix + "-phone");
            browser.waitFor(d -> !d.findElements(By.cssSelector("#overlap .overlap-result")).isEmpty());
            assertThat(browser.driver.findElement(By.cssSelector("#overlap .overlap-result")).getText()).contains(prefix + "-phone");
            assertThat(Files.size(browser.screenshot("segment-profile.png"))).isGreaterThan(20_000);

            browser.get(url("/segments"));
            assertThat(browser.driver.findElement(By.cssSelector(".segment-tree")).getText()).contains("Volwassen bellers " + prefix);
            assertThat(browser.driver.findElements(By.xpath("//ul[@class='segment-tree']/li[a[text()='Volwassen bellers " + prefix + "']]/ul/li"))).hasSize(2);
            assertThat(Files.size(browser.screenshot("segment-tree.png"))).isGreaterThan(10_000);
        } finally {
            for (String key : new String[] {"-adult-phone", "-adults", "-phone"}) {
                http.send(org.springframework.http.HttpMethod.DELETE, "/api/v1/segments/" + prefix + key, null, null);
            }
        }
    }
}
