package dev.vigil.detect.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.event.RecordBatches;
import dev.vigil.detect.sigma.correlation.CorrelationEngine;
import dev.vigil.detect.sigma.correlation.CorrelationMatch;
import dev.vigil.detect.sigma.correlation.EventTime;
import dev.vigil.detect.sigma.correlation.SkippedCorrelation;
import dev.vigil.detect.sigma.engine.PlaceholderValues;
import dev.vigil.detect.sigma.engine.RuleMatch;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.engine.SkippedRule;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.logsource.MappingException;
import dev.vigil.detect.sigma.rule.SigmaCorrelation;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaFilter;
import dev.vigil.detect.sigma.rule.SigmaProblem;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vigil detect}: evaluates Sigma rules offline over JSON-lines events and prints one line per match.
 */
@Command(name = "detect", mixinStandardHelpOptions = true, subcommands = BaselineEvalCommand.class,
        description = {"Run Sigma rules over JSON-lines events (one event per line; Windows evtx_dump nesting or flat;",
                "a line {\"Records\":[...]} or {\"records\":[...]} is a batch of cloud audit records, one event each).",
                "Prints one line per match (and per fired correlation rule); a summary and skipped rules go to stderr.",
                "Exit status: 0 success, 2 unreadable or invalid input, rules, mapping or placeholder file."})
