package dev.vigil.detect.baseline.eval;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.detect.baseline.BaselineEvent;

/**
 * One event of the evaluation: an sshd login attempt read from the corpus, a synthetic file transfer, or an injected
 * attack event.
 *
 * @param kind     what happened
 * @param host     the server (logins) or the workstation (transfers)
 * @param user     the account
 * @param src      the source address (logins only)
 * @param bytes    bytes sent (transfers only), else -1
 * @param scenario the injected scenario this event belongs to, null for background
 * @param instance the injected attack instance within its scenario, -1 for background
 */
public record AuthEvent(Instant timestamp, Kind kind, String host, String user, String src, long bytes,
                        String scenario, int instance) implements BaselineEvent {

    public enum Kind { LOGIN_FAILED, LOGIN_ACCEPTED, TRANSFER }

    public boolean injected() {
        return instance >= 0;
    }

    @Override
    public String field(String name) {
        return switch (name) {
            case "host" -> host;
            case "user" -> user;
            case "src" -> src;
            case "event" -> kind == Kind.TRANSFER ? "transfer" : "ssh_login";
            case "outcome" -> kind == Kind.LOGIN_FAILED ? "failure" : kind == Kind.LOGIN_ACCEPTED ? "success" : null;
            case "bytes" -> bytes < 0 ? null : Long.toString(bytes);
            case "@timestamp" -> timestamp.toString();
            default -> null;
        };
    }

    /** The event as flat fields for the Sigma rules of the evaluation. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (String name : new String[] {"@timestamp", "event", "outcome", "host", "user", "src"}) {
            String value = field(name);
            if (value != null) {
                map.put(name, value);
            }
        }
        if (bytes >= 0) {
            map.put("bytes", bytes);
        }
        return map;
    }
}
