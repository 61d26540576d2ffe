package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.access.internal.CredentialVault;
import dev.vigil.server.support.Api;
import dev.vigil.testkit.ssh.TargetSshd;
import dev.vigil.testkit.ssh.ThrowAwayAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Scheduled rotation against a real OpenSSH target: the job is ticked with chosen instants (a controlled clock) and
 * rotates exactly the accounts whose policy is due and whose maintenance window is open; a failure is alerted, audited
 * and retried with backoff.
 */
class RotationScheduleTest extends ServerTestBase {

    private static final String OLD = "Old-Target-Pass-41x";
    static TargetSshd sshd;

    @Autowired
    CredentialVault vault;

    @Autowired
    RotationScheduleJob job;

    RotationFixture fixture;
    /** Policies set by the running test, removed after it so that later ticks of far-off instants leave them alone. */
    final List<String> policies = new ArrayList<>();

    @BeforeAll
    static void start() {
        sshd = TargetSshd.startWithPasswords();
    }

    @AfterAll
    static void stop() {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void fixture() {
        fixture = new RotationFixture(api(), jdbc, vault, sshd);
    }

    @AfterEach
    void removePolicies() {
        policies.forEach(path -> api().delete(path, ADMIN_TOKEN));
    }

    @Test
    void aDuePolicyRotatesTheKeyOnATickAndANotDueOneDoesNot() {
        try (ThrowAwayAccount unix = ThrowAwayAccount.create(OLD)) {
            String oldKey = unix.authorizeNewKey();
            UUID target = fixture.target(unique("sched"));
            UUID account = fixture.account(target, unix.name(), "private-key", oldKey);
            JsonNode policy = setPolicy(target, account, Map.of("intervalDays", 30)).json().path("rotationPolicy");
            Instant setAt = Instant.parse(fixture.shown(target, account).path("rotatedAt").asString());
            assertThat(Instant.parse(policy.path("nextAt").asString())).isEqualTo(setAt.plus(Duration.ofDays(30)));

            job.run(setAt.plus(Duration.ofDays(29)));
            assertThat(fixture.vaulted(account)).isEqualTo(oldKey);
            assertThat(fixture.shown(target, account).path("rotation").isNull()).isTrue();

            Instant due = setAt.plus(Duration.ofDays(31));
            job.run(due);

            String newKey = fixture.vaulted(account);
            assertThat(newKey).isNotEqualTo(oldKey);
            assertThat(fixture.logsInWithKey(unix.name(), newKey)).isTrue();
            assertThat(fixture.logsInWithKey(unix.name(), oldKey)).isFalse();
            JsonNode shown = fixture.shown(target, account);
            assertThat(shown.path("rotation").path("status").asString()).isEqualTo("rotated");
            assertThat(Instant.parse(shown.path("rotationPolicy").path("nextAt").asString())).isEqualTo(due.plus(Duration.ofDays(30)));
            assertThat(api().get("/api/v1/audit/records?action=access.account.key.rotate", ADMIN_TOKEN).body())
                    .contains(unix.name(), RotationScheduleJob.JOB);
        }
    }

    @Test
    void aDuePasswordIsRotatedOnlyInsideItsMaintenanceWindow() {
        try (ThrowAwayAccount unix = ThrowAwayAccount.create(OLD)) {
            UUID target = fixture.target(unique("sched"));
            UUID account = fixture.account(target, unix.name(), "password", OLD);
            setPolicy(target, account, Map.of("intervalDays", 7, "windowStart", "02:00", "windowEnd", "03:00", "windowZone", "UTC"));
            Instant day = Instant.now().plus(Duration.ofDays(8)).truncatedTo(ChronoUnit.DAYS);

            job.run(day.plus(Duration.ofHours(12)));
            assertThat(fixture.vaulted(account)).isEqualTo(OLD);

            job.run(day.plus(Duration.ofMinutes(150)));
            assertThat(fixture.vaulted(account)).isNotEqualTo(OLD).hasSize(24);
            assertThat(fixture.shown(target, account).path("rotation").path("message").asString()).contains("passwd");
        }
    }

    @Test
    void aFailedScheduledRotationAlertsAndIsRetriedWithBackoff() {
        try (ThrowAwayAccount unix = ThrowAwayAccount.create(OLD)) {
            String oldKey = unix.authorizeNewKey();
            UUID target = fixture.target(unique("sched"));
            UUID account = fixture.account(target, unix.name(), "private-key", oldKey);
            setPolicy(target, account, Map.of("intervalDays", 30));
            unix.lockAuthorizedKeys();
            Instant due = Instant.now().plus(Duration.ofDays(31)).truncatedTo(ChronoUnit.SECONDS);

            job.run(due);

            assertThat(fixture.vaulted(account)).isEqualTo(oldKey);
            assertThat(fixture.logsInWithKey(unix.name(), oldKey)).isTrue();
            JsonNode policy = fixture.shown(target, account).path("rotationPolicy");
            assertThat(policy.path("failures").asInt()).isEqualTo(1);
            assertThat(Instant.parse(policy.path("nextAt").asString())).isEqualTo(due.plus(Duration.ofMinutes(15)));
            assertThat(api().get("/api/v1/alerts", ADMIN_TOKEN).body()).contains("Key rotation of " + unix.name());
            assertThat(api().get("/api/v1/audit/records?action=access.account.key.rotate", ADMIN_TOKEN).body()).contains("failure", unix.name());

            job.run(due.plus(Duration.ofMinutes(5)));
            assertThat(fixture.shown(target, account).path("rotationPolicy").path("failures").asInt()).isEqualTo(1);

            Instant retry = due.plus(Duration.ofMinutes(16));
            job.run(retry);
            policy = fixture.shown(target, account).path("rotationPolicy");
            assertThat(policy.path("failures").asInt()).isEqualTo(2);
            assertThat(Instant.parse(policy.path("nextAt").asString())).isEqualTo(retry.plus(Duration.ofMinutes(30)));
        }
    }

    @Test
    void policiesAreValidatedShownAndRemoved() {
        UUID target = fixture.target(unique("sched"));
        UUID key = fixture.account(target, "deploy", "private-key", sshd.accountPrivateKey());
        UUID password = fixture.account(target, "ops", "password", OLD);

        assertThat(setPolicy(target, key, Map.of("intervalDays", 0)).assertProblem(400).detail()).contains("intervalDays");
        assertThat(setPolicy(target, key, Map.of("intervalDays", 5, "windowStart", "02:00")).assertProblem(400).detail()).contains("both");
        assertThat(setPolicy(target, key, Map.of("intervalDays", 5, "windowStart", "2am", "windowEnd", "03:00")).assertProblem(400).detail())
                .contains("HH:mm");
        assertThat(setPolicy(target, key, Map.of("intervalDays", 5, "windowStart", "02:00", "windowEnd", "03:00", "windowZone", "Mars/Base"))
                .assertProblem(400).detail()).contains("windowZone");
        assertThat(setPolicy(target, key, Map.of("intervalDays", 5, "via", "ops")).assertProblem(400).detail()).contains("password accounts");
        assertThat(setPolicy(target, password, Map.of("intervalDays", 5, "via", "nobody")).assertProblem(400).detail()).contains("another account");

        Api.Response set = setPolicy(target, password, Map.of("intervalDays", 5, "via", "deploy", "windowStart", "22:00", "windowEnd",
                "02:00", "windowZone", "Europe/Berlin"));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        JsonNode policy = set.json().path("rotationPolicy");
        assertThat(policy.path("intervalDays").asInt()).isEqualTo(5);
        assertThat(policy.path("via").asString()).isEqualTo("deploy");
        assertThat(policy.path("windowStart").asString()).isEqualTo("22:00");
        assertThat(policy.path("windowEnd").asString()).isEqualTo("02:00");
        assertThat(policy.path("windowZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(api().get("/api/v1/audit/records?action=access.account.rotation-policy.set", ADMIN_TOKEN).body()).contains("Europe/Berlin");

        Api.Response removed = api().delete(policyPath(target, password), ADMIN_TOKEN);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(fixture.shown(target, password).path("rotationPolicy").isNull()).isTrue();
        assertThat(api().delete(policyPath(target, password), ADMIN_TOKEN).status()).isEqualTo(404);
    }

    private Api.Response setPolicy(UUID target, UUID account, Map<String, Object> policy) {
        policies.add(policyPath(target, account));
        return api().put(policyPath(target, account), ADMIN_TOKEN, new HashMap<>(policy));
    }

    private static String policyPath(UUID target, UUID account) {
        return "/api/v1/access/targets/" + target + "/accounts/" + account + "/rotation-policy";
    }
}
