package dev.vigil.server.incident.internal.playbook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The rows of runs and their steps. */
@Component
class RunRecords {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String RUN_COLUMNS = """
            r.id, r.incident_id, r.playbook_id, p.name, r.playbook_version, r.trigger, r.status, r.started_by, r.error,
            r.created_at, r.finished_at FROM playbook_run r JOIN playbook p ON p.id = r.playbook_id""" + " ";

    private final JdbcClient jdbc;
    private final Clock clock;

    RunRecords(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(UUID runId, UUID incidentId, UUID playbookId, int version, String trigger, String startedBy,
            List<PlaybookDefinition.Step> steps) {
        jdbc.sql("""
                INSERT INTO playbook_run (id, incident_id, playbook_id, playbook_version, trigger, status, started_by, created_at)
                VALUES (?, ?, ?, ?, ?, 'queued', ?, ?)""")
                .params(runId, incidentId, playbookId, version, trigger, startedBy, now()).update();
        for (int i = 0; i < steps.size(); i++) {
            jdbc.sql("INSERT INTO playbook_step_run (run_id, step_index, step_name, step_type, status) VALUES (?, ?, ?, ?, 'pending')")
                    .params(runId, i, steps.get(i).name(), steps.get(i).type()).update();
        }
    }

    RunView get(UUID runId) {
        RunView run = jdbc.sql("SELECT " + RUN_COLUMNS + "WHERE r.id = ?").param(runId).query(this::run).optional()
                .orElseThrow(() -> ProblemException.notFound("playbook run", runId));
        return withSteps(run);
    }

    List<RunView> ofIncident(UUID incidentId) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + "WHERE r.incident_id = ? ORDER BY r.created_at DESC").param(incidentId)
                .query(this::run).list().stream().map(this::withSteps).toList();
    }

    boolean triggeredBefore(UUID incidentId, UUID playbookId) {
        return jdbc.sql("SELECT count(*) FROM playbook_run WHERE incident_id = ? AND playbook_id = ? AND trigger <> 'manual'")
                .params(incidentId, playbookId).query(Long.class).single() > 0;
    }

    /** Moves the run from one status to another; false if it was not in the first. */
    boolean move(UUID runId, String from, String to) {
        return jdbc.sql("UPDATE playbook_run SET status = ?, error = NULL, finished_at = NULL WHERE id = ? AND status = ?")
                .params(to, runId, from).update() == 1;
    }

    void finish(UUID runId, String status, String error) {
        jdbc.sql("UPDATE playbook_run SET status = ?, error = ?, finished_at = ? WHERE id = ?").params(status, error, now(), runId).update();
    }

    /** Runs left queued or running by a stopped server. */
    int interruptAll(String error) {
        return jdbc.sql("UPDATE playbook_run SET status = 'failed', error = ?, finished_at = ? WHERE status IN ('queued', 'running')")
                .params(error, now()).update();
    }

    void stepStarted(UUID runId, int index) {
        jdbc.sql("UPDATE playbook_step_run SET started_at = coalesce(started_at, ?) WHERE run_id = ? AND step_index = ?")
                .params(now(), runId, index).update();
    }

    void stepAttemptFailed(UUID runId, int index, String error) {
        jdbc.sql("UPDATE playbook_step_run SET attempts = attempts + 1, error = ? WHERE run_id = ? AND step_index = ?")
                .params(error, runId, index).update();
    }

    /** Shows what a waiting step waits for (its status stays pending). */
    void stepWaiting(UUID runId, int index, Map<String, Object> output) {
        jdbc.sql("UPDATE playbook_step_run SET output = ?::jsonb WHERE run_id = ? AND step_index = ?")
                .params(JSON.writeValueAsString(output), runId, index).update();
    }

    void stepFinished(UUID runId, int index, String status, boolean attempted, Map<String, Object> output, String error) {
        jdbc.sql("""
                UPDATE playbook_step_run SET status = ?, attempts = attempts + ?, output = ?::jsonb, error = ?, finished_at = ?
                WHERE run_id = ? AND step_index = ?""")
                .params(status, attempted ? 1 : 0, JSON.writeValueAsString(output), error, now(), runId, index).update();
    }

    private RunView withSteps(RunView run) {
        List<RunView.StepRun> steps = jdbc.sql("""
                SELECT step_index, step_name, step_type, status, attempts, output::text, error, started_at, finished_at
                FROM playbook_step_run WHERE run_id = ? ORDER BY step_index""").param(run.id())
                .query((rs, n) -> new RunView.StepRun(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        JSON.readValue(rs.getString(6), new TypeReference<Map<String, Object>>() { }), rs.getString(7),
                        instant(rs, 8), instant(rs, 9))).list();
        return new RunView(run.id(), run.incident(), run.playbook(), run.playbookName(), run.playbookVersion(), run.trigger(),
                run.status(), run.startedBy(), run.error(), run.createdAt(), run.finishedAt(), steps);
    }

    private RunView run(ResultSet rs, int n) throws SQLException {
        return new RunView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), instant(rs, 10), instant(rs, 11),
                List.of());
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
