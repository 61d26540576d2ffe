package dev.vigil.server.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vigil.events.RawEvent;
import dev.vigil.server.ServerTestBase;
import dev.vigil.spool.Spool;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Stopping the server while the pipeline works through a backlog: the batch in hand is stored, and the store is
 * committed and the spool marked up to it, so the next start replays nothing that was stored. Stop never interrupts
 * the pipeline inside the store's file I/O (which would close the Lucene index and fail that commit).
 */
class EventPipelineStopTest extends ServerTestBase {

    @Autowired
    EventPipeline pipeline;

    @Autowired
    Spool spool;

    @Autowired
    MeterRegistry meters;

    @Test
    void stoppingInTheMiddleOfABacklogCommitsWhatWasStored() {
        Logger logger = (Logger) LoggerFactory.getLogger(EventPipeline.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            for (int round = 0; round < 4; round++) {
                double before = processed();
                spool.append(backlog(round, 30_000));
                // stop at a different point of the backlog each round, while batches are being indexed
                double stopAt = before + 2_000 + round * 5_000;
                Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() -> processed() >= stopAt);
                pipeline.stop();
                assertThat(pipeline.isRunning()).isFalse();

                List<ILoggingEvent> errors = logs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
                assertThat(errors).as("round " + round).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
                String stopped = "event pipeline stopped at spool sequence " + spool.processedSequence();
                assertThat(logs.list).as("round " + round).extracting(ILoggingEvent::getFormattedMessage).contains(stopped);
                assertThat(spool.processedSequence()).isLessThanOrEqualTo(spool.lastSequence());
                logs.list.clear();
                pipeline.start();
            }
            Awaitility.await().atMost(Duration.ofSeconds(120)).until(() -> spool.lastSequence() - spool.processedSequence() == 0);
        } finally {
            logger.detachAppender(logs);
            if (!pipeline.isRunning()) {
                pipeline.start();
            }
        }
    }

    private double processed() {
        return meters.get("vigil.events.processed").counter().count();
    }

    private static List<RawEvent> backlog(int round, int count) {
        List<RawEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // no host, user, address or process fields: nothing for detection or the learned baselines of other tests
            String line = """
                    {"message":"pipeline stop check %d of round %d: the quick brown fox jumps over the lazy dog %x",\
                    "stop":{"round":%d,"n":%d,"shard":"s%03d","note":"padding to the size of a typical event %s"}}"""
                    .formatted(i, round, i * 2654435761L, round, i, i % 100, "x".repeat(200 + i % 100));
            events.add(new RawEvent("stop-test", "platform", "json", Instant.now(), "127.0.0.1", line.getBytes(StandardCharsets.UTF_8)));
        }
        return events;
    }
}
