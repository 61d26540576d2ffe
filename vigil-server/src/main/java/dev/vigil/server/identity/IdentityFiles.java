package dev.vigil.server.identity;

import java.util.List;

import dev.vigil.server.platform.backup.BackupContributor;

/** The identity feature keeps the key that encrypts TOTP secrets outside the database. */
public final class IdentityFiles implements BackupContributor {

    @Override
    public String feature() {
        return "identity";
    }

    @Override
    public List<String> paths() {
        return List.of("keys");
    }
}
