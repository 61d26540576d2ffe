package dev.vigil.server.identity.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.vigil.server.identity.CreatedUser;
import dev.vigil.server.identity.NewUser;
import dev.vigil.server.identity.UserService;
import dev.vigil.server.identity.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** User administration. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserController {

    private final UserService users;

    UserController(UserService users) {
        this.users = users;
    }

    record CreateUserRequest(@NotBlank @Size(max = 64) String username, @Size(max = 200) String displayName,
            @Email @Size(max = 320) String email, UUID tenantId, List<@NotBlank String> roles,
            @Size(max = 256) String password, Boolean mustChangePassword) {
    }

    record CreateUserResponse(UserView user, String initialPassword) {
    }

    record UpdateUserRequest(@Size(max = 200) String displayName, @Email @Size(max = 320) String email, UUID tenantId,
            @NotNull Boolean enabled) {
    }

    record RolesRequest(@NotNull List<@NotBlank String> roles) {
    }

    record PasswordResetResponse(String temporaryPassword) {
    }

    @GetMapping
    @Operation(summary = "List users (those of the caller's tenants when the permission is tenant-scoped)")
    List<UserView> list() {
        return users.list();
    }

    @PostMapping
    @Operation(summary = "Create a user", description = """
            Without 'password' a random initial password is generated and returned once as initialPassword. The user \
            must change it at first sign-in unless mustChangePassword is false. Granting a role needs every permission \
            it includes.""")
    ResponseEntity<CreateUserResponse> create(@Valid @RequestBody CreateUserRequest request) {
        CreatedUser created = users.create(new NewUser(request.username(), request.displayName(), request.email(),
                request.tenantId(), request.roles(), request.password(), request.mustChangePassword()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.user().id()))
                .body(new CreateUserResponse(created.user(), created.generatedPassword()));
    }

    @GetMapping("/{id}")
    UserView get(@PathVariable UUID id) {
        return users.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Update profile, tenant and enabled flag (disabling cuts off live sessions at once)", description = "Fields left out keep their value; enabled is required.")
    UserView update(@PathVariable UUID id, @Valid @RequestBody UpdateUserRequest request) {
        // PATCH: a field left out keeps its value (the service replaces all of them)
        UserView current = users.get(id);
        return users.update(id, request.displayName() == null ? current.displayName() : request.displayName(),
                request.email() == null ? current.email() : request.email(),
                request.tenantId() == null ? current.tenantId() : request.tenantId(), request.enabled());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        users.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/{id}/roles")
    @Operation(summary = "Replace the user's roles")
    UserView roles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return users.setRoles(id, request.roles());
    }

    @PostMapping("/{id}/password-reset")
    @Operation(summary = "Set a random temporary password (returned once) that must be changed at next sign-in")
    PasswordResetResponse resetPassword(@PathVariable UUID id) {
        return new PasswordResetResponse(users.resetPassword(id));
    }

    @PostMapping("/{id}/unlock")
    UserView unlock(@PathVariable UUID id) {
        return users.unlock(id);
    }

    @PostMapping("/{id}/totp-reset")
    @Operation(summary = "Remove the user's TOTP so they can enrol a new device")
    UserView resetTotp(@PathVariable UUID id) {
        return users.resetTotp(id);
    }
}
