package dev.vigil.server.detection;

/** Published (inside the changing transaction) when rules, their switches or their exceptions change. */
public record RulesChanged(String what) {
}
