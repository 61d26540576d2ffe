package dev.vigil.server.ingest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At the first start (no inputs at all) creates the input {@code syslog}: the provider's own tenant, every sender
 * address. Syslog works with zero configuration; more specific inputs (per customer network) then take their senders
 * over, and the default can be narrowed or disabled like any other input.
 */
@Component
@Order(10)
class DefaultSyslogInput implements ApplicationRunner {

    static final String NAME = "syslog";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final InputDirectory directory;

    DefaultSyslogInput(JdbcClient jdbc, AuditLog audit, InputDirectory directory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM ingest_input").query(Long.class).single() > 0) {
            directory.reload();
            return;
        }
        UUID id = UUID.randomUUID();
        List<String> sources = List.of("0.0.0.0/0", "::/0");
        jdbc.sql("""
                INSERT INTO ingest_input (id, name, type, format, tenant, sources, description, created_by)
                VALUES (?, ?, 'syslog', 'syslog', 'platform', '{"0.0.0.0/0","::/0"}', ?, 'system')""")
                .params(id, NAME, "Every syslog sender not claimed by a more specific input").update();
        jdbc.sql("INSERT INTO ingest_input_stats (input_id) VALUES (?)").param(id).update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", NAME);
        body.put("type", "syslog");
        body.put("tenant", "platform");
        body.put("sources", sources);
        audit.record(AuditEntry.success("input.create", "input", id, null, body).by(Actor.systemJob("first-start")));
        directory.reload();
    }
}
