package dev.vigil.bastion.gateway;

/** One line of the interactive target menu. */
public record TargetChoice(String account, String target, String description) {
}
