package dev.vigil.server.intel.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import dev.vigil.intel.stix.share.SharedObservable;
import dev.vigil.intel.stix.share.StixBundleWriter;
import dev.vigil.intel.stix.share.StixProducer;
import dev.vigil.intel.stix.share.TlpMarking;
import dev.vigil.server.intel.SharedIncidents;
import dev.vigil.server.intel.IndicatorsChanged;
import dev.vigil.server.platform.BackgroundRefresh;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Brings what a TAXII collection publishes up to date with its definition: the indicators of its feeds (one STIX
 * indicator per value, by Vigil, at the most restrictive TLP of the feeds holding it, the highest confidence) and the
 * STIX exports of its incidents, never anything marked TLP:RED. An object that is new or whose content changed gets a
 * new version and date_added (so partners polling with added_after receive it); one that left the collection is
 * published once more as revoked. Runs when a collection changes (in its transaction), in the background after
 * indicators change, and every minute (incident observables and TLPs).
 */
@Component
public class CollectionPublisher {

    private static final Logger log = LoggerFactory.getLogger(CollectionPublisher.class);
    private static final int BATCH = 1_000;
    private static final Set<String> REVOCABLE = Set.of("indicator", "report");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;
    private final SharedIncidents incidents;
    private final TransactionTemplate ownTransaction;
    private final StixBundleWriter writer = new StixBundleWriter();
    private final JsonMapper json = JsonMapper.builder().build();
    private final BackgroundRefresh background = new BackgroundRefresh("taxii-publisher", this::publishAll);

