package dev.vigil.bastion.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.vigil.bastion.policy.CommandAction;
import dev.vigil.bastion.policy.CommandPolicy;
import dev.vigil.bastion.policy.CommandRule;
import dev.vigil.bastion.policy.CommandScope;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway between the real OpenSSH client and a real sshd on loopback: exec exit codes, refusals, host-key pinning,
 * forwarding refused, exit signals, and a recording that replays what the target printed.
 */
class GatewayOpenSshTest {

    @TempDir
    static Path keys;

    static TargetSshd sshd;
    static BastionGateway gateway;
    static final RecordingSink SINK = new RecordingSink();
    static final Map<String, String> PINS = new ConcurrentHashMap<>();
    static final Map<String, Boolean> ACTIVE = new ConcurrentHashMap<>();
    static final Map<String, Boolean> REVOKED = new ConcurrentHashMap<>();
    static Path aliceKey;
    static Path bobKey;

    @BeforeAll
    static void start() throws Exception {
        sshd = TargetSshd.start();
        aliceKey = SshClientRun.generateKey(keys, "alice");
        bobKey = SshClientRun.generateKey(keys, "bob");
        Map<String, PublicKey> operatorKeys = Map.of("alice", OpenSshKeys.parse(Files.readString(keys.resolve("alice.pub"))),
                "bob", OpenSshKeys.parse(Files.readString(keys.resolve("bob.pub"))));
        PINS.put("web01", sshd.hostPublicKey());
        ACTIVE.put("alice", true);
        ACTIVE.put("bob", true);
        OperatorAuthenticator operators = new OperatorAuthenticator() {
            @Override
            public Optional<Operator> byPublicKey(String username, PublicKey key) {
                return Optional.ofNullable(operatorKeys.get(username)).filter(known -> OpenSshKeys.same(known, key))
                        .map(known -> new Operator("id-" + username, username));
            }

            @Override
            public Optional<Operator> byPasswordAndCode(String username, String password, String totpCode) {
                return username.equals("alice") && password.equals("alice-password") && totpCode.equals("246810")
                        ? Optional.of(new Operator("id-alice", "alice")) : Optional.empty();
            }

            @Override
            public boolean offersPasswordAndCode() {
                return true;
            }
        };
        AccessBroker broker = new AccessBroker() {
            @Override
            public AccessDecision authorize(ChannelRequest request) {
                String target = request.address().target().orElseThrow();
                if (!request.operator().username().equals("alice") || !PINS.containsKey(target) && !target.equals("unpinned")) {
                    return new AccessDecision.Refused("no grant for " + request.operator().username() + " on " + target);
                }
                if (REVOKED.containsKey(target)) {
                    return new AccessDecision.Refused("the grant on " + target + " was revoked");
                }
                if (request.kind() != ChannelKind.SHELL && request.kind() != ChannelKind.EXEC) {
                    return new AccessDecision.Refused("channel not granted");
                }
                return new AccessDecision.Granted(new UpstreamTarget("t-" + target, target, "127.0.0.1", sshd.port(), "a-1",
                        sshd.account(), "g-1"));
            }

            @Override
            public List<TargetChoice> choices(Operator operator) {
                return List.of(new TargetChoice(sshd.account(), "web01", "test target"));
            }

            @Override
            public boolean stillActive(Operator operator) {
                return ACTIVE.getOrDefault(operator.username(), false);
            }
        };
        CredentialSource vault = target -> new UpstreamCredential.PrivateKey(sshd.accountPrivateKey(), null);
        HostKeyTrust trust = (target, presented) -> {
            String pinned = PINS.get(target.targetName());
            if (pinned == null) {
                return HostKeyTrust.Verdict.UNCONFIRMED;
            }
            return OpenSshKeys.same(OpenSshKeys.parse(pinned), presented) ? HostKeyTrust.Verdict.TRUSTED : HostKeyTrust.Verdict.CHANGED;
        };
        PINS.put("guarded", sshd.hostPublicKey());
        CommandPolicy policy = new CommandPolicy(List.of(
                new CommandRule("rule-rm", "no-rm", Optional.of("guarded"), Optional.empty(), List.of("rm"), Optional.empty(), CommandAction.DENY),
                new CommandRule("rule-touch", "touch-noted", Optional.of("guarded"), Optional.empty(), List.of("touch"), Optional.empty(),
                        CommandAction.WARN)), List.of());
        CommandPolicySource policies = target -> policy.scoped(new CommandScope(Set.of(target.targetName()), target.account()));
        gateway = new BastionGateway(new GatewaySettings("127.0.0.1", 0, keys.resolve("gateway_host_key"), Duration.ofSeconds(10),
                8 * 1024 * 1024, Duration.ofMillis(300)), operators, broker, vault, trust, SINK, policies);
        gateway.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    private static String address(String operator, String target) {
        return operator + "%" + sshd.account() + "%" + target;
    }

    /**
     * An expect procedure the scripts share: {@code step LABEL -re|-gl PATTERN} waits for the pattern, or ends the script
     * with 99 on a timeout or 98 at the end of the output, printing which step it was.
     */
    private static final String EXPECT_STEP = """
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
            """;

    @Test
    void execPassesOutputAndExitStatusAndIsRecorded() throws Exception {
        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web01"), "echo hello; exit 3");

        assertThat(result.stdout()).isEqualTo("hello\n");
        assertThat(result.exitStatus()).isEqualTo(3);
        SessionOpened opened = SINK.opened.stream().filter(o -> o.command().orElse("").equals("echo hello; exit 3")).findFirst().orElseThrow();
        assertThat(opened.kind()).isEqualTo(ChannelKind.EXEC);
        assertThat(opened.target().account()).isEqualTo(sshd.account());
        SessionClosed closed = SINK.awaitClosed(opened.sessionId());
        assertThat(closed.exitStatus()).isEqualTo(3);
        assertThat(SINK.commands.get(opened.sessionId())).containsExactly("echo hello; exit 3");
        Casts.Cast cast = Casts.read(closed.recording().castGzip());
        assertThat(cast.header().get("version").asInt()).isEqualTo(2);
        assertThat(cast.output()).isEqualTo("hello\n");
        assertThat(closed.recording().sha256()).hasSize(64);
        assertThat(sshd.log()).contains("Accepted publickey for " + sshd.account());
    }

    @Test
    void bulkOutputReachesTheClientAndTheRecordingWholeAndInOrder() throws Exception {
        String command = "seq -f 'ü %.0f' 1 400000";
        String expected = IntStream.rangeClosed(1, 400_000).mapToObj(i -> "ü " + i + "\n").collect(Collectors.joining());

        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web01"), command);

        assertThat(result.exitStatus()).isZero();
        assertThat(result.stdout()).hasSameSizeAs(expected);
        assertThat(result.stdout().equals(expected)).as("the output as the target wrote it").isTrue();
        SessionOpened opened = SINK.opened.stream().filter(o -> o.command().orElse("").equals(command)).findFirst().orElseThrow();
        Casts.Cast cast = Casts.read(SINK.awaitClosed(opened.sessionId()).recording().castGzip());
        assertThat(cast.output().equals(expected)).as("the recorded output").isTrue();
        assertThat(cast.of("o")).hasSizeGreaterThan(1).allSatisfy(event -> assertThat(event.length()).isLessThanOrEqualTo(32 * 1024));
    }

    @Test
    void theLoginToTheTargetUsesAKeyPairMadeAheadOfTime() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gateway.upstreamKexKeys().ready() == 0) {
            assertThat(System.nanoTime()).as("a key pair made ahead in time").isLessThan(deadline);
            Thread.sleep(10);
        }
        long servedBefore = gateway.upstreamKexKeys().servedAhead();

        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web01"), "echo over a pooled key exchange");

