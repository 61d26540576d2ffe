package dev.vigil.server.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.server.incident.IncidentSummary;

/** The bar charts of the situation page, as widths in percent of the largest bar (drawn with plain HTML, no script). */
final class SituationCharts {

    private static final Map<String, String> SEVERITY_COLOURS = Map.of("informational", "#9ca3af", "low", "#60a5fa",
            "medium", "#fbbf24", "high", "#f97316", "critical", "#dc2626");

    private SituationCharts() {
    }

    /** One source's alerts, one segment per severity. */
    record StackedBar(String label, long total, List<Segment> segments) {
    }

    record Segment(String key, long count, double percent, String colour) {
    }

    /** Open incidents of one level, each linked. */
    record LevelBar(String level, double percent, List<IncidentSummary> incidents) {
    }

    static List<StackedBar> alertVolume(Map<String, Map<String, Long>> volume) {
        long largest = volume.values().stream().mapToLong(SituationCharts::sum).max().orElse(0);
        List<StackedBar> bars = new ArrayList<>();
        volume.entrySet().stream().sorted((a, b) -> Long.compare(sum(b.getValue()), sum(a.getValue()))).forEach(source -> {
            List<Segment> segments = new ArrayList<>();
            source.getValue().forEach((severity, count) -> {
                if (count > 0) {
                    segments.add(new Segment(severity, count, percent(count, largest), SEVERITY_COLOURS.getOrDefault(severity, "#6b7280")));
                }
            });
            bars.add(new StackedBar(source.getKey(), sum(source.getValue()), segments));
        });
        return bars;
    }

    /** Levels I-IV and the not yet graded, with the open incidents of each. */
    static List<LevelBar> incidentsByLevel(List<IncidentSummary> open) {
        Map<String, List<IncidentSummary>> byLevel = new LinkedHashMap<>();
        for (String level : List.of("I", "II", "III", "IV", "not graded")) {
            byLevel.put(level, new ArrayList<>());
        }
        for (IncidentSummary incident : open) {
            String level = incident.level() == null ? "not graded" : List.of("I", "II", "III", "IV").get(Math.clamp(incident.level(), 1, 4) - 1);
            byLevel.get(level).add(incident);
        }
        long largest = byLevel.values().stream().mapToLong(List::size).max().orElse(0);
        List<LevelBar> bars = new ArrayList<>();
        byLevel.forEach((level, incidents) -> bars.add(new LevelBar(level, percent(incidents.size(), largest), incidents)));
        return bars;
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double percent(long value, long largest) {
        return largest == 0 ? 0 : Math.round(value * 1000.0 / largest) / 10.0;
    }
}
