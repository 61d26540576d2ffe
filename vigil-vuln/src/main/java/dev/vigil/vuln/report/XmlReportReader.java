package dev.vigil.vuln.report;

import java.util.List;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.xml.XmlElement;

/** Reads the findings of one XML report format from its root element. */
public interface XmlReportReader {

    List<Finding> read(XmlElement root) throws InvalidInputException;
}
