package dev.vigil.server.intel;

import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.security.EndpointAccess;
import dev.vigil.server.platform.web.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the threat-intelligence API, and the body limit of indicator imports. */
@Configuration
class IntelEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/intel/feeds", "intel", "read"),
                permission(POST, "/api/v1/intel/feeds", "intel", "update"),
                permission(GET, "/api/v1/intel/feeds/{id}", "intel", "read"),
                permission(PUT, "/api/v1/intel/feeds/{id}", "intel", "update"),
                permission(PUT, "/api/v1/intel/feeds/{id}/enabled", "intel", "update"),
                permission(PUT, "/api/v1/intel/feeds/{id}/tenants/{tenant}", "intel", "update"),
                permission(POST, "/api/v1/intel/feeds/{id}/poll", "intel", "update"),
                permission(GET, "/api/v1/intel/feeds/{id}/indicators", "intel", "read"),
                permission(POST, "/api/v1/intel/feeds/{id}/indicators", "intel", "update"),
                permission(GET, "/api/v1/intel/indicators", "intel", "read"),
                permission(GET, "/api/v1/intel/status", "intel", "read"),
                permission(POST, "/api/v1/intel/attack", "intel", "update"),
                permission(GET, "/api/v1/intel/attack", "intel", "read"),
                permission(GET, "/api/v1/intel/attack/{matrix}/coverage", "intel", "read"),
                permission(GET, "/api/v1/intel/allowlist", "intel", "read"),
                permission(POST, "/api/v1/intel/allowlist", "intel", "update"),
                permission(DELETE, "/api/v1/intel/allowlist/{id}", "intel", "update"),
                permission(GET, "/api/v1/intel/suppressed", "intel", "read"),
                permission(GET, "/api/v1/intel/verdicts", "intel", "read"),
                permission(POST, "/api/v1/intel/verdicts", "intel", "update"),
                permission(DELETE, "/api/v1/intel/verdicts/{id}", "intel", "update"),
                permission(POST, "/api/v1/intel/retro-hunts", "intel", "read"),
                permission(GET, "/api/v1/intel/retro-hunts", "intel", "read"),
                permission(GET, "/api/v1/intel/retro-hunts/{id}", "intel", "read"),
                permission(GET, "/api/v1/intel/sharing/collections", "intel", "share"),
                permission(POST, "/api/v1/intel/sharing/collections", "intel", "share"),
                permission(GET, "/api/v1/intel/sharing/collections/{id}", "intel", "share"),
                permission(PUT, "/api/v1/intel/sharing/collections/{id}", "intel", "share"),
                permission(DELETE, "/api/v1/intel/sharing/collections/{id}", "intel", "share"),
                permission(GET, "/api/v1/intel/sharing/partners", "intel", "share"),
                permission(POST, "/api/v1/intel/sharing/partners", "intel", "share"),
                permission(DELETE, "/api/v1/intel/sharing/partners/{id}", "intel", "share"));
    }

    @Bean
    BodyLimit indicatorImportBodyLimit(VigilProperties properties) {
        return new BodyLimit(List.of("/api/v1/intel/feeds/{id}/indicators", "/api/v1/intel/attack"), properties.detection().maxImportSize().toBytes(),
                "vigil.detection.max-import-size");
    }
}
