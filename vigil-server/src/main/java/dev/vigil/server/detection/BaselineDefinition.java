package dev.vigil.server.detection;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vigil.detect.baseline.BaselineDetector;
import dev.vigil.detect.baseline.NewTermsConfig;
import dev.vigil.detect.baseline.NewTermsDetector;
import dev.vigil.detect.baseline.RarityConfig;
import dev.vigil.detect.baseline.RarityDetector;
import dev.vigil.detect.baseline.TermTransform;
import dev.vigil.detect.baseline.VolumeConfig;
import dev.vigil.detect.baseline.VolumeDetector;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.ingest.TimeExpression;
import dev.vigil.server.platform.web.ProblemException;

/**
 * A learned-baseline detector as users define it. Entities are always kept apart by tenant.
 *
 * @param kind         {@code new-terms} (first value of {@code field} per entity), {@code rarity} (a value rare in the
 *                     entity's history) or {@code volume} (events, or the sum of {@code field}, per entity and hour
 *                     against the same hour of the week)
 * @param entityFields the fields naming the entity, e.g. {@code user.name}
 * @param field        the observed field; for volume a numeric field, or null to count events
 * @param transform    new-terms and rarity: {@code value}, {@code lower-case}, {@code ipv4-network-24}, {@code ipv4-network-16}
 * @param match        which events the detector sees: every field must equal the value (a list field must contain it)
 * @param severity     of its alerts (default medium)
 * @param sensitivity  new-terms: the most novel share of an entity's events still reported (0-1, default 0.2);
 *                     rarity: the share below which a value is rare (0-1, default 0.02); volume: the robust z-score
 *                     that is anomalous (default 6); see docs/DETECTION.md
 * @param warmup       new-terms: learning time before findings (default 7d); volume: learning hours (default 168h)
 * @param warmupEvents new-terms and rarity: events an entity needs before findings (defaults 10 and 20)
 */
public record BaselineDefinition(String name, String kind, List<String> entityFields, String field, String transform,
                                 Map<String, String> match, String severity, Double sensitivity, String warmup,
                                 Integer warmupEvents) {

    /** The pseudo-field that keeps tenants apart in every detector's entity key. */
    public static final String TENANT_FIELD = "vigil.tenant";

    public BaselineDefinition {
        match = match == null ? Map.of() : Map.copyOf(match);
        entityFields = entityFields == null ? List.of() : List.copyOf(entityFields);
    }

    /** Checks the definition and builds its detector; 400 naming the field when something is wrong. */
    public BaselineDetector detector() {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw invalid("name must be 1-63 lower-case letters, digits and dashes");
        }
        if (entityFields.isEmpty() || entityFields.stream().anyMatch(f -> f == null || f.isBlank())) {
            throw invalid("entityFields must name at least one field");
        }
        alertSeverity();
        List<String> entity = new ArrayList<>();
        entity.add(TENANT_FIELD);
        entity.addAll(entityFields);
        try {
            return switch (kind == null ? "" : kind) {
                case "new-terms" -> {
                    NewTermsConfig d = NewTermsConfig.of(name, entity, requireField(), termTransform());
                    yield new NewTermsDetector(new NewTermsConfig(name, entity, d.termField(), d.transform(), d.lookback(),
                            warmup == null ? d.warmup() : duration(), warmupEvents == null ? d.warmupEvents() : warmupEvents,
                            sensitivity == null ? d.maxNoveltyRate() : sensitivity, d.maxTermsPerEntity(), d.maxEntities()));
                }
                case "rarity" -> {
                    RarityConfig d = RarityConfig.of(name, entity, requireField(), termTransform());
                    yield new RarityDetector(new RarityConfig(name, entity, d.valueField(), d.transform(), d.halfLife(),
                            warmupEvents == null ? d.warmupEvents() : warmupEvents, sensitivity == null ? d.threshold() : sensitivity,
                            d.maxValuesPerEntity(), d.maxEntities()));
                }
                case "volume" -> {
                    VolumeConfig d = VolumeConfig.of(name, entity, field == null || field.isBlank() ? null : field);
                    yield new VolumeDetector(new VolumeConfig(name, entity, d.valueField(), ZoneOffset.UTC, d.weeks(), d.days(),
                            warmup == null ? d.warmupHours() : (int) duration().toHours(), d.minSlotHistory(),
                            sensitivity == null ? d.threshold() : sensitivity, d.scaleFloor(), d.minScale(), d.minVolume(),
                            d.maxEntities()));
                }
                default -> throw invalid("kind must be new-terms, rarity or volume");
            };
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    public AlertSeverity alertSeverity() {
        try {
            return severity == null || severity.isBlank() ? AlertSeverity.MEDIUM : AlertSeverity.parse(severity);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    private String requireField() {
        if (field == null || field.isBlank()) {
            throw invalid("field is required for kind " + kind);
        }
        return field;
    }

    private TermTransform termTransform() {
        String name = transform == null || transform.isBlank() ? "value" : transform;
        try {
            return TermTransform.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw invalid("transform must be value, lower-case, ipv4-network-24 or ipv4-network-16");
        }
    }

    private Duration duration() {
        return TimeExpression.duration("warmup", warmup);
    }

    private static ProblemException invalid(String reason) {
        return ProblemException.badRequest("invalid-baseline", reason);
    }
}
