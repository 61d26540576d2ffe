package dev.vigil.server.detection;

/** One file of an import: its name (path inside the archive or folder) and its text. */
public record RuleFile(String name, String text) {
}
