package dev.vigil.benchmarks.detect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;

/** The shared corpus's Sigma rules and Windows events, as the detection benchmarks use them. */
final class SigmaCorpus {

    private final Path root;

    private SigmaCorpus(Path root) {
        this.root = root;
    }

    static SigmaCorpus locate() {
        Path sigma = Path.of(System.getProperty("vigil.corpus.dir", "../shared/corpus")).resolve("sigma");
        if (!Files.isDirectory(sigma)) {
            throw new IllegalStateException("corpus not found at " + sigma.toAbsolutePath()
                    + " (run from the checkout or set -Dvigil.corpus.dir)");
        }
        return new SigmaCorpus(sigma);
    }

    /** The rules of the {@link #ruleFiles} of {@code size}. */
    List<SigmaRule> ruleSample(String size) throws IOException {
        SigmaRuleParser parser = new SigmaRuleParser();
        List<SigmaRule> rules = new ArrayList<>();
        for (Path file : ruleFiles(size)) {
            rules.addAll(parser.parse(file).rules());
        }
        return rules;
    }

    /**
     * {@code size} rule files ("all" or a number), chosen deterministically and spread over the whole set: of the
     * path-sorted files, every (total / size)-th one. Taking the first files instead would take only one folder
     * (compliance rules, which no Windows event reaches).
     */
    List<Path> ruleFiles(String size) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root.resolve("rules"))) {
            files = walk.filter(f -> f.toString().endsWith(".yml")).sorted().toList();
        }
        int wanted = "all".equals(size) ? files.size() : Math.min(Integer.parseInt(size), files.size());
        List<Path> sample = new ArrayList<>(wanted);
        for (int i = 0; i < wanted; i++) {
            sample.add(files.get((int) ((long) i * files.size() / wanted)));
        }
        return sample;
    }

    /** The evtx_dump JSON lines of every case, in case order (165 events). */
    List<String> eventLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> cases = Files.list(root.resolve("cases"))) {
            for (Path dir : cases.sorted().toList()) {
                lines.addAll(Files.readAllLines(dir.resolve("events.jsonl")));
            }
        }
        return lines;
    }

    List<JsonEvent> parsedEvents(JsonEventParser parser) throws IOException, EventParseException {
        List<String> lines = eventLines();
        List<JsonEvent> events = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            events.add(parser.parse(lines.get(i), i + 1));
        }
        return events;
    }
}
