package nl.maatwerk.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.UUID;
import nl.maatwerk.server.ApiTest;
import nl.maatwerk.server.TestSecurity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The login form, the administration page and the API documentation in Chromium, under the Content-Security-Policy. */
@ApiTest
class SecurityBrowserTests {

    @LocalServerPort
    int port;

    @BeforeAll
    static void chromium() {
        Browser.assumeInstalled();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void loginForm_inDutchAndEnglish_thenTheHeaderShowsUserAndRole() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.get(url("/login?lang=en"));
            assertThat(browser.driver.getPageSource()).contains("Log in with Test-IdP").contains("User name");
            assertThat(Files.size(browser.screenshot("login-en.png"))).isGreaterThan(5_000);
            browser.get(url("/login?lang=nl"));
            assertThat(browser.driver.getPageSource()).contains("Gebruikersnaam").contains("Inloggen met Test-IdP");
            browser.login("nobody", "wrong password!");
            assertThat(browser.driver.findElement(By.id("login-error")).getText()).contains("Onjuiste gebruikersnaam");
            assertThat(Files.size(browser.screenshot("login-error.png"))).isGreaterThan(5_000);

            browser.login(url(""), TestSecurity.BROWSER_USER, TestSecurity.BROWSER_PASSWORD);
            assertThat(browser.driver.findElement(By.cssSelector("header .who .user")).getText()).isEqualTo(TestSecurity.BROWSER_USER);
            assertThat(browser.driver.findElement(By.cssSelector("header .who .role")).getText()).isEqualTo("beheer");
            browser.driver.findElement(By.cssSelector("header .who form.logout button")).click();
            browser.waitFor(d -> d.getCurrentUrl().endsWith("/login?logout"));
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }

    @Test
    void beheerPage_issuesAKeyShownOnce_thatWorks_andRevokesIt() throws Exception {
        String owner = "browser-koppeling-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open()) {
            browser.get(url("/beheer"));
            WebElement form = browser.driver.findElement(By.id("new-key"));
            form.findElement(By.name("owner")).sendKeys(owner);
            form.findElement(By.cssSelector("input[name=roles][value=integrator]")).click();
            form.findElement(By.cssSelector("button[type=submit]")).click();
            String secret = browser.waitFor(d -> d.findElement(By.cssSelector("#issued-key code.secret"))).getText();
            assertThat(secret).startsWith("mwk_");
            assertThat(Files.size(browser.screenshot("beheer.png"))).isGreaterThan(10_000);

            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> asIntegrator = client.send(HttpRequest.newBuilder(URI.create(url("/api/v1/registers/purposes")))
                    .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(asIntegrator.statusCode()).isEqualTo(200);

            browser.get(url("/beheer?lang=en"));
            assertThat(browser.driver.getPageSource()).contains("API keys").doesNotContain(secret);
            WebElement row = browser.driver.findElement(By.xpath("//table[@id='keys']//tr[td[normalize-space()='" + owner + "']]"));
            row.findElement(By.cssSelector("form button")).click();
            browser.waitFor(d -> d.findElement(By.xpath("//table[@id='keys']//tr[td[normalize-space()='" + owner + "']]"))
                    .getText().contains("revoked"));
            assertThat(Files.size(browser.screenshot("beheer-en.png"))).isGreaterThan(10_000);
            HttpResponse<String> revoked = client.send(HttpRequest.newBuilder(URI.create(url("/api/v1/registers/purposes")))
                    .header("Authorization", "Bearer " + secret).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(revoked.statusCode()).isEqualTo(401);
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }

    @Test
    void swaggerUi_rendersUnderTheContentSecurityPolicy() throws Exception {
        try (Browser browser = Browser.open()) {
            browser.get(url("/api/v1/docs"));
            browser.waitFor(d -> !d.findElements(By.cssSelector(".swagger-ui .opblock")).isEmpty());
            assertThat(Files.size(browser.screenshot("api-docs.png"))).isGreaterThan(10_000);
            assertThat(browser.console()).noneMatch(line -> line.contains("Content Security Policy"));
        }
    }
}
