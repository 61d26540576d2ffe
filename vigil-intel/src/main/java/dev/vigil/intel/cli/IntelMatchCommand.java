package dev.vigil.intel.cli;

import dev.vigil.intel.feed.FeedFormatException;
import dev.vigil.intel.feed.FeedProblem;
import dev.vigil.intel.feed.IocCsvReader;
import dev.vigil.intel.match.EventFieldMapping;
import dev.vigil.intel.match.EventMatcher;
import dev.vigil.intel.match.IndicatorIndex;
import dev.vigil.intel.match.IndicatorMatch;
import dev.vigil.intel.match.LiveIndicatorIndex;
import dev.vigil.intel.stix.bundle.StixBundleReader;
import dev.vigil.intel.stix.bundle.StixIndicator;
import dev.vigil.intel.stix.compile.PatternCompilation;
import dev.vigil.intel.stix.compile.PatternIndicatorCompiler;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vigil intel match}: loads an indicator CSV (and/or STIX bundles whose patterns reduce to plain values), matches
 * every event of a JSON-lines file and prints one JSON line per event with at least one match. Skipped rows are reported on stderr with file and line. Exit 0 on success, 2 when
 * an input file cannot be read.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Match events (JSON lines) against indicators (CSV: id,type,value,source,confidence).")
public final class IntelMatchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--indicators", paramLabel = "FILE.csv",
            description = "Indicator CSV with a header row id,type,value[,source,confidence,first_seen,last_seen,valid_until].")
    private Path indicators;

    @Option(names = "--stix-bundle", paramLabel = "FILE.json",
            description = "STIX 2.1 bundle whose indicator patterns reduce to values (repeatable); others are listed on stderr.")
    private List<Path> stixBundles = new ArrayList<>();

    @Option(names = "--events", required = true, paramLabel = "FILE.jsonl", description = "Events, one JSON object per line.")
    private Path events;

    @Option(names = "--at", paramLabel = "TIMESTAMP",
            description = "Time at which indicator expiry is judged for events without their own timestamp (default: now).")
    private String at;

    public IntelMatchCommand() {
        // picocli entry point
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Instant defaultTime;
        try {
            defaultTime = at == null ? Instant.now() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            err.println("error: --at must be an ISO-8601 instant such as 2026-01-01T00:00:00Z, got '" + at + "'");
            return 2;
        }
        if (indicators == null && stixBundles.isEmpty()) {
            err.println("error: give --indicators FILE.csv and/or --stix-bundle FILE.json");
            return 2;
        }
        IndicatorIndex.Builder builder = IndicatorIndex.builder();
        Path reading = indicators;
        try {
            if (indicators != null) {
                List<FeedProblem> problems = new IocCsvReader().read(indicators, builder::add);
                problems.forEach(problem -> err.println("warning: skipped indicator at " + problem));
            }
            for (Path bundle : stixBundles) {
                reading = bundle;
                StixBundleReader.Result result = new StixBundleReader().read(bundle);
                result.problems().forEach(problem -> err.println("warning: skipped STIX object in " + problem));
                for (StixIndicator stix : result.indicators()) {
                    PatternCompilation compilation = PatternIndicatorCompiler.compile(stix,
                            bundle.getFileName().toString());
                    compilation.indicators().forEach(builder::add);
                    compilation.problems().forEach(problem -> err.println("note: " + bundle + ": not indexed: " + problem));
                }
            }
        } catch (FeedFormatException e) {
            err.println("error: " + describe(e, reading));
            return 2;
        }
        EventMatcher matcher = new EventMatcher(new LiveIndicatorIndex(builder.build()), EventFieldMapping.defaults());
        JsonMapper mapper = JsonMapper.builder().build();
        try (BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            List<FeedProblem> problems = new EventLinesReader().read(events, reader, event -> {
                Instant time = event.timestamp() == null ? defaultTime : event.timestamp();
                List<IndicatorMatch> matches = matcher.match(event.fields(), time);
                if (!matches.isEmpty()) {
                    out.println(mapper.writeValueAsString(toJson(mapper, event.index(), matches)));
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
        out.flush();
        return 0;
    }

    private static ObjectNode toJson(JsonMapper mapper, long index, List<IndicatorMatch> matches) {
        ObjectNode line = mapper.createObjectNode();
        line.put("event_index", index);
        ArrayNode array = line.putArray("matches");
        for (IndicatorMatch match : matches) {
            array.addObject().put("ioc", match.indicator().id()).put("kind", match.kind().label());
        }
        return line;
    }

    private static String describe(FeedFormatException e, Path file) {
        if (e.getCause() instanceof NoSuchFileException) {
            return file + ": no such file";
        }
        return e.getMessage();
    }
}
