package dev.vigil.server.identity.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import dev.vigil.server.identity.PermissionCatalogue;
import dev.vigil.server.identity.RoleService;
import dev.vigil.server.identity.RoleView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Roles and the catalogue of permissions they can hold. */
@RestController
@Tag(name = "Roles and permissions")
class RoleController {

    private final RoleService roles;

    RoleController(RoleService roles) {
        this.roles = roles;
    }

    record RoleRequest(@NotBlank @Size(max = 63) String name, @Size(max = 500) String description,
            @NotEmpty List<@NotBlank String> permissions) {
    }

    record RoleUpdate(@Size(max = 500) String description, @NotEmpty List<@NotBlank String> permissions) {
    }

    @GetMapping("/api/v1/roles")
    List<RoleView> list() {
        return roles.list();
    }

    @PostMapping("/api/v1/roles")
    @Operation(summary = "Define a custom role", description = "Permissions are 'resource:action:scope'; see GET /api/v1/permissions.")
    ResponseEntity<RoleView> create(@Valid @RequestBody RoleRequest request) {
        RoleView role = roles.create(request.name(), request.description() == null ? "" : request.description(), request.permissions());
        return ResponseEntity.created(URI.create("/api/v1/roles/" + role.id())).body(role);
    }

    @GetMapping("/api/v1/roles/{id}")
    RoleView get(@PathVariable UUID id) {
        return roles.get(id);
    }

    @PutMapping("/api/v1/roles/{id}")
    RoleView update(@PathVariable UUID id, @Valid @RequestBody RoleUpdate request) {
        return roles.update(id, request.description() == null ? "" : request.description(), request.permissions());
    }

    @DeleteMapping("/api/v1/roles/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        roles.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/permissions")
    @Operation(summary = "Resource types and their actions", description = "Scopes: *, own-tenant, tenant:<uuid>, asset-group:<id>, object:<id>.")
    Map<String, List<String>> catalogue() {
        return new java.util.TreeMap<>(PermissionCatalogue.actions());
    }
}
