package dev.vigil.server.alerting;

import static dev.vigil.server.platform.security.EndpointAccess.authenticated;
import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/** Who may call the alert API. */
@Component
class AlertingEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/alerts", "alert", "read"),
                permission(GET, "/api/v1/alerts/summary", "alert", "read"),
                permission(GET, "/api/v1/alerts/{id}", "alert", "read"),
                permission(POST, "/api/v1/alerts/acknowledge", "alert", "update"),
                permission(POST, "/api/v1/alerts/{id}/acknowledge", "alert", "update"),
                permission(POST, "/api/v1/alerts/{id}/resolve", "alert", "update"),
                permission(GET, "/api/v1/alerts/{id}/notifications", "alert", "read"),
                permission(GET, "/api/v1/alerts/{id}/grouped", "alert", "read"),
                permission(GET, "/api/v1/alerting/receivers", "alert", "configure"),
                permission(POST, "/api/v1/alerting/receivers", "alert", "configure"),
                permission(GET, "/api/v1/alerting/receivers/{id}", "alert", "configure"),
                permission(PUT, "/api/v1/alerting/receivers/{id}", "alert", "configure"),
                permission(DELETE, "/api/v1/alerting/receivers/{id}", "alert", "configure"),
                permission(POST, "/api/v1/alerting/receivers/{id}/test", "alert", "configure"),
                permission(GET, "/api/v1/alerting/silences", "alert", "read"),
                permission(POST, "/api/v1/alerting/silences", "alert", "update"),
                permission(POST, "/api/v1/alerting/silences/{id}/expire", "alert", "update"),
                permission(GET, "/api/v1/alerting/routing", "alert", "configure"),
                permission(GET, "/api/v1/alerting/routing/versions", "alert", "configure"),
                permission(PUT, "/api/v1/alerting/routing", "alert", "configure"),
                permission(GET, "/api/v1/oncall/schedules", "oncall", "read"),
                permission(POST, "/api/v1/oncall/schedules", "oncall", "configure"),
                permission(GET, "/api/v1/oncall/schedules/{id}", "oncall", "read"),
                permission(POST, "/api/v1/oncall/schedules/{id}/overrides", "oncall", "configure"),
                permission(GET, "/api/v1/oncall/schedules/{id}/who", "oncall", "read"),
                permission(GET, "/api/v1/oncall/schedules/{id}/coverage", "oncall", "read"),
                permission(PUT, "/api/v1/oncall/schedules/{id}", "oncall", "configure"),
                permission(DELETE, "/api/v1/oncall/schedules/{id}", "oncall", "configure"),
                permission(DELETE, "/api/v1/oncall/schedules/{id}/overrides/{overrideId}", "oncall", "configure"),
                permission(GET, "/api/v1/oncall/schedules/{id}/shifts", "oncall", "read"),
                permission(GET, "/api/v1/tenants/{tenantId}/contacts", "notice", "read"),
                permission(POST, "/api/v1/tenants/{tenantId}/contacts", "notice", "configure"),
                permission(PUT, "/api/v1/tenants/{tenantId}/contacts/{id}", "notice", "configure"),
                permission(DELETE, "/api/v1/tenants/{tenantId}/contacts/{id}", "notice", "configure"),
                permission(POST, "/api/v1/tenants/{tenantId}/contacts/{id}/test", "notice", "configure"),
                permission(GET, "/api/v1/notices", "notice", "read"),
                permission(POST, "/api/v1/notices", "notice", "send"),
                permission(GET, "/api/v1/notices/{id}", "notice", "read"),
                permission(GET, "/api/v1/oncall/escalation-policies", "oncall", "read"),
                permission(POST, "/api/v1/oncall/escalation-policies", "oncall", "configure"),
                permission(GET, "/api/v1/oncall/escalation-policies/{id}", "oncall", "read"),
                permission(PUT, "/api/v1/oncall/escalation-policies/{id}", "oncall", "configure"),
                permission(DELETE, "/api/v1/oncall/escalation-policies/{id}", "oncall", "configure"),
                permission(GET, "/api/v1/alerts/{id}/escalations", "alert", "read"),
                authenticated(GET, "/api/v1/me/contacts"),
                authenticated(POST, "/api/v1/me/contacts"),
                authenticated(DELETE, "/api/v1/me/contacts/{id}"),
                permission(GET, "/api/v1/oncall/users/{username}/contacts", "oncall", "configure"),
                permission(POST, "/api/v1/oncall/users/{username}/contacts", "oncall", "configure"),
                permission(DELETE, "/api/v1/oncall/users/{username}/contacts/{id}", "oncall", "configure"));
    }
}
