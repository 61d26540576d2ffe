package dev.vigil.server.ingest;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How events reach an input: the syslog listeners, or HTTP (NDJSON, JSON, Elasticsearch-compatible _bulk). */
public enum InputType {
    SYSLOG, HTTP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InputType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
    }
}
