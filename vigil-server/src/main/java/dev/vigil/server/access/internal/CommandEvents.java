package dev.vigil.server.access.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.bastion.gateway.RecordedCommand;
import dev.vigil.server.ingest.OwnEvents;
import org.springframework.stereotype.Component;

/**
 * Each command an operator ran or tried through the bastion becomes an event on the event path (input {@value #INPUT},
 * dataset {@value #DATASET}), so detection rules and log monitors see operator activity like any other source. The
 * event is in the common schema: {@code user.name}, {@code host.name} (the target), {@code process.command_line},
 * {@code event.outcome} (failure when it did not run), plus {@code bastion.*} (session, account, decision, rule,
 * review). A full spool loses the event, never the command's record (the audit trail keeps it).
 */
@Component
class CommandEvents {

    static final String INPUT = "bastion";
    static final String DATASET = "bastion.command";
    private static final System.Logger LOG = System.getLogger(CommandEvents.class.getName());

    private final OwnEvents events;

    CommandEvents(OwnEvents events) {
        this.events = events;
    }

    /** {@code session}: the session row's user_id, username, source_address, target_name, account. */
    void publish(String sessionId, Map<String, Object> session, RecordedCommand command) {
        try {
            events.accept(INPUT, "Commands of operators through the bastion gateway (written by Vigil)", List.of(document(sessionId, session, command)));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "bastion command of session " + sessionId + " did not reach the event path", e);
        }
    }

    static Map<String, Object> document(String sessionId, Map<String, Object> session, RecordedCommand command) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("kind", "event");
        event.put("dataset", DATASET);
        event.put("category", List.of("process"));
        event.put("type", List.of(command.ran() ? "start" : "denied"));
        event.put("action", "bastion_command");
        event.put("outcome", command.ran() ? "success" : "failure");
        Map<String, Object> bastion = new LinkedHashMap<>();
        bastion.put("session", sessionId);
        bastion.put("account", session.get("account"));
        bastion.put("decision", command.action().label());
        bastion.put("ran", command.ran());
        command.ruleId().ifPresent(rule -> bastion.put("rule", rule));
        if (!command.reasons().isEmpty()) {
            bastion.put("reasons", command.reasons());
        }
        command.review().ifPresent(review -> {
            bastion.put("review", review.outcome().label());
            if (!review.decidedBy().isEmpty()) {
                bastion.put("reviewed_by", review.decidedBy());
            }
        });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@timestamp", command.at().toString());
        document.put("event", event);
        document.put("user", Map.of("name", session.get("username"), "id", String.valueOf(session.get("user_id"))));
        document.put("host", Map.of("name", session.get("target_name")));
        document.put("source", Map.of("ip", String.valueOf(session.get("source_address"))));
        document.put("process", Map.of("command_line", command.text()));
        document.put("observer", Map.of("type", "bastion", "product", "vigil"));
        document.put("bastion", bastion);
        return document;
    }
}
