package dev.vigil.intel.cli;

import dev.vigil.intel.feed.FeedProblem;
import dev.vigil.intel.stix.evaluate.EventObservables;
import dev.vigil.intel.stix.evaluate.PatternEvaluator;
import dev.vigil.intel.stix.evaluate.PatternVerdict;
import dev.vigil.intel.stix.pattern.InvalidPatternException;
import dev.vigil.intel.stix.pattern.StixPattern;
import dev.vigil.intel.stix.pattern.StixPatternParser;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code vigil intel eval-pattern 'PATTERN' --events FILE.jsonl}: prints {@code {"event_index": i}} for each event the
 * pattern matches. Exit 0 when evaluated, 1 when the pattern is invalid or not evaluable against single events
 * (the reason is printed), 2 when the events cannot be read.
 */
@Command(name = "eval-pattern", mixinStandardHelpOptions = true,
        description = "Evaluate a STIX 2.1 pattern against each event of a JSON-lines file.")
public final class EvalPatternCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PATTERN", description = "The STIX 2.1 pattern.")
    private String pattern;

    @Option(names = "--events", required = true, paramLabel = "FILE.jsonl", description = "Events, one JSON object per line.")
    private Path events;

    public EvalPatternCommand() {
        // picocli entry point
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StixPattern parsed;
        try {
            parsed = StixPatternParser.parse(pattern);
        } catch (InvalidPatternException e) {
            out.println("invalid: " + e.getMessage());
            return 1;
        }
        AtomicReference<String> notEvaluable = new AtomicReference<>();
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            List<FeedProblem> problems = new EventLinesReader().read(events, reader, event -> {
                if (notEvaluable.get() != null) {
                    return;
                }
                switch (PatternEvaluator.evaluate(parsed, EventObservables.fromFields(event.fields()))) {
                    case PatternVerdict.Matched matched -> out.println("{\"event_index\":" + event.index() + "}");
                    case PatternVerdict.NotMatched notMatched -> { }
                    case PatternVerdict.NotEvaluable reason -> notEvaluable.set(reason.reason());
                }
            });
            problems.forEach(problem -> err.println("warning: skipped event at " + problem));
        } catch (NoSuchFileException e) {
            err.println("error: " + events + ": no such file");
            return 2;
        } catch (IOException | java.io.UncheckedIOException e) {
            err.println("error: " + events + ": cannot read: " + e.getMessage());
            return 2;
        }
        if (notEvaluable.get() != null) {
            out.println("not evaluable: " + notEvaluable.get());
            return 1;
        }
        out.flush();
        return 0;
    }
}
