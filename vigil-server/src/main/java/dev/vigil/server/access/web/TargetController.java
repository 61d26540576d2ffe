package dev.vigil.server.access.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.access.AccountChange;
import dev.vigil.server.access.AccountView;
import dev.vigil.server.access.GrantChange;
import dev.vigil.server.access.GrantService;
import dev.vigil.server.access.GrantView;
import dev.vigil.server.access.KeyRotationService;
import dev.vigil.server.access.OperatorKeyService;
import dev.vigil.server.access.OperatorKeyView;
import dev.vigil.server.access.PasswordRotationService;
import dev.vigil.server.access.RotationPolicyChange;
import dev.vigil.server.access.RotationPolicyService;
import dev.vigil.server.access.TargetChange;
import dev.vigil.server.access.TargetService;
import dev.vigil.server.access.TargetView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Bastion administration: targets, their vaulted accounts, grants, and operators' SSH keys. */
@RestController
@Tag(name = "Bastion")
class TargetController {

    private final TargetService targets;
    private final GrantService grants;
    private final OperatorKeyService keys;
    private final PasswordRotationService rotation;
    private final KeyRotationService keyRotation;
    private final RotationPolicyService rotationPolicies;

    TargetController(TargetService targets, GrantService grants, OperatorKeyService keys, PasswordRotationService rotation,
            KeyRotationService keyRotation, RotationPolicyService rotationPolicies) {
        this.targets = targets;
        this.grants = grants;
        this.keys = keys;
        this.rotation = rotation;
        this.keyRotation = keyRotation;
        this.rotationPolicies = rotationPolicies;
    }

    record TargetRequest(@Size(max = 128) String name, @Size(max = 253) String host, Integer port, @Size(max = 16384) String hostKey,
            @Size(max = 50) List<@Size(max = 128) String> groups, @Size(max = 200) String assetRef, UUID tenantId,
            @Size(max = 2000) String description) {
    }

    record AccountRequest(@Size(max = 128) String name, @Size(max = 20) String credentialKind, @Size(max = 65536) String secret) {
        @Override
        public String toString() {
            return "AccountRequest[name=" + name + ", secret=***]";
        }
    }

    record RotateRequest(@Size(max = 128) String via) {
    }

    record RotationPolicyRequest(Integer intervalDays, @Size(max = 128) String via, @Size(max = 10) String windowStart,
            @Size(max = 10) String windowEnd, @Size(max = 64) String windowZone) {
    }

    record ConfirmRequest(@Size(max = 200) String fingerprint) {
    }

    record GrantRequest(@Size(max = 200) String subject, @Size(max = 128) String target, @Size(max = 128) String targetGroup,
            @Size(max = 128) String account, @Size(max = 10) List<@Size(max = 20) String> channels, Instant validFrom, Instant validUntil,
            @Size(max = 500) String reason, @Size(max = 50) List<@Size(max = 300) String> destinations,
            @Size(max = 50) List<@Size(max = 300) String> binds) {
    }

    record KeyRequest(@Size(max = 16384) String publicKey, @Size(max = 64) String username) {
    }

    @GetMapping("/api/v1/access/targets")
    List<TargetView> list() {
        return targets.list();
    }

    @PostMapping("/api/v1/access/targets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a target; hostKey (OpenSSH public key line) pins it, or leave it out to confirm the key seen on first use")
    TargetView create(@Valid @RequestBody TargetRequest request) {
        return targets.create(new TargetChange(request.name(), request.host(), request.port(), request.hostKey(), request.groups(),
                request.assetRef(), request.tenantId(), request.description()));
    }

    @GetMapping("/api/v1/access/targets/{id}")
    TargetView get(@PathVariable UUID id) {
        return targets.get(id);
    }

    @PutMapping("/api/v1/access/targets/{id}")
    @Operation(summary = "Change a target's name, address, groups, asset, tenant, description; a hostKey given here replaces the pin")
    TargetView update(@PathVariable UUID id, @Valid @RequestBody TargetRequest request) {
        return targets.update(id, new TargetChange(request.name(), request.host(), request.port(), request.hostKey(), request.groups(),
                request.assetRef(), request.tenantId(), request.description()));
    }

    @DeleteMapping("/api/v1/access/targets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        targets.delete(id);
    }

    @PostMapping("/api/v1/access/targets/{id}/host-key/confirm")
    @Operation(summary = "Pin the host key the gateway saw (first use or a changed key); name its fingerprint")
    TargetView confirm(@PathVariable UUID id, @Valid @RequestBody ConfirmRequest request) {
        return targets.confirmHostKey(id, request.fingerprint());
    }

