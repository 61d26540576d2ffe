package dev.vigil.server.approval;

import static dev.vigil.server.platform.security.EndpointAccess.authenticated;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/**
 * Who may call the change API: any signed-in caller; the service decides per change (readers, the requester, approvers
 * by the change's policy, authorizers of its tenant), because a tenant authorizer approves without {@code change:*}.
 */
@Component
class ApprovalEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                authenticated(GET, "/api/v1/changes"),
                authenticated(GET, "/api/v1/changes/{id}"),
                authenticated(POST, "/api/v1/changes/{id}/approve"),
                authenticated(POST, "/api/v1/changes/{id}/reject"),
                authenticated(POST, "/api/v1/changes/{id}/withdraw"),
                authenticated(POST, "/api/v1/changes/{id}/review"));
    }
}
