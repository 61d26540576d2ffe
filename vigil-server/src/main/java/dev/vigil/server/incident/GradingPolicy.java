package dev.vigil.server.incident;

import java.util.List;

import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.stereotype.Component;

/**
 * Proposes a level from impact scope × asset criticality × data sensitivity × ongoing: each factor is rated 1-4, the
 * score is their weighted sum (plus a weight while the incident goes on), and the configured thresholds cut it into
 * levels I-IV ({@code vigil.incident.grading-*}).
 */
@Component
public class GradingPolicy {

    public static final List<String> SCOPES = List.of("single", "multiple", "business-unit", "organisation");
    public static final List<String> CRITICALITIES = List.of("low", "medium", "high", "critical");
    public static final List<String> SENSITIVITIES = List.of("public", "internal", "confidential", "restricted");

    private final List<Integer> weights;
    private final int ongoingWeight;
    private final List<Integer> thresholds;

    GradingPolicy(VigilProperties properties) {
        this.weights = properties.incident().gradingWeights();
        this.ongoingWeight = properties.incident().gradingOngoingWeight();
        this.thresholds = properties.incident().gradingThresholds();
    }

    /** The factors of one assessment; codes from the lists above. */
    public record Factors(String impactScope, String assetCriticality, String dataSensitivity, boolean ongoing) {
    }

    /** The score and the level it proposes, with how it came about. */
    public record Proposal(int score, int level, String explanation) {
    }

    /** Throws IllegalArgumentException naming a factor that is missing or unknown. */
    public Proposal propose(Factors factors) {
        int scope = rating("impactScope", factors.impactScope(), SCOPES);
        int criticality = rating("assetCriticality", factors.assetCriticality(), CRITICALITIES);
        int sensitivity = rating("dataSensitivity", factors.dataSensitivity(), SENSITIVITIES);
        int score = weights.get(0) * scope + weights.get(1) * criticality + weights.get(2) * sensitivity
                + (factors.ongoing() ? ongoingWeight : 0);
        int level = Level.LEAST_SEVERE;
        for (int i = 0; i < thresholds.size(); i++) {
            if (score >= thresholds.get(i)) {
                level = i + 1;
                break;
            }
        }
        String explanation = "scope %s (%d) × %d + criticality %s (%d) × %d + sensitivity %s (%d) × %d%s = %d; level %s needs %s"
                .formatted(factors.impactScope(), scope, weights.get(0), factors.assetCriticality(), criticality, weights.get(1),
                        factors.dataSensitivity(), sensitivity, weights.get(2), factors.ongoing() ? " + ongoing " + ongoingWeight : "",
                        score, Level.label(level), level == Level.LEAST_SEVERE ? "less than " + thresholds.get(2)
                                : "at least " + thresholds.get(level - 1));
        return new Proposal(score, level, explanation);
    }

    private static int rating(String name, String value, List<String> codes) {
        int index = value == null ? -1 : codes.indexOf(value);
        if (index < 0) {
            throw new IllegalArgumentException(name + " must be one of " + String.join(", ", codes)
                    + (value == null ? "" : " (not '" + value + "')"));
        }
        return index + 1;
    }
}
