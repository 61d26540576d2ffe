package dev.vigil.intel.match;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which event fields are looked up as which kind of observable. The default covers the flat event layout of the
 * matching corpus ({@code dst_ip}, {@code dns_query}, {@code http_url}, {@code file_hash}, {@code email_from});
 * {@code src_ip} is deliberately not matched by default (it is the internal side of the traffic in that layout).
 */
public record EventFieldMapping(Map<String, ObservableKind> fields) {

    public EventFieldMapping {
        fields = Map.copyOf(fields);
    }

    public static EventFieldMapping defaults() {
        Map<String, ObservableKind> fields = new LinkedHashMap<>();
        fields.put("dst_ip", ObservableKind.IP_ADDRESS);
        fields.put("dns_query", ObservableKind.DOMAIN);
        fields.put("http_url", ObservableKind.URL);
        fields.put("file_hash", ObservableKind.FILE_HASH);
        fields.put("email_from", ObservableKind.EMAIL);
        return new EventFieldMapping(fields);
    }
}
