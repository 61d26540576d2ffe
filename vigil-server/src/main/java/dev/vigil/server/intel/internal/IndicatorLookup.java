package dev.vigil.server.intel.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.vigil.events.Event;
import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.intel.match.IndicatorMatch;
import dev.vigil.intel.match.InvalidIndicatorException;
import dev.vigil.intel.match.ObservableKind;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looking events up in an indicator index: the fields that carry addresses, names, URLs, hashes and e-mail addresses
 * (the normalized names of docs/EVENT-SCHEMA.md and the originals of Sysmon and Suricata), and loading stored indicators.
 */
public final class IndicatorLookup {

    static final Map<String, ObservableKind> FIELDS;

    static {
        Map<String, ObservableKind> fields = new LinkedHashMap<>();
        for (String ip : new String[] {"source.ip", "destination.ip", "SourceIp", "DestinationIp", "IpAddress"}) {
            fields.put(ip, ObservableKind.IP_ADDRESS);
        }
        for (String domain : new String[] {"dns.question.name", "url.domain", "source.domain", "destination.domain",
                "QueryName", "DestinationHostname", "http.hostname", "tls.sni"}) {
            fields.put(domain, ObservableKind.DOMAIN);
        }
        fields.put("url.original", ObservableKind.URL);
        for (String hash : new String[] {"process.hash.md5", "process.hash.sha1", "process.hash.sha256", "file.hash.md5",
                "file.hash.sha1", "file.hash.sha256", "fileinfo.md5", "fileinfo.sha1", "fileinfo.sha256"}) {
            fields.put(hash, ObservableKind.FILE_HASH);
        }
        for (String email : new String[] {"email.from.address", "email.to.address", "user.email"}) {
            fields.put(email, ObservableKind.EMAIL);
        }
        FIELDS = Map.copyOf(fields);
    }

    private IndicatorLookup() {
    }

    /** One indicator found in one field of an event. */
    public record FieldMatch(String field, String value, IndicatorMatch match) {

        public String describe() {
            return field + "=" + value + " matched " + match.indicator().type().label() + " indicator " + match.indicator().value()
                    + " (" + match.kind().label() + ")";
        }
    }

    /** Every indicator of the index that a field of the event matches, live at the event's time. */
    public static List<FieldMatch> matches(IndicatorIndex index, Event event) {
        List<FieldMatch> found = new ArrayList<>(0);
        List<IndicatorMatch> scratch = new ArrayList<>(2);
        for (Map.Entry<String, ObservableKind> field : FIELDS.entrySet()) {
            if (event.fields().get(field.getKey()) instanceof String text) {
                scratch.clear();
                index.match(field.getValue(), text, event.timestamp(), scratch);
                for (IndicatorMatch match : scratch) {
                    found.add(new FieldMatch(field.getKey(), text, match));
                }
            }
        }
        return found;
    }

    /**
     * Adds the stored indicators that the SQL condition on {@code i} (intel_indicator) and {@code f} (intel_feed)
     * selects and {@code admit} lets through, leaving out values with an analyst's verdict (false positive, revoked);
     * returns how many could not be indexed. Indicator ids are {@code <feed id>|<ref>}.
     */
    public static int load(JdbcClient jdbc, String condition, List<Object> params, IndicatorIndex.Builder builder,
            Predicate<Indicator> admit) {
        int[] invalid = {0};
        jdbc.sql("""
                SELECT i.feed_id, i.ref, i.type, i.value, i.confidence, i.first_seen, i.last_seen, i.valid_until, f.name
                FROM intel_indicator i JOIN intel_feed f ON f.id = i.feed_id
                WHERE NOT EXISTS (SELECT 1 FROM intel_verdict v WHERE v.value_key = lower(i.value))""" + " AND " + condition)
                .params(params).query(rs -> {
            IndicatorType type = IndicatorType.fromLabel(rs.getString(3)).orElse(null);
            if (type == null) {
                invalid[0]++;
                return;
            }
            try {
                Indicator indicator = new Indicator(rs.getString(1) + "|" + rs.getString(2), type, rs.getString(4), rs.getString(9),
                        rs.getInt(5), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)));
                if (admit.test(indicator)) {
                    builder.add(indicator);
                }
            } catch (InvalidIndicatorException e) {
                invalid[0]++;
            }
        });
        return invalid[0];
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
