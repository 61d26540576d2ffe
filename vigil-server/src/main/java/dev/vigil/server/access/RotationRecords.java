package dev.vigil.server.access;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.access.internal.CredentialVault;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bookkeeping every credential rotation shares, password or key, on demand or scheduled: the new secret waits
 * encrypted as pending while the target is changed; a verified one replaces the credential (and pushes the account's
 * next scheduled rotation on); a failure is recorded on the account, raises a high alert and is audited. No secret
 * ever appears in a message, alert or audit record.
 */
@Component
class RotationRecords {

    /** One rotation: what is rotated ({@code password} or {@code key}), how, and who asked (null: the signed-in caller). */
    record Rotation(TargetView target, AccountView account, String what, String method, Actor actor) {

        String auditAction() {
            return "access.account." + what + ".rotate";
        }

        String title() {
            return Character.toUpperCase(what.charAt(0)) + what.substring(1) + " rotation of " + account.name() + "@" + target.name()
                    + " failed";
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final CredentialVault vault;
    private final AlertIntake alerts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RotationRecords(JdbcClient jdbc, AuditLog audit, CredentialVault vault, AlertIntake alerts, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.vault = vault;
        this.alerts = alerts;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Vaults the new secret as pending; a 409 when one is pending already (a rotation runs, or an earlier one was not decided). */
    void markPending(Rotation rotation, String next) {
        AccountView account = rotation.account();
        int marked = transactions.execute(status -> jdbc.sql("""
                UPDATE access_target_account SET pending_credential = ?, pending_since = ?
                WHERE id = ? AND pending_credential IS NULL""")
                .params(vault.encrypt(next, account.id().toString()), Timestamp.from(clock.instant()), account.id()).update());
        if (marked == 0) {
            throw ProblemException.conflict("rotation-pending", "a new credential of " + account.name() + " on " + rotation.target().name()
                    + " is pending already (a rotation is running, or an earlier one could not be decided); set the credential "
                    + "with PUT /api/v1/access/targets/" + rotation.target().id() + "/accounts/" + account.id() + "/credential to resolve it");
        }
    }

    /** The verified new secret replaces the credential; the account's next scheduled rotation moves one interval on. */
    void stored(Rotation rotation, String next, String message) {
        Instant now = clock.instant();
        AccountView account = rotation.account();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE access_target_account SET credential = ?, pending_credential = NULL, pending_since = NULL, rotated_at = ?,
                           rotation_status = 'rotated', rotation_at = ?, rotation_message = ? WHERE id = ?""")
                    .params(vault.encrypt(next, account.id().toString()), Timestamp.from(now), Timestamp.from(now), message, account.id())
                    .update();
            credentialSet(account.id(), now);
            audit.record(entry(rotation, message));
        });
    }

    /** The account's credential was set at {@code at}: its scheduled rotation (if any) is due one interval later, failures forgotten. */
    void credentialSet(UUID accountId, Instant at) {
        jdbc.sql("""
                UPDATE access_rotation_policy SET next_at = CAST(? AS timestamptz) + make_interval(days => interval_days), failures = 0
                WHERE account_id = ?""")
                .params(Timestamp.from(at), accountId).update();
    }

    /**
     * Records a failed rotation: the pending secret is dropped when the old credential still works, kept otherwise for
     * an administrator; a high alert is raised and the failure audited. Returns the 502 problem to answer.
     */
    ProblemException failed(Rotation rotation, String failure, boolean oldWorks) {
        String message = failure + (oldWorks ? "; the old " + rotation.what() + " still works and stays in the vault"
                : "; the old " + rotation.what() + " does not log in either (or the target could not be reached): both are kept in "
                + "the vault, the new one as pending, for an administrator to check");
        record(rotation, message, oldWorks);
        return new ProblemException(HttpStatus.BAD_GATEWAY, "rotation-failed", rotation.what() + " rotation of "
                + rotation.account().name() + " on " + rotation.target().name() + " failed: " + message);
    }

    /** Records a rotation that could not start (e.g. an unpinned host key found by the schedule): alerted and audited like a failure. */
    void refused(Rotation rotation, String reason) {
        record(rotation, reason, false);
    }

    private void record(Rotation rotation, String message, boolean dropPending) {
        Instant now = clock.instant();
        AccountView account = rotation.account();
        TargetView target = rotation.target();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    UPDATE access_target_account SET rotation_status = 'failed', rotation_at = ?, rotation_message = ?,
                           pending_credential = CASE WHEN ? THEN NULL ELSE pending_credential END,
                           pending_since = CASE WHEN ? THEN NULL ELSE pending_since END WHERE id = ?""")
                    .params(Timestamp.from(now), message, dropPending, dropPending, account.id()).update();
            alerts.raise(new AlertDraft("platform", "bastion", rotation.what() + "-rotation:" + account.id(), rotation.title(), "vigil",
                    AlertSeverity.HIGH, "bastion-" + rotation.what() + "-rotation:" + account.id(), Duration.ofHours(1),
                    Map.of("host.name", target.name(), "user.name", account.name()), List.of(), message, now, 1));
        });
        audit.recordIndependently(entry(rotation, message).withOutcome(AuditEntry.Outcome.FAILURE));
    }

    private AuditEntry entry(Rotation rotation, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", rotation.target().name());
        body.put("account", rotation.account().name());
        body.put("method", rotation.method());
        body.put("result", message);
        body.put("vaultKey", vault.currentKeyId());
        AuditEntry entry = AuditEntry.success(rotation.auditAction(), "access-account", rotation.account().id(), rotation.target().tenantId(),
                body);
        return rotation.actor() == null ? entry : entry.by(rotation.actor());
    }
}
