package dev.vigil.server.detection.internal;

import java.util.List;

import dev.vigil.server.platform.backup.BackupContributor;

/** What the learned baselines know, for backups: restored, the detectors go on from there instead of learning afresh. */
public final class BaselineFiles implements BackupContributor {

    @Override
    public String feature() {
        return "detection";
    }

    @Override
    public List<String> paths() {
        return List.of("baselines");
    }
}
