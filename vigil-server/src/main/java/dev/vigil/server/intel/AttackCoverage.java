package dev.vigil.server.intel;

import java.util.List;

/**
 * Which techniques of a matrix the detection rules cover: per tactic (matrix order) each technique with the enabled
 * rules tagged {@code attack.tNNNN} and the detection alerts of the last {@code days} days from rules tagged with it.
 * {@code status}: {@code alerted} (recent alerts), {@code covered} (enabled rules, no recent alerts) or {@code none}.
 */
public record AttackCoverage(String matrix, String name, int days, int techniques, int covered, int alerted,
                             List<Tactic> tactics) {

    public AttackCoverage {
        tactics = List.copyOf(tactics);
    }

    public record Tactic(String id, String name, List<Technique> techniques) {

        public Tactic {
            techniques = List.copyOf(techniques);
        }
    }

    /** {@code rules}: titles of the first enabled rules tagged with it. */
    public record Technique(String id, String name, String url, int ruleCount, List<String> rules, int alertCount, String status) {

        public Technique {
            rules = List.copyOf(rules);
        }
    }
}
