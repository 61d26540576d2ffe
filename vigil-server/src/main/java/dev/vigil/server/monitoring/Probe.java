package dev.vigil.server.monitoring;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.server.platform.web.ProblemException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A health probe of a component, run on its interval; its results are metrics labelled {@code component} and
 * {@code probe} (type:target): {@code probe_success}, {@code probe_duration_seconds}, and for HTTP
 * {@code probe_http_status_code} and, over TLS, {@code probe_ssl_earliest_cert_expiry} (Unix seconds).
 *
 * @param type         {@code http} (status, optional body match; HTTPS certificate expiry), {@code tcp} (connect), {@code dns} (resolve)
 * @param target       the URL, {@code host:port}, or host name
 * @param expectStatus HTTP status that counts as success (default: any 2xx)
 * @param bodyMatch    regular expression the HTTP body must contain (optional)
 * @param interval     how often, e.g. {@code 30s} (default 15s)
 */
public record Probe(String type, String target, Integer expectStatus, String bodyMatch, String interval) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Probe>> LIST = new TypeReference<>() {
    };
    private static final Pattern HOST_PORT = Pattern.compile("^[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}$");
    private static final Pattern HOST = Pattern.compile("^[A-Za-z0-9.\\-]{1,253}$");

    /** The label that tells this probe's series apart. */
    public String label() {
        return type + ":" + target;
    }

    public long intervalMs() {
        return interval == null ? 15_000 : Durations.parse(interval);
    }

    /** This probe with its fields checked (400 naming the problem). */
    Probe validated() {
        String t = type == null ? "" : type.strip();
        String where = "probe " + t + " " + target + ": ";
        if (target == null || target.isBlank()) {
            throw ProblemException.badRequest("invalid-component", "a probe needs a target");
        }
        switch (t) {
            case "http" -> {
                URI uri;
                try {
                    uri = URI.create(target.strip());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("invalid-component", where + "target must be an http(s) URL");
                }
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw ProblemException.badRequest("invalid-component", where + "target must be an http(s) URL");
                }
            }
            case "tcp" -> {
                if (!HOST_PORT.matcher(target.strip()).matches()) {
                    throw ProblemException.badRequest("invalid-component", where + "target must be host:port");
                }
            }
            case "dns" -> {
                if (!HOST.matcher(target.strip()).matches()) {
                    throw ProblemException.badRequest("invalid-component", where + "target must be a host name");
                }
            }
            default -> throw ProblemException.badRequest("invalid-component", "probe type must be http, tcp or dns, not '" + t + "'");
        }
        if (!t.equals("http") && (expectStatus != null || bodyMatch != null)) {
            throw ProblemException.badRequest("invalid-component", where + "expectStatus and bodyMatch apply to http probes only");
        }
        if (expectStatus != null && (expectStatus < 100 || expectStatus > 599)) {
            throw ProblemException.badRequest("invalid-component", where + "expectStatus must be an HTTP status");
        }
        if (bodyMatch != null) {
            try {
                Pattern.compile(bodyMatch);
            } catch (PatternSyntaxException e) {
                throw ProblemException.badRequest("invalid-component", where + "bodyMatch is not a regular expression: " + e.getDescription());
            }
        }
        long ms;
        try {
            ms = interval == null ? 15_000 : Durations.parse(interval.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-component", where + "interval: " + e.getMessage());
        }
        if (ms < 1000) {
            throw ProblemException.badRequest("invalid-component", where + "interval must be at least 1s");
        }
        return new Probe(t, target.strip(), expectStatus, bodyMatch, interval == null ? null : interval.strip());
    }

    static String toJson(List<Probe> probes) {
        return JSON.writeValueAsString(probes);
    }

    static List<Probe> fromJson(String json) {
        return JSON.readValue(json, LIST);
    }
}
