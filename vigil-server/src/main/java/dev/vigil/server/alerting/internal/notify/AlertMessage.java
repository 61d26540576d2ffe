package dev.vigil.server.alerting.internal.notify;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.vigil.server.alerting.AlertView;

/**
 * What a notification says about an alert: its level, what it is about, what was seen and since when, and where to
 * act on it. One rendering as text (e-mail, chat) and one as a JSON document (webhooks). {@code ackLink}, when there is
 * one, acknowledges the alert without signing in (once).
 */
public record AlertMessage(AlertView alert, String link, String ackLink) implements NotificationMessage {

    @Override
    public String subject() {
        return "[" + alert.severity().toUpperCase(java.util.Locale.ROOT) + "] " + alert.title()
                + (alert.tenant().equals("platform") ? "" : " (" + alert.tenant() + ")");
    }

    @Override
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append(subject()).append('\n');
        text.append("Level: ").append(alert.severity()).append(" · source: ").append(alert.source()).append(" · state: ")
                .append(alert.state()).append('\n');
        if (!alert.entities().isEmpty()) {
            text.append("About: ");
            alert.entities().forEach((k, v) -> text.append(k).append('=').append(v).append(' '));
            text.append('\n');
        }
        text.append("Seen: ").append(alert.explanation()).append('\n');
        text.append("Since: ").append(alert.firstSeen()).append(" (").append(alert.occurrences()).append(" occurrence(s), last ")
                .append(alert.lastSeen()).append(")\n");
        if (!alert.author().isEmpty()) {
            text.append("Rule by: ").append(alert.author()).append('\n');
        }
        text.append("Open: ").append(link).append('\n');
        if (ackLink != null) {
            text.append("Acknowledge: ").append(ackLink).append('\n');
        }
        return text.toString();
    }

    @Override
    public Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", "1");
        document.put("id", alert.id().toString());
        document.put("title", alert.title());
        document.put("severity", alert.severity());
        document.put("state", alert.state());
        document.put("tenant", alert.tenant());
        document.put("source", alert.source());
        document.put("rule", alert.ruleRef());
        document.put("author", alert.author());
        document.put("entities", alert.entities());
        document.put("explanation", alert.explanation());
        document.put("occurrences", alert.occurrences());
        document.put("firstSeen", alert.firstSeen().toString());
        document.put("lastSeen", alert.lastSeen().toString());
        document.put("eventIds", alert.eventIds());
        document.put("link", link);
        if (ackLink != null) {
            document.put("acknowledgeLink", ackLink);
        }
        return document;
    }
}
