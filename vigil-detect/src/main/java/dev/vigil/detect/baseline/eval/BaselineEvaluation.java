package dev.vigil.detect.baseline.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import dev.vigil.detect.event.JsonEvent;

/**
 * Evaluates the detectors on the real sshd auth log of the corpus ({@code linux-logs/elastic-auth-log/auth.log}) with
 * synthetic background transfers and injected attacks, all generated from one seed. One run over the background alone
 * gives each detector's false positives (the real log is unlabelled and does contain real brute force; findings on it
 * count as false). Then every attack instance is replayed alone on top of the background with fresh detectors, so that
 * attacks never become each other's history: the instance is detected when at least one of its events raised a
 * finding, and those findings are its true positives. Precision for a scenario is true positives over true positives
 * plus the background's false positives, i.e. that of one stream holding the scenario's instances.
 */
public final class BaselineEvaluation {

    /** Injected attacks start after this much of the log, so that the baselines are warm. */
    static final Duration WARMUP = Duration.ofDays(8);

    /**
     * @param authLog   the auth.log file
     * @param year      the year of its lines (syslog lines have none)
     * @param seed      seeds the background transfers and the attacks
     * @param instances attack instances injected per scenario
     */
    public record Settings(Path authLog, int year, long seed, int instances) {

        public static Settings defaults(Path corpus) {
            return new Settings(corpus.resolve("linux-logs").resolve("elastic-auth-log").resolve("auth.log"), 2017, 42,
                    20);
        }
    }

    /** One detector on one scenario. */
    public record Row(String scenario, String detector, int instances, int detected, long findings,
                      long truePositives) {

        public double recall() {
            return instances == 0 ? 0 : (double) detected / instances;
        }

        /** NaN without findings. */
        public double precision() {
            return findings == 0 ? Double.NaN : (double) truePositives / findings;
        }
    }

    /**
     * @param falsePositives findings per detector on the background alone
     * @param rows           every scenario × detector
     */
    public record Result(Settings settings, long realLogins, long backgroundTransfers, Map<String, Long> falsePositives,
                         List<Row> rows) {

        public Row row(String scenario, String detector) {
            return rows.stream().filter(r -> r.scenario().equals(scenario) && r.detector().equals(detector))
                    .findFirst().orElseThrow();
        }
    }

    private BaselineEvaluation() {
    }

    public static Result run(Settings settings) throws IOException {
        List<AuthEvent> logins = SshdAuthLog.read(settings.authLog(), settings.year());
        if (logins.isEmpty()) {
            throw new IOException(settings.authLog() + " holds no sshd login lines");
        }
        List<AuthEvent> transfers = new BackgroundTransfers(settings.seed()).sessions(logins);
        List<AuthEvent> background = new ArrayList<>(logins);
        background.addAll(transfers);
        background.sort(Comparator.comparing(AuthEvent::timestamp)); // stable: ties keep the log's order
        Map<AuthEvent, JsonEvent> json = new IdentityHashMap<>();
        background.forEach(e -> json.put(e, EvaluationDetectors.json(e)));

        Map<String, Long> falsePositives = new HashMap<>();
        replay(background, json, (event, detector) -> falsePositives.merge(detector, 1L, Long::sum));

        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : Scenario.values()) {
            AttackInjector injector = new AttackInjector(settings.seed() * 31 + scenario.ordinal(), background, WARMUP);
            Map<String, Long> truePositives = new HashMap<>();
            Map<String, Integer> detected = new HashMap<>();
            for (int instance = 0; instance < settings.instances(); instance++) {
                List<AuthEvent> attack = injector.instance(scenario, instance);
                Set<String> detectedBy = new HashSet<>();
                replay(withAttack(background, attack), json, (event, detector) -> {
                    if (event.injected()) {
                        truePositives.merge(detector, 1L, Long::sum);
                        detectedBy.add(detector);
                    }
                });
                detectedBy.forEach(d -> detected.merge(d, 1, Integer::sum));
            }
            for (String detector : EvaluationDetectors.NAMES) {
                long tp = truePositives.getOrDefault(detector, 0L);
                rows.add(new Row(scenario.label(), detector, settings.instances(), detected.getOrDefault(detector, 0),
                        tp + falsePositives.getOrDefault(detector, 0L), tp));
            }
        }
        return new Result(settings, logins.size(), transfers.size(), falsePositives, rows);
    }

    /** The background with one attack merged in time order, cut after the attack's last event. */
    private static List<AuthEvent> withAttack(List<AuthEvent> background, List<AuthEvent> attack) {
        List<AuthEvent> sorted = new ArrayList<>(attack);
        sorted.sort(Comparator.comparing(AuthEvent::timestamp));
        List<AuthEvent> merged = new ArrayList<>(background.size() + sorted.size());
        int a = 0;
        for (AuthEvent event : background) {
            while (a < sorted.size() && sorted.get(a).timestamp().isBefore(event.timestamp())) {
                merged.add(sorted.get(a++));
            }
            if (a == sorted.size() && !sorted.isEmpty()) {
                // the attack is over: later events cannot be findings on it
                return merged;
            }
            merged.add(event);
        }
        merged.addAll(sorted.subList(a, sorted.size()));
        return merged;
    }

    /** Runs fresh detectors over the events and reports each finding with the event that raised it. */
    private static void replay(List<AuthEvent> events, Map<AuthEvent, JsonEvent> json,
            BiConsumer<AuthEvent, String> findings) {
        EvaluationDetectors detectors = new EvaluationDetectors();
        for (int i = 0; i < events.size(); i++) {
            AuthEvent event = events.get(i);
            JsonEvent view = json.get(event);
            for (String detector : detectors.observe(event, view != null ? view : EvaluationDetectors.json(event), i)) {
                findings.accept(event, detector);
            }
        }
    }

    /**
     * The result as a Markdown table: one row per detector, one column per scenario with recall / precision (precision
     * "–" when the detector raised nothing in that scenario), and the detector's findings on the background alone.
     */
    public static String markdown(Result result) {
        List<String> scenarios = result.rows().stream().map(Row::scenario).distinct().toList();
        StringBuilder out = new StringBuilder("| detector | ");
        scenarios.forEach(s -> out.append(s).append(" | "));
        out.append("false findings on background |\n|---|");
        scenarios.forEach(s -> out.append("---:|"));
        out.append("---:|\n");
        for (String detector : EvaluationDetectors.NAMES) {
            out.append("| ").append(detector).append(" | ");
            for (String scenario : scenarios) {
                Row r = result.row(scenario, detector);
                out.append(String.format(Locale.ROOT, "%.2f / %s", r.recall(), Double.isNaN(r.precision()) ? "–"
                        : String.format(Locale.ROOT, "%.2f", r.precision()))).append(" | ");
            }
            out.append(result.falsePositives().getOrDefault(detector, 0L)).append(" |\n");
        }
        return out.toString();
    }
}
