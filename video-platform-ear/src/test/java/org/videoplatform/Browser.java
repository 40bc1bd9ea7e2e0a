package org.videoplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's chromium and chromium-driver packages, signed in through the
 * real Keycloak login page. Screenshots go to target/screenshots.
 */
public final class Browser implements AutoCloseable {

    public final ChromeDriver driver;
    public final WebDriverWait wait;

    public Browser() {
        try {
            ChromeOptions options = new ChromeOptions()
                    .setBinary(System.getProperty("vp.it.chromium", "/usr/bin/chromium"))
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--no-first-run", "--window-size=1280,900",
                            "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
            // The console is read at the end: a resource the Content Security Policy refused fails the test.
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("vp.it.chromedriver", "/usr/bin/chromedriver")))
                    .build();
            driver = new ChromeDriver(service, options);
            wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the platform at a route such as {@code #/workshops} and signs in on Keycloak's page. */
    public void signInAs(DemoAccounts account, String route) {
        signInAs(account.username, account.password, route);
    }

    /** As {@link #signInAs(DemoAccounts, String)}, for an account a test made, such as a member it vetted. */
    public void signInAs(String username, String password, String route) {
        driver.get(ApiClient.baseUrl() + "/" + route);
        signInOnKeycloaksPage(username, password);
    }

    /** Fills in Keycloak's login page, where the platform has just sent the browser. */
    public void signInOnKeycloaksPage(String name, String password) {
        WebElement username = wait.until(d -> d.findElement(By.id("username")));
        assertTrue(driver.getCurrentUrl().startsWith(System.getProperty("vp.it.keycloak-url")),
                "the shell sends the browser to Keycloak's own login page: " + driver.getCurrentUrl());
        username.sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** A phone's screen, for the screens leads use standing at the door. */
    public void asPhone() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    }

    /** The zone the page's clock and dates are in, for pages that turn times into the viewer's own. */
    public void inTimeZone(String zoneId) {
        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zoneId));
    }

    /** Fails the page's requests to addresses matching these patterns ({@code *} for any text) until called again without. */
    public void blockRequestsTo(String... patterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    /** A folder of its own where the browser saves what the page downloads, without asking. */
    public Path savesDownloads() {
        try {
            Path folder = Files.createTempDirectory("chromium-downloads");
            driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", folder.toString()));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> navigation() {
        return driver.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }

    public void screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of(System.getProperty("vp.it.screenshots")));
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        List<String> refused;
        try {
            refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                    .filter(message -> message.contains("Content Security Policy")).toList();
        } finally {
            driver.quit();
        }
        assertEquals(List.of(), refused, "what the page tried that the Content Security Policy refused");
    }
}
