package dev.vigil.detect.sigma.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.testkit.Corpus;

/** The corpus rule files, parsed once per test run (several conformance tests need all of them). */
final class CorpusRules {

    private static Map<Path, SigmaDocuments> parsed;

    private CorpusRules() {
    }

    static Path root() {
        return Corpus.require("sigma").resolve("rules");
    }

    /** Every rule file under corpus/sigma/rules with what it parsed to, in path order. */
    static synchronized Map<Path, SigmaDocuments> all() {
        if (parsed == null) {
            SigmaRuleParser parser = new SigmaRuleParser();
            Map<Path, SigmaDocuments> result = new LinkedHashMap<>();
            for (Path file : yamlFiles(root())) {
                result.put(file, parser.parse(file));
            }
            parsed = result;
        }
        return parsed;
    }

    static List<Path> yamlFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
