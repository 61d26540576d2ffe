package dev.vigil.benchmarks.bastion;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.gateway.VaultedKeys;
import dev.vigil.bastion.kex.KexKeyPoolSettings;
import dev.vigil.bastion.kex.UpstreamKexKeys;
import dev.vigil.testkit.ssh.TargetSshd;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.kex.DHGClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.BuiltinKEM;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.kex.KeyEncapsulationMethod;
import org.apache.sshd.common.kex.MontgomeryCurve;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Where the time of one upstream login goes: a MINA client set up like the gateway's upstream connector (no
 * ~/.ssh files, pinned host key, AES-GCM, the vaulted key) logs in to a real OpenSSH sshd on loopback, opens an exec
 * channel and reads its first byte. Phases from the client's session events: TCP connect, version exchange, KEXINIT
 * (algorithm negotiation), key exchange (key pair generation, the server's reply, host key check, NEWKEYS),
 * authentication, channel open, exec to first byte. Modes, alternating login by login: {@code inline} (MINA's own key
 * exchange factories: key pairs generated when the exchange starts; the gateway before issue 8's login work),
 * {@code ahead} (the gateway's pool of key pairs made ahead of time, {@link UpstreamKexKeys}), {@code ahead+nodelay}
 * (the pool and {@code TCP_NODELAY}: the gateway's upstream client now) and, for reference only, {@code classical}
 * ({@code curve25519-sha256}, which the gateway does not prefer). Logins are {@code PAUSE_MS} apart (bastion logins come
 * at human pace). Also times the key pair generation alone (thread CPU).
 *
 * <pre>java -cp benchmarks.jar dev.vigil.benchmarks.bastion.UpstreamLoginBreakdown [LOGINS_PER_MODE] [PAUSE_MS]</pre>
 */
public final class UpstreamLoginBreakdown {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] PHASES = {"connect", "version", "kexinit", "kex", "auth", "channel", "first byte", "total"};

    private UpstreamLoginBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        int logins = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        long pauseMs = args.length > 1 ? Long.parseLong(args[1]) : 500;
        keyGeneration(20);
        try (TargetSshd sshd = TargetSshd.start(); UpstreamKexKeys pool = new UpstreamKexKeys(KexKeyPoolSettings.DEFAULT)) {
            UpstreamCredential.PrivateKey credential = new UpstreamCredential.PrivateKey(sshd.accountPrivateKey(), null);
            Map<String, SshClient> modes = new LinkedHashMap<>();
            modes.put("inline", client(sshd));
            SshClient ahead = client(sshd);
            pool.installOn(ahead);
            modes.put("ahead", ahead);
            SshClient aheadNoDelay = client(sshd);
            pool.installOn(aheadNoDelay);
            CoreModuleProperties.TCP_NODELAY.set(aheadNoDelay, true);
            modes.put("ahead+nodelay", aheadNoDelay);
            SshClient classical = client(sshd);
            classical.setKeyExchangeFactories(List.of(DHGClient.newFactory(BuiltinDHFactories.curve25519)));
            modes.put("classical", classical);
            modes.values().forEach(SshClient::start);
            Map<String, List<long[]>> results = new LinkedHashMap<>();
            Map<String, String> negotiated = new LinkedHashMap<>();
            for (String mode : modes.keySet()) {
                results.put(mode, new ArrayList<>());
                login(modes.get(mode), sshd, credential, negotiated, mode); // warm-up
            }
            Thread.sleep(2000);
            long aheadBefore = pool.servedAhead();
            long inlineBefore = pool.generatedInline();
            for (int i = 0; i < logins; i++) {
                for (String mode : modes.keySet()) {
                    results.get(mode).add(login(modes.get(mode), sshd, credential, negotiated, mode));
                    Thread.sleep(pauseMs);
                }
            }
            System.out.printf("%d logins per mode, alternating, %d ms apart; medians (p10-p90) in ms%n", logins, pauseMs);
            System.out.printf("%-10s", "phase");
            modes.keySet().forEach(mode -> System.out.printf(" | %-26s", mode + " (" + negotiated.get(mode) + ")"));
            System.out.println();
            for (int p = 0; p < PHASES.length; p++) {
                System.out.printf("%-10s", PHASES[p]);
                for (String mode : modes.keySet()) {
                    int phase = p;
                    long[] values = results.get(mode).stream().mapToLong(r -> r[phase]).sorted().toArray();
                    System.out.printf(" | %7.1f (%6.1f-%6.1f)       ", ms(values, 50), ms(values, 10), ms(values, 90));
                }
                System.out.println();
            }
            System.out.printf("ahead: %d key exchanges used key pairs made ahead of time, %d generated inline (pool empty)%n",
                    pool.servedAhead() - aheadBefore, pool.generatedInline() - inlineBefore);
            for (SshClient client : modes.values()) {
                client.stop();
            }
        }
    }

    private static SshClient client(TargetSshd sshd) throws Exception {
        SshClient client = SshClient.setUpDefaultClient();
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setCipherFactories(List.of(BuiltinCiphers.aes128gcm, BuiltinCiphers.aes256gcm, BuiltinCiphers.aes128ctr));
        PublicKey pinned = OpenSshKeys.parse(sshd.hostPublicKey());
        client.setServerKeyVerifier((session, address, key) -> OpenSshKeys.same(pinned, key));
        return client;
    }

    /** One login and exec; the phases' durations in nanoseconds, in the order of {@link #PHASES}. */
    private static long[] login(SshClient client, TargetSshd sshd, UpstreamCredential credential, Map<String, String> negotiated, String mode)
            throws Exception {
        long[] at = new long[4]; // session created, identification received, negotiation end, key exchange completed
        SessionListener listener = new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                at[0] = System.nanoTime();
            }

            @Override
            public void sessionPeerIdentificationReceived(Session session, String version, List<String> extraLines) {
                at[1] = System.nanoTime();
            }

            @Override
            public void sessionNegotiationEnd(Session session, Map<KexProposalOption, String> clientProposal,
                    Map<KexProposalOption, String> serverProposal, Map<KexProposalOption, String> negotiatedOptions, Throwable reason) {
                at[2] = System.nanoTime();
            }

            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.KexCompleted && at[3] == 0) {
                    at[3] = System.nanoTime();
                }
            }
        };
        client.addSessionListener(listener);
        long start = System.nanoTime();
        try (ClientSession session = client.connect(sshd.account(), "127.0.0.1", sshd.port()).verify(Duration.ofSeconds(30)).getSession()) {
            VaultedKeys.addIdentity(session, credential);
            session.auth().verify(Duration.ofSeconds(30));
            long authenticated = System.nanoTime();
            negotiated.put(mode, session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS));
            try (ChannelExec channel = session.createExecChannel("echo ready")) {
                channel.open().verify(Duration.ofSeconds(30));
                long opened = System.nanoTime();
                InputStream out = channel.getInvertedOut();
                if (out.read() < 0) {
                    throw new IllegalStateException("no output from the target");
                }
                long firstByte = System.nanoTime();
                return new long[] {at[0] - start, at[1] - at[0], at[2] - at[1], at[3] - at[2], authenticated - at[3], opened - authenticated,
                        firstByte - opened, firstByte - start};
            }
        } finally {
            client.removeSessionListener(listener);
        }
    }

    /** The client key pairs of one sntrup761x25519 exchange, generated by the same MINA calls as its key exchange. */
    private static void keyGeneration(int rounds) {
        long[] sntrup = new long[rounds];
        long[] x25519 = new long[rounds];
        long[] sntrupWall = new long[rounds];
        for (int i = 0; i < rounds + 5; i++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            KeyEncapsulationMethod.Client kem = BuiltinKEM.sntrup761.getClient();
            kem.init();
            long kemCpu = THREADS.getCurrentThreadCpuTime() - cpu;
            long kemWall = System.nanoTime() - wall;
            cpu = THREADS.getCurrentThreadCpuTime();
            MontgomeryCurve.x25519.generateKeyPair();
            long xCpu = THREADS.getCurrentThreadCpuTime() - cpu;
            if (i >= 5) {
                sntrup[i - 5] = kemCpu;
                sntrupWall[i - 5] = kemWall;
                x25519[i - 5] = xCpu;
            }
        }
        Arrays.sort(sntrup);
        Arrays.sort(x25519);
        Arrays.sort(sntrupWall);
        System.out.printf("key pair generation (%d after 5 warm-up): sntrup761 thread CPU median %.1f ms (p10 %.1f, p90 %.1f), wall median %.1f ms;"
                + " x25519 thread CPU median %.2f ms%n", rounds, ms(sntrup, 50), ms(sntrup, 10), ms(sntrup, 90), ms(sntrupWall, 50), ms(x25519, 50));
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1))] / 1e6;
    }
}
