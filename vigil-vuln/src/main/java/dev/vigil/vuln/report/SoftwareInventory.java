package dev.vigil.vuln.report;

import java.util.List;

/**
 * The software a report lists (a CycloneDX SBOM's components), whether or not it has findings.
 *
 * @param subject the system the SBOM describes (its metadata component), or null
 */
public record SoftwareInventory(String subject, List<Component> components) {

    public static final SoftwareInventory NONE = new SoftwareInventory(null, List.of());

    public SoftwareInventory {
        components = List.copyOf(components);
    }
}
