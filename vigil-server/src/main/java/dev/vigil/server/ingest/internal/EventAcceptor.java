package dev.vigil.server.ingest.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.events.RawEvent;
import dev.vigil.server.ingest.InputView;
import dev.vigil.spool.Spool;
import org.springframework.stereotype.Component;

/**
 * The one door into the event path: turns payloads that arrived on an input into raw events and appends them to the
 * spool. Returns only once they are durable, so callers acknowledge to the sender after it returned; throws the
 * spool's full or write exceptions otherwise (nothing accepted).
 */
@Component
public class EventAcceptor {

    private final Spool spool;
    private final InputCounters counters;
    private final Clock clock;

    EventAcceptor(Spool spool, InputCounters counters, Clock clock) {
        this.spool = spool;
        this.counters = counters;
        this.clock = clock;
    }

    public int accept(InputView input, List<byte[]> payloads, String sourceAddress) {
        if (payloads.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now(clock);
        List<RawEvent> events = new ArrayList<>(payloads.size());
        long bytes = 0;
        for (byte[] payload : payloads) {
            events.add(new RawEvent(input.id().toString(), input.tenant(), input.format(), now, sourceAddress, payload));
            bytes += payload.length;
        }
        spool.append(events);
        counters.accepted(input.id(), payloads.size(), bytes);
        return payloads.size();
    }

    public boolean overHighWaterMark() {
        return spool.overHighWaterMark();
    }
}
