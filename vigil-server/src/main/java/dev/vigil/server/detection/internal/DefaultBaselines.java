package dev.vigil.server.detection.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.detection.BaselineDefinition;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baselines a new installation starts with: a user signing in over SSH from a network never seen for them, an
 * unusual number of failed authentications from one address, and a host starting a program it never ran.
 */
@Component
@Order(20)
class DefaultBaselines implements ApplicationRunner {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<BaselineDefinition> DEFAULTS = List.of(
            new BaselineDefinition("ssh-login-new-network", "new-terms", List.of("user.name"), "source.ip", "ipv4-network-24",
                    Map.of("event.action", "ssh_login", "event.outcome", "success"), "medium", null, null, null),
            new BaselineDefinition("auth-failure-volume", "volume", List.of("source.ip"), null, null,
                    Map.of("event.category", "authentication", "event.outcome", "failure"), "high", null, null, null),
            new BaselineDefinition("host-new-program", "new-terms", List.of("host.name"), "process.executable", "lower-case",
                    Map.of("event.category", "process", "event.type", "start"), "low", null, null, null));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final BaselineRunner runner;

    DefaultBaselines(JdbcClient jdbc, AuditLog audit, BaselineRunner runner) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.runner = runner;
    }

    /**
     * Inserts the defaults on the first start, after the bootstrap administrator (so a new ledger begins with that):
     * baselines are switched off, never deleted, so an empty table is a new installation.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM detection_baseline").query(Long.class).single() > 0) {
            return;
        }
        for (BaselineDefinition definition : DEFAULTS) {
            String text = JSON.writeValueAsString(definition);
            jdbc.sql("INSERT INTO detection_baseline (id, name, definition, version, created_by) VALUES (?, ?, ?, 1, 'system') "
                    + "ON CONFLICT (name) DO NOTHING").params(UUID.randomUUID(), definition.name(), text).update();
            audit.record(AuditEntry.success("baseline.create", "baseline", definition.name(), null, Map.of("definition", text))
                    .by(Actor.systemJob("first-start")));
        }
        runner.reload();
    }
}
