package dev.vigil.vuln.cvss;

import java.util.List;

/** One metric of a CVSS vector: its abbreviation, the values it may take and whether it must be present. */
record MetricDefinition(String key, List<String> values, boolean mandatory) {

    static MetricDefinition mandatory(String key, String... values) {
        return new MetricDefinition(key, List.of(values), true);
    }

    static MetricDefinition optional(String key, String... values) {
        return new MetricDefinition(key, List.of(values), false);
    }
}
