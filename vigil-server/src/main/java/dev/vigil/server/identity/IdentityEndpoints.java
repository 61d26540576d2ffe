package dev.vigil.server.identity;

import static dev.vigil.server.platform.security.EndpointAccess.anonymous;
import static dev.vigil.server.platform.security.EndpointAccess.authenticated;
import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/** Who may call the identity API. */
@Component
class IdentityEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                anonymous(POST, "/api/v1/auth/login"),
                anonymous(POST, "/api/v1/auth/change-password"),
                authenticated(POST, "/api/v1/auth/logout"),
                authenticated(GET, "/api/v1/me"),
                authenticated(POST, "/api/v1/me/password"),
                authenticated(POST, "/api/v1/me/totp/enrolment"),
                authenticated(POST, "/api/v1/me/totp/confirm"),
                authenticated(POST, "/api/v1/me/totp/remove"),
                permission(GET, "/api/v1/users", "user", "read"),
                permission(POST, "/api/v1/users", "user", "create"),
                permission(GET, "/api/v1/users/{id}", "user", "read"),
                permission(PATCH, "/api/v1/users/{id}", "user", "update"),
                permission(DELETE, "/api/v1/users/{id}", "user", "delete"),
                permission(PUT, "/api/v1/users/{id}/roles", "user", "update"),
                permission(POST, "/api/v1/users/{id}/password-reset", "user", "update"),
                permission(POST, "/api/v1/users/{id}/unlock", "user", "update"),
                permission(POST, "/api/v1/users/{id}/totp-reset", "user", "update"),
                permission(GET, "/api/v1/roles", "role", "read"),
                permission(POST, "/api/v1/roles", "role", "create"),
                permission(GET, "/api/v1/roles/{id}", "role", "read"),
                permission(PUT, "/api/v1/roles/{id}", "role", "update"),
                permission(DELETE, "/api/v1/roles/{id}", "role", "delete"),
                permission(GET, "/api/v1/permissions", "role", "read"),
                permission(GET, "/api/v1/groups", "group", "read"),
                permission(POST, "/api/v1/groups", "group", "create"),
                permission(GET, "/api/v1/groups/{id}", "group", "read"),
                permission(PUT, "/api/v1/groups/{id}", "group", "update"),
                permission(DELETE, "/api/v1/groups/{id}", "group", "delete"),
                permission(GET, "/api/v1/tenants", "tenant", "read"),
                permission(POST, "/api/v1/tenants", "tenant", "create"),
                permission(GET, "/api/v1/tenants/{id}", "tenant", "read"),
                permission(PATCH, "/api/v1/tenants/{id}", "tenant", "update"),
                permission(DELETE, "/api/v1/tenants/{id}", "tenant", "delete"),
                permission(GET, "/api/v1/tokens", "api-token", "read"),
                permission(POST, "/api/v1/tokens", "api-token", "create"),
                permission(DELETE, "/api/v1/tokens/{id}", "api-token", "delete"));
    }
}
