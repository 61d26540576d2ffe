package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vigil.bastion.gateway.OpenSshKeys;
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

/**
 * The bastion from the console in a real headless Chromium, with a real sshd as the target and the real OpenSSH client
 * as the operator: an administrator creates a target (trust on first use) and its vaulted account, grants an operator,
 * confirms the host key the gateway saw, and replays the operator's recorded shell session in the page, jumping to a
 * command from the command index; the operator requests access from the console.
 */
@Tag("e2e")
@SpringBootTest(classes = VigilApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BastionConsoleIT {

    private static final String ADMIN_PASSWORD = "bastion-console-admin-pw";
    private static final String ADMIN_TOKEN = "vgl_bastion-console-bootstrap-token-0123456789";
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
        dataDir = Files.createTempDirectory("vigil-bastion-console-it");
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
    void anAdministratorSetsUpATargetAndGrantFromTheConsoleAndReplaysTheRecordedSession() throws Exception {
        Api api = new Api(port);
        api.createUser(ADMIN_TOKEN, "alice", PASSWORD, List.of("operator"), null);
        Path aliceKey = SshClientRun.generateKey(dataDir, "alice_key");
        Api.Response registered = api.post("/api/v1/access/ssh-keys", api.login("alice", PASSWORD),
                Map.of("publicKey", Files.readString(dataDir.resolve("alice_key.pub"))));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);

        // Target without a host key (trust on first use), its vaulted account, and a grant: all from the console.
        signIn("admin", ADMIN_PASSWORD);
        open("/bastion/targets");
        browser.findElement(By.id("target-name")).sendKeys("web01");
        browser.findElement(By.id("target-host")).sendKeys("127.0.0.1");
        browser.findElement(By.id("target-port")).clear();
        browser.findElement(By.id("target-port")).sendKeys(String.valueOf(sshd.port()));
        browser.findElement(By.id("target-groups")).sendKeys("web");
        HeadlessChromium.clickAndWait(browser, By.id("create-target"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("Target web01 created");
        assertThat(browser.findElement(By.id("pinned-fingerprint")).getText()).isEqualTo("none yet");
        String targetPage = browser.getCurrentUrl();

        browser.findElement(By.id("account-name")).sendKeys(sshd.account());
        new Select(browser.findElement(By.id("account-kind"))).selectByValue("private-key");
        setValue(browser.findElement(By.id("account-secret")), sshd.accountPrivateKey());
        HeadlessChromium.clickAndWait(browser, By.id("add-account"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("added");
        assertThat(browser.findElement(By.id("accounts-table")).getText()).contains(sshd.account(), "private-key")
                .doesNotContain("OPENSSH PRIVATE KEY");
        assertThat(browser.getPageSource()).doesNotContain("OPENSSH PRIVATE KEY");

        open("/bastion/grants");
        browser.findElement(By.id("grant-subject")).sendKeys("alice");
        new Select(browser.findElement(By.id("grant-target"))).selectByValue("web01");
        browser.findElement(By.id("grant-account")).sendKeys(sshd.account());
        browser.findElement(By.id("grant-reason")).sendKeys("console IT");
        HeadlessChromium.clickAndWait(browser, By.id("create-grant"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("Grant for user:alice created");
        assertThat(browser.findElement(By.id("grants-table")).getText()).contains("user:alice", "web01", "shell, exec", "active");
        open("/bastion/grants");
        browser.findElement(By.id("grant-subject")).sendKeys("alice");
        new Select(browser.findElement(By.id("grant-target"))).selectByValue("web01");
        browser.findElement(By.id("grant-account")).sendKeys(sshd.account());
        browser.findElement(By.id("grant-agent-forward")).click();
        browser.findElement(By.id("grant-remote-forward")).click();
        browser.findElement(By.id("grant-binds")).sendKeys("localhost:8080");
        HeadlessChromium.clickAndWait(browser, By.id("create-grant"));
        assertThat(browser.findElement(By.id("grants-table")).getText()).contains("remote-forward, agent-forward", "listen localhost:8080");

        // The first connection records the key the target presents and is refused; the administrator confirms it.
        String address = "alice%" + sshd.account() + "%web01";
        SshClientRun.Result refused = SshClientRun.ssh(aliceKey, gateway.port(), address, "true");
        assertThat(refused.exitStatus()).isNotZero();
        browser.get(targetPage);
        String expected = OpenSshKeys.fingerprint(OpenSshKeys.parse(sshd.hostPublicKey()));
        assertThat(browser.findElement(By.id("pending-fingerprint")).getText()).isEqualTo(expected);
        HeadlessChromium.clickAndWait(browser, By.id("confirm-key"));
        assertThat(browser.findElement(By.id("pinned-fingerprint")).getText()).isEqualTo(expected);

        // The operator's interactive shell through the gateway, recorded with its commands.
        Path script = dataDir.resolve("shell.exp");
        Path transcript = dataDir.resolve("shell.log");
        Files.writeString(script, """
                proc step {label mode pattern} {
                    if {$mode eq "-re"} {
                        expect {
                            -re $pattern {}
                            timeout { puts "TIMEOUT $label"; exit 99 }
                            eof { puts "EOF $label"; exit 98 }
                        }
                    } else {
                        expect {
                            -gl $pattern {}
                            timeout { puts "TIMEOUT $label"; exit 99 }
                            eof { puts "EOF $label"; exit 98 }
                        }
                    }
                }
                set timeout 60
                log_file -noappend %s
                set prompt {[$#] $}
                set stty_init "rows 24 columns 100"
                spawn -noecho /usr/bin/ssh -F /dev/null -tt -p %d -i %s -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR %s@127.0.0.1
                step prompt-1 -re $prompt
                send "echo REPLAY-\\$((20+22))-ONE\\r"
                step output-1 -gl "REPLAY-42-ONE"
                step prompt-2 -re $prompt
                sleep 1.5
                send "echo REPLAY-\\$((6*7))-TWO\\r"
                step output-2 -gl "REPLAY-42-TWO"
                step prompt-3 -re $prompt
                send "exit\\r"
                expect eof
                """.formatted(transcript, gateway.port(), aliceKey, address));
        SshClientRun.Result shell = SshClientRun.run(List.of("/usr/bin/expect", script.toString()), null, Duration.ofMinutes(5));
        assertThat(shell.exitStatus()).as(() -> shell.stdout() + shell.stderr() + read(transcript)).isZero();

        // The session page replays the recording in the browser; a command of the index moves the time.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
            open("/bastion/sessions");
            String newest = browser.findElement(By.cssSelector("#sessions-table tbody tr")).getText();
            return newest.contains("shell (pty)") && newest.endsWith(" ended");
        });
        HeadlessChromium.clickAndWait(browser, browser.findElement(By.cssSelector("#sessions-table tbody tr td a")));
        WebElement player = browser.findElement(By.id("player"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> "true".equals(player.getAttribute("data-ready")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> screen().contains("REPLAY-42-TWO"));
        assertThat(screen()).contains("REPLAY-42-ONE", "echo REPLAY-$((6*7))-TWO");
        double end = Double.parseDouble(player.getAttribute("data-time"));

        WebElement second = browser.findElements(By.cssSelector("#commands-table a.jump")).get(1);
        double secondAt = Double.parseDouble(second.getAttribute("data-jump"));
        assertThat(browser.findElement(By.id("commands-table")).getText()).contains("echo REPLAY-$((6*7))-TWO");
        WebElement first = browser.findElements(By.cssSelector("#commands-table a.jump")).get(0);
        double firstAt = Double.parseDouble(first.getAttribute("data-jump"));
        assertThat(firstAt).isLessThan(secondAt).isLessThan(end);
        first.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                Math.abs(Double.parseDouble(player.getAttribute("data-time")) - firstAt) < 0.001
                        && !screen().contains("REPLAY-42-TWO"));
        assertThat(screen()).contains("echo REPLAY-$((20+22))-ONE").doesNotContain("-TWO");

        // Playing on from there at 8x moves the time forward and draws the rest.
        new Select(browser.findElement(By.id("player-speed"))).selectByValue("8");
        browser.findElement(By.id("player-play")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> screen().contains("REPLAY-42-TWO"));
        assertThat(Double.parseDouble(player.getAttribute("data-time"))).isGreaterThan(secondAt);

        // The operator asks for access from the console; it waits for approvers.
        signOut();
        signIn("alice", PASSWORD);
        open("/bastion/requests");
        browser.findElement(By.id("request-target")).sendKeys("web01");
        browser.findElement(By.id("request-account")).sendKeys(sshd.account());
        browser.findElement(By.id("request-purpose")).sendKeys("rotate the web01 logs");
        HeadlessChromium.clickAndWait(browser, By.id("request-access"));
        assertThat(browser.findElement(By.className("notice")).getText()).contains("Access requested");
        assertThat(browser.findElement(By.id("requests-table")).getText()).contains("rotate the web01 logs", "pending", "alice");
        assertThat(browser.findElements(By.linkText("Bastion targets"))).isEmpty();
        signOut();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** What the replay terminal shows, row by row. */
    private static String screen() {
        return String.join("\n", browser.findElements(By.cssSelector("#player-screen .xterm-rows > div")).stream()
                .map(WebElement::getText).toList());
    }

    private static void setValue(WebElement field, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, value);
    }

    private void signIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        HeadlessChromium.clickAndWait(browser, By.id("sign-in"));
    }

    private void signOut() {
        HeadlessChromium.clickAndWait(browser, By.id("sign-out"));
        assertThat(browser.getCurrentUrl()).contains("/login?signedOut");
    }

    private void open(String path) {
        browser.get("http://127.0.0.1:" + port + path);
    }
}
