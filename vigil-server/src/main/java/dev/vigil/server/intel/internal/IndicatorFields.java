package dev.vigil.server.intel.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.intel.match.ObservableKind;

/**
 * The event fields looked up in the indicator tables: the normalized names (docs/EVENT-SCHEMA.md) and the original
 * names of Sysmon and Suricata that carry addresses, names, URLs and hashes.
 */
final class IndicatorFields {

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

    private IndicatorFields() {
    }
}
