package dev.vigil.server.identity.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.vigil.server.identity.ApiTokenService;
import dev.vigil.server.identity.IssuedToken;
import dev.vigil.server.identity.TokenView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** API tokens for machines. */
@RestController
@Tag(name = "API tokens")
class TokenController {

    private final ApiTokenService tokens;

    TokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(@NotBlank @Size(max = 100) String name, @Size(max = 64) String owner,
            List<@NotBlank String> permissions, @Min(1) @Max(3650) Integer lifetimeDays) {
    }

    @GetMapping("/api/v1/tokens")
    List<TokenView> list() {
        return tokens.list();
    }

    @PostMapping("/api/v1/tokens")
    @Operation(summary = "Create an API token", description = """
            The secret is in the response once ('secret') and stored only as a hash. 'permissions' narrows the token \
            (resource:action:scope, each held by the owner); empty means all of the owner's current permissions. \
            'owner' defaults to the caller.""")
    ResponseEntity<IssuedToken> create(@Valid @RequestBody TokenRequest request) {
        IssuedToken issued = tokens.create(request.name(), request.owner(), request.permissions(),
                request.lifetimeDays() == null ? null : Duration.ofDays(request.lifetimeDays()));
        return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.token().id())).body(issued);
    }

    @DeleteMapping("/api/v1/tokens/{id}")
    @Operation(summary = "Revoke a token (it stops working at once)")
    TokenView revoke(@PathVariable UUID id) {
        return tokens.revoke(id);
    }
}
