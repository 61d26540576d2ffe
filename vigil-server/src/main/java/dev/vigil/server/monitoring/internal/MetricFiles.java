package dev.vigil.server.monitoring.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import dev.vigil.monitor.tsdb.TimeSeriesDbCopy;
import dev.vigil.server.platform.backup.BackupContributor;

/**
 * The metric store for backups ({@code <data-dir>/metrics}; a store moved elsewhere by {@code vigil.monitoring.path}
 * is not copied), copied so that it opens cleanly although the server keeps writing it.
 */
public final class MetricFiles implements BackupContributor {

    @Override
    public String feature() {
        return "monitoring";
    }

    @Override
    public List<String> paths() {
        return List.of("metrics");
    }

    @Override
    public List<Path> copy(Path source, Path target) throws IOException {
        return TimeSeriesDbCopy.copy(source, target);
    }
}
