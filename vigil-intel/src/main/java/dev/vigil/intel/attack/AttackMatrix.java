package dev.vigil.intel.attack;

import java.util.List;

/**
 * One ATT&CK domain as read from its STIX bundle: the matrix ({@code enterprise-attack}, {@code ics-attack},
 * {@code mobile-attack}), its tactics in matrix order and its current techniques (revoked and deprecated ones left out).
 */
public record AttackMatrix(String id, String name, List<AttackTactic> tactics, List<AttackTechnique> techniques) {

    public AttackMatrix {
        tactics = List.copyOf(tactics);
        techniques = List.copyOf(techniques);
    }
}
