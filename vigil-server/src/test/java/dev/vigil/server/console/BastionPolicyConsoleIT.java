package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.vigil.server.VigilApplication;
import dev.vigil.server.access.internal.GatewayRunner;
import dev.vigil.server.support.Api;
import dev.vigil.server.support.HeadlessChromium;
import dev.vigil.server.support.IsolatedServerProperties;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
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
import tools.jackson.databind.JsonNode;

/**
 * The bastion's command policy, command templates and live view from the console in a real headless Chromium, with a
 * real sshd as the target and the real OpenSSH client (under expect) as the operator: an administrator adds, tests,
 * edits and deletes command rules, proposes a template and a new version of it (another person approves under
 * Changes), and watches a running shell in the terminal emulator, resized as the operator resizes, then kills it.
 */
@Tag("e2e")
@SpringBootTest(classes = VigilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BastionPolicyConsoleIT {

    private static final String ADMIN_PASSWORD = "bastion-policy-console-admin-pw";
    private static final String ADMIN_TOKEN = "vgl_bastion-policy-console-bootstrap-token-0123456789";
    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static Path dataDir;
    private static WebDriver browser;
    private static TargetSshd sshd;

    @LocalServerPort
    int port;

    @Autowired
    GatewayRunner gateway;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory("vigil-bastion-policy-console-it");
        IsolatedServerProperties.register(registry, dataDir, ADMIN_PASSWORD, ADMIN_TOKEN);
    }

    @BeforeAll
    static void start() throws IOException {
        sshd = TargetSshd.start();
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void anAdministratorWritesTestsAndRemovesCommandRules() {
        signIn();
        open("/bastion/command-rules");
        assertThat(browser.findElement(By.id("rules-table")).getText()).contains("No rules");

        fillRule("no-rm", "10", "deny", "rm shred", "", "web");
        HeadlessChromium.clickAndWait(browser, By.id("create-rule"));
        assertThat(notice()).contains("Rule no-rm added");
        fillRule("ask-for-restarts", "20", "review", "", "systemctl\\s+restart", "");
        HeadlessChromium.clickAndWait(browser, By.id("create-rule"));
        fillRule("zz-first", "5", "warn", "uptime", "", "");
        HeadlessChromium.clickAndWait(browser, By.id("create-rule"));
        List<String> order = browser.findElements(By.cssSelector("#rules-table tbody tr td:nth-child(2)")).stream().map(WebElement::getText).toList();
        assertThat(order).as("in the order the gateway checks them").containsExactly("zz-first", "no-rm", "ask-for-restarts");

        // The server's 400 is shown as its message, and nothing is added.
        fillRule("broken", "30", "deny", "", "(unclosed", "");
        HeadlessChromium.clickAndWait(browser, By.id("create-rule"));
        assertThat(browser.findElement(By.className("error")).getText()).contains("pattern does not compile");
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("at dev.vigil");
        assertThat(browser.findElement(By.id("rules-table")).getText()).doesNotContain("broken");

        // A dry run: denied by no-rm, with what the analyser saw.
        browser.findElement(By.id("test-line")).sendKeys("ls /tmp; sudo rm -rf /srv/data");
        browser.findElement(By.id("test-groups")).sendKeys("web");
        browser.findElement(By.id("test-account")).sendKeys("deploy");
        HeadlessChromium.clickAndWait(browser, By.id("run-test"));
        assertThat(browser.findElement(By.id("test-verdict")).getText()).isEqualTo("deny");
        assertThat(browser.findElement(By.id("test-rule")).getText()).isEqualTo("no-rm");
        assertThat(browser.findElement(By.id("test-commands")).getText()).contains("rm -rf /srv/data", "sudo", "ls /tmp");
        assertThat(browser.findElement(By.id("test-constructs")).getText()).contains("command list");
        // The same line elsewhere is not denied (no-rm is for the web group).
        browser.findElement(By.id("test-groups")).clear();
        browser.findElement(By.id("test-groups")).sendKeys("db");
        HeadlessChromium.clickAndWait(browser, By.id("run-test"));
        assertThat(browser.findElement(By.id("test-verdict")).getText()).isEqualTo("allow");

        // The db group in restricted mode: an allow-list, so the same line is denied there now; then the mode goes.
        new Select(browser.findElement(By.id("mode-mode"))).selectByValue("restricted");
        browser.findElement(By.id("mode-group")).sendKeys("db");
        HeadlessChromium.clickAndWait(browser, By.id("save-mode"));
        assertThat(notice()).contains("Scope db / any account is now restricted (uncertain commands: deny)");
        assertThat(browser.findElement(By.id("modes-table")).getText()).contains("db", "restricted", "deny", "admin");
        browser.findElement(By.id("test-line")).sendKeys("ls /tmp; sudo rm -rf /srv/data");
        browser.findElement(By.id("test-groups")).sendKeys("db");
        HeadlessChromium.clickAndWait(browser, By.id("run-test"));
        assertThat(browser.findElement(By.id("test-verdict")).getText()).isEqualTo("deny");
        new Select(browser.findElement(By.id("mode-uncertain"))).selectByValue("warn");
        browser.findElement(By.id("mode-group")).sendKeys("db");
        new Select(browser.findElement(By.id("mode-mode"))).selectByValue("restricted");
        HeadlessChromium.clickAndWait(browser, By.id("save-mode"));
        assertThat(browser.findElement(By.className("error")).getText()).as("restricted takes review or deny").isNotBlank();
        assertThat(browser.getPageSource()).doesNotContain("Exception");
        HeadlessChromium.clickAndWait(browser, By.cssSelector("#modes-table .delete-mode"));
        assertThat(notice()).contains("The mode of scope db / any account is removed");
        assertThat(browser.findElement(By.id("modes-table")).getText()).contains("Every scope is in deny-list mode");

        // Edit: no-rm moves after ask-for-restarts; then it is deleted.
        HeadlessChromium.clickAndWait(browser, By.linkText("no-rm"));
        WebElement priority = browser.findElement(By.id("rule-priority"));
        priority.clear();
        priority.sendKeys("50");
        HeadlessChromium.clickAndWait(browser, By.id("save-rule"));
        assertThat(notice()).contains("Rule no-rm saved");
        open("/bastion/command-rules");
        order = browser.findElements(By.cssSelector("#rules-table tbody tr td:nth-child(2)")).stream().map(WebElement::getText).toList();
        assertThat(order).containsExactly("zz-first", "ask-for-restarts", "no-rm");
        HeadlessChromium.clickAndWait(browser, By.linkText("no-rm"));
        HeadlessChromium.clickAndWait(browser, By.id("delete-rule"));
        assertThat(notice()).contains("Rule no-rm deleted");
        assertThat(browser.findElement(By.id("rules-table")).getText()).doesNotContain("no-rm");
        signOut();

        // The other tests' shells are not policed.
        Api api = new Api(port);
        for (JsonNode rule : api.get("/api/v1/access/command-rules", ADMIN_TOKEN).json()) {
            assertThat(api.delete("/api/v1/access/command-rules/" + rule.path("id").asString(), ADMIN_TOKEN).status()).isEqualTo(204);
        }
    }

    @Test
    void aTemplateIsProposedApprovedByAnotherPersonAndGetsANewVersionThatWaits() {
        Api api = new Api(port);
        api.createUser(ADMIN_TOKEN, "tina", PASSWORD, List.of("approver"), null);
        Api.Response target = api.post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", "lb01", "host", "10.9.9.9"));
        assertThat(target.status()).as(target.body()).isEqualTo(201);

        signIn();
        open("/bastion/command-templates");
        fillTemplate("restart-service", "systemctl restart {unit}", "ops");
        new Select(browser.findElement(By.id("template-target"))).selectByValue("lb01");
        List<WebElement> rows = browser.findElements(By.cssSelector("#new-template tr.blank-parameter"));
        rows.get(0).findElement(By.name("paramName")).sendKeys("unit");
        new Select(rows.get(0).findElement(By.name("paramType"))).selectByValue("enum");
        rows.get(0).findElement(By.name("paramValues")).sendKeys("nginx, haproxy");
        browser.findElement(By.id("template-reason")).sendKeys("restarts for the on-call playbook");
        HeadlessChromium.clickAndWait(browser, By.id("propose-template"));
        assertThat(notice()).contains("Template restart-service proposed");
        assertThat(browser.findElement(By.id("templates-table")).getText()).contains("No approved templates");
        assertThat(browser.findElement(By.id("pending-table")).getText()).contains("Create command template restart-service", "admin",
                "restarts for the on-call playbook", "systemctl restart {unit}");

        // Refused by the server: a placeholder without a parameter.
        fillTemplate("broken-template", "kill {pid}", "ops");
        new Select(browser.findElement(By.id("template-target"))).selectByValue("lb01");
        browser.findElement(By.id("template-reason")).sendKeys("broken on purpose");
        HeadlessChromium.clickAndWait(browser, By.id("propose-template"));
        assertThat(browser.findElement(By.className("error")).getText()).contains("pid");
        assertThat(browser.getPageSource()).doesNotContain("Exception");

        JsonNode pending = null;
        for (JsonNode change : api.get("/api/v1/changes?state=pending&kind=access.command-template.create", ADMIN_TOKEN).json()) {
            pending = change;
        }
        assertThat(pending).isNotNull();
        Api.Response approved = api.post("/api/v1/changes/" + pending.path("id").asString() + "/approve", api.login("tina", PASSWORD), Map.of());
        assertThat(approved.text("state")).as(approved.body()).isEqualTo("applied");

        open("/bastion/command-templates");
        assertThat(browser.findElement(By.id("templates-table")).getText()).contains("restart-service", "systemctl restart {unit}", "lb01");
        HeadlessChromium.clickAndWait(browser, By.linkText("restart-service"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("restart-service v1");
        assertThat(browser.findElement(By.id("parameters-table")).getText()).contains("unit", "enum", "nginx", "haproxy");
        assertThat(browser.findElement(By.id("versions-table")).getText()).contains("1", "admin", "tina");
        assertThat(browser.findElement(By.id("pending-table")).getText()).contains("No change is waiting");

        WebElement command = browser.findElement(By.id("template-command"));
        command.clear();
        command.sendKeys("systemctl try-restart {unit}");
        browser.findElement(By.id("template-reason")).sendKeys("do not start stopped services");
        HeadlessChromium.clickAndWait(browser, By.id("propose-version"));
        assertThat(notice()).contains("New version proposed");
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("the approved version stays current").isEqualTo("restart-service v1");
        assertThat(browser.findElement(By.id("pending-table")).getText()).contains("Update command template restart-service",
                "do not start stopped services", "-command: systemctl restart {unit}", "+command: systemctl try-restart {unit}");
        signOut();
    }

    @Test
    void aRunningShellIsWatchedInATerminalThatFollowsItsResizesAndIsKilled() throws Exception {
        Api api = new Api(port);
        api.createUser(ADMIN_TOKEN, "olga", PASSWORD, List.of("operator"), null);
        Path key = SshClientRun.generateKey(dataDir, "olga_key");
        assertThat(api.post("/api/v1/access/ssh-keys", api.login("olga", PASSWORD),
                Map.of("publicKey", Files.readString(dataDir.resolve("olga_key.pub")))).status()).isEqualTo(201);
        Api.Response target = api.post("/api/v1/access/targets", ADMIN_TOKEN, Map.of("name", "app01", "host", "127.0.0.1",
                "port", sshd.port(), "hostKey", sshd.hostPublicKey()));
        assertThat(target.status()).as(target.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/access/targets/" + target.text("id") + "/accounts", ADMIN_TOKEN,
                Map.of("name", sshd.account(), "credentialKind", "private-key", "secret", sshd.accountPrivateKey())).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/access/grants", ADMIN_TOKEN, Map.of("subject", "user:olga", "target", "app01", "account", sshd.account(),
                "channels", List.of("shell"), "validUntil", Instant.now().plus(Duration.ofHours(1)).toString(), "reason", "live view IT"))
                .status()).isEqualTo(201);

        // The operator's shell prints a marker, then waits for the go file to resize its terminal and print again.
        Path go = dataDir.resolve("resize.go");
        Path typeAfterResize = dataDir.resolve("type.go");
        Path script = dataDir.resolve("live.exp");
        Files.writeString(script, """
                set timeout 90
                set stty_init "rows 24 columns 100"
                spawn -noecho /usr/bin/ssh -F /dev/null -tt -p %d -i %s -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR olga%%%s%%app01@127.0.0.1
                proc step {label pattern} {
                    expect {
                        -re $pattern {}
                        timeout { puts "TIMEOUT $label"; exit 99 }
                        eof { puts "EOF $label"; exit 98 }
                    }
                }
                step first-prompt {[$#] $}
                send "echo LIVE-\\$((40+2))-MARK\\r"
                step marker {LIVE-42-MARK}
                step second-prompt {[$#] $}
                while {![file exists %s]} { after 200 }
                stty rows 30 columns 120 < $spawn_out(slave,name)
                while {![file exists %s]} { after 200 }
                send "stty size; echo RESIZED-\\$((3*3))\\r"
                step resized {RESIZED-9}
                expect eof
                """.formatted(gateway.port(), key, sshd.account(), go, typeAfterResize));
        CompletableFuture<SshClientRun.Result> shell = CompletableFuture.supplyAsync(() ->
                SshClientRun.run(List.of("/usr/bin/expect", script.toString()), null, Duration.ofMinutes(3)));

        signIn();
        String id = new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            assertThat(shell).as("the operator's shell ended early").isNotDone();
            JsonNode live = api.get("/api/v1/sessions?state=live&username=olga", ADMIN_TOKEN).json();
            return live.isEmpty() ? null : live.get(0).path("id").asString();
        });
        open("/bastion/sessions/" + id);
        WebElement screen = browser.findElement(By.id("live-output"));
        // xterm.js draws only while the terminal is on screen, as a reviewer watching it has it
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView();", screen);
        awaitLive("LIVE-42-MARK", shell);
        assertThat(screen.getAttribute("data-cols")).isEqualTo("100");
        assertThat(browser.findElements(By.cssSelector("#live-output .xterm-rows > div"))).hasSize(24);

        Files.writeString(go, "go");
        // The command is typed once the resize has reached the gateway: typed right after the resize, it once reached
        // the target before the window change did (under load), and this test is about the resize, not that order.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> "120".equals(screen.getAttribute("data-cols")));
        Files.writeString(typeAfterResize, "go");
        awaitLive("RESIZED-9", shell);
        assertThat(liveScreen()).as("the target saw the new size").contains("30 120");
        assertThat(screen.getAttribute("data-cols")).isEqualTo("120");
        assertThat(screen.getAttribute("data-rows")).isEqualTo("30");
        assertThat(browser.findElements(By.cssSelector("#live-output .xterm-rows > div"))).hasSize(30);

        browser.findElement(By.cssSelector("#kill-form input[name=reason]")).sendKeys("live view IT");
        HeadlessChromium.clickAndWait(browser, By.cssSelector("#kill-form button"));
        assertThat(notice()).contains("Session killed");
        SshClientRun.Result ended = shell.get();
        assertThat(ended.exitStatus()).as(ended.stdout() + ended.stderr()).isZero();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            open("/bastion/sessions/" + id);
            return !browser.findElement(By.id("session-fields")).getText().contains("running");
        });
        assertThat(browser.findElements(By.id("kill-form"))).isEmpty();
        signOut();
    }

    private void fillRule(String name, String priority, String action, String programs, String pattern, String targetGroup) {
        browser.findElement(By.id("rule-name")).sendKeys(name);
        WebElement field = browser.findElement(By.id("rule-priority"));
        field.clear();
        field.sendKeys(priority);
        new Select(browser.findElement(By.id("rule-action"))).selectByValue(action);
        browser.findElement(By.id("rule-programs")).sendKeys(programs);
        browser.findElement(By.id("rule-pattern")).sendKeys(pattern);
        browser.findElement(By.id("rule-target-group")).sendKeys(targetGroup);
    }

    private void fillTemplate(String name, String command, String account) {
        browser.findElement(By.id("template-name")).sendKeys(name);
        browser.findElement(By.id("template-command")).sendKeys(command);
        browser.findElement(By.id("template-account")).sendKeys(account);
    }

    private static String notice() {
        List<WebElement> notices = browser.findElements(By.className("notice"));
        assertThat(notices).as(() -> "no notice; the page says: " + browser.findElement(By.tagName("main")).getText()).isNotEmpty();
        return notices.get(0).getText();
    }

    /** Waits for the live terminal to show a text; on failure says what the page and the operator's shell showed. */
    private static void awaitLive(String text, CompletableFuture<SshClientRun.Result> shell) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> liveScreen().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the live view did not show " + text + "; state: " + browser.findElement(By.id("live-state")).getText()
                    + "; screen: " + liveScreen() + "; html: " + browser.findElement(By.id("live-output")).getAttribute("outerHTML")
                    + "; shell: " + (shell.isDone() ? shell.join().toString() : "running"), e);
        }
    }

    /** What the live terminal shows, row by row. */
    private static String liveScreen() {
        return String.join("\n", browser.findElements(By.cssSelector("#live-output .xterm-rows > div")).stream().map(WebElement::getText).toList());
    }

    private void signIn() {
        open("/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        HeadlessChromium.clickAndWait(browser, By.id("sign-in"));
    }

    private void signOut() {
        HeadlessChromium.clickAndWait(browser, By.id("sign-out"));
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }
}
