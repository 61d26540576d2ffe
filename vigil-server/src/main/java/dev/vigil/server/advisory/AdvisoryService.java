package dev.vigil.server.advisory;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.advisory.internal.AdvisoryDrafter;
import dev.vigil.server.advisory.internal.ComponentAdvisoryDrafter;
import dev.vigil.server.advisory.internal.ComponentFindings;
import dev.vigil.server.advisory.internal.ReleaseDocument;
import dev.vigil.server.advisory.internal.ServerUrl;
import dev.vigil.server.approval.ChangeDraft;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.approval.ChangeView;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantScopes;
import dev.vigil.server.monitoring.ComponentService;
import dev.vigil.server.monitoring.ComponentView;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import dev.vigil.server.vuln.FindingService;
import dev.vigil.server.vuln.FindingView;
import dev.vigil.vuln.csaf.CsafAdvisory;
import dev.vigil.vuln.csaf.CsafValidator;
import dev.vigil.vuln.csaf.CsafViolation;
import dev.vigil.vuln.csaf.CsafWriter;
import dev.vigil.vuln.csaf.Profile;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Security advisories: drafting one from the findings of a product or of a service component's assets, editing the
 * draft, running the CSAF mandatory tests over what a release would publish, and asking for a release (an
 * {@code advisory.publish} change request; {@link AdvisoryPublishing} carries it out once approved). Advisories speak for the whole installation, so managing
 * them needs the vuln permission on every tenant.
 */
@Service
public class AdvisoryService {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String SUBJECT_PRODUCT = "product";
    static final String SUBJECT_COMPONENT = "component";
    private static final Set<String> TLP = Set.of("WHITE", "GREEN", "AMBER", "RED");
    private static final Set<String> PROFILES = Set.of(Profile.SECURITY_ADVISORY.category(), Profile.VEX.category());

    private final JdbcClient jdbc;
    private final FindingService findings;
    private final TenantScopes tenantScopes;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final ChangeRequests changes;
    private final VigilProperties.Advisory settings;
    private final ServerUrl serverUrl;
    private final Clock clock;
    private final CsafValidator validator = new CsafValidator();
    private final ComponentService components;
    private final ComponentFindings componentFindings;

