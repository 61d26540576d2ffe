package dev.vigil.benchmarks.intel;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;
import dev.vigil.intel.match.EventFieldMapping;
import dev.vigil.intel.match.EventMatcher;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.intel.match.IndicatorMatch;
import dev.vigil.intel.match.LiveIndicatorIndex;
import dev.vigil.intel.match.ObservableKind;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of one indicator lookup per event value against a synthetic indicator set (40 % IPv4, 10 % IPv4 CIDRs
 * /16-/30, 20 % domains, 20 % SHA-256, 10 % URLs), half of the probes hitting. Includes canonicalising the event value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class IndicatorMatchBenchmark {

    private static final int PROBES = 1 << 16;

    @Param({"1000000"})
    public int indicators;

    private IndicatorIndex index;
    private EventMatcher matcher;
    private String[] ipProbes;
    private String[] domainProbes;
    private String[] hashProbes;
    private String[] urlProbes;
    private List<Map<String, Object>> events;
    private int cursor;
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Setup(Level.Trial)
    public void build() {
        long start = usedHeap();
        SplittableRandom random = new SplittableRandom(42);
        List<Indicator> all = new java.util.ArrayList<>(indicators);
        String[] ips = new String[indicators];
        String[] domains = new String[indicators];
        String[] hashes = new String[indicators];
        String[] urls = new String[indicators];
        int nIp = 0;
        int nDomain = 0;
        int nHash = 0;
        int nUrl = 0;
        for (int i = 0; i < indicators; i++) {
            int bucket = random.nextInt(100);
            String id = "ioc-" + i;
            if (bucket < 40) {
                String ip = ip(random);
                ips[nIp++] = ip;
                all.add(Indicator.of(id, IndicatorType.IPV4, ip, "bench", 50));
            } else if (bucket < 50) {
                all.add(Indicator.of(id, IndicatorType.IPV4_CIDR, ip(random) + "/" + (16 + random.nextInt(15)),
                        "bench", 50));
            } else if (bucket < 70) {
                String domain = "host" + random.nextInt(1 << 30) + ".evil" + random.nextInt(1000) + ".test";
                domains[nDomain++] = domain;
                all.add(Indicator.of(id, IndicatorType.DOMAIN, domain, "bench", 50));
            } else if (bucket < 90) {
                byte[] digest = new byte[32];
                random.nextBytes(digest);
                String hash = HexFormat.of().formatHex(digest);
                hashes[nHash++] = hash;
                all.add(Indicator.of(id, IndicatorType.SHA256, hash, "bench", 50));
            } else {
                String url = "http://cdn" + random.nextInt(1 << 20) + ".test/p/" + Long.toHexString(random.nextLong())
                        + ".exe";
                urls[nUrl++] = url;
                all.add(Indicator.of(id, IndicatorType.URL, url, "bench", 50));
            }
        }
        long recordsOnly = usedHeap();
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        all.forEach(builder::add);
        index = builder.build();
        long withIndex = usedHeap();
        // The Indicator records (and their strings) are what the index keeps besides its lookup tables.
        System.err.printf("heap: %d MB indicator records (+16 MB probe arrays), %d MB lookup tables, %d indicators%n",
                (recordsOnly - start) >> 20, (withIndex - recordsOnly) >> 20, indicators);
        matcher = new EventMatcher(new LiveIndicatorIndex(index), EventFieldMapping.defaults());
        ipProbes = probes(random, ips, nIp, () -> ip(random));
        domainProbes = probes(random, domains, nDomain,
                () -> "www.host" + random.nextInt(1 << 30) + ".other" + random.nextInt(1000) + ".test");
        hashProbes = probes(random, hashes, nHash, () -> Long.toHexString(random.nextLong()).repeat(4));
        urlProbes = probes(random, urls, nUrl, () -> "http://cdn" + random.nextInt() + ".test/p/x.exe");
        events = new java.util.ArrayList<>(PROBES);
        for (int i = 0; i < PROBES; i++) {
            events.add(switch (i % 4) {
                case 0 -> Map.of("dst_ip", ipProbes[i]);
                case 1 -> Map.of("dns_query", domainProbes[i]);
                case 2 -> Map.of("file_hash", hashProbes[i]);
                default -> Map.of("http_url", urlProbes[i]);
            });
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Addresses spread over the whole IPv4 space, so networks overlap as rarely as in real feeds. */
    private static String ip(SplittableRandom random) {
        return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                + random.nextInt(256);
    }

    private static String[] probes(SplittableRandom random, String[] known, int count,
                                   java.util.function.Supplier<String> miss) {
        String[] probes = new String[PROBES];
        for (int i = 0; i < PROBES; i++) {
            probes[i] = i % 2 == 0 && count > 0 ? known[random.nextInt(count)] : miss.get();
        }
        return probes;
    }

    private int next() {
        cursor = (cursor + 1) & (PROBES - 1);
        return cursor;
    }

    @Benchmark
    public List<IndicatorMatch> ipv4() {
        return index.match(ObservableKind.IP_ADDRESS, ipProbes[next()], now);
    }

    @Benchmark
    public List<IndicatorMatch> domain() {
        return index.match(ObservableKind.DOMAIN, domainProbes[next()], now);
    }

    @Benchmark
    public List<IndicatorMatch> sha256() {
        return index.match(ObservableKind.FILE_HASH, hashProbes[next()], now);
    }

    @Benchmark
    public List<IndicatorMatch> url() {
        return index.match(ObservableKind.URL, urlProbes[next()], now);
    }

    @Benchmark
    public List<IndicatorMatch> mixedEvent() {
        return matcher.match(events.get(next()), now);
    }
}
