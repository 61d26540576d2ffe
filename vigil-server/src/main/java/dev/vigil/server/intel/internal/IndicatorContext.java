package dev.vigil.server.intel.internal;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an intel alert says beyond the match: the indicator's description from its feed, the other enabled feeds
 * that hold the same value (each source is kept, so an analyst sees who else reports it and how confident they are),
 * and the ATT&CK techniques the feeds relate the value to.
 */
@Component
public class IndicatorContext {

    static final int MAX_OTHER_FEEDS = 20;

    private final JdbcClient jdbc;

    IndicatorContext(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The entity an intel alert names its techniques in (ECS {@code threat.technique.id}; comma-separated ids). */
    public static final String TECHNIQUES_ENTITY = "threat.technique.id";

    /** The techniques every enabled feed holding the value relates it to, each once, in id order. */
    public List<String> techniques(String value) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        jdbc.sql("""
                SELECT DISTINCT i.techniques FROM intel_indicator i JOIN intel_feed f ON f.id = i.feed_id
                WHERE lower(i.value) = lower(?) AND f.enabled AND i.techniques <> ''""").param(value).query(String.class).list()
                .forEach(list -> ids.addAll(List.of(list.split(","))));
        return List.copyOf(ids);
    }

    /** The alert's entities with its techniques added, and its explanation saying them. */
    public void addTechniques(String value, java.util.Map<String, String> entities, StringBuilder explanation) {
        List<String> techniques = techniques(value);
        if (!techniques.isEmpty()) {
            entities.put(TECHNIQUES_ENTITY, String.join(",", techniques));
            explanation.append("; ATT&CK techniques: ").append(String.join(", ", techniques));
        }
    }

    /** Text to append to the alert's explanation; empty when there is nothing more to say. */
    public String describe(String feedId, String ref, String value) {
        UUID feed = UUID.fromString(feedId);
        String description = jdbc.sql("SELECT description FROM intel_indicator WHERE feed_id = ? AND ref = ?").params(feed, ref)
                .query(String.class).optional().orElse("");
        List<String> others = jdbc.sql("""
                SELECT f.name || ' (confidence ' || i.confidence || ', TLP:' || upper(f.tlp) || ')'
                FROM intel_indicator i JOIN intel_feed f ON f.id = i.feed_id
                WHERE lower(i.value) = lower(?) AND f.enabled AND f.id <> ? ORDER BY i.confidence DESC, f.name LIMIT ?""")
                .params(value, feed, MAX_OTHER_FEEDS).query(String.class).list();
        StringBuilder text = new StringBuilder();
        if (!description.isBlank()) {
            text.append("; described as: ").append(description);
        }
        if (!others.isEmpty()) {
            text.append("; also in feeds: ").append(String.join(", ", others));
        }
        return text.toString();
    }
}
