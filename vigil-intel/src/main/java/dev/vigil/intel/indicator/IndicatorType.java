package dev.vigil.intel.indicator;

import java.util.Locale;
import java.util.Optional;

/** The kinds of indicator value the matcher indexes, named as in the {@code iocs.csv} feed layout. */
public enum IndicatorType {
    IPV4("ipv4"),
    IPV4_CIDR("ipv4-cidr"),
    IPV6("ipv6"),
    IPV6_CIDR("ipv6-cidr"),
    DOMAIN("domain"),
    URL("url"),
    MD5("md5"),
    SHA1("sha1"),
    SHA256("sha256"),
    EMAIL("email");

    private final String label;

    IndicatorType(String label) {
        this.label = label;
    }

    /** The name used in feeds and on the command line. */
    public String label() {
        return label;
    }

    /** Reads a feed type name; accepts the labels above and a few common spellings (sha-256, hostname, ...). */
    public static Optional<IndicatorType> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (IndicatorType type : values()) {
            if (type.label.equals(normalized)) {
                return Optional.of(type);
            }
        }
        return switch (normalized) {
            case "ip", "ip-addr", "ipv4-addr", "ip-dst", "ip-src" -> Optional.of(IPV4);
            case "ipv6-addr" -> Optional.of(IPV6);
            case "cidr", "ip-cidr", "ipv4-net" -> Optional.of(IPV4_CIDR);
            case "ipv6-net" -> Optional.of(IPV6_CIDR);
            case "hostname", "fqdn", "domain-name" -> Optional.of(DOMAIN);
            case "uri", "link" -> Optional.of(URL);
            case "md5-hash" -> Optional.of(MD5);
            case "sha-1", "sha1-hash" -> Optional.of(SHA1);
            case "sha-256", "sha256-hash" -> Optional.of(SHA256);
            case "email-addr", "email-src", "email-dst", "mail" -> Optional.of(EMAIL);
            default -> Optional.empty();
        };
    }
}
