package dev.vigil.server.monitoring;

import java.util.Map;

/**
 * A requested monitor change as the API receives it: the definition (already parsed from JSON or YAML), why, and
 * whether it is an emergency (applies at once, reviewed afterwards).
 */
public record MonitorRequest(Map<String, Object> definition, String reason, boolean emergency) {
}
