package dev.vigil.benchmarks.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Load generator for notification dispatch through a running server, end to end: it registers a webhook receiver
 * pointing at its own HTTP sink, imports one Sigma rule, and sends ALERTS Sysmon events with distinct hosts, so the
 * server raises ALERTS alerts and queues one notification for each. The sink answers 503 to the first delivery of
 * FAIL_PERCENT of the alerts (chosen by alert id), so those are retried by the server's backoff (first retry after
 * 10 s). Reports the rate of first deliveries overall (bounded by how fast the server raises the alerts) and in the
 * busiest three seconds (the dispatcher working through a backlog), the time until every alert was delivered, and the
 * rate at which the retried ones were delivered.
 *
 * <pre>java -cp benchmarks.jar dev.vigil.benchmarks.notify.NotifyLoad URL API_TOKEN ALERTS [FAIL_PERCENT]</pre>
 */
public final class NotifyLoad {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ALERT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern FIELD = Pattern.compile("\"(id|secret|state)\"\\s*:\\s*\"([^\"]*)\"");

    private NotifyLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: NotifyLoad URL API_TOKEN ALERTS [FAIL_PERCENT]");
            System.exit(2);
        }
        String base = args[0];
        String apiToken = args[1];
        int alerts = Integer.parseInt(args[2]);
        int failPercent = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String run = UUID.randomUUID().toString().substring(0, 8);

        Map<String, Long> firstContact = new ConcurrentHashMap<>();
        Map<String, Long> delivered = new ConcurrentHashMap<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        sink.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        sink.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher id = ALERT_ID.matcher(body);
            int status = 400;
            if (id.find()) {
                String alert = id.group(1);
                long now = System.nanoTime();
                boolean first = firstContact.putIfAbsent(alert, now) == null;
                if (first && Math.floorMod(alert.hashCode(), 100) < failPercent) {
                    status = 503;
                } else {
                    delivered.putIfAbsent(alert, now);
                    status = 200;
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        sink.start();
        try {
            String sinkUrl = "http://127.0.0.1:" + sink.getAddress().getPort() + "/hook/" + run;
            String input = field(call(base, apiToken, "POST", "/api/v1/ingest/inputs",
                    "{\"name\":\"notify-load-" + run + "\",\"type\":\"http\",\"format\":\"json\",\"tenant\":\"platform\"}", 201), "id");
            String ingestToken = field(call(base, apiToken, "POST", "/api/v1/ingest/tokens",
                    "{\"input\":\"" + input + "\",\"name\":\"notify-load-" + run + "\"}", 201), "secret");
            call(base, apiToken, "POST", "/api/v1/alerting/receivers", "{\"name\":\"notify-load-" + run
                    + "\",\"minSeverity\":\"low\",\"sources\":[\"detection\"],\"channels\":[{\"type\":\"webhook\",\"url\":\"" + sinkUrl + "\"}]}", 201);
            String rule = UUID.randomUUID().toString();
            String yaml = """
                    title: Notification load %s
                    id: %s
                    status: test
                    description: Raised once per host by the notification load generator.
                    author: NotifyLoad
                    logsource:
                        category: process_creation
                        product: windows
                    detection:
                        selection:
                            Image|endswith: '\\notify-%s.exe'
                        condition: selection
                    level: high
                    """.formatted(run, rule, run);
            sendRaw(base, apiToken, "/api/v1/detection/rules/import?filename=notify-" + run + ".yml", "application/yaml", yaml, 200);
            awaitRuleActive(base, apiToken, rule);

            long started = System.nanoTime();
            int batch = 500;
            for (int from = 0; from < alerts; from += batch) {
                StringBuilder body = new StringBuilder();
                for (int i = from; i < Math.min(alerts, from + batch); i++) {
                    body.append(sysmonEvent("NL-" + run + "-" + i, "C:\\\\notify-" + run + ".exe")).append('\n');
                }
                sendRaw(base, "Bearer " + ingestToken, "/api/v1/ingest/ndjson", "application/x-ndjson", body.toString(), 200);
            }
            double sent = (System.nanoTime() - started) / 1e9;
            System.out.printf("sent %,d events (one alert each) in %.1f s%n", alerts, sent);

            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (delivered.size() < alerts && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            report(alerts, failPercent, started, firstContact, delivered);
        } finally {
            sink.stop(0);
        }
    }

    private static void report(int alerts, int failPercent, long started, Map<String, Long> firstContact, Map<String, Long> delivered) {
        List<Long> firsts = new ArrayList<>(firstContact.values());
        Collections.sort(firsts);
        if (firsts.isEmpty()) {
            System.out.println("no notification reached the sink");
            return;
        }
        double firstSpan = (firsts.getLast() - firsts.getFirst()) / 1e9;
        System.out.printf("first deliveries: %,d alerts contacted over %.2f s: %,.0f notifications/s (first %.2f s after the first event)%n",
                firsts.size(), firstSpan, firsts.size() / Math.max(firstSpan, 1e-3), (firsts.getFirst() - started) / 1e9);
        long window = Duration.ofSeconds(3).toNanos();
        int busiest = 0;
        for (int from = 0, to = 0; from < firsts.size(); from++) {
            while (to < firsts.size() && firsts.get(to) - firsts.get(from) < window) {
                to++;
            }
            busiest = Math.max(busiest, to - from);
        }
        System.out.printf("busiest 3 s of first deliveries (the dispatcher working through a backlog): %,d notifications, %,.0f/s%n",
                busiest, busiest / 3.0);
        List<Long> retried = new ArrayList<>();
        delivered.forEach((alert, at) -> {
            if (!at.equals(firstContact.get(alert))) {
                retried.add(at);
            }
        });
        Collections.sort(retried);
        long last = Collections.max(delivered.values());
        System.out.printf("delivered: %,d of %,d alerts, the last %.1f s after the first event (%d%% failed once on purpose)%n",
                delivered.size(), alerts, (last - started) / 1e9, failPercent);
        if (!retried.isEmpty()) {
            double span = (retried.getLast() - retried.getFirst()) / 1e9;
            System.out.printf("retried: %,d delivered on their second attempt over %.2f s: %,.0f notifications/s%n",
                    retried.size(), span, retried.size() / Math.max(span, 1e-3));
        }
    }

    private static String sysmonEvent(String computer, String image) {
        return ("{\"Event\":{\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\"}},\"EventID\":1,"
                + "\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\"%s\"}},\"Channel\":\"Microsoft-Windows-Sysmon/Operational\","
                + "\"Computer\":\"%s\"},\"EventData\":{\"Image\":\"%s\",\"CommandLine\":\"%s /c run\",\"User\":\"CORP\\\\load\"}}}")
                .formatted(Instant.now(), computer, image, image);
    }

    private static void awaitRuleActive(String base, String apiToken, String rule) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if ("active".equals(field(call(base, apiToken, "GET", "/api/v1/detection/rules?q=" + rule, null, 200), "state"))) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("rule " + rule + " did not become active within 60 s");
    }

    private static String call(String base, String apiToken, String method, String path, String json, int expected) {
        return sendRaw(base, "Bearer " + apiToken, path, "application/json", json, expected, method);
    }

    private static String sendRaw(String base, String authorization, String path, String type, String body, int expected) {
        return sendRaw(base, authorization.startsWith("Bearer ") ? authorization : "Bearer " + authorization, path, type, body,
                expected, "POST");
    }

    private static String sendRaw(String base, String authorization, String path, String type, String body, int expected, String method) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).header("Content-Type", type)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no field " + name + " in " + json);
    }
}
