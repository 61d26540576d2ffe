package dev.vigil.server.vuln;

import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.security.EndpointAccess;
import dev.vigil.server.platform.web.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the vulnerability and risk API, and the body limit of report and catalog uploads. */
@Configuration
class VulnEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(POST, "/api/v1/vuln/imports", "vuln", "update"),
                permission(GET, "/api/v1/vuln/imports", "vuln", "read"),
                permission(GET, "/api/v1/vuln/findings", "vuln", "read"),
                permission(GET, "/api/v1/vuln/findings/sla", "vuln", "read"),
                permission(GET, "/api/v1/vuln/findings/{id}", "vuln", "read"),
                permission(GET, "/api/v1/vuln/findings/{id}/history", "vuln", "read"),
                permission(POST, "/api/v1/vuln/findings/{id}/transitions", "vuln", "update"),
                permission(POST, "/api/v1/vuln/findings/{id}/risk-acceptance", "vuln", "update"),
                permission(GET, "/api/v1/vuln/catalogs", "vuln", "read"),
                permission(POST, "/api/v1/vuln/catalogs/kev", "vuln", "update"),
                permission(POST, "/api/v1/vuln/catalogs/epss", "vuln", "update"),
                permission(POST, "/api/v1/vuln/advisories", "vuln", "update"),
                permission(GET, "/api/v1/vuln/advisories", "vuln", "read"),
                permission(GET, "/api/v1/risk/assets", "vuln", "read"),
                permission(GET, "/api/v1/risk/posture", "vuln", "read"));
    }

    @Bean
    BodyLimit vulnImportBodyLimit(VigilProperties properties) {
        return new BodyLimit(List.of("/api/v1/vuln/imports", "/api/v1/vuln/catalogs/kev", "/api/v1/vuln/catalogs/epss",
                "/api/v1/vuln/advisories"),
                properties.vuln().maxImportSize().toBytes(), "vigil.vuln.max-import-size");
    }
}
