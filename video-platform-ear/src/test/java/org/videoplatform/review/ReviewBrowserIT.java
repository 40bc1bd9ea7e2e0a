package org.videoplatform.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.send;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.videoplatform.ApiClient;
import org.videoplatform.Browser;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.media.MediaClient;
import org.videoplatform.media.TestMedia;

/**
 * A lead comments on a frame of a 29.97 cut with a drawing, sees the marker and asks for changes;
 * the producer uploads v2 and submits it; the lead finds it in the queue, sees the open note from
 * v1, checks what only a lead can check on the pre-release list, and approves.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReviewBrowserIT {

    private static final Duration SETTLES_WITHIN = Duration.ofMinutes(2);
    private static final int FRAME = 45;

    @TempDir
    Path folder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void aLeadCommentsAtAFrameRequestsChangesAndApprovesTheSecondCut() throws Exception {
        String producerToken = DemoAccounts.PRODUCER.token();
        MediaClient media = MediaClient.platform();
        String title = "Library closures " + System.nanoTime();
        String production = media.production(producerToken, title);
        Path file = TestMedia.NTSC.write(folder);
        String first = media.upload(producerToken, production, file);
        assertEquals("READY", media.awaitSettled(producerToken, production, first, SETTLES_WITHIN).getString("state"));
        assertEquals(200, send("POST", "/api/cuts/" + first + "/submission", producerToken, null, null).statusCode());

        try (Browser lead = new Browser()) {
            lead.signInAs(DemoAccounts.LEAD, "#/productions/" + production + "/review/" + first);
            lead.wait.until(d -> ((Number) lead.driver.executeScript("return document.querySelector('video.review')?.readyState || 0"))
                    .intValue() >= 1);
            showFrame(lead, FRAME);
            lead.wait.until(ExpectedConditions.textToBe(By.cssSelector("output.timecode"), "00:00:01;15"));
            // A range end marked by mistake is taken back before the comment goes.
            lead.driver.findElement(By.xpath("//button[text()='Mark range end here']")).click();
            assertEquals("From 00:00:01;15 to 00:00:01;15", lead.driver.findElement(By.id("comment-at")).getText());
            lead.driver.findElement(By.xpath("//button[text()='Clear range end']")).click();
            assertEquals("At 00:00:01;15", lead.driver.findElement(By.id("comment-at")).getText());

            lead.driver.findElement(By.cssSelector("button[data-tool=arrow]")).click();
            WebElement canvas = lead.driver.findElement(By.cssSelector("canvas.drawing"));
            new Actions(lead.driver).moveToElement(canvas, -100, -60).clickAndHold().moveByOffset(120, 80).release().perform();
            // A box by keyboard: the arrow keys move a crosshair, Enter sets each corner.
            lead.driver.findElement(By.cssSelector("button[data-tool=rectangle]")).click();
            assertEquals("0", canvas.getAttribute("tabindex"), "the picture takes the focus while a box or arrow is drawn");
            canvas.sendKeys(Keys.ENTER, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_DOWN, Keys.ENTER);
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("said"), "Box drawn: 2 shapes"));
            // An arrow by two taps, without a drag.
            lead.driver.findElement(By.cssSelector("button[data-tool=arrow]")).click();
            new Actions(lead.driver).moveToElement(canvas, -50, -30).click().moveToElement(canvas, 40, 30).click().perform();
            lead.driver.findElement(By.id("comment-body")).sendKeys("The logo flashes for one frame here");
            // Written before the comment is added, which must neither lose it nor restart the player.
            lead.driver.findElement(By.id("decision-summary")).sendKeys("Fix the logo flash, then it can go");
            lead.driver.executeScript("document.querySelector('video.review').dataset.before = 'the comment'");
            long followingBefore = listenersOn(lead, "timeupdate");
            assertTrue(followingBefore > 0, "the timecode and the comment list follow the player");
            Object offAtOnce = lead.driver.executeScript("const b = document.querySelector('#comment-form button[type=submit]');"
                    + " b.click(); return b.disabled;");
            assertEquals(Boolean.TRUE, offAtOnce, "the button is off while the comment is sent: a second tap would post it twice");

            WebElement marker = lead.wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".timeline .marker[data-frame='" + FRAME + "']")));
            assertTrue(marker.getAttribute("title").startsWith("00:00:01;15"), marker.getAttribute("title"));
            WebElement comment = lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#comments li")));
            assertTrue(comment.getText().contains("00:00:01;15") && comment.getText().contains("drawing"), comment.getText());
            assertFalse(comment.getText().contains("–"), "at one frame, not a range: " + comment.getText());
            JsonArray drawing = ((JsonObject) ApiClient.json(ApiClient.get("/api/cuts/" + first + "/comments", DemoAccounts.LEAD.token())))
                    .getJsonArray("comments").getJsonObject(0).getJsonArray("drawing");
            assertEquals(List.of("arrow", "rectangle", "arrow"), drawing.getValuesAs(JsonObject.class).stream().map(s -> s.getString("kind")).toList());
            for (JsonObject shape : drawing.getValuesAs(JsonObject.class)) {
                JsonArray points = shape.getJsonArray("points");
                assertNotEquals(points.get(0), points.get(points.size() - 1), "each shape spans two points: " + shape);
            }
            assertEquals("the comment", lead.driver.executeScript("return document.querySelector('video.review').dataset.before"),
                    "the same player, still where it was");
            assertEquals("", lead.driver.findElement(By.id("comment-body")).getAttribute("value"), "the form is ready for the next comment");
            assertEquals(followingBefore, listenersOn(lead, "timeupdate"), "the comment list the new one replaced stopped following the player");
            lead.screenshot("review-comment-at-frame");

            showFrame(lead, 0);
            lead.wait.until(ExpectedConditions.textToBe(By.cssSelector("output.timecode"), "00:00:00;00"));
            lead.driver.findElement(By.cssSelector("#comments .timecode-link")).click();
            lead.wait.until(ExpectedConditions.textToBe(By.cssSelector("output.timecode"), "00:00:01;15"));
            assertEquals(FRAME, currentFrame(lead), "the comment seeks the player to its frame");
            assertEquals("off", lead.driver.findElement(By.cssSelector("output.timecode")).getAttribute("aria-live"),
                    "the timecode is not read out four times a second while the cut plays");
            WebElement forward = lead.driver.findElement(By.xpath("//button[contains(., 'Forward 1 frame')]"));
            assertTrue(forward.getAccessibleName().contains("Forward 1 frame"), "named by the words it shows: " + forward.getAccessibleName());
            forward.click();
            lead.wait.until(ExpectedConditions.textToBe(By.cssSelector("output.timecode"), "00:00:01;16"));

            assertEquals("Fix the logo flash, then it can go", lead.driver.findElement(By.id("decision-summary")).getAttribute("value"));
            lead.driver.findElement(By.cssSelector("button[data-decision=CHANGES_REQUESTED]")).click();
            lead.wait.until(ExpectedConditions.textToBe(By.id("production-state"), "Changes requested"));
        }

        try (Browser producer = new Browser()) {
            producer.signInAs(DemoAccounts.PRODUCER, "#/");
            producer.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notifications"), "Fix the logo flash"));
            producer.driver.get(producer.driver.getCurrentUrl().replaceAll("#.*", "") + "#/productions/" + production);
            producer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uploader input[type=file]"))).sendKeys(file.toString());
            producer.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".uppy-StatusBar-actionBtn--upload"))).click();
            // Only a ready cut not yet submitted offers the button; the live cards are redrawn as events come.
            new WebDriverWait(producer.driver, SETTLES_WITHIN).ignoring(StaleElementReferenceException.class).until(d -> {
                d.findElement(By.xpath("//li[@data-state='READY']//button[text()='Submit for review']")).click();
                return true;
            });
            producer.wait.until(ExpectedConditions.textToBe(By.id("production-state"), "In review"));
            producer.screenshot("review-v2-submitted");

            // Another cut, ready while v2 is in review, waits for the decision instead of offering a Submit that would be refused.
            String third = media.upload(producerToken, production, file);
            assertEquals("READY", media.awaitSettled(producerToken, production, third, SETTLES_WITHIN).getString("state"));
            By thirdCard = By.cssSelector("li[data-media='" + third + "']");
            new WebDriverWait(producer.driver, SETTLES_WITHIN).until(ExpectedConditions.textToBePresentInElementLocated(thirdCard,
                    "Another cut is in review: submit this one once a lead has decided on it."));
            assertTrue(producer.driver.findElement(thirdCard).findElements(By.xpath(".//button[text()='Submit for review']")).isEmpty());
        }

        assertEquals(200, Checklist.imprint(production, producerToken, "A. Organiser", "1 High Street, York").statusCode());
        assertEquals(201, Checklist.consentForm(production, producerToken, "application/pdf", Checklist.SIGNED_FORM).statusCode());
        assertEquals(201, Checklist.captions(production, producerToken, "v2.srt", "1\n00:00:00,000 --> 00:00:01,500\nLibraries matter.\n")
                .statusCode());
        try (Browser lead = new Browser()) {
            lead.signInAs(DemoAccounts.LEAD, "#/");
            lead.wait.until(ExpectedConditions.elementToBeClickable(By.linkText(title))).click();
            WebElement earlier = lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("earlier-open")));
            assertTrue(earlier.getText().contains("v1 00:00:01;15") && earlier.getText().contains("logo flashes"), earlier.getText());
            // The form carries the version of the imprint it shows, so the server takes the lead's correction.
            WebElement promoter = lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#imprint-form [name=promoter]")));
            promoter.clear();
            promoter.sendKeys("A. Organiser for Leeds");
            Path downloads = lead.savesDownloads();
            lead.driver.findElement(By.xpath("//*[@id='checklist']//button[text()='release.pdf']")).click();
            lead.wait.until(d -> Files.exists(downloads.resolve("release.pdf")));
            assertArrayEquals(Checklist.SIGNED_FORM, Files.readAllBytes(downloads.resolve("release.pdf")), "the consent form, saved whole");
            for (JsonObject item : Checklist.of(production, producerToken).getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (item.getString("kind").equals("MANUAL")) {
                    Object offAtOnce = lead.driver.executeScript("const box = document.querySelector(arguments[0]); box.focus(); box.click();"
                            + " return box.disabled;", "input[data-tick='" + item.getString("id") + "']");
                    assertEquals(Boolean.TRUE, offAtOnce, "a box is off while its tick is sent, so a quick second click cannot race it");
                    lead.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.done[data-item='" + item.getString("id") + "']")));
                    assertEquals(item.getString("id"), lead.driver.switchTo().activeElement().getAttribute("data-tick"),
                            "the checklist drawn again keeps the focus on the box ticked");
                }
            }
            assertEquals(0, lead.driver.findElements(By.cssSelector("#checklist li.open")).size(), "every item holds");
            // The checklist was drawn again after each tick; the imprint typed meanwhile and not saved stayed as typed.
            assertEquals("A. Organiser for Leeds", lead.driver.findElement(By.cssSelector("#imprint-form [name=promoter]")).getAttribute("value"));
            lead.driver.findElement(By.cssSelector("#imprint-form button[type=submit]")).click();
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checklist"),
                    "Promoted by A. Organiser for Leeds, 1 High Street, York."));
            lead.driver.findElement(By.id("decision-summary")).sendKeys("Good to go");
            Object allOff = lead.driver.executeScript("document.querySelector('button[data-decision=APPROVED]').click();"
                    + " return [...document.querySelectorAll('button[data-decision]')].every(b => b.disabled);");
            assertEquals(Boolean.TRUE, allOff, "every decision is off while one is sent");
            lead.wait.until(ExpectedConditions.textToBe(By.id("production-state"), "Approved"));
            lead.screenshot("review-approved");

            lead.driver.findElement(By.linkText("Compare with v1")).click();
            lead.wait.until(d -> ((Number) lead.driver.executeScript("return [...document.querySelectorAll('video.review')]"
                    + ".filter(v => v.readyState >= 2).length")).intValue() == 2);
            lead.driver.findElement(By.xpath("//button[text()='Play both']")).click();
            lead.wait.until(d -> (Boolean) lead.driver.executeScript("return [...document.querySelectorAll('video.review')]"
                    + ".every(v => !v.paused && v.currentTime > 0.3)"));
            double apart = ((Number) lead.driver.executeScript("const [a, b] = document.querySelectorAll('video.review');"
                    + " return Math.abs(a.currentTime - b.currentTime)")).doubleValue();
            assertTrue(apart < 0.25, "the two versions play in step, " + apart + " s apart");
            assertEquals(2, lead.driver.findElements(By.cssSelector(".compare #comments")).size(), "each version with its comments");
            lead.screenshot("review-compare");
        }
    }

    /** The page's listeners for an event on the review player, as Chrome's debugger lists them. */
    private static long listenersOn(Browser browser, String event) {
        Map<String, Object> video = browser.driver.executeCdpCommand("Runtime.evaluate",
                Map.of("expression", "document.querySelector('video.review')"));
        Object objectId = ((Map<?, ?>) video.get("result")).get("objectId");
        Map<String, Object> listeners = browser.driver.executeCdpCommand("DOMDebugger.getEventListeners", Map.of("objectId", objectId));
        return ((List<?>) listeners.get("listeners")).stream().filter(listener -> event.equals(((Map<?, ?>) listener).get("type"))).count();
    }

    /** Where a reviewer dragging the native scrubber would leave the playhead: inside the frame. */
    private static void showFrame(Browser browser, int frame) {
        browser.driver.executeScript("const v = document.querySelector('video.review'); v.pause(); v.currentTime = (arguments[0] + 0.5) * 1001 / 30000;",
                frame);
    }

    private static int currentFrame(Browser browser) {
        return ((Number) browser.driver.executeScript(
                "return Math.floor(document.querySelector('video.review').currentTime * 30000 / 1001 + 1e-6)")).intValue();
    }

    @Test
    void anAdminsDoubleClickAddsOneChecklistItem() {
        String title = "Subtitles proofread " + System.nanoTime();
        String admin = DemoAccounts.ADMIN.token();
        List<JsonObject> added;
        try (Browser browser = new Browser()) {
            browser.signInAs(DemoAccounts.ADMIN, "#/checklist");
            browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name=title]"))).sendKeys(title);
            WebElement add = browser.driver.findElement(By.xpath("//button[text()='Add as required']"));
            browser.driver.executeScript("arguments[0].click(); arguments[0].click();", add);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#checklist-items input[value='" + title + "']")));
        } finally {
            // A required item holds every approval back: whatever the clicks added is retired.
            added = ((JsonArray) ApiClient.json(ApiClient.get("/api/checklist-items", admin))).getValuesAs(JsonObject.class)
                    .stream().filter(item -> item.getString("title").equals(title)).toList();
            for (JsonObject item : added) {
                assertEquals(200, send("PUT", "/api/checklist-items/" + item.getString("id"), admin, "application/json",
                        "{\"title\": \"" + title + "\", \"required\": false, \"retired\": true}").statusCode());
            }
        }
        assertEquals(1, added.size(), "the second click of a double click waits for the first: " + added);
    }

    @Test
    void aPortraitCutIsDrawnOnWhereItIsAndItsPlayerComesBackAfterLosingTheStore() throws Exception {
        String producerToken = DemoAccounts.PRODUCER.token();
        MediaClient media = MediaClient.platform();
        String production = media.production(producerToken, "Phone interview " + System.nanoTime());
        String cut = media.upload(producerToken, production, TestMedia.PHONE_PORTRAIT.write(folder));
        assertEquals("READY", media.awaitSettled(producerToken, production, cut, SETTLES_WITHIN).getString("state"));

        try (Browser producer = new Browser()) {
            // Segments come from the store behind links that expire; the playlists come from the API.
            producer.blockRequestsTo("*.ts?*");
            producer.signInAs(DemoAccounts.PRODUCER, "#/productions/" + production + "/review/" + cut);
            WebElement canvas = producer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("canvas.drawing")));
            double shape = (double) canvas.getSize().getWidth() / canvas.getSize().getHeight();
            assertEquals(360.0 / 640, shape, 0.02, "the drawing surface is the upright picture, no bars beside it: " + canvas.getSize());

            new WebDriverWait(producer.driver, Duration.ofMinutes(1))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.stalled")));
            producer.blockRequestsTo();
            new WebDriverWait(producer.driver, Duration.ofMinutes(1)).until(d -> ((Number) producer.driver.executeScript(
                    "return document.querySelector('video.review').readyState")).intValue() >= 2);
            producer.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("p.stalled")));
        }
    }
}
