package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import dev.vigil.events.Event;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recognition of the cloud audit shapes is by a set of top-level keys: every key of the set is needed (a document
 * missing any one stays generic JSON), and nothing else about the document changes the dataset or loses a field.
 */
class CloudShapesPropertiesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A minimal document of each shape: its recognising keys only. */
    private static final Map<String, Map<String, Object>> MINIMAL = Map.of(
            "aws.cloudtrail", Map.of("eventVersion", "1.09", "eventSource", "iam.amazonaws.com",
                    "eventName", "CreateUser"),
            "azure.activitylogs", Map.of("time", "2026-03-29T10:00:00Z", "resourceId", "/SUBSCRIPTIONS/S",
                    "operationName", "MICROSOFT.KEYVAULT/VAULTS/DELETE", "category", "Administrative"),
            "azure.signinlogs", Map.of("userPrincipalName", "a@example.com", "appDisplayName", "Portal",
                    "createdDateTime", "2026-03-29T10:00:00Z", "status", Map.of("errorCode", 0)),
            "gcp.audit", Map.of("protoPayload", Map.of("@type", "type.googleapis.com/google.cloud.audit.AuditLog")),
            "okta.system", Map.of("uuid", "u-1", "published", "2026-03-29T10:00:00Z", "eventType",
                    "user.session.start", "actor", Map.of("id", "00u1")),
            "m365.audit", Map.of("CreationTime", "2026-03-29T10:00:00", "Operation", "UserLoggedIn",
                    "RecordType", 15, "Workload", "AzureActiveDirectory"));

    @Property(tries = 200)
    void everyRecognisingKeyIsNeeded(@ForAll("datasets") String dataset, @ForAll("indexes") int index) {
        Map<String, Object> document = new LinkedHashMap<>(MINIMAL.get(dataset));
        List<String> keys = List.copyOf(document.keySet());
        document.remove(keys.get(index % keys.size()));

        assertThat(parse(document).fields()).containsEntry("event.dataset", "json");
    }

    @Property(tries = 300)
    void otherFieldsChangeNothingAndAreKept(@ForAll("datasets") String dataset,
                                             @ForAll("extraFields") Map<String, String> extra) {
        Map<String, Object> document = new LinkedHashMap<>(MINIMAL.get(dataset));
        document.putAll(extra);

        Event event = parse(document);

        FieldValues.assertObeyTheValueRule(event);
        assertThat(event.fields()).containsEntry("event.dataset", dataset).containsAllEntriesOf(extra);
    }

    @Provide
    Arbitrary<String> datasets() {
        return Arbitraries.of(List.copyOf(MINIMAL.keySet()));
    }

    @Provide
    Arbitrary<Integer> indexes() {
        return Arbitraries.integers().between(0, 3);
    }

    @Provide
    Arbitrary<Map<String, String>> extraFields() {
        Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(name -> "x_" + name);
        Arbitrary<String> values = Arbitraries.strings().ofMaxLength(40);
        return Arbitraries.maps(names, values).ofMaxSize(8);
    }

    private static Event parse(Map<String, Object> document) {
        return ParsedEvents.json(JSON.writeValueAsString(document));
    }
}
