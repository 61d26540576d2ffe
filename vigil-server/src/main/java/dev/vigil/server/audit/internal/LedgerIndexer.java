package dev.vigil.server.audit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.LedgerLayout;
import dev.vigil.ledger.record.AuditRecord;
import dev.vigil.ledger.record.AuditRecordCodec;
import dev.vigil.ledger.record.RecordFormatException;
import dev.vigil.server.platform.config.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, before anything else is recorded, indexes the ledger records the search index lacks (after a crash
 * between the ledger append and the index insert, or after a restore whose files are newer than its database copy).
 */
@Component
@Order(-10)
class LedgerIndexer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LedgerIndexer.class);

    private final Ledger ledger;
    private final AuditIndex index;
    private final Path records;
    private final TransactionTemplate transaction;

    LedgerIndexer(Ledger ledger, AuditIndex index, VigilProperties properties, TransactionTemplate transaction) {
        this.ledger = ledger;
        this.index = index;
        this.records = properties.resolvedDataDir().resolve(LedgerConfiguration.DIRECTORY).resolve(LedgerLayout.RECORDS);
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        long from = index.lastSeq().isPresent() ? index.lastSeq().getAsLong() + 1 : 0;
        long to = ledger.size();
        if (from >= to) {
            return;
        }
        log.info("indexing audit ledger records {}..{}", from, to - 1);
        try (BufferedReader reader = Files.newBufferedReader(records, StandardCharsets.UTF_8)) {
            long seq = 0;
            for (String line = reader.readLine(); line != null && seq < to; line = reader.readLine(), seq++) {
                if (seq < from) {
                    continue;
                }
                byte[] canonical = line.getBytes(StandardCharsets.UTF_8);
                AuditRecord record = decode(canonical, seq);
                transaction.executeWithoutResult(status -> index.insert(record.sequence(), record.event(), canonical));
            }
        }
    }

    private AuditRecord decode(byte[] canonical, long seq) {
        try {
            AuditRecord record = AuditRecordCodec.decode(canonical);
            if (record.sequence() != seq) {
                throw new IllegalStateException("audit ledger line " + seq + " carries sequence " + record.sequence());
            }
            return record;
        } catch (RecordFormatException e) {
            throw new IllegalStateException("audit ledger record " + seq + " cannot be read: " + e.getMessage(), e);
        }
    }
}
