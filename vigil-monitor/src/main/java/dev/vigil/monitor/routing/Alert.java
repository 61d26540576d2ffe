package dev.vigil.monitor.routing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An alert as the notification scheduler sees it: identity (fingerprint), labels, when it started and, once known,
 * when it ends. It counts as resolved at {@code now} when {@code endsAt} is set and not after {@code now}.
 */
public record Alert(String fingerprint, Map<String, String> labels, Instant startsAt, Instant endsAt) {

    public Alert {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(startsAt, "startsAt");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** A firing alert whose fingerprint is computed from its labels. */
    public static Alert firing(Map<String, String> labels, Instant startsAt) {
        return new Alert(fingerprintOf(labels), labels, startsAt, null);
    }

    /** The same alert, resolved at {@code endsAt}. */
    public Alert resolvedAt(Instant endsAt) {
        return new Alert(fingerprint, labels, startsAt, endsAt);
    }

    public boolean isResolved(Instant now) {
        return endsAt != null && !endsAt.isAfter(now);
    }

    /**
     * Prometheus' label-set fingerprint (FNV-1a 64 over the sorted names and values, each followed by byte 0xff),
     * as 16 hex digits, so fingerprints agree with Alertmanager's.
     */
    public static String fingerprintOf(Map<String, String> labels) {
        long hash = 0xcbf29ce484222325L;
        for (Map.Entry<String, String> e : new TreeMap<>(labels).entrySet()) {
            hash = fnv(fnv(hash, e.getKey()), e.getValue());
        }
        return String.format("%016x", hash);
    }

    private static long fnv(long hash, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        hash ^= 0xff;
        return hash * 0x100000001b3L;
    }
}
