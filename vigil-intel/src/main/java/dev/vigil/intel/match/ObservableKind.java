package dev.vigil.intel.match;

/** What an event field holds, which decides the indicator tables it is looked up in. */
public enum ObservableKind {
    IP_ADDRESS,
    DOMAIN,
    URL,
    FILE_HASH,
    EMAIL
}
