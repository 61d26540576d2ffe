package dev.vigil.server.console;

import static dev.vigil.server.platform.security.EndpointAccess.permission;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;

import dev.vigil.server.platform.security.EndpointAccess;
import org.springframework.stereotype.Component;

/** Who may open the intelligence-sharing page of the console. */
@Component
class SharingConsoleEndpoints implements EndpointAccess.Declarations {

    @Override
    public List<EndpointAccess> endpoints() {
        return List.of(
                permission(GET, "/intel/sharing", "intel", "share"),
                permission(POST, "/intel/sharing/collections", "intel", "share"),
                permission(POST, "/intel/sharing/collections/{id}/delete", "intel", "share"),
                permission(POST, "/intel/sharing/partners", "intel", "share"),
                permission(POST, "/intel/sharing/partners/{id}/revoke", "intel", "share"));
    }
}
