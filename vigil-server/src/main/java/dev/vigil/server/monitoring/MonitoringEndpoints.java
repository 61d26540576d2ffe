package dev.vigil.server.monitoring;

import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/** Who may call the monitoring API: readers see, {@code monitor:change} holders request changes (approved elsewhere). */
@Component
class MonitoringEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/monitors", "monitor", "read"),
                permission(POST, "/api/v1/monitors", "monitor", "change"),
                permission(GET, "/api/v1/monitors/packs/{pack}", "monitor", "read"),
                permission(POST, "/api/v1/monitors/import", "monitor", "change"),
                permission(GET, "/api/v1/monitors/{id}", "monitor", "read"),
                permission(PUT, "/api/v1/monitors/{id}", "monitor", "change"),
                permission(DELETE, "/api/v1/monitors/{id}", "monitor", "change"),
                permission(GET, "/api/v1/monitors/{id}/versions", "monitor", "read"),
                permission(POST, "/api/v1/monitors/{id}/rollback", "monitor", "change"),
                permission(GET, "/api/v1/components", "monitor", "read"),
                permission(POST, "/api/v1/components", "monitor", "change"),
                permission(GET, "/api/v1/components/{id}", "monitor", "read"),
                permission(PUT, "/api/v1/components/{id}", "monitor", "change"),
                permission(DELETE, "/api/v1/components/{id}", "monitor", "change"),
                permission(GET, "/api/v1/metrics/query", "monitor", "read"),
                permission(GET, "/api/v1/metrics/query_range", "monitor", "read"));
    }
}
