package dev.vigil.server.access;

import java.util.UUID;

/** A template rendered for a target, not run: the command exactly as it would be sent. */
public record CommandPreview(String template, int templateVersion, String target, String account, String command, UUID targetTenant) {
}
