package dev.vigil.intel.allowlist;

/**
 * A value indicators must not flood alerts for: an IPv4/IPv6 address or network, or a domain ({@code subdomains}:
 * names below it too). {@code note} says what it is (a resolver, a CDN, our mail relays).
 */
public record AllowlistEntry(String value, boolean subdomains, String note) {

    public AllowlistEntry {
        value = value == null ? "" : value.strip();
        note = note == null ? "" : note;
    }
}
