package dev.vigil.server.access;

import static dev.vigil.server.platform.security.EndpointAccess.authenticated;
import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call the operating procedure API: templates (procedure:read / procedure:change), executions (asking and
 * ticking: procedure-execution:create; reading: one's own, or procedure-execution:read; abandoning: the operator or an
 * approver, decided by the service).
 */
@Configuration
class ProcedureEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/procedures", "procedure", "read"),
                permission(POST, "/api/v1/procedures", "procedure", "change"),
                permission(GET, "/api/v1/procedures/{id}", "procedure", "read"),
                permission(PUT, "/api/v1/procedures/{id}", "procedure", "change"),
                authenticated(GET, "/api/v1/procedure-executions"),
                permission(POST, "/api/v1/procedure-executions", "procedure-execution", "create"),
                authenticated(GET, "/api/v1/procedure-executions/{id}"),
                permission(POST, "/api/v1/procedure-executions/{id}/steps/{step}/tick", "procedure-execution", "create"),
                authenticated(POST, "/api/v1/procedure-executions/{id}/abandon"));
    }
}
