package dev.vigil.benchmarks.bastion;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import dev.vigil.bastion.recording.Recording;
import dev.vigil.bastion.recording.SessionRecorder;

/**
 * CPU time of the recording alone, per MiB of terminal output, on the recording thread: a {@link SessionRecorder} fed
 * the bulk text of {@link GatewayLoad} in 32 KiB reads (the relay's buffer) as an exec channel (no command
 * reconstruction), then finished (asciicast v2 + input, gzip, SHA-256). Reports the median of {@code ROUNDS} rounds
 * after two warm-up rounds. CPU time, unlike wall-clock time, hardly moves with other work on the machine.
 *
 * <pre>java -cp benchmarks.jar dev.vigil.benchmarks.bastion.RecordingCpuTime [MIB] [ROUNDS]</pre>
 */
public final class RecordingCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int READ = 32 * 1024;

    private RecordingCpuTime() {
    }

    public static void main(String[] args) {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        byte[] text = "the quick brown fox jumps over the lazy dog 0123456789\n".getBytes(StandardCharsets.UTF_8);
        byte[] read = new byte[READ];
        for (int i = 0; i < read.length; i++) {
            read[i] = text[i % text.length];
        }
        double[] msPerMib = new double[rounds];
        long castBytes = 0;
        for (int round = -2; round < rounds; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            SessionRecorder recorder = new SessionRecorder(80, 24, 0, "load", Map.of("TERM", "dumb"), Long.MAX_VALUE, null);
            for (long fed = 0; fed < (long) mib << 20; fed += READ) {
                recorder.output(read, 0, READ);
            }
            Recording recording = recorder.finish();
            long cpu = THREADS.getCurrentThreadCpuTime() - start;
            castBytes = recording.castBytes();
            if (round >= 0) {
                msPerMib[round] = cpu / 1e6 / mib;
            }
        }
        Arrays.sort(msPerMib);
        System.out.printf("recording %d MiB of bulk text in %d KiB reads: median %.2f ms CPU/MiB (min %.2f, max %.2f); asciicast %d bytes%n",
                mib, READ / 1024, msPerMib[rounds / 2], msPerMib[0], msPerMib[rounds - 1], castBytes);
    }
}
