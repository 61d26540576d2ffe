package dev.vigil.server.detection.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.vigil.detect.sigma.rule.LogSource;
import dev.vigil.detect.sigma.rule.SigmaCorrelation;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaFilter;
import dev.vigil.detect.sigma.rule.SigmaProblem;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.server.detection.RuleFile;

/**
 * Splits import files into their Sigma documents and validates each with the engine's parser. A file may hold several
 * documents separated by {@code ---}; each is kept as its own text so that it is versioned on its own. Problems name
 * the file and the line in that file.
 */
public final class SigmaDocumentReader {

    private static final Pattern SEPARATOR = Pattern.compile("(?m)^---[ \\t]*(?:\\r?\\n|$)");

    private final SigmaRuleParser parser = new SigmaRuleParser();

    /** What an import yields: valid documents, and the problems of the rest. */
    public record Result(List<ImportedDocument> documents, List<SigmaProblem> problems) {
    }

    public Result read(List<RuleFile> files) {
        List<ImportedDocument> documents = new ArrayList<>();
        List<SigmaProblem> problems = new ArrayList<>();
        Map<String, ImportedDocument> byKey = new HashMap<>();
        for (RuleFile file : files) {
            for (Chunk chunk : split(file.text())) {
                SigmaDocuments parsed = parser.parse(chunk.text(), file.name());
                for (SigmaProblem problem : parsed.problems()) {
                    problems.add(new SigmaProblem(file.name(), problem.line() + chunk.firstLine() - 1, problem.reason()));
                }
                for (ImportedDocument document : describe(parsed, chunk, file.name(), problems)) {
                    ImportedDocument earlier = byKey.putIfAbsent(document.key(), document);
                    if (earlier != null) {
                        problems.add(new SigmaProblem(file.name(), document.line(), "id " + document.key()
                                + " is also used by " + earlier.file() + ":" + earlier.line()));
                    } else {
                        documents.add(document);
                    }
                }
            }
        }
        return new Result(documents, problems);
    }

    /** Parses one stored document again (for compiling); the text was valid when it was imported. */
    public SigmaDocuments parseStored(String yaml, String source) {
        return parser.parse(yaml, source);
    }

    private record Chunk(String text, int firstLine) {
    }

    private static List<Chunk> split(String text) {
        List<Chunk> chunks = new ArrayList<>();
        Matcher matcher = SEPARATOR.matcher(text);
        int start = 0;
        int line = 1;
        while (matcher.find()) {
            addChunk(chunks, text.substring(start, matcher.start()), line);
            line += lines(text, start, matcher.end());
            start = matcher.end();
        }
        addChunk(chunks, text.substring(start), line);
        if (chunks.isEmpty()) {
            chunks.add(new Chunk(text, 1));
        }
        return chunks;
    }

    private static void addChunk(List<Chunk> chunks, String text, int firstLine) {
        if (!text.isBlank()) {
            chunks.add(new Chunk(text, firstLine));
        }
    }

    private static int lines(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    private static List<ImportedDocument> describe(SigmaDocuments parsed, Chunk chunk, String file, List<SigmaProblem> problems) {
        List<ImportedDocument> documents = new ArrayList<>();
        int line = chunk.firstLine();
        for (SigmaRule rule : parsed.rules()) {
            key(rule.id(), rule.name(), file, line, problems, "rule").ifPresent(key -> documents.add(new ImportedDocument(
                    key, "rule", rule.title(), text(rule.level()), text(rule.status()), text(rule.author()),
                    describe(rule.logsource()), chunk.text(), file, line)));
        }
        for (SigmaCorrelation correlation : parsed.correlations()) {
            key(correlation.id(), correlation.name(), file, line, problems, "correlation").ifPresent(key -> documents.add(
                    new ImportedDocument(key, "correlation", correlation.title(), text(correlation.level()), "",
                            text(correlation.author()), correlation.type(), chunk.text(), file, line)));
        }
        for (SigmaFilter filter : parsed.filters()) {
            key(filter.id(), null, file, line, problems, "filter").ifPresent(key -> documents.add(new ImportedDocument(
                    key, "filter", filter.title(), "", "", "", describe(filter.logsource()), chunk.text(), file, line)));
        }
        return documents;
    }

    private static java.util.Optional<String> key(String id, String name, String file, int line, List<SigmaProblem> problems,
            String kind) {
        if (id != null && !id.isBlank()) {
            return java.util.Optional.of(id.trim());
        }
        if (name != null && !name.isBlank()) {
            return java.util.Optional.of("name:" + name.trim());
        }
        problems.add(new SigmaProblem(file, line, "the " + kind + " has no id: managed rules need one (a UUID) so that "
                + "versions, exceptions and alerts can refer to it"));
        return java.util.Optional.empty();
    }

    private static String describe(LogSource logsource) {
        if (logsource == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (logsource.product() != null) {
            parts.add("product:" + logsource.product());
        }
        if (logsource.category() != null) {
            parts.add("category:" + logsource.category());
        }
        if (logsource.service() != null) {
            parts.add("service:" + logsource.service());
        }
        return String.join(" ", parts);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
