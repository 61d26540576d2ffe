package dev.vigil.detect.sigma.rule;

import java.util.Map;

/** The {@code logsource} of a rule; absent keys are null. Custom keys are kept in {@code other}. */
public record LogSource(String product, String category, String service, String definition, Map<String, String> other) {

    public LogSource {
        other = Map.copyOf(other);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (product != null) {
            sb.append("product=").append(product);
        }
        if (category != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("category=").append(category);
        }
        if (service != null) {
            sb.append(sb.isEmpty() ? "" : " ").append("service=").append(service);
        }
        return sb.toString();
    }
}
