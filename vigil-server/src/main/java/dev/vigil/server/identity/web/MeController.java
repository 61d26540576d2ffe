package dev.vigil.server.identity.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TotpEnrolment;
import dev.vigil.server.identity.TwoFactorService;
import dev.vigil.server.identity.UserService;
import dev.vigil.server.identity.VigilPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account: who am I, password, TOTP. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "My account")
class MeController {

    private final AccessPolicy access;
    private final UserService users;
    private final TwoFactorService twoFactor;

    MeController(AccessPolicy access, UserService users, TwoFactorService twoFactor) {
        this.access = access;
        this.users = users;
        this.twoFactor = twoFactor;
    }

    record Me(UUID id, String username, UUID tenantId, List<String> roles, List<String> permissions, String via,
            String restriction) {
    }

    record PasswordChange(@NotBlank @Size(max = 256) String currentPassword, @NotBlank @Size(max = 256) String newPassword) {
    }

    record Code(@NotBlank @Size(max = 10) String code) {
    }

    @GetMapping
    @Operation(summary = "The signed-in caller with effective roles and permissions")
    Me me() {
        VigilPrincipal p = access.requireCurrent();
        return new Me(p.userId(), p.username(), p.tenantId(), p.roles(),
                p.permissions().stream().map(Object::toString).sorted().toList(), p.via().name().toLowerCase(java.util.Locale.ROOT),
                p.restriction().name().toLowerCase(java.util.Locale.ROOT));
    }

    @PostMapping("/password")
    @Operation(summary = "Change my password")
    ResponseEntity<Void> password(@Valid @RequestBody PasswordChange request) {
        users.changeOwnPassword(request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/totp/enrolment")
    @Operation(summary = "Start TOTP enrolment", description = "Returns a new secret and its otpauth:// URI; confirm with a first code.")
    TotpEnrolment startTotp() {
        return twoFactor.start();
    }

    @PostMapping("/totp/confirm")
    @Operation(summary = "Confirm TOTP enrolment with a current code")
    ResponseEntity<Void> confirmTotp(@Valid @RequestBody Code request) {
        twoFactor.confirm(request.code());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/totp/remove")
    @Operation(summary = "Remove my TOTP (refused when a role requires it)")
    ResponseEntity<Void> removeTotp(@Valid @RequestBody Code request) {
        twoFactor.remove(request.code());
        return ResponseEntity.noContent().build();
    }
}
