package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import dev.vigil.server.VigilApplication;
import dev.vigil.server.support.HeadlessChromium;
import dev.vigil.server.support.IsolatedServerProperties;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real headless Chromium: sign in, enrol TOTP from the profile page, create a user with a role and
 * see it listed, sign out, sign in again with the second factor, and check that the new user — after the forced
 * password change — cannot open an administration page.
 */
@Tag("e2e")
@SpringBootTest(classes = VigilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsoleIT {

    private static final String ADMIN_PASSWORD = "console-test-admin-pw";
    private static final String ADMIN_TOKEN = "console-test-bootstrap-token-0123456789";
    private static Path dataDir;
    private static WebDriver browser;

    @LocalServerPort
    int port;

    private static int staticPort;

    @org.junit.jupiter.api.BeforeEach
    void rememberPort() {
        staticPort = port;
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("vigil-console-it");
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
    void administratorEnrolsTotpCreatesUserWhoCannotOpenAdminPages() throws Exception {
        signIn("admin", ADMIN_PASSWORD);
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("admin");

        // Enrol TOTP on the profile page: the QR code and the key are shown, a first code turns it on.
        open("/profile");
        clickAndWait(By.id("totp-start"));
        assertThat(browser.findElement(By.id("totp-qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        String secret = browser.findElement(By.id("totp-secret")).getText();
        browser.findElement(By.id("totp-confirm-code")).sendKeys(code(secret, Instant.now()));
        clickAndWait(By.id("totp-confirm"));
        assertThat(browser.findElement(By.id("totp-status")).getText()).startsWith("Enabled");

        // Create a user with a role and see it listed.
        open("/admin/users");
        browser.findElement(By.id("new-username")).sendKeys("carol");
        browser.findElement(By.id("new-display-name")).sendKeys("Carol Analyst");
        browser.findElement(By.id("role-soc-analyst")).click();
        clickAndWait(By.id("create-user"));
        String carolPassword = browser.findElement(By.id("created-password")).getText();
        assertThat(browser.findElement(By.id("user-carol")).getText()).contains("carol", "Carol Analyst", "soc-analyst");

        signOut();

        // The administrator now needs the second factor (a code of the next step: the current one was used).
        signIn("admin", ADMIN_PASSWORD);
        assertThat(browser.getCurrentUrl()).endsWith("/login/totp");
        browser.findElement(By.id("totp-code")).sendKeys(code(secret, Instant.now().plusSeconds(30)));
        clickAndWait(By.id("verify-code"));
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("admin");
        signOut();

        // The new user must change the generated password first, then cannot open an administration page.
        signIn("carol", carolPassword);
        assertThat(browser.getCurrentUrl()).as(() -> "page after sign-in: " + browser.getPageSource()).endsWith("/profile");
        assertThat(browser.findElement(By.id("must-change")).isDisplayed()).isTrue();
        browser.findElement(By.id("current-password")).sendKeys(carolPassword);
        browser.findElement(By.id("new-password")).sendKeys("fresh-secret-words-1");
        browser.findElement(By.id("repeat-password")).sendKeys("fresh-secret-words-1");
        clickAndWait(By.id("change-password"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("Password changed");
        open("/");
        assertThat(browser.findElement(By.id("signed-in-user")).getText()).isEqualTo("carol");
        assertThat(browser.findElements(By.linkText("Users"))).isEmpty();
        open("/admin/users");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");
        assertThat(browser.findElements(By.id("users-table"))).isEmpty();
        open("/");
        signOut();
    }

    @Test
    void auditorChecksARecordProofAndSignsOffAReviewPeriod() throws Exception {
        api("POST", "/api/v1/users", "{\"username\":\"rita\",\"password\":\"audit-pass-word-7\",\"mustChangePassword\":false,"
                + "\"roles\":[\"auditor\"]}");
        api("POST", "/api/v1/tenants", "{\"slug\":\"console-review\",\"name\":\"Console review\"}");
        api("POST", "/api/v1/audit/checkpoint", null);
        signIn("rita", "audit-pass-word-7");

        // The trail, one record with its canonical bytes and its inclusion proof in the latest checkpoint.
        open("/audit");
        assertThat(browser.findElement(By.id("audit-table")).getText()).contains("tenant.create");
        clickAndWait(By.linkText("0"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Audit record 0");
        assertThat(browser.findElement(By.id("canonical")).getText()).startsWith("{\"action\":\"user.create\"");
        assertThat(browser.findElement(By.id("checkpoint")).getText()).startsWith("vigil-audit");
        assertThat(browser.findElements(By.cssSelector("#proof li"))).isNotEmpty();

        // A review period: select, mark every record, raise a finding, sign off.
        open("/audit/reviews");
        browser.findElement(By.name("name")).sendKeys("Console period");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementsByName('from')[0].value = arguments[0]; document.getElementsByName('to')[0].value = arguments[0];", today);
        clickAndWait(By.xpath("//button[text()='Open period']"));
        clickAndWait(By.linkText("Console period"));
        clickAndWait(By.xpath("//select[@name='preset']/following::button[1]"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("added to the review");
        while (!browser.findElements(By.xpath("//table[@id='items-table']//button[@value='reviewed']")).isEmpty()) {
            clickAndWait(By.xpath("//table[@id='items-table']//button[@value='reviewed']"));
        }
        browser.findElement(By.name("title")).sendKeys("Admin created an auditor without a ticket");
        browser.findElement(By.name("owner")).sendKeys("admin");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementsByName('dueDate')[0].value = arguments[0];", today);
        clickAndWait(By.xpath("//button[text()='Raise finding']"));
        assertThat(browser.findElement(By.id("findings-table")).getText()).contains("Admin created an auditor without a ticket");
        clickAndWait(By.xpath("//button[text()='Sign the period off']"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("signed off");
        assertThat(browser.findElement(By.tagName("dl")).getText()).contains("signed-off by rita");
        signOut();
    }

    @Test
    void analystSearchesEventsOpensOneAndSavesTheSearch() throws Exception {
        String input = dev.vigil.server.support.Api.JSON.readTree(api("POST", "/api/v1/ingest/inputs",
                "{\"name\":\"web-gateway\",\"type\":\"http\",\"format\":\"json\"}")).path("id").asString();
        String token = dev.vigil.server.support.Api.JSON.readTree(api("POST", "/api/v1/ingest/tokens",
                "{\"input\":\"" + input + "\",\"name\":\"gateway\"}")).path("secret").asString();
        StringBuilder events = new StringBuilder();
        Instant now = Instant.now();
        for (int i = 0; i < 12; i++) {
            events.append("{\"@timestamp\":\"").append(now.minusSeconds(600L * i)).append("\",\"host\":{\"name\":\"gw-")
                    .append(i % 2).append("\"},\"event\":{\"action\":\"login\",\"outcome\":\"").append(i % 3 == 0 ? "failure" : "success")
                    .append("\"},\"user\":{\"name\":\"user").append(i).append("\"},\"message\":\"login attempt ").append(i).append("\"}\n");
        }
        var send = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + staticPort + "/api/v1/ingest/ndjson"))
                .header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.ofString(events.toString())).build();
        assertThat(java.net.http.HttpClient.newHttpClient().send(send, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        api("POST", "/api/v1/users", "{\"username\":\"sam\",\"password\":\"analyst-pass-word-7\",\"mustChangePassword\":false,"
                + "\"roles\":[\"soc-analyst\"]}");
        signIn("sam", "analyst-pass-word-7");

        open("/events");
        browser.findElement(By.id("q")).sendKeys("event.outcome:failure");
        clickAndWait(By.id("search"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            if (driver.findElement(By.id("total")).getText().startsWith("4 events")) {
                return true;
            }
            clickAndWait(By.id("search")); // the store makes new events searchable about once a second
            return false;
        });
        assertThat(browser.findElements(By.cssSelector("#events-table tbody tr"))).hasSize(4);
        assertThat(browser.findElements(By.cssSelector("#histogram rect.bar"))).isNotEmpty();
        assertThat(browser.findElement(By.id("facets")).getText()).contains("host.name").contains("gw-0").contains("gw-1");

        clickAndWait(By.linkText("gw-0"));
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).contains("host.name:\"gw-0\"");
        assertThat(browser.findElements(By.cssSelector("#events-table tbody tr"))).hasSize(2);

        clickAndWait(By.cssSelector("#events-table tbody tr td a"));
        assertThat(browser.findElement(By.id("raw")).getText()).contains("\"outcome\":\"failure\"");
        assertThat(browser.findElement(By.id("fields")).getText()).contains("event.outcome").contains("input.name").contains("web-gateway");

        open("/events?q=event.outcome:failure&range=24h");
        browser.findElement(By.id("saved-name")).sendKeys("Failed logins");
        clickAndWait(By.id("save-search"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("saved");
        assertThat(browser.findElement(By.id("saved-searches")).getText()).contains("Failed logins");

        open("/inputs");
        assertThat(browser.findElement(By.id("inputs-table")).getText()).contains("web-gateway").contains("active");
        signOut();
    }

    @Test
    void detectionEngineerImportsARuleTestsItAndAnAnalystWorksTheAlert() throws Exception {
        api("POST", "/api/v1/roles", "{\"name\":\"detection-engineer\",\"description\":\"writes and tunes detection rules\","
                + "\"permissions\":[\"rule:read:*\",\"rule:update:*\",\"alert:read:*\",\"alert:update:*\",\"event:read:*\"]}");
        api("POST", "/api/v1/users", "{\"username\":\"dana\",\"password\":\"engineer-pass-word-7\",\"mustChangePassword\":false,"
                + "\"roles\":[\"detection-engineer\"]}");
        Path rule = Files.createTempFile(dataDir, "whoami-", ".yml");
        String sigmaId = java.util.UUID.randomUUID().toString();
        Files.writeString(rule, """
                title: Whoami run by a web server
                id: %s
                author: Console Test
                logsource:
                    category: process_creation
                    product: windows
                detection:
                    selection:
                        Image|endswith: '\\whoami.exe'
                        ParentImage|endswith: '\\w3wp.exe'
                    condition: selection
                level: high
                """.formatted(sigmaId));
        signIn("dana", "engineer-pass-word-7");

        open("/rules");
        browser.findElement(By.id("rule-file")).sendKeys(rule.toString());
        clickAndWait(By.id("import"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("1 new");
        clickAndWait(By.linkText("Whoami run by a web server"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            if (driver.findElement(By.id("rule-state")).getText().startsWith("active")) {
                return true;
            }
            driver.navigate().refresh();
            return false;
        });
        String matching = "{\"Channel\":\"Microsoft-Windows-Sysmon/Operational\",\"EventID\":1,"
                + "\"Image\":\"C:\\\\Windows\\\\System32\\\\whoami.exe\",\"ParentImage\":\"C:\\\\inetpub\\\\w3wp.exe\"}";
        String other = matching.replace("w3wp.exe", "explorer.exe");
        browser.findElement(By.id("test-events")).sendKeys(other + "\n" + matching);
        clickAndWait(By.id("run-test"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("1 of 2 event(s) matched");
        assertThat(browser.findElement(By.id("test-result")).getText()).contains("line 2");

        String input = dev.vigil.server.support.Api.JSON.readTree(api("POST", "/api/v1/ingest/inputs",
                "{\"name\":\"sysmon\",\"type\":\"http\",\"format\":\"json\"}")).path("id").asString();
        String token = dev.vigil.server.support.Api.JSON.readTree(api("POST", "/api/v1/ingest/tokens",
                "{\"input\":\"" + input + "\",\"name\":\"sysmon\"}")).path("secret").asString();
        String event = matching.replace("{", "{\"Computer\":\"web-07\",");
        var send = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + staticPort + "/api/v1/ingest/ndjson"))
                .header("Authorization", "Bearer " + token).POST(java.net.http.HttpRequest.BodyPublishers.ofString(event + "\n")).build();
        assertThat(java.net.http.HttpClient.newHttpClient().send(send, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        open("/alerts");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            if (driver.findElement(By.id("alerts-table")).getText().contains("Whoami run by a web server")) {
                return true;
            }
            driver.navigate().refresh();
            return false;
        });
        assertThat(browser.findElement(By.id("alerts-table")).getText()).contains("high").contains("host.name=web-07");
        clickAndWait(By.linkText("Whoami run by a web server"));
        assertThat(browser.findElement(By.id("explanation")).getText()).contains("whoami.exe");
        clickAndWait(By.id("acknowledge"));
        assertThat(browser.findElement(By.id("alert-facts")).getText()).contains("dana");
        browser.findElement(By.id("resolution")).sendKeys("admin testing the web server");
        clickAndWait(By.id("resolve"));
        assertThat(browser.findElement(By.id("alert-state")).getText()).isEqualTo("resolved");

        open("/alerts/silences");
        browser.findElement(By.cssSelector("#silence-form textarea[name=matchers]")).sendKeys("host_name=\"web-07\"");
        browser.findElement(By.cssSelector("#silence-form input[name=comment]")).sendKeys("patching web-07");
        clickAndWait(By.cssSelector("#silence-form button"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("Silence created");
        assertThat(browser.findElement(By.id("silences-table")).getText()).contains("host_name=\"web-07\"").contains("active")
                .contains("dana").contains("patching web-07");
        clickAndWait(By.cssSelector("#silences-table button"));
        assertThat(browser.findElement(By.id("silences-table")).getText()).contains("expired (by dana)");
        signOut();
    }

    @Test
    void analystImportsAScanWorksAFindingAndSeesTheAssetAndTheSituation() throws Exception {
        api("POST", "/api/v1/users", "{\"username\":\"vicky\",\"password\":\"analyst-pass-word-7\",\"mustChangePassword\":false,"
                + "\"roles\":[\"soc-analyst\"]}");
        Path report = Files.createTempFile(dataDir, "trivy-", ".json");
        Files.writeString(report, """
                {"SchemaVersion":2,"ArtifactName":"shop-frontend","Results":[{"Target":"shop-frontend (debian 12)",
                 "Vulnerabilities":[{"VulnerabilityID":"CVE-2024-6387","PkgName":"openssh-server","InstalledVersion":"9.2",
                 "Severity":"HIGH","CVSS":{"nvd":{"V3Vector":"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H","V3Score":8.1}}}]}]}""");
        signIn("vicky", "analyst-pass-word-7");
        open("/vulns");
        browser.findElement(By.cssSelector("#vuln-import-form input[type=file]")).sendKeys(report.toString());
        clickAndWait(By.cssSelector("#vuln-import-form button"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("1 findings, 1 new");
        assertThat(browser.findElement(By.id("findings-table")).getText()).contains("CVE-2024-6387", "shop-frontend", "8.1");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#findings-table select[name=status]")))
                .selectByValue("triaged");
        clickAndWait(By.cssSelector("#findings-table button"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("is now triaged");
        clickAndWait(By.linkText("shop-frontend"));
        assertThat(browser.findElement(By.id("asset-findings")).getText()).contains("CVE-2024-6387", "triaged");
        assertThat(browser.findElement(By.id("asset-coverage")).getText()).contains("Scanned recently: yes", "Sends logs: no", "Monitored: no", "Bastion target: no");
        assertThat(browser.findElement(By.id("asset-software")).getText()).contains("openssh-server");
        open("/situation");
        assertThat(browser.findElement(By.id("top-assets")).getText()).contains("shop-frontend");
        assertThat(browser.findElement(By.id("sla-table")).getText()).contains("on-track");
        assertThat(browser.findElement(By.id("alerts-firing")).getText()).contains("critical");
        assertThat(browser.findElement(By.id("silent-inputs")).getText()).isNotBlank();
        signOut();
    }

    @Test
    void aTenantRepresentativeAddsAContactThatReceivesTheNoticeAnIncidentCommanderSends() throws Exception {
        java.util.concurrent.BlockingQueue<String> hooks = new java.util.concurrent.LinkedBlockingQueue<>();
        com.sun.net.httpserver.HttpServer hook = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        hook.createContext("/", exchange -> {
            hooks.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hook.start();
        try {
            String tenant = api("POST", "/api/v1/tenants", "{\"slug\":\"globex\",\"name\":\"Globex\"}")
                    .replaceAll("(?s).*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            api("POST", "/api/v1/users", "{\"username\":\"gina\",\"password\":\"represent-pass-word-3\",\"mustChangePassword\":false,"
                    + "\"roles\":[\"tenant-authorizer\"],\"tenantId\":\"" + tenant + "\"}");
            signIn("gina", "represent-pass-word-3");
            open("/notices");
            browser.findElement(By.cssSelector("#contact-form input[name=name]")).sendKeys("globex soc");
            browser.findElement(By.cssSelector("#contact-form input[value=incident]")).click();
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#contact-form select[name=type]"))).selectByValue("webhook");
            browser.findElement(By.cssSelector("#contact-form input[name=address]"))
                    .sendKeys("http://127.0.0.1:" + hook.getAddress().getPort() + "/globex");
            clickAndWait(By.cssSelector("#contact-form button"));
            assertThat(browser.findElement(By.className("notice")).getText()).contains("Contact globex soc added.");
            assertThat(browser.findElement(By.id("contacts-table")).getText()).contains("globex soc", "incident", "webhook");
            assertThat(browser.findElements(By.id("notice-form"))).as("a representative does not send notices").isEmpty();
            signOut();

            api("POST", "/api/v1/users", "{\"username\":\"ivan\",\"password\":\"commander-pass-word-5\",\"mustChangePassword\":false,"
                    + "\"roles\":[\"incident-commander\"]}");
            signIn("ivan", "commander-pass-word-5");
            open("/notices?tenant=" + tenant);
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector("#notice-form select[name=topic]"))).selectByValue("incident");
            browser.findElement(By.cssSelector("#notice-form input[name=subject]")).sendKeys("Degraded object storage");
            browser.findElement(By.cssSelector("#notice-form textarea[name=body]")).sendKeys("Uploads failed between 10:02 and 10:40 UTC.");
            clickAndWait(By.cssSelector("#notice-form button"));
            assertThat(browser.findElement(By.className("notice")).getText()).contains("Notice sent to 1 contact(s).");
            assertThat(hooks.poll(30, java.util.concurrent.TimeUnit.SECONDS)).contains("Degraded object storage", "\"topic\":\"incident\"");
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
                open("/notices?tenant=" + tenant);
                return browser.findElement(By.id("notices-table")).getText().contains("globex soc: sent");
            });
            signOut();
        } finally {
            hook.stop(0);
        }
    }

    private static String api(String method, String path, String body) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + staticPort + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }

    private void signIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndWait(By.id("sign-in"));
    }

    private void signOut() {
        clickAndWait(By.id("sign-out"));
        assertThat(browser.getCurrentUrl()).contains("/login?signedOut");
    }

    /** Clicks something that loads a new page and waits until the old page is gone. */
    private static void clickAndWait(By locator) {
        var page = (org.openqa.selenium.JavascriptExecutor) browser;
        page.executeScript("window.vigilOldPage = true;");
        browser.findElement(locator).click();
        // A new document has no marker; wait until it is there and loaded.
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> Boolean.TRUE.equals(page.executeScript(
                "return window.vigilOldPage === undefined && document.readyState === 'complete';")));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }

    private static String code(String base32Secret, Instant at) throws InvalidKeyException {
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();
        SecretKeySpec key = new SecretKeySpec(new Base32().decode(base32Secret), totp.getAlgorithm());
        return String.format("%06d", totp.generateOneTimePassword(key, at));
    }
}
