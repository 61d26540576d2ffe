package dev.vigil.server.support;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Settings of a test server that must not share the common test context (its own data folder and bootstrap
 * administrator): every listening port is picked free, so several such servers run side by side.
 */
public final class IsolatedServerProperties {

    private IsolatedServerProperties() {
    }

    public static void register(DynamicPropertyRegistry registry, Path dataDir, String adminPassword, String adminToken) {
        registry.add("vigil.data-dir", dataDir::toString);
        registry.add("vigil.http.port", () -> "0");
        registry.add("vigil.ingest.syslog-udp-port", () -> "0");
        registry.add("vigil.ingest.syslog-tcp-port", () -> "0");
        registry.add("vigil.access.ssh-port", () -> "0");
        registry.add("vigil.bootstrap.admin-password", () -> adminPassword);
        registry.add("vigil.bootstrap.api-token", () -> adminToken);
    }
}
