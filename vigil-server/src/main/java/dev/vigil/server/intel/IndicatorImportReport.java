package dev.vigil.server.intel;

import java.util.List;

/**
 * What an import did: {@code imported} valid indicators now stand for the source ({@code previous} were there before),
 * {@code revoked} were withdrawn by the feed, {@code skipped} rows or objects could not be used; {@code problems}
 * says why for the first thousand ({@code line N: reason}, or the STIX id and why its pattern was not compiled).
 */
public record IndicatorImportReport(int imported, int previous, int revoked, int skipped, List<String> problems) {

    public IndicatorImportReport {
        problems = List.copyOf(problems);
    }
}
