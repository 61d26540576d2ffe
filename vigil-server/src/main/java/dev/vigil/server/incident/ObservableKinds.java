package dev.vigil.server.incident;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The kinds of observable, how a value of each is checked and normalised, and which alert entities they come from. */
final class ObservableKinds {

    static final List<String> KINDS = List.of("ip", "domain", "url", "hash", "user", "host", "email");

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final Pattern URL = Pattern.compile("(?i)(https?|ftp)://\\S{1,2000}");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[a-z0-9.-]{1,253}");

    private ObservableKinds() {
    }

    /** The value as stored, or IllegalArgumentException saying what a value of the kind looks like. */
    static String normalise(String kind, String raw) {
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("kind must be one of " + String.join(", ", KINDS));
        }
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty() || value.length() > 2048) {
            throw new IllegalArgumentException("value is required (at most 2048 characters)");
        }
        String lower = value.toLowerCase(Locale.ROOT);
        boolean ok = switch (kind) {
            case "ip" -> IPV4.matcher(lower).matches() || lower.contains(":") && IPV6.matcher(lower).matches();
            case "domain" -> DOMAIN.matcher(lower).matches();
            case "url" -> URL.matcher(value).matches();
            case "hash" -> HASH.matcher(lower).matches();
            case "email" -> EMAIL.matcher(lower).matches();
            default -> value.length() <= 256;
        };
        if (!ok) {
            throw new IllegalArgumentException("'" + value + "' is not " + switch (kind) {
                case "ip" -> "an IPv4 or IPv6 address";
                case "domain" -> "a domain name";
                case "url" -> "an http(s) or ftp URL";
                case "hash" -> "an MD5, SHA-1, SHA-256 or SHA-512 hash in hex";
                case "email" -> "an e-mail address";
                default -> "a " + kind + " name of at most 256 characters";
            });
        }
        return kind.equals("url") || kind.equals("user") || kind.equals("host") ? value : lower;
    }

    /** The observable kind an alert entity names ({@code source.ip} → ip, {@code host.name} → host), if any. */
    static Optional<String> ofEntity(String entity) {
        String name = entity.toLowerCase(Locale.ROOT);
        if (name.endsWith(".ip") || name.equals("ip")) {
            return Optional.of("ip");
        }
        if (name.startsWith("host.") || name.equals("hostname")) {
            return Optional.of("host");
        }
        if (name.startsWith("user.") && !name.contains("email")) {
            return Optional.of("user");
        }
        if (name.contains("email")) {
            return Optional.of("email");
        }
        if (name.endsWith(".domain") || name.startsWith("dns.")) {
            return Optional.of("domain");
        }
        if (name.startsWith("url.")) {
            return Optional.of("url");
        }
        if (name.contains("hash") || name.endsWith(".sha256") || name.endsWith(".md5") || name.endsWith(".sha1")) {
            return Optional.of("hash");
        }
        return Optional.empty();
    }
}
