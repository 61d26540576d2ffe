package dev.vigil.server.access;

import java.util.List;
import java.util.UUID;

/** A new target; {@code hostKey} (an OpenSSH public key line) pins it, or leave it empty to trust on first use after confirmation. */
public record TargetChange(String name, String host, Integer port, String hostKey, List<String> groups, String assetRef, UUID tenantId,
        String description) {
}
