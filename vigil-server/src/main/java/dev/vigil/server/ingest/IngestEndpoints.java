package dev.vigil.server.ingest;

import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/**
 * Who may call the ingest and event API. The event-sending endpoints (NDJSON, JSON, _bulk) are not here: they have
 * their own filter chain that takes ingest tokens.
 */
@Component
class IngestEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/ingest/inputs", "input", "read"),
                permission(POST, "/api/v1/ingest/inputs", "input", "create"),
                permission(GET, "/api/v1/ingest/inputs/{id}", "input", "read"),
                permission(PATCH, "/api/v1/ingest/inputs/{id}", "input", "update"),
                permission(DELETE, "/api/v1/ingest/inputs/{id}", "input", "delete"),
                permission(GET, "/api/v1/ingest/health", "input", "read"),
                permission(GET, "/api/v1/ingest/tokens", "input", "read"),
                permission(POST, "/api/v1/ingest/tokens", "input", "update"),
                permission(DELETE, "/api/v1/ingest/tokens/{id}", "input", "update"),
                permission(GET, "/api/v1/events/search", "event", "read"),
                permission(GET, "/api/v1/events/count", "event", "read"),
                permission(GET, "/api/v1/events/histogram", "event", "read"),
                permission(GET, "/api/v1/events/terms", "event", "read"),
                permission(GET, "/api/v1/events/cardinality", "event", "read"),
                permission(GET, "/api/v1/events/saved-searches", "event", "read"),
                permission(POST, "/api/v1/events/saved-searches", "event", "read"),
                permission(DELETE, "/api/v1/events/saved-searches/{id}", "event", "read"),
                permission(GET, "/api/v1/events/{id}", "event", "read"));
    }
}
