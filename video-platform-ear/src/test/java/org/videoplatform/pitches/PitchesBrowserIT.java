package org.videoplatform.pitches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.videoplatform.ApiClient;
import org.videoplatform.Browser;
import org.videoplatform.DemoAccounts;
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformEar;
import org.videoplatform.members.VettedMember;

/** A producer attaches a script and submits a pitch, the lead greenlights it, and the production appears for the producer. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PitchesBrowserIT {

    private static final String SCRIPT = "%PDF-1.4 a very short script";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    private static Path script() {
        try {
            Path folder = Files.createTempDirectory("upload");
            return Files.write(folder.resolve("script.pdf"), SCRIPT.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void producerSubmitsLeadGreenlightsAndTheProductionAppears() throws IOException {
        String title = "Night buses " + UUID.randomUUID().toString().substring(0, 6);
        String pitchUrl;
        try (Browser producer = new Browser()) {
            producer.signInAs(DemoAccounts.PRODUCER, "#/pitches/new");
            WebElement form = producer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pitch-form")));
            form.findElement(By.name("title")).sendKeys(title);
            form.findElement(By.name("logline")).sendKeys("Who gets home when the last bus goes");
            form.findElement(By.cssSelector("input[value=TIKTOK]")).click();
            form.findElement(By.cssSelector("button[type=submit]")).click();

            // The script goes from the browser straight to the S3 server (cross-origin, presigned).
            WebElement file = producer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#attachments input[type=file]")));
            file.sendKeys(script().toString());
            // Tapped twice on a slow line: the file is attached once.
            producer.driver.executeScript("arguments[0].click(); arguments[0].click();",
                    producer.driver.findElement(By.xpath("//section[@id='attachments']//button[text()='Upload']")));
            producer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), "script.pdf"));
            assertEquals(1, producer.driver.findElements(By.cssSelector("#attachments li")).size());
            // A computer with no program for a file gives it no type: the page names it by its extension.
            producer.driver.executeScript("const files = new DataTransfer();"
                    + " files.items.add(new File(['PK notes'], 'notes.docx', { type: '' }));"
                    + " document.querySelector('#attachments input[type=file]').files = files.files;");
            producer.driver.findElement(By.xpath("//section[@id='attachments']//button[text()='Upload']")).click();
            producer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("attachments"), "notes.docx"));
            assertEquals(2, producer.driver.findElements(By.cssSelector("#attachments li")).size());

            // An edit typed but not saved would not go with the pitch: the producer is told, and nothing is sent.
            WebElement logline = producer.driver.findElement(By.cssSelector("#pitch-form [name=logline]"));
            logline.sendKeys(", and who pays for the taxi");
            producer.driver.findElement(By.cssSelector("button[data-move=submission]")).click();
            producer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=alert]"), "Save your changes first"));
            assertEquals("draft", producer.driver.findElement(By.id("pitch-state")).getText());
            producer.driver.findElement(By.xpath("//form[@id='pitch-form']//button[text()='Save changes']")).click();
            producer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("dl"), "and who pays for the taxi"));

            producer.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-move=submission]"))).click();
            producer.wait.until(ExpectedConditions.textToBe(By.id("pitch-state"), "submitted"));
            pitchUrl = producer.driver.getCurrentUrl();
            producer.screenshot("pitch-submitted");
        }
        try (Browser lead = new Browser()) {
            lead.signInAs(DemoAccounts.LEAD, pitchUrl.substring(pitchUrl.indexOf('#')));
            // The script comes through the API under its own name, with no link that names it.
            Path downloads = lead.savesDownloads();
            lead.wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//section[@id='attachments']//button[text()='script.pdf']")))
                    .click();
            // Chromium saves under a temporary name and renames the file once it is whole.
            lead.wait.until(d -> Files.exists(downloads.resolve("script.pdf")));
            assertEquals(SCRIPT, Files.readString(downloads.resolve("script.pdf"), StandardCharsets.US_ASCII));

            // Feedback is required to decline: a refusal keeps what was typed, in a box big enough to write it.
            lead.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-move=decline]"))).click();
            WebElement feedback = lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[data-move=decline] textarea")));
            feedback.sendKeys("   ");
            lead.driver.executeScript("document.querySelector('form[data-move=decline] textarea').removeAttribute('required')");
            lead.driver.findElement(By.cssSelector("form[data-move=decline] button[type=submit]")).click();
            lead.wait.until(ExpectedConditions.attributeToBe(feedback, "aria-invalid", "true"));
            assertEquals("submitted", lead.driver.findElement(By.id("pitch-state")).getText());
            lead.driver.findElement(By.xpath("//form[@data-move='decline']//button[text()='Cancel']")).click();

            lead.driver.findElement(By.cssSelector("button[data-move=greenlight]")).click();
            lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[data-move=greenlight] textarea")))
                    .sendKeys("Go: film it before the council vote");
            lead.driver.findElement(By.cssSelector("form[data-move=greenlight] button[type=submit]")).click();
            lead.wait.until(ExpectedConditions.textToBe(By.id("pitch-state"), "greenlit"));
            lead.screenshot("pitch-greenlit");
        }
        try (Browser producer = new Browser()) {
            producer.signInAs(DemoAccounts.PRODUCER, "#/pitches");
            producer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("productions"), title));
            assertTrue(producer.driver.findElement(By.id("productions")).getText().contains("from a pitch"));
            producer.screenshot("production-appears");
            producer.driver.get(pitchUrl);
            producer.wait.until(ExpectedConditions.textToBe(By.id("lead-feedback"), "The lead's note: Go: film it before the council vote"));
        }
    }

    @Test
    void aProducerInvitesCrewAndTakesThemOffAgain() {
        String region = "Dales " + UUID.randomUUID();
        VettedMember camera = VettedMember.vetted("Cora Camera");
        String shown = "Cora " + region.substring(region.length() - 6);
        assertEquals(200, ApiClient.send("PUT", "/api/profile", camera.token(), "application/json", "{\"displayName\": \"" + shown
                + "\", \"region\": \"" + region + "\", \"skills\": [\"CAMERA\"], \"portfolioLinks\": []}").statusCode());
        String pitch = ApiClient.object(ApiClient.send("POST", "/api/pitches", DemoAccounts.PRODUCER.token(), "application/json",
                "{\"title\": \"Crewing up\"}")).getString("id");
        try (Browser producer = new Browser()) {
            producer.signInAs(DemoAccounts.PRODUCER, "#/pitches/" + pitch);
            producer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("crew-region"))).sendKeys(region);
            producer.driver.findElement(By.xpath("//section[@id='crew']//button[text()='Find crew']")).click();
            producer.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Invite " + shown + "']"))).click();
            producer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[aria-label='Take " + shown + " off the crew']")))
                    .click();
            producer.driver.switchTo().alert().dismiss();
            assertEquals(200, ApiClient.get("/api/pitches/" + pitch, camera.token()).statusCode(), "asked first, and left on when the answer is no");
            producer.driver.findElement(By.cssSelector("button[aria-label='Take " + shown + " off the crew']")).click();
            producer.driver.switchTo().alert().accept();
            producer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("crew"), "Nobody yet."));
        }
        assertEquals(404, ApiClient.get("/api/pitches/" + pitch, camera.token()).statusCode());
    }

    @Test
    void aLeadNarrowsTheBoardByProducerAndFormatWithoutLosingTheKeyboard() {
        String title = "Filtered " + UUID.randomUUID();
        String producer = DemoAccounts.PRODUCER.token();
        String pitch = ApiClient.object(ApiClient.send("POST", "/api/pitches", producer, "application/json",
                "{\"title\": \"" + title + "\", \"format\": \"SHORT_FILM\"}")).getString("id");
        assertEquals(200, ApiClient.send("POST", "/api/pitches/" + pitch + "/submission", producer, null, null).statusCode());
        try (Browser lead = new Browser()) {
            lead.signInAs(DemoAccounts.LEAD, "#/pitches");
            lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[data-filter=producer]")))
                    .sendKeys("pat\n");
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pitch-board"), title));

            // The first format after "Any format" is the short film; the arrow key moves the closed select to it.
            WebElement format = lead.driver.findElement(By.cssSelector("select[data-filter=format]"));
            lead.driver.executeScript("document.querySelector('#pitch-board section').dataset.before = 'the key'");
            format.sendKeys(Keys.ARROW_DOWN);
            lead.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pitch-board [data-before]"), 0));
            assertTrue(lead.driver.findElement(By.id("pitch-board")).getText().contains(title));
            assertEquals("format", lead.driver.executeScript("return document.activeElement.dataset.filter"),
                    "the select keeps the focus while the board is redrawn");
            format.sendKeys(Keys.ARROW_DOWN);
            lead.wait.until(d -> !d.findElement(By.id("pitch-board")).getText().contains(title));
            assertEquals("format", lead.driver.executeScript("return document.activeElement.dataset.filter"));
        }
    }

    @Test
    void aDeadlineLastsTheWholeOfItsDayWhereTheViewerIs() {
        String title = "Due today " + UUID.randomUUID().toString().substring(0, 6);
        String zone = "America/Los_Angeles";
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        HttpResponse<String> pitched = ApiClient.send("POST", "/api/pitches", DemoAccounts.PRODUCER.token(), "application/json",
                "{\"title\": \"" + title + "\", \"deadline\": \"" + today + "\"}");
        assertEquals(201, pitched.statusCode(), pitched.body());

        try (Browser producer = new Browser()) {
            producer.inTimeZone(zone);
            producer.signInAs(DemoAccounts.PRODUCER, "#/pitches");
            WebElement card = producer.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//ul[@class='cards']/li[a[text()='" + title + "']]")));
            assertTrue(card.getText().contains("Deadline within a week"), "due later today in California, not passed: " + card.getText());
            assertFalse(card.getText().contains(today.toString()), "the date reads as the viewer's dates do: " + card.getText());
        }
    }

    @Test
    void whatAProducerTypedSurvivesTheEndOfTheirSignIn() {
        // An account of this test's own: ending every sign-in of a shared demo account would end other tests' too.
        VettedMember member = VettedMember.vetted("Dot Depot");
        HttpResponse<String> pitched = ApiClient.send("POST", "/api/pitches", member.token(), "application/json",
                "{\"title\": \"Depot night shift " + UUID.randomUUID().toString().substring(0, 6) + "\"}");
        assertEquals(201, pitched.statusCode(), pitched.body());
        String page = "#/pitches/" + ApiClient.object(pitched).getString("id");
        String typed = "Could we film at the depot when the night shift starts?";
        try (Browser producer = new Browser()) {
            producer.signInAs(member.email(), member.password(), page);
            WebElement message = producer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#comment-form textarea")));
            message.sendKeys(typed);

            KeycloakAdmin.endSessions(member.email());
            // A day later by the page's clock: its token has run out and must be refreshed, which the ended sign-in refuses.
            producer.driver.executeScript("const getTime = Date.prototype.getTime;"
                    + " Date.prototype.getTime = function () { return getTime.call(this) + 24 * 3600 * 1000; };");
            producer.driver.findElement(By.cssSelector("#comment-form button[type=submit]")).click();

            // Keycloak's page, where keycloak-js sends a browser whose sign-in has ended.
            producer.signInOnKeycloaksPage(member.email(), member.password());

            producer.wait.until(d -> typed.equals(d.findElement(By.cssSelector("#comment-form textarea")).getAttribute("value")));
            assertTrue(producer.driver.getCurrentUrl().endsWith(page), producer.driver.getCurrentUrl());
        }
    }

    @Test
    void whatTheServerRefusesIsSaidBesideItsField() {
        try (Browser producer = new Browser()) {
            producer.signInAs(DemoAccounts.PRODUCER, "#/pitches/new");
            WebElement form = producer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pitch-form")));
            form.findElement(By.name("title")).sendKeys("Allotment waiting lists");
            WebElement goal = form.findElement(By.name("goal"));
            goal.sendKeys("x".repeat(1001));
            form.findElement(By.cssSelector("button[type=submit]")).click();

            WebElement said = producer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#pitch-form .field-error")));
            assertEquals("true", goal.getAttribute("aria-invalid"));
            assertEquals(said.getAttribute("id"), goal.getAttribute("aria-describedby"));
            assertTrue(said.getText().contains("1000"), said.getText());
            assertEquals(goal, producer.driver.switchTo().activeElement(), "the field to mend has the focus");
            assertEquals("Check the marked fields.", form.findElement(By.cssSelector(".notice")).getText());
            assertEquals("alert", form.findElement(By.cssSelector(".notice")).getAriaRole(), "read out wherever the focus is");
        }
    }
}
