package org.videoplatform.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.videoplatform.ApiClient;
import org.videoplatform.Browser;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.members.VettedMember;

/** A producer uploads a cut from the production page, watches it go up and through transcoding, and plays the proxy. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MediaBrowserIT {

    @TempDir
    Path folder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void anUploadShowsItsProgressAndTheCutBecomesReady() throws Exception {
        String production = MediaClient.platform().production(DemoAccounts.PRODUCER.token(), "Rent strike explainer");
        Path cut = TestMedia.LANDSCAPE.write(folder);
        // A card above the one uploaded, to be taken off the list later on.
        HttpResponse<String> dropped = ApiClient.send("POST", "/api/productions/" + production + "/media", DemoAccounts.PRODUCER.token(),
                "application/json", "{\"fileName\": \"dropped take.mp4\", \"size\": 300}");
        assertEquals(201, dropped.statusCode(), dropped.body());
        try (Browser producer = producerOn(production)) {
            // A slow line, so the upload lasts long enough to watch.
            onASlowLine(producer, Files.size(cut) / 5);
            upload(producer, cut);

            WebElement status = producer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".uppy-StatusBar.is-uploading")));
            producer.wait.until(d -> status.getText().matches("(?s).*\\d+%.*"));
            producer.wait.until(ExpectedConditions.textMatches(By.id("upload-speed"), Pattern.compile("([1-9]\\d* KB|\\d+\\.\\d MB)/s")));
            String droppedId = ApiClient.object(dropped).getString("id");
            String droppedCard = producer.driver.findElement(By.cssSelector("#cuts li[data-media='" + droppedId + "']")).getText();
            assertTrue(droppedCard.contains("300 bytes"), "a size too small for kilobytes: " + droppedCard);
            Rectangle pause = producer.driver.findElement(By.cssSelector("#uploader .uppy-StatusBar-actionCircleBtn")).getRect();
            assertTrue(pause.width >= 44 && pause.height >= 44, "a button for a thumb: " + pause.width + "×" + pause.height);
            producer.screenshot("upload-in-progress");
            producer.driver.deleteNetworkConditions();

            WebElement card = new WebDriverWait(producer.driver, Duration.ofMinutes(2)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cuts li[data-state=READY]")));
            assertTrue(card.getText().contains("landscape.mp4"), card.getText());
            assertTrue(card.getText().contains("640×360"), card.getText());
            assertEquals(1, card.findElements(By.cssSelector("video.proxy")).size());
            assertEquals(3, card.findElements(By.cssSelector("a.delivery")).size(), "a download per delivery shape");
            producer.wait.until(ExpectedConditions.textMatches(By.id("said"), Pattern.compile("landscape\\.mp4: Ready")));
            producer.screenshot("cut-ready");

            // Another cut's news redraws that cut's card only: a proxy being watched plays on, and the
            // focus stays on the button a keyboard user is on.
            producer.driver.executeScript("arguments[0].keptAcrossUpdates = true", card);
            WebElement download = card.findElement(By.xpath(".//button[text()='Download the original']"));
            producer.driver.executeScript("arguments[0].focus()", download);
            HttpResponse<String> another = ApiClient.send("POST", "/api/productions/" + production + "/media", DemoAccounts.PRODUCER.token(),
                    "application/json", "{\"fileName\": \"second take.mp4\", \"size\": 1000}");
            assertEquals(201, another.statusCode(), another.body());
            producer.wait.until(d -> d.findElements(By.cssSelector("#cuts li[data-media]")).size() == 3);
            assertEquals(Boolean.TRUE, producer.driver.executeScript(
                    "return document.querySelector('#cuts li[data-state=READY]').keptAcrossUpdates === true"));
            assertEquals(download, producer.driver.switchTo().activeElement());
            // A card above it leaving the list does not move it either.
            assertEquals(200, ApiClient.send("DELETE", "/api/media/" + droppedId + "/upload", DemoAccounts.PRODUCER.token(), null, null)
                    .statusCode());
            producer.wait.until(d -> d.findElements(By.cssSelector("#cuts li[data-media]")).size() == 2);
            assertEquals(download, producer.driver.switchTo().activeElement());
            // A download that cannot be had says so beside the button.
            producer.blockRequestsTo("*/original");
            download.click();
            producer.wait.until(ExpectedConditions.visibilityOf(download.findElement(By.xpath("following-sibling::span[contains(@class, 'notice')]"))));
            producer.blockRequestsTo();

            // A card outlives its links, which expire in minutes: they are signed again when used.
            String signingsOfOutputs = "return performance.getEntriesByType('resource').filter((e) => e.name.includes('/outputs')).length";
            long signedBefore = ((Number) producer.driver.executeScript(signingsOfOutputs)).longValue();
            producer.driver.findElement(By.cssSelector("#cuts li[data-state=READY] a.delivery")).click();
            producer.wait.until(d -> ((Number) producer.driver.executeScript(signingsOfOutputs)).longValue() > signedBefore);
            String expired = (String) producer.driver.executeScript("const video = document.querySelector('#cuts video.proxy');"
                    + " video.preload = 'auto'; video.src = video.src.replace(/X-Amz-Signature=[0-9a-f]+/, 'X-Amz-Signature=' + '0'.repeat(64));"
                    + " return video.src;");
            producer.wait.until(d -> producer.driver.executeScript("const video = document.querySelector('#cuts video.proxy');"
                    + " return video.src !== arguments[0] && video.readyState >= 1", expired));
        }
    }

    /**
     * A line that fails without the phone knowing it is offline (weak signal, a Wi-Fi without internet)
     * for longer than Uppy's own retries last: the upload waits, keeps its parts, and carries on.
     */
    @Test
    void anUploadRidesOutAConnectionThatFailsForAWhile() throws Exception {
        String token = DemoAccounts.PRODUCER.token();
        String production = MediaClient.platform().production(token, "Estate walkabout");
        Path cut = TestMedia.LANDSCAPE.write(folder);
        try (Browser producer = producerOn(production)) {
            countPartsSent(producer);
            producer.blockRequestsTo("*partNumber=*");
            upload(producer, cut);

            // Uppy's default retries end after a part's fifth try; a new upload was then thrown away.
            new WebDriverWait(producer.driver, Duration.ofMinutes(1)).until(
                    d -> partsSent(producer) >= 6);
            JsonObject waiting = ((JsonArray) ApiClient.json(ApiClient.get("/api/productions/" + production + "/media", token)))
                    .getJsonObject(0);
            assertEquals("UPLOADING", waiting.getString("state"), waiting.toString());
            producer.blockRequestsTo();

            new WebDriverWait(producer.driver, Duration.ofMinutes(2)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cuts li[data-state=READY]")));
        }
    }

    /** After the tab is closed mid-upload, adding the same file again sends only the parts the store does not hold. */
    @Test
    void anUploadCutOffByAClosedTabResumesWithTheMissingPartsOnly() throws Exception {
        String token = DemoAccounts.PRODUCER.token();
        String production = MediaClient.platform().production(token, "Library closures, raw footage");
        byte[] bytes = thirteenPartsOfNoise(11);
        Path file = Files.write(folder.resolve("library.mov"), bytes);
        try (Browser producer = producerOn(production)) {
            onASlowLine(producer, 4 * 1024 * 1024);
            upload(producer, file);
            String cut = new WebDriverWait(producer.driver, Duration.ofMinutes(1)).until(d -> {
                JsonArray cuts = (JsonArray) ApiClient.json(ApiClient.get("/api/productions/" + production + "/media", token));
                return cuts.isEmpty() ? null : cuts.getJsonObject(0).getString("id");
            });
            int stored = new WebDriverWait(producer.driver, Duration.ofMinutes(1)).until(d -> {
                int parts = ((JsonArray) ApiClient.json(ApiClient.get("/api/media/" + cut + "/parts", token))).size();
                return parts >= 3 ? parts : null;
            });

            producer.driver.navigate().refresh();
            producer.driver.deleteNetworkConditions();
            producer.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#uploader .uppy-Dashboard-Item-reSelect"))).click();
            WebElement input = producer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uploader input[type=file]")));
            countPartsSent(producer);
            producer.screenshot("upload-after-closed-tab");
            input.sendKeys(file.toString());
            producer.screenshot("upload-file-added-again");
            producer.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                    ".uppy-StatusBar-actionBtn--upload, .uppy-StatusBar-actionBtn--retry, button[title=Resume]"))).click();

            new WebDriverWait(producer.driver, Duration.ofMinutes(2)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cuts li[data-state=REJECTED]")));
            long sentAgain = partsSent(producer);
            assertTrue(sentAgain <= 13 - stored, sentAgain + " parts sent after the tab closed, with " + stored + " of 13 stored");
            JsonObject finished = ((JsonArray) ApiClient.json(ApiClient.get("/api/productions/" + production + "/media", token))).getJsonObject(0);
            assertEquals(cut, finished.getString("id"), "the same cut, not a second one");
            assertEquals(sha256(bytes), finished.getString("sha256"));
        }
    }

    /** Leaving the production and coming back mid-upload shows the upload under way, not a second uploader sending it again. */
    @Test
    void aProducerWhoLooksElsewhereMidUploadComesBackToTheSameUpload() throws Exception {
        String token = DemoAccounts.PRODUCER.token();
        String production = MediaClient.platform().production(token, "Bus route cuts, interviews");
        byte[] bytes = thirteenPartsOfNoise(13);
        Path file = Files.write(folder.resolve("interviews.mov"), bytes);
        try (Browser producer = producerOn(production)) {
            onASlowLine(producer, 4 * 1024 * 1024);
            countPartsSent(producer);
            upload(producer, file);
            producer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".uppy-StatusBar.is-uploading")));

            producer.driver.findElement(By.linkText("← Productions")).click();
            producer.wait.until(ExpectedConditions.urlMatches("#/productions$"));
            producer.driver.navigate().back();
            producer.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#uploader .uppy-StatusBar.is-uploading")));
            producer.driver.deleteNetworkConditions();

            new WebDriverWait(producer.driver, Duration.ofMinutes(2)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cuts li[data-state=REJECTED]")));
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L), partsStored(producer), "each part stored once");
        }
    }

    /**
     * A completion that reached the server but whose answer was lost: the cut is joined, so Retry
     * has nothing left to send and finishes, where asking the store for the parts of a joined
     * upload was refused and Retry failed for good.
     */
    @Test
    void anUploadWhoseCompletionWasNeverAnsweredFinishesOnRetry() throws Exception {
        String token = DemoAccounts.PRODUCER.token();
        String production = MediaClient.platform().production(token, "Night bus, a finished film");
        Path file = TestMedia.LANDSCAPE.write(folder);
        try (Browser producer = producerOn(production)) {
            JsonObject cut = uploadedButNotCompleted(producer, production, file, token);
            assertEquals("UPLOADING", cut.getString("state"), cut.toString());
            HttpResponse<String> completed = ApiClient.send("POST", "/api/media/" + cut.getString("id") + "/completion", token, null, null);
            assertEquals(200, completed.statusCode(), completed.body());
            producer.blockRequestsTo();
            producer.driver.findElement(By.cssSelector("#uploader .uppy-StatusBar-actionBtn--retry")).click();

            producer.wait.until(d -> d.findElements(By.cssSelector("#uploader .uppy-Dashboard-Item")).isEmpty());
            assertFalse(producer.driver.findElement(By.cssSelector("#uploader ~ p.notice")).isDisplayed());
        }
    }

    /** An upload stopped on the server (or left too long) cannot go on: Retry says to start again, not that the parts are kept. */
    @Test
    void anUploadWhosePartsWereThrownAwaySaysToStartAgain() throws Exception {
        String token = DemoAccounts.PRODUCER.token();
        String production = MediaClient.platform().production(token, "Night bus, left too long");
        Path file = TestMedia.LANDSCAPE.write(folder);
        try (Browser producer = producerOn(production)) {
            String cut = uploadedButNotCompleted(producer, production, file, token).getString("id");
            assertEquals(200, ApiClient.send("DELETE", "/api/media/" + cut + "/upload", token, null, null).statusCode());
            producer.blockRequestsTo();
            producer.driver.findElement(By.cssSelector("#uploader .uppy-StatusBar-actionBtn--retry")).click();

            WebElement said = producer.driver.findElement(By.cssSelector("#uploader ~ p.notice"));
            producer.wait.until(ExpectedConditions.textToBePresentInElement(said, "Remove it from the list above and add the file again"));
            assertFalse(said.getText().contains("parts sent are kept"), said.getText());
        }
    }

    /** The screen is kept awake from an upload's start to its end but for a pause, and through the line dropping and coming back. */
    @Test
    void theScreenStaysAwakeWhileAnUploadIsSent() throws Exception {
        String token = DemoAccounts.PRODUCER.token();
        String production = MediaClient.platform().production(token, "Food bank queue, raw footage");
        Path file = Files.write(folder.resolve("queue.mov"), thirteenPartsOfNoise(17));
        try (Browser producer = producerOn(production)) {
            // Headless Chrome grants no wake lock; this one keeps what the page asked for.
            producer.driver.executeScript("window.wakeLocks = []; Object.defineProperty(navigator, 'wakeLock', { value: {"
                    + " request: async () => { const lock = { released: false, release: async () => { lock.released = true; } };"
                    + " window.wakeLocks.push(lock); return lock; } } });");
            onASlowLine(producer, 4 * 1024 * 1024);
            countPartsSent(producer);
            upload(producer, file);
            producer.wait.until(d -> awake(producer));

            // Paused, a phone put down may sleep.
            producer.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#uploader button[title=Pause]"))).click();
            producer.wait.until(d -> !awake(producer));
            producer.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#uploader button[title=Resume]"))).click();
            producer.wait.until(d -> awake(producer));

            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            producer.driver.setNetworkConditions(offline);
            producer.wait.until(d -> Boolean.FALSE.equals(producer.driver.executeScript("return navigator.onLine")));
            onASlowLine(producer, 4 * 1024 * 1024);
            int storedWhenBack = partsStored(producer).size();
            new WebDriverWait(producer.driver, Duration.ofMinutes(1)).until(d -> partsStored(producer).size() > storedWhenBack);
            assertTrue(awake(producer), "awake after the line came back, the upload still being sent");

            new WebDriverWait(producer.driver, Duration.ofMinutes(2)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cuts li[data-state=REJECTED]")));
            producer.wait.until(d -> !awake(producer));
        }
    }

    private static boolean awake(Browser browser) {
        return Boolean.TRUE.equals(browser.driver.executeScript("return window.wakeLocks.some((lock) => !lock.released)"));
    }

    /** The server's refusal to open an upload is shown in its words, not as a bare "Upload failed". */
    @Test
    void anUploadTheServerRefusesSaysWhy() throws Exception {
        VettedMember member = VettedMember.vetted("Rafa Refused");
        String production = MediaClient.platform().production(member.token(), "Allotments, a finished film");
        Path cut = TestMedia.LANDSCAPE.write(folder);
        try (Browser producer = new Browser()) {
            producer.signInAs(member.email(), member.password(), "#/productions/" + production);
            producer.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uploader input[type=file]")));
            HttpResponse<String> suspended = ApiClient.send("POST", "/api/members/" + member.memberId() + "/suspension",
                    DemoAccounts.LEAD.token(), "application/json", "{\"reason\": \"pending a conversation\"}");
            assertEquals(200, suspended.statusCode(), suspended.body());
            upload(producer, cut);

            WebElement refusal = producer.wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#uploader ~ p.notice[role=alert]")));
            assertTrue(refusal.getText().startsWith("landscape.mp4: ")
                    && refusal.getText().contains("access to the platform has been withdrawn"), refusal.getText());
        }
    }

    /** A browser signed in as the demo producer, on the production's page. */
    private static Browser producerOn(String production) {
        Browser browser = new Browser();
        try {
            browser.signInAs(DemoAccounts.PRODUCER, "#/productions/" + production);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    /** Thirteen parts at the 8 MiB minimum: more than one request's worth of signed part URLs. */
    private static byte[] thirteenPartsOfNoise(long seed) {
        byte[] bytes = new byte[12 * 8 * 1024 * 1024 + 1024];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void onASlowLine(Browser browser, long uploadBytesPerSecond) {
        ChromiumNetworkConditions slowLine = new ChromiumNetworkConditions();
        slowLine.setUploadThroughput((int) uploadBytesPerSecond);
        slowLine.setDownloadThroughput(50_000_000);
        slowLine.setLatency(Duration.ofMillis(20));
        browser.driver.setNetworkConditions(slowLine);
    }

    /**
     * Sends every part of the file but keeps the completion from reaching the server, and waits for
     * the uploader to show the failure; completion stays blocked until the caller lifts it.
     *
     * @return the production's upload, as the API lists it
     */
    private static JsonObject uploadedButNotCompleted(Browser browser, String production, Path file, String token) {
        browser.blockRequestsTo("*/completion");
        upload(browser, file);
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#uploader .uppy-StatusBar.is-error")));
        return ((JsonArray) ApiClient.json(ApiClient.get("/api/productions/" + production + "/media", token))).getJsonObject(0);
    }

    /** Picks the file in the production's uploader and starts sending it. */
    private static void upload(Browser browser, Path file) {
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#uploader input[type=file]")))
                .sendKeys(file.toString());
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".uppy-StatusBar-actionBtn--upload"))).click();
    }

    /**
     * Counts, from now on, the page's attempts to send a part to the store, failed ones too, and
     * notes the number of each part the store took.
     */
    private static void countPartsSent(Browser browser) {
        browser.driver.executeScript("window.partsSent = 0; window.partsStored = []; const open = XMLHttpRequest.prototype.open;"
                + " XMLHttpRequest.prototype.open = function (method, url, ...rest) {"
                + " if (method === 'PUT' && url.includes('partNumber=')) { window.partsSent++;"
                + " this.addEventListener('load', () => this.status < 300"
                + " && window.partsStored.push(Number(new URL(url).searchParams.get('partNumber')))); }"
                + " return open.call(this, method, url, ...rest); };");
    }

    private static long partsSent(Browser browser) {
        return ((Number) browser.driver.executeScript("return window.partsSent")).longValue();
    }

    /** The numbers of the parts stored since {@link #countPartsSent}, in order, each as often as it was stored. */
    @SuppressWarnings("unchecked")
    private static List<Long> partsStored(Browser browser) {
        return ((List<Long>) browser.driver.executeScript("return window.partsStored.slice().sort((a, b) => a - b)"));
    }

    @Test
    void aFileOfManyPartsGoesUpWhole() throws Exception {
        String token = DemoAccounts.PRODUCER.token();
        String production = MediaClient.platform().production(token, "Tenants' union rally, raw footage");
        byte[] bytes = thirteenPartsOfNoise(7);
        Path file = Files.write(folder.resolve("rally.mov"), bytes);
        try (Browser producer = producerOn(production)) {
            upload(producer, file);

            // Not a video, so the probe turns it away; what matters here is that every byte arrived.
            new WebDriverWait(producer.driver, Duration.ofMinutes(2)).until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#cuts li[data-state=REJECTED]")));
        }
        JsonObject cut = ((JsonArray) ApiClient.json(ApiClient.get("/api/productions/" + production + "/media", token)))
                .getJsonObject(0);
        assertEquals(13, cut.getInt("partCount"));
        assertEquals(bytes.length, cut.getJsonNumber("size").longValue());
        assertEquals(sha256(bytes), cut.getString("sha256"));
    }
}
