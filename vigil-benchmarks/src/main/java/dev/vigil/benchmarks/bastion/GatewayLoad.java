package dev.vigil.benchmarks.bastion;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import dev.vigil.bastion.transfer.FileTransfer;
import dev.vigil.bastion.gateway.AccessBroker;
import dev.vigil.bastion.gateway.AccessDecision;
import dev.vigil.bastion.gateway.BastionGateway;
import dev.vigil.bastion.gateway.ChannelRequest;
import dev.vigil.bastion.gateway.GatewaySettings;
import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.bastion.gateway.Operator;
import dev.vigil.bastion.gateway.RecordedCommand;
import dev.vigil.bastion.gateway.SessionClosed;
import dev.vigil.bastion.gateway.SessionOpened;
import dev.vigil.bastion.gateway.SessionSink;
import dev.vigil.bastion.gateway.TargetChoice;
import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.gateway.UpstreamTarget;
import com.sun.management.OperatingSystemMXBean;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;

/**
 * Load generator for the bastion gateway: a real sshd on loopback as the target, the gateway in this JVM with recording
 * on, and MINA clients. Measures (1) keystroke echo round trips on a PTY ({@code stty raw -echo; exec cat}), direct and
 * through the gateway; (2) bulk text output throughput and CPU time per MiB, direct and through the gateway, alternating
 * runs, the CPU time also counted from the first byte (the relay without the upstream login); (3) heap with N idle
 * interactive sessions open through the gateway.
 *
 * <p>Run as root, the target account is a throw-away one with {@code /bin/sh} as its shell, so that both paths start
 * their commands alike and cheaply; root's own login shell would source its {@code ~/.bashrc} for every exec (on the
 * build machines that runs {@code pyenv init}, hundreds of milliseconds before the first byte, and more under 200 idle
 * shells). Not as root, the target account is the user running it.
 *
 * <pre>java -Xmx1g -cp benchmarks.jar dev.vigil.benchmarks.bastion.GatewayLoad [KEYSTROKES] [BULK_MIB] [IDLE_SESSIONS] [BULK_RUNS]</pre>
 */
public final class GatewayLoad {

    private static final OperatingSystemMXBean PROCESS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private GatewayLoad() {
    }

