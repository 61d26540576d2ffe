package dev.vigil.server.ingest.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.vigil.eventstore.EventStoreCopy;
import dev.vigil.server.platform.backup.BackupContributor;
import dev.vigil.spool.SpoolCopy;

/**
 * The stored events for backups: the spool first, then the event store, each copied so that it opens cleanly although
 * the server keeps writing. Everything the copied spool counts as processed is in the store copied after it; events
 * after its mark are processed again after a restore, under the same ids, so none is lost or doubled.
 */
public final class EventFiles implements BackupContributor {

    static final String SPOOL = "spool";
    static final String EVENTS = "events";

    @Override
    public String feature() {
        return "ingest";
    }

    @Override
    public List<String> paths() {
        return List.of(SPOOL, EVENTS);
    }

    @Override
    public List<Path> copy(Path source, Path target) throws IOException {
        return switch (source.getFileName().toString()) {
            case SPOOL -> SpoolCopy.copy(source, target);
            case EVENTS -> EventStoreCopy.copy(source, target);
            default -> BackupContributor.super.copy(source, target);
        };
    }
}
