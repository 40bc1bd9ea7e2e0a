package org.videoplatform.releases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.videoplatform.ApiClient;
import org.videoplatform.Browser;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.members.VettedMember;
import org.videoplatform.review.Approved;

/**
 * A lead records the release of an approved video and makes a share link; someone follows it to
 * the landing page and makes their own; the lead sees that forward under the link it came from.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReleaseBrowserIT {

    @TempDir
    Path folder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void aReleasedVideosLinkIsForwardedFromItsLandingPage() throws Exception {
        String title = "Out now " + System.nanoTime();
        String production = Approved.production(title, folder);
        String messenger = "Mia" + Long.toString(System.nanoTime(), 36).replaceAll("[^a-z]", "") + " Messenger";
        VettedMember.vetted(messenger);
        try (Browser lead = new Browser()) {
            // Far from UTC, where a form that took UTC for local time would record the post hours off.
            lead.inTimeZone("Asia/Kolkata");
            lead.signInAs(DemoAccounts.LEAD, "#/productions/" + production);
            WebElement form = lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("post-form")));
            new Select(form.findElement(By.name("platform"))).selectByVisibleText("YouTube");
            String post = "https://www.youtube.com/watch?v=" + Long.toString(System.nanoTime(), 36);
            form.findElement(By.name("url")).sendKeys(post);
            form.findElement(By.name("caption")).sendKeys("Out now: share it");
            // Without a time the form is not sent, and the box says what it needs (no "Invalid time value").
            WebElement postedAtBox = form.findElement(By.name("postedAt"));
            Object suggested = lead.driver.executeScript("const box = arguments[0]; const was = box.value; box.value = ''; return was;", postedAtBox);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            assertEquals(Boolean.TRUE, lead.driver.executeScript("return arguments[0].matches(':invalid')", postedAtBox));
            assertEquals("Approved", lead.driver.findElement(By.id("production-state")).getText());
            lead.driver.executeScript("arguments[0].value = arguments[1]", postedAtBox, suggested);
            form.findElement(By.cssSelector("button[type=submit]")).click();
            lead.wait.until(ExpectedConditions.textToBe(By.id("production-state"), "Released"));
            assertTrue(lead.driver.findElement(By.id("posts")).getText().contains(post));
            Instant postedAt = OffsetDateTime.parse(ApiClient.object(ApiClient.get("/api/productions/" + production + "/release", DemoAccounts.LEAD.token()))
                    .getJsonArray("posts").getJsonObject(0).getString("postedAt")).toInstant();
            assertTrue(Duration.between(postedAt, Instant.now()).abs().toMinutes() < 5, "posted at the form's own suggestion, now: " + postedAt);

            // A second post recorded with a typo, and taken off again.
            WebElement another = lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("post-form")));
            new Select(another.findElement(By.name("platform"))).selectByVisibleText("YouTube");
            another.findElement(By.name("url")).sendKeys(post + "typo");
            another.findElement(By.cssSelector("button[type=submit]")).click();
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("posts"), post + "typo"));
            // The page is drawn again after the post was recorded: wait for the button on the page as drawn now.
            lead.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Take off YouTube " + post + "typo']")))
                    .click();
            lead.wait.until(ExpectedConditions.alertIsPresent()).accept();
            lead.wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id("posts"), post + "typo")));
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("posts"), post));
            assertTrue(lead.driver.findElements(By.cssSelector("#posts button")).isEmpty(), "the only post left cannot be taken off");

            lead.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//section[@id='share-links']//button[text()='New link']"))).click();
            WebElement link = lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#share-links input[aria-label='Link to pass on']")));
            String url = link.getAttribute("value");
            assertTrue(url.matches(".*/s/[0-9A-Za-z]{8}"), url);
            lead.screenshot("release-with-link");

            try (Browser recipient = new Browser()) {
                recipient.driver.get(ApiClient.baseUrl() + "/watch.html?c=Zz9Zz9Zz");
                recipient.wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "This link does not lead anywhere"));
                // A good link on a dropped line is not called broken: it can be tried again.
                recipient.blockRequestsTo("*/api/public/links/*");
                recipient.driver.get(url);
                recipient.wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), "The video could not be loaded just now"));
                recipient.blockRequestsTo();
                recipient.driver.findElement(By.xpath("//button[text()='Try again']")).click();
                recipient.wait.until(ExpectedConditions.textToBe(By.cssSelector("h1"), title));
                // On a dropped line the button says so, rather than doing nothing.
                recipient.blockRequestsTo("*/forwards");
                recipient.driver.findElement(By.cssSelector("button[data-channel=WHATSAPP]")).click();
                recipient.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice"), "check your connection"));
                recipient.blockRequestsTo();
                recipient.driver.findElement(By.cssSelector("button[data-channel=WHATSAPP]")).click();
                String own = recipient.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("own-link-url"))).getAttribute("value");
                assertTrue(own.matches(".*/s/[0-9A-Za-z]{8}") && !own.equals(url), own);
                recipient.screenshot("landing-own-link");
            }

            // The follow was counted once folded; the forward shows under the link it came from.
            new WebDriverWait(lead.driver, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class).until(d -> {
                boolean shown = d.findElements(By.cssSelector("#share-links li li")).size() == 1
                        && d.findElement(By.cssSelector("#share-links > ul > li > p")).getText().contains("1 click ·");
                if (!shown) {
                    lead.driver.executeScript("window.dispatchEvent(new HashChangeEvent('hashchange'))");
                }
                return shown;
            });
            lead.screenshot("release-cascade");

            // A link for a member to pass on, found by name as the lead types.
            WebElement forMember = lead.driver.findElement(By.cssSelector("#share-links input[name=member]"));
            lead.blockRequestsTo("*/api/members?*");
            forMember.sendKeys("Mia");
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.xpath("//section[@id='share-links']//form//p[contains(@class, 'notice')]"), "Members could not be searched"));
            lead.blockRequestsTo();
            forMember.clear();
            forMember.sendKeys(messenger);
            WebElement choice = lead.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#link-members option")));
            forMember.clear();
            forMember.sendKeys(choice.getAttribute("value"));
            lead.driver.findElement(By.xpath("//section[@id='share-links']//button[text()='New link']")).click();
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("share-links"), "for " + messenger.split(" ")[0]));
        }
    }
}
