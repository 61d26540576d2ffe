package dev.vigil.vuln.report.nessus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingKind;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.xml.XmlElement;
import dev.vigil.vuln.report.XmlReportReader;

/**
 * Nessus v2 ({@code NessusClientData_v2}), including Tenable WAS exports: one finding per {@code ReportItem},
 * informational items (severity 0) included — they are real observations (open services, versions) and dropping them
 * is a filter decision for later.
 */
public final class NessusXmlReader implements XmlReportReader {

    private static final String SCANNER = "Nessus";

    public static boolean recognises(XmlElement root) {
        return root.name().equals("NessusClientData_v2");
    }

    @Override
    public List<Finding> read(XmlElement root) throws InvalidInputException {
        List<Finding> findings = new ArrayList<>();
        for (XmlElement report : root.children("Report")) {
            for (XmlElement host : report.children("ReportHost")) {
                String hostName = host.requiredAttribute("name");
                for (XmlElement item : host.children("ReportItem")) {
                    findings.add(finding(item, hostName));
                }
            }
        }
        return findings;
    }

    private static Finding finding(XmlElement item, String host) throws InvalidInputException {
        String pluginId = item.requiredAttribute("pluginID");
        String port = item.attribute("port");
        String protocol = item.attribute("protocol");
        List<String> cves = new ArrayList<>();
        for (XmlElement cve : item.children("cve")) {
            if (cve.text() != null) {
                cves.add(cve.text());
            }
        }
        String vector = item.childText("cvss3_vector");
        String score = item.childText("cvss3_base_score");
        String v4Vector = item.childText("cvss4_vector");
        if (v4Vector != null) {
            vector = v4Vector;
            score = item.childText("cvss4_base_score");
        }
        String pluginName = item.attribute("pluginName") != null ? item.attribute("pluginName")
                : item.childText("plugin_name");
        return Finding.builder(SCANNER, FindingKind.VULNERABILITY)
                .id(pluginId)
                .aliases(cves)
                .title(pluginName)
                .severity(NessusSeverity.of(item.attribute("severity")))
                .cvss(vector, number(item, score))
                .location(port == null || port.equals("0") ? host : host + ":" + port + (protocol == null ? ""
                        : "/" + protocol))
                .description(item.childText("description") != null ? item.childText("description")
                        : item.childText("synopsis"))
                .remediation(item.childText("solution"))
                .target(host)
                .build();
    }

    private static BigDecimal number(XmlElement item, String text) throws InvalidInputException {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw item.error("CVSS score '" + text + "' is not a number");
        }
    }
}
