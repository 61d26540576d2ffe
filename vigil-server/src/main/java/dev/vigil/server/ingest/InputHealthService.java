package dev.vigil.server.ingest;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ingest.internal.InputCounters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The health of the inputs the caller may see: counters, last event, silent or not. */
@Service
public class InputHealthService {

    private final InputService inputs;
    private final InputCounters counters;
    private final JdbcClient jdbc;

    InputHealthService(InputService inputs, InputCounters counters, JdbcClient jdbc) {
        this.inputs = inputs;
        this.counters = counters;
        this.jdbc = jdbc;
    }

    public List<InputHealth> list() {
        return health(inputs.list());
    }

    /** The health of every input, for system jobs (asset coverage in risk scores); no caller check. */
    public List<InputHealth> listForJobs() {
        return health(inputs.listForJobs());
    }

    private List<InputHealth> health(List<InputView> list) {
        Map<UUID, InputCounters.Snapshot> snapshots = counters.snapshots();
        Map<UUID, Timestamp> silentSince = new java.util.HashMap<>();
        jdbc.sql("SELECT input_id, silent_since FROM ingest_input_stats WHERE silent_since IS NOT NULL")
                .query(rs -> {
                    silentSince.put(rs.getObject(1, UUID.class), rs.getTimestamp(2));
                });
        return list.stream().map(input -> {
            InputCounters.Snapshot s = snapshots.getOrDefault(input.id(), new InputCounters.Snapshot(0, 0, 0, 0, null));
            Timestamp silent = silentSince.get(input.id());
            String status = !input.enabled() ? "disabled" : silent != null ? "silent" : s.lastSeenAt() == null ? "never-seen" : "active";
            return new InputHealth(input.id(), input.name(), input.tenant(), s.events(), s.bytes(), s.parseErrors(), s.dropped(),
                    s.lastSeenAt(), status, silent == null ? null : silent.toInstant());
        }).toList();
    }
}
