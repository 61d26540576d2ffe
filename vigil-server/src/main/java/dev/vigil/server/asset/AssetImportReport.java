package dev.vigil.server.asset;

/** Outcome of a CSV import: every row was valid (an invalid one refuses the whole file). */
public record AssetImportReport(int rows, int created, int updated) {
}
