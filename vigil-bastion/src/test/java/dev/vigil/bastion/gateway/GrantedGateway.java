package dev.vigil.bastion.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;

/**
 * A gateway in front of a real sshd for the operator {@code alice} (key auth only), with grants as channel kinds per
 * target name and an optional further check; every granted target is the sshd. Used by the transfer and forwarding
 * tests.
 */
final class GrantedGateway implements AutoCloseable {

    final TargetSshd sshd;
    final BastionGateway gateway;
    final RecordingSink sink = new RecordingSink();
    final Path key;

    /** {@code refusal} returns why a request the grants allow is refused anyway, or null. */
    GrantedGateway(Path dir, Map<String, Set<ChannelKind>> grants, Function<ChannelRequest, String> refusal) throws Exception {
        sshd = TargetSshd.start();
        key = SshClientRun.generateKey(dir, "alice");
        PublicKey aliceKey = OpenSshKeys.parse(Files.readString(dir.resolve("alice.pub")));
        OperatorAuthenticator operators = new OperatorAuthenticator() {
            @Override
            public Optional<Operator> byPublicKey(String username, PublicKey presented) {
                return username.equals("alice") && OpenSshKeys.same(aliceKey, presented) ? Optional.of(new Operator("id-alice", "alice"))
                        : Optional.empty();
            }

            @Override
            public Optional<Operator> byPasswordAndCode(String username, String password, String totpCode) {
                return Optional.empty();
            }

            @Override
            public boolean offersPasswordAndCode() {
                return false;
            }
        };
        AccessBroker broker = new AccessBroker() {
            @Override
            public AccessDecision authorize(ChannelRequest request) {
                String target = request.address().target().orElseThrow();
                if (!grants.getOrDefault(target, Set.of()).contains(request.kind())) {
                    return new AccessDecision.Refused("no grant for alice on " + target + " (" + request.kind().label() + ") now");
                }
                String refused = refusal.apply(request);
                return refused != null ? new AccessDecision.Refused(refused)
                        : new AccessDecision.Granted(new UpstreamTarget("t-" + target, target, "127.0.0.1", sshd.port(), "a-1", sshd.account(), "g-1"));
            }

            @Override
            public List<TargetChoice> choices(Operator operator) {
                return List.of();
            }

            @Override
            public boolean stillActive(Operator operator) {
                return true;
            }
        };
        HostKeyTrust trust = (target, presented) -> OpenSshKeys.same(OpenSshKeys.parse(sshd.hostPublicKey()), presented)
                ? HostKeyTrust.Verdict.TRUSTED : HostKeyTrust.Verdict.CHANGED;
        gateway = new BastionGateway(new GatewaySettings("127.0.0.1", 0, dir.resolve("gateway_host_key"), Duration.ofSeconds(10),
                8 * 1024 * 1024, Duration.ofMillis(300)), operators, broker,
                target -> new UpstreamCredential.PrivateKey(sshd.accountPrivateKey(), null), trust, sink);
        gateway.start();
    }

    /** The SSH user name for {@code alice} as the sshd's account on {@code target}. */
    String user(String target) {
        return "alice%" + sshd.account() + "%" + target;
    }

    /** A real OpenSSH client program ({@code ssh}, {@code sftp}, {@code scp}) with alice's key and no user configuration. */
    List<String> client(String program, String logLevel) {
        String portFlag = program.endsWith("/ssh") ? "-p" : "-P";
        return new ArrayList<>(List.of(program, "-F", "/dev/null", portFlag, String.valueOf(gateway.port()), "-i", key.toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-o", "LogLevel=" + logLevel));
    }

    @Override
    public void close() throws Exception {
        try {
            gateway.close();
        } finally {
            sshd.close();
        }
    }
}
