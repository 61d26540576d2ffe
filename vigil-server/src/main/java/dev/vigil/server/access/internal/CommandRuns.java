package dev.vigil.server.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The record of each template command run under an idempotency key (a playbook run and step): claimed before the
 * command is sent, so a second attempt finds it and does not send the command again, unless the first one never
 * reached the target ({@code not-sent}). Each statement commits on its own, before and after the command.
 */
@Component
public class CommandRuns {

    private final JdbcClient jdbc;
    private final Clock clock;

    CommandRuns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What an earlier attempt under the same key left. */
    public record Earlier(String state, String command, int templateVersion, UUID session, Integer exitStatus, String exitSignal, String output,
            boolean outputTruncated, String error, java.time.Instant startedAt) {
    }

    /** Claims the key for sending now; answers the earlier attempt instead when one was sent or decided before. */
    public Optional<Earlier> claim(String key, UUID templateId, int templateVersion, UUID targetId, String command, String startedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                INSERT INTO access_command_run (idempotency_key, template_id, template_version, target_id, command, state, started_by, started_at)
                VALUES (?, ?, ?, ?, ?, 'sending', ?, ?) ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(key, templateId, templateVersion, targetId, command, startedBy, now).update();
        if (inserted == 1) {
            return Optional.empty();
        }
        int retaken = jdbc.sql("""
                UPDATE access_command_run SET state = 'sending', template_id = ?, template_version = ?, target_id = ?, command = ?, error = NULL,
                       started_by = ?, started_at = ? WHERE idempotency_key = ? AND state = 'not-sent'""")
                .params(templateId, templateVersion, targetId, command, startedBy, now, key).update();
        if (retaken == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                SELECT state, command, template_version, session_id, exit_status, exit_signal, output, output_truncated, error, started_at
                FROM access_command_run WHERE idempotency_key = ?""").param(key).query(this::earlier).single());
    }

    public void finish(String key, String state, UUID session, Integer exitStatus, String exitSignal, String output, boolean truncated, String error) {
        jdbc.sql("""
                UPDATE access_command_run SET state = ?, session_id = ?, exit_status = ?, exit_signal = ?, output = ?, output_truncated = ?,
                       error = ?, finished_at = ? WHERE idempotency_key = ?""")
                .params(state, session, exitStatus, exitSignal, output, truncated, error, Timestamp.from(clock.instant()), key).update();
    }

    private Earlier earlier(ResultSet rs, int n) throws SQLException {
        return new Earlier(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getObject(4, UUID.class), (Integer) rs.getObject(5), rs.getString(6),
                rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getTimestamp(10).toInstant());
    }
}
