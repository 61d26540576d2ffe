package dev.vigil.server.audit.internal;

import java.io.IOException;
import java.nio.file.Path;

import dev.vigil.ledger.Ledger;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tamper-evident audit ledger of this instance: files under {@code <data-dir>/ledger}, checkpoints signed with the
 * key in {@code <data-dir>/keys/audit-ledger.key}. Opening refuses (and the server does not start) when the files
 * were made with another key or no longer produce the root of their own latest checkpoint.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

    static final String DIRECTORY = "ledger";

    @Bean(destroyMethod = "close")
    Ledger auditLedger(VigilProperties properties) throws IOException {
        Path dataDir = properties.resolvedDataDir();
        return Ledger.open(dataDir.resolve(DIRECTORY), LedgerSignerKey.loadOrCreate(dataDir, properties.audit().origin()));
    }
}