public final class DetectCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @Spec
    CommandSpec spec;

    // checked in call(), not by picocli, so that 'detect baseline-eval' does not need them
    @Option(names = "--rules", arity = "1..*", paramLabel = "PATH",
            description = "Rule file or folder (searched recursively for .yml/.yaml); repeatable. Required.")
    List<Path> rulePaths;

    @Option(names = "--events", paramLabel = "FILE|-", description = "JSON-lines events, '-' for stdin. Required.")
    String events;

    @Option(names = "--mapping", defaultValue = "windows", paramLabel = "NAME|FILE",
            description = "Log-source mapping: built-in 'windows' (default), 'none' (no scoping) or a mapping YAML file.")
    String mapping;

    @Option(names = "--placeholders", paramLabel = "FILE",
            description = "YAML map of placeholder name to values for rules using the 'expand' modifier.")
    Path placeholders;

    @Option(names = "--output", defaultValue = "jsonl", paramLabel = "jsonl|table",
            description = "Output format: jsonl (default) or table.")
    OutputFormat output;

    @Option(names = "--skip-invalid", description = "Skip rule files with errors (listed on stderr) instead of failing.")
    boolean skipInvalid;

    @Option(names = "--verbose", description = "Also list rules whose log source the mapping does not cover.")
    boolean verbose;

    @Option(names = "--time-field", paramLabel = "FIELD",
            description = "Event time for correlation rules (default: TimeCreated_SystemTime, UtcTime, @timestamp, "
                    + "timestamp, time).")
    String timeField;

    @Option(names = "--max-groups", defaultValue = "100000", paramLabel = "N",
            description = "Correlation groups kept per correlation rule (least recently active dropped first).")
    int maxGroups;

    private final List<SigmaCorrelation> correlations = new ArrayList<>();
    private final List<SigmaFilter> filters = new ArrayList<>();

    enum OutputFormat { jsonl, table }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            if (rulePaths == null || events == null) {
                err.println("error: --rules and --events are required");
                spec.commandLine().usage(err);
                return 2;
            }
            return run(out, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int run(PrintWriter out, PrintWriter err) {
        LogSourceMapping logSources;
        Map<String, List<String>> placeholderValues = Map.of();
        List<SigmaRule> rules = new ArrayList<>();
        try {
            logSources = LogSourceMappingLoader.load(mapping);
            if (placeholders != null) {
                placeholderValues = PlaceholderValues.load(placeholders);
            }
            if (!loadRules(rules, err)) {
                return 2;
            }
        } catch (MappingException | IOException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        RuleSet ruleSet = RuleSet.compile(rules, logSources, placeholderValues, filters);
        CorrelationEngine correlationEngine = CorrelationEngine.compile(correlations, ruleSet.rules(), maxGroups, 10_000);
        for (SkippedCorrelation skipped : correlationEngine.skipped()) {
            err.println("skipped: " + skipped.correlation().source() + ":" + skipped.correlation().line() + ": "
                    + skipped.correlation().handle() + ": " + skipped.reason());
        }
        int notMapped = 0;
        for (SkippedRule skipped : ruleSet.skipped()) {
            boolean unmapped = skipped.reason() == SkippedRule.Reason.LOGSOURCE_NOT_MAPPED;
            notMapped += unmapped ? 1 : 0;
            if (!unmapped || verbose) {
                err.println("skipped: " + skipped.rule().source() + ":" + skipped.rule().line() + ": "
                        + skipped.rule().handle() + ": " + skipped.detail());
            }
        }
        if (output == OutputFormat.table) {
            out.printf("%-7s %-13s %-36s %s%n", "EVENT", "LEVEL", "RULE ID", "TITLE (AUTHOR)");
        }
        Counts counts = new Counts();
        int status = evaluate(ruleSet, correlationEngine, out, err, counts);
        err.printf("%d events, %d matches; %d rules evaluated, %d skipped as not evaluable, %d not covered by mapping %s%s%n",
                counts.events, counts.matches, ruleSet.rules().size(), ruleSet.skipped().size() - notMapped, notMapped,
                logSources.name(), counts.invalidLines > 0 ? "; " + counts.invalidLines + " invalid event lines" : "");
        if (correlationEngine.correlationCount() > 0) {
            err.printf("%d correlation rules evaluated, %d fired%s%s%n", correlationEngine.correlationCount(),
                    counts.correlationMatches, counts.withoutTime > 0
                            ? "; " + counts.withoutTime + " matching events without a time were not correlated" : "",
                    correlationEngine.nonNumericValues() > 0 ? "; " + correlationEngine.nonNumericValues()
                            + " matching events without a numeric value were left out of value_* correlations" : "");
        }
        return status;
    }

    private boolean loadRules(List<SigmaRule> rules, PrintWriter err) throws IOException {
        SigmaRuleParser parser = new SigmaRuleParser();
        boolean valid = true;
        for (Path file : RuleFiles.expand(rulePaths)) {
            SigmaDocuments documents = parser.parse(file);
            for (SigmaProblem problem : documents.problems()) {
                err.println((skipInvalid ? "skipped: " : "error: ") + problem);
                valid = false;
            }
            rules.addAll(documents.rules());
            correlations.addAll(documents.correlations());
            filters.addAll(documents.filters());
        }
        return valid || skipInvalid;
    }

    private static final class Counts {
        long events;
        long matches;
        long invalidLines;
        long correlationMatches;
        long withoutTime;
    }

    /** Returns the exit status. */
    private int evaluate(RuleSet ruleSet, CorrelationEngine correlationEngine, PrintWriter out, PrintWriter err,
            Counts counts) {
        Evaluation evaluation = new Evaluation(ruleSet, correlationEngine, new JsonEventParser(),
                timeField == null ? EventTime.DEFAULT_FIELDS : List.of(timeField), out, err, counts);
        boolean stdin = "-".equals(events);
        try (BufferedReader reader = stdin
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(events), StandardCharsets.UTF_8)) {
            String line;
            long index = 0;
            while ((line = reader.readLine()) != null) {
                long lineIndex = index++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> records = RecordBatches.records(line);
                if (records == null) {
                    evaluate(evaluation, line, lineIndex, -1);
                    continue;
                }
                for (int r = 0; r < records.size(); r++) {
                    evaluate(evaluation, records.get(r), lineIndex, r);
                }
            }
        } catch (IOException e) {
            err.println("error: " + (stdin ? "stdin" : events) + ": cannot read: " + e.getMessage());
            return 2;
        }
        return counts.invalidLines > 0 ? 2 : 0;
    }

    /** What evaluating one event needs. */
    private record Evaluation(RuleSet ruleSet, CorrelationEngine correlationEngine, JsonEventParser parser,
                              List<String> timeFields, PrintWriter out, PrintWriter err, Counts counts) {
    }

    /**
     * One event: a line ({@code recordIndex} -1) or record {@code recordIndex} of the line's batch. Matches print the
     * line's {@code event_index} and, for a record, its {@code record_index}.
     */
    private void evaluate(Evaluation run, String json, long lineIndex, int recordIndex) {
        JsonEventParser parser = run.parser();
        RuleSet ruleSet = run.ruleSet();
        CorrelationEngine correlationEngine = run.correlationEngine();
        PrintWriter out = run.out();
        Counts counts = run.counts();
        JsonEvent event;
        try {
            event = parser.parse(json, lineIndex + 1);
        } catch (EventParseException e) {
            run.err().println("error: " + ("-".equals(events) ? "stdin" : events) + ":" + e.getMessage()
                    + (recordIndex < 0 ? "" : " (record " + recordIndex + ")"));
            counts.invalidLines++;
            return;
        }
        List<RuleMatch> matches = ruleSet.match(event);
        counts.events++;
        for (RuleMatch match : matches) {
            counts.matches++;
            print(out, match.rule(), lineIndex, recordIndex);
        }
        if (!matches.isEmpty() && correlationEngine.correlationCount() > 0) {
            Instant time = EventTime.of(event, run.timeFields());
            if (time == null) {
                counts.withoutTime++;
                return;
            }
            for (CorrelationMatch fired : correlationEngine.accept(matches, event, time, lineIndex)) {
                counts.correlationMatches++;
                print(out, fired, lineIndex);
            }
        }
    }

    private void print(PrintWriter out, CorrelationMatch fired, long eventIndex) {
        SigmaCorrelation correlation = fired.correlation();
        if (output == OutputFormat.table) {
            out.printf("%-7d %-13s %-36s %s (%s) %s%n", eventIndex, correlation.level(), correlation.handle(),
                    correlation.title(), correlation.author(), fired.explanation());
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("rule_id", correlation.id());
        line.put("rule_name", correlation.name());
        line.put("rule_title", correlation.title());
        line.put("level", correlation.level());
        line.put("author", correlation.author());
        line.put("correlation_type", correlation.type());
        line.put("group", fired.group());
        line.put("count", fired.count());
        if (fired.value() != null) {
            line.put("value", fired.value());
        }
        line.put("condition", fired.condition());
        line.put("event_index", eventIndex);
        line.put("time", fired.time().toString());
        line.put("window_start", fired.windowStart().toString());
        line.put("event_indexes", fired.events());
        line.put("explanation", fired.explanation());
        line.put("rule_file", correlation.source());
        out.println(JSON.writeValueAsString(line));
    }

    private void print(PrintWriter out, SigmaRule rule, long eventIndex, int recordIndex) {
        if (output == OutputFormat.table) {
            out.printf("%-7s %-13s %-36s %s (%s)%n", recordIndex < 0 ? eventIndex : eventIndex + "/" + recordIndex,
                    rule.level(), rule.id(), rule.title(), rule.author());
            return;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("rule_id", rule.id());
        line.put("rule_title", rule.title());
        line.put("level", rule.level());
        line.put("status", rule.status());
        line.put("author", rule.author());
        line.put("tags", rule.tags());
        line.put("event_index", eventIndex);
        if (recordIndex >= 0) {
            line.put("record_index", recordIndex);
        }
        line.put("rule_file", rule.source());
        out.println(JSON.writeValueAsString(line));
    }
}
