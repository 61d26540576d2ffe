package dev.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import dev.vigil.server.support.Api;
import org.awaitility.Awaitility;

/** Test helper: inputs and ingest tokens through the API, event-sending requests, and waiting for events to be searchable. */
public final class IngestClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Api api;
    private final String adminToken;

    public IngestClient(Api api, String adminToken) {
        this.api = api;
        this.adminToken = adminToken;
    }

    /** Creates an http input and returns its id. */
    public String createHttpInput(String name, String tenant, String format) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "http");
        body.put("format", format);
        body.put("tenant", tenant);
        Api.Response response = api.post("/api/v1/ingest/inputs", adminToken, body);
        assertThat(response.status()).as("create input: %s", response.body()).isEqualTo(201);
        return response.text("id");
    }

    /** Creates an ingest token for the input and returns its secret. */
    public String createToken(String inputId) {
        Api.Response response = api.post("/api/v1/ingest/tokens", adminToken, Map.of("input", inputId, "name", "token " + inputId));
        assertThat(response.status()).as("create ingest token: %s", response.body()).isEqualTo(201);
        return response.text("secret");
    }

    public HttpResponse<String> post(String path, String authorization, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/x-ndjson");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> ndjson(String ingestToken, String body) {
        return post("/api/v1/ingest/ndjson", "Bearer " + ingestToken, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Count of events matching the query, as the given caller sees them. */
    public long count(String token, String query) {
        Api.Response response = api.get("/api/v1/events/count?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token);
        assertThat(response.status()).as("count %s: %s", query, response.body()).isEqualTo(200);
        return response.json().path("count").asLong();
    }

    /** Waits until exactly {@code expected} events match (the store refreshes about once a second). */
    public void awaitCount(String token, String query, long expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(count(token, query)).as("events matching %s", query).isEqualTo(expected));
    }

    public static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