    public static void main(String[] args) throws Exception {
        int keystrokes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int bulkMib = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int idle = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int bulkRuns = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = Files.createTempDirectory("vigil-gateway-load");
        try (BenchmarkTarget sshd = BenchmarkTarget.start()) {
            String account = sshd.account();
            System.out.println("target account: " + sshd.describe());
            KeyPair operatorKey = KeyUtils.generateKeyPair("ecdsa-sha2-nistp256", 256);
            String operatorLine = OpenSshKeys.canonical(operatorKey.getPublic());
            SessionSink sink = new CountingSink();
            AccessBroker broker = new AccessBroker() {
                @Override
                public AccessDecision authorize(ChannelRequest request) {
                    return new AccessDecision.Granted(new UpstreamTarget("t", "target", "127.0.0.1", sshd.port(), "a", account, "g"));
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
            try (BastionGateway gateway = new BastionGateway(new GatewaySettings("127.0.0.1", 0, dir.resolve("host_key"), Duration.ofSeconds(30),
                    256L * 1024 * 1024, Duration.ofSeconds(1)),
                    (user, key) -> OpenSshKeys.canonical(key).equals(operatorLine) ? Optional.of(new Operator("1", user)) : Optional.empty(),
                    broker, target -> new UpstreamCredential.PrivateKey(sshd.privateKey(), null),
                    (target, key) -> OpenSshKeys.same(OpenSshKeys.parse(sshd.hostPublicKey()), key)
                            ? dev.vigil.bastion.gateway.HostKeyTrust.Verdict.TRUSTED : dev.vigil.bastion.gateway.HostKeyTrust.Verdict.CHANGED,
                    sink);
                 SshClient client = SshClient.setUpDefaultClient()) {
                gateway.start();
                client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
                client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
                client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
                // the cipher the gateway prefers on both of its legs, so that direct and gateway encrypt alike
                client.setCipherFactories(List.of(BuiltinCiphers.aes128gcm));
                client.start();
                KeyPair targetKey = org.apache.sshd.common.util.security.SecurityUtils.loadKeyPairIdentities(null,
                        org.apache.sshd.common.NamedResource.ofName("target"), new java.io.ByteArrayInputStream(sshd.privateKey().getBytes()),
                        null).iterator().next();
                Endpoint direct = new Endpoint(client, account, sshd.port(), targetKey);
                Endpoint viaGateway = new Endpoint(client, "op%" + account + "%target", gateway.port(), operatorKey);

                echo(direct, 200);
                echo(viaGateway, 200);
                long[] directRtt = echo(direct, keystrokes);
                long[] gatewayRtt = echo(viaGateway, keystrokes);
                System.out.printf("keystroke echo (%d keys)   direct p50 %.3f ms p99 %.3f ms | gateway p50 %.3f ms p99 %.3f ms | added p50 %.3f ms p99 %.3f ms%n",
                        keystrokes, ms(directRtt, 50), ms(directRtt, 99), ms(gatewayRtt, 50), ms(gatewayRtt, 99),
                        ms(gatewayRtt, 50) - ms(directRtt, 50), ms(gatewayRtt, 99) - ms(directRtt, 99));

                bulk(direct, 1);
                bulk(viaGateway, 1);
                double[] ratios = new double[bulkRuns];
                double[] streamRatios = new double[bulkRuns];
                double[] relayCpu = new double[bulkRuns];
                double[] relayThreadCpu = new double[bulkRuns];
                for (int run = 0; run < bulkRuns; run++) {
                    Bulk directRun = bulk(direct, bulkMib);
                    Bulk gatewayRun = bulk(viaGateway, bulkMib);
                    ratios[run] = directRun.seconds() / gatewayRun.seconds();
                    streamRatios[run] = directRun.streamSeconds() / gatewayRun.streamSeconds();
                    System.out.printf("bulk text output (%d MiB)  direct %.1f MiB/s, first byte %.0f ms, %.1f ms CPU/MiB | gateway with recording"
                            + " %.1f MiB/s, first byte %.0f ms, %.1f ms CPU/MiB (the gateway's own %.1f; from the first byte %.1f, in Java threads %.2f)"
                            + " | ratio %.0f%%, from the first byte %.0f%%%n", bulkMib,
                            directRun.mibPerSecond(), directRun.firstByteSeconds() * 1000, directRun.cpuMsPerMib(), gatewayRun.mibPerSecond(),
                            gatewayRun.firstByteSeconds() * 1000, gatewayRun.cpuMsPerMib(), gatewayRun.cpuMsPerMib() - directRun.cpuMsPerMib(),
                            gatewayRun.streamCpuMsPerMib() - directRun.streamCpuMsPerMib(),
                            gatewayRun.threadCpuMsPerMib() - directRun.threadCpuMsPerMib(), 100 * ratios[run], 100 * streamRatios[run]);
                    relayCpu[run] = gatewayRun.streamCpuMsPerMib() - directRun.streamCpuMsPerMib();
                    relayThreadCpu[run] = gatewayRun.threadCpuMsPerMib() - directRun.threadCpuMsPerMib();
                }
                Arrays.sort(ratios);
                Arrays.sort(streamRatios);
                System.out.printf("bulk ratio over %d runs     median %.0f%% (min %.0f%%, max %.0f%%); from the first byte median %.0f%% (min %.0f%%, max %.0f%%)%n",
                        bulkRuns, 100 * ratios[bulkRuns / 2], 100 * ratios[0], 100 * ratios[bulkRuns - 1], 100 * streamRatios[bulkRuns / 2],
                        100 * streamRatios[0], 100 * streamRatios[bulkRuns - 1]);
                Arrays.sort(relayCpu);
                System.out.printf("gateway's own CPU from the first byte (relay and recording, without the login to the target): median %.1f ms/MiB (min %.1f, max %.1f)%n",
                        relayCpu[bulkRuns / 2], relayCpu[0], relayCpu[bulkRuns - 1]);
                Arrays.sort(relayThreadCpu);
                System.out.printf("  the same in Java threads only (no JIT compiler or GC threads): median %.2f ms/MiB (min %.2f, max %.2f)%n",
                        relayThreadCpu[bulkRuns / 2], relayThreadCpu[0], relayThreadCpu[bulkRuns - 1]);

                System.gc();
                long before = usedHeap();
                List<ClientSession> open = new ArrayList<>();
                for (int i = 0; i < idle; i++) {
                    ClientSession session = viaGateway.connect();
                    ChannelExec channel = session.createExecChannel("exec sleep 600");
                    channel.setUsePty(true);
                    channel.open().verify(Duration.ofSeconds(30));
                    open.add(session);
                }
                Thread.sleep(2000);
                System.gc();
                long after = usedHeap();
                System.out.printf("idle sessions              %d open through the gateway (and %d to the target): heap after GC %d MB (+%d MB, %.0f KB/session incl. client side)%n",
                        idle, idle, after >> 20, (after - before) >> 20, (after - before) / 1024.0 / idle);
                for (ClientSession session : open) {
                    session.close(true);
                }
            }
        }
    }

    private record Endpoint(SshClient client, String user, int port, KeyPair key) {
        ClientSession connect() throws Exception {
            ClientSession session = client.connect(user, "127.0.0.1", port).verify(Duration.ofSeconds(30)).getSession();
            session.addPublicKeyIdentity(key);
            session.auth().verify(Duration.ofSeconds(30));
            return session;
        }
    }

    private static long[] echo(Endpoint endpoint, int keystrokes) throws Exception {
        try (ClientSession session = endpoint.connect(); ChannelExec channel = session.createExecChannel("stty raw -echo; echo READY; exec cat")) {
            channel.setUsePty(true);
            channel.open().verify(Duration.ofSeconds(30));
            OutputStream in = channel.getInvertedIn();
            InputStream out = channel.getInvertedOut();
            awaitReady(out);
            long[] rtt = new long[keystrokes];
            for (int i = 0; i < keystrokes; i++) {
                byte key = (byte) ('a' + i % 26);
                long start = System.nanoTime();
                in.write(key);
                in.flush();
                int got;
                do {
                    got = out.read();
                } while (got != key && got >= 0);
                rtt[i] = System.nanoTime() - start;
            }
            in.write(4);
            in.flush();
            Arrays.sort(rtt);
            return rtt;
        }
    }

    /** Typing starts only once the terminal is raw and silent, so that every key comes back exactly once. */
    private static void awaitReady(InputStream out) throws java.io.IOException {
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains("READY")) {
            int b = out.read();
            if (b < 0) {
                throw new IllegalStateException("the target closed before it was ready: " + seen);
            }
            seen.append((char) b);
        }
        while (seen.charAt(seen.length() - 1) != '\n') {
            seen.append((char) out.read());
        }
    }

    /**
     * One bulk transfer: its wall-clock time and the CPU time this JVM spent meanwhile (the client alone when direct; the
     * client plus both gateway legs and the recording through the gateway), which the machine's load distorts less.
     */
    private record Bulk(int mib, double seconds, double firstByteSeconds, long cpuNanos, long streamCpuNanos, long streamThreadCpuNanos) {
        double mibPerSecond() {
            return mib / seconds;
        }

        /** From the first byte to the last: the relay alone, without the exec's start (and, through the gateway, its upstream login). */
        double streamSeconds() {
            return seconds - firstByteSeconds;
        }

        double cpuMsPerMib() {
            return cpuNanos / 1e6 / mib;
        }

        /** CPU time from the first byte to the last: the relay (and recording) alone, without the exec's start or the upstream login. */
        double streamCpuMsPerMib() {
            return streamCpuNanos / 1e6 / mib;
        }

        /**
         * The same, summed over the JVM's Java threads (the NIO threads and the carriers of virtual threads): nanosecond
         * clocks, and without the JIT compiler and GC threads, whose work in a short run is noise here.
         */
        double threadCpuMsPerMib() {
            return streamThreadCpuNanos / 1e6 / mib;
        }
    }

    private static Bulk bulk(Endpoint endpoint, int mib) throws Exception {
        try (ClientSession session = endpoint.connect();
             ChannelExec channel = session.createExecChannel("yes 'the quick brown fox jumps over the lazy dog 0123456789' | head -c " + mib * 1048576L)) {
            channel.open().verify(Duration.ofSeconds(30));
            InputStream out = channel.getInvertedOut();
            byte[] buffer = new byte[65536];
            long cpuStart = PROCESS.getProcessCpuTime();
            long start = System.nanoTime();
            long total = 0;
            long firstByte = 0;
            long firstByteCpu = 0;
            long firstByteThreadCpu = 0;
            for (int n = out.read(buffer); n >= 0; n = out.read(buffer)) {
                if (total == 0) {
                    firstByte = System.nanoTime();
                    firstByteCpu = PROCESS.getProcessCpuTime();
                    firstByteThreadCpu = javaThreadsCpu();
                }
                total += n;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = PROCESS.getProcessCpuTime() - cpuStart;
            long threadCpu = javaThreadsCpu() - firstByteThreadCpu;
            channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(30));
            if (total != mib * 1048576L) {
                throw new IllegalStateException("received " + total + " bytes, expected " + mib * 1048576L);
            }
            return new Bulk(mib, seconds, (firstByte - start) / 1e9, cpu, cpu - (firstByteCpu - cpuStart), threadCpu);
        }
    }

    private static long javaThreadsCpu() {
        long sum = 0;
        for (long id : THREADS.getAllThreadIds()) {
            sum += Math.max(0, THREADS.getThreadCpuTime(id));
        }
        return sum;
    }

    private static double ms(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Discards what the gateway reports; the recordings are still made (recording on). */
    private static final class CountingSink implements SessionSink {
        @Override
        public void opened(SessionOpened session) {
        }

        @Override
        public void command(String sessionId, RecordedCommand command) {
        }

        @Override
        public void transfer(String sessionId, FileTransfer transfer) {
        }

        @Override
        public void closed(String sessionId, SessionClosed outcome) {
        }

        @Override
        public void refused(ChannelRequest request, String reason) {
            System.err.println("refused: " + reason);
        }

        @Override
        public void hostKeyChanged(UpstreamTarget target, String presentedFingerprint) {
            System.err.println("host key changed: " + presentedFingerprint);
        }
    }
}
