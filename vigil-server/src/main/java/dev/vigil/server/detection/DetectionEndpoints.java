package dev.vigil.server.detection;

import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.util.List;

import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.security.EndpointAccess;
import dev.vigil.server.platform.web.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who may call the detection API, and the body limit of rule imports. */
@Configuration
class DetectionEndpoints implements EndpointAccess.Declarations {

    static final String IMPORT_PATH = "/api/v1/detection/rules/import";

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/detection/rules", "rule", "read"),
                permission(GET, "/api/v1/detection/rules/{id}", "rule", "read"),
                permission(POST, IMPORT_PATH, "rule", "update"),
                permission(PUT, "/api/v1/detection/rules/{id}/enabled", "rule", "update"),
                permission(POST, "/api/v1/detection/rules/test", "rule", "read"),
                permission(POST, "/api/v1/detection/rules/{id}/test", "rule", "read"),
                permission(GET, "/api/v1/detection/rules/{id}/exceptions", "rule", "read"),
                permission(POST, "/api/v1/detection/rules/{id}/exceptions", "rule", "update"),
                permission(GET, "/api/v1/detection/exceptions", "rule", "read"),
                permission(POST, "/api/v1/detection/exceptions/{id}/revoke", "rule", "update"),
                permission(GET, "/api/v1/detection/retro-hunts", "rule", "read"),
                permission(POST, "/api/v1/detection/retro-hunts", "rule", "read"),
                permission(GET, "/api/v1/detection/retro-hunts/{id}", "rule", "read"),
                permission(GET, "/api/v1/detection/baselines", "rule", "read"),
                permission(POST, "/api/v1/detection/baselines", "rule", "update"),
                permission(GET, "/api/v1/detection/baselines/{name}", "rule", "read"),
                permission(PUT, "/api/v1/detection/baselines/{name}", "rule", "update"),
                permission(PUT, "/api/v1/detection/baselines/{name}/enabled", "rule", "update"));
    }

    @Bean
    BodyLimit ruleImportBodyLimit(VigilProperties properties) {
        return new BodyLimit(List.of(IMPORT_PATH, "/rules/import"), properties.detection().maxImportSize().toBytes(),
                "vigil.detection.max-import-size");
    }
}
