package dev.vigil.server.platform.web;

import java.util.List;

import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A larger (or smaller) request-body limit than {@code vigil.http.max-request-body} for some endpoints, declared by
 * the feature that owns them (bulk ingest takes megabytes where the API needs kilobytes).
 *
 * @param patterns   path patterns (Spring's PathPattern syntax)
 * @param limitBytes the limit for requests to those paths
 * @param settingKey the configuration key that sets it, named in the 413 answer
 */
public record BodyLimit(List<String> patterns, long limitBytes, String settingKey) {

    public BodyLimit {
        patterns = List.copyOf(patterns);
    }

    boolean applies(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).anyMatch((PathPattern p) -> p.matches(container));
    }
}
