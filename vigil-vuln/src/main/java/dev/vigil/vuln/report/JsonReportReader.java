package dev.vigil.vuln.report;

import java.util.List;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.json.JsonCursor;

/** Reads the findings of one JSON report format from its parsed tree. */
public interface JsonReportReader {

    List<Finding> read(JsonCursor root) throws InvalidInputException;
}
