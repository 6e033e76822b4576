package nl.maatwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.TestTown;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The contact dashboard in headless Chromium, over the generated test town. */
@ApiTest
class DashboardBrowserTests {

    private static final String PERIOD = "from=2025-07-01&to=2026-06-30";

    @LocalServerPort
    int port;

    @BeforeAll
    static void town(@Autowired ApplicationContext context) {
        Browser.assumeInstalled();
        TestTown.load(context);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Waits until every widget has drawn, and returns them. */
    private static List<WebElement> drawn(Browser browser) {
        browser.waitFor(d -> d.findElements(By.cssSelector(".widget[data-api]")).stream()
                .noneMatch(w -> w.getAttribute("data-rendered") == null || "loading".equals(w.getAttribute("data-rendered"))));
        return browser.driver.findElements(By.cssSelector(".widget[data-api]"));
    }

    @Test
    void everyPage_drawsEveryWidgetWithData() throws Exception {
        try (Browser browser = Browser.open()) {
            for (String page : List.of("", "/channels", "/topics", "/districts", "/quality")) {
                browser.get(url("/dashboard" + page + "?" + PERIOD));
                List<WebElement> widgets = drawn(browser);
                assertThat(widgets).as(page).isNotEmpty();
                for (WebElement widget : widgets) {
                    String id = widget.getAttribute("id");
                    assertThat(widget.getAttribute("data-rendered")).as("%s rows", id).isNotEqualTo("error").isNotEqualTo("0");
                    String chart = widget.getAttribute("data-chart");
                    if (List.of("bar", "stack", "line", "heatmap").contains(chart)) {
                        assertThat(widget.findElements(By.cssSelector(".chart canvas"))).as("%s chart", id).isNotEmpty();
                    }
                    if (chart.equals("matrix")) {
                        assertThat(widget.findElements(By.cssSelector(".matrix td")).size()).as("%s cells", id).isGreaterThan(20);
                    }
                    if (chart.equals("figure")) {
                        assertThat(widget.findElement(By.cssSelector(".figure")).getText()).as(id).matches("[0-9.,%<]+");
                    }
                }
                assertThat(Files.size(browser.screenshot("dashboard" + page.replace('/', '-') + ".png"))).isGreaterThan(20_000);
            }
        }
    }

    @Test
    void changingAFilter_changesTheNumbersAndTheUrl() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.get(url("/dashboard?" + PERIOD));
            drawn(browser);
            String all = browser.driver.findElement(By.cssSelector("#total-contacts .figure")).getText();
            new Select(browser.driver.findElement(By.name("channel"))).selectByValue("phone");
            browser.waitFor(d -> d.getCurrentUrl().contains("channel=phone"));
            drawn(browser);
            String phone = browser.driver.findElement(By.cssSelector("#total-contacts .figure")).getText();
            assertThat(phone).isNotEqualTo(all);
            assertThat(number(phone)).isLessThan(number(all)).isPositive();
            assertThat(browser.driver.findElement(By.cssSelector("#volume")).getAttribute("data-api")).contains("channel=phone");
            assertThat(browser.driver.findElement(By.cssSelector("#tab-quality")).getAttribute("href")).contains("channel=phone");
            browser.screenshot("dashboard-phone.png");

            browser.get(browser.driver.getCurrentUrl());
            drawn(browser);
            assertThat(browser.driver.findElement(By.cssSelector("#total-contacts .figure")).getText())
                    .as("the bookmarked URL shows the same view").isEqualTo(phone);
        }
    }

    @Test
    void englishSwitch_translatesTheDashboardAndKeepsTheFilters() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.get(url("/dashboard/quality?lang=nl&channel=desk&" + PERIOD));
            drawn(browser);
            browser.driver.findElement(By.cssSelector("a.lang")).click();
            browser.waitFor(d -> d.getCurrentUrl().contains("lang=en"));
            drawn(browser);
            assertThat(browser.driver.getCurrentUrl()).contains("channel=desk").contains("from=2025-07-01");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Customer contact");
            assertThat(browser.driver.getPageSource()).contains("First-contact resolution per channel");
            browser.screenshot("dashboard-quality-en.png");
            browser.get(url("/dashboard?lang=nl"));
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Klantcontact");
        }
    }

    @Test
    void bulletin_pageListsTheFindingsWithLinksIntoTheDashboard() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.get(url("/bulletins"));
            browser.driver.findElement(By.name("week")).sendKeys("10/20/2025");
            browser.script("document.querySelector('input[name=week]').value = '2025-10-20'");
            browser.driver.findElement(By.cssSelector("form.inline button")).click();
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/bulletins/2025-10-20"));
            List<WebElement> findings = browser.driver.findElements(By.cssSelector("ol.findings li"));
            assertThat(findings).isNotEmpty();
            assertThat(findings.get(0).getText()).contains("openbare-ruimte").contains("WK036394").contains("zeer zeker");
            browser.screenshot("bulletin.png");
            findings.get(0).findElement(By.tagName("a")).click();
            browser.waitFor(d -> d.getCurrentUrl().contains("/dashboard?topic=openbare-ruimte"));
            drawn(browser);
            assertThat(browser.driver.findElement(By.name("district")).getAttribute("value")).isEqualTo("WK036394");
            browser.screenshot("bulletin-drilldown.png");
        }
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replaceAll("[^0-9]", ""));
    }
}
