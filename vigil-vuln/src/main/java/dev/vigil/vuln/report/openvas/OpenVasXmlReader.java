package dev.vigil.vuln.report.openvas;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingKind;
import dev.vigil.vuln.report.FindingSeverity;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.xml.XmlElement;
import dev.vigil.vuln.report.XmlReportReader;

/**
 * Greenbone/OpenVAS GMP XML reports (format a994b278-1f62-11e1-96ac-406186ea4fc5), either the bare {@code <report>}
 * export or wrapped in {@code <get_reports_response>}. One finding per {@code <results><result>}; the NVT OID is the
 * identifier (report and result UUIDs are not stable across scans), CVE refs become aliases, and the Quality of
 * Detection is kept in the status ({@code qod=NN}) instead of filtering so that the caller decides the threshold.
 */
public final class OpenVasXmlReader implements XmlReportReader {

    private static final String SCANNER = "OpenVAS";

    public static boolean recognises(XmlElement root) {
        return root.name().equals("get_reports_response")
                || (root.name().equals("report") && (root.attribute("format_id") != null
                || root.child("report") != null || root.child("results") != null));
    }

    @Override
    public List<Finding> read(XmlElement root) throws InvalidInputException {
        List<Finding> findings = new ArrayList<>();
        for (XmlElement results : resultLists(root)) {
            for (XmlElement result : results.children("result")) {
                findings.add(finding(result));
            }
        }
        return findings;
    }

    /** {@code <results>} elements of the report, however deeply the export nests {@code <report>}. */
    private static List<XmlElement> resultLists(XmlElement element) {
        List<XmlElement> lists = new ArrayList<>(element.children("results"));
        for (XmlElement report : element.children("report")) {
            lists.addAll(resultLists(report));
        }
        return lists;
    }

    private static Finding finding(XmlElement result) throws InvalidInputException {
        XmlElement nvt = result.child("nvt");
        if (nvt == null) {
            throw result.error("result without <nvt>");
        }
        String oid = nvt.requiredAttribute("oid");
        List<String> cves = new ArrayList<>();
        XmlElement refs = nvt.child("refs");
        if (refs != null) {
            for (XmlElement ref : refs.children("ref")) {
                if ("cve".equalsIgnoreCase(ref.attribute("type")) && ref.attribute("id") != null) {
                    cves.add(ref.attribute("id"));
                }
            }
        }
        XmlElement hostElement = result.child("host");
        String host = hostElement == null ? null : hostElement.ownText();
        String port = result.childText("port");
        String qod = result.descendant("qod", "value") == null ? null : result.descendant("qod", "value").text();
        String severityScore = result.childText("severity");
        FindingSeverity severity = FindingSeverity.parse(result.childText("threat"));
        if (severity == FindingSeverity.UNKNOWN && severityScore != null) {
            severity = FindingSeverity.ofScore(number(result, severityScore));
        }
        String name = nvt.childText("name") != null ? nvt.childText("name") : result.childText("name");
        return Finding.builder(SCANNER, FindingKind.VULNERABILITY)
                .id(oid)
                .aliases(cves)
                .title(name)
                .severity(severity)
                .cvss(tag(nvt, "cvss_base_vector"), severityScore == null ? null : number(result, severityScore))
                .location(host == null ? port : port == null ? host : host + ":" + port)
                .status(qod == null ? null : "qod=" + qod)
                .remediation(tag(nvt, "solution"))
                .target(host)
                .description(result.childText("description"))
                .build();
    }

    /** A value of the NVT's {@code key=value|key=value} tags (e.g. {@code cvss_base_vector}, {@code solution}). */
    private static String tag(XmlElement nvt, String key) {
        String tags = nvt.childText("tags");
        if (tags == null) {
            return null;
        }
        for (String tag : tags.split("\\|")) {
            if (tag.startsWith(key + "=")) {
                String value = tag.substring(key.length() + 1).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static BigDecimal number(XmlElement result, String text) throws InvalidInputException {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw result.error("severity '" + text + "' is not a number");
        }
    }
}
