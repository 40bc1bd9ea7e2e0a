package org.videoplatform.members;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.videoplatform.ApiClient;
import org.videoplatform.Browser;
import org.videoplatform.DemoAccounts;
import org.videoplatform.KeycloakAdmin;
import org.videoplatform.PlatformDatabase;
import org.videoplatform.PlatformEar;

/** The roster import, a workshop's check-in and vetting at the door, driven through the UI as an admin and a lead would. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MembersBrowserIT {

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
    void adminImportsARosterFileAndSeesTheLinesThatWereNotImported() throws IOException {
        String number = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Path file = Files.createTempFile("roster", ".csv");
        Files.writeString(file, "membership number,full name,status\r\n" + number + ",Amira Khan,active\r\n"
                + number + "X,Ben Ó Briain,honorary\r\n", StandardCharsets.UTF_8);

        browser.signInAs(DemoAccounts.ADMIN, "#/roster");
        WebElement input = browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("roster-file")));
        input.sendKeys(file.toString());
        Object offAtOnce = browser.driver.executeScript("const importing = document.querySelector('form.panel button[type=submit]');"
                + "importing.click(); return importing.disabled;");
        assertEquals(Boolean.TRUE, offAtOnce, "a second click would import the file again and report it all unchanged");

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("roster-summary"), "1 added"));
        String rejected = browser.driver.findElement(By.id("roster-rejected")).getText();
        assertTrue(rejected.contains("3") && rejected.contains("honorary"), rejected);
        browser.screenshot("roster-import");

        // Typed a character at a time, each a search: the table is the last one's, whatever order the answers came in.
        browser.driver.findElement(By.id("roster-search")).sendKeys(number);
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#roster-results tbody tr"), 1));
        assertTrue(browser.driver.findElement(By.id("roster-results")).getText().contains(number));
    }

    @Test
    void leadChecksSomeoneInOnAPhoneVetsThemAndHandsOverTheirPassword() throws SQLException {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "zoe." + unique + "@example.org";
        String number = "Z" + unique.toUpperCase();
        // A surname of this test's own: other tests and earlier runs put Díazes on the roster too.
        String letters = unique.chars().mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16))))
                .collect(java.util.stream.Collectors.joining());
        ApiClient.send("POST", "/api/roster/imports", DemoAccounts.ADMIN.token(), "text/csv",
                "membership number,full name,email,status\r\n" + number + ",Zoë Díaz" + letters + "," + email + ",active\r\n"
                        + number + "B,Zoe Diaz" + letters + ",,active\r\n");
        String lead = DemoAccounts.LEAD.token();
        String workshop = newWorkshop("Door", lead);
        ApiClient.send("POST", "/api/workshops/" + workshop + "/attendees", lead, "application/json",
                Json.createObjectBuilder().add("fullName", "Zoe Diaz" + letters).add("email", email).build().toString());

        ApiClient.send("POST", "/api/workshops/" + workshop + "/attendees", lead, "application/json",
                Json.createObjectBuilder().add("fullName", "Someone Else").add("email", "else." + unique + "@example.org")
                        .build().toString());

        browser.asPhone();
        browser.signInAs(DemoAccounts.LEAD, "#/workshops/" + workshop);
        By zoe = By.cssSelector("tr[data-attendee='Zoe Diaz" + letters + "']");
        By someoneElse = By.cssSelector("tr[data-attendee='Someone Else']");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("attendee-search"))).sendKeys("zoë");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(someoneElse));
        assertTrue(browser.driver.findElement(zoe).isDisplayed(), "typing part of a name finds them, accents or not");
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(zoe))
                .findElement(By.xpath(".//button[text()='Check in']")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(zoe, "checked in"));
        browser.driver.findElement(zoe).findElement(By.linkText("Vet…")).click();

        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("vet-matches"), number));
        assertEquals(List.of("2 roster entries match: make sure which one this person is."), browser.driver
                .findElements(By.cssSelector("#vet-warnings li")).stream().map(WebElement::getText).toList(), "both active");
        assertTrue(new Select(browser.driver.findElement(By.id("vet-roster-entry"))).getFirstSelectedOption().getText()
                .startsWith(number + " · "), "the one found by email is offered first");
        picksRosterEntry(number + "B");
        WebElement reason = browser.driver.findElement(By.id("vet-reason"));
        reason.sendKeys("not sure which entry");
        browser.driver.findElement(By.id("vet-postcode")).sendKeys("LS1 4DY");
        browser.driver.findElement(By.xpath("//button[text()='Check again']")).click();
        browser.wait.until(ExpectedConditions.stalenessOf(reason));
        assertEquals("not sure which entry", browser.driver.findElement(By.id("vet-reason")).getDomProperty("value"),
                "checking again keeps what the lead typed");
        assertTrue(new Select(browser.driver.findElement(By.id("vet-roster-entry"))).getFirstSelectedOption().getText()
                .startsWith(number + "B · "), "and the entry they picked");
        browser.driver.findElement(By.id("vet-reason")).clear();
        picksRosterEntry(number);
        browser.screenshot("vetting-phone");
        browser.driver.findElement(By.cssSelector("button[data-outcome=DECLINED]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("vet-outcome"), "Reason is required"));
        // A double tap at the door, the second tap before any answer: it must neither open a second
        // account nor replace the first tap's answer, the only place the password is shown.
        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-outcome=VETTED]")));
        Object offAtOnce = browser.driver.executeScript("const vet = document.querySelector('button[data-outcome=VETTED]');"
                + "vet.click(); const off = [...document.querySelectorAll('.decisions button')].every((b) => b.disabled);"
                + "vet.click(); return off;");
        assertEquals(Boolean.TRUE, offAtOnce, "the first tap turns every decision off before any answer comes");

        String password = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("vet-password"))).getText();
        assertTrue(password.matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}"), password);
        assertTrue(browser.driver.findElement(By.id("vet-handover")).getText().contains(email));
        browser.screenshot("vetting-handover-phone");
        assertTrue(KeycloakAdmin.usersWithEmail(email).get(0).getBoolean("enabled"));
        assertTrue(browser.driver.findElement(By.id("vet-password")).isDisplayed(), "the second tap's answer did not replace the first's");
        assertEquals(1, KeycloakAdmin.usersWithEmail(email).size());
        assertEquals(number, rosterNumberOfMember(email), "the entry chosen is recorded, so later checks and erasure find it");
        assertFalse(browser.driver.findElement(By.xpath("//button[text()='Check again']")).isEnabled(),
                "checking again would redraw the page, and the password with it");

        browser.driver.findElement(By.xpath("//button[text()='Handed over: hide the password']")).click();
        assertTrue(browser.driver.findElements(By.id("vet-password")).isEmpty(), "off the screen before the next person steps up");
        browser.driver.findElement(By.linkText("← Back to the attendees")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(zoe, "vetted"));
        assertTrue(browser.driver.findElement(zoe).findElements(By.linkText("Vet…")).isEmpty(), "nothing left to do for her");
    }

    @Test
    void leadCreatesAWorkshopRegistersSomeoneAndChecksThemIn() {
        browser.signInAs(DemoAccounts.LEAD, "#/workshops");
        WebElement form = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-workshop")));
        form.findElement(By.name("title")).sendKeys("Editing on a phone");
        // datetime-local inputs take the digits as typed, field by field.
        form.findElement(By.name("startsAt")).sendKeys("12122030\t1000AM");
        form.findElement(By.name("endsAt")).sendKeys("12122030\t0400PM");
        form.findElement(By.name("venue")).sendKeys("Union hall");
        form.findElement(By.name("city")).sendKeys("Leeds");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement register = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-attendee")));
        register.findElement(By.name("fullName")).sendKeys("Amira Khan");
        register.findElement(By.name("email")).sendKeys("amira@example.org");
        register.findElement(By.cssSelector("button[type=submit]")).click();

        By amira = By.cssSelector("tr[data-attendee='Amira Khan']");
        By formError = By.cssSelector("#register-attendee .notice:not([hidden])");
        browser.wait.until(ExpectedConditions.or(ExpectedConditions.presenceOfElementLocated(amira),
                ExpectedConditions.presenceOfElementLocated(formError)));
        assertTrue(browser.driver.findElements(formError).isEmpty(),
                () -> "registering failed: " + browser.driver.findElement(formError).getText());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(amira, "registered"));
        assertEquals("Amira Khan is registered.", browser.driver.findElement(By.id("workshop-said")).getText());
        assertEquals("", register.findElement(By.name("fullName")).getAttribute("value"), "ready for the next person");

        register.findElement(By.name("fullName")).sendKeys("Ben Half-typed");
        browser.driver.findElement(amira).findElement(By.xpath(".//button[text()='Check in']")).click();
        // A workshop in 2030 is not the one at this door today: the lead is asked before anyone is checked in there.
        Alert notToday = browser.wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(notToday.getText().startsWith("Editing on a phone is on ") && notToday.getText().endsWith(
                "not today. Check Amira Khan in here anyway?"), notToday.getText());
        notToday.dismiss();
        assertTrue(browser.driver.findElement(amira).getText().contains("registered"), "nothing was sent");
        browser.driver.findElement(amira).findElement(By.xpath(".//button[text()='Check in']")).click();
        browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(amira, "checked in"));
        assertEquals("Amira Khan is checked in.", browser.driver.findElement(By.id("workshop-said")).getText());
        assertEquals("attendee-search", browser.driver.executeScript("return document.activeElement.id"),
                "the search box is ready for the next person at the door");
        assertEquals("Ben Half-typed", browser.driver.findElement(By.cssSelector("#register-attendee [name=fullName]")).getAttribute("value"),
                "a walk-in half typed in stays through the list's redraw");
        browser.screenshot("workshop-check-in");
    }

    @Test
    void aRefusedSuspensionIsSaidAboveTheListWhichStays() {
        String firstName = "Sue" + UUID.randomUUID().toString().replaceAll("[^a-z]", "");
        VettedMember member = VettedMember.vetted(firstName + " Suspended");
        browser.signInAs(DemoAccounts.LEAD, "#/members");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[aria-label='Search members']")))
                .sendKeys(member.email());
        By row = By.cssSelector("tr[data-member='" + member.email() + "']");
        // The list as the search finds it, not the first one drawn before the search ran.
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#member-results tbody tr"), 1));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(row));
        // Another lead is quicker, between this lead's page and their click.
        assertEquals(200, ApiClient.send("POST", "/api/members/" + member.memberId() + "/revocation", DemoAccounts.LEAD.token(),
                "application/json", "{\"reason\": \"left the campaign\"}").statusCode());

        browser.driver.findElement(row).findElement(By.xpath(".//button[text()='Suspend']")).click();
        Alert why = browser.wait.until(ExpectedConditions.alertIsPresent());
        why.sendKeys("pending a conversation");
        why.accept();

        WebElement said = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("members-said")));
        assertTrue(said.getText().startsWith("Suspend " + firstName + " Suspended: "), said.getText());
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "revoked"));
        assertEquals("Members", browser.driver.findElement(By.tagName("h1")).getText(), "the page stays, with the list as it is now");
    }

    @Test
    void anAdminSavesEverythingHeldAboutAMemberAsAFile() throws IOException {
        VettedMember member = VettedMember.vetted("Xena Exported");
        Path downloads = browser.savesDownloads();
        browser.signInAs(DemoAccounts.ADMIN, "#/members");
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[aria-label='Search members']")))
                .sendKeys(member.email());
        browser.wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#member-results tbody tr"), 1));
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr[data-member='" + member.email() + "']")))
                .findElement(By.xpath(".//button[text()='Export']")).click();

        Path saved = downloads.resolve("member-" + member.memberId() + ".json");
        browser.wait.until(d -> Files.exists(saved));
        assertTrue(Files.readString(saved).contains(member.email()), "the file holds the member's record");
    }

    /** Under way now, as a workshop is whose door a lead stands at. */
    private static String newWorkshop(String title, String lead) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        return ApiClient.object(ApiClient.send("POST", "/api/workshops", lead, "application/json",
                Json.createObjectBuilder().add("title", title + " " + UUID.randomUUID()).add("venue", "Hall").add("city", "Hull")
                        .add("capacity", 5).add("startsAt", start.toString()).add("endsAt", start.plusHours(3).toString())
                        .build().toString())).getString("id");
    }

    @Test
    void cancellingARegistrationAtTheDoorAsksFirst() {
        String lead = DemoAccounts.LEAD.token();
        String workshop = newWorkshop("Cancel", lead);
        ApiClient.send("POST", "/api/workshops/" + workshop + "/attendees", lead, "application/json",
                Json.createObjectBuilder().add("fullName", "Cara Cancelled").add("email", "cara." + UUID.randomUUID() + "@example.org")
                        .build().toString());
        browser.signInAs(DemoAccounts.LEAD, "#/workshops/" + workshop);
        By cara = By.cssSelector("tr[data-attendee='Cara Cancelled']");

        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Cancel Cara Cancelled']"))).click();
        Alert asked = browser.wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(asked.getText().contains("Cara Cancelled") && asked.getText().contains("waitlist"), asked.getText());
        asked.dismiss();
        assertTrue(browser.driver.findElement(cara).getText().contains("registered"), "a slip of the finger changes nothing");

        browser.driver.findElement(By.cssSelector("button[aria-label='Cancel Cara Cancelled']")).click();
        browser.wait.until(ExpectedConditions.alertIsPresent()).accept();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(cara, "cancelled"));
        assertEquals("Cara Cancelled is no longer registered.", browser.driver.findElement(By.id("workshop-said")).getText());
    }

    @Test
    void anAdminErasesSomeoneWhoIsNoMemberFromTheWorkshopsList() {
        String lead = DemoAccounts.LEAD.token();
        String workshop = newWorkshop("Erase", lead);
        String email = "dan." + UUID.randomUUID() + "@example.org";
        String dan = ApiClient.object(ApiClient.send("POST", "/api/workshops/" + workshop + "/attendees", lead, "application/json",
                Json.createObjectBuilder().add("fullName", "Dan Departed").add("email", email).build().toString())).getString("id");
        ApiClient.send("POST", "/api/workshops/" + workshop + "/attendees/" + dan + "/cancellation", lead, null, null);
        browser.signInAs(DemoAccounts.ADMIN, "#/workshops/" + workshop);

        browser.wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[aria-label='Erase Dan Departed']"))).click();
        Alert why = browser.wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(why.getText().contains("every workshop"), why.getText());
        why.sendKeys("asked to be forgotten");
        why.accept();
        browser.wait.until(ExpectedConditions.textToBe(By.id("workshop-said"), "Dan Departed is erased."));
        String list = browser.driver.findElement(By.id("attendees")).getText();
        assertFalse(list.contains("Dan") || list.contains(email), list);
        assertTrue(browser.driver.findElements(By.cssSelector("button[aria-label^='Erase']")).isEmpty(), "nothing left to erase");
    }

    @Test
    void aMemberChoosesTheNameTheyAreShownByAndIsToldBesideItWhatWillNotDo() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String firstName = "Ines" + unique.replaceAll("[^a-z]", "");
        VettedMember member = VettedMember.vetted(firstName + " Browser");
        browser.signInAs(member.email(), member.password(), "#/profile");
        WebElement shown = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#profile [name=displayName]")));
        assertEquals("", shown.getAttribute("value"), "no name chosen yet");
        assertTrue(shown.getAttribute("placeholder").endsWith(firstName + " B."), shown.getAttribute("placeholder"));
        shown.sendKeys("Lee Lead");
        browser.driver.findElement(By.cssSelector("#profile button[type=submit]")).click();
        WebElement said = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#profile .field-error")));
        assertTrue(said.getText().contains("leads or admins"), said.getText());
        assertEquals("true", shown.getAttribute("aria-invalid"));

        shown.clear();
        shown.sendKeys("Ines " + unique.substring(0, 6));
        WebElement links = browser.driver.findElement(By.cssSelector("#profile [name=portfolioLinks]"));
        links.sendKeys("my reel on vimeo\nhttps://example.org/reel\nexample.org/showreel");
        browser.driver.findElement(By.cssSelector("#profile button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.attributeToBe(links, "aria-invalid", "true"));
        List<WebElement> linksSaid = browser.driver.findElements(By.id(links.getAttribute("aria-describedby")));
        assertEquals(1, linksSaid.size(), "one message for the field, however many of its entries are wrong");
        assertTrue(linksSaid.get(0).getText().contains("Entry 1: must be a web address")
                && linksSaid.get(0).getText().contains("Entry 3: must be a web address")
                && !linksSaid.get(0).getText().contains("Entry 2"), linksSaid.get(0).getText());

        links.clear();
        links.sendKeys("https://example.org/reel");
        browser.driver.findElement(By.cssSelector("#profile button[type=submit]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("profile"), "Saved."));
        assertEquals(0, browser.driver.findElements(By.cssSelector("#profile .field-error")).size(), "the mended field is no longer marked");
    }

    private void picksRosterEntry(String number) {
        new Select(browser.driver.findElement(By.id("vet-roster-entry"))).getOptions().stream()
                .filter(option -> option.getText().startsWith(number + " · ")).findFirst().orElseThrow().click();
    }

    private static String rosterNumberOfMember(String email) throws SQLException {
        try (Connection db = PlatformDatabase.connect(); PreparedStatement query = db.prepareStatement(
                "SELECT r.membership_number FROM members m JOIN roster_entries r ON r.id = m.roster_entry_id WHERE m.email = ?")) {
            query.setString(1, email);
            try (ResultSet found = query.executeQuery()) {
                return found.next() ? found.getString(1) : null;
            }
        }
    }
}
