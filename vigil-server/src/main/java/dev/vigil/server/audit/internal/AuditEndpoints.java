package dev.vigil.server.audit.internal;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

@Component
class AuditEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(EndpointAccess.permission(HttpMethod.GET, "/api/v1/audit/records", "audit", "read"));
    }
}
