package dev.vigil.detect.baseline;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rarity: reports a value whose share of the entity's history is below a threshold (a user who signs in from one
 * network a hundred times and from another once). The history is exponentially weighted: an event at time t weighs
 * {@code 2^((t - base) / halfLife)} relative to the entity's base time, so a share is a ratio of weights and decay costs
 * nothing per event; the base moves forward before the weights could overflow. A value never seen has share 0 and is
 * rare too.
 *
 * <p>Memory: at most {@code maxEntities × maxValuesPerEntity} values. A full entity forgets the value with the least
 * weight; a full detector forgets its least recently active entity.
 */
public final class RarityDetector implements BaselineDetector {

    /** rebase well before 2^1000 would overflow a double */
    private static final double MAX_EXPONENT = 500;

    private final RarityConfig config;
    private final double halfLifeMillis;
    private LruMap<String, Entity> entities;

    private static final class Entity {
        long firstSeen;
        long events;
        long base;
        double total;
        final Map<String, Double> weights = new HashMap<>();
    }

    public RarityDetector(RarityConfig config) {
        this.config = config;
        this.halfLifeMillis = config.halfLife().toMillis();
        this.entities = new LruMap<>(config.maxEntities());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public String kind() {
        return "rarity";
    }

    @Override
    public int entityCount() {
        return entities.size();
    }

    @Override
    public List<Finding> observe(BaselineEvent event) {
        String key = EntityKeys.of(event, config.entityFields());
        String raw = event.field(config.valueField());
        if (key == null || raw == null || raw.isEmpty()) {
            return List.of();
        }
        String value = config.transform().apply(raw);
        long now = event.timestamp().toEpochMilli();
        Entity entity = entities.get(key);
        if (entity == null) {
            entity = new Entity();
            entity.firstSeen = now;
            entity.base = now;
            entities.put(key, entity);
        }
        double exponent = (now - entity.base) / halfLifeMillis;
        if (exponent > MAX_EXPONENT) {
            rebase(entity, now);
            exponent = 0;
        }
        double share = entity.total == 0 ? 0 : entity.weights.getOrDefault(value, 0.0) / entity.total;
        List<Finding> findings = List.of();
        if (entity.events >= config.warmupEvents() && share < config.threshold()) {
            findings = List.of(finding(key, entity, event.timestamp(), raw, value, share));
        }
        // an event earlier than the base (late arrival) weighs less, as it should
        double weight = Math.pow(2, exponent);
        entity.weights.merge(value, weight, Double::sum);
        entity.total += weight;
        entity.events++;
        if (entity.weights.size() > config.maxValuesPerEntity()) {
            forgetLightest(entity);
        }
        return findings;
    }

    private void rebase(Entity entity, long now) {
        double factor = Math.pow(2, -(now - entity.base) / halfLifeMillis);
        entity.weights.replaceAll((v, w) -> w * factor);
        entity.total *= factor;
        entity.base = now;
    }

    private static void forgetLightest(Entity entity) {
        String lightest = null;
        double least = Double.MAX_VALUE;
        for (Map.Entry<String, Double> e : entity.weights.entrySet()) {
            if (e.getValue() < least) {
                least = e.getValue();
                lightest = e.getKey();
            }
        }
        entity.total -= entity.weights.remove(lightest);
    }

    private Finding finding(String key, Entity entity, Instant time, String raw, String value, double share) {
        Map.Entry<String, Double> usual = null;
        for (Map.Entry<String, Double> e : entity.weights.entrySet()) {
            if (usual == null || e.getValue() > usual.getValue()) {
                usual = e;
            }
        }
        String expected = String.format(Locale.ROOT, "a %s with share >= %.3f; most usual %s (%.3f)",
                config.valueField(), config.threshold(), usual.getKey(), usual.getValue() / entity.total);
        String seen = (value.equals(raw) ? value : value + " (" + raw + ")")
                + String.format(Locale.ROOT, " with share %.4f", share);
        Instant since = Instant.ofEpochMilli(entity.firstSeen);
        String explanation = key + ": " + config.valueField() + " " + seen + " of " + entity.events
                + " weighted events since " + since + "; expected " + expected;
        return new Finding(config.name(), key, time, config.valueField(), seen, expected, since, 1 - share,
                explanation);
    }

    @Override
    public void writeState(DataOutputStream out) throws IOException {
        out.writeInt(entities.size());
        for (Map.Entry<String, Entity> e : entities.entrySet()) {
            Entity entity = e.getValue();
            out.writeUTF(e.getKey());
            out.writeLong(entity.firstSeen);
            out.writeLong(entity.events);
            out.writeLong(entity.base);
            out.writeDouble(entity.total);
            out.writeInt(entity.weights.size());
            for (Map.Entry<String, Double> w : entity.weights.entrySet()) {
                out.writeUTF(w.getKey());
                out.writeDouble(w.getValue());
            }
        }
    }

    @Override
    public void readState(DataInputStream in) throws IOException {
        LruMap<String, Entity> restored = new LruMap<>(config.maxEntities());
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String key = in.readUTF();
            Entity entity = new Entity();
            entity.firstSeen = in.readLong();
            entity.events = in.readLong();
            entity.base = in.readLong();
            entity.total = in.readDouble();
            int values = in.readInt();
            for (int v = 0; v < values; v++) {
                String value = in.readUTF();
                double weight = in.readDouble();
                entity.weights.put(value, weight);
            }
            restored.put(key, entity);
        }
        entities = restored;
    }

    /** For tests: the entity's values' shares, to compare a restored detector with the original. */
    Map<String, Double> shares(String entityKey) {
        Entity entity = entities.get(entityKey);
        Map<String, Double> shares = new HashMap<>();
        if (entity != null) {
            entity.weights.forEach((value, weight) -> shares.put(value, weight / entity.total));
        }
        return shares;
    }
}
