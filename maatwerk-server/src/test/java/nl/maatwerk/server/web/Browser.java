package nl.maatwerk.server.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import nl.maatwerk.server.TestSecurity;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver (Selenium), for looking at pages as a person
 * would: clicking, choosing, and screenshots in target/screenshots.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    public final ChromeDriver driver;

    private Browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1300,1100", "--hide-scrollbars", "--disable-background-networking", "--no-first-run");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public static void assumeInstalled() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install chromium chromium-driver); .ci/run installs them");
    }

    public static Browser open() {
        return new Browser();
    }

    /** Opens the page; when the application asks for a login first, logs in as the test administrator. */
    public void get(String url) {
        driver.get(url);
        if (onLoginPage() && !URI.create(url).getPath().equals("/login")) {
            login(TestSecurity.BROWSER_USER, TestSecurity.BROWSER_PASSWORD);
            if (!driver.getCurrentUrl().equals(url)) {
                driver.get(url);
            }
        }
    }

    /** Opens the login page of the application at {@code baseUrl} and logs in through the form. */
    void login(String baseUrl, String user, String password) {
        driver.get(baseUrl + "/login");
        login(user, password);
    }

    /** Fills in and sends the login form shown now; waits for the next page (the one asked for, or the form again). */
    void login(String user, String password) {
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        org.openqa.selenium.WebElement submit = driver.findElement(By.cssSelector("form.login-form button[type=submit]"));
        submit.click();
        waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(submit));
    }

    /** What the page wrote to the console so far (errors, Content-Security-Policy violations, …); reading empties it. */
    java.util.List<String> console() {
        return driver.manage().logs().get("browser").getAll().stream().map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    boolean onLoginPage() {
        return URI.create(driver.getCurrentUrl()).getPath().equals("/login");
    }

    public <T> T waitFor(Function<WebDriver, T> condition) {
        // a condition may read an element while a click reloads the page: ask again on the new page
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** The whole page, not just the window. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(1300, (int) Math.min(Math.max(height, 700), 6000)));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        driver.manage().window().setSize(new Dimension(1300, 1100));
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
