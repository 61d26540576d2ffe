package dev.vigil.intel.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.intel.stix.bundle.StixBundleReader;
import dev.vigil.intel.stix.bundle.StixIndicator;
import dev.vigil.testkit.TaxiiTestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The TAXII 2.1 client against a TAXII server started by the test (standing for a partner's server). */
class TaxiiClientTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    static String indicator(int n) {
        return """
                {"type":"indicator","spec_version":"2.1","id":"indicator--00000000-0000-4000-8000-%012d",
                 "created":"2026-03-01T10:00:00Z","modified":"2026-03-01T10:00:00Z","valid_from":"2026-03-01T10:00:00Z",
                 "pattern_type":"stix","pattern":"[ipv4-addr:value = '198.51.100.%d']"}""".formatted(n, n);
    }

    @Test
    void discoversApiRootsAndCollectionsAndPollsEveryPageThenOnlyWhatIsNew() throws Exception {
        try (TaxiiTestServer server = new TaxiiTestServer("c0ll3ct10n", 2, "s3cret")) {
            for (int i = 1; i <= 5; i++) {
                server.add(T0.plusSeconds(i), indicator(i));
            }
            server.add(T0.plusSeconds(6), "{\"type\":\"identity\",\"id\":\"identity--1\",\"name\":\"Partner\"}");
            TaxiiClient client = new TaxiiClient(http, Duration.ofSeconds(5), "Bearer s3cret");

            TaxiiDiscovery discovery = client.discover(server.discovery());
            assertThat(discovery.title()).isEqualTo("Partner TAXII");
            assertThat(discovery.apiRoots()).containsExactly(server.apiRoot());
            assertThat(discovery.defaultRoot()).isEqualTo(server.apiRoot());
            List<TaxiiCollection> collections = client.collections(discovery.defaultRoot());
            assertThat(collections).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo("c0ll3ct10n");
                assertThat(c.canRead()).isTrue();
                assertThat(c.url()).isEqualTo(server.collection());
            });

            List<StixIndicator> indicators = new ArrayList<>();
            TaxiiPoll first = client.poll(server.collection(), null, o -> StixBundleReader.indicatorOf(o).ifPresent(indicators::add));
            assertThat(first.pages()).isEqualTo(3);
            assertThat(first.objects()).isEqualTo(6);
            assertThat(first.addedLast()).isEqualTo(T0.plusSeconds(6));
            assertThat(indicators).hasSize(5);
            assertThat(server.objectRequests()).containsExactly("", "next=2", "next=4");

            server.add(T0.plusSeconds(7), indicator(7));
            List<JsonNode> fresh = new ArrayList<>();
            TaxiiPoll second = client.poll(server.collection(), first.addedLast(), fresh::add);
            assertThat(fresh).singleElement().satisfies(o -> assertThat(o.path("pattern").asString()).contains("198.51.100.7"));
            assertThat(second.addedLast()).isEqualTo(T0.plusSeconds(7));
            assertThat(server.objectRequests().getLast()).isEqualTo("added_after=2026-03-01T10%3A00%3A06Z");

            TaxiiPoll nothing = client.poll(server.collection(), second.addedLast(), o -> { });
            assertThat(nothing.objects()).isZero();
            assertThat(nothing.addedLast()).isNull();
        }
    }

    @Test
    void refusalsAndNonTaxiiAnswersAreClearErrors() throws Exception {
        try (TaxiiTestServer server = new TaxiiTestServer("c", 10, "s3cret")) {
            assertThatThrownBy(() -> new TaxiiClient(http, Duration.ofSeconds(5), null).discover(server.discovery()))
                    .isInstanceOf(TaxiiException.class).hasMessageContaining("HTTP 401 (Unauthorized)");
            TaxiiClient client = new TaxiiClient(http, Duration.ofSeconds(5), "Bearer s3cret");
            assertThatThrownBy(() -> client.poll(URI.create(server.apiRoot() + "collections/nope/"), null, o -> { }))
                    .isInstanceOf(TaxiiException.class).hasMessageContaining("HTTP 404");
            assertThatThrownBy(() -> client.discover(URI.create("ftp://example.test/")))
                    .hasMessageContaining("only http and https");
        }
        assertThat(TaxiiClient.isTaxii21("application/taxii+json; version=2.1")).isTrue();
        assertThat(TaxiiClient.isTaxii21("application/json")).isFalse();
        assertThat(TaxiiClient.isTaxii21("application/taxii+json;version=2.0")).isFalse();
    }
}
