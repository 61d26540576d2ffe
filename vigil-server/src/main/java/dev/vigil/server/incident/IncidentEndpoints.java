package dev.vigil.server.incident;

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

/** Who may call the incident and playbook API, and the body limit of attachment uploads. */
@Configuration
class IncidentEndpoints implements EndpointAccess.Declarations {

    static final String BASE = "/api/v1/incidents";
    static final String PLAYBOOKS = "/api/v1/playbooks";

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, BASE, "incident", "read"),
                permission(POST, BASE, "incident", "create"),
                permission(GET, BASE + "/metrics", "incident", "read"),
                permission(GET, BASE + "/plans", "incident", "read"),
                permission(GET, BASE + "/plans/{type}/{level}", "incident", "read"),
                permission(PUT, BASE + "/plans/{type}/{level}", "incident", "configure"),
                permission(GET, BASE + "/escalation", "incident", "read"),
                permission(PUT, BASE + "/escalation/{level}", "incident", "configure"),
                permission(GET, BASE + "/{id}", "incident", "read"),
                permission(GET, BASE + "/{id}/scope", "incident", "read"),
                permission(PUT, BASE + "/{id}/scope/search", "incident", "update"),
                permission(PUT, BASE + "/{id}/harm", "incident", "update"),
                permission(GET, BASE + "/{id}/sessions", "incident", "read"),
                permission(POST, BASE + "/{id}/sessions", "incident", "update"),
                permission(GET, BASE + "/{id}/notices", "incident", "read"),
                permission(POST, BASE + "/{id}/notices/preview", "incident", "read"),
                permission(POST, BASE + "/{id}/notices", "notice", "send"),
                permission(POST, BASE + "/{id}/transition", "incident", "update"),
                permission(POST, BASE + "/{id}/grading", "incident", "update"),
                permission(PUT, BASE + "/{id}/level", "incident", "grade"),
                permission(POST, BASE + "/{id}/alerts", "incident", "update"),
                permission(GET, BASE + "/{id}/suggestions", "incident", "read"),
                permission(POST, BASE + "/{id}/timeline", "incident", "update"),
                permission(GET, BASE + "/{id}/report", "incident", "read"),
                permission(GET, BASE + "/{id}/stix", "incident", "read"),
                permission(PUT, BASE + "/{id}/tlp", "incident", "update"),
                permission(POST, BASE + "/{id}/tasks", "incident", "update"),
                permission(PUT, BASE + "/{id}/tasks/{taskId}", "incident", "update"),
                permission(POST, BASE + "/{id}/observables", "incident", "update"),
                permission(POST, BASE + "/{id}/comments", "incident", "update"),
                permission(POST, BASE + "/{id}/attachments", "incident", "update"),
                permission(GET, BASE + "/{id}/attachments/{attachmentId}", "incident", "read"),
                permission(POST, BASE + "/{id}/retests", "incident", "update"),
                permission(PUT, BASE + "/{id}/review", "incident", "update"),
                permission(POST, BASE + "/{id}/action-items", "incident", "update"),
                permission(PUT, BASE + "/{id}/action-items/{itemId}", "incident", "update"),
                permission(GET, PLAYBOOKS, "playbook", "read"),
                permission(POST, PLAYBOOKS, "playbook", "change"),
                permission(GET, PLAYBOOKS + "/{id}", "playbook", "read"),
                permission(PUT, PLAYBOOKS + "/{id}", "playbook", "change"),
                permission(DELETE, PLAYBOOKS + "/{id}", "playbook", "change"),
                permission(POST, BASE + "/{id}/playbooks/{playbookId}/run", "incident", "update"),
                permission(GET, BASE + "/{id}/playbook-runs", "incident", "read"),
                permission(GET, BASE + "/{id}/playbook-runs/{runId}", "incident", "read"),
                permission(POST, BASE + "/{id}/playbook-runs/{runId}/resume", "incident", "update"));
    }

    @Bean
    BodyLimit incidentAttachmentBodyLimit(VigilProperties properties) {
        // the console's multipart form adds a little framing around the file
        return new BodyLimit(List.of(BASE + "/{id}/attachments", "/incidents/{id}/attachments"),
                properties.incident().maxAttachmentSize().toBytes() + 64 * 1024, "vigil.incident.max-attachment-size");
    }
}
