package dev.vigil.benchmarks.detect;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A/B comparison of two builds of the detection engine in one process, in events per CPU-second of the measuring
 * thread: on a shared machine wall-clock rates mostly measure scheduling, while CPU time counts only the time the events
 * ran on a core. Each build is loaded by its own class loader from a class path (e.g. {@code /tmp/sigma-before.jar}
 * against {@code vigil-benchmarks/target/benchmarks.jar}, or {@code vigil-detect/target/classes:/tmp/sigma-before.jar}
 * for a build of the detection module alone) with its own copy of {@link SigmaWorkload} (so that neither build's
 * profile shapes how the other is compiled), both compile the same rule files, and the builds alternate slice by slice
 * so that both see the same machine. Reported: the median of the rounds for parse + match, match only (events parsed
 * once beforehand, folded values cached) and parse only, over the corpus's Windows events as in
 * {@link SigmaRuleSetBenchmark}.
 *
 * <pre>
 * java -cp benchmarks.jar dev.vigil.benchmarks.detect.SigmaCpuTime A_CLASSPATH B_CLASSPATH [RULES] [ROUNDS] [SLICE_MS]
 * </pre>
 */
public final class SigmaCpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] MODES = {"parse+match", "match only", "parse only"};

    private SigmaCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        String rules = args.length > 2 ? args[2] : "all";
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        long sliceNanos = (args.length > 4 ? Long.parseLong(args[4]) : 2000) * 1_000_000L;
        List<String> lines = SigmaCorpus.locate().eventLines();
        List<Path> ruleFiles = SigmaCorpus.locate().ruleFiles(rules);
        Engine[] engines = {new Engine("A", args[0], ruleFiles, lines), new Engine("B", args[1], ruleFiles, lines)};
        for (Engine engine : engines) {
            System.out.printf("%s: %s, %d rules compiled, %d matches over the corpus events%n", engine.name,
                    engine.classPath, engine.ruleCount, engine.matchesPerPass());
        }
        if (engines[0].matchesPerPass() != engines[1].matchesPerPass()) {
            System.out.println("WARNING: the builds disagree on the number of matches");
        }
        for (int warmup = 0; warmup < 2; warmup++) {
            for (Engine engine : engines) {
                for (int mode = 0; mode < MODES.length; mode++) {
                    engine.measure(mode, sliceNanos / 2);
                }
            }
        }
        double[][][] rates = new double[engines.length][MODES.length][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int mode = 0; mode < MODES.length; mode++) {
                for (int e = 0; e < engines.length; e++) {
                    // alternate which build goes first, so neither always follows the other's cache footprint
                    int which = (round % 2 == 0) ? e : engines.length - 1 - e;
                    rates[which][mode][round] = engines[which].measure(mode, sliceNanos);
                }
            }
        }
        System.out.printf("%s rule files, %d rounds of %d ms; events per CPU-second (median, min-max)%n", rules, rounds,
                sliceNanos / 1_000_000);
        for (int mode = 0; mode < MODES.length; mode++) {
            double a = median(rates[0][mode]);
            double b = median(rates[1][mode]);
            System.out.printf("%-12s A %,10.0f (%,.0f-%,.0f)   B %,10.0f (%,.0f-%,.0f)   B/A %.2f%n", MODES[mode], a,
                    min(rates[0][mode]), max(rates[0][mode]), b, min(rates[1][mode]), max(rates[1][mode]), b / a);
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElseThrow();
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    /** One build of the engine with its own copy of {@link SigmaWorkload}, called by reflection once per slice. */
    private static final class Engine {

        final String name;
        final String classPath;
        final int ruleCount;
        private final Object workload;
        private final Method run;
        private final long matchesPerPass;
        long sink;

        Engine(String name, String classPath, List<Path> ruleFiles, List<String> lines) throws Exception {
            this.name = name;
            this.classPath = classPath;
            URL[] urls = Stream.of(classPath.split(":")).map(p -> {
                try {
                    return Path.of(p).toUri().toURL();
                } catch (Exception e) {
                    throw new IllegalArgumentException(p, e);
                }
            }).toArray(URL[]::new);
            ClassLoader loader = new WorkloadLoader(name, urls);
            Class<?> workloadClass = loader.loadClass(SigmaWorkload.class.getName());
            workload = workloadClass.getConstructor(List.class, List.class).newInstance(ruleFiles, lines);
            ruleCount = (int) workloadClass.getMethod("ruleCount").invoke(workload);
            matchesPerPass = (long) workloadClass.getMethod("matchesPerPass").invoke(workload);
            run = workloadClass.getMethod("run", int.class, int.class);
        }

        long matchesPerPass() {
            return matchesPerPass;
        }

        /** Runs one mode for about {@code sliceNanos} of CPU time; events per CPU-second. */
        double measure(int mode, long sliceNanos) throws Exception {
            long start = THREADS.getCurrentThreadCpuTime();
            long spent;
            long events = 0;
            do {
                sink += (long) run.invoke(workload, mode, 256);
                events += 256;
                spent = THREADS.getCurrentThreadCpuTime() - start;
            } while (spent < sliceNanos);
            return events / (spent / 1e9);
        }
    }

    /** Loads the engine from its class path and defines its own {@link SigmaWorkload} from this jar's bytes. */
    private static final class WorkloadLoader extends URLClassLoader {

        WorkloadLoader(String name, URL[] urls) {
            super("engine-" + name, urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
            if (!className.equals(SigmaWorkload.class.getName())) {
                return super.loadClass(className, resolve);
            }
            synchronized (getClassLoadingLock(className)) {
                Class<?> loaded = findLoadedClass(className);
                if (loaded == null) {
                    String resource = className.replace('.', '/') + ".class";
                    try (var in = SigmaCpuTime.class.getClassLoader().getResourceAsStream(resource)) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(className, bytes, 0, bytes.length);
                    } catch (java.io.IOException e) {
                        throw new ClassNotFoundException(className, e);
                    }
                }
                return loaded;
            }
        }
    }
}
