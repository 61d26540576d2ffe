package dev.vigil.benchmarks.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Load generator for sustained HTTP NDJSON ingest against a running server. N senders post batches of ~500-byte
 * events for the given duration; a probe thread measures ingest-to-searchable latency (send one marked event, poll
 * the count API until it is visible). Reports accepted events/s, latency percentiles, heap from /metrics and, with a
 * data folder, bytes on disk per event.
 *
 * <p>Without a rate the senders post as fast as the server answers, so the server accepts (into its spool) far more
 * than it stores and the generator's own CPU grows with that. With the environment variable {@code RATE} (events/s,
 * all senders together) each sender posts its batches on a fixed schedule instead: the offered load is what a sustained
 * run at that rate is, and the time from the last send until every event is searchable shows whether the server kept up.
 *
 * <pre>[RATE=N] java -cp benchmarks.jar dev.vigil.benchmarks.ingest.IngestLoad URL INGEST_TOKEN API_TOKEN SECONDS SENDERS BATCH [DATA_DIR]</pre>
 */
public final class IngestLoad {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] ACTIONS = {"ssh_login", "http_request", "firewall_drop", "process_start", "dns_query"};

    private IngestLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            System.err.println("usage: IngestLoad URL INGEST_TOKEN API_TOKEN SECONDS SENDERS BATCH [DATA_DIR]");
            System.exit(2);
        }
        String base = args[0];
        String ingestToken = args[1];
        String apiToken = args[2];
        int seconds = Integer.parseInt(args[3]);
        int senders = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[5]);
        Path dataDir = args.length > 6 ? Path.of(args[6]) : null;
        double rate = rate(System.getenv("RATE"));

        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            int sender = s;
            long interval = batchInterval(rate, senders, batch);
            // paced senders start spread over one interval so that their batches do not arrive together
            threads.add(Thread.ofPlatform().start(() -> send(base, ingestToken, run, sender, batch, interval,
                    interval * sender / senders, deadline, accepted, refused)));
        }
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        Thread probe = Thread.ofPlatform().start(() -> probe(base, ingestToken, apiToken, run, deadline, latencies));
        long started = System.nanoTime();
        for (Thread thread : threads) {
            thread.join();
        }
        long sendingEnded = System.nanoTime();
        double elapsed = (sendingEnded - started) / 1e9;
        probe.join();

        long total = accepted.get();
        System.out.printf("accepted %,d events in %.1f s: %,.0f events/s (%d senders, batches of %d, %s, 429 answers: %d)%n",
                total, elapsed, total / elapsed, senders, batch, rate > 0 ? String.format("offered %,.0f events/s", rate)
                        : "as fast as answered", refused.get());
        long searchable = awaitSearchable(base, apiToken, "run:" + run, total + latencies.size());
        long allSearchable = System.nanoTime();
        double untilSearchable = (allSearchable - started) / 1e9;
        System.out.printf("all %,d accepted events searchable %.1f s after the start (%.1f s after the last send): "
                + "%,.0f events/s stored and searchable%n", searchable, untilSearchable, (allSearchable - sendingEnded) / 1e9,
                searchable / untilSearchable);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (!sorted.isEmpty()) {
            System.out.printf("ingest-to-searchable latency over %d probes: p50 %d ms, p99 %d ms, max %d ms%n", sorted.size(),
                    percentile(sorted, 50), percentile(sorted, 99), sorted.getLast());
        }
        System.out.println("heap used: " + heap(base, apiToken));
        if (dataDir != null) {
            long events = directorySize(dataDir.resolve("events"));
            System.out.printf("event store on disk: %,d bytes, %.0f bytes per event (all events in the store: see /metrics)%n",
                    events, searchable == 0 ? 0.0 : (double) events / searchable);
        }
    }

    static double rate(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        double rate = Double.parseDouble(value.trim());
        if (!(rate > 0)) {
            throw new IllegalArgumentException("RATE must be a positive number of events per second, was " + value);
        }
        return rate;
    }

    /** Nanoseconds between two batches of one sender at the given total rate; 0 when unpaced. */
    static long batchInterval(double rate, int senders, int batch) {
        return rate > 0 ? (long) (batch * senders * 1e9 / rate) : 0;
    }

    private static void send(String base, String token, String run, int sender, int batch, long interval, long offset,
            long deadline, AtomicLong accepted, AtomicLong refused) {
        Random random = new Random(sender);
        long n = 0;
        long due = System.nanoTime() + offset;
        while (System.nanoTime() < deadline) {
            StringBuilder body = new StringBuilder(batch * 520);
            for (int i = 0; i < batch; i++) {
                body.append(event(random, run, sender, n++)).append('\n');
            }
            try {
                if (interval > 0) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    due += interval;
                    if (System.nanoTime() >= deadline) {
                        return;
                    }
                }
                HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/ndjson"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    accepted.addAndGet(batch);
                } else if (response.statusCode() == 429) {
                    refused.incrementAndGet();
                    Thread.sleep(200);
                } else {
                    throw new IllegalStateException("ingest answered " + response.statusCode() + ": " + response.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** About 500 bytes of JSON with the shape of a firewall/web/auth event. */
    static String event(Random random, String run, int sender, long n) {
        String action = ACTIONS[random.nextInt(ACTIONS.length)];
        return "{\"@timestamp\":\"" + Instant.now() + "\",\"run\":\"" + run + "\",\"sender\":" + sender + ",\"seq\":" + n
                + ",\"event\":{\"action\":\"" + action + "\",\"outcome\":\"" + (random.nextInt(10) == 0 ? "failure" : "success")
                + "\",\"category\":\"network\"},\"host\":{\"name\":\"web-" + random.nextInt(500) + ".prod.example.net\"},"
                + "\"source\":{\"ip\":\"10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256)
                + "\",\"port\":" + (1024 + random.nextInt(60000)) + "},\"destination\":{\"ip\":\"192.0.2." + random.nextInt(256)
                + "\",\"port\":443},\"user\":{\"name\":\"user" + random.nextInt(2000) + "\"},\"url\":{\"path\":\"/api/v2/orders/"
                + random.nextInt(100000) + "\"},\"http\":{\"response\":{\"status_code\":" + (random.nextInt(20) == 0 ? 503 : 200)
                + "}},\"message\":\"request handled by upstream app-" + random.nextInt(40) + " in " + random.nextInt(900)
                + " ms with TLS session resumed and cache status MISS for tenant workload\"}";
    }

    private static void probe(String base, String ingestToken, String apiToken, String run, long deadline,
            ConcurrentLinkedQueue<Long> latencies) {
        while (System.nanoTime() < deadline) {
            String marker = "probe" + UUID.randomUUID().toString().replace("-", "");
            long sent = System.nanoTime();
            try {
                int status = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingest/ndjson"))
                        .header("Authorization", "Bearer " + ingestToken)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"run\":\"" + run + "\",\"probe\":\"" + marker + "\"}\n")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    Thread.sleep(500); // refused (429 while the server is behind): nothing to measure
                    continue;
                }
                while (count(base, apiToken, "probe:" + marker) == 0) {
                    Thread.sleep(20);
                }
                latencies.add((System.nanoTime() - sent) / 1_000_000);
                Thread.sleep(500);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long awaitSearchable(String base, String apiToken, String query, long expected) throws Exception {
        long last = -1;
        long stableSince = System.nanoTime();
        while (true) {
            long now = count(base, apiToken, query);
            if (now >= expected) {
                return now;
            }
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(30).toNanos()) {
                return now;
            }
            Thread.sleep(200);
        }
    }

    private static long count(String base, String apiToken, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/count?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + apiToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"count\":(\\d+)").matcher(response.body());
        if (!m.find()) {
            throw new IllegalStateException("count answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    private static String heap(String base, String apiToken) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
                .header("Authorization", "Bearer " + apiToken).GET().build(), HttpResponse.BodyHandlers.ofString());
        double used = 0;
        Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.Ee+]+)$").matcher(response.body());
        while (m.find()) {
            used += Double.parseDouble(m.group(1));
        }
        return used == 0 ? "(not readable from /metrics: " + response.statusCode() + ")" : String.format("%,.0f MB", used / 1e6);
    }

    private static long directorySize(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
