package dev.vigil.server.audit.internal;

import java.util.List;

import dev.vigil.server.platform.backup.BackupContributor;

/**
 * The ledger files for backups, in an order that keeps a copy taken while records arrive consistent: checkpoints
 * first (they only cover records already stored), then the key, leaf hashes and records.
 */
public final class AuditFiles implements BackupContributor {

    @Override
    public String feature() {
        return "audit";
    }

    @Override
    public List<String> paths() {
        return List.of("ledger/checkpoints", "ledger/public-key", "ledger/leaf-hashes", "ledger/records.jsonl");
    }
}
