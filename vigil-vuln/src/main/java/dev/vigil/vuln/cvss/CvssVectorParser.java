package dev.vigil.vuln.cvss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Splits a vector string into its metrics and validates them strictly against a metric set: the prefix, every
 * component's {@code KEY:VALUE} shape, unknown metrics, duplicates, values outside the allowed set and missing
 * mandatory metrics are all rejected with a reason. Metric order is not enforced, because real CVE records carry
 * reordered vectors that the reference calculators accept.
 */
final class CvssVectorParser {

    private final String prefix;
    private final Map<String, MetricDefinition> definitions;

    CvssVectorParser(String prefix, List<MetricDefinition> definitions) {
        this.prefix = prefix;
        this.definitions = new LinkedHashMap<>();
        definitions.forEach(d -> this.definitions.put(d.key(), d));
    }

    /** The metrics present in the vector, keyed by abbreviation; absent optional metrics are not included. */
    Map<String, String> parse(String vector) {
        if (!vector.startsWith(prefix)) {
            throw new InvalidCvssVectorException(vector, "must start with '" + prefix + "'");
        }
        String body = vector.substring(prefix.length());
        if (body.isEmpty()) {
            throw new InvalidCvssVectorException(vector, "no metrics after the prefix");
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        String[] parts = body.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                throw new InvalidCvssVectorException(vector, "empty metric at position " + (i + 1)
                        + (i == parts.length - 1 ? " (trailing '/')" : ""));
            }
            int colon = part.indexOf(':');
            if (colon <= 0 || colon == part.length() - 1 || part.indexOf(':', colon + 1) >= 0) {
                throw new InvalidCvssVectorException(vector, "malformed metric '" + part + "' (expected KEY:VALUE)");
            }
            String key = part.substring(0, colon);
            String value = part.substring(colon + 1);
            MetricDefinition definition = definitions.get(key);
            if (definition == null) {
                throw new InvalidCvssVectorException(vector, "unknown metric '" + key + "'");
            }
            if (metrics.containsKey(key)) {
                throw new InvalidCvssVectorException(vector, "duplicate metric '" + key + "'");
            }
            if (!definition.values().contains(value)) {
                throw new InvalidCvssVectorException(vector, "invalid value '" + value + "' for metric " + key
                        + " (allowed: " + String.join(", ", definition.values()) + ")");
            }
            metrics.put(key, value);
        }
        List<String> missing = new ArrayList<>();
        for (MetricDefinition definition : definitions.values()) {
            if (definition.mandatory() && !metrics.containsKey(definition.key())) {
                missing.add(definition.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidCvssVectorException(vector, "missing mandatory metric" + (missing.size() > 1 ? "s " : " ")
                    + missing.stream().collect(Collectors.joining(", ")));
        }
        return metrics;
    }
}