    CollectionPublisher(JdbcClient jdbc, JdbcTemplate template, Clock clock, SharedIncidents incidents,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.incidents = incidents;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Off the importing thread: a burst of imports costs one publication, and no import waits for it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(IndicatorsChanged change) {
        background.request();
    }

    @PreDestroy
    void stop() {
        background.close();
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 30_000)
    void publishAll() {
        for (UUID id : jdbc.sql("SELECT id FROM taxii_collection ORDER BY title").query(UUID.class).list()) {
            try {
                ownTransaction.executeWithoutResult(status -> publish(id));
            } catch (RuntimeException e) {
                log.error("could not publish TAXII collection {}", id, e);
            }
        }
    }

    private record Definition(List<String> feeds, int minConfidence, TlpMarking ceiling, List<UUID> incidents) {
    }

    private record Stored(String digest, Instant version, boolean revoked, String object) {
    }

    /** Publishes the collection's current content (in the caller's transaction, or its own). */
    @Transactional
    public void publish(UUID collectionId) {
        Definition definition = jdbc.sql("""
                SELECT feed_ids::text[], min_confidence, tlp_ceiling, incident_ids::text[] FROM taxii_collection WHERE id = ? FOR UPDATE""")
                .param(collectionId).query((rs, n) -> new Definition(List.of((String[]) rs.getArray(1).getArray()), rs.getInt(2),
                        TlpMarking.fromLabel(rs.getString(3)).orElseThrow(),
                        java.util.Arrays.stream((String[]) rs.getArray(4).getArray()).map(UUID::fromString).toList()))
                .optional().orElse(null);
        if (definition == null) {
            return;
        }
        Map<String, ObjectNode> desired = new LinkedHashMap<>();
        indicators(definition, desired);
        for (UUID incident : definition.incidents()) {
            incidents.objectsForPublication(incident)
                    .filter(shared -> shared.tlp() != TlpMarking.RED && shared.tlp().ordinal() <= definition.ceiling().ordinal())
                    .ifPresent(shared -> shared.objects().forEach(o -> desired.putIfAbsent(o.get("id").asString(), o)));
        }
        store(collectionId, desired);
    }

    private void indicators(Definition definition, Map<String, ObjectNode> desired) {
        if (definition.feeds().isEmpty()) {
            return;
        }
        String[] allowed = java.util.Arrays.stream(TlpMarking.values())
                .filter(t -> t != TlpMarking.RED && t.ordinal() <= definition.ceiling().ordinal()).map(TlpMarking::label)
                .toArray(String[]::new);
        Map<String, Shared> byValue = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.type, i.value, i.confidence, coalesce(i.first_seen, f.created_at), i.valid_until, i.description, f.tlp
                FROM intel_indicator i JOIN intel_feed f ON f.id = i.feed_id
                WHERE f.id = ANY(?::uuid[]) AND f.enabled AND f.tlp = ANY(?) AND i.confidence >= ?
                  AND (i.valid_until IS NULL OR i.valid_until > ?)
                  AND NOT EXISTS (SELECT 1 FROM intel_verdict v WHERE v.value_key = lower(i.value))
                ORDER BY i.type, i.value""")
                .params(definition.feeds().toArray(String[]::new), allowed, definition.minConfidence(), Timestamp.from(clock.instant()))
                .query(rs -> {
                    String type = rs.getString(1);
                    String value = rs.getString(2);
                    String key = type + "|" + (type.equals("url") ? value : value.toLowerCase(Locale.ROOT));
                    Timestamp until = rs.getTimestamp(5);
                    byValue.computeIfAbsent(key, k -> new Shared(type, value))
                            .add(rs.getInt(3), rs.getTimestamp(4).toInstant(), until == null ? null : until.toInstant(), rs.getString(6),
                                    TlpMarking.fromLabel(rs.getString(7)).orElseThrow());
                });
        Set<TlpMarking> markings = new LinkedHashSet<>();
        List<ObjectNode> indicators = new ArrayList<>();
        for (Shared shared : byValue.values()) {
            writer.indicator(StixProducer.VIGIL, shared.tlp, new SharedObservable(shared.type, shared.value,
                    String.join("\n", shared.descriptions), shared.firstSeen), shared.confidence).ifPresent(indicator -> {
                        if (shared.validUntil != null && shared.validUntil.isAfter(shared.firstSeen)) {
                            indicator.put("valid_until", StixBundleWriter.timestamp(shared.validUntil));
                        }
                        markings.add(shared.tlp);
                        indicators.add(indicator);
                    });
        }
        if (!indicators.isEmpty()) {
            ObjectNode identity = writer.identity(StixProducer.VIGIL);
            desired.put(identity.get("id").asString(), identity);
            markings.forEach(tlp -> desired.put(tlp.id(), writer.marking(tlp)));
            indicators.forEach(indicator -> desired.putIfAbsent(indicator.get("id").asString(), indicator));
        }
    }

    /** One value as the feeds of a collection hold it. */
    private static final class Shared {
        final String type;
        final String value;
        int confidence = -1;
        Instant firstSeen;
        Instant validUntil;
        boolean expires = true;
        TlpMarking tlp = TlpMarking.CLEAR;
        final Set<String> descriptions = new LinkedHashSet<>();

        Shared(String type, String value) {
            this.type = type;
            this.value = value;
        }

        void add(int rowConfidence, Instant seen, Instant until, String description, TlpMarking feedTlp) {
            confidence = Math.max(confidence, rowConfidence);
            firstSeen = firstSeen == null || seen.isBefore(firstSeen) ? seen : firstSeen;
            expires = expires && until != null;
            validUntil = !expires ? null : validUntil == null || until.isAfter(validUntil) ? until : validUntil;
            tlp = feedTlp.ordinal() > tlp.ordinal() ? feedTlp : tlp;
            if (!description.isBlank() && descriptions.size() < 5) {
                descriptions.add(description);
            }
        }
    }

    private void store(UUID collectionId, Map<String, ObjectNode> desired) {
        Map<String, Stored> existing = new HashMap<>();
        jdbc.sql("SELECT stix_id, digest, version, revoked, object FROM taxii_object WHERE collection_id = ?").param(collectionId)
                .query(rs -> {
                    existing.put(rs.getString(1), new Stored(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4),
                            rs.getString(5)));
                });
        Instant latest = jdbc.sql("SELECT max(date_added) FROM taxii_object WHERE collection_id = ?").param(collectionId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(Instant.EPOCH);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // date_added only ever grows, so added_after never misses an object
        Instant added = now.isAfter(latest) ? now : latest.plusMillis(1);
        List<Object[]> rows = new ArrayList<>();
        for (ObjectNode object : desired.values()) {
            String id = object.get("id").asString();
            String digest = digest(object);
            Stored stored = existing.get(id);
            Instant version;
            if (stored == null) {
                version = version(object);
            } else if (!stored.digest().equals(digest) || stored.revoked()) {
                version = later(added, stored.version());
                if (object.has("modified")) {
                    object.put("modified", StixBundleWriter.timestamp(version));
                }
            } else {
                continue;
            }
            rows.add(row(collectionId, object, added, version, digest, false));
        }
        for (Map.Entry<String, Stored> gone : existing.entrySet()) {
            Stored stored = gone.getValue();
            if (desired.containsKey(gone.getKey()) || stored.revoked()) {
                continue;
            }
            ObjectNode object = (ObjectNode) json.readTree(stored.object());
            if (!REVOCABLE.contains(object.get("type").asString())) {
                continue;
            }
            Instant version = later(added, stored.version());
            object.put("modified", StixBundleWriter.timestamp(version));
            object.put("revoked", true);
            rows.add(row(collectionId, object, added, version, "revoked", true));
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            template.batchUpdate("""
                    INSERT INTO taxii_object (collection_id, stix_id, stix_type, date_added, version, digest, revoked, object)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (collection_id, stix_id) DO UPDATE SET seq = nextval(pg_get_serial_sequence('taxii_object', 'seq')),
                        date_added = EXCLUDED.date_added, version = EXCLUDED.version, digest = EXCLUDED.digest,
                        revoked = EXCLUDED.revoked, object = EXCLUDED.object""", rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        jdbc.sql("UPDATE taxii_collection SET published_at = ? WHERE id = ?").params(Timestamp.from(now), collectionId).update();
        if (!rows.isEmpty()) {
            log.info("TAXII collection {}: {} object(s) published", collectionId, rows.size());
        }
    }

    private static Object[] row(UUID collectionId, ObjectNode object, Instant added, Instant version, String digest, boolean revoked) {
        return new Object[] {collectionId, object.get("id").asString(), object.get("type").asString(), Timestamp.from(added),
                Timestamp.from(version), digest, revoked, object.toString()};
    }

    /** A STIX object's version: its modified, or created for objects that are never modified (marking definitions). */
    private static Instant version(JsonNode object) {
        return Instant.parse(object.has("modified") ? object.get("modified").asString() : object.get("created").asString());
    }

    private static Instant later(Instant now, Instant previous) {
        return now.isAfter(previous) ? now : previous.plusMillis(1);
    }

    /** The content of an object apart from its version. */
    private static String digest(ObjectNode object) {
        ObjectNode content = object.deepCopy();
        content.remove("modified");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
