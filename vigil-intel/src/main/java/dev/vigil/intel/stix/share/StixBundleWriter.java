package dev.vigil.intel.stix.share;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link SharingReport} as a STIX 2.1 bundle: the producer's {@code identity}, the TLP 2.0
 * {@code marking-definition}, one {@code indicator} per distinct pattern and a {@code report} referring to them, all
 * marked with the TLP and created by the producer. Indicator, identity and report ids are deterministic (the same
 * observable of the same producer always has the same indicator id); the bundle id is new each time, as STIX wants.
 */
public final class StixBundleWriter {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** The bundle, and the observables left out because STIX patterns do not express their kind. */
    public record Result(ObjectNode bundle, List<String> indicatorIds, List<SharedObservable> leftOut) {
    }

    public Result write(SharingReport report) {
        Map<String, ObjectNode> indicators = new LinkedHashMap<>();
        List<SharedObservable> leftOut = new ArrayList<>();
        Instant modified = report.created();
        for (SharedObservable observable : report.observables()) {
            var indicator = indicator(report.producer(), report.tlp(), observable, -1);
            if (indicator.isEmpty()) {
                leftOut.add(observable);
                continue;
            }
            indicators.putIfAbsent(indicator.get().get("pattern").asString(), indicator.get());
            modified = observable.firstSeen().isAfter(modified) ? observable.firstSeen() : modified;
        }
        ObjectNode bundle = mapper.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode objects = bundle.putArray("objects");
        objects.add(identity(report.producer()));
        objects.add(marking(report.tlp()));
        indicators.values().forEach(objects::add);
        List<String> ids = indicators.values().stream().map(node -> node.get("id").asString()).toList();
        if (!ids.isEmpty()) {
            objects.add(report(report, ids, modified));
        }
        return new Result(bundle, ids, leftOut);
    }

    /** The identity object of a producer. */
    public ObjectNode identity(StixProducer producer) {
        ObjectNode identity = common("identity", producer.identityId(), producer.created(), producer.created());
        identity.put("name", producer.name());
        identity.put("identity_class", "organization");
        return identity;
    }

    /** The TLP 2.0 marking-definition object exactly as OASIS publishes it. */
    public ObjectNode marking(TlpMarking tlp) {
        ObjectNode marking = mapper.createObjectNode();
        marking.put("type", "marking-definition");
        marking.put("spec_version", "2.1");
        marking.put("id", tlp.id());
        marking.put("created", TlpMarking.CREATED);
        marking.put("name", tlp.displayName());
        ObjectNode extension = marking.putObject("extensions").putObject(TlpMarking.EXTENSION_DEFINITION);
        extension.put("extension_type", "property-extension");
        extension.put("tlp_2_0", tlp.label());
        return marking;
    }

    /**
     * The indicator of one observable by a producer under a marking, with a confidence (0..100, or -1 for none); empty
     * when STIX patterns do not express the observable's kind. Its id depends only on the producer and the pattern.
     */
    public Optional<ObjectNode> indicator(StixProducer producer, TlpMarking tlp, SharedObservable observable, int confidence) {
        return StixPatterns.of(observable.kind(), observable.value()).map(pattern -> {
            ObjectNode indicator = common("indicator", indicatorId(producer, pattern), observable.firstSeen(), observable.firstSeen());
            marked(indicator, producer, tlp);
            indicator.put("name", observable.kind() + " " + observable.value());
            if (!observable.description().isBlank()) {
                indicator.put("description", observable.description());
            }
            indicator.put("pattern", pattern);
            indicator.put("pattern_type", "stix");
            indicator.put("pattern_version", "2.1");
            indicator.put("valid_from", TIMESTAMP.format(observable.firstSeen()));
            if (confidence >= 0) {
                indicator.put("confidence", confidence);
            }
            return indicator;
        });
    }

    /** The deterministic id of a producer's indicator with this pattern. */
    public static String indicatorId(StixProducer producer, String pattern) {
        return StixIds.of("indicator", "indicator|" + producer.key() + "|" + pattern);
    }

    /** A timestamp as STIX writes it (UTC, milliseconds). */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    private ObjectNode report(SharingReport report, List<String> indicatorIds, Instant modified) {
        ObjectNode node = common("report", StixIds.of("report", "report|" + report.producer().key() + "|" + report.key()),
                report.created(), modified);
        marked(node, report.producer(), report.tlp());
        node.put("name", report.name());
        if (!report.description().isBlank()) {
            node.put("description", report.description());
        }
        node.putArray("report_types").add("threat-report");
        node.put("published", TIMESTAMP.format(report.published()));
        ArrayNode refs = node.putArray("object_refs");
        indicatorIds.forEach(refs::add);
        if (report.reference() != null) {
            ObjectNode reference = node.putArray("external_references").addObject();
            reference.put("source_name", "vigil");
            reference.put("external_id", report.reference());
        }
        return node;
    }

    private ObjectNode common(String type, String id, Instant created, Instant modified) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", type);
        node.put("spec_version", "2.1");
        node.put("id", id);
        node.put("created", TIMESTAMP.format(created));
        node.put("modified", TIMESTAMP.format(modified));
        return node;
    }

    private static void marked(ObjectNode node, StixProducer producer, TlpMarking tlp) {
        node.put("created_by_ref", producer.identityId());
        node.putArray("object_marking_refs").add(tlp.id());
    }
}
