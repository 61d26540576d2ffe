package dev.vigil.server.audit.internal;

import static dev.vigil.server.platform.security.EndpointAccess.anonymous;
import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/** Auditors read the trail and run reviews; nobody can change a record. */
@Component
class AuditEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/audit/records", "audit", "read"),
                anonymous(GET, "/api/v1/audit/public-key"),
                permission(GET, "/api/v1/audit/checkpoint", "audit", "read"),
                permission(POST, "/api/v1/audit/checkpoint", "audit", "read"),
                permission(GET, "/api/v1/audit/checkpoints", "audit", "read"),
                permission(GET, "/api/v1/audit/proof/inclusion", "audit", "read"),
                permission(GET, "/api/v1/audit/proof/consistency", "audit", "read"),
                permission(GET, "/api/v1/audit/reviews", "audit", "read"),
                permission(POST, "/api/v1/audit/reviews", "audit", "review"),
                permission(GET, "/api/v1/audit/reviews/{id}", "audit", "read"),
                permission(POST, "/api/v1/audit/reviews/{id}/selections", "audit", "review"),
                permission(GET, "/api/v1/audit/reviews/{id}/items", "audit", "read"),
                permission(POST, "/api/v1/audit/reviews/{id}/items/{seq}", "audit", "review"),
                permission(GET, "/api/v1/audit/reviews/{id}/findings", "audit", "read"),
                permission(POST, "/api/v1/audit/reviews/{id}/findings", "audit", "review"),
                permission(POST, "/api/v1/audit/reviews/{id}/findings/{findingId}/resolve", "audit", "review"),
                permission(POST, "/api/v1/audit/reviews/{id}/sign-off", "audit", "review"));
    }
}
