package dev.vigil.server.monitoring;

import java.util.Map;

/**
 * A requested monitor change as the API receives it: the definition (already parsed from JSON or YAML), why, and
 * whether it is an emergency (applies at once, reviewed afterwards).
 */
public record MonitorRequest(Map<String, Object> definition, String reason, boolean emergency) {

    /** A request from a definition written as YAML (the console's editor); 400 naming the problem when it does not parse. */
    public static MonitorRequest fromYaml(String yaml, String reason, boolean emergency) {
        return new MonitorRequest(dev.vigil.server.monitoring.internal.MonitorDefinitions.parseText(yaml, false), reason, emergency);
    }
}
