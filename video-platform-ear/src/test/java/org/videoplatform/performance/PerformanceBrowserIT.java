package org.videoplatform.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.videoplatform.Browser;
import org.videoplatform.DemoAccounts;
import org.videoplatform.PlatformEar;
import org.videoplatform.review.Approved;

/**
 * A lead imports a released video's figures from the Performance page, then the video's page
 * shows them as a chart with a line per platform, and the new audience where a platform split it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PerformanceBrowserIT {

    @TempDir
    Path folder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return PlatformEar.asBuilt();
    }

    @Test
    void thePerformancePageShowsTheChart() throws Exception {
        String run = Long.toString(System.nanoTime());
        String title = "Charted " + run;
        String production = Approved.production(title, folder);
        String youtube = "ch" + run.substring(run.length() - 9);
        String tiktok = "73" + run;
        String posts = Json.createObjectBuilder().add("posts", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("platform", "YOUTUBE").add("url", "https://youtu.be/" + youtube)
                        .add("postedAt", "2026-11-01T09:00:00Z").add("rendition", "DELIVERY_LANDSCAPE"))
                .add(Json.createObjectBuilder().add("platform", "TIKTOK").add("postId", tiktok)
                        .add("postedAt", "2026-11-01T09:00:00Z").add("rendition", "DELIVERY_PORTRAIT"))).build().toString();
        HttpResponse<String> released = send("POST", "/api/productions/" + production + "/release", DemoAccounts.LEAD.token(),
                "application/json", posts);
        assertEquals(201, released.statusCode(), released.body());
        StringBuilder figures = new StringBuilder("platform,post,date,views,unique_viewers,watch_time_seconds,"
                + "average_view_duration_seconds,completion_rate_percent,shares,reactions,comments,follower_views,non_follower_views\n");
        for (int day = 1; day <= 14; day++) {
            figures.append(String.format("youtube,%s,2026-11-%02d,%d,,,,%d,,,,,%n", youtube, day, 1000 + 100 * day, 40 + day));
            figures.append(String.format("tiktok,%s,2026-11-%02d,%d,,,,,%d,,,%d,%d%n", tiktok, day, 3000 - 150 * day, 10 * day,
                    300, 2700 - 150 * day));
        }
        figures.append("tiktok,").append(tiktok).append(",2026-11-15,many,,,,,,,,,\n");
        Path file = Files.writeString(folder.resolve("figures.csv"), figures);

        try (Browser lead = new Browser()) {
            lead.signInAs(DemoAccounts.LEAD, "#/performance");
            WebElement form = lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("metrics-import")));
            // A comparison that fails says so, where it was an empty table.
            lead.blockRequestsTo("*/comparisons*");
            new Select(lead.driver.findElement(By.cssSelector("#comparison select[name=by]"))).selectByValue("platform");
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#comparison .notice"), "could not be drawn"));
            lead.blockRequestsTo();
            form.findElement(By.name("file")).sendKeys(file.toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-report"), "28 lines kept, 1 not"));
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#comparison thead"), "Platform"));
            assertEquals("platform", lead.driver.findElement(By.cssSelector("#comparison select[name=by]")).getAttribute("value"),
                    "the import keeps the grouping the lead chose");
            assertFalse(lead.driver.findElement(By.cssSelector("#comparison .notice")).isDisplayed(), "drawn again, the notice goes");
            assertTrue(lead.driver.findElement(By.id("import-problems")).getText().contains("Line 30: views \"many\""));
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("leaderboard"), title));
            lead.screenshot("performance-import");
            // Imported again (it changes nothing), and the leaderboard cannot be fetched after: the report stays.
            lead.blockRequestsTo("*/api/performance/videos");
            form.findElement(By.name("file")).sendKeys(file.toString());
            form.findElement(By.cssSelector("button[type=submit]")).click();
            lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-not-shown")));
            assertTrue(lead.driver.findElement(By.id("import-report")).getText().contains("28 lines kept, 1 not"));
            assertTrue(lead.driver.findElement(By.id("import-problems")).getText().contains("Line 30: views \"many\""));
            lead.blockRequestsTo();

            lead.driver.get(lead.driver.getCurrentUrl().replaceAll("#.*", "#/productions/" + production));
            lead.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("performance-chart")));
            // The chart is drawn once Chart.js has laid it out: its lines, one per platform, with a point per day.
            List<?> lines = (List<?>) lead.wait.until(d -> lead.driver.executeScript(
                    "const chart = Chart.getChart(document.getElementById('performance-chart'));"
                    + "return chart && chart.chartArea ? chart.data.datasets.map((d) => d.label + ':' + d.data.filter((v) => v != null).length) : null;"));
            assertEquals(Set.of("YouTube:14", "TikTok:14"), Set.copyOf(lines));
            Object painted = lead.driver.executeScript("const canvas = document.getElementById('performance-chart');"
                    + "const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;"
                    + "let coloured = 0; for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) coloured++; return coloured;");
            assertTrue(((Number) painted).longValue() > 1000, "the canvas has the chart painted on it: " + painted);
            assertTrue(lead.driver.findElement(By.id("retention-chart")).isDisplayed(), "YouTube gave the percentage watched");
            // The figures the lines show, as a table for those who do not see them.
            WebElement dayByDay = lead.driver.findElement(By.xpath("//figure[.//canvas[@id='performance-chart']]/details"));
            dayByDay.findElement(By.tagName("summary")).click();
            // The table is built on the toggle event, which the browser fires after the click returns.
            lead.wait.until(d -> !dayByDay.findElements(By.cssSelector("tbody tr")).isEmpty());
            assertEquals(14, dayByDay.findElements(By.cssSelector("tbody tr")).size(), "a row a day");
            List<String> headings = dayByDay.findElements(By.cssSelector("thead th")).stream().map(WebElement::getText).toList();
            assertEquals("Day", headings.get(0));
            assertEquals(Set.of("YouTube", "TikTok"), Set.copyOf(headings.subList(1, headings.size())));
            dayByDay.findElement(By.tagName("summary")).click();
            Path downloads = lead.savesDownloads();
            lead.driver.findElement(By.xpath("//button[text()='Download the days as CSV']")).click();
            Path days = downloads.resolve("performance-" + production + ".csv");
            lead.wait.until(d -> Files.exists(days));
            List<String> rows = Files.readAllLines(days);
            assertTrue(rows.get(0).startsWith("date,platform,views"), rows.get(0));
            assertEquals(1 + 2 * 14, rows.size(), "a row a day for each platform, under the headings");
            assertEquals(lead.driver.executeScript("return document.querySelectorAll('canvas').length"),
                    lead.driver.executeScript("return Object.keys(Chart.instances).length"),
                    "the charts of the pages left behind (the comparisons, drawn again after the import) were destroyed");
            String audience = lead.driver.findElement(By.id("new-audience")).getText();
            assertTrue(audience.startsWith("84 %") && audience.contains("measured on"), audience);
            lead.driver.executeScript("document.getElementById('performance').scrollIntoView()");
            lead.screenshot("performance-chart");

            lead.asPhone();
            WebElement heading = lead.driver.findElement(By.cssSelector("#post-performance th"));
            assertTrue(heading.isDisplayed(), "on a phone a table of figures keeps the headings that say what its numbers count");
            assertEquals("table-cell", heading.getCssValue("display"));
            lead.driver.executeScript("document.getElementById('post-performance').scrollIntoView()");
            // Chart.js fits its charts to the narrower page a frame after the resize.
            lead.wait.until(d -> lead.driver.executeScript(
                    "return document.documentElement.scrollWidth === document.documentElement.clientWidth"));
            lead.screenshot("performance-phone");

            lead.driver.get(lead.driver.getCurrentUrl().replaceAll("#.*", "#/performance/producers/nobody-" + run));
            lead.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("portfolio"), "No released videos"));
            assertEquals("This producer's videos", lead.driver.findElement(By.tagName("h1")).getText(),
                    "a lead looking at someone else's empty portfolio, not their own");
        }
    }
}
