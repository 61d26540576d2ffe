package dev.vigil.intel.match;

/** How an event value matched an indicator; the labels are the ones printed by {@code vigil intel match}. */
public enum MatchKind {
    IP_EXACT("ip-exact"),
    IP_IN_CIDR("ip-in-cidr"),
    DOMAIN_EXACT("domain-exact"),
    DOMAIN_SUBDOMAIN("domain-subdomain"),
    URL_NORMALIZED("url-normalized"),
    HASH("hash"),
    EMAIL("email");

    private final String label;

    MatchKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
