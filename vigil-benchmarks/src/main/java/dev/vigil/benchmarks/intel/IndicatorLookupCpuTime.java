package dev.vigil.benchmarks.intel;

import dev.vigil.intel.match.EventFieldMapping;
import dev.vigil.intel.match.EventMatcher;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.intel.match.LiveIndicatorIndex;
import dev.vigil.intel.match.ObservableKind;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * Single-threaded indicator lookups per CPU-second of the looking-up thread, next to the wall-clock rate. On a machine
 * shared with other work the wall-clock rate mostly measures how often the thread was scheduled; CPU time counts only
 * the time the lookups actually ran on a core (cache and memory-bus sharing still slow them down). Builds one
 * {@link SyntheticIndicators} set, warms each lookup type up, then reports the median of {@code ROUNDS} rounds of
 * 2^20 lookups per type. The kernel's share of the CPU time is printed too: it is mostly the page faults of the first
 * allocations into heap memory the JVM has just committed (see docs/BENCHMARKS.md), not the lookups' own work.
 *
 * <pre>java -Xmx12g -cp benchmarks.jar dev.vigil.benchmarks.intel.IndicatorLookupCpuTime INDICATORS [ROUNDS]</pre>
 */
public final class IndicatorLookupCpuTime {

    private static final int LOOKUPS = 1 << 20;
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private IndicatorLookupCpuTime() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        SyntheticIndicators set = new SyntheticIndicators(count);
        IndicatorIndex index = set.index;
        EventMatcher matcher = new EventMatcher(new LiveIndicatorIndex(index), EventFieldMapping.defaults());
        int mask = SyntheticIndicators.PROBES - 1;
        measure("ipv4", rounds, i -> index.match(ObservableKind.IP_ADDRESS, set.ipProbes[i & mask], NOW).size());
        measure("domain", rounds, i -> index.match(ObservableKind.DOMAIN, set.domainProbes[i & mask], NOW).size());
        measure("sha256", rounds, i -> index.match(ObservableKind.FILE_HASH, set.hashProbes[i & mask], NOW).size());
        measure("url", rounds, i -> index.match(ObservableKind.URL, set.urlProbes[i & mask], NOW).size());
        measure("mixedEvent", rounds, i -> matcher.match(set.events.get(i & mask), NOW).size());
    }

    private static void measure(String name, int rounds, IntUnaryOperator lookup) {
        long hits = 0;
        for (int warmup = 0; warmup < 3; warmup++) {
            hits += run(lookup, 0);
        }
        double[] perCpuSecond = new double[rounds];
        double[] perWallSecond = new double[rounds];
        double[] kernelShare = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long user = THREADS.getCurrentThreadUserTime();
            long wall = System.nanoTime();
            hits += run(lookup, round * LOOKUPS);
            long cpuNanos = THREADS.getCurrentThreadCpuTime() - cpu;
            perCpuSecond[round] = LOOKUPS / (cpuNanos / 1e9);
            perWallSecond[round] = LOOKUPS / ((System.nanoTime() - wall) / 1e9);
            kernelShare[round] = Math.max(0, cpuNanos - (THREADS.getCurrentThreadUserTime() - user)) / (double) cpuNanos;
        }
        Arrays.sort(perCpuSecond);
        Arrays.sort(perWallSecond);
        Arrays.sort(kernelShare);
        System.out.printf("%-11s %6.2f M lookups per CPU-second (min %.2f, max %.2f); %6.2f M per wall-second"
                        + " (median); kernel share of the CPU time %.0f-%.0f %%; %d matches%n", name,
                perCpuSecond[rounds / 2] / 1e6, perCpuSecond[0] / 1e6, perCpuSecond[rounds - 1] / 1e6,
                perWallSecond[rounds / 2] / 1e6, 100 * kernelShare[0], 100 * kernelShare[rounds - 1], hits);
    }

    private static long run(IntUnaryOperator lookup, int offset) {
        long matches = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            matches += lookup.applyAsInt(offset + i);
        }
        return matches;
    }
}
