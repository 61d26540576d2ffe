package dev.vigil.server.identity.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.ApiTokenService;
import dev.vigil.server.identity.LoginResult;
import dev.vigil.server.identity.LoginService;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in for API clients: a bearer session token from a username, password and (when enrolled) TOTP code. */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication")
class AuthController {

    private final LoginService logins;
    private final ApiTokenService tokens;
    private final AccessPolicy access;

    AuthController(LoginService logins, ApiTokenService tokens, AccessPolicy access) {
        this.logins = logins;
        this.tokens = tokens;
        this.access = access;
    }

    record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password,
            @Size(max = 10) String totp) {
    }

    record LoginResponse(String token, String tokenType, Instant expiresAt, String username, List<String> roles,
            boolean passwordChangeRequired) {
    }

    record ChangePasswordRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 256) String password,
            @Size(max = 10) String totp, @NotBlank @Size(max = 256) String newPassword) {
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in", description = """
            Checks username and password (and the TOTP code when the user has enrolled one) and returns a bearer session \
            token: send it as 'Authorization: Bearer <token>'. It expires after vigil.security.session-absolute-timeout, \
            or after vigil.security.session-idle-timeout without use. 401 with code 'totp-required' when a TOTP code is \
            needed; 429 while the account is locked after repeated failures. When passwordChangeRequired is true the \
            token only allows POST /api/v1/me/password.""")
    ResponseEntity<LoginResponse> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        LoginService.ApiLogin login = logins.apiLogin(request.username(), request.password(), request.totp(), http.getRemoteAddr());
        return switch (login.result()) {
            case LoginResult.Success success -> ResponseEntity.ok(new LoginResponse(login.session().secret(), "Bearer",
                    login.session().token().expiresAt(), success.username(), login.principal().roles(),
                    success.passwordChangeRequired()));
            case LoginResult.TotpRequired totpRequired ->
                    throw ProblemException.unauthorized("totp-required", "this account has TOTP: send the current code as 'totp'");
            case LoginResult.Refused refused when refused.retryAfterSeconds() > 0 ->
                    throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, "locked",
                            refused.message() + " (retry after " + refused.retryAfterSeconds() + " s)");
            case LoginResult.Refused refused -> throw ProblemException.unauthorized("bad-credentials", refused.message());
        };
    }

    @PostMapping("/change-password")
    @Operation(summary = "Change a password without a session", description = """
            For an account that must change its password (first sign-in, after a reset): proves the current password \
            (and TOTP), sets the new one. Then sign in again.""")
    ResponseEntity<Void> changePassword(@Valid @RequestBody ChangePasswordRequest request, HttpServletRequest http) {
        LoginResult result = logins.changePasswordAtLogin(request.username(), request.password(), request.totp(),
                request.newPassword(), http.getRemoteAddr());
        return switch (result) {
            case LoginResult.Success success -> ResponseEntity.noContent().build();
            case LoginResult.TotpRequired totpRequired ->
                    throw ProblemException.unauthorized("totp-required", "this account has TOTP: send the current code as 'totp'");
            case LoginResult.Refused refused -> throw ProblemException.unauthorized("bad-credentials", refused.message());
        };
    }

    @PostMapping("/logout")
    @Operation(summary = "End the bearer session used for this request")
    ResponseEntity<Void> logout() {
        var caller = access.requireCurrent();
        if (caller.tokenId() != null && caller.via() == dev.vigil.server.identity.VigilPrincipal.Via.BEARER_SESSION) {
            tokens.endSession(caller.tokenId());
        }
        return ResponseEntity.noContent().build();
    }
}
