package dev.vigil.server.intel;

/** A feed's indicator the live matcher leaves out because the allowlist entry {@code allowlisted} covers it. */
public record SuppressedIndicator(String feed, String ref, String type, String value, String allowlisted, String note) {
}
