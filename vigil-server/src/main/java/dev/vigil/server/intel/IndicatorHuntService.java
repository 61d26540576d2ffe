package dev.vigil.server.intel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.vigil.intel.feed.IndicatorValueClassifier;
import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.intel.match.InvalidIndicatorException;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.ingest.EventHuntView;
import dev.vigil.server.ingest.EventHunts;
import dev.vigil.server.intel.internal.FeedTenantSwitches;
import dev.vigil.server.intel.internal.IndicatorLookup;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Retro-hunts of indicators: a feed's indicators, or indicators given as text (one a line), looked up in every
 * stored event of a range the requester may read — to find out whether a new indicator was already there.
 */
@Service
public class IndicatorHuntService {

    public static final String KIND = "indicators";
    public static final int MAX_VALUES = 10_000;

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final EventHunts hunts;
    private final FeedService feeds;
    private final FeedTenantSwitches switches;

    IndicatorHuntService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, EventHunts hunts, FeedService feeds,
            FeedTenantSwitches switches) {
        this.switches = switches;
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.hunts = hunts;
        this.feeds = feeds;
    }

    public EventHuntView start(UUID feedId, List<String> values, Instant from, Instant to) {
        if (!access.requireCurrent().can("intel", "read")) {
            throw ProblemException.forbidden("forbidden", "an indicator hunt needs intel:read and event:read");
        }
        boolean byValues = values != null && !values.isEmpty();
        if ((feedId == null) == !byValues) {
            throw ProblemException.badRequest("invalid-input", "give either feedId or values");
        }
        EventHunts.validateRange(from, to);
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        String subject;
        Set<String> off = feedId == null ? Set.of() : switches.offFor(feedId);
        if (feedId != null) {
            FeedView feed = feeds.get(feedId);
            IndicatorLookup.load(jdbc, "i.feed_id = ?", List.of(feedId), builder, indicator -> true);
            subject = "feed " + feed.name();
        } else {
            if (values.size() > MAX_VALUES) {
                throw ProblemException.badRequest("invalid-input", "at most " + MAX_VALUES + " values per hunt");
            }
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i) == null ? "" : values.get(i).strip();
                IndicatorType type = IndicatorValueClassifier.classify(value).orElse(null);
                if (type == null) {
                    problems.add("values[" + i + "]: not a recognisable indicator: '" + value + "'");
                    continue;
                }
                try {
                    builder.add(Indicator.of("hunt|" + i, type, value, "hunt", Indicator.UNKNOWN_CONFIDENCE));
                } catch (InvalidIndicatorException e) {
                    problems.add("values[" + i + "]: " + e.getMessage());
                }
            }
            if (!problems.isEmpty()) {
                throw ProblemException.badRequest("invalid-input", String.join("; ", problems));
            }
            subject = values.size() == 1 ? values.get(0).strip() : values.size() + " indicators";
        }
        IndicatorIndex index = builder.build();
        EventHuntView hunt = hunts.start(KIND, feedId == null ? null : feedId.toString(), subject, from, to, event -> {
            if (off.contains(event.tenant())) {
                return null;
            }
            List<IndicatorLookup.FieldMatch> found = IndicatorLookup.matches(index, event);
            return found.isEmpty() ? null : String.join("; ", found.stream().map(IndicatorLookup.FieldMatch::describe).toList());
        });
        audit.record(AuditEntry.success("intel.retro-hunt", "retro-hunt", hunt.id(), null, Map.of("subject", subject,
                "indicators", index.size(), "from", from.toString(), "to", to.toString())));
        return hunt;
    }

    public EventHuntView get(UUID id) {
        return hunts.get(id, KIND);
    }

    public List<EventHuntView> list() {
        return hunts.list(KIND);
    }
}
