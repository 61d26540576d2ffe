package dev.vigil.vuln.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sends a report to a Vigil server's {@code POST /api/v1/vuln/imports} and reads the server's answer. */
final class ReportUpload {

    /** The server's import report, or its refusal. */
    record Result(int status, JsonNode body, String error) {
        boolean ok() {
            return status == 200 && body != null;
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ReportUpload() {
    }

    static Result send(String server, String token, String fileName, byte[] content, String tenant, String asset,
            String scope) throws IOException, InterruptedException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("filename", fileName);
        if (tenant != null) {
            query.put("tenant", tenant);
        }
        if (asset != null) {
            query.put("asset", asset);
        }
        if (scope != null) {
            query.put("scope", scope);
        }
        String parameters = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(server.replaceAll("/+$", "") + "/api/v1/vuln/imports?" + parameters);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/octet-stream")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build();
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        try {
            body = response.body() == null || response.body().isBlank() ? null : JsonMapper.shared().readTree(response.body());
        } catch (JacksonException e) {
            body = null;
        }
        if (response.statusCode() == 200 && body != null) {
            return new Result(200, body, null);
        }
        String detail = body != null && body.hasNonNull("detail") ? body.get("detail").asString()
                : "HTTP " + response.statusCode();
        return new Result(response.statusCode(), body, "server refused the import (" + response.statusCode() + "): " + detail);
    }
}
