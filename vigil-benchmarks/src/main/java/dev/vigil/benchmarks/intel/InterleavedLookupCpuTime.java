package dev.vigil.benchmarks.intel;

import java.io.File;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * The lookups of {@link IndicatorLookupCpuTime} for two builds of the benchmarks jar (say, before and after a change)
 * in one process, each in its own class loader with its own {@link SyntheticIndicators} set (the same seed, so the same
 * indicators and probes), measured in alternating rounds (A B, then B A, ...). On a shared machine the load drifts
 * between two runs made one after the other; interleaved rounds see the same load, so the per-round ratio B/A is
 * steadier than either figure. Prints, per lookup type, the median lookups per CPU-second of each and the median of
 * the per-round ratios.
 *
 * <pre>java -Xmx12g -cp benchmarks.jar dev.vigil.benchmarks.intel.InterleavedLookupCpuTime A.jar B.jar INDICATORS [ROUNDS]</pre>
 */
public final class InterleavedLookupCpuTime {

    private static final int LOOKUPS = 1 << 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] TYPES = {"ipv4", "domain", "sha256", "url", "mixedEvent"};
    /** Matches found per side (A, B) over all rounds, printed so that a difference between the builds shows. */
    private static final long[] MATCHES = new long[2];

    private InterleavedLookupCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        IntUnaryOperator[] a = lookups(new File(args[0]), count);
        IntUnaryOperator[] b = lookups(new File(args[1]), count);
        for (int type = 0; type < TYPES.length; type++) {
            for (int warmup = 0; warmup < 3; warmup++) {
                perCpuSecond(a[type], 0, 0);
                perCpuSecond(b[type], 0, 1);
            }
            MATCHES[0] = 0;
            MATCHES[1] = 0;
            double[] rateA = new double[rounds];
            double[] rateB = new double[rounds];
            double[] ratio = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                if (round % 2 == 0) {
                    rateA[round] = perCpuSecond(a[type], round * LOOKUPS, 0);
                    rateB[round] = perCpuSecond(b[type], round * LOOKUPS, 1);
                } else {
                    rateB[round] = perCpuSecond(b[type], round * LOOKUPS, 1);
                    rateA[round] = perCpuSecond(a[type], round * LOOKUPS, 0);
                }
                ratio[round] = rateB[round] / rateA[round];
            }
            System.out.printf("%-11s A %5.2f  B %5.2f M lookups per CPU-second (medians); B/A %.2f (rounds %.2f-%.2f);"
                            + " matches A %d, B %d%n", TYPES[type], median(rateA) / 1e6, median(rateB) / 1e6,
                    median(ratio), Arrays.stream(ratio).min().orElseThrow(), Arrays.stream(ratio).max().orElseThrow(),
                    MATCHES[0], MATCHES[1]);
        }
    }

    /** The five lookups of {@link IndicatorLookupCpuTime} against the classes of {@code jar}. */
    private static IntUnaryOperator[] lookups(File jar, int count) throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {jar.toURI().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> setClass = loader.loadClass(SyntheticIndicators.class.getName());
        Constructor<?> constructor = setClass.getDeclaredConstructor(int.class);
        constructor.setAccessible(true);
        Object set = constructor.newInstance(count);
        Object index = field(set, "index");
        Class<?> kinds = loader.loadClass("dev.vigil.intel.match.ObservableKind");
        Class<?> indexClass = loader.loadClass("dev.vigil.intel.match.IndicatorIndex");
        MethodHandle match = MethodHandles.publicLookup().unreflect(indexClass.getMethod("match", kinds, String.class,
                Instant.class)).bindTo(index);
        Class<?> live = loader.loadClass("dev.vigil.intel.match.LiveIndicatorIndex");
        Class<?> mapping = loader.loadClass("dev.vigil.intel.match.EventFieldMapping");
        Class<?> matcherClass = loader.loadClass("dev.vigil.intel.match.EventMatcher");
        Object matcher = matcherClass.getConstructor(live, mapping).newInstance(
                live.getConstructor(indexClass).newInstance(index), mapping.getMethod("defaults").invoke(null));
        MethodHandle matchEvent = MethodHandles.publicLookup().unreflect(matcherClass.getMethod("match", Map.class,
                Instant.class)).bindTo(matcher);
        int mask = SyntheticIndicators.PROBES - 1;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        String[][] probes = {(String[]) field(set, "ipProbes"), (String[]) field(set, "domainProbes"),
                (String[]) field(set, "hashProbes"), (String[]) field(set, "urlProbes")};
        String[] kindNames = {"IP_ADDRESS", "DOMAIN", "FILE_HASH", "URL"};
        IntUnaryOperator[] lookups = new IntUnaryOperator[TYPES.length];
        for (int type = 0; type < probes.length; type++) {
            Object kind = kinds.getField(kindNames[type]).get(null);
            String[] values = probes[type];
            lookups[type] = i -> invoke(() -> ((List<?>) match.invoke(kind, values[i & mask], now)).size());
        }
        List<?> events = (List<?>) field(set, "events");
        lookups[4] = i -> invoke(() -> ((List<?>) matchEvent.invoke(events.get(i & mask), now)).size());
        return lookups;
    }

    private interface Lookup {
        int run() throws Throwable;
    }

    private static int invoke(Lookup lookup) {
        try {
            return lookup.run();
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object field(Object target, String name) throws ReflectiveOperationException {
        Field field = target.getClass().getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
    }

    private static double perCpuSecond(IntUnaryOperator lookup, int offset, int side) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long matches = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            matches += lookup.applyAsInt(offset + i);
        }
        double rate = LOOKUPS / ((THREADS.getCurrentThreadCpuTime() - cpu) / 1e9);
        MATCHES[side] += matches;
        return rate;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
