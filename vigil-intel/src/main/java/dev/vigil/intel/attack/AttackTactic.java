package dev.vigil.intel.attack;

/** An ATT&CK tactic (a column of the matrix): {@code TA0107}, its name and the short name techniques refer to. */
public record AttackTactic(String id, String name, String shortName) {
}
