package dev.vigil.benchmarks.intel;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for loading a large indicator feed into a running server while events keep arriving. It creates a
 * probe feed with one domain and a CSV feed, then keeps sending one event with the probe domain every 250 ms (a new
 * host each time) and measures how long each takes to become an alert, while it imports N synthetic indicators
 * (IPv4, domains, SHA-256, URLs) into the CSV feed. Reports the import time, the time until the live matcher holds
 * them, and the probe alert latency before, during and after the load (matching must not pause).
 *
 * <pre>java -cp benchmarks.jar dev.vigil.benchmarks.intel.FeedLoad URL INGEST_TOKEN API_TOKEN INDICATORS</pre>
 */
public final class FeedLoad {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern LIVE = Pattern.compile("\"liveIndicators\"\\s*:\\s*(\\d+)");
    private static final Pattern HOST = Pattern.compile("\"host\\.name\"\\s*:\\s*\"(probe-[^\"]+)\"");
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\} ([0-9.eE+]+)");

    private FeedLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: FeedLoad URL INGEST_TOKEN API_TOKEN INDICATORS");
            System.exit(2);
        }
        String base = args[0];
        String ingestToken = args[1];
        String apiToken = args[2];
        int indicators = Integer.parseInt(args[3]);
        String run = UUID.randomUUID().toString().substring(0, 8);

        String probeFeed = id(post(base, apiToken, "/api/v1/intel/feeds", "application/json",
                "{\"name\":\"probe-" + run + "\",\"format\":\"plain\",\"confidence\":90}"));
        post(base, apiToken, "/api/v1/intel/feeds/" + probeFeed + "/indicators", "text/plain", "probe-" + run + ".test\n");
        String feed = id(post(base, apiToken, "/api/v1/intel/feeds", "application/json",
                "{\"name\":\"load-" + run + "\",\"format\":\"csv\",\"confidence\":60,\"expiresAfterDays\":0}"));
        long baseline = live(base, apiToken);
        byte[] csv = csv(indicators, run);
        System.out.printf("feed of %,d indicators, %,d bytes; %,d indicators live before%n", indicators, csv.length, baseline);

        Map<String, Long> sent = new ConcurrentHashMap<>();
        Map<String, Long> alerted = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread prober = Thread.ofPlatform().start(() -> probe(base, ingestToken, run, sent, stop));
        Thread watcher = Thread.ofPlatform().start(() -> watch(base, apiToken, run, alerted, stop));
        Thread.sleep(5_000);
        double heapBefore = heap(base, apiToken);

        long start = System.nanoTime();
        HttpResponse<String> report = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/intel/feeds/" + feed + "/indicators"))
                .header("Authorization", "Bearer " + apiToken).header("Content-Type", "text/csv").timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build(), HttpResponse.BodyHandlers.ofString());
        long imported = System.nanoTime();
        if (report.statusCode() != 200) {
            throw new IllegalStateException("import answered " + report.statusCode() + ": " + report.body());
        }
        while (live(base, apiToken) < baseline + indicators) {
            Thread.sleep(100);
        }
        long liveAt = System.nanoTime();
        Thread.sleep(5_000);
        double heapAfter = heap(base, apiToken);
        stop.set(true);
        prober.join();
        Thread.sleep(3_000);
        watcher.join();

        long importStart = System.currentTimeMillis() - (System.nanoTime() - start) / 1_000_000;
        long liveMillis = importStart + (liveAt - start) / 1_000_000;
        System.out.printf("import answered after %.1f s; all %,d live in the matcher after %.1f s%n",
                (imported - start) / 1e9, indicators, (liveAt - start) / 1e9);
        System.out.printf("heap used (not after a full GC) %.0f MB before, %.0f MB after: %.0f bytes per indicator%n",
                heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / indicators);
        List<Long> before = new ArrayList<>();
        List<Long> during = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        int missing = 0;
        for (Map.Entry<String, Long> probe : sent.entrySet()) {
            Long seen = alerted.get(probe.getKey());
            if (seen == null) {
                missing++;
                continue;
            }
            long latency = seen - probe.getValue();
            (probe.getValue() < importStart ? before : probe.getValue() <= liveMillis ? during : after).add(latency);
        }
        print("before the import", before);
        print("during import and rebuild", during);
        print("after", after);
        System.out.printf("probes without an alert: %d of %d%n", missing, sent.size());
    }

    private static void print(String phase, List<Long> latencies) {
        if (latencies.isEmpty()) {
            System.out.printf("probe event -> alert, %s: no probes%n", phase);
            return;
        }
        Collections.sort(latencies);
        System.out.printf("probe event -> alert, %s: %d probes, p50 %d ms, max %d ms%n", phase, latencies.size(),
                latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
    }

    static byte[] csv(int count, String run) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(count * 48);
        out.write("id,type,value\n".getBytes(StandardCharsets.US_ASCII));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < count; i++) {
            String line = switch (i % 10) {
                case 0, 1, 2, 3 -> "i" + i + ",ipv4,100." + (64 + (i >>> 16 & 63)) + "." + (i >>> 8 & 255) + "." + (i & 255);
                case 4, 5 -> "i" + i + ",domain,d" + i + "." + run + ".test";
                case 6, 7 -> "i" + i + ",sha256," + HexFormat.of().formatHex(sha.digest((run + i).getBytes(StandardCharsets.US_ASCII)));
                default -> "i" + i + ",url,http://u" + i + "." + run + ".test/p/" + i;
            };
            out.write(line.getBytes(StandardCharsets.US_ASCII));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static void probe(String base, String token, String run, Map<String, Long> sent, AtomicBoolean stop) {
        for (int i = 0; !stop.get(); i++) {
            String host = "probe-" + run + "-" + i;
            try {
                long at = System.currentTimeMillis();
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/ndjson"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"dns\":{\"question\":{\"name\":\"www.probe-" + run
                                + ".test\"}},\"host\":{\"name\":\"" + host + "\"}}\n")).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    sent.put(host, at);
                }
                Thread.sleep(250);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    return;
                }
            }
        }
    }

    private static void watch(String base, String token, String run, Map<String, Long> alerted, AtomicBoolean stop) {
        long until = Long.MAX_VALUE;
        while (System.currentTimeMillis() < until) {
            if (stop.get() && until == Long.MAX_VALUE) {
                until = System.currentTimeMillis() + 3_000;
            }
            try {
                String body = get(base, token, "/api/v1/alerts?source=intel&limit=500");
                long now = System.currentTimeMillis();
                Matcher host = HOST.matcher(body);
                while (host.find()) {
                    if (host.group(1).startsWith("probe-" + run + "-")) {
                        alerted.putIfAbsent(host.group(1), now);
                    }
                }
                Thread.sleep(100);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    return;
                }
            }
        }
    }

    private static long live(String base, String token) throws Exception {
        Matcher matcher = LIVE.matcher(get(base, token, "/api/v1/intel/status"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    private static double heap(String base, String token) throws Exception {
        double total = 0;
        Matcher matcher = HEAP.matcher(get(base, token, "/metrics"));
        while (matcher.find()) {
            total += Double.parseDouble(matcher.group(1));
        }
        return total;
    }

    private static String id(String json) {
        Matcher matcher = ID.matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return matcher.group(1);
    }

    private static String get(String base, String token, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(String base, String token, String path, String type, String body) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
