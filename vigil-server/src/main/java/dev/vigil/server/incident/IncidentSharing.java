package dev.vigil.server.incident;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.vigil.intel.stix.share.SharedObservable;
import dev.vigil.intel.stix.share.SharingReport;
import dev.vigil.intel.stix.share.StixBundleWriter;
import dev.vigil.intel.stix.share.StixPatterns;
import dev.vigil.intel.stix.share.StixProducer;
import dev.vigil.intel.stix.share.TlpMarking;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.intel.SharedIncidents;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.incident.internal.IncidentStore;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shares an incident's observables with partners: its TLP, and its STIX 2.1 bundle (the tenant as producer identity,
 * the TLP as marking, one indicator per observable STIX patterns express, a report naming the incident). The producer
 * is the incident's tenant; the provider's own incidents are produced by "Vigil". Every export is an audit record.
 */
@Service
public class IncidentSharing implements SharedIncidents {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final IncidentStore store;
    private final ObservableService observables;
    private final TenantService tenants;
    private final IncidentService incidents;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final StixBundleWriter writer = new StixBundleWriter();

    IncidentSharing(IncidentStore store, ObservableService observables, TenantService tenants, IncidentService incidents,
            AuditLog audit, JdbcClient jdbc) {
        this.store = store;
        this.observables = observables;
        this.tenants = tenants;
        this.incidents = incidents;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The STIX 2.1 bundle of the incident's observables; 409 when none of them has a STIX indicator form. */
    public IncidentFile stixBundle(UUID id) {
        IncidentRow incident = store.read(id);
        TlpMarking tlp = TlpMarking.fromLabel(incident.tlp()).orElseThrow();
        StixBundleWriter.Result result = bundle(incident, tlp, store.now());
        if (result.indicatorIds().isEmpty()) {
            throw ProblemException.conflict("nothing-to-share", incident.ref() + " has no observable STIX indicators express "
                    + "(ip, domain, url, hash or email)");
        }
        audit.record(AuditEntry.success("incident.stix.export", "incident", id, store.tenantId(incident.tenant()),
                Map.of("tlp", tlp.label(), "indicators", result.indicatorIds().size(), "leftOut", result.leftOut().size())));
        return new IncidentFile(incident.ref().toLowerCase(Locale.ROOT) + ".stix.json", STIX_MEDIA_TYPE,
                JSON.writeValueAsBytes(result.bundle()));
    }

    @Override
    public Shareable shareable(UUID id) {
        IncidentRow incident = store.read(id);
        return new Shareable(incident.id(), incident.ref(), incident.title(), incident.tenant(), incident.tlp());
    }

    @Override
    public Optional<SharedObjects> objectsForPublication(UUID id) {
        return jdbc.sql("SELECT " + IncidentRow.COLUMNS + " FROM incident WHERE id = ?").param(id).query(IncidentRow::map).optional()
                .map(incident -> {
                    TlpMarking tlp = TlpMarking.fromLabel(incident.tlp()).orElseThrow();
                    // published is the incident's creation, so the report only changes when its content does
                    StixBundleWriter.Result result = bundle(incident, tlp, incident.createdAt());
                    List<ObjectNode> objects = new ArrayList<>();
                    if (!result.indicatorIds().isEmpty()) {
                        result.bundle().get("objects").forEach(o -> objects.add((ObjectNode) o));
                    }
                    return new SharedObjects(tlp, objects);
                });
    }

    private StixBundleWriter.Result bundle(IncidentRow incident, TlpMarking tlp, Instant published) {
        List<SharedObservable> shared = observables.list(incident.id()).stream()
                .map(o -> new SharedObservable(stixKind(o.kind(), o.value()), o.value(), o.note(), o.createdAt())).toList();
        return writer.write(new SharingReport(incident.id().toString(), incident.ref(), incident.ref() + ": " + incident.title(),
                description(incident, shared), incident.createdAt(), published, tlp, producer(incident.tenant()), shared));
    }

    /** Sets the TLP the incident is shared under. */
    @Transactional
    public IncidentView setTlp(UUID id, String tlp) {
        TlpMarking marking = TlpMarking.fromLabel(tlp).orElseThrow(() -> ProblemException.badRequest("invalid-tlp",
                "tlp must be one of " + java.util.Arrays.stream(TlpMarking.values()).map(TlpMarking::label)
                        .collect(Collectors.joining(", "))));
        IncidentRow incident = store.lock(id, "update");
        if (!incident.tlp().equals(marking.label())) {
            jdbc.sql("UPDATE incident SET tlp = ? WHERE id = ?").params(marking.label(), id).update();
            String who = store.caller();
            store.note(id, "tlp", who, "Shared as " + marking.displayName() + " (was TLP:" + incident.tlp().toUpperCase(Locale.ROOT) + ")");
            audit.record(AuditEntry.success("incident.tlp", "incident", id, store.tenantId(incident.tenant()),
                    Map.of("before", incident.tlp(), "after", marking.label())));
        }
        return incidents.get(id);
    }

    private StixProducer producer(String tenantSlug) {
        return tenants.all().stream().filter(t -> t.slug().equals(tenantSlug)).findFirst()
                .map(IncidentSharing::producer)
                .orElse(StixProducer.VIGIL);
    }

    private static StixProducer producer(TenantView tenant) {
        return new StixProducer("tenant|" + tenant.id(), tenant.name(), tenant.createdAt());
    }

    /** The kind name STIX patterns take: addresses by family, hashes by length; user and host stay as they are (left out). */
    static String stixKind(String kind, String value) {
        return switch (kind) {
            case "ip" -> value.contains(":") ? "ipv6" : "ipv4";
            case "hash" -> switch (value.length()) {
                case 32 -> "md5";
                case 40 -> "sha1";
                case 64 -> "sha256";
                default -> "sha512";
            };
            default -> kind;
        };
    }

    private static String description(IncidentRow incident, List<SharedObservable> shared) {
        List<String> leftOut = shared.stream().filter(o -> StixPatterns.of(o.kind(), o.value()).isEmpty())
                .map(SharedObservable::kind).toList();
        String summary = incident.summary() == null ? "" : incident.summary().strip();
        if (leftOut.isEmpty()) {
            return summary;
        }
        return (summary.isEmpty() ? "" : summary + "\n\n") + "Not shared (no STIX indicator form): " + leftOut.size()
                + " observable(s) of kind " + String.join(", ", leftOut.stream().distinct().sorted().toList()) + ".";
    }
}
