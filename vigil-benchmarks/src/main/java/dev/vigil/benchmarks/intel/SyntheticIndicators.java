package dev.vigil.benchmarks.intel;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;
import dev.vigil.intel.match.IndicatorIndex;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A synthetic indicator set (40 % IPv4, 10 % IPv4 CIDRs /16-/30, 20 % domains, 20 % SHA-256, 10 % URLs) indexed once,
 * with probe values per lookup type of which half hit, and single-field events cycling through the four types. Building
 * it prints the index build time and the retained heap per indicator (measured after full GCs) to stderr.
 */
final class SyntheticIndicators {

    static final int PROBES = 1 << 16;

    final int count;
    final IndicatorIndex index;
    final long buildNanos;
    final long tableBytes;
    final long recordBytes;
    final String[] ipProbes;
    final String[] domainProbes;
    final String[] hashProbes;
    final String[] urlProbes;
    final List<Map<String, Object>> events;

    SyntheticIndicators(int count) {
        this.count = count;
        SplittableRandom random = new SplittableRandom(42);
        String[] ips = new String[count];
        String[] domains = new String[count];
        String[] hashes = new String[count];
        String[] urls = new String[count];
        long start = usedHeap();
        List<Indicator> all = new ArrayList<>(count);
        int nIp = 0;
        int nDomain = 0;
        int nHash = 0;
        int nUrl = 0;
        for (int i = 0; i < count; i++) {
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
        long buildStart = System.nanoTime();
        index = build(all);
        buildNanos = System.nanoTime() - buildStart;
        long withIndex = usedHeap();
        // The Indicator records (with their id and value strings) are what the index keeps besides its lookup tables.
        recordBytes = recordsOnly - start;
        tableBytes = withIndex - recordsOnly;
        System.err.printf("%n%,d indicators: index built in %,d ms (%,.0f indicators/s); retained heap %,d MB lookup"
                        + " tables (%.1f B/indicator) + %,d MB indicator records (%.1f B/indicator) = %.1f B/indicator%n",
                count, buildNanos / 1_000_000, count / (buildNanos / 1e9), tableBytes >> 20,
                (double) tableBytes / count, recordBytes >> 20, (double) recordBytes / count,
                (double) (tableBytes + recordBytes) / count);
        ipProbes = probes(random, ips, nIp, () -> ip(random));
        domainProbes = probes(random, domains, nDomain,
                () -> "www.host" + random.nextInt(1 << 30) + ".other" + random.nextInt(1000) + ".test");
        hashProbes = probes(random, hashes, nHash, () -> Long.toHexString(random.nextLong()).repeat(4));
        urlProbes = probes(random, urls, nUrl, () -> "http://cdn" + random.nextInt() + ".test/p/x.exe");
        events = new ArrayList<>(PROBES);
        for (int i = 0; i < PROBES; i++) {
            events.add(switch (i % 4) {
                case 0 -> Map.of("dst_ip", ipProbes[i]);
                case 1 -> Map.of("dns_query", domainProbes[i]);
                case 2 -> Map.of("file_hash", hashProbes[i]);
                default -> Map.of("http_url", urlProbes[i]);
            });
        }
    }

    private static IndicatorIndex build(List<Indicator> all) {
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        all.forEach(builder::add);
        return builder.build();
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

    private static String[] probes(SplittableRandom random, String[] known, int count, Supplier<String> miss) {
        String[] probes = new String[PROBES];
        for (int i = 0; i < PROBES; i++) {
            probes[i] = i % 2 == 0 && count > 0 ? known[random.nextInt(count)] : miss.get();
        }
        return probes;
    }
}
