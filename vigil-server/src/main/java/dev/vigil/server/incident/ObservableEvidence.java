package dev.vigil.server.incident;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.vigil.events.store.QuerySyntaxException;
import dev.vigil.server.incident.internal.IncidentRow;
import dev.vigil.server.ingest.EventSearchService;
import dev.vigil.server.intel.FeedService;
import dev.vigil.server.intel.IndicatorView;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Links an incident's observables to the stored events containing them (counted in the incident's tenant from the
 * suggestion window before it started or was detected until now, with the search that lists them) and to the
 * indicators of the intel feeds with the same value. Events and indicators are read with the caller's permissions.
 */
@Component
class ObservableEvidence {

    private final EventSearchService events;
    private final FeedService feeds;
    private final Duration lookback;

    ObservableEvidence(EventSearchService events, FeedService feeds, VigilProperties properties) {
        this.events = events;
        this.feeds = feeds;
        this.lookback = properties.incident().suggestionWindow();
    }

    List<IncidentView.Observable> of(IncidentRow incident, List<IncidentView.Observable> observables, Instant now) {
        if (observables.isEmpty()) {
            return observables;
        }
        Instant began = incident.startedAt() != null && incident.startedAt().isBefore(incident.detectedAt())
                ? incident.startedAt() : incident.detectedAt();
        Instant from = began.minus(lookback);
        return observables.stream().map(o -> o.withEvidence(evidence(incident.tenant(), o, from, now))).toList();
    }

    private IncidentView.Evidence evidence(String tenant, IncidentView.Observable observable, Instant from, Instant to) {
        String query = ObservableQueries.of(tenant, observable.kind(), observable.value());
        long count;
        try {
            count = events.count(query, from, to);
        } catch (QuerySyntaxException | ProblemException e) {
            count = 0;
        }
        long hours = Math.max(1, Duration.between(from, to).toHours() + 1);
        String q = URLEncoder.encode(query, StandardCharsets.UTF_8);
        return new IncidentView.Evidence(count, query, from, to,
                "/api/v1/events/search?q=" + q + "&from=" + from + "&to=" + to,
                "/events?q=" + q + "&range=" + hours + "h", indicators(observable.value()));
    }

    private List<IncidentView.IndicatorMatch> indicators(String value) {
        try {
            return feeds.lookup(value).stream().map(ObservableEvidence::match).toList();
        } catch (ProblemException notPermitted) {
            return null;
        }
    }

    private static IncidentView.IndicatorMatch match(IndicatorView indicator) {
        return new IncidentView.IndicatorMatch(indicator.feed(), indicator.type(), indicator.value(), indicator.confidence(),
                indicator.description(), indicator.verdict(), indicator.sightings());
    }
}
