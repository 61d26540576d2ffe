package dev.vigil.server.ingest.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.vigil.server.ingest.InputSilenceChanged;
import dev.vigil.server.ingest.InputView;
import dev.vigil.server.platform.config.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds: writes the input counters, and finds inputs that used to send and have been quiet for
 * {@code vigil.ingest.silent-after} (and those that came back), publishing {@link InputSilenceChanged} for each.
 */
@Component
class InputHealthJob {

    private static final Logger log = LoggerFactory.getLogger(InputHealthJob.class);

    private final InputCounters counters;
    private final InputDirectory inputs;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration silentAfter;

    InputHealthJob(InputCounters counters, InputDirectory inputs, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            VigilProperties properties) {
        this.counters = counters;
        this.inputs = inputs;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.silentAfter = properties.ingest().silentAfter();
    }

    @Scheduled(fixedDelay = 5000, initialDelay = 5000)
    void run() {
        counters.flush();
        checkSilence(Instant.now(clock));
    }

    void checkSilence(Instant now) {
        for (InputView input : inputs.all()) {
            Instant lastSeen = counters.snapshot(input.id()).map(InputCounters.Snapshot::lastSeenAt).orElse(null);
            Instant silentSince = jdbc.sql("SELECT silent_since FROM ingest_input_stats WHERE input_id = ?").param(input.id())
                    .query((rs, n) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant).orElse(null);
            boolean silentNow = input.enabled() && lastSeen != null && lastSeen.plus(silentAfter).isBefore(now);
            if (silentNow && silentSince == null) {
                mark(input.id(), now);
                log.warn("input '{}' (tenant {}) is silent: nothing received since {}", input.name(), input.tenant(), lastSeen);
                events.publishEvent(new InputSilenceChanged(input.id(), input.name(), input.tenant(), true, lastSeen, now));
            } else if (!silentNow && silentSince != null) {
                mark(input.id(), null);
                log.info("input '{}' (tenant {}) sends again", input.name(), input.tenant());
                events.publishEvent(new InputSilenceChanged(input.id(), input.name(), input.tenant(), false, lastSeen, now));
            }
        }
    }

    private void mark(UUID input, Instant silentSince) {
        jdbc.sql("UPDATE ingest_input_stats SET silent_since = ? WHERE input_id = ?")
                .params(silentSince == null ? null : Timestamp.from(silentSince), input).update();
    }
}
