package dev.vigil.server.intel;

import java.time.Instant;

/** A loaded ATT&CK matrix ({@code enterprise-attack}, {@code ics-attack}, ...). */
public record AttackMatrixView(String id, String name, int tactics, int techniques, String loadedBy, Instant loadedAt) {
}
