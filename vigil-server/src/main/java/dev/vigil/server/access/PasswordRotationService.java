package dev.vigil.server.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.rotation.NewPasswords;
import dev.vigil.bastion.rotation.PasswordRotator;
import dev.vigil.bastion.rotation.RotationException;
import dev.vigil.bastion.rotation.RotationTarget;
import dev.vigil.server.access.internal.CredentialVault;
import dev.vigil.server.access.internal.VaultCredentials;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rotates a target account's password through the bastion: a new random password is vaulted as pending, the target
 * is changed with the current vaulted credential ({@code passwd} as the account itself, or {@code chpasswd} as another
 * account of the target named by {@code via}), a login with the new password proves it, and only then does it replace
 * the credential. When the new password does not log in, the old one is checked: if it still works it stays and the
 * pending one is dropped; if neither works both are kept (encrypted) for an administrator. Every failure is audited
 * and raises an alert. No password ever leaves this class except towards the target.
 */
@Service
public class PasswordRotationService {

    private static final int LENGTH = 24;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final TargetService targets;
    private final CredentialVault vault;
    private final VaultCredentials credentials;
    private final AlertIntake alerts;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final NewPasswords passwords = new NewPasswords();
    private final PasswordRotator rotator = new PasswordRotator(TIMEOUT);

    PasswordRotationService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, TargetService targets, CredentialVault vault,
            VaultCredentials credentials, AlertIntake alerts, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.targets = targets;
        this.vault = vault;
        this.credentials = credentials;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Rotates the account's password; answers the account (never the password), or a 502 problem saying what failed. */
    public AccountView rotate(UUID targetId, UUID accountId, String via) {
        TargetView target = targets.find(targetId);
        access.require("bastion-target", "update", target.tenantId());
        AccountView account = target.accounts().stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("account", accountId));
        if (!"password".equals(account.credentialKind())) {
            throw ProblemException.conflict("not-a-password", account.name() + " on " + target.name()
                    + " logs in with a private key; only password accounts are rotated");
        }
        if (target.hostKey() == null) {
            throw ProblemException.conflict("host-key-not-pinned", "the host key of " + target.name()
                    + " is not pinned yet; confirm it before rotating a password");
        }
        AccountView admin = null;
        if (via != null && !via.isBlank()) {
            admin = target.accounts().stream().filter(a -> a.name().equals(via.strip())).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("invalid-input", "target " + target.name() + " has no account '"
                            + via.strip() + "' to rotate with"));
            if (admin.id().equals(accountId)) {
                throw ProblemException.badRequest("invalid-input", "via names another account of the target (one allowed to run chpasswd); "
                        + "leave it out for the account to change its own password");
            }
        }
        String method = admin == null ? "passwd" : "chpasswd as " + admin.name();
        RotationTarget address = new RotationTarget(target.name(), target.host(), target.port(), OpenSshKeys.parse(target.hostKey()));
        String current = ((UpstreamCredential.Password) credentials.credentialOf(accountId)).password();
        String next = passwords.next(LENGTH);
        markPending(target, account, next);

        String failure = null;
        try {
            if (admin == null) {
                rotator.changeOwn(address, account.name(), current, next);
            } else {
                rotator.changeAs(address, admin.name(), credentials.credentialOf(admin.id()), account.name(), next);
            }
        } catch (RotationException e) {
            failure = e.getMessage();
        }
        Boolean newWorks = tryLogin(address, account.name(), next);
        if (Boolean.TRUE.equals(newWorks)) {
            return stored(target, account, method, next, failure);
        }
        if (failure == null) {
            failure = newWorks == null ? "the new password could not be checked" : "the target did not accept the new password";
        }
        Boolean oldWorks = tryLogin(address, account.name(), current);
        throw failed(target, account, method, failure, Boolean.TRUE.equals(oldWorks));
    }

    private void markPending(TargetView target, AccountView account, String next) {
        int marked = transactions.execute(status -> jdbc.sql("""
                UPDATE access_target_account SET pending_credential = ?, pending_since = ?
                WHERE id = ? AND pending_credential IS NULL""")
                .params(vault.encrypt(next, account.id().toString()), Timestamp.from(clock.instant()), account.id()).update());
        if (marked == 0) {
            throw ProblemException.conflict("rotation-pending", "a new password of " + account.name() + " on " + target.name()
                    + " is pending already (a rotation is running, or an earlier one could not be decided); set the credential "
                    + "with PUT /api/v1/access/targets/" + target.id() + "/accounts/" + account.id() + "/credential to resolve it");
        }
    }

    private Boolean tryLogin(RotationTarget address, String account, String password) {
        try {
            return rotator.accepts(address, account, password);
        } catch (RotationException e) {
            return null;
        }
    }

    private AccountView stored(TargetView target, AccountView account, String method, String next, String changeNote) {
        Instant now = clock.instant();
        String message = "changed with " + method + " and verified by a login with the new password"
                + (changeNote == null ? "" : " (the change step reported: " + changeNote + ")");
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE access_target_account SET credential = ?, pending_credential = NULL, pending_since = NULL, rotated_at = ?,
                           rotation_status = 'rotated', rotation_at = ?, rotation_message = ? WHERE id = ?""")
                    .params(vault.encrypt(next, account.id().toString()), Timestamp.from(now), Timestamp.from(now), message, account.id())
                    .update();
            audit.record(AuditEntry.success("access.account.password.rotate", "access-account", account.id(), target.tenantId(),
                    body(target, account, method, message)));
        });
        return targets.account(account.id());
    }

    private ProblemException failed(TargetView target, AccountView account, String method, String failure, boolean oldWorks) {
        Instant now = clock.instant();
        String message = failure + (oldWorks ? "; the old password still works and stays in the vault"
                : "; the old password does not log in either (or the target could not be reached): both are kept in the vault, "
                + "the new one as pending, for an administrator to check");
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE access_target_account SET rotation_status = 'failed', rotation_at = ?, rotation_message = ?,
                           pending_credential = CASE WHEN ? THEN NULL ELSE pending_credential END,
                           pending_since = CASE WHEN ? THEN NULL ELSE pending_since END WHERE id = ?""")
                    .params(Timestamp.from(now), message, oldWorks, oldWorks, account.id()).update();
            alerts.raise(new AlertDraft("platform", "bastion", "password-rotation:" + account.id(),
                    "Password rotation of " + account.name() + "@" + target.name() + " failed", "vigil", AlertSeverity.HIGH,
                    "bastion-password-rotation:" + account.id(), Duration.ofHours(1),
                    Map.of("host.name", target.name(), "user.name", account.name()), List.of(), message, now, 1));
        });
        audit.recordIndependently(AuditEntry.success("access.account.password.rotate", "access-account", account.id(), target.tenantId(),
                body(target, account, method, message)).withOutcome(AuditEntry.Outcome.FAILURE));
        return new ProblemException(HttpStatus.BAD_GATEWAY, "rotation-failed", "password rotation of " + account.name() + " on "
                + target.name() + " failed: " + message);
    }

    private Map<String, Object> body(TargetView target, AccountView account, String method, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target.name());
        body.put("account", account.name());
        body.put("method", method);
        body.put("result", message);
        body.put("vaultKey", vault.currentKeyId());
        return body;
    }

    @PreDestroy
    void close() throws java.io.IOException {
        rotator.close();
    }
}
