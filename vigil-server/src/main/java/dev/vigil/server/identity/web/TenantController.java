package dev.vigil.server.identity.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Tenants: the customers whose data and assets Vigil protects. */
@RestController
@Tag(name = "Tenants")
class TenantController {

    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    record TenantRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,62}", message = "lower-case letters, digits and dashes (1-63)")
            String slug, @NotBlank @Size(max = 200) String name, @Size(max = 1000) String description) {
    }

    record TenantUpdate(@NotBlank @Size(max = 200) String name, @Size(max = 1000) String description) {
    }

    @GetMapping("/api/v1/tenants")
    List<TenantView> list() {
        return tenants.listVisible();
    }

    @PostMapping("/api/v1/tenants")
    ResponseEntity<TenantView> create(@Valid @RequestBody TenantRequest request) {
        TenantView tenant = tenants.create(request.slug(), request.name(), request.description() == null ? "" : request.description());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.id())).body(tenant);
    }

    @GetMapping("/api/v1/tenants/{id}")
    TenantView get(@PathVariable UUID id) {
        return tenants.get(id);
    }

    @PatchMapping("/api/v1/tenants/{id}")
    TenantView update(@PathVariable UUID id, @Valid @RequestBody TenantUpdate request) {
        return tenants.update(id, request.name(), request.description() == null ? "" : request.description());
    }

    @DeleteMapping("/api/v1/tenants/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        tenants.delete(id);
        return ResponseEntity.noContent().build();
    }
}
