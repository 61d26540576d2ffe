package dev.vigil.detect.baseline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * New terms: reports the first value of a field for an entity within a look-back window (a user signing in from a
 * network never seen for them, a host running a process it never ran). Per entity it keeps each term with the time it
 * was last seen; terms older than the look-back are forgotten.
 *
 * <p>Memory: at most {@code maxEntities × maxTermsPerEntity} terms. A full entity forgets its least recently seen term
 * (which would be reported again if it came back); a full detector forgets its least recently active entity (which then
 * warms up again).
 */
public final class NewTermsDetector implements BaselineDetector {

    private final NewTermsConfig config;
    private final long lookback;
    private final long warmup;
    private LruMap<String, Entity> entities;

    private static final class Entity {
        long firstSeen;
        long events;
        long newTermEvents;
        /** term to last time seen, least recently seen first */
        final LruMap<String, Long> terms;

        Entity(int maxTerms) {
            terms = new LruMap<>(maxTerms);
        }
    }

    public NewTermsDetector(NewTermsConfig config) {
        this.config = config;
        this.lookback = config.lookback().toMillis();
        this.warmup = config.warmup().toMillis();
        this.entities = new LruMap<>(config.maxEntities());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String kind() {
        return "new_terms";
    }

    @Override
    public int entityCount() {
        return entities.size();
    }

    @Override
    public List<Finding> observe(BaselineEvent event) {
        String key = EntityKeys.of(event, config.entityFields());
        String raw = event.field(config.termField());
        if (key == null || raw == null || raw.isEmpty()) {
            return List.of();
        }
        String term = config.transform().apply(raw);
        long now = event.timestamp().toEpochMilli();
        Entity entity = entities.get(key);
        if (entity == null) {
            entity = new Entity(config.maxTermsPerEntity());
            entity.firstSeen = now;
            entities.put(key, entity);
        }
        forgetOldTerms(entity, now);
        Long lastSeen = entity.terms.get(term);
        List<Finding> findings = List.of();
        if (lastSeen == null) {
            boolean warm = now - entity.firstSeen >= warmup && entity.events >= config.warmupEvents();
            double noveltyRate = entity.events == 0 ? 1 : (double) entity.newTermEvents / entity.events;
            if (warm && noveltyRate <= config.maxNoveltyRate()) {
                findings = List.of(finding(key, entity, event.timestamp(), raw, term, noveltyRate));
            }
            entity.newTermEvents++;
        }
        entity.terms.put(term, Math.max(now, lastSeen == null ? now : lastSeen));
        entity.events++;
        return findings;
    }

    private void forgetOldTerms(Entity entity, long now) {
        Iterator<Map.Entry<String, Long>> oldest = entity.terms.entrySet().iterator();
        while (oldest.hasNext()) {
            if (oldest.next().getValue() >= now - lookback) {
                break;
            }
            oldest.remove();
        }
    }

    private Finding finding(String key, Entity entity, Instant time, String raw, String term, double noveltyRate) {
        List<String> known = new ArrayList<>(entity.terms.keySet()).reversed();
        String expected = "one of " + known.size() + " known " + config.termField() + " terms: "
                + String.join(", ", known.subList(0, Math.min(5, known.size()))) + (known.size() > 5 ? ", ..." : "");
        String seen = term.equals(raw) ? term : term + " (" + raw + ")";
        Instant since = Instant.ofEpochMilli(entity.firstSeen);
        String explanation = key + ": first " + config.termField() + " " + seen + " in " + config.lookback().toDays()
                + " days; expected " + expected + " (learned since " + since + " from " + entity.events
                + " events, novelty rate " + String.format(java.util.Locale.ROOT, "%.2f", noveltyRate) + ")";
        return new Finding(config.name(), key, time, config.termField(), seen, expected, since, 1.0, explanation);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeInt(entities.size());
        for (Map.Entry<String, Entity> e : entities.entrySet()) {
            Entity entity = e.getValue();
            out.writeUTF(e.getKey());
            out.writeLong(entity.firstSeen);
            out.writeLong(entity.events);
            out.writeLong(entity.newTermEvents);
            out.writeInt(entity.terms.size());
            for (Map.Entry<String, Long> term : entity.terms.entrySet()) {
                out.writeUTF(term.getKey());
                out.writeLong(term.getValue());
            }
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        LruMap<String, Entity> restored = new LruMap<>(config.maxEntities());
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            Entity entity = new Entity(config.maxTermsPerEntity());
            entity.firstSeen = in.readLong();
            entity.events = in.readLong();
            entity.newTermEvents = in.readLong();
            int terms = in.readInt();
            for (int t = 0; t < terms; t++) {
                entity.terms.put(in.readUTF(), in.readLong());
            }
            restored.put(key, entity);
        }
        entities = restored;
    }
}