    AdvisoryService(JdbcClient jdbc, FindingService findings, TenantScopes tenantScopes, AccessPolicy access, AuditLog audit,
            @Lazy ChangeRequests changes, VigilProperties properties, ServerUrl serverUrl, Clock clock,
            ComponentService components, ComponentFindings componentFindings) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.components = components;
        this.componentFindings = componentFindings;
        this.tenantScopes = tenantScopes;
        this.access = access;
        this.audit = audit;
        this.changes = changes;
        this.settings = properties.advisory();
        this.serverUrl = serverUrl;
        this.clock = clock;
    }

    /** Drafts an advisory about the product from its findings; 422 when no finding names the product. */
    @Transactional
    public AdvisoryView draft(String product, String title, String summary, String tlp) {
        requireEverywhere("update");
        String name = clean(product, 200, "product");
        String label = tlp(tlp);
        String heading = title == null || title.isBlank() ? "Vulnerabilities in " + name : clean(title, 300, "title");
        String about = summary == null ? null : clean(summary, 10_000, "summary");
        List<FindingView> found = findings.ofComponent(name);
        if (found.isEmpty()) {
            throw ProblemException.unprocessable("no-findings", "no finding names the product '" + name
                    + "' (the component of a finding, e.g. openssl); an advisory is drafted from them");
        }
        Instant now = clock.instant();
        String trackingId = trackingId(now);
        CsafAdvisory advisory = new AdvisoryDrafter().draft(found.getFirst().componentName(), found,
                new AdvisoryDrafter.Header(trackingId, settings.publisherName(), namespace(), label, heading, about, now));
        return insert(advisory, trackingId, SUBJECT_PRODUCT, found.getFirst().componentName(), null, heading, label, now,
                found.size());
    }

    /**
     * Drafts an advisory about a service component of the monitoring catalogue from the open findings of the assets
     * it runs on: 404 for an unknown component, 422 when it lists no known asset or they have no (selected) finding.
     */
    @Transactional
    public AdvisoryView draftForComponent(ComponentAdvisoryRequest request) {
        requireEverywhere("update");
        if (request == null) {
            throw ProblemException.badRequest("invalid-input", "send the component advisory as JSON");
        }
        String name = clean(request.component(), 100, "component");
        ComponentView component = components.byName(name).orElseThrow(() -> ProblemException.notFound("component", name));
        List<String> versions = versions(request.versions());
        String fixed = request.fixedVersion() == null || request.fixedVersion().isBlank() ? null
                : version(request.fixedVersion(), "fixedVersion");
        if (fixed != null && versions.contains(fixed)) {
            throw ProblemException.badRequest("invalid-input", "fixedVersion " + fixed + " is also listed as affected");
        }
        List<String> only = request.vulnerabilities() == null ? List.of() : request.vulnerabilities();
        if (only.size() > 100 || only.stream().anyMatch(v -> v == null || v.isBlank() || v.length() > 100)) {
            throw ProblemException.badRequest("invalid-input",
                    "vulnerabilities are at most 100 ids of at most 100 characters");
        }
        String label = tlp(request.tlp());
        String heading = request.title() == null || request.title().isBlank() ? "Vulnerabilities in the service " + name
                : clean(request.title(), 300, "title");
        String about = request.summary() == null ? null : clean(request.summary(), 10_000, "summary");
        if (componentFindings.assetsOf(component).isEmpty()) {
            throw ProblemException.unprocessable("no-assets", "component '" + name + "' lists no asset of the inventory;"
                    + " an advisory about it is drafted from the findings of the assets it runs on");
        }
        List<FindingView> found = componentFindings.of(component, new LinkedHashSet<>(only));
        if (found.isEmpty()) {
            throw ProblemException.unprocessable("no-findings", "the assets of component '" + name + "' have no open finding"
                    + (only.isEmpty() ? "" : " of " + String.join(", ", only)) + "; an advisory is drafted from them");
        }
        Instant now = clock.instant();
        String trackingId = trackingId(now);
        CsafAdvisory advisory = new ComponentAdvisoryDrafter().draft(
                new ComponentAdvisoryDrafter.Subject(name, settings.publisherName(), versions, fixed), found,
                new AdvisoryDrafter.Header(trackingId, settings.publisherName(), namespace(), label, heading, about, now));
        return insert(advisory, trackingId, SUBJECT_COMPONENT, name, component.id(), heading, label, now, found.size());
    }

    private AdvisoryView insert(CsafAdvisory advisory, String trackingId, String subject, String product, UUID componentId,
            String heading, String label, Instant now, int findingCount) {
        String document = new CsafWriter().toJson(advisory);
        UUID id = UUID.randomUUID();
        String by = access.requireCurrent().username();
        jdbc.sql("""
                INSERT INTO csaf_advisory (id, tracking_id, subject, product, component_id, title, tlp, draft, created_by,
                                           created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, trackingId, subject, product, componentId, heading, label, document, by, Timestamp.from(now),
                        Timestamp.from(now)).update();
        audit.record(AuditEntry.success("advisory.drafted", "csaf-advisory", id, null, Map.of("tracking_id", trackingId,
                subject, product, "findings", findingCount, "vulnerabilities", advisory.vulnerabilities().size())));
        return get(id);
    }

    private String trackingId(Instant now) {
        long number = jdbc.sql("SELECT nextval('csaf_advisory_number')").query(Long.class).single();
        return "%s-%d-%04d".formatted(settings.trackingPrefix(), now.atZone(ZoneOffset.UTC).getYear(), number);
    }

    private static String tlp(String tlp) {
        String label = tlp == null || tlp.isBlank() ? "WHITE" : tlp.strip().toUpperCase(java.util.Locale.ROOT);
        if (!TLP.contains(label)) {
            throw ProblemException.badRequest("invalid-input", "tlp must be one of WHITE, GREEN, AMBER, RED");
        }
        return label;
    }

    private static List<String> versions(List<String> given) {
        if (given == null || given.isEmpty() || given.size() > 20) {
            throw ProblemException.badRequest("invalid-input", "versions must name 1-20 deployed versions of the component"
                    + " that are affected (the catalogue keeps none), e.g. [\"2026.11.3\"]");
        }
        List<String> versions = new ArrayList<>();
        for (String v : given) {
            String version = version(v, "versions");
            if (!versions.contains(version)) {
                versions.add(version);
            }
        }
        return versions;
    }

    private static String version(String value, String field) {
        String version = value == null ? "" : value.replace("\u0000", "").strip();
        if (version.isEmpty() || version.length() > 100 || !AdvisoryDrafter.isSingleVersion(version)) {
            throw ProblemException.badRequest("invalid-input", field + ": '" + version + "' is not a single version (at most"
                    + " 100 characters, no ranges such as '<2.0' or 'all versions')");
        }
        return version;
    }

    public List<AdvisoryView> list() {
        requireEverywhere("read");
        return jdbc.sql("SELECT * FROM csaf_advisory ORDER BY updated_at DESC, id").query((rs, n) -> view(rs, false)).list();
    }

    public AdvisoryView get(UUID id) {
        requireEverywhere("read");
        return find(id);
    }

    /** Replaces the draft with an edited CSAF document; its tracking stays the publisher's. */
    @Transactional
    public AdvisoryView saveDraft(UUID id, JsonNode document, Integer expectedVersion) {
        requireEverywhere("update");
        AdvisoryView current = find(id);
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw ProblemException.conflict("stale-version", "the draft changed since version " + expectedVersion
                    + " (now " + current.version() + "); reload it");
        }
        ObjectNode edited = requireShape(document);
        ((ObjectNode) edited.get("document")).set("tracking", current.draft().path("document").path("tracking"));
        String title = edited.path("document").path("title").asString();
        String tlp = edited.path("document").path("distribution").path("tlp").path("label").asString();
        jdbc.sql("""
                UPDATE csaf_advisory SET draft = ?, title = ?, tlp = ?, updated_at = ?, version = version + 1
                WHERE id = ?""").params(pretty(edited), title, tlp, Timestamp.from(clock.instant()), id).update();
        audit.record(AuditEntry.success("advisory.draft-updated", "csaf-advisory", id, null, Map.of(
                "tracking_id", current.trackingId(), "title", title, "tlp", tlp, "sha256", sha256(pretty(edited)))));
        return find(id);
    }

    /** The mandatory tests over the document the next release would publish. */
    public ValidationReport validate(UUID id) {
        requireEverywhere("read");
        AdvisoryView advisory = find(id);
        return report(nextRelease(advisory, "Check", clock.instant()));
    }

    /**
     * Asks for the next release: 422 naming the failed tests and paths when the document would not pass them, else a
     * pending change request that someone else holding change:approve must approve.
     */
    public ChangeView requestPublication(UUID id, String summary) {
        requireEverywhere("update");
        AdvisoryView advisory = find(id);
        String why = summary == null || summary.isBlank()
                ? (advisory.publishedVersion() == 0 ? "Initial release" : "Revision " + (advisory.publishedVersion() + 1))
                : clean(summary, 1000, "summary");
        requireValid(nextRelease(advisory, why, clock.instant()));
        if (!changes.pendingFor(AdvisoryPublishing.KIND, id.toString()).isEmpty()) {
            throw ProblemException.conflict("pending-change", "a release of this advisory is already waiting for approval");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("advisory", id.toString());
        payload.put("base_version", advisory.publishedVersion());
        payload.put("draft_sha256", sha256(pretty(advisory.draft())));
        payload.put("summary", why);
        String diff = "publish " + advisory.trackingId() + " version " + (advisory.publishedVersion() + 1) + " (TLP:"
                + advisory.tlp() + ") about " + (advisory.subject().equals(SUBJECT_COMPONENT) ? "the service " : "")
                + advisory.product() + ": " + advisory.title() + "\n" + why;
        return changes.submit(new ChangeDraft(AdvisoryPublishing.KIND, id.toString(), "Publish " + advisory.trackingId()
                + " version " + (advisory.publishedVersion() + 1), payload, diff, why, null, false));
    }

    /** The document of one release, as published. */
    public String releaseDocument(UUID id, int version) {
        requireEverywhere("read");
        return jdbc.sql("SELECT document FROM csaf_advisory_release WHERE advisory_id = ? AND version = ?").params(id, version)
                .query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("release " + version + " of advisory", id));
    }

    // --- used by AdvisoryPublishing, within the approving request's transaction

    AdvisoryView find(UUID id) {
        AdvisoryView advisory = jdbc.sql("SELECT * FROM csaf_advisory WHERE id = ?").param(id)
                .query((rs, n) -> view(rs, true)).optional().orElseThrow(() -> ProblemException.notFound("advisory", id));
        return advisory;
    }

    ObjectNode nextRelease(AdvisoryView advisory, String summary, Instant now) {
        JsonNode previous = advisory.publishedVersion() == 0 ? null
                : read(jdbc.sql("SELECT document FROM csaf_advisory_release WHERE advisory_id = ? AND version = ?")
                        .params(advisory.id(), advisory.publishedVersion()).query(String.class).single());
        return ReleaseDocument.of(advisory.draft(), advisory.trackingId(), previous, advisory.publishedVersion() + 1, now, summary);
    }

    void requireValid(ObjectNode release) {
        ValidationReport report = report(release);
        if (!report.valid()) {
            List<Map<String, String>> failed = report.violations().stream()
                    .map(v -> Map.of("test", v.test(), "path", v.path(), "message", v.message())).toList();
            throw ProblemException.unprocessable("csaf-invalid", "the advisory fails CSAF 2.0 mandatory tests: "
                    + String.join("; ", report.violations().stream().map(CsafViolation::toString).toList()))
                    .with("violations", failed);
        }
    }

    static String pretty(JsonNode node) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        return JSON.readTree(json);
    }

    private ValidationReport report(ObjectNode release) {
        List<CsafViolation> violations = validator.validate(release);
        return new ValidationReport(violations.isEmpty(), validator.testIds(), violations, validator.warnings(release));
    }

    private String namespace() {
        return settings.publisherNamespace().isBlank() ? serverUrl.base() : settings.publisherNamespace();
    }

    /** The caller may do the action on vuln data of every tenant. */
    private void requireEverywhere(String action) {
        if (tenantScopes.slugs("vuln", action) != null) {
            throw ProblemException.forbidden("forbidden", "advisories speak for every tenant: they need vuln:" + action
                    + " on all tenants");
        }
    }

    private static ObjectNode requireShape(JsonNode document) {
        if (document == null || !document.isObject() || !document.path("document").isObject()) {
            throw ProblemException.badRequest("invalid-input", "the draft must be a CSAF document: a JSON object with a 'document' object");
        }
        JsonNode meta = document.path("document");
        if (!meta.path("category").isString() || !PROFILES.contains(meta.path("category").asString())) {
            throw ProblemException.badRequest("invalid-input", "/document/category must be csaf_security_advisory or csaf_vex");
        }
        String title = meta.path("title").isString() ? meta.path("title").asString().strip() : "";
        if (title.isEmpty() || title.length() > 300) {
            throw ProblemException.badRequest("invalid-input", "/document/title is required (at most 300 characters)");
        }
        JsonNode label = meta.path("distribution").path("tlp").path("label");
        if (!label.isString() || !TLP.contains(label.asString())) {
            throw ProblemException.badRequest("invalid-input", "/document/distribution/tlp/label must be one of WHITE, GREEN, AMBER, RED");
        }
        return (ObjectNode) document.deepCopy();
    }

    private static String clean(String value, int max, String what) {
        String text = value == null ? "" : value.replace("\u0000", "").strip();
        if (text.isEmpty() || text.length() > max) {
            throw ProblemException.badRequest("invalid-input", what + " is required (at most " + max + " characters)");
        }
        return text;
    }

    private AdvisoryView view(ResultSet rs, boolean full) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        JsonNode draft = null;
        List<AdvisoryView.Release> releases = List.of();
        if (full) {
            try {
                draft = read(rs.getString("draft"));
            } catch (JacksonException e) {
                throw new IllegalStateException("stored draft of " + id + " is not JSON", e);
            }
            releases = jdbc.sql("""
                    SELECT version, released_at, requested_by, approved_by, tlp, file_path, notified FROM csaf_advisory_release
                    WHERE advisory_id = ? ORDER BY version DESC""").param(id)
                    .query((r, n) -> new AdvisoryView.Release(r.getInt("version"), r.getTimestamp("released_at").toInstant(),
                            r.getString("requested_by"), r.getString("approved_by"), r.getString("tlp"),
                            r.getString("file_path").isEmpty() ? null : r.getString("file_path"),
                            List.of((String[]) r.getArray("notified").getArray()))).list();
        }
        return new AdvisoryView(id, rs.getString("tracking_id"), rs.getString("subject"), rs.getString("product"),
                rs.getObject("component_id", UUID.class), rs.getString("title"),
                rs.getString("tlp"), rs.getInt("published_version"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"),
                draft, releases);
    }
}
