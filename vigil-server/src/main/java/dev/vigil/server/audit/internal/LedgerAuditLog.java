package dev.vigil.server.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.vigil.ledger.AppendedRecord;
import dev.vigil.ledger.Ledger;
import dev.vigil.ledger.record.AuditEvent;
import dev.vigil.ledger.record.AuditRecordCodec;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.ActorResolver;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.audit.AuditQuery;
import dev.vigil.server.audit.AuditRecord;
import dev.vigil.server.audit.AuditSearch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records operations in the tamper-evident ledger: the record is appended and fsync'd (concurrent callers share the
 * fsync) before {@code record} returns, so it is durable before the operation is acknowledged; the search index is
 * written at once in its own transaction. If the caller's transaction then rolls back, a second record says so —
 * the ledger never forgets what was attempted.
 */
@Service
class LedgerAuditLog implements AuditLog, AuditSearch {

    private final Ledger ledger;
    private final AuditIndex index;
    private final ActorResolver actors;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    LedgerAuditLog(Ledger ledger, AuditIndex index, ActorResolver actors, Clock clock, PlatformTransactionManager transactions) {
        this.ledger = ledger;
        this.index = index;
        this.actors = actors;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public long record(AuditEntry entry) {
        long seq = append(entry);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        append(new AuditEntry(entry.actor(), "audit.rolled-back", "audit-record", String.valueOf(seq),
                                entry.tenantId(), AuditEntry.Outcome.FAILURE, Map.of(),
                                Map.of("record", seq, "action", entry.action(), "reason", "the operation's transaction rolled back")));
                    }
                }
            });
        }
        return seq;
    }

    @Override
    public long recordIndependently(AuditEntry entry) {
        return append(entry);
    }

    @Override
    public List<AuditRecord> search(AuditQuery query) {
        return index.search(query);
    }

    private long append(AuditEntry entry) {
        Actor actor = entry.actor() != null ? entry.actor()
                : actors.currentActor().orElseGet(() -> Actor.anonymous(RequestAddress.current()));
        AuditEvent event = LedgerEvents.toEvent(entry, actor, Instant.now(clock));
        AppendedRecord appended;
        try {
            appended = ledger.append(event);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit ledger cannot store the record of " + entry.action()
                    + "; the operation is refused", e);
        }
        byte[] canonical = AuditRecordCodec.encode(new dev.vigil.ledger.record.AuditRecord(appended.sequence(), event));
        ownTransaction.executeWithoutResult(status -> index.insert(appended.sequence(), event, canonical));
        return appended.sequence();
    }
}
