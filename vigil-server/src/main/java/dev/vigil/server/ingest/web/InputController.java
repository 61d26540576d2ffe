package dev.vigil.server.ingest.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.vigil.server.ingest.IngestTokenService;
import dev.vigil.server.ingest.IngestTokenView;
import dev.vigil.server.ingest.InputChange;
import dev.vigil.server.ingest.InputHealth;
import dev.vigil.server.ingest.InputHealthService;
import dev.vigil.server.ingest.InputService;
import dev.vigil.server.ingest.InputView;
import dev.vigil.server.ingest.IssuedIngestToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Inputs (sources of events), their health, and their ingest tokens. */
@RestController
@Tag(name = "Inputs")
class InputController {

    private final InputService inputs;
    private final InputHealthService health;
    private final IngestTokenService tokens;

    InputController(InputService inputs, InputHealthService health, IngestTokenService tokens) {
        this.inputs = inputs;
        this.health = health;
        this.tokens = tokens;
    }

    record InputRequest(@Size(max = 100) String name, @Size(max = 10) String type, @Size(max = 10) String format,
            @Size(max = 64) String tenant, @Size(max = 200) String asset, @Size(max = 1000) List<String> sources,
            @Size(max = 2000) String description, Boolean enabled) {

        InputChange change() {
            return new InputChange(name, type, format, tenant, asset, sources, description, enabled);
        }
    }

    @GetMapping("/api/v1/ingest/inputs")
    List<InputView> list() {
        return inputs.list();
    }

    @PostMapping("/api/v1/ingest/inputs")
    @Operation(summary = "Create an input", description = """
            type: syslog (senders matched by 'sources', IP addresses or CIDR ranges; the most specific wins) or http \
            (senders authenticate with the input's ingest tokens). format: syslog, json or line. tenant: a tenant slug, \
            or 'platform' for the provider's own sources. asset: optional asset every event of the input is bound to.""")
    ResponseEntity<InputView> create(@Valid @RequestBody InputRequest request) {
        InputView created = inputs.create(request.change());
        return ResponseEntity.created(URI.create("/api/v1/ingest/inputs/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/ingest/inputs/{id}")
    InputView get(@PathVariable UUID id) {
        return inputs.get(id);
    }

    @PatchMapping("/api/v1/ingest/inputs/{id}")
    @Operation(summary = "Change an input (fields left out keep their value; the type cannot change)")
    InputView update(@PathVariable UUID id, @Valid @RequestBody InputRequest request) {
        return inputs.update(id, request.change());
    }

    @DeleteMapping("/api/v1/ingest/inputs/{id}")
    @Operation(summary = "Delete an input and its ingest tokens (stored events stay until retention removes them)")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        inputs.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/ingest/health")
    @Operation(summary = "Counters and status of every visible input: never-seen, active, silent or disabled")
    List<InputHealth> health() {
        return health.list();
    }

    record TokenRequest(@NotNull UUID input, @NotBlank @Size(max = 100) String name, @Min(1) @Max(3650) Integer lifetimeDays) {
    }

    @GetMapping("/api/v1/ingest/tokens")
    List<IngestTokenView> tokens(@RequestParam(required = false) UUID input) {
        return tokens.list(input);
    }

    @PostMapping("/api/v1/ingest/tokens")
    @Operation(summary = "Create an ingest token for an http input", description = """
            The secret is in the response once ('secret', starting vgi_) and stored only as a hash. Senders use it as \
            Authorization: Bearer <secret>, or as the password of Basic auth, or as the key of an Elasticsearch ApiKey. \
            Without lifetimeDays the token does not expire.""")
    ResponseEntity<IssuedIngestToken> createToken(@Valid @RequestBody TokenRequest request) {
        IssuedIngestToken issued = tokens.create(request.input(), request.name(),
                request.lifetimeDays() == null ? null : Duration.ofDays(request.lifetimeDays()));
        return ResponseEntity.created(URI.create("/api/v1/ingest/tokens/" + issued.token().id())).body(issued);
    }

    @DeleteMapping("/api/v1/ingest/tokens/{id}")
    @Operation(summary = "Revoke an ingest token (refused within seconds on every node)")
    IngestTokenView revoke(@PathVariable UUID id) {
        return tokens.revoke(id);
    }
}