        assertThat(result.stdout()).isEqualTo("over a pooled key exchange\n");
        assertThat(gateway.upstreamKexKeys().servedAhead()).isGreaterThan(servedBefore);
    }

    @Test
    void stderrAndLargeExitCodesPassThrough() {
        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web01"), "echo oops >&2; exit 201");

        assertThat(result.exitStatus()).isEqualTo(201);
        assertThat(result.stderr()).contains("oops");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void anOperatorWithoutAGrantIsRefused() {
        SshClientRun.Result result = SshClientRun.ssh(bobKey, gateway.port(), address("bob", "web01"), "echo hello");

        assertThat(result.exitStatus()).isEqualTo(BrokeredChannel.REFUSED);
        assertThat(result.stdout()).doesNotContain("hello");
        assertThat(result.stderr()).contains("no grant for bob on web01");
        assertThat(SINK.refusals).anyMatch(r -> r.contains("no grant for bob"));
    }

    @Test
    void aKeyNotRegisteredForTheOperatorCannotSignIn() {
        SshClientRun.Result result = SshClientRun.ssh(bobKey, gateway.port(), address("alice", "web01"), "echo hello");

        assertThat(result.exitStatus()).isEqualTo(255);
        assertThat(result.stderr()).contains("Permission denied");
    }

    @Test
    void execWithoutATargetIsRefusedWithTheSyntax() {
        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), "alice", "id");

        assertThat(result.exitStatus()).isEqualTo(BrokeredChannel.REFUSED);
        assertThat(result.stderr()).contains("alice%account%target");
    }

    @Test
    void aChangedTargetHostKeyIsRefusedAndReported() throws Exception {
        PINS.put("web02", Files.readString(keys.resolve("alice.pub")));
        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web02"), "echo hello");

        assertThat(result.exitStatus()).isEqualTo(BrokeredChannel.REFUSED);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("host key of web02 has CHANGED");
        assertThat(SINK.changedKeys).anyMatch(c -> c.startsWith("web02 SHA256:"));
    }

    @Test
    void anUnconfirmedHostKeyIsRefused() {
        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "unpinned"), "echo hello");

        assertThat(result.exitStatus()).isEqualTo(BrokeredChannel.REFUSED);
        assertThat(result.stderr()).contains("not confirmed yet");
    }

    @Test
    void anExitSignalReachesTheClientAsItWouldDirectly() {
        SshClientRun.Result viaGateway = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web01"), "kill -9 $$");

        assertThat(viaGateway.exitStatus()).isEqualTo(255);
    }

    @Test
    void portForwardingIsRefused() {
        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web01"),
                "-o", "LogLevel=INFO", "-W", "127.0.0.1:" + sshd.port(), "--");

        assertThat(result.exitStatus()).isEqualTo(255);
        assertThat(result.stderr()).containsAnyOf("administratively prohibited", "stdio forwarding failed");
        assertThat(result.stdout()).doesNotContain("SSH-2.0");
    }

    @Test
    void theSftpSubsystemIsRefused() {
        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web01"), "-s", "--", "sftp");

        assertThat(result.exitStatus()).isNotZero();
    }

    @Test
    void anInteractiveShellWithAPtyIsRecordedWithItsCommands() throws Exception {
        Path script = keys.resolve("shell.exp");
        Files.writeString(script, EXPECT_STEP + """
                set timeout 20
                log_file -noappend %s
                set prompt {:~[$#] $}
                set stty_init "rows 30 columns 100"
                spawn -noecho /usr/bin/ssh -F /dev/null -tt -p %d -i %s -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR %s@127.0.0.1
                step 1 -re $prompt
                send "echo MARK-\\$((6*7)) \\u00e9t\\u00e9\\r"
                step 2 -gl "MARK-42 été"
                step 3 -re $prompt
                exec stty rows 40 columns 120 < $spawn_out(slave,name)
                after 500
                send "stty size\\r"
                step 4 -re $prompt
                send "exit 5\\r"
                expect eof
                catch wait result
                exit [lindex $result 3]
                """.formatted(keys.resolve("shell.log"), gateway.port(), aliceKey, address("alice", "web01")));
        int before = SINK.opened.size();
        SshClientRun.Result result = SshClientRun.run(List.of("/usr/bin/expect", script.toString()), null);

        String seen = Files.readString(keys.resolve("shell.log"));
        assertThat(result.exitStatus()).as(seen + result.stderr()).isEqualTo(5);
        assertThat(seen).contains("MARK-42 été").contains("40 120");
        SessionOpened opened = SINK.opened.get(before);
        assertThat(opened.pty()).isTrue();
        SessionClosed closed = SINK.awaitClosed(opened.sessionId());
        assertThat(closed.exitStatus()).isEqualTo(5);
        assertThat(SINK.commands.get(opened.sessionId())).as(Casts.read(closed.recording().inputGzip()).events() + "\n" + Casts.read(closed.recording().castGzip()).events()).containsExactly("echo MARK-$((6*7)) été", "stty size", "exit 5");
        Casts.Cast cast = Casts.read(closed.recording().castGzip());
        assertThat(cast.output()).contains("MARK-42 été").doesNotContain("\ufffd");
        assertThat(cast.header().get("width").asInt()).isEqualTo(100);
        assertThat(cast.header().get("height").asInt()).isEqualTo(30);
        assertThat(cast.of("r")).as("resizes reach the recording").contains("120x40");
        assertThat(Casts.read(closed.recording().inputGzip()).of("i")).isNotEmpty();
    }

    @Test
    void withoutATargetTheOperatorPicksOneFromTheMenuAfterPasswordAndCode() throws Exception {
        Path script = keys.resolve("menu.exp");
        Files.writeString(script, EXPECT_STEP + """
                set timeout 20
                log_file -noappend %s
                spawn -noecho /usr/bin/ssh -F /dev/null -tt -p %d -o PubkeyAuthentication=no -o PreferredAuthentications=keyboard-interactive -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR alice@127.0.0.1
                step 5 -gl "Password: "
                send "alice-password\r"
                step 6 -gl "Verification code: "
                send "246810\r"
                step 7 -gl "Target (number or account%%target, q to quit): "
                send "9\r"
                step 8 -gl "No such target."
                send "1\r"
                step 9 -re {:~[$#] $}
                send "echo MENU-\\$((40+2))\r"
                step 10 -gl "MENU-42"
                send "exit 4\r"
                expect eof
                catch wait result
                exit [lindex $result 3]
                """.formatted(keys.resolve("menu.log"), gateway.port()));

        SshClientRun.Result result = SshClientRun.run(List.of("/usr/bin/expect", script.toString()), null);

        String seen = Files.readString(keys.resolve("menu.log"));
        assertThat(result.exitStatus()).as(seen).isEqualTo(4);
        assertThat(seen).contains("1) " + sshd.account() + "%web01  - test target").contains("MENU-42");
    }

    @Test
    void aWrongVerificationCodeIsRefused() throws Exception {
        Path script = keys.resolve("wrong-code.exp");
        Files.writeString(script, EXPECT_STEP + """
                set timeout 20
                spawn -noecho /usr/bin/ssh -F /dev/null -p %d -o PubkeyAuthentication=no -o PreferredAuthentications=keyboard-interactive -o NumberOfPasswordPrompts=1 -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR %s@127.0.0.1 id
                step 11 -gl "Password: "
                send "alice-password\r"
                step 12 -gl "Verification code: "
                send "111111\r"
                expect eof
                catch wait result
                exit [lindex $result 3]
                """.formatted(gateway.port(), address("alice", "web01")));

        SshClientRun.Result result = SshClientRun.run(List.of("/usr/bin/expect", script.toString()), null);

        assertThat(result.exitStatus()).as(result.stdout()).isEqualTo(255);
        assertThat(result.stdout()).contains("Permission denied").doesNotContain("uid=");
    }

    @Test
    void aRevokedGrantEndsTheLiveChannel() throws Exception {
        PINS.put("web03", sshd.hostPublicKey());
        java.util.concurrent.CompletableFuture<SshClientRun.Result> running = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web03"), "echo up; sleep 30"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (gateway.liveSessionIds().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        REVOKED.put("web03", true);

        SshClientRun.Result result = running.get(15, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(result.exitStatus()).isEqualTo(255);
        assertThat(result.stderr()).contains("session terminated: access ended: the grant on web03 was revoked");
    }

    @Test
    void aDisabledOperatorIsCutOffAtOnce() throws Exception {
        ACTIVE.put("carol", true);
        PINS.put("web04", sshd.hostPublicKey());
        java.util.concurrent.CompletableFuture<SshClientRun.Result> running = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web04"), "echo up; sleep 30"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (gateway.liveSessionIds().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        ACTIVE.put("alice", false);
        try {
            SshClientRun.Result result = running.get(15, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(result.exitStatus()).isEqualTo(255);
            assertThat(SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "web04"), "echo again").stdout()).isEmpty();
        } finally {
            ACTIVE.put("alice", true);
        }
    }

    @Test
    void anExecCommandDeniedByThePolicyNeverReachesTheTarget() throws Exception {
        Path victim = Files.writeString(keys.resolve("exec-victim.txt"), "keep me");
        int before = SINK.opened.size();

        SshClientRun.Result denied = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "guarded"), "echo start; r''m -f " + victim);

        assertThat(denied.exitStatus()).isEqualTo(BrokeredChannel.REFUSED);
        assertThat(denied.stderr()).contains("denied by the command policy").contains("rule no-rm");
        assertThat(denied.stdout()).doesNotContain("start");
        assertThat(victim).exists().hasContent("keep me");
        SessionOpened opened = SINK.opened.get(before);
        assertThat(opened.command()).contains("echo start; r''m -f " + victim);
        RecordedCommand recorded = SINK.decisions.get(opened.sessionId()).get(0);
        assertThat(recorded.action()).isEqualTo(CommandAction.DENY);
        assertThat(recorded.ruleId()).contains("rule-rm");
        assertThat(recorded.ran()).isFalse();
        assertThat(SINK.awaitClosed(opened.sessionId()).exitStatus()).isEqualTo(BrokeredChannel.REFUSED);

        SshClientRun.Result allowed = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "guarded"), "cat " + victim);
        assertThat(allowed.exitStatus()).isZero();
        assertThat(allowed.stdout()).isEqualTo("keep me");
    }

    @Test
    void aWarnedExecCommandRunsAndIsRecordedAsWarned() throws Exception {
        Path made = keys.resolve("exec-made.txt");
        int before = SINK.opened.size();

        SshClientRun.Result result = SshClientRun.ssh(aliceKey, gateway.port(), address("alice", "guarded"), "touch " + made);

        assertThat(result.exitStatus()).isZero();
        assertThat(made).exists();
        RecordedCommand recorded = SINK.decisions.get(SINK.opened.get(before).sessionId()).get(0);
        assertThat(recorded.action()).isEqualTo(CommandAction.WARN);
        assertThat(recorded.ruleId()).contains("rule-touch");
    }

    @Test
    void inAnInteractiveShellADeniedLineIsNotRunWhileAllowedAndWarnedOnesAre() throws Exception {
        Path victim = Files.writeString(keys.resolve("shell-victim.txt"), "keep me too");
        Path made = keys.resolve("shell-made.txt");
        Path heredoc = keys.resolve("shell-heredoc.txt");
        Path script = keys.resolve("policy.exp");
        Files.writeString(script, EXPECT_STEP + """
                set timeout 20
                log_file -noappend %s
                set prompt {:~[$#] $}
                set stty_init "rows 30 columns 200"
                spawn -noecho /usr/bin/ssh -F /dev/null -tt -p %d -i %s -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR %s@127.0.0.1
                step 1 -re $prompt
                send "\\\\rm -f %s\\r"
                step 2 -gl "denied by the command policy"
                step 3 -re $prompt
                send "touch %s\r"
                step 4 -re $prompt
                send "cat > %s <<EOF\r"
                step 4a -gl "> "
                send "rm -f %s\r"
                step 4b -gl "> "
                send "EOF\r"
                step 4c -re $prompt
                send "cat <<EOF\r"
                step 4d -gl "> "
                send "\003"
                step 4e -re $prompt
                send "rm -f %s\r"
                step 4f -gl "denied by the command policy"
                step 4g -re $prompt
                send "\\033\\[200~echo PASTE-\\$((2+3))\\rrm -f %s\\r\\033\\[201~"
                step 5 -gl "the paste was not sent"
                send "echo AFTER-\\$((40+2))\\r"
                step 6 -gl "AFTER-42"
                step 7 -re $prompt
                send "exit 7\r"
                expect eof
                catch wait result
                exit [lindex $result 3]
                """.formatted(keys.resolve("policy.log"), gateway.port(), aliceKey, address("alice", "guarded"), victim, made, heredoc, victim, victim, victim));
        int before = SINK.opened.size();

        SshClientRun.Result result = SshClientRun.run(List.of("/usr/bin/expect", script.toString()), null);

        String seen = Files.readString(keys.resolve("policy.log"));
        assertThat(result.exitStatus()).as(seen + result.stderr()).isEqualTo(7);
        assertThat(victim).as("the denied line did not run on the target").exists().hasContent("keep me too");
        assertThat(made).as("the warned line ran").exists();
        assertThat(heredoc).as("a here-document body is data").hasContent("rm -f " + victim);
        assertThat(seen).contains("AFTER-42").doesNotContain("PASTE-5");
        SessionOpened opened = SINK.opened.get(before);
        SINK.awaitClosed(opened.sessionId());
        List<RecordedCommand> recorded = SINK.decisions.get(opened.sessionId());
        assertThat(recorded).extracting(RecordedCommand::text, RecordedCommand::action).containsExactly(
                org.assertj.core.groups.Tuple.tuple("\\rm -f " + victim, CommandAction.DENY),
                org.assertj.core.groups.Tuple.tuple("touch " + made, CommandAction.WARN),
                org.assertj.core.groups.Tuple.tuple("cat > " + heredoc + " <<EOF\nrm -f " + victim + "\nEOF", CommandAction.ALLOW),
                org.assertj.core.groups.Tuple.tuple("rm -f " + victim, CommandAction.DENY),
                org.assertj.core.groups.Tuple.tuple("echo PASTE-$((2+3))\nrm -f " + victim, CommandAction.DENY),
                org.assertj.core.groups.Tuple.tuple("echo AFTER-$((40+2))", CommandAction.ALLOW),
                org.assertj.core.groups.Tuple.tuple("exit 7", CommandAction.ALLOW));
    }
}
