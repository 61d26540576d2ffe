package dev.vigil.server.intel;

import java.util.List;

/** What an import did: the feed's indicators were replaced by the {@code imported} valid ones; problems are {@code line N: reason}. */
public record IndicatorImportReport(int imported, int previous, List<String> problems) {
}
