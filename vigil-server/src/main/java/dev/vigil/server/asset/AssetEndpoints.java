package dev.vigil.server.asset;

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

/** Who may call the asset API, and the body limit of CSV imports. */
@Configuration
class AssetEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/api/v1/assets", "asset", "read"),
                permission(POST, "/api/v1/assets", "asset", "update"),
                permission(GET, "/api/v1/assets/coverage", "asset", "read"),
                permission(POST, "/api/v1/assets/imports", "asset", "update"),
                permission(POST, "/api/v1/assets/discoveries", "asset", "update"),
                permission(GET, "/api/v1/assets/{id}", "asset", "read"),
                permission(PUT, "/api/v1/assets/{id}", "asset", "update"),
                permission(DELETE, "/api/v1/assets/{id}", "asset", "update"),
                permission(GET, "/api/v1/assets/{id}/coverage", "asset", "read"),
                permission(GET, "/api/v1/assets/{id}/software", "asset", "read"),
                permission(PUT, "/api/v1/assets/{id}/software", "asset", "update"),
                permission(GET, "/api/v1/assets/{id}/links", "asset", "read"),
                permission(POST, "/api/v1/assets/{id}/links", "asset", "update"),
                permission(DELETE, "/api/v1/assets/{id}/links/{upstreamId}", "asset", "update"),
                permission(POST, "/api/v1/assets/{id}/merge", "asset", "update"));
    }

    @Bean
    BodyLimit assetImportBodyLimit(VigilProperties properties) {
        return new BodyLimit(List.of("/api/v1/assets/imports"), properties.vuln().maxImportSize().toBytes(),
                "vigil.vuln.max-import-size");
    }
}
