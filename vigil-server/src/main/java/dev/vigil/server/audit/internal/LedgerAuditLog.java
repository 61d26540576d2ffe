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
        noteRollbackOf(List.of(entry), List.of(seq));
        return seq;
    }

    @Override
    public List<Long> recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Instant now = Instant.now(clock);
        List<AuditEvent> events = entries.stream().map(entry -> LedgerEvents.toEvent(entry, actorOf(entry), now)).toList();
        List<AppendedRecord> appended;
        try {
            appended = ledger.appendAll(events);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit ledger cannot store the records of " + entries.size()
                    + " operations; they are refused", e);
        }
        ownTransaction.executeWithoutResult(status -> {
            for (int i = 0; i < appended.size(); i++) {
                long seq = appended.get(i).sequence();
                index.insert(seq, events.get(i), AuditRecordCodec.encode(new dev.vigil.ledger.record.AuditRecord(seq, events.get(i))));
            }
        });
        List<Long> sequences = appended.stream().map(AppendedRecord::sequence).toList();
        noteRollbackOf(entries, sequences);
        return sequences;
    }

    /** If the caller's transaction rolls back, the ledger says so in a record of its own for each recorded entry. */
    private void noteRollbackOf(List<AuditEntry> entries, List<Long> sequences) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_ROLLED_BACK) {
                    return;
                }
                for (int i = 0; i < entries.size(); i++) {
                    AuditEntry entry = entries.get(i);
                    long seq = sequences.get(i);
                    append(new AuditEntry(entry.actor(), "audit.rolled-back", "audit-record", String.valueOf(seq),
                            entry.tenantId(), AuditEntry.Outcome.FAILURE, Map.of(),
                            Map.of("record", seq, "action", entry.action(), "reason", "the operation's transaction rolled back")));
                }
            }
        });
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
        AuditEvent event = LedgerEvents.toEvent(entry, actorOf(entry), Instant.now(clock));
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

    private Actor actorOf(AuditEntry entry) {
        return entry.actor() != null ? entry.actor() : actors.currentActor().orElseGet(() -> Actor.anonymous(RequestAddress.current()));
    }
}
