package dev.vigil.server.ingest.internal;

import java.nio.file.Path;
import java.time.ZoneId;

import dev.vigil.events.parse.EventParser;
import dev.vigil.events.store.EventStore;
import dev.vigil.eventstore.LuceneEventStore;
import dev.vigil.eventstore.LuceneStoreSettings;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.spool.FileSpool;
import dev.vigil.spool.Spool;
import dev.vigil.spool.SpoolSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The event path's durable parts under the data folder: the spool ({@code spool/}) and the event store ({@code events/}). */
@Configuration(proxyBeanMethods = false)
class EventPathConfiguration {

    /** The largest single event (one NDJSON line, one bulk document, one syslog message) the spool takes. */
    static final long MAX_EVENT_BYTES = 8L << 20;

    @Bean(destroyMethod = "close")
    Spool spool(VigilProperties properties) {
        VigilProperties.Ingest ingest = properties.ingest();
        Path directory = properties.resolvedDataDir().resolve(EventFiles.SPOOL);
        return FileSpool.open(directory, new SpoolSettings(ingest.spoolSegmentSize().toBytes(),
                ingest.spoolHighWaterMark().toBytes(), MAX_EVENT_BYTES));
    }

    @Bean(destroyMethod = "close")
    EventStore eventStore(VigilProperties properties) {
        return LuceneEventStore.open(properties.resolvedDataDir().resolve(EventFiles.EVENTS), LuceneStoreSettings.defaults());
    }

    @Bean
    EventParser eventParser(VigilProperties properties) {
        return new EventParser(ZoneId.of(properties.events().timeZone()));
    }
}
