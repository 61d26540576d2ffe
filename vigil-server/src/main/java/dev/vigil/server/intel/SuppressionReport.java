package dev.vigil.server.intel;

import java.util.List;

/** How many indicators the allowlist suppresses in the live matcher, and the first of them. */
public record SuppressionReport(int total, List<SuppressedIndicator> indicators) {

    public SuppressionReport {
        indicators = List.copyOf(indicators);
    }
}
