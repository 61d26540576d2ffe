package dev.vigil.server.console;

import static dev.vigil.server.platform.security.EndpointAccess.anonymous;
import static dev.vigil.server.platform.security.EndpointAccess.authenticated;
import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/** Who may open each console page. */
@Component
class ConsoleEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                anonymous(GET, "/login"),
                anonymous(POST, "/login"),
                anonymous(GET, "/login/totp"),
                anonymous(POST, "/login/totp"),
                authenticated(POST, "/logout"),
                authenticated(GET, "/"),
                authenticated(GET, "/profile"),
                authenticated(POST, "/profile/password"),
                authenticated(POST, "/profile/totp/start"),
                authenticated(POST, "/profile/totp/confirm"),
                authenticated(POST, "/profile/totp/remove"),
                authenticated(GET, "/changes"),
                permission(GET, "/monitoring", "monitor", "read"),
                authenticated(POST, "/changes/{id}/approve"),
                authenticated(POST, "/changes/{id}/reject"),
                authenticated(POST, "/changes/{id}/withdraw"),
                authenticated(POST, "/changes/{id}/review"),
                permission(GET, "/admin/users", "user", "read"),
                permission(POST, "/admin/users", "user", "create"),
                permission(GET, "/admin/users/{id}", "user", "read"),
                permission(POST, "/admin/users/{id}", "user", "update"),
                permission(POST, "/admin/users/{id}/roles", "user", "update"),
                permission(POST, "/admin/users/{id}/enabled", "user", "update"),
                permission(POST, "/admin/users/{id}/password-reset", "user", "update"),
                permission(POST, "/admin/users/{id}/unlock", "user", "update"),
                permission(POST, "/admin/users/{id}/totp-reset", "user", "update"),
                permission(POST, "/admin/users/{id}/delete", "user", "delete"),
                permission(GET, "/admin/roles", "role", "read"),
                permission(POST, "/admin/roles", "role", "create"),
                permission(POST, "/admin/roles/{id}/delete", "role", "delete"),
                permission(GET, "/admin/tenants", "tenant", "read"),
                permission(POST, "/admin/tenants", "tenant", "create"),
                permission(POST, "/admin/tenants/{id}/delete", "tenant", "delete"),
                permission(GET, "/admin/tokens", "api-token", "read"),
                permission(POST, "/admin/tokens", "api-token", "create"),
                permission(POST, "/admin/tokens/{id}/revoke", "api-token", "delete"),
                permission(GET, "/events", "event", "read"),
                permission(GET, "/events/{id}", "event", "read"),
                permission(POST, "/events/saved", "event", "read"),
                permission(POST, "/events/saved/{id}/delete", "event", "read"),
                permission(GET, "/inputs", "input", "read"),
                permission(POST, "/inputs", "input", "create"),
                permission(POST, "/inputs/{id}/enabled", "input", "update"),
                permission(POST, "/inputs/{id}/delete", "input", "delete"),
                permission(POST, "/inputs/{id}/tokens", "input", "update"),
                permission(POST, "/inputs/tokens/{id}/revoke", "input", "update"),
                anonymous(GET, "/ack/{token}"),
                anonymous(POST, "/ack/{token}"),
                permission(GET, "/alerts", "alert", "read"),
                permission(GET, "/alerts/{id}", "alert", "read"),
                permission(POST, "/alerts/acknowledge", "alert", "update"),
                permission(GET, "/alerts/receivers", "alert", "configure"),
                permission(POST, "/alerts/receivers/{id}/test", "alert", "configure"),
                permission(POST, "/alerts/routing", "alert", "configure"),
                permission(GET, "/alerts/silences", "alert", "read"),
                permission(POST, "/alerts/silences", "alert", "update"),
                permission(POST, "/alerts/silences/{id}/expire", "alert", "update"),
                permission(POST, "/alerts/{id}/acknowledge", "alert", "update"),
                permission(POST, "/alerts/{id}/resolve", "alert", "update"),
                permission(GET, "/rules", "rule", "read"),
                permission(POST, "/rules/import", "rule", "update"),
                permission(GET, "/rules/{id}", "rule", "read"),
                permission(POST, "/rules/{id}/enabled", "rule", "update"),
                permission(POST, "/rules/{id}/test", "rule", "read"),
                permission(POST, "/rules/{id}/exceptions", "rule", "update"),
                permission(POST, "/rules/{id}/exceptions/{exceptionId}/revoke", "rule", "update"),
                permission(POST, "/rules/{id}/hunt", "rule", "read"),
                permission(POST, "/rules/baselines/{name}/enabled", "rule", "update"),
                permission(GET, "/bastion/sessions", "bastion-session", "read"),
                permission(GET, "/bastion/sessions/{id}", "bastion-session", "read"),
                permission(GET, "/intel", "intel", "read"),
                permission(POST, "/intel/feeds", "intel", "update"),
                permission(POST, "/intel/feeds/{id}/indicators", "intel", "update"),
                permission(POST, "/intel/feeds/{id}/enabled", "intel", "update"),
                permission(POST, "/intel/feeds/{id}/tenants", "intel", "update"),
                permission(POST, "/intel/feeds/{id}/poll", "intel", "update"),
                permission(GET, "/intel/attack", "intel", "read"),
                permission(POST, "/intel/attack", "intel", "update"),
                permission(POST, "/intel/allowlist", "intel", "update"),
                permission(POST, "/intel/allowlist/{id}/delete", "intel", "update"),
                permission(POST, "/intel/verdicts", "intel", "update"),
                permission(POST, "/intel/verdicts/{id}/delete", "intel", "update"),
                permission(POST, "/intel/hunts", "intel", "read"),
                permission(GET, "/audit", "audit", "read"),
                permission(GET, "/audit/records/{seq}", "audit", "read"),
                permission(GET, "/audit/reviews", "audit", "read"),
                permission(POST, "/audit/reviews", "audit", "review"),
                permission(GET, "/audit/reviews/{id}", "audit", "read"),
                permission(POST, "/audit/reviews/{id}/selections", "audit", "review"),
                permission(POST, "/audit/reviews/{id}/items/{seq}", "audit", "review"),
                permission(POST, "/audit/reviews/{id}/findings", "audit", "review"),
                permission(POST, "/audit/reviews/{id}/findings/{findingId}/resolve", "audit", "review"),
                permission(POST, "/audit/reviews/{id}/sign-off", "audit", "review"));
    }
}
