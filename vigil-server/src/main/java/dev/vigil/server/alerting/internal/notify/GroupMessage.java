package dev.vigil.server.alerting.internal.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.alerting.AlertView;

/**
 * One notification for a group of alerts (Alertmanager-style grouping): the group's labels and its alerts in three
 * lists — new firing (not in the group's last notification), still firing, and resolved since — each with where to
 * open it, a one-time acknowledgement link while it fires, and the downstream components' alerts grouped under it.
 */
public record GroupMessage(UUID id, String receiver, Map<String, String> groupLabels, List<Entry> newFiring, List<Entry> stillFiring,
                           List<Entry> resolved) implements NotificationMessage {

    /** An alert of the message; {@code affected} are the downstream alerts grouped under it ({alert, component, title, link}). */
    public record Entry(AlertView alert, String link, String ackLink, List<Map<String, String>> affected) {
    }

    public GroupMessage {
        groupLabels = Map.copyOf(groupLabels);
        newFiring = List.copyOf(newFiring);
        stillFiring = List.copyOf(stillFiring);
        resolved = List.copyOf(resolved);
    }

    public int firingCount() {
        return newFiring.size() + stillFiring.size();
    }

    @Override
    public String subject() {
        String status = firingCount() > 0 ? "[FIRING:" + firingCount() + "]" : "[RESOLVED:" + resolved.size() + "]";
        List<Entry> all = new ArrayList<>(newFiring);
        all.addAll(stillFiring);
        all.addAll(resolved);
        String about = groupLabels.isEmpty() ? all.getFirst().alert().title() : labels();
        return status + " " + about + (firingCount() > 0 && !resolved.isEmpty() ? " (" + resolved.size() + " resolved)" : "");
    }

    @Override
    public String text() {
        StringBuilder text = new StringBuilder(subject()).append('\n');
        text.append("Group: ").append(groupLabels.isEmpty() ? "(all alerts of the route)" : labels()).append(" · receiver: ")
                .append(receiver).append('\n');
        section(text, "New firing", newFiring);
        section(text, "Still firing", stillFiring);
        section(text, "Resolved", resolved);
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        text.append('\n').append(title).append(" (").append(entries.size()).append("):\n");
        for (Entry entry : entries) {
            AlertView alert = entry.alert();
            text.append("- [").append(alert.severity().toUpperCase(Locale.ROOT)).append("] ").append(alert.title())
                    .append(alert.tenant().equals("platform") ? "" : " (" + alert.tenant() + ")").append('\n');
            if (!alert.entities().isEmpty()) {
                text.append("  About: ");
                alert.entities().forEach((k, v) -> text.append(k).append('=').append(v).append(' '));
                text.append('\n');
            }
            text.append("  Seen: ").append(alert.explanation()).append(" · since ").append(alert.firstSeen())
                    .append(alert.resolvedAt() == null ? "" : " · resolved " + alert.resolvedAt()).append('\n');
            text.append("  Open: ").append(entry.link()).append('\n');
            if (entry.ackLink() != null) {
                text.append("  Acknowledge: ").append(entry.ackLink()).append('\n');
            }
            if (!entry.affected().isEmpty()) {
                text.append("  Affected downstream components (").append(entry.affected().size()).append(", grouped under it):\n");
                for (Map<String, String> down : entry.affected()) {
                    text.append("    · ").append(down.get("component")).append(": ").append(down.get("title")).append(" ")
                            .append(down.get("link")).append('\n');
                }
            }
        }
    }

    @Override
    public Map<String, Object> document() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", "1");
        document.put("kind", "alert-group");
        document.put("id", id.toString());
        document.put("status", firingCount() > 0 ? "firing" : "resolved");
        document.put("receiver", receiver);
        document.put("groupLabels", groupLabels);
        document.put("counts", Map.of("new", newFiring.size(), "firing", firingCount(), "resolved", resolved.size()));
        List<Map<String, Object>> alerts = new ArrayList<>();
        newFiring.forEach(e -> alerts.add(alertDocument("new", e)));
        stillFiring.forEach(e -> alerts.add(alertDocument("firing", e)));
        resolved.forEach(e -> alerts.add(alertDocument("resolved", e)));
        document.put("alerts", alerts);
        return document;
    }

    private static Map<String, Object> alertDocument(String status, Entry entry) {
        AlertView alert = entry.alert();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("status", status);
        document.put("id", alert.id().toString());
        document.put("title", alert.title());
        document.put("severity", alert.severity());
        document.put("state", alert.state());
        document.put("tenant", alert.tenant());
        document.put("source", alert.source());
        document.put("rule", alert.ruleRef());
        document.put("entities", alert.entities());
        document.put("explanation", alert.explanation());
        document.put("occurrences", alert.occurrences());
        document.put("firstSeen", alert.firstSeen().toString());
        document.put("lastSeen", alert.lastSeen().toString());
        if (alert.resolvedAt() != null) {
            document.put("resolvedAt", alert.resolvedAt().toString());
        }
        document.put("link", entry.link());
        if (entry.ackLink() != null) {
            document.put("acknowledgeLink", entry.ackLink());
        }
        document.put("affected", entry.affected());
        return document;
    }

    private String labels() {
        StringBuilder out = new StringBuilder();
        new java.util.TreeMap<>(groupLabels).forEach((k, v) -> out.append(out.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return out.toString();
    }
}
