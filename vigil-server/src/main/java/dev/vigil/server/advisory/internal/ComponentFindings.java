package dev.vigil.server.advisory.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.asset.AssetView;
import dev.vigil.server.monitoring.ComponentView;
import dev.vigil.server.vuln.FindingService;
import dev.vigil.server.vuln.FindingView;
import org.springframework.stereotype.Component;

/**
 * The open vulnerability findings of the assets a service component runs on: the component lists its assets by name
 * (or id) in its own tenant, as the catalogue does; assets it names that the inventory does not know are skipped.
 */
@Component
public class ComponentFindings {

    private final AssetRegistry assets;
    private final FindingService findings;

    ComponentFindings(AssetRegistry assets, FindingService findings) {
        this.assets = assets;
        this.findings = findings;
    }

    /** The assets of the component that the inventory knows. */
    public Set<UUID> assetsOf(ComponentView component) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String listed : component.assets()) {
            byId(listed).filter(id -> assets.describe(id).map(AssetView::tenant).filter(component.tenant()::equals).isPresent())
                    .or(() -> assets.find(component.tenant(), listed)).ifPresent(ids::add);
        }
        return ids;
    }

    /**
     * Open findings of the component's assets; when {@code only} is not empty, those whose vulnerability id or an
     * alias is among them (compared without case).
     */
    public List<FindingView> of(ComponentView component, Set<String> only) {
        Set<String> wanted = new LinkedHashSet<>();
        only.forEach(id -> wanted.add(id.strip().toUpperCase(Locale.ROOT)));
        List<FindingView> found = new ArrayList<>();
        for (UUID asset : assetsOf(component)) {
            for (FindingView finding : findings.list(new FindingService.Filter(component.tenant(), asset, "open", null, null,
                    null, null, null, null), 1000, 0)) {
                if (wanted.isEmpty() || wanted.contains(finding.vulnerabilityId().toUpperCase(Locale.ROOT))
                        || finding.aliases().stream().anyMatch(a -> wanted.contains(a.toUpperCase(Locale.ROOT)))) {
                    found.add(finding);
                }
            }
        }
        return found;
    }

    private static Optional<UUID> byId(String listed) {
        try {
            return Optional.of(UUID.fromString(listed.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
