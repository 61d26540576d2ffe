package dev.vigil.server.platform.web;

import static dev.vigil.server.platform.security.EndpointAccess.anonymous;
import static org.springframework.http.HttpMethod.GET;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/** Probes, metrics, the OpenAPI document and static assets are open (the server binds to loopback by default). */
@Component
class PlatformEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                anonymous(GET, "/healthz"),
                anonymous(GET, "/readyz"),
                anonymous(GET, "/health"),
                anonymous(GET, "/health/**"),
                anonymous(GET, "/metrics"),
                anonymous(GET, "/v3/api-docs"),
                anonymous(GET, "/v3/api-docs/**"),
                anonymous(GET, "/v3/api-docs.yaml"),
                anonymous(GET, "/api-docs"),
                anonymous(GET, "/swagger-ui/**"),
                anonymous(GET, "/webjars/**"),
                anonymous(GET, "/css/**"),
                anonymous(GET, "/js/**"),
                anonymous(GET, "/img/**"),
                anonymous(GET, "/favicon.ico"));
    }
}
