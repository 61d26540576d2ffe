package dev.vigil.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Calls every endpoint of the server as anonymous and as a holder of each built-in role and compares allow/deny with
 * src/test/resources/permission-matrix.csv. A new endpoint without a row, or a row without an endpoint, fails.
 * Deny: 401 (API) or a redirect to /login (console) for anonymous, 403 for a signed-in caller. Allow: anything else.
 * The API is called over HTTP with API tokens; console pages through MockMvc with a console session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTest extends ServerTestBase {

    static final List<String> CALLERS = List.of("anonymous", "admin", "soc-analyst", "incident-commander", "operator", "approver",
            "auditor", "tenant-authorizer");

    @Autowired
    ApplicationContext context;

    private final Map<String, UUID> userIds = new LinkedHashMap<>();
    private final Map<String, String> tokens = new LinkedHashMap<>();

    record Endpoint(String method, String pattern) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint other) {
            return (pattern + " " + method).compareTo(other.pattern + " " + other.method);
        }

        /** Called with bearer tokens: the API, and the Elasticsearch-compatible bulk paths and TAXII at the root (token-only too). */
        boolean api() {
            return pattern.startsWith("/api/") || pattern.endsWith("/_bulk") || pattern.startsWith("/taxii2/");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    @BeforeAll
    void oneUserAndTokenPerRole() {
        Api api = api();
        UUID tenant = api.createTenant(ADMIN_TOKEN, unique("matrix"));
        for (String role : CALLERS.subList(1, CALLERS.size())) {
            String username = unique("matrix-" + role);
            userIds.put(role, api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of(role),
                    role.equals("tenant-authorizer") ? tenant : null));
            tokens.put(role, api.createToken(ADMIN_TOKEN, username, List.of()));
        }
    }

    @Test
    void everyEndpointHasARowAndEveryRowAnEndpoint() throws IOException {
        Set<Endpoint> mapped = endpoints();
        Set<Endpoint> listed = matrix().keySet();
        Set<Endpoint> missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        Set<Endpoint> stale = new TreeSet<>(listed);
        stale.removeAll(mapped);
        assertThat(missing).as("endpoints without a row in permission-matrix.csv").isEmpty();
        assertThat(stale).as("rows of permission-matrix.csv naming no endpoint").isEmpty();
        assertThat(mapped).contains(new Endpoint("GET", "/api/v1/users"), new Endpoint("GET", "/healthz"));
    }

    @Test
    void everyCallerIsAllowedOrDeniedAsTheMatrixSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        Set<Endpoint> mapped = endpoints();
        int calls = 0;
        for (Map.Entry<Endpoint, Map<String, Boolean>> row : matrix().entrySet()) {
            Endpoint endpoint = row.getKey();
            if (!mapped.contains(endpoint)) {
                continue;
            }
            for (String caller : CALLERS) {
                boolean expected = row.getValue().get(caller);
                Outcome outcome = endpoint.api() ? callApi(endpoint, caller) : callConsole(endpoint, caller);
                calls++;
                if (outcome.allowed() != expected) {
                    wrong.add(endpoint + " as " + caller + ": expected " + (expected ? "allow" : "deny") + ", got " + outcome.status()
                            + " " + outcome.detail());
                }
                if (outcome.status() >= 500 && !endpoint.pattern().equals("/error")) { // /error answers 500 when called directly
                    wrong.add(endpoint + " as " + caller + ": server error " + outcome.status() + " " + outcome.detail());
                }
            }
        }
        assertThat(calls).isGreaterThan(40 * CALLERS.size());
        assertThat(wrong).as("callers treated differently from permission-matrix.csv").isEmpty();
    }

    record Outcome(int status, boolean allowed, String detail) {
    }

    private Outcome callApi(Endpoint endpoint, String caller) {
        String path = concrete(endpoint.pattern());
        boolean hasBody = !endpoint.method().equals("GET") && !endpoint.method().equals("DELETE");
        Api.Response response = api().send(endpoint.method(), path, tokens.get(caller), hasBody ? "{}" : null);
        boolean denied = caller.equals("anonymous") ? response.status() == 401 : response.status() == 403;
        return new Outcome(response.status(), !denied, response.body().length() > 200 ? response.body().substring(0, 200) : response.body());
    }

    private Outcome callConsole(Endpoint endpoint, String caller) throws Exception {
        MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(endpoint.method()), concrete(endpoint.pattern()));
        if (!endpoint.method().equals("GET")) {
            request.with(csrf());
        }
        if (caller.equals("anonymous")) {
            // not signed in, but with a password already accepted: the TOTP step of the sign-in is open to such callers
            MockHttpSession session = new MockHttpSession();
            session.setAttribute("vigil.pendingTotpUser", userIds.get("soc-analyst"));
            request.session(session);
        } else {
            MockHttpSession session = new MockHttpSession();
            session.setAttribute("vigil.user", userIds.get(caller));
            session.setAttribute("vigil.signedInAt", Instant.now());
            request.session(session);
        }
        MockHttpServletResponse response;
        try {
            response = mockMvc.perform(request).andReturn().getResponse();
        } catch (jakarta.servlet.ServletException failure) {
            Throwable root = failure;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return new Outcome(500, true, "failed: " + root);
        }
        String location = response.getHeader("Location");
        boolean toLogin = response.getStatus() == 302 && location != null && location.replaceFirst("^https?://[^/]+", "").equals("/login");
        boolean denied = caller.equals("anonymous") ? toLogin : response.getStatus() == 403;
        return new Outcome(response.getStatus(), !denied, location == null ? "" : "-> " + location);
    }

    /** A concrete path for a pattern: ids are random UUIDs (so nothing existing is touched), wildcards a word. */
    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "probe").replaceAll("\\{[^}]*}", UUID.randomUUID().toString())
                .replace("/**", "/probe");
    }

    /** Every (method, pattern) of every request-mapping handler mapping: controllers, actuator, OpenAPI. */
    Set<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("GET", pattern));
                    }
                    for (RequestMethod method : methods) {
                        endpoints.add(new Endpoint(method.name(), pattern));
                    }
                }
            }
        }
        return endpoints;
    }

    static Map<Endpoint, Map<String, Boolean>> matrix() throws IOException {
        Map<Endpoint, Map<String, Boolean>> rows = new LinkedHashMap<>();
        try (InputStream in = PermissionMatrixTest.class.getResourceAsStream("/permission-matrix.csv")) {
            assertThat(in).as("permission-matrix.csv on the test class path").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            List<String> header = List.of(lines.getFirst().split(","));
            assertThat(header).containsExactlyElementsOf(concat(List.of("method", "pattern"), CALLERS));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                assertThat(cells).as(line).hasSize(header.size());
                Map<String, Boolean> access = new LinkedHashMap<>();
                for (int i = 2; i < cells.length; i++) {
                    assertThat(cells[i].trim()).as(line).isIn("allow", "deny");
                    access.put(header.get(i), cells[i].trim().equals("allow"));
                }
                Endpoint endpoint = new Endpoint(cells[0].trim(), cells[1].trim());
                assertThat(rows.put(endpoint, access)).as("duplicate row %s", endpoint).isNull();
            }
        }
        return rows;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
