package dev.vigil.server.advisory;

import static dev.vigil.server.platform.security.EndpointAccess.anonymous;
import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.context.annotation.Configuration;

/** Who may call the advisory API; the CSAF provider layout is public (it serves TLP:WHITE releases only). */
@Configuration
class AdvisoryEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/advisories", "vuln", "read"),
                permission(POST, "/api/v1/advisories", "vuln", "update"),
                permission(GET, "/api/v1/advisories/{id}", "vuln", "read"),
                permission(PUT, "/api/v1/advisories/{id}/draft", "vuln", "update"),
                permission(POST, "/api/v1/advisories/{id}/validation", "vuln", "read"),
                permission(POST, "/api/v1/advisories/{id}/publication", "vuln", "update"),
                permission(GET, "/api/v1/advisories/{id}/releases/{version}", "vuln", "read"),
                anonymous(GET, "/.well-known/csaf/provider-metadata.json"),
                anonymous(GET, "/.well-known/csaf/white/index.txt"),
                anonymous(GET, "/.well-known/csaf/white/changes.csv"),
                anonymous(GET, "/.well-known/csaf/white/{year}/{file}"));
    }
}
