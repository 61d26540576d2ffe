package dev.vigil.server.console;

import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.context.annotation.Configuration;

/** Who may open the asset, vulnerability, advisory and situation pages. */
@Configuration
class AssetVulnConsoleEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/assets", "asset", "read"),
                permission(POST, "/assets", "asset", "update"),
                permission(POST, "/assets/import", "asset", "update"),
                permission(GET, "/assets/{id}", "asset", "read"),
                permission(GET, "/vulns", "vuln", "read"),
                permission(POST, "/vulns/import", "vuln", "update"),
                permission(POST, "/vulns/{id}/transition", "vuln", "update"),
                permission(GET, "/vulns/advisories", "vuln", "read"),
                permission(POST, "/vulns/advisories/import", "vuln", "update"),
                                permission(GET, "/situation", "vuln", "read"),
                permission(GET, "/advisories", "vuln", "read"),
                permission(POST, "/advisories", "vuln", "update"),
                permission(POST, "/advisories/components", "vuln", "update"),
                permission(GET, "/advisories/{id}", "vuln", "read"),
                permission(POST, "/advisories/{id}/draft", "vuln", "update"),
                permission(POST, "/advisories/{id}/check", "vuln", "read"),
                permission(POST, "/advisories/{id}/publish", "vuln", "update"),
                permission(GET, "/advisories/{id}/releases/{version}", "vuln", "read"));
    }
}
