package dev.vigil.server.advisory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.server.advisory.internal.AffectedVersions;
import dev.vigil.server.advisory.internal.ServerUrl;
import dev.vigil.server.alerting.NoticeDraft;
import dev.vigil.server.alerting.NoticeTemplate;
import dev.vigil.server.alerting.TenantNotices;
import dev.vigil.server.asset.AssetRegistry;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.monitoring.ComponentDependants;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Tells the affected tenants about a release, through the shared tenant notices (topic {@code advisory}, reference
 * {@code advisory:<tracking id>}), in the release's transaction. For a product: the tenants whose assets run it in an
 * affected version. For a service component: the tenant that owns it (the assets it runs on are that tenant's) and the
 * tenants owning a component that depends on it, directly or through others (their services run on it); a component
 * deleted since drafting reaches no one. Slugs that are no tenant (e.g. {@code platform}) are skipped.
 */
@Component
class AdvisoryNotifier {

    static final NoticeTemplate SUBJECT = new NoticeTemplate("Security advisory {{tracking_id}} version {{version}}: {{title}}");
    static final NoticeTemplate BODY = new NoticeTemplate("""
            {{publisher}} published the security advisory {{tracking_id}}, version {{version}} (TLP:{{tlp}}): {{title}}

            {{affects_you}}

            {{summary}}

            Vulnerabilities: {{vulnerabilities}}
            {{where}}
            """);

    private final TenantNotices notices;
    private final AssetRegistry assets;
    private final TenantService tenants;
    private final ServerUrl serverUrl;
    private final VigilProperties.Advisory settings;
    private final ComponentDependants dependants;

    AdvisoryNotifier(TenantNotices notices, AssetRegistry assets, TenantService tenants, ServerUrl serverUrl,
            VigilProperties properties, ComponentDependants dependants) {
        this.dependants = dependants;
        this.notices = notices;
        this.assets = assets;
        this.tenants = tenants;
        this.serverUrl = serverUrl;
        this.settings = properties.advisory();
    }

    /** Sends the notices of one release; returns the slugs of the tenants told. */
    List<String> notifyAffected(AdvisoryView advisory, JsonNode release, int version, String path) {
        Set<String> versions = AffectedVersions.of(release);
        if (versions.isEmpty()) {
            return List.of();
        }
        List<String> vulnerabilities = new ArrayList<>();
        for (JsonNode vulnerability : release.path("vulnerabilities").values()) {
            vulnerabilities.add(text(vulnerability.path("cve"), text(vulnerability.path("ids").path(0).path("text"), "(no id)")));
        }
        String summary = "";
        for (JsonNode note : release.path("document").path("notes").values()) {
            if ("summary".equals(text(note.path("category"), ""))) {
                summary = text(note.path("text"), "");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("publisher", settings.publisherName());
        values.put("tracking_id", advisory.trackingId());
        values.put("version", Integer.toString(version));
        values.put("tlp", advisory.tlp());
        values.put("title", text(release.path("document").path("title"), advisory.title()));
        values.put("product", advisory.product());
        values.put("versions", String.join(", ", versions));
        values.put("summary", summary);
        values.put("vulnerabilities", String.join(", ", vulnerabilities));
        values.put("where", path != null ? "The advisory (CSAF 2.0): " + serverUrl.base() + "/.well-known/csaf/" + path
                : "The advisory is TLP:" + advisory.tlp() + "; ask " + settings.publisherName() + " for the document.");
        String subject = SUBJECT.render(values);
        if (subject.length() > 200) {
            subject = subject.substring(0, 199) + "…";
        }
        Map<String, TenantView> bySlug = new LinkedHashMap<>();
        tenants.all().forEach(t -> bySlug.put(t.slug(), t));
        List<String> told = new ArrayList<>();
        for (Map.Entry<String, String> affected : affectedTenants(advisory, versions).entrySet()) {
            TenantView tenant = bySlug.get(affected.getKey());
            if (tenant != null) {
                values.put("affects_you", affected.getValue());
                notices.send(new NoticeDraft(tenant.id(), "advisory", subject, BODY.render(values),
                        "advisory:" + advisory.trackingId()));
                told.add(affected.getKey());
            }
        }
        return told;
    }

    /** Tenant slug → why the advisory concerns it. */
    private Map<String, String> affectedTenants(AdvisoryView advisory, Set<String> versions) {
        Map<String, String> affected = new LinkedHashMap<>();
        String listed = String.join(", ", versions);
        if (!AdvisoryService.SUBJECT_COMPONENT.equals(advisory.subject())) {
            for (String slug : assets.tenantsUsingSoftware(advisory.product(), versions)) {
                affected.put(slug, "Your assets run " + advisory.product() + " in a version the advisory lists as affected ("
                        + listed + ").");
            }
            return affected;
        }
        String owner = advisory.componentId() == null ? null : dependants.ownerOf(advisory.componentId()).orElse(null);
        if (owner == null) {
            return affected;
        }
        String about = "The service " + advisory.product() + " is affected in the versions " + listed + ".";
        affected.put(owner, about + " You own it.");
        Map<String, List<String>> through = new LinkedHashMap<>();
        for (ComponentDependants.Dependant dependant : dependants.of(advisory.componentId())) {
            through.computeIfAbsent(dependant.tenant(), t -> new ArrayList<>()).add(dependant.name());
        }
        through.forEach((slug, names) -> affected.merge(slug, about + " Your components depend on it, directly or through"
                + " others: " + String.join(", ", names) + ".", (own, depends) -> own + depends.substring(about.length())));
        return affected;
    }

    private static String text(JsonNode node, String fallback) {
        return node.isString() ? node.asString() : fallback;
    }
}
