package dev.vigil.server.access;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotation schedules of target accounts, changed like the accounts themselves ({@code bastion-target:update} on the
 * target's tenant, audited). A new or changed policy is due one interval after the account's credential was last set;
 * {@code RotationScheduleJob} carries it out.
 */
@Service
public class RotationPolicyService {

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final TargetService targets;

    RotationPolicyService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, TargetService targets) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.targets = targets;
    }

    /** A validated policy; window fields null when there is no window. */
    private record Policy(int intervalDays, String via, LocalTime windowStart, LocalTime windowEnd, ZoneId zone) {
    }

    @Transactional
    public AccountView set(UUID targetId, UUID accountId, RotationPolicyChange change) {
        TargetView target = targets.find(targetId);
        access.require("bastion-target", "update", target.tenantId());
        AccountView account = targets.accountOf(target, accountId);
        Policy policy = validate(target, account, change);
        jdbc.sql("""
                INSERT INTO access_rotation_policy (account_id, interval_days, via, window_start, window_end, window_zone, next_at, updated_by)
                SELECT id, ?, ?, ?, ?, ?, rotated_at + make_interval(days => ?), ? FROM access_target_account WHERE id = ?
                ON CONFLICT (account_id) DO UPDATE SET interval_days = EXCLUDED.interval_days, via = EXCLUDED.via,
                    window_start = EXCLUDED.window_start, window_end = EXCLUDED.window_end, window_zone = EXCLUDED.window_zone,
                    next_at = EXCLUDED.next_at, failures = 0, updated_by = EXCLUDED.updated_by, updated_at = now()""")
                .params(policy.intervalDays(), policy.via(), policy.windowStart(), policy.windowEnd(), policy.zone().getId(),
                        policy.intervalDays(), access.requireCurrent().username(), accountId)
                .update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("target", target.name());
        body.put("account", account.name());
        body.put("intervalDays", policy.intervalDays());
        if (policy.via() != null) {
            body.put("via", policy.via());
        }
        if (policy.windowStart() != null) {
            body.put("window", policy.windowStart() + "-" + policy.windowEnd() + " " + policy.zone().getId());
        }
        audit.record(AuditEntry.success("access.account.rotation-policy.set", "access-account", accountId, target.tenantId(), body));
        return targets.account(accountId);
    }

    @Transactional
    public AccountView delete(UUID targetId, UUID accountId) {
        TargetView target = targets.find(targetId);
        access.require("bastion-target", "update", target.tenantId());
        AccountView account = targets.accountOf(target, accountId);
        if (jdbc.sql("DELETE FROM access_rotation_policy WHERE account_id = ?").param(accountId).update() == 0) {
            throw ProblemException.notFound("rotation policy of account", accountId);
        }
        audit.record(AuditEntry.success("access.account.rotation-policy.delete", "access-account", accountId, target.tenantId(),
                Map.of("target", target.name(), "account", account.name())));
        return targets.account(accountId);
    }

    private static Policy validate(TargetView target, AccountView account, RotationPolicyChange change) {
        if (change.intervalDays() == null || change.intervalDays() < 1 || change.intervalDays() > 3650) {
            throw ProblemException.badRequest("invalid-input", "intervalDays must be 1-3650");
        }
        String via = change.via() == null || change.via().isBlank() ? null : change.via().strip();
        if (via != null) {
            if (!"password".equals(account.credentialKind())) {
                throw ProblemException.badRequest("invalid-input", "via applies to password accounts only (a key is rotated by the account itself)");
            }
            if (via.equals(account.name()) || target.accounts().stream().noneMatch(a -> a.name().equals(via))) {
                throw ProblemException.badRequest("invalid-input", "via must name another account of " + target.name()
                        + " (one allowed to run chpasswd)");
            }
        }
        boolean hasStart = change.windowStart() != null && !change.windowStart().isBlank();
        boolean hasEnd = change.windowEnd() != null && !change.windowEnd().isBlank();
        if (hasStart != hasEnd) {
            throw ProblemException.badRequest("invalid-input", "a maintenance window needs both windowStart and windowEnd (HH:mm)");
        }
        LocalTime start = hasStart ? time(change.windowStart(), "windowStart") : null;
        LocalTime end = hasEnd ? time(change.windowEnd(), "windowEnd") : null;
        if (start != null && start.equals(end)) {
            throw ProblemException.badRequest("invalid-input", "windowStart and windowEnd must differ");
        }
        ZoneId zone;
        try {
            zone = change.windowZone() == null || change.windowZone().isBlank() ? ZoneId.of("UTC") : ZoneId.of(change.windowZone().strip());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("invalid-input", "windowZone must be a time zone such as Europe/Berlin or UTC");
        }
        return new Policy(change.intervalDays(), via, start, end, zone);
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-input", field + " must be a time of day as HH:mm");
        }
    }
}
