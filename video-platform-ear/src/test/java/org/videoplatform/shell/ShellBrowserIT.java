package org.videoplatform.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.videoplatform.ApiClient;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;

/**
 * Signs in through the real Keycloak login page in headless Chromium (Debian's chromium and
 * chromium-driver packages) and checks what the shell shows for the person's roles. Screenshots
 * are kept in target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShellBrowserIT {

    private ChromeDriver browser;
    private WebDriverWait wait;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        ChromeOptions options = new ChromeOptions()
                .setBinary(System.getProperty("vp.it.chromium", "/usr/bin/chromium"))
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1280,900",
                        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("vp.it.chromedriver", "/usr/bin/chromedriver")))
                .build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void signInAs(DemoAccounts account) {
        browser.get(ApiClient.baseUrl() + "/");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertTrue(browser.getCurrentUrl().startsWith(System.getProperty("vp.it.keycloak-url")),
                "the shell sends the browser to Keycloak's own login page: " + browser.getCurrentUrl());
        username.sendKeys(account.username);
        browser.findElement(By.id("password")).sendKeys(account.password);
        browser.findElement(By.id("kc-login")).click();
    }

    private List<String> navigation() {
        return browser.findElements(By.cssSelector("#nav a")).stream().map(WebElement::getText).toList();
    }

    private void screenshot(String name) throws IOException {
        Path folder = Files.createDirectories(Path.of(System.getProperty("vp.it.screenshots")));
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void producerSignsInAndSeesWhoTheyAreAndOnlyTheirNavigation() throws IOException {
        signInAs(DemoAccounts.PRODUCER);

        wait.until(ExpectedConditions.textToBe(By.id("who"), "Pat Producer"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Producer"));
        screenshot("shell-producer");

        assertEquals(List.of("Home"), navigation());
        assertTrue(browser.findElement(By.id("logout")).isDisplayed());
    }

    @Test
    void leadSignsInAndOpensTheAuditTrail() throws IOException {
        signInAs(DemoAccounts.LEAD);

        wait.until(ExpectedConditions.textToBe(By.id("who"), "Lee Lead"));
        assertEquals(List.of("Home", "Audit trail"), navigation());

        browser.findElement(By.linkText("Audit trail")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view h1"), "Audit trail"));
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Loading")));
        screenshot("shell-lead-audit");
        assertFalse(browser.findElement(By.id("view")).getText().contains("Something went wrong"));
    }

    @Test
    void unvettedPersonIsToldWhyThereIsNothingForThem() throws IOException {
        signInAs(DemoAccounts.NEWCOMER);

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "not been vetted yet"));
        screenshot("shell-newcomer");
        assertEquals(List.of("Home"), navigation());
    }
}
