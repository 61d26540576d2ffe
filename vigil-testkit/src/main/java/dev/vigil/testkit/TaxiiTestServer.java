package dev.vigil.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small TAXII 2.1 server for tests, standing for a partner's server: discovery at {@code /taxii2/}, one API root
 * {@code /api1/} with one collection, whose objects are served with {@code added_after} filtering and pages of
 * {@code pageSize} objects ({@code more}/{@code next}). It answers only requests that accept
 * {@code application/taxii+json;version=2.1} and, when a token is set, carry it as a bearer token.
 */
public final class TaxiiTestServer implements AutoCloseable {

    public static final String MEDIA_TYPE = "application/taxii+json;version=2.1";

    private record Entry(Instant added, String json) {
    }

    private final HttpServer server;
    private final String collectionId;
    private final int pageSize;
    private final String token;
    private final List<Entry> objects = new CopyOnWriteArrayList<>();
    private final List<String> objectRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    public TaxiiTestServer(String collectionId, int pageSize, String token) throws IOException {
        this.collectionId = collectionId;
        this.pageSize = pageSize;
        this.token = token;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Adds a STIX object (JSON text) as added to the collection at {@code added}. */
    public void add(Instant added, String objectJson) {
        objects.add(new Entry(added, objectJson));
    }

    public URI discovery() {
        return base().resolve("/taxii2/");
    }

    public URI apiRoot() {
        return base().resolve("/api1/");
    }

    public URI collection() {
        return base().resolve("/api1/collections/" + collectionId + "/");
    }

    /** The query strings of every objects request, in order. */
    public List<String> objectRequests() {
        return List.copyOf(objectRequests);
    }

    public int requests() {
        return requests.get();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            if (accept == null || !accept.replace(" ", "").contains("application/taxii+json;version=2.1")) {
                send(exchange, 406, error("Not Acceptable", "Accept " + MEDIA_TYPE));
                return;
            }
            if (token != null && !("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, error("Unauthorized", "a bearer token is required"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/taxii2/" -> send(exchange, 200, "{\"title\":\"Partner TAXII\",\"default\":\"/api1/\",\"api_roots\":[\"/api1/\"]}");
                case "/api1/" -> send(exchange, 200, "{\"title\":\"Partner API root\",\"versions\":[\"" + MEDIA_TYPE + "\"],"
                        + "\"max_content_length\":10485760}");
                case "/api1/collections/" -> send(exchange, 200, "{\"collections\":[{\"id\":\"" + collectionId
                        + "\",\"title\":\"Partner indicators\",\"description\":\"Indicators shared with us\",\"can_read\":true,"
                        + "\"can_write\":false,\"media_types\":[\"application/stix+json;version=2.1\"]}]}");
                default -> {
                    if (path.equals("/api1/collections/" + collectionId + "/objects/")) {
                        objectsPage(exchange);
                    } else {
                        send(exchange, 404, error("Not Found", path));
                    }
                }
            }
        }
    }

    private void objectsPage(HttpExchange exchange) throws IOException {
        String rawQuery = exchange.getRequestURI().getRawQuery();
        objectRequests.add(rawQuery == null ? "" : rawQuery);
        Map<String, String> query = query(rawQuery);
        Instant after = query.containsKey("added_after") ? Instant.parse(query.get("added_after")) : null;
        List<Entry> matching = new ArrayList<>();
        for (Entry entry : objects) {
            if (after == null || entry.added().isAfter(after)) {
                matching.add(entry);
            }
        }
        matching.sort(Comparator.comparing(Entry::added));
        int from = query.containsKey("next") ? Integer.parseInt(query.get("next")) : 0;
        int to = Math.min(matching.size(), from + pageSize);
        List<Entry> page = matching.subList(Math.min(from, to), to);
        StringBuilder body = new StringBuilder("{\"more\":").append(to < matching.size());
        if (to < matching.size()) {
            body.append(",\"next\":\"").append(to).append('"');
        }
        if (!page.isEmpty()) {
            body.append(",\"objects\":[");
            for (int i = 0; i < page.size(); i++) {
                body.append(i == 0 ? "" : ",").append(page.get(i).json());
            }
            body.append(']');
            exchange.getResponseHeaders().add("X-TAXII-Date-Added-First", page.get(0).added().toString());
            exchange.getResponseHeaders().add("X-TAXII-Date-Added-Last", page.get(page.size() - 1).added().toString());
        }
        send(exchange, 200, body.append('}').toString());
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String error(String title, String description) {
        return "{\"title\":\"" + title + "\",\"description\":\"" + description.replace("\"", "'") + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", MEDIA_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
