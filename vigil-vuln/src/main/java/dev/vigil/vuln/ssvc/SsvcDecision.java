package dev.vigil.vuln.ssvc;

import static dev.vigil.vuln.ssvc.CisaLevel.ACT;
import static dev.vigil.vuln.ssvc.CisaLevel.ATTEND;
import static dev.vigil.vuln.ssvc.CisaLevel.TRACK;
import static dev.vigil.vuln.ssvc.CisaLevel.TRACK_STAR;

/**
 * CISA's SSVC decision tree (CISA Coordinator 2.0.3): Exploitation x Automatable x Technical Impact x Mission and
 * Well-Being Impact -> CISA level.
 *
 * @param exploitation      none, public PoC or active
 * @param automatable       no or yes
 * @param technicalImpact   partial or total
 * @param missionWellbeing  low, medium or high
 */
public record SsvcDecision(Exploitation exploitation, Automatable automatable, TechnicalImpact technicalImpact,
                           MissionWellbeing missionWellbeing) {

    /** Outcome per [exploitation][automatable][technical impact][mission and well-being impact]. */
    private static final CisaLevel[][][][] TREE = {
        { // none
            {{TRACK, TRACK, TRACK}, {TRACK, TRACK, TRACK_STAR}},        // automatable no: partial, total
            {{TRACK, TRACK, ATTEND}, {TRACK, TRACK, ATTEND}},           // automatable yes
        },
        { // public PoC
            {{TRACK, TRACK, TRACK_STAR}, {TRACK, TRACK_STAR, ATTEND}},
            {{TRACK, TRACK, ATTEND}, {TRACK, TRACK_STAR, ATTEND}},
        },
        { // active
            {{TRACK, TRACK, ATTEND}, {TRACK, ATTEND, ACT}},
            {{ATTEND, ATTEND, ACT}, {ATTEND, ACT, ACT}},
        },
    };

    public SsvcDecision {
        if (exploitation == null || automatable == null || technicalImpact == null || missionWellbeing == null) {
            throw new IllegalArgumentException("all four SSVC decision points are required");
        }
    }

    /** Parses raw (case-insensitive) values, e.g. CISA ADP's {@code poc}/{@code Active}/{@code Total}. */
    public static SsvcDecision parse(String exploitation, String automatable, String technicalImpact,
                                     String missionWellbeing) {
        return new SsvcDecision(Exploitation.parse(exploitation), Automatable.parse(automatable),
                TechnicalImpact.parse(technicalImpact), MissionWellbeing.parse(missionWellbeing));
    }

    /** The CISA level this combination leads to. */
    public CisaLevel outcome() {
        return TREE[exploitation.ordinal()][automatable.ordinal()][technicalImpact.ordinal()][missionWellbeing.ordinal()];
    }
}
