package dev.vigil.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the server's API: JSON in, status + body out. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;

    public Api(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public String base() {
        return base;
    }

    /** A response: status, headers and body, with JSON helpers. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String text(String field) {
            return json().path(field).asString();
        }

        public String contentType() {
            return headers.firstValue("content-type").orElse("");
        }

        /** Asserts an RFC 9457 problem of this status, with a detail and no internals. */
        public Response assertProblem(int expectedStatus) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(contentType()).as("content type").startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("type").asString()).startsWith("https://vigil.dev/problems/");
            assertThat(problem.path("detail").asString()).as("detail").isNotBlank();
            assertThat(body).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at dev.vigil")
                    .doesNotContain("trace");
            return this;
        }

        public String problemCode() {
            String type = json().path("type").asString();
            return type.substring(type.lastIndexOf('/') + 1);
        }

        public String detail() {
            return json().path("detail").asString();
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, body);
    }

    public Response patch(String path, String token, Object body) {
        return send("PATCH", path, token, body);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null);
    }

    /** Body: null (none), a String (sent as is, JSON content type) or an object (serialized as JSON). */
    public Response send(String method, String path, String token, Object body) {
        String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        HttpRequest.BodyPublisher publisher = text == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text);
        return sendRaw(method, path, token, publisher);
    }

    public Response sendRaw(String method, String path, String token, HttpRequest.BodyPublisher publisher) {
        return sendBytes(method, path, token, "application/json", publisher);
    }

    /** Sends a body of the given content type (an archive upload, a form). */
    public Response sendBytes(String method, String path, String token, String contentType, HttpRequest.BodyPublisher publisher) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .method(method, publisher).header("Accept", "application/json, application/problem+json, */*");
        request.header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- shortcuts for the common set-up steps; each asserts that it worked ----

    /** Signs in and returns the bearer session token. */
    public String login(String username, String password) {
        Response response = post("/api/v1/auth/login", null, Map.of("username", username, "password", password));
        assertThat(response.status()).as("login of %s: %s", username, response.body()).isEqualTo(200);
        return response.text("token");
    }

    public Response loginResponse(String username, String password, String totp) {
        return post("/api/v1/auth/login", null, totp == null ? Map.of("username", username, "password", password)
                : Map.of("username", username, "password", password, "totp", totp));
    }

    /** Creates a user with a known password that needs no change; returns the id. */
    public UUID createUser(String adminToken, String username, String password, List<String> roles, UUID tenantId) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("password", password);
        body.put("mustChangePassword", false);
        body.put("roles", roles);
        if (tenantId != null) {
            body.put("tenantId", tenantId.toString());
        }
        Response response = post("/api/v1/users", adminToken, body);
        assertThat(response.status()).as("create user %s: %s", username, response.body()).isEqualTo(201);
        return UUID.fromString(response.json().path("user").path("id").asString());
    }

    public UUID createTenant(String adminToken, String slug) {
        Response response = post("/api/v1/tenants", adminToken, Map.of("slug", slug, "name", "Tenant " + slug));
        assertThat(response.status()).as("create tenant %s: %s", slug, response.body()).isEqualTo(201);
        return UUID.fromString(response.text("id"));
    }

    /** Creates an API token for the owner (by an administrator) and returns its secret. */
    public String createToken(String adminToken, String owner, List<String> permissions) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", "token of " + owner);
        body.put("owner", owner);
        body.put("permissions", permissions);
        Response response = post("/api/v1/tokens", adminToken, body);
        assertThat(response.status()).as("create token for %s: %s", owner, response.body()).isEqualTo(201);
        return response.text("secret");
    }
}