    @PostMapping("/api/v1/access/targets/{id}/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an account with its credential (password or private-key); the credential is vaulted and never returned")
    AccountView addAccount(@PathVariable UUID id, @Valid @RequestBody AccountRequest request) {
        return targets.addAccount(id, new AccountChange(request.name(), request.credentialKind(), request.secret()));
    }

    @PutMapping("/api/v1/access/targets/{id}/accounts/{accountId}/credential")
    AccountView replaceCredential(@PathVariable UUID id, @PathVariable UUID accountId, @Valid @RequestBody AccountRequest request) {
        return targets.replaceCredential(id, accountId, new AccountChange(request.name(), request.credentialKind(), request.secret()));
    }

    @PostMapping("/api/v1/access/targets/{id}/accounts/{accountId}/rotate-password")
    @Operation(summary = "Rotate a password account through the bastion: passwd as the account itself, or chpasswd as the account "
            + "named by via; the new password is vaulted only after a login with it worked (502 problem if not; the old one then stays)")
    AccountView rotatePassword(@PathVariable UUID id, @PathVariable UUID accountId, @Valid @RequestBody(required = false) RotateRequest request) {
        return rotation.rotate(id, accountId, request == null ? null : request.via());
    }

    @PostMapping("/api/v1/access/targets/{id}/accounts/{accountId}/rotate-key")
    @Operation(summary = "Rotate a private-key account through the bastion: a new Ed25519 key is added to the account's "
            + "~/.ssh/authorized_keys with the current key, a fresh login with it is checked, the old key's lines are removed, and only "
            + "then is the new key vaulted (502 problem if a step fails; the old key then stays working and vaulted)")
    AccountView rotateKey(@PathVariable UUID id, @PathVariable UUID accountId) {
        return keyRotation.rotate(id, accountId);
    }

    @PutMapping("/api/v1/access/targets/{id}/accounts/{accountId}/rotation-policy")
    @Operation(summary = "Rotate the account's password or key every intervalDays days, optionally only within a daily maintenance "
            + "window (windowStart/windowEnd HH:mm in windowZone); via names the account that runs chpasswd for a password")
    AccountView setRotationPolicy(@PathVariable UUID id, @PathVariable UUID accountId, @Valid @RequestBody RotationPolicyRequest request) {
        return rotationPolicies.set(id, accountId, new RotationPolicyChange(request.intervalDays(), request.via(), request.windowStart(),
                request.windowEnd(), request.windowZone()));
    }

    @DeleteMapping("/api/v1/access/targets/{id}/accounts/{accountId}/rotation-policy")
    @Operation(summary = "Stop rotating the account on a schedule (on-demand rotation stays)")
    AccountView deleteRotationPolicy(@PathVariable UUID id, @PathVariable UUID accountId) {
        return rotationPolicies.delete(id, accountId);
    }

    @DeleteMapping("/api/v1/access/targets/{id}/accounts/{accountId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAccount(@PathVariable UUID id, @PathVariable UUID accountId) {
        targets.deleteAccount(id, accountId);
    }

    @PostMapping("/api/v1/access/vault/rotate")
    @Operation(summary = "Re-encrypt every credential not yet under the current vault master key")
    Map<String, Object> rotate() {
        return Map.of("reEncrypted", targets.rotateVault());
    }

    @GetMapping("/api/v1/access/grants")
    List<GrantView> grants() {
        return grants.list();
    }

    @PostMapping("/api/v1/access/grants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Grant user:<name> or group:<name> an account on a target (or target group) over shell, exec, sftp, scp or forward for a time window")
    GrantView grant(@Valid @RequestBody GrantRequest request) {
        return grants.create(new GrantChange(request.subject(), request.target(), request.targetGroup(), request.account(), request.channels(),
                request.validFrom(), request.validUntil(), request.reason(), request.destinations(), request.binds()));
    }

    @GetMapping("/api/v1/access/grants/{id}")
    GrantView grant(@PathVariable UUID id) {
        return grants.get(id);
    }

    @DeleteMapping("/api/v1/access/grants/{id}")
    @Operation(summary = "Revoke a grant (kept for the record)")
    GrantView revoke(@PathVariable UUID id) {
        return grants.revoke(id);
    }

    @GetMapping("/api/v1/access/ssh-keys")
    List<OperatorKeyView> keys(@RequestParam(required = false) String username) {
        return keys.list(username);
    }

    @PostMapping("/api/v1/access/ssh-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an SSH public key for signing in at the bastion (your own, or another user's with bastion-target:update)")
    OperatorKeyView addKey(@Valid @RequestBody KeyRequest request) {
        return keys.add(request.publicKey(), request.username());
    }

    @DeleteMapping("/api/v1/access/ssh-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteKey(@PathVariable UUID id) {
        keys.delete(id);
    }
}
