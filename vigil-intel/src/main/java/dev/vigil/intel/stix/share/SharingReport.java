package dev.vigil.intel.stix.share;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one export shares: a STIX {@code report} (e.g. an incident) by a producer under one TLP marking, referring to an
 * indicator per observable.
 *
 * @param key       stable name the report's id is derived from (e.g. the incident id)
 * @param reference an external id to name in the report's external references (e.g. {@code INC-12}), or null
 * @param published when the report is published (the time of the export)
 */
public record SharingReport(String key, String reference, String name, String description, Instant created,
                            Instant published, TlpMarking tlp, StixProducer producer, List<SharedObservable> observables) {

    public SharingReport {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(tlp, "tlp");
        Objects.requireNonNull(producer, "producer");
        description = description == null ? "" : description;
        observables = List.copyOf(observables);
    }
}
