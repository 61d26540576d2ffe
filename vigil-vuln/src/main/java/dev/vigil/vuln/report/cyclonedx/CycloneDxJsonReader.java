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
import dev.vigil.vuln.parse.json.JsonCursor;
import dev.vigil.vuln.report.JsonReportReader;

/**
 * CycloneDX JSON BOMs and VEX documents: one finding per {@code vulnerabilities[]} entry, with the first affected
 * component resolved through its {@code bom-ref} (nested components included) and the VEX analysis state as status.
 * A BOM without vulnerabilities imports as zero findings.
 */
public final class CycloneDxJsonReader implements JsonReportReader {

    public static boolean recognises(JsonCursor root) throws InvalidInputException {
        return root.isObject() && "CycloneDX".equalsIgnoreCase(root.text("bomFormat"));
    }

    @Override
    public List<Finding> read(JsonCursor root) throws InvalidInputException {
        Map<String, Component> components = new HashMap<>();
        JsonCursor metadata = root.object("metadata");
        if (metadata != null && metadata.object("component") != null) {
            collect(List.of(metadata.object("component")), components);
        }
        collect(root.objects("components"), components);
        String scanner = scanner(metadata);
        List<Finding> findings = new ArrayList<>();
        JsonCursor subject = metadata == null ? null : metadata.object("component");
        String target = subject == null ? null : subject.text("name");
        for (JsonCursor vulnerability : root.objects("vulnerabilities")) {
            findings.add(finding(vulnerability, scanner, components).withTarget(target));
        }
        return findings;
    }

    /** Every component of the BOM (nested ones included, the described system excluded) and the system's name. */
    public static SoftwareInventory inventory(JsonCursor root) throws InvalidInputException {
        JsonCursor metadata = root.object("metadata");
        JsonCursor subject = metadata == null ? null : metadata.object("component");
        List<Component> components = new ArrayList<>();
        listComponents(root.objects("components"), components);
        return new SoftwareInventory(subject == null ? null : subject.text("name"), components);
    }

    private static void listComponents(List<JsonCursor> list, List<Component> into) throws InvalidInputException {
        for (JsonCursor component : list) {
            Component c = Component.of(component.text("name"), component.text("version"), component.text("purl"));
            if (c != null && c.name() != null) {
                into.add(c);
            }
            listComponents(component.objects("components"), into);
        }
    }

    private static void collect(List<JsonCursor> list, Map<String, Component> components)
            throws InvalidInputException {
        for (JsonCursor component : list) {
            component.requireObject();
            String ref = component.text("bom-ref");
            if (ref != null) {
                components.putIfAbsent(ref, Component.of(component.text("name"), component.text("version"),
                        component.text("purl")));
            }
            collect(component.objects("components"), components);
        }
    }

    /** The first tool named in the metadata: {@code tools} is an array up to 1.4 and an object from 1.5. */
    private static String scanner(JsonCursor metadata) throws InvalidInputException {
        JsonCursor tools = metadata == null ? null : metadata.child("tools");
        if (tools == null) {
            return "CycloneDX";
        }
        List<JsonCursor> list = tools.isArray() ? tools.elements() : tools.array("components");
        for (JsonCursor tool : list) {
            if (tool.isObject() && tool.text("name") != null) {
                return tool.text("name");
            }
        }
        return "CycloneDX";
    }

    private static Finding finding(JsonCursor v, String scanner, Map<String, Component> components)
            throws InvalidInputException {
        String id = v.text("id");
        if (id == null) {
            id = v.requiredText("bom-ref");
        }
        Finding.Builder builder = Finding.builder(scanner, FindingKind.VULNERABILITY)
                .id(id)
                .aliases(referenceIds(v))
                .title(id)
                .description(firstNonNull(v.text("description"), v.text("detail")));
        List<CycloneDxRating> ratings = new ArrayList<>();
        for (JsonCursor rating : v.objects("ratings")) {
            BigDecimal score = rating.number("score");
            ratings.add(new CycloneDxRating(rating.text("method"), score, rating.text("severity"),
                    rating.text("vector")));
        }
        CycloneDxRating.apply(ratings, builder);
        List<JsonCursor> affects = v.objects("affects");
        if (!affects.isEmpty()) {
            String ref = affects.get(0).text("ref");
            Component component = ref == null ? null : components.get(ref);
            builder.component(component != null ? component : Component.of(null, null, refAsPurl(ref)));
            builder.location(ref);
        }
        JsonCursor analysis = v.object("analysis");
        if (analysis != null) {
            builder.status(analysis.text("state"));
        }
        builder.remediation(v.text("recommendation"));
        return builder.build();
    }

    private static List<String> referenceIds(JsonCursor v) throws InvalidInputException {
        List<String> ids = new ArrayList<>();
        for (JsonCursor reference : v.objects("references")) {
            String id = reference.text("id");
            if (id != null && !ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    static String refAsPurl(String ref) {
        return ref != null && ref.startsWith("pkg:") ? ref : null;
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
