package dev.vigil.server.alerting.internal.notify;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.alerting.ComponentTopology;
import dev.vigil.server.alerting.internal.AlertRows;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Topology-aware grouping. An upstream component is down while a firing alert of severity high or critical (a monitor
 * of level critical or emergency) names it (entity {@code component}); then the firing alerts of the components that
 * depend on it, directly or not, are grouped under that alert: recorded in {@code alert.suppressed_by}, not notified
 * on their own, and listed by the upstream's grouped notification. Of several down upstream components the farthest
 * (the likeliest cause) wins, then its oldest alert. Once the upstream alert resolves, the grouping is lifted and the
 * downstream alerts still firing are notified as usual.
 */
@Component
public class TopologySuppression {

    public static final String COMPONENT_ENTITY = "component";

    private final JdbcClient jdbc;
    private final ObjectProvider<ComponentTopology> topology;

    TopologySuppression(JdbcClient jdbc, ObjectProvider<ComponentTopology> topology) {
        this.jdbc = jdbc;
        this.topology = topology;
    }

    /** The firing alert of a down upstream component this firing alert belongs under, if any. */
    public Optional<AlertView> suppressorOf(AlertView alert) {
        String component = alert.entities().get(COMPONENT_ENTITY);
        ComponentTopology catalogue = topology.getIfAvailable();
        if (!alert.state().equals("firing") || component == null || catalogue == null) {
            return Optional.empty();
        }
        List<String> upstream = catalogue.upstreamOf(component);
        if (upstream.isEmpty()) {
            return Optional.empty();
        }
        List<AlertView> down = jdbc.sql("SELECT " + AlertRows.COLUMNS + """
                FROM alert WHERE state = 'firing' AND severity IN ('high', 'critical') AND entities ->> 'component' = ANY (?) AND id <> ?""")
                .params(upstream.toArray(String[]::new), alert.id()).query(AlertRows::map).list();
        return down.stream().min(Comparator.comparingInt((AlertView a) -> -upstream.indexOf(a.entities().get(COMPONENT_ENTITY)))
                .thenComparing(AlertView::firstSeen).thenComparing(AlertView::id));
    }

    /** Records the alert's current upstream alert (or that it has none any more) and returns it. */
    public Optional<AlertView> refresh(AlertView alert) {
        return record(alert, true);
    }

    /**
     * Records the alert's current upstream alert, if it has one, and returns it; a grouping that no longer holds is left
     * for {@link SuppressionRelease} to lift (it also starts the alert's escalations then).
     */
    Optional<AlertView> hold(AlertView alert) {
        return record(alert, false);
    }

    private Optional<AlertView> record(AlertView alert, boolean lift) {
        Optional<AlertView> upstream = suppressorOf(alert);
        UUID by = upstream.map(AlertView::id).orElse(null);
        if (alert.state().equals("firing") && !Objects.equals(by, alert.suppressedBy()) && (by != null || lift)) {
            jdbc.sql("UPDATE alert SET suppressed_by = ? WHERE id = ?").params(by, alert.id()).update();
        }
        return upstream;
    }

    /** Why an alert is held back while grouped under this upstream alert. */
    static String reason(AlertView upstream) {
        return "grouped under alert " + upstream.id() + " (" + upstream.title() + "): upstream component "
                + upstream.entities().get(COMPONENT_ENTITY) + " is down";
    }

    /** The firing alerts grouped under this one, each as {alert, component, title}, oldest first. */
    public List<Map<String, String>> affectedBy(UUID alertId) {
        return jdbc.sql("SELECT " + AlertRows.COLUMNS + " FROM alert WHERE suppressed_by = ? AND state = 'firing' ORDER BY first_seen, id")
                .param(alertId).query(AlertRows::map).list().stream().map(a -> {
                    Map<String, String> entry = new LinkedHashMap<>();
                    entry.put("alert", a.id().toString());
                    entry.put("component", a.entities().getOrDefault(COMPONENT_ENTITY, ""));
                    entry.put("title", a.title());
                    return entry;
                }).toList();
    }
}
