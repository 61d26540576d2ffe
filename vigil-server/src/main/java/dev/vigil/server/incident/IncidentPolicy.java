package dev.vigil.server.incident;

import java.util.List;

import dev.vigil.monitor.routing.Matcher;
import dev.vigil.monitor.routing.MatcherParser;
import dev.vigil.server.alerting.AlertLabels;
import dev.vigil.server.alerting.AlertRaised;
import dev.vigil.server.alerting.AlertView;
import dev.vigil.server.platform.config.InvalidSettingException;
import dev.vigil.server.platform.config.VigilProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Opens incidents without waiting for a person: every new alert whose labels match {@code vigil.incident.auto-open}
 * (Alertmanager matchers over the alert labels, e.g. {@code severity="critical", host_name=~"prod-.*"}; empty: off)
 * opens an incident, or joins the open one of its tenant that already holds one of its entities. Runs after the
 * alert is committed, so a failure here never loses the alert; SLA-breach alerts of incidents are never matched.
 */
@Component
class IncidentPolicy {

    private static final Logger log = LoggerFactory.getLogger(IncidentPolicy.class);
    static final String KEY = "vigil.incident.auto-open";

    private final IncidentService incidents;
    private final List<Matcher> matchers;
    private final String text;
    private final java.time.Duration mergeWindow;

    @Autowired
    IncidentPolicy(IncidentService incidents, VigilProperties properties) {
        this(incidents, properties.incident().autoOpen(), properties.incident().suggestionWindow());
    }

    IncidentPolicy(IncidentService incidents, String matchers, java.time.Duration mergeWindow) {
        this.incidents = incidents;
        this.text = matchers.strip();
        this.mergeWindow = mergeWindow;
        try {
            this.matchers = text.isEmpty() ? List.of() : MatcherParser.parseAll(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(KEY, e.getMessage());
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AlertRaised raised) {
        AlertView alert = raised.alert();
        if (matchers.isEmpty() || alert.source().equals("incident")) {
            return;
        }
        var labels = AlertLabels.of(alert);
        if (matchers.stream().allMatch(m -> m.matches(labels))) {
            try {
                incidents.openByPolicy(alert, text, mergeWindow);
            } catch (RuntimeException e) {
                log.error("could not open an incident for alert {} ({}) by {}", alert.id(), alert.title(), KEY, e);
            }
        }
    }
}
