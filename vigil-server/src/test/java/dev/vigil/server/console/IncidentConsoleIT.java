package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.VigilApplication;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.support.HeadlessChromium;
import dev.vigil.server.support.IsolatedServerProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Incident response in a real headless Chromium: open an incident from an alert page, grade it and set its level, move
 * it through every phase (recovery tasks done with evidence), fail and then pass a retest, write the review and close
 * its action item, download the PDF report, and find the case on the board and in the metrics.
 */
@Tag("e2e")
@SpringBootTest(classes = VigilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IncidentConsoleIT {

    private static final String ADMIN_PASSWORD = "incident-console-admin-pw";
    private static final String ADMIN_TOKEN = "incident-console-bootstrap-token-0123456789";
    private static WebDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    AlertIntake intake;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dataDir = Files.createTempDirectory("vigil-incident-console-it");
        IsolatedServerProperties.register(registry, dataDir, ADMIN_PASSWORD, ADMIN_TOKEN);
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void commanderWorksAnIncidentFromAlertToReviewAndDownloadsTheReport() {
        UUID alert = intake.raise(new AlertDraft("platform", "detection", "rule-1", "Cobalt Strike beacon on db-07", "tester",
                AlertSeverity.CRITICAL, "beacon-db-07", Duration.ofMinutes(10), Map.of("host.name", "db-07", "destination.ip", "203.0.113.9"),
                List.of(), "beacon every 60 s", Instant.now().minusSeconds(120), 1)).id();
        signIn("admin", ADMIN_PASSWORD);

        open("/alerts/" + alert);
        new Select(browser.findElement(By.id("incident-type"))).selectByValue("malware");
        clickAndWait(By.id("open-incident"));
        assertThat(browser.getCurrentUrl()).contains("/incidents/");
        assertThat(browser.findElement(By.className("notice")).getText()).contains("opened");
        assertThat(text("incident-phase")).isEqualTo("new");
        assertThat(text("incident-level")).contains("proposed I (P1)");
        assertThat(text("linked-alerts")).contains("Cobalt Strike beacon on db-07");
        assertThat(text("plan")).contains("Malware infection");

        move("triage");
        // Someone else comments through the API: the open page shows it without reloading (server-sent events).
        ((JavascriptExecutor) browser).executeScript("window.vigilOldPage = true;");
        String incidentId = browser.getCurrentUrl().replaceAll(".*/incidents/", "").replaceAll("[?#].*", "");
        apiPost("/api/v1/incidents/" + incidentId + "/comments", "{\"body\":\"Network team blocked 203.0.113.9\"}");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> text("timeline").contains("Network team blocked 203.0.113.9"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.vigilOldPage === true;")).as("no reload").isEqualTo(true);
        move("investigating", "needs a final level");
        new Select(browser.findElement(By.id("impact-scope"))).selectByValue("single");
        new Select(browser.findElement(By.id("asset-criticality"))).selectByValue("high");
        new Select(browser.findElement(By.id("data-sensitivity"))).selectByValue("internal");
        clickAndWait(By.id("grade"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("Proposed level III (P3)");
        new Select(browser.findElement(By.id("level"))).selectByValue("2");
        browser.findElement(By.id("level-reason")).sendKeys("customer database server");
        clickAndWait(By.id("set-level"));
        assertThat(text("incident-level")).contains("II (P2)", "customer database server");
        move("investigating");
        move("contained");
        move("eradicated");
        move("recovered", "needs recovery evidence");
        finishRecoveryTasks();
        move("recovered");

        retest("false", "beacon seen again after restore");
        assertThat(text("incident-phase")).as("a failed retest returns the case to investigating").isEqualTo("investigating");
        move("contained");
        move("eradicated");
        move("recovered");
        retest("true", "no beacon for 24 hours; hashes match the clean image");
        move("retested");
        move("closed", "needs a root cause");

        browser.findElement(By.id("root-cause")).sendKeys("Phishing mail with a macro opened on an admin workstation");
        new Select(browser.findElement(By.id("cause-category"))).selectByValue("phishing");
        browser.findElement(By.id("contributing-factors")).sendKeys("Macros allowed");
        browser.findElement(By.id("went-well")).sendKeys("Contained within the hour");
        browser.findElement(By.id("went-badly")).sendKeys("The first restore used an infected backup");
        clickAndWait(By.id("save-review"));
        move("closed");
        browser.findElement(By.id("action-title")).sendKeys("Block Office macros from the internet");
        browser.findElement(By.id("action-owner")).sendKeys("it-ops");
        clickAndWait(By.id("add-action-item"));
        move("reviewed", "action item 'Block Office macros from the internet' is open");
        clickAndWait(By.className("action-done"));
        move("reviewed");
        assertThat(text("review")).contains("phishing: Phishing mail with a macro");
        assertThat(text("timeline")).contains("Phase recovered → investigating: retest failed", "Retest passed", "Level set to II (P2)");

        // The report downloads as a PDF with the console session.
        String href = browser.findElement(By.id("report-pdf")).getAttribute("href");
        @SuppressWarnings("unchecked")
        Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer().then(b => done({status: r.status, type: r.headers.get('content-type'),
                    disposition: r.headers.get('content-disposition'), size: b.byteLength,
                    magic: String.fromCharCode(...new Uint8Array(b.slice(0, 5)))})));""", href);
        assertThat(download.get("status")).isEqualTo(200L);
        assertThat(download.get("type")).isEqualTo("application/pdf");
        assertThat((String) download.get("disposition")).contains("attachment", ".pdf");
        assertThat(download.get("magic")).isEqualTo("%PDF-");
        assertThat((Long) download.get("size")).isGreaterThan(1000L);

        open("/incidents");
        assertThat(text("phase-reviewed")).contains("Cobalt Strike beacon on db-07");
        clickAndWait(By.id("metrics-link"));
        assertThat(text("metrics-table")).contains("all", "II (P2)");
    }

    private void finishRecoveryTasks() {
        while (true) {
            List<WebElement> open = browser.findElements(By.cssSelector("#tasks-table tr.task-recovery .task-evidence"));
            if (open.isEmpty()) {
                return;
            }
            WebElement evidence = open.get(0);
            evidence.sendKeys("Reimaged from the golden image of 2026-11-01, data restored from backup #4711");
            WebElement row = evidence.findElement(By.xpath("./ancestor::tr"));
            clickAndWait(row.findElement(By.className("task-done")));
        }
    }

    private void retest(String passed, String evidence) {
        new Select(browser.findElement(By.id("retest-result"))).selectByValue(passed);
        browser.findElement(By.id("retest-evidence")).sendKeys(evidence);
        clickAndWait(By.id("record-retest"));
    }

    private void move(String to) {
        new Select(browser.findElement(By.id("transition-to"))).selectByValue(to);
        clickAndWait(By.id("transition"));
        assertThat(text("incident-phase")).as(() -> "moved to " + to + ": " + browser.findElements(By.className("error"))
                .stream().map(WebElement::getText).toList()).isEqualTo(to);
    }

    /** Tries a move that must be refused, and checks the refusal names the requirement. */
    private void move(String to, String refusal) {
        String before = text("incident-phase");
        Select select = new Select(browser.findElement(By.id("transition-to")));
        if (select.getOptions().stream().noneMatch(o -> o.getAttribute("value").equals(to))) {
            throw new AssertionError(to + " is not offered from " + before);
        }
        select.selectByValue(to);
        clickAndWait(By.id("transition"));
        assertThat(browser.findElement(By.className("error")).getText()).contains(refusal);
        assertThat(text("incident-phase")).isEqualTo(before);
    }

    private void apiPost(String path, String json) {
        try {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void signIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(By.id("sign-in"));
    }

    private static void clickAndWait(By locator) {
        HeadlessChromium.clickAndWait(browser, locator);
    }

    private static void clickAndWait(WebElement element) {
        HeadlessChromium.clickAndWait(browser, element);
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }
}
