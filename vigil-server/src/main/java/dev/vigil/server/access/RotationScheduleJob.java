package dev.vigil.server.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.audit.Actor;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute: rotates the password or key of each account whose rotation policy is due (and whose maintenance
 * window, if any, is open). Each account is claimed first with a lease in PostgreSQL, so with several servers only one
 * rotates it; the rotation itself is the on-demand one, run as this job. A success moves the next rotation one interval
 * on; a failure (alerted and audited by the rotation) is retried after {@code vigil.access.rotation-retry}, doubling
 * with each further failure up to a day.
 */
@Component
class RotationScheduleJob {

    static final String JOB = "credential-rotation";
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final Duration MAX_BACKOFF = Duration.ofDays(1);
    private static final int BATCH = 20;
    private static final Logger log = LoggerFactory.getLogger(RotationScheduleJob.class);

    /** A due account; {@code window} null when it may be rotated at any time. */
    private record Due(UUID accountId, UUID targetId, String via, MaintenanceWindow window, int failures) {
    }

    private final JdbcClient jdbc;
    private final TargetService targets;
    private final PasswordRotationService passwords;
    private final KeyRotationService keys;
    private final RotationRecords records;
    private final Duration retry;
    private final Clock clock;

    RotationScheduleJob(JdbcClient jdbc, TargetService targets, PasswordRotationService passwords, KeyRotationService keys,
            RotationRecords records, VigilProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.passwords = passwords;
        this.keys = keys;
        this.records = records;
        this.retry = properties.access().rotationRetry();
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    void scheduled() {
        try {
            run(clock.instant());
        } catch (RuntimeException e) {
            log.error("scheduled credential rotation failed; retrying in a minute", e);
        }
    }

    /** Rotates every account due at {@code now} with its window open; returns how many were rotated successfully. */
    int run(Instant now) {
        List<Due> due = jdbc.sql("""
                SELECT account_id, target_id, via, window_start, window_end, window_zone, failures
                FROM access_rotation_policy p JOIN access_target_account a ON a.id = p.account_id
                WHERE p.next_at <= ? AND (p.claimed_until IS NULL OR p.claimed_until < ?) ORDER BY p.next_at LIMIT ?""")
                .params(Timestamp.from(now), Timestamp.from(now), BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getTime(4) == null ? null : new MaintenanceWindow(rs.getTime(4).toLocalTime(), rs.getTime(5).toLocalTime(),
                                ZoneId.of(rs.getString(6))), rs.getInt(7)))
                .list();
        int rotated = 0;
        for (Due account : due) {
            if ((account.window() == null || account.window().isOpen(now)) && claim(account, now)) {
                if (rotate(account, now)) {
                    rotated++;
                }
            }
        }
        return rotated;
    }

    private boolean claim(Due account, Instant now) {
        return jdbc.sql("""
                UPDATE access_rotation_policy SET claimed_until = ?
                WHERE account_id = ? AND next_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)""")
                .params(Timestamp.from(now.plus(LEASE)), account.accountId(), Timestamp.from(now), Timestamp.from(now)).update() == 1;
    }

    private boolean rotate(Due due, Instant now) {
        Actor job = Actor.systemJob(JOB);
        TargetView target = targets.find(due.targetId());
        AccountView account = targets.accountOf(target, due.accountId());
        boolean password = "password".equals(account.credentialKind());
        try {
            if (password) {
                passwords.rotate(target, account, due.via(), job);
            } else {
                keys.rotate(target, account, job);
            }
            records.credentialSet(due.accountId(), now);
            jdbc.sql("UPDATE access_rotation_policy SET claimed_until = NULL WHERE account_id = ?").param(due.accountId()).update();
            return true;
        } catch (RuntimeException e) {
            if (!(e instanceof ProblemException problem && "rotation-failed".equals(problem.code()))) {
                // The rotation did not get as far as the target (e.g. no pinned host key, a pending credential): say so loudly too.
                records.refused(new RotationRecords.Rotation(target, account, password ? "password" : "key", "scheduled", job),
                        "the scheduled rotation could not start: " + e.getMessage());
            }
            Duration wait = backoff(due);
            jdbc.sql("UPDATE access_rotation_policy SET next_at = ?, failures = failures + 1, claimed_until = NULL WHERE account_id = ?")
                    .params(Timestamp.from(now.plus(wait)), due.accountId()).update();
            log.warn("scheduled rotation of account {} failed; retrying in {}", due.accountId(), wait);
            return false;
        }
    }

    /** The wait before the next attempt: the retry setting, doubled for each earlier failure, at most a day (the shortest interval). */
    private Duration backoff(Due due) {
        Duration wait = retry.multipliedBy(1L << Math.min(due.failures(), 20));
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
