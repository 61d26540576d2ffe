package dev.vigil.intel.stix.share;

import java.util.Locale;
import java.util.Optional;

/**
 * Writes the STIX 2.1 pattern that stands for one observable value: one comparison on the property a SOC matches
 * ({@code ipv4-addr:value}, {@code file:hashes.'SHA-256'}, ...), the value quoted as a STIX string literal.
 */
public final class StixPatterns {

    private StixPatterns() {
    }

    /**
     * The pattern of a value of {@code kind}: an indicator type label ({@code ipv4}, {@code ipv4-cidr}, {@code ipv6},
     * {@code ipv6-cidr}, {@code domain}, {@code url}, {@code md5}, {@code sha1}, {@code sha256}, {@code email}) or
     * {@code sha512}; empty for a kind STIX indicators do not express this way.
     */
    public static Optional<String> of(String kind, String value) {
        String path = switch (kind.toLowerCase(Locale.ROOT)) {
            case "ipv4", "ipv4-cidr" -> "ipv4-addr:value";
            case "ipv6", "ipv6-cidr" -> "ipv6-addr:value";
            case "domain" -> "domain-name:value";
            case "url" -> "url:value";
            case "email" -> "email-addr:value";
            case "md5" -> "file:hashes.MD5";
            case "sha1" -> "file:hashes.'SHA-1'";
            case "sha256" -> "file:hashes.'SHA-256'";
            case "sha512" -> "file:hashes.'SHA-512'";
            default -> null;
        };
        return path == null ? Optional.empty() : Optional.of("[" + path + " = " + literal(value) + "]");
    }

    /** A STIX string literal: single quotes, with quote and backslash escaped. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
