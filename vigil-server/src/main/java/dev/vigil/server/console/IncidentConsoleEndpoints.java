package dev.vigil.server.console;

import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/** Who may open each incident page of the console. */
@Component
class IncidentConsoleEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/incidents", "incident", "read"),
                permission(POST, "/incidents", "incident", "create"),
                permission(GET, "/incidents/metrics", "incident", "read"),
                permission(GET, "/incidents/{id}", "incident", "read"),
                permission(GET, "/incidents/{id}/updates", "incident", "read"),
                permission(GET, "/incidents/{id}/report", "incident", "read"),
                permission(GET, "/incidents/{id}/stix", "incident", "read"),
                permission(POST, "/incidents/{id}/tlp", "incident", "update"),
                permission(POST, "/incidents/{id}/transition", "incident", "update"),
                permission(POST, "/incidents/{id}/grading", "incident", "update"),
                permission(POST, "/incidents/{id}/level", "incident", "grade"),
                permission(POST, "/incidents/{id}/alerts", "incident", "update"),
                permission(POST, "/incidents/{id}/timeline", "incident", "update"),
                permission(POST, "/incidents/{id}/tasks", "incident", "update"),
                permission(POST, "/incidents/{id}/tasks/{taskId}", "incident", "update"),
                permission(POST, "/incidents/{id}/observables", "incident", "update"),
                permission(POST, "/incidents/{id}/harm", "incident", "update"),
                permission(POST, "/incidents/{id}/scope-search", "incident", "update"),
                permission(POST, "/incidents/{id}/sessions", "incident", "update"),
                permission(POST, "/incidents/{id}/notices/preview", "incident", "read"),
                permission(POST, "/incidents/{id}/notices", "notice", "send"),
                permission(POST, "/incidents/{id}/comments", "incident", "update"),
                permission(POST, "/incidents/{id}/attachments", "incident", "update"),
                permission(GET, "/incidents/{id}/attachments/{attachmentId}", "incident", "read"),
                permission(POST, "/incidents/{id}/retests", "incident", "update"),
                permission(POST, "/incidents/{id}/review", "incident", "update"),
                permission(POST, "/incidents/{id}/action-items", "incident", "update"),
                permission(POST, "/incidents/{id}/action-items/{itemId}", "incident", "update"));
    }
}
