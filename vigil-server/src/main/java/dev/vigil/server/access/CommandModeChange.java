package dev.vigil.server.access;

/**
 * The mode of a scope: {@code mode} deny-list or restricted; {@code uncertain} what happens to commands the analyser
 * cannot judge (warn, review or deny; restricted takes review or deny). Empty targetGroup/account: any.
 */
public record CommandModeChange(String targetGroup, String account, String mode, String uncertain) {
}
