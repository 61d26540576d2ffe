package dev.vigil.vuln.report;

import java.util.List;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.csv.CsvTable;

/** Reads the findings of one CSV export layout; each data row is one finding. */
public interface CsvReportReader {

    List<Finding> read(CsvTable table) throws InvalidInputException;
}
