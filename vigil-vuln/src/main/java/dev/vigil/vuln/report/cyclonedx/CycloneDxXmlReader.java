package dev.vigil.vuln.report.cyclonedx;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.vuln.report.Component;
import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingKind;
import dev.vigil.vuln.report.SoftwareInventory;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.xml.XmlElement;
import dev.vigil.vuln.report.XmlReportReader;

/** CycloneDX XML BOMs/VEX: the same model as {@link CycloneDxJsonReader}, one finding per {@code <vulnerability>}. */
public final class CycloneDxXmlReader implements XmlReportReader {

    public static boolean recognises(XmlElement root) {
        return root.name().equals("bom") && (root.namespace() == null || root.namespace().contains("cyclonedx"));
    }

    @Override
    public List<Finding> read(XmlElement root) throws InvalidInputException {
        Map<String, Component> components = new HashMap<>();
        XmlElement metadataComponent = root.descendant("metadata", "component");
        if (metadataComponent != null) {
            collect(List.of(metadataComponent), components);
        }
        XmlElement componentList = root.child("components");
        if (componentList != null) {
            collect(componentList.children("component"), components);
        }
        List<Finding> findings = new ArrayList<>();
        XmlElement vulnerabilities = root.child("vulnerabilities");
        if (vulnerabilities != null) {
            for (XmlElement vulnerability : vulnerabilities.children("vulnerability")) {
                findings.add(finding(vulnerability, components)
                        .withTarget(metadataComponent == null ? null : metadataComponent.childText("name")));
            }
        }
        return findings;
    }

    /** Every component of the BOM (nested ones included, the described system excluded) and the system's name. */
    public static SoftwareInventory inventory(XmlElement root) {
        XmlElement subject = root.descendant("metadata", "component");
        List<Component> components = new ArrayList<>();
        XmlElement list = root.child("components");
        if (list != null) {
            listComponents(list.children("component"), components);
        }
        return new SoftwareInventory(subject == null ? null : subject.childText("name"), components);
    }

    private static void listComponents(List<XmlElement> list, List<Component> into) {
        for (XmlElement component : list) {
            Component c = Component.of(component.childText("name"), component.childText("version"),
                    component.childText("purl"));
            if (c != null && c.name() != null) {
                into.add(c);
            }
            XmlElement nested = component.child("components");
            if (nested != null) {
                listComponents(nested.children("component"), into);
            }
        }
    }

    private static void collect(List<XmlElement> list, Map<String, Component> components) {
        for (XmlElement component : list) {
            String ref = component.attribute("bom-ref");
            if (ref != null) {
                components.putIfAbsent(ref, Component.of(component.childText("name"), component.childText("version"),
                        component.childText("purl")));
            }
            XmlElement nested = component.child("components");
            if (nested != null) {
                collect(nested.children("component"), components);
            }
        }
    }

    private static Finding finding(XmlElement v, Map<String, Component> components) throws InvalidInputException {
        String id = v.childText("id");
        if (id == null) {
            id = v.attribute("bom-ref");
        }
        if (id == null) {
            throw v.error("vulnerability has neither an <id> nor a bom-ref");
        }
        XmlElement source = v.child("source");
        Finding.Builder builder = Finding.builder(source != null && source.childText("name") != null
                        ? source.childText("name") : "CycloneDX", FindingKind.VULNERABILITY)
                .id(id)
                .aliases(referenceIds(v))
                .title(id)
                .description(v.childText("description") != null ? v.childText("description") : v.childText("detail"))
                .remediation(v.childText("recommendation"));
        List<CycloneDxRating> ratings = new ArrayList<>();
        XmlElement ratingList = v.child("ratings");
        if (ratingList != null) {
            for (XmlElement rating : ratingList.children("rating")) {
                ratings.add(new CycloneDxRating(rating.childText("method"), score(rating),
                        rating.childText("severity"), rating.childText("vector")));
            }
        }
        CycloneDxRating.apply(ratings, builder);
        XmlElement target = v.descendant("affects", "target");
        if (target != null) {
            String ref = target.childText("ref");
            Component component = ref == null ? null : components.get(ref);
            builder.component(component != null ? component
                    : Component.of(null, null, CycloneDxJsonReader.refAsPurl(ref)));
            builder.location(ref);
        }
        XmlElement analysis = v.child("analysis");
        if (analysis != null) {
            builder.status(analysis.childText("state"));
        }
        return builder.build();
    }

    private static BigDecimal score(XmlElement rating) throws InvalidInputException {
        String text = rating.childText("score");
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw rating.error("score '" + text + "' is not a number");
        }
    }

    private static List<String> referenceIds(XmlElement v) {
        List<String> ids = new ArrayList<>();
        XmlElement references = v.child("references");
        if (references != null) {
            for (XmlElement reference : references.children("reference")) {
                String id = reference.childText("id");
                if (id != null && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
