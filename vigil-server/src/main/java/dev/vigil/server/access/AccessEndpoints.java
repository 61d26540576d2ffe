package dev.vigil.server.access;

import static dev.vigil.server.platform.security.EndpointAccess.authenticated;
import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.context.annotation.Configuration;

/** Who may call the bastion API: targets, grants, the command policy and command templates (bastion-target), sessions (bastion-session), one's own SSH keys (anyone signed in). */
@Configuration
class AccessEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/access/targets", "bastion-target", "read"),
                permission(POST, "/api/v1/access/targets", "bastion-target", "update"),
                permission(GET, "/api/v1/access/targets/{id}", "bastion-target", "read"),
                permission(PUT, "/api/v1/access/targets/{id}", "bastion-target", "update"),
                permission(DELETE, "/api/v1/access/targets/{id}", "bastion-target", "update"),
                permission(POST, "/api/v1/access/targets/{id}/host-key/confirm", "bastion-target", "update"),
                permission(POST, "/api/v1/access/targets/{id}/accounts", "bastion-target", "update"),
                permission(PUT, "/api/v1/access/targets/{id}/accounts/{accountId}/credential", "bastion-target", "update"),
                permission(DELETE, "/api/v1/access/targets/{id}/accounts/{accountId}", "bastion-target", "update"),
                permission(POST, "/api/v1/access/targets/{id}/accounts/{accountId}/rotate-password", "bastion-target", "update"),
                permission(POST, "/api/v1/access/targets/{id}/accounts/{accountId}/rotate-key", "bastion-target", "update"),
                permission(PUT, "/api/v1/access/targets/{id}/accounts/{accountId}/rotation-policy", "bastion-target", "update"),
                permission(DELETE, "/api/v1/access/targets/{id}/accounts/{accountId}/rotation-policy", "bastion-target", "update"),
                permission(POST, "/api/v1/access/vault/rotate", "bastion-target", "update"),
                permission(GET, "/api/v1/access/grants", "bastion-target", "read"),
                permission(POST, "/api/v1/access/grants", "bastion-target", "update"),
                permission(GET, "/api/v1/access/grants/{id}", "bastion-target", "read"),
                permission(DELETE, "/api/v1/access/grants/{id}", "bastion-target", "update"),
                permission(GET, "/api/v1/access/command-rules", "bastion-target", "read"),
                permission(POST, "/api/v1/access/command-rules", "bastion-target", "update"),
                permission(GET, "/api/v1/access/command-rules/{id}", "bastion-target", "read"),
                permission(PUT, "/api/v1/access/command-rules/{id}", "bastion-target", "update"),
                permission(DELETE, "/api/v1/access/command-rules/{id}", "bastion-target", "update"),
                permission(GET, "/api/v1/access/command-modes", "bastion-target", "read"),
                permission(POST, "/api/v1/access/command-modes", "bastion-target", "update"),
                permission(DELETE, "/api/v1/access/command-modes/{id}", "bastion-target", "update"),
                permission(POST, "/api/v1/access/command-policy/test", "bastion-target", "read"),
                permission(GET, "/api/v1/access/command-templates", "bastion-target", "read"),
                permission(POST, "/api/v1/access/command-templates", "bastion-target", "update"),
                permission(GET, "/api/v1/access/command-templates/{id}", "bastion-target", "read"),
                permission(PUT, "/api/v1/access/command-templates/{id}", "bastion-target", "update"),
                permission(DELETE, "/api/v1/access/command-templates/{id}", "bastion-target", "update"),
                permission(POST, "/api/v1/access/requests", "access-request", "create"),
                authenticated(GET, "/api/v1/access/ssh-keys"),
                authenticated(POST, "/api/v1/access/ssh-keys"),
                authenticated(DELETE, "/api/v1/access/ssh-keys/{id}"),
                permission(GET, "/api/v1/sessions", "bastion-session", "read"),
                permission(GET, "/api/v1/sessions/{id}", "bastion-session", "read"),
                permission(GET, "/api/v1/sessions/{id}/recording", "bastion-session", "read"),
                permission(GET, "/api/v1/sessions/{id}/commands", "bastion-session", "read"),
                permission(GET, "/api/v1/sessions/{id}/transfers", "bastion-session", "read"),
                permission(GET, "/api/v1/sessions/{id}/live", "bastion-session", "monitor"),
                permission(POST, "/api/v1/sessions/{id}/terminate", "bastion-session", "terminate"),
                permission(POST, "/api/v1/sessions/{id}/kill", "bastion-session", "terminate"));
    }
}
