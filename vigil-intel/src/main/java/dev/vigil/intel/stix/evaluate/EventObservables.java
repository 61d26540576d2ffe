package dev.vigil.intel.stix.evaluate;

import dev.vigil.intel.canonical.HexDigests;
import dev.vigil.intel.canonical.Ipv4;
import dev.vigil.intel.canonical.Ipv6;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The STIX cyber-observable objects a flat SOC event stands for, as nested maps keyed by STIX property names, so that
 * object paths such as {@code network-traffic:dst_ref.value} or {@code file:hashes.'SHA-256'} can be walked. Field
 * names follow the matching corpus layout: {@code src_ip}, {@code dst_ip}, {@code src_port}, {@code dst_port},
 * {@code protocol}, {@code dns_query}, {@code http_url}, {@code file_hash}, {@code email_from}. References
 * ({@code *_ref}) are embedded objects.
 */
public final class EventObservables {

    /** Object types this view can produce; patterns on other types are not evaluable against an event. */
    public static final Set<String> OBSERVED_TYPES = Set.of("ipv4-addr", "ipv6-addr", "domain-name", "url", "file",
            "email-addr", "email-message", "network-traffic");

    private final Map<String, List<Map<String, Object>>> objectsByType = new HashMap<>();

    private EventObservables() {
    }

    public static EventObservables fromFields(Map<String, ?> fields) {
        EventObservables observables = new EventObservables();
        Map<String, Object> source = observables.address(text(fields, "src_ip"));
        Map<String, Object> destination = observables.address(text(fields, "dst_ip"));
        Map<String, Object> traffic = new HashMap<>();
        if (source != null) {
            traffic.put("src_ref", source);
        }
        if (destination != null) {
            traffic.put("dst_ref", destination);
        }
        putPort(traffic, "src_port", fields.get("src_port"));
        putPort(traffic, "dst_port", fields.get("dst_port"));
        String protocol = text(fields, "protocol");
        if (protocol != null) {
            traffic.put("protocols", List.of(protocol.toLowerCase(java.util.Locale.ROOT)));
        }
        if (!traffic.isEmpty()) {
            observables.add("network-traffic", traffic);
        }
        String query = text(fields, "dns_query");
        if (query != null) {
            observables.add("domain-name", Map.of("value", query));
        }
        String url = text(fields, "http_url");
        if (url != null) {
            observables.add("url", Map.of("value", url));
        }
        String hash = text(fields, "file_hash");
        if (hash != null && HexDigests.canonicalize(hash) != null) {
            String algorithm = switch (hash.strip().length()) {
                case 32 -> "MD5";
                case 40 -> "SHA-1";
                default -> "SHA-256";
            };
            observables.add("file", Map.of("hashes", Map.of(algorithm, hash.strip())));
        }
        String from = text(fields, "email_from");
        if (from != null) {
            Map<String, Object> address = Map.of("value", from);
            observables.add("email-addr", address);
            observables.add("email-message", Map.of("from_ref", address));
        }
        return observables;
    }

    /** The objects of one type in this event (empty when none). */
    public List<Map<String, Object>> objects(String type) {
        return objectsByType.getOrDefault(type, List.of());
    }

    private Map<String, Object> address(String text) {
        if (text == null) {
            return null;
        }
        String type = Ipv4.parse(text.strip()) != Ipv4.INVALID ? "ipv4-addr"
                : Ipv6.parse(text.strip()) != null ? "ipv6-addr" : null;
        if (type == null) {
            return null;
        }
        Map<String, Object> address = Map.of("type", type, "value", text.strip());
        add(type, address);
        return address;
    }

    private void add(String type, Map<String, Object> object) {
        objectsByType.computeIfAbsent(type, t -> new ArrayList<>()).add(object);
    }

    private static void putPort(Map<String, Object> traffic, String name, Object value) {
        if (value instanceof Number number) {
            traffic.put(name, number.longValue());
        } else if (value instanceof String text && !text.isBlank()) {
            try {
                traffic.put(name, Long.parseLong(text.strip()));
            } catch (NumberFormatException e) {
                // not a port; the property is simply absent
            }
        }
    }

    private static String text(Map<String, ?> fields, String name) {
        return fields.get(name) instanceof String text && !text.isBlank() ? text : null;
    }
}
