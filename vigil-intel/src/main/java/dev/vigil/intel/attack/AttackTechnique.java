package dev.vigil.intel.attack;

import java.util.List;

/** An ATT&CK technique or sub-technique ({@code T1059.001}) with the short names of the tactics it serves. */
public record AttackTechnique(String id, String name, List<String> tactics, boolean subtechnique, String url) {

    public AttackTechnique {
        tactics = List.copyOf(tactics);
    }
}
