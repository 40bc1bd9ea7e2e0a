package org.videoplatform.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.videoplatform.ApiClient;
import org.videoplatform.Browser;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;

/** The browser shell after signing in through the real Keycloak login page, per role. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ShellBrowserIT {

    private Browser browser;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @BeforeEach
    void openBrowser() {
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void producerSignsInAndSeesWhoTheyAreAndOnlyTheirNavigation() {
        browser.signInAs(DemoAccounts.PRODUCER, "");

        browser.wait.until(ExpectedConditions.textToBe(By.id("who"), "Pat Producer"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Producer"));
        browser.screenshot("shell-producer");

        assertEquals(List.of("Home", "Pitches", "Productions", "Performance", "My profile"), browser.navigation());
        assertTrue(browser.driver.findElement(By.id("logout")).isDisplayed());

        browser.driver.findElement(By.linkText("My profile")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "vetted at a workshop"));
        browser.wait.until(d -> "My profile".equals(browser.driver.switchTo().activeElement().getText()));
        assertEquals("H1", browser.driver.switchTo().activeElement().getTagName().toUpperCase(), "a screen reader hears where it arrived");
        assertNull(browser.driver.findElement(By.id("view")).getAttribute("aria-live"), "the page is no live region");
    }

    /**
     * The way back from Keycloak's page can break: a line dropped before the sign-in was collected,
     * or a code that waited too long. The page says so and signs in again, where it said "Signing you in…" for good.
     */
    @Test
    void aSignInThatDidNotFinishIsSaidWithAWayToSignInAgain() {
        browser.driver.get(ApiClient.baseUrl() + "/");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        Matcher state = Pattern.compile("[?&]state=([^&]+)").matcher(browser.driver.getCurrentUrl());
        assertTrue(state.find(), browser.driver.getCurrentUrl());

        browser.driver.get(ApiClient.baseUrl() + "/#state=" + state.group(1) + "&code=long-expired");
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-again"))).click();
        browser.signInOnKeycloaksPage(DemoAccounts.PRODUCER.username, DemoAccounts.PRODUCER.password);

        browser.wait.until(ExpectedConditions.textToBe(By.id("who"), "Pat Producer"));
    }

    /** A phone at a workshop passes from hand to hand: signing out leaves no unfinished upload's file name behind. */
    @Test
    void signingOutForgetsUnfinishedUploads() {
        browser.signInAs(DemoAccounts.PRODUCER, "");
        browser.wait.until(ExpectedConditions.textToBe(By.id("who"), "Pat Producer"));
        browser.driver.executeScript("localStorage.setItem('uppyState:production-1', '{\"files\": {\"a\": {\"name\": \"secret plan.mov\"}}}');"
                + " localStorage.setItem('kept', 'yes');");

        browser.driver.findElement(By.id("logout")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.driver.get(ApiClient.baseUrl() + "/app.css");

        assertNull(browser.driver.executeScript("return localStorage.getItem('uppyState:production-1')"));
        assertEquals("yes", browser.driver.executeScript("return localStorage.getItem('kept')"), "only the uploads' state goes");
    }

    @Test
    void leadSignsInAndOpensTheAuditTrail() {
        browser.signInAs(DemoAccounts.LEAD, "");

        browser.wait.until(ExpectedConditions.textToBe(By.id("who"), "Lee Lead"));
        assertEquals(List.of("Home", "Pitches", "Productions", "Performance", "Workshops", "Members", "Roster", "Audit trail"), browser.navigation());

        browser.driver.findElement(By.linkText("Audit trail")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#view h1"), "Audit trail"));
        browser.wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "Loading")));
        browser.screenshot("shell-lead-audit");
        assertFalse(browser.driver.findElement(By.id("view")).getText().contains("Something went wrong"));
        WebElement didCell = browser.driver.findElement(By.cssSelector("#audit tbody tr td:nth-child(3)"));
        String did = didCell.getText();
        assertFalse(did.matches("[a-z]+\\.[a-z-]+"), "actions are said in words, not as the trail keys them: " + did);
        assertEquals("Did", didCell.getAttribute("data-label"), "on a phone, where the rows stack, each cell says its column");
        browser.wait.until(ExpectedConditions.titleIs("Audit trail – Video platform"));
    }

    @Test
    void unvettedPersonIsToldWhyThereIsNothingForThem() {
        browser.signInAs(DemoAccounts.NEWCOMER, "");

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("view"), "not been vetted yet"));
        browser.screenshot("shell-newcomer");
        assertEquals(List.of("Home"), browser.navigation());
    }
}
