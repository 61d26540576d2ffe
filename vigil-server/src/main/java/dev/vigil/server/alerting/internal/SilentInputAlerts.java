package dev.vigil.server.alerting.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.ingest.InputSilenceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A source that stops sending is a warning: an alert while it is silent, resolved when it sends again. */
@Component
class SilentInputAlerts {

    private final AlertIntake intake;

    SilentInputAlerts(AlertIntake intake) {
        this.intake = intake;
    }

    @EventListener
    void on(InputSilenceChanged change) {
        String key = "ingest:silent:" + change.inputId();
        if (change.silent()) {
            intake.raise(new AlertDraft(change.tenant(), "ingest", change.inputId().toString(),
                    "Silent source: input " + change.inputName(), "", AlertSeverity.MEDIUM, key, Duration.ofDays(3650),
                    Map.of("input.name", change.inputName()), List.of(),
                    "Input " + change.inputName() + " has sent nothing since " + change.lastSeenAt()
                            + " (expected: events at least every vigil.ingest.silent-after). Check the sender and the network path.",
                    change.at(), 1));
        } else {
            intake.resolveByKey(key, "ingest", "input " + change.inputName() + " sends again since " + change.at());
        }
    }
}
